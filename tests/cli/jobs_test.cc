// `-j N` changes how many threads read, resolve and render, never what is built: whole sites
// (every file's bytes) and their diagnostics are compared across thread counts. The generated
// sources are large enough that every parallel phase splits them into several chunks, and carry
// problems in many chunks, so that the order of diagnostics is tested too.

#include <catch2/catch.hpp>
#include <string>

#include "cli/build.h"
#include "cli/link_report.h"
#include "io/file_system.h"
#include "io/output_sink.h"

namespace jobs_test {

using namespace legisite;

namespace {

/// What a build gave: every file written, and every diagnostic formatted in report order.
struct Built {
  std::map<std::string, std::string> files;
  std::string diagnostics;
  std::string link_report;
};

Built build(const FileSystem& content, std::size_t jobs) {
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.jobs = jobs;
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildReport report = build_into(content, theme, options, out, diagnostics);
  return {out.files(), format_all(diagnostics), format_link_report(report.links, 1000000)};
}

// A whole-code dump of `count` articles (L10, L20…), each citing the next, some a range, some an
// article the code lacks (a cited-only article is created by the first citation in order and
// counts in the ranges after it), every seventh with an unknown state.
std::string code_dump(int count) {
  std::string json = R"({"type": "code", "data": {"id": "LEGITEXT000000000001", "cid": )"
                     R"("LEGITEXT000000000001", "title": "Code de test"}, "children": [)";
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i * 10), id = "LEGIARTI" + std::to_string(100000000 + i);
    std::string text = "<p>Voir l'article L. " + std::to_string(i * 10 + 10) + ".</p>";
    if (i % 97 == 50) text += "<p>Voir l'article L. 55.</p>";
    if (i % 89 == 3) text += "<p>Les articles L. 50 à L. 60.</p>";
    json += std::string(i > 1 ? ",\n" : "\n") + R"({"type": "article", "data": {"id": ")" + id +
            R"(", "cid": ")" + id + R"(", "num": "L)" + n + R"(", "intOrdre": )" + n +
            R"(, "texteHtml": ")" + text + R"(", "articleVersions": [{"id": ")" + id +
            R"(", "etat": ")" + (i % 7 == 0 ? "EN_SURSIS" : "VIGUEUR") +
            R"(", "dateDebut": 504921600000, "dateFin": 32472144000000}]}})";
  }
  return json + "]}\n";
}

// A history of `count` articles of two versions each; every ninth second version has no commit.
MemoryFileSystem history(int count) {
  MemoryFileSystem files;
  std::string log;
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i);
    const std::string folder = "Code De Test/Livre 1/Article R" + n;
    const std::string sha1 = "a" + std::string(9 - n.size(), '0') + n + "ff";
    const std::string sha2 = "b" + std::string(9 - n.size(), '0') + n + "ff";
    log += R"({"sha": ")" + sha1 +
           R"(", "author_date": "2005-08-12", "commit_date": "2005-08-12", )"
           R"("author": "RF", "message": "Création", "changes": [{"status": "A", "path": ")" +
           folder +
           R"(.md"}]})"
           "\n";
    files.add_file("history/" + folder + "/001_2005-08-12_" + sha1.substr(0, 10) + ".md",
                   "Article R" + n + "\n----\nPremier texte, voir l'article R. " +
                       std::to_string(i + 1) + ".\n");
    if (i % 9 != 0)
      log += R"({"sha": ")" + sha2 +
             R"(", "author_date": "2013-07-10", "commit_date": )"
             R"("2013-07-10", "author": "RF", "message": "Décret", "changes": [{"status": "M", )"
             R"("path": ")" +
             folder +
             R"(.md"}]})"
             "\n";
    files.add_file("history/" + folder + "/002_2013-07-08_" + sha2.substr(0, 10) + ".md",
                   "Article R" + n + "\n----\nSecond texte.\n");
  }
  files.add_file("commits.jsonl", log);
  return files;
}

// A LEGI XML tree of `count` articles, each file in its own folder as in DILA's dump, citing the
// next; every eleventh file is not well-formed and every thirteenth lacks its NUM, so that
// problems come from many chunks of files.
MemoryFileSystem legi_tree(int count) {
  MemoryFileSystem files;
  const std::string code = "LEGITEXT000000000001";
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i * 10), id = "LEGIARTI" + std::to_string(100000000 + i);
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ARTICLE><META><META_COMMUN><ID>" + id +
        "</ID><NATURE>Article</NATURE></META_COMMUN><META_SPEC><META_ARTICLE>" +
        (i % 13 == 0 ? "" : "<NUM>L" + n + "</NUM>") +
        "<ETAT>VIGUEUR</ETAT><DATE_DEBUT>1985-01-01</DATE_DEBUT><DATE_FIN>2999-01-01</DATE_FIN>"
        "</META_ARTICLE></META_SPEC></META><CONTEXTE><TEXTE cid=\"" +
        code +
        "\"><TITRE_TXT>Code de test</TITRE_TXT></TEXTE></CONTEXTE><BLOC_TEXTUEL><CONTENU><p>"
        "Voir l'article L. " +
        std::to_string(i * 10 + 10) + ".</p></CONTENU></BLOC_TEXTUEL></ARTICLE>\n";
    if (i % 11 == 0) xml.resize(xml.size() / 2);
    files.add_file(code + "/article/" + id.substr(14, 2) + "/" + id + ".xml", xml);
  }
  return files;
}

void check_same_for_every_thread_count(const FileSystem& content) {
  const Built one = build(content, 1);
  REQUIRE(one.files.size() > 100);
  for (std::size_t jobs : {2, 3, 8}) {
    INFO("-j " << jobs);
    const Built other = build(content, jobs);
    CHECK(other.diagnostics == one.diagnostics);
    CHECK(other.link_report == one.link_report);
    REQUIRE(other.files.size() == one.files.size());
    for (const auto& [path, bytes] : one.files) {
      INFO(path);
      auto it = other.files.find(path);
      REQUIRE(it != other.files.end());
      CHECK(it->second == bytes);
    }
  }
}

TEST_CASE("a whole-code dump builds the same site with 1, 2, 3 and 8 threads", "[cli][jobs]") {
  MemoryFileSystem content;
  content.add_file("code.json", code_dump(400));
  const Built one = build(content, 1);
  // The problems the test relies on are there: unknown states and created cited-only articles.
  CHECK(one.diagnostics.find("unknown etat 'EN_SURSIS'") != std::string::npos);
  CHECK(one.files.count("code-de-test/l55/index.html") == 1);
  check_same_for_every_thread_count(content);
}

TEST_CASE("a history builds the same site with 1, 2, 3 and 8 threads", "[cli][jobs]") {
  MemoryFileSystem content = history(200);
  const Built one = build(content, 1);
  CHECK(one.diagnostics.find("no commit of commits.jsonl wrote this version") != std::string::npos);
  check_same_for_every_thread_count(content);
}

TEST_CASE("a LEGI XML tree builds the same site with 1, 2, 3 and 8 threads", "[cli][jobs]") {
  MemoryFileSystem content = legi_tree(300);
  const Built one = build(content, 1);
  CHECK(one.diagnostics.find("not well-formed") != std::string::npos);
  CHECK(one.diagnostics.find("NUM") != std::string::npos);
  check_same_for_every_thread_count(content);
}

TEST_CASE("the demo builds the same site with 1, 2, 3 and 8 threads", "[cli][jobs]") {
  DiskFileSystem content(std::string(LEGISITE_SOURCE_DIR) + "/content");
  check_same_for_every_thread_count(content);
}

}  // namespace

}  // namespace jobs_test
