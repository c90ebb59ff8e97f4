// The record of the sources' readings (.legisite-sources): read back, it gives each reading as
// read_markdown_article or parse_legi_document made it, for a file left alone before the record's
// date, and nothing from a record another program wrote or a damaged one.

#include "sources/source_record.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <variant>

#include "io/file_system.h"
#include "sources/sources.h"
#include "support/environment.h"

namespace legisite::source_record_test {
namespace {

namespace fs = std::filesystem;

/// Writes `text` at `root/name`, dated an hour ago (older than the second a stamp needs).
void write_old(const fs::path& root, const std::string& name, const std::string& text) {
  legisite::testing::write_file(root / name, text);
  fs::last_write_time(root / name, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

/// Every field a reader fills, compared one by one.
void check_same(const ParsedMarkdown& a, const ParsedMarkdown& b) {
  CHECK(a.parsed == b.parsed);
  CHECK(a.article.number.text() == b.article.number.text());
  CHECK(a.article.code_title == b.article.code_title);
  CHECK(a.article.cid == b.article.cid);
  const Version &v = a.article.version, &w = b.article.version;
  CHECK(v.id == w.id);
  CHECK(v.start == w.start);
  CHECK(v.end == w.end);
  CHECK(v.status == w.status);
  CHECK(v.has_text == w.has_text);
  CHECK(v.text_html == w.text_html);
  CHECK(v.nota_html == w.nota_html);
  CHECK(v.links == w.links);  // every field of each link
  CHECK(v.amended_by == w.amended_by);
  CHECK(v.source_key == w.source_key);
  CHECK(v.format == w.format);
  CHECK(v.origin == w.origin);  // file, line and column
  CHECK(v.also_from == w.also_from);
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic &d = a.diagnostics[i], &e = b.diagnostics[i];
    CHECK(d.severity == e.severity);
    CHECK(d.where == e.where);
    CHECK(d.message == e.message);
    CHECK(d.source_line == e.source_line);
    CHECK(d.notes == e.notes);
    CHECK(d.group == e.group);
  }
}

/// A folder of Markdown article files and LEGI XML files, read through a cache as a load does.
struct Readings {
  testing::TempDir dir{"legisite-source-record"};
  SourceCache cache;
  std::vector<std::string> paths;

  void add(const std::string& name, const std::string& text) {
    write_old(dir.path, name, text);
    paths.push_back(name);
  }
  void read_all() {
    DiskFileSystem files(dir.path.string());
    Diagnostics diagnostics;
    for (const std::string& path : paths) {
      if (path.ends_with(".xml"))
        read_legi_file(files, path, &cache, diagnostics);
      else
        read_article_file(files, path, &cache, false, diagnostics);
    }
  }
  FileStamp stamp(const std::string& path) const {
    FileStamp stamp;
    REQUIRE(DiskFileSystem(dir.path.string()).stamp(path, stamp));
    return stamp;
  }
};

}  // namespace

TEST_CASE("a record read back gives every reading as it was read, diagnostics included",
          "[sources]") {
  Readings r;
  DiskFileSystem seeds(LEGISITE_SHARED_DIR "/seeds");
  std::string seed, error;
  if (!seeds.read_file("R133-19.md", seed, error)) {
    legisite::testing::skip_because_missing(LEGISITE_SHARED_DIR "/seeds/R133-19.md (" + error +
                                            ")");
    return;
  }
  r.add("R133-19.md", seed);  // front matter, a text, "Liens relatifs"
  r.add("Livre 1/L2.md",
        "---\nfoo: bar\nnum: L9\n---\n# Article L2\n\nVoir l'article L. 1.\n\n"
        "**Liens relatifs à cet article**\n\n_Voir aussi_:\n- Code civil - art. 3\n");
  r.add("Livre 1/sans-numéro.md", "Un texte sans titre d'article.\n");
  r.read_all();
  REQUIRE(r.cache.size() == 3);

  const std::string record = format_source_record(r.cache, "program-1");
  SourceCache back;
  CHECK(read_source_record(record, "program-1", stamp_clock_now(), back) == 3);
  for (const std::string& path : r.paths) {
    INFO(path);
    const FileStamp stamp = r.stamp(path);
    auto was = r.cache.markdown.find(path, stamp), is = back.markdown.find(path, stamp);
    REQUIRE(was);
    REQUIRE(is);
    check_same(*was, *is);
  }
  // What the files hold shows in the readings compared: links, warnings, an error.
  const auto seed_reading = back.markdown.find("R133-19.md", r.stamp("R133-19.md"));
  CHECK(seed_reading->parsed);
  CHECK(seed_reading->article.version.links.size() > 5);
  CHECK(seed_reading->article.version.text_html.find("sont conclues") != std::string::npos);
  CHECK(back.markdown.find("Livre 1/L2.md", r.stamp("Livre 1/L2.md"))->diagnostics.size() >= 2);
  CHECK_FALSE(
      back.markdown.find("Livre 1/sans-numéro.md", r.stamp("Livre 1/sans-numéro.md"))->parsed);
  // A reading read back is recorded again byte for byte.
  back.start_load();
  for (const std::string& path : r.paths) back.markdown.find(path, r.stamp(path));
  CHECK(format_source_record(back, "program-1") == record);
}

TEST_CASE("a record read back gives every LEGI document as it was read, diagnostics included",
          "[sources]") {
  const fs::path real = LEGISITE_SHARED_DIR "/corpus/legi-xml";
  if (!fs::is_directory(real)) {
    legisite::testing::skip_because_missing(real.string() + " (real LEGI XML files)");
    return;
  }
  Readings r;
  // One real file of each kind the reader knows: ARTICLE, SECTION_TA, TEXTELR, TEXTE_VERSION.
  const std::vector<std::string> kinds = {"LEGIARTI000006398122.xml", "LEGISCTA000006135575.xml",
                                          "struct/LEGITEXT000006070666.xml",
                                          "version/LEGITEXT000006070666.xml"};
  for (const std::string& name : kinds) r.add(name, testing::read_file(real / name));
  r.add("broken.xml", "<ARTICLE><META>");  // not well-formed: no document, an error
  r.read_all();
  REQUIRE(r.cache.size() == 5);

  const std::string record = format_source_record(r.cache, "program-1");
  SourceCache back;
  CHECK(read_source_record(record, "program-1", stamp_clock_now(), back) == 5);
  auto read_back = [&](const std::string& path) {
    auto is = back.legi.find(path, r.stamp(path));
    REQUIRE(is);
    return is;
  };
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    INFO(kinds[i]);
    auto was = r.cache.legi.find(kinds[i], r.stamp(kinds[i]));
    auto is = read_back(kinds[i]);
    REQUIRE(is->document);
    CHECK(is->document->index() == i);
    CHECK(is->diagnostics.size() == was->diagnostics.size());
  }
  const auto& article = std::get<LegiArticle>(*read_back(kinds[0])->document);
  const auto& was_article =
      std::get<LegiArticle>(*r.cache.legi.find(kinds[0], r.stamp(kinds[0]))->document);
  CHECK(article.record.number.text() == was_article.record.number.text());
  CHECK(article.record.section_path == was_article.record.section_path);
  CHECK(article.record.version.text_html == was_article.record.version.text_html);
  CHECK(article.record.version.links == was_article.record.version.links);
  CHECK(article.versions.size() == was_article.versions.size());
  CHECK(!article.record.version.text_html.empty());
  const auto& section = std::get<LegiSection>(*read_back(kinds[1])->document);
  CHECK(!section.children.empty());
  CHECK(section.children.back().title ==
        std::get<LegiSection>(*r.cache.legi.find(kinds[1], r.stamp(kinds[1]))->document)
            .children.back()
            .title);
  CHECK(!std::get<LegiTextVersion>(*read_back(kinds[3])->document).title.empty());
  const auto broken = read_back("broken.xml");
  CHECK_FALSE(broken->document);
  REQUIRE(broken->diagnostics.size() == 1);
  CHECK(broken->diagnostics[0].message.find("not well-formed") != std::string::npos);
  // Read back and recorded again, every field is written as it was: byte for byte.
  back.start_load();
  for (const std::string& path : r.paths) back.legi.find(path, r.stamp(path));
  CHECK(format_source_record(back, "program-1") == record);
}

TEST_CASE("a record read back gives a git repository's reading, every commit and article",
          "[sources][git]") {
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return;
  }
  testing::TempDir dir("legisite-source-record-git");
  const fs::path repo = dir.path / "constitution";
  // The golden Tricoteuses commits: the Constitution's first state, then article 11 deleted.
  testing::make_repository(fs::path(LEGISITE_SOURCE_DIR) / "tests/golden/git-tricoteuses/commits",
                           repo);
  DiskFileSystem files(repo.string());
  SourceCache cache;
  Corpus corpus;
  Diagnostics diagnostics;
  const LoadSummary read = load_sources(files, corpus, diagnostics, 1, {}, &cache);
  REQUIRE(cache.git);
  const GitHistoryReading& was = *cache.git;
  CHECK(was.shas.size() == 2);
  CHECK(was.blobs_read() == read.files_read);

  const std::string record = format_source_record(cache, "program-1");
  SourceCache back;
  CHECK(read_source_record(record, "program-1", 0, back) == 1);  // no stamp to trust
  REQUIRE(back.git);
  const GitHistoryReading& is = *back.git;
  CHECK(is.options == was.options);
  CHECK(is.shas == was.shas);
  CHECK(is.blobs_read() == was.blobs_read());
  REQUIRE(is.tracks.size() == was.tracks.size());
  for (auto a = is.tracks.begin(), b = was.tracks.begin(); a != is.tracks.end(); ++a, ++b) {
    INFO(b->first);
    CHECK(a->first == b->first);
    CHECK(a->second.open == b->second.open);
    REQUIRE(a->second.versions.size() == b->second.versions.size());
    for (std::size_t v = 0; v < a->second.versions.size(); ++v) {
      const ArticleRecord &x = a->second.versions[v], &y = b->second.versions[v];
      CHECK(x.code_title == y.code_title);
      CHECK(x.code_legi_id == y.code_legi_id);
      CHECK(x.number.text() == y.number.text());
      CHECK(x.cid == y.cid);
      CHECK(x.order == y.order);
      CHECK(x.section_path.size() == y.section_path.size());
      check_same(ParsedMarkdown{true, {x.number, x.code_title, x.cid, x.version}, {}},
                 ParsedMarkdown{true, {y.number, y.code_title, y.cid, y.version}, {}});
    }
  }
  CHECK(is.articles.size() == was.articles.size());
  CHECK(format_source_record(back, "program-1") == record);

  // A load through the record reads no file, and gives what the first load gave.
  Corpus again;
  Diagnostics said;
  const LoadSummary kept = load_sources(files, again, said, 1, {}, &back);
  CHECK(kept.files_read == 0);
  CHECK(kept.files_unchanged == read.files_read);
  CHECK(format_all(said) == format_all(diagnostics));
  REQUIRE(again.articles().size() == corpus.articles().size());
  for (std::size_t i = 0; i < corpus.articles().size(); ++i) {
    CHECK(again.articles()[i].number.text() == corpus.articles()[i].number.text());
    CHECK(again.articles()[i].versions.size() == corpus.articles()[i].versions.size());
  }
}

TEST_CASE("a reading is trusted only for a file left alone a second before the record's date",
          "[sources]") {
  Readings r;
  r.add("L1.md", "# Article L1\n\nTexte.\n");
  r.read_all();
  const std::string record = format_source_record(r.cache, "p");
  const std::int64_t written = r.stamp("L1.md").mtime_ns;
  SourceCache soon, later;
  CHECK(read_source_record(record, "p", written + kStampSettleNanoseconds / 2, soon) == 0);
  CHECK(read_source_record(record, "p", written + 2 * kStampSettleNanoseconds, later) == 1);
  CHECK(later.markdown.find("L1.md", r.stamp("L1.md")));
  // Another stamp (the file written again) finds nothing.
  FileStamp other = r.stamp("L1.md");
  ++other.size;
  CHECK_FALSE(later.markdown.find("L1.md", other));
}

TEST_CASE("a record another program wrote, or a damaged one, gives nothing", "[sources]") {
  Readings r;
  r.add("L1.md", "# Article L1\n\nTexte.\n");
  r.add("L2.md", "---\nfoo: bar\n---\n# Article L2\n\nAutre texte.\n");
  r.read_all();
  const std::string record = format_source_record(r.cache, "program-1");
  SourceCache cache;
  CHECK(read_source_record(record, "program-2", stamp_clock_now(), cache) == 0);
  CHECK(read_source_record(record, "program-", stamp_clock_now(), cache) == 0);
  CHECK(read_source_record("", "program-1", stamp_clock_now(), cache) == 0);
  for (std::size_t cut = 0; cut < record.size(); ++cut) {
    INFO(cut);
    CHECK(read_source_record(record.substr(0, cut), "program-1", stamp_clock_now(), cache) == 0);
  }
  CHECK(read_source_record(record + "x", "program-1", stamp_clock_now(), cache) == 0);
  // A record of an earlier format (Markdown readings alone; no git reading; stamps without the
  // change time) is another program's.
  for (const char* earlier : {" 1\n", " 2\n", " 3\n"}) {
    std::string old = record;
    old.replace(old.find(" 4\n"), 3, earlier);
    CHECK(read_source_record(old, "program-1", stamp_clock_now(), cache) == 0);
  }
  CHECK(cache.size() == 0);
  CHECK(read_source_record(record, "program-1", stamp_clock_now(), cache) == 2);
}

}  // namespace legisite::source_record_test
