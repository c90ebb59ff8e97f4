// The site's data files (README "For developers"): every JSON file of the demo satisfies the
// schema its "schema" field names, every page that has one links it, and goldens pin the exact
// data of a few pages (LEGISITE_BLESS=1 rewrites them, for review in the diff).

#include "render/open_data.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli/build.h"
#include "support/environment.h"
#include "support/json_schema.h"

namespace open_data_test {

namespace fs = std::filesystem;
using namespace legisite;
using legisite::testing::pretty_json;
using legisite::testing::schema_problem;

namespace {

using legisite::testing::read_file;

bool blessing() {
  const char* v = std::getenv("LEGISITE_BLESS");
  return v && *v && std::string(v) != "0";
}

// Builds `content` (relative to the repository) in memory on 2026-11-26.
std::map<std::string, std::string> build(const std::string& content,
                                         const std::string& base_url = "/", bool data = true) {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/" + content);
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.base_url = base_url;
  options.data_files = data;
  build_into(files, theme, options, out, diagnostics);
  return out.files();
}

bool ends_with(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// The produced file, indented, against tests/render/open_data/<golden>.
void check_golden(const std::map<std::string, std::string>& site, const std::string& path,
                  const std::string& golden) {
  INFO("data file " << path);
  REQUIRE(site.count(path) == 1);
  const std::string produced = pretty_json(site.at(path));
  REQUIRE(!produced.empty());
  const fs::path file = fs::path(LEGISITE_SOURCE_DIR) / "tests/render/open_data" / golden;
  if (blessing()) std::ofstream(file, std::ios::binary) << produced;
  CHECK(produced == read_file(file));
}

}  // namespace

TEST_CASE("every JSON file of the demo site satisfies the schema of its kind", "[open-data]") {
  const auto site = build("content", "https://example.org/droit/");
  std::map<std::string, int> kinds;
  for (const auto& [path, contents] : site) {
    if (!ends_with(path, ".json")) continue;
    INFO("data file " << path);
    CHECK(schema_problem(contents) == "");
    ++kinds[contents.substr(0, contents.find(',', 0))];
  }
  // One codes.json and one articles.json for the demo's one code; the rest beside pages.
  CHECK(kinds["{\"schema\":\"legisite/codes/1\""] == 1);
  CHECK(kinds["{\"schema\":\"legisite/articles/1\""] == 1);
  CHECK(kinds["{\"schema\":\"legisite/code/1\""] == 1);
  CHECK(kinds["{\"schema\":\"legisite/article/1\""] > 50);
  CHECK(kinds["{\"schema\":\"legisite/version/1\""] > 100);
}

TEST_CASE("every article, version and code page has its JSON beside it and links it",
          "[open-data]") {
  const auto site = build("content");
  std::size_t linked = 0;
  for (const auto& [path, html] : site) {
    if (!ends_with(path, "/index.html") || path.rfind("id/", 0) == 0) continue;
    const bool has_json = site.count(page_data_path(path)) == 1;
    const bool links_json =
        html.find("<link rel=\"alternate\" type=\"application/json\" href=\"index.json\" />") !=
        std::string::npos;
    INFO("page " << path);
    CHECK(has_json == links_json);
    // Only diff pages, dated tables of contents (folders named by a date below a code, or
    // diff/) and the search page go without.
    if (!has_json)
      CHECK((ends_with(path, "/diff/index.html") || path == "recherche/index.html" ||
             path.find("/20") != std::string::npos || path.find("/19") != std::string::npos));
    linked += links_json;
  }
  CHECK(linked > 150);
}

TEST_CASE("with --no-json no data file is published and no page links one", "[open-data]") {
  const auto site = build("tests/golden/seed/content", "/", false);
  REQUIRE(site.count("code-de-la-securite-sociale/r133-19/index.html") == 1);
  for (const auto& [path, contents] : site) {
    INFO(path);
    CHECK_FALSE(ends_with(path, ".json"));
    CHECK(contents.find("rel=\"alternate\" type=\"application/json\"") == std::string::npos);
  }
}

TEST_CASE("a data file missing a field or with a misspelt one fails its schema", "[open-data]") {
  const auto site = build("tests/golden/seed/content");
  std::string article = site.at("code-de-la-securite-sociale/r133-19/index.json");
  REQUIRE(schema_problem(article) == "");
  std::string misspelt = article;
  misspelt.replace(misspelt.find("\"cited_by\""), 10, "\"citedBy\"");
  CHECK(schema_problem(misspelt) != "");
  std::string wrong_state = article;
  wrong_state.replace(wrong_state.find("\"state\":\"TRANSFERE\""), 19, "\"state\":\"transfere\"");
  CHECK(schema_problem(wrong_state) != "");
  CHECK(schema_problem(article.substr(0, article.size() / 2)).rfind("not well-formed", 0) == 0);
}

TEST_CASE(
    "golden data: the seed article, and a version, an article and the code of the history "
    "book",
    "[open-data]") {
  check_golden(build("tests/golden/seed/content"), "code-de-la-securite-sociale/r133-19/index.json",
               "seed-r133-19.json");
  const auto history = build("tests/golden/history/content");
  for (const auto& [path, contents] : history)
    if (ends_with(path, ".json")) {
      INFO("data file " << path);
      CHECK(schema_problem(contents) == "");
    }
  check_golden(history, "codes.json", "history-codes.json");
  check_golden(history, "code-de-test-historique/index.json", "history-code.json");
  check_golden(history, "code-de-test-historique/articles.json", "history-articles.json");
  check_golden(history, "code-de-test-historique/l1/index.json", "history-l1.json");
  check_golden(history, "code-de-test-historique/l1/2005-08-12/index.json",
               "history-l1-2005-08-12.json");
}

}  // namespace open_data_test
