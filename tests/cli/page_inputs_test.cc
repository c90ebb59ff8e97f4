// The record of pages' inputs (.legisite-inputs, render/fingerprints.h): which fingerprints an
// edit changes decides which pages a build over the published site renders again
// (tests/cli/incremental_test.cc checks the sites themselves).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "cli/build.h"
#include "render/fingerprints.h"
#include "support/environment.h"

namespace page_inputs_test {

namespace fs = std::filesystem;
using namespace legisite;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;
const std::string kCode = "code-de-la-securite-sociale/";

bool is_shard(const std::string& path) {
  return path.rfind("recherche/", 0) == 0 && path.size() > 3 &&
         path.compare(path.size() - 3, 3, ".js") == 0;
}

/// The demo, copied, built into memory: the record each build writes.
struct Demo {
  legisite::testing::TempDir dir{"legisite-page-inputs"};
  fs::path content = dir.path / "content";
  fs::path chapter = content /
                     "code-de-la-securite-sociale/Partie Législative/Livre 7/Titre 5/"
                     "Chapitre 2";
  std::size_t toc_split = BuildOptions().toc_split;
  int feed_days = BuildOptions().feed_days;
  bool all_toc_dates = false;
  std::string date = "2026-11-26";
  fs::path theme = dir.path / "theme";
  Demo() {
    fs::copy(kSource + "/content", content, fs::copy_options::recursive);
    fs::copy(kSource + "/themes/default", theme, fs::copy_options::recursive);
  }

  PageFingerprints build() {
    BuildOptions options;
    options.content = content.string();
    options.theme = theme.string();
    options.date = *Date::parse(date);
    options.jobs = 2;
    options.toc_split = toc_split;
    options.feed_days = feed_days;
    options.all_toc_dates = all_toc_dates;
    DiskFileSystem content_files(options.content), theme_files(options.theme);
    MemoryOutput out;
    Diagnostics diagnostics;
    BuildReport report = build_into(content_files, theme_files, options, out, diagnostics);
    REQUIRE(report.pages > 100);
    CHECK(report.pages_rendered == report.pages);  // memory keeps nothing from before
    auto it = out.files().find(kPageInputsName);
    REQUIRE(it != out.files().end());
    auto record = parse_page_inputs(it->second);
    REQUIRE(record);
    // A line per page, and one per shard of the search index's texts.
    std::size_t shards = 0;
    for (const auto& [path, digest] : *record) shards += is_shard(path);
    CHECK(shards >= 4);  // the current texts and the older versions, as terms and as texts
    CHECK(record->size() - shards == report.pages);
    return *record;
  }

  void replace(const fs::path& file, const std::string& from, const std::string& to) {
    REQUIRE(legisite::testing::replace_in_file(file, from, to));
  }

  void append(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary | std::ios::app) << text;
  }
};

std::set<std::string> changed(const PageFingerprints& before, const PageFingerprints& after) {
  std::set<std::string> out;
  for (const auto& [path, digest] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != digest) out.insert(path);
  }
  return out;
}

/// The pages of `paths` about no one article: tables, dated tables, texts, home, search.
std::set<std::string> tables(const std::set<std::string>& paths) {
  static const std::regex kArticlePage("(id/|textes/[^/]+/|" + kCode + "[a-z]+[0-9]).*");
  std::set<std::string> out;
  for (const std::string& path : paths)
    if (!std::regex_match(path, kArticlePage) && !is_shard(path)) out.insert(path);
  return out;
}

/// The shards of the search index among `paths`.
std::set<std::string> shards(const std::set<std::string>& paths) {
  std::set<std::string> out;
  for (const std::string& path : paths)
    if (is_shard(path)) out.insert(path);
  return out;
}

}  // namespace

TEST_CASE("the record of pages' inputs reads back what it wrote and nothing else",
          "[build][incremental]") {
  PageFingerprints pages;
  pages["index.html"] = digest_of("a");
  pages["code/l1/index.html"] = digest_of("b");
  const std::string text = format_page_inputs(pages);
  CHECK(text == "code/l1/index.html\t" + digest_of("b").hex() + "\nindex.html\t" +
                    digest_of("a").hex() + "\n");
  CHECK(parse_page_inputs(text) == pages);
  CHECK(parse_page_inputs("") == PageFingerprints{});
  // Cut short, a digest too short, no path, no tab: not a record (every page is rendered).
  CHECK_FALSE(parse_page_inputs(text.substr(0, text.size() - 1)));
  CHECK_FALSE(parse_page_inputs("index.html\tabc\n"));
  CHECK_FALSE(parse_page_inputs("\t" + digest_of("a").hex() + "\n"));
  CHECK_FALSE(parse_page_inputs("index.html " + digest_of("a").hex() + "\n"));
}

TEST_CASE(
    "a text edit changes the fingerprints of its article's pages and its linked articles', not "
    "those of tables, texts or the home page, and a new number changes the code's table",
    "[build][incremental]") {
  Demo demo;
  const PageFingerprints first = demo.build();
  CHECK(demo.build() == first);  // the same inputs, the same fingerprints

  demo.append(demo.chapter / "Article L752-4/002_2004-12-21_384a575080.md",
              "\nUn alinéa ajouté.\n");
  const PageFingerprints text_edit = demo.build();
  const std::set<std::string> edited = changed(first, text_edit);
  INFO(edited.size() << " of " << first.size() << " pages");
  CHECK(edited.count(kCode + "l752-4/index.html") == 1);
  CHECK(edited.count(kCode + "l752-4/2004-12-21/index.html") == 1);
  CHECK(edited.size() * 5 < first.size());
  for (const auto& [path, digest] : first) {
    INFO(path);
    // Home, the code's table and its dated tables, amending texts and their index, search, 404.
    static const std::regex kArticlePage("(id/|" + kCode + "[a-z]+[0-9]).*");
    if (!std::regex_match(path, kArticlePage) && !is_shard(path))
      CHECK(text_edit.at(path) == digest);
  }
  // The search index's shards that hold L752-4's texts (the demo's texts fit in one run each).
  const std::string index = "recherche/code-de-la-securite-sociale-";
  CHECK(shards(edited) == std::set<std::string>{index + "texte-0.js", index + "texte-mots-0.js",
                                                index + "versions-0.js",
                                                index + "versions-mots-0.js"});
  CHECK(text_edit.at("index.html") == first.at("index.html"));
  CHECK(text_edit.at(kCode + "index.html") == first.at(kCode + "index.html"));

  fs::rename(demo.chapter / "Article L752-4", demo.chapter / "Article L752-4-1");
  fs::path moved = demo.chapter / "Article L752-4-1";
  for (const auto& entry : fs::directory_iterator(moved)) {
    std::string text = legisite::testing::read_file(entry.path());
    auto at = text.find("L752-4");
    if (at != std::string::npos) text.replace(at, 6, "L752-4-1");
    legisite::testing::write_file(entry.path(), text);
  }
  const PageFingerprints renumbered = demo.build();
  CHECK(renumbered.at(kCode + "index.html") != text_edit.at(kCode + "index.html"));
  // The home page counts the cited-only articles: L752-4, still cited, is one more.
  CHECK(renumbered.at("index.html") != text_edit.at("index.html"));
}

TEST_CASE(
    "an entry change changes the fingerprints of the table pages that show it, not those of the "
    "other parts of a split table nor of the dated tables of days it did not change",
    "[build][incremental]") {
  Demo demo;
  demo.toc_split = 20;  // the demo's table split into its five Livres
  const PageFingerprints first = demo.build();
  const std::string livre_1 = kCode + "partie-legislative--livre-i/index.html";
  const std::string livre_7 = kCode + "partie-legislative--livre-vii/index.html";
  const std::string code = kCode + "index.html";
  REQUIRE(first.count(livre_1) == 1);
  REQUIRE(first.count(livre_7) == 1);
  REQUIRE(first.count(kCode + "2008-12-21/index.html") == 1);

  // L752-4 (Livre VII) abrogated in 2020: its part's table and the code's page (its data file
  // lists every article). The dated tables, all of days before 2020, show it as they did; the
  // home page counts it and the list of texts counts its effects as before.
  demo.replace(demo.chapter / "Article L752-4/003_2010-02-23_608ecf808d.md",
               "Date de début: 2010-02-26\n",
               "Date de début: 2010-02-26\nDate de fin: 2020-01-01\nÉtat: ABROGE\n");
  const PageFingerprints abrogated = demo.build();
  CHECK(tables(changed(first, abrogated)) == std::set<std::string>{code, livre_7});

  // L133-6-6 (Livre I) in force from 2009-01-01 instead of 2008-01-01: its version's folder is
  // named after that day, so every dated table from 2008-12-21 on (it left that one) links it
  // anew; those of 2006 and 2007 did not list it. The code's table and Livre I's show its
  // number and its state today, unchanged.
  demo.replace(demo.content /
                   "code-de-la-securite-sociale/Partie Législative/Livre 1/Titre 3/"
                   "Chapitre 3 Bis/Article L133-6-6/001_2005-12-08_3aa890b1e6.md",
               "Date de début: 2008-01-01", "Date de début: 2009-01-01");
  const PageFingerprints moved = demo.build();
  std::set<std::string> expected;
  for (const char* day : {"2008-12-21", "2009-12-28", "2010-11-11", "2011-12-29", "2012-12-31",
                          "2013-12-25", "2014-12-25", "2015-01-01"})
    expected.insert(kCode + day + "/index.html");
  CHECK(tables(changed(abrogated, moved)) == expected);
  CHECK(moved.at(kCode + "2007-03-06/index.html") == first.at(kCode + "2007-03-06/index.html"));

  // A text the site did not name before: the list of texts, and the home page, which counts
  // them. No table of articles shows what amended them.
  demo.append(demo.chapter / "Article L752-4/003_2010-02-23_608ecf808d.md",
              "\n**Liens relatifs à cet article**\n\n**Modifié par**:\n\n"
              "  - Décret n°2010-999 du 20 août 2010 - art. 4\n");
  const PageFingerprints new_text = demo.build();
  REQUIRE(new_text.count("textes/decret-2010-999/index.html") == 1);
  CHECK(tables(changed(moved, new_text)) ==
        std::set<std::string>{"index.html", "textes/index.html"});
}

TEST_CASE(
    "options shown on a few pages change only theirs: --feed-days none --toc-dates the code's "
    "page and its dated tables while --date changes every page's",
    "[build][incremental]") {
  Demo demo;
  const PageFingerprints first = demo.build();
  demo.feed_days = 30;
  CHECK(demo.build() == first);

  // Every day the code changed gets its table: the code's page lists them, and the tables it had
  // list them too. No page about an article links a dated table.
  demo.all_toc_dates = true;
  const PageFingerprints all_days = demo.build();
  const std::set<std::string> new_tables = changed(first, all_days);
  CHECK(new_tables.count(kCode + "index.html") == 1);
  std::size_t added = 0;
  for (const std::string& path : new_tables) {
    INFO(path);
    CHECK(std::regex_match(path, std::regex(kCode + "(\\d{4}-\\d\\d-\\d\\d/)?index\\.html")));
    added += first.count(path) == 0;
  }
  CHECK(added > 10);
  demo.all_toc_dates = false;
  CHECK(demo.build() == first);

  demo.date = "2026-11-27";
  const PageFingerprints next_day = demo.build();
  REQUIRE(next_day.size() == first.size());
  CHECK(changed(first, next_day).size() == first.size());
}

TEST_CASE(
    "a template edited changes the fingerprints of the pages rendered with it: a page template "
    "its kind's pages and a partial the pages of every template that includes it",
    "[build][incremental]") {
  Demo demo;
  const PageFingerprints first = demo.build();
  auto pages_of = [&](const PageFingerprints& prints, const std::regex& path) {
    std::set<std::string> out;
    for (const auto& [p, digest] : prints)
      if (!is_shard(p) && std::regex_match(p, path)) out.insert(p);
    return out;
  };
  // The code's table alone (the demo's table is not split).
  demo.append(demo.theme / "templates/code.mustache", "<!-- table -->\n");
  const PageFingerprints code_edit = demo.build();
  CHECK(changed(first, code_edit) == std::set<std::string>{kCode + "index.html"});

  // The citation box: article and version pages include it, nothing else.
  demo.append(demo.theme / "templates/partials/cite.mustache", "<!-- citer -->\n");
  const PageFingerprints cite_edit = demo.build();
  const std::regex article_or_version(
      kCode + "[a-z]+[0-9][^/]*/(\\d{4}-\\d\\d-\\d\\d(-\\d+)?/)?index\\.html");
  const std::set<std::string> expected = pages_of(first, article_or_version);
  CHECK(expected.size() > 200);
  CHECK(changed(code_edit, cite_edit) == expected);

  // The footer, in the layout around every page.
  demo.append(demo.theme / "templates/partials/footer.mustache", "<!-- pied -->\n");
  const PageFingerprints footer_edit = demo.build();
  CHECK(changed(cite_edit, footer_edit) == pages_of(first, std::regex(".*")));
}

}  // namespace page_inputs_test
