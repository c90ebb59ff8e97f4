// Golden tests in mdBook's shape: each case folder holds `content/` (or a `content.path` file
// naming a folder relative to the case, to see another case's content on another day, or
// `commits/<N>/`: the trees of a git repository's commits, made into one by the test), `expected/`
// with the `<main>` region of every page the build must produce, and `diagnostics.txt` with the
// exact report. The build must produce exactly those pages (none missing, none extra) and the whole
// site must pass the link check. LEGISITE_BLESS=1 rewrites expected/ and diagnostics.txt for review
// in the diff.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "cli/build.h"
#include "support/environment.h"
#include "support/site_check.h"

namespace golden_test {

namespace fs = std::filesystem;
using namespace legisite;
using legisite::testing::check_site;
using legisite::testing::main_region;

namespace {

using legisite::testing::read_file;

void spit(const fs::path& p, const std::string& contents) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << contents;
}

bool blessing() {
  const char* v = std::getenv("LEGISITE_BLESS");
  return v && *v && std::string(v) != "0";
}

fs::path content_of(const fs::path& dir) {
  if (fs::exists(dir / "content.path")) {
    std::string rel = read_file(dir / "content.path");
    while (!rel.empty() && (rel.back() == '\n' || rel.back() == ' ')) rel.pop_back();
    return fs::weakly_canonical(dir / rel);
  }
  return dir / "content";
}

// Builds one case in memory and compares it with its expectations.
void check_case(const std::string& suite, const std::string& name) {
  fs::path dir = fs::path(LEGISITE_SOURCE_DIR) / "tests" / suite / name;
  fs::path content_dir = content_of(dir);
  std::optional<legisite::testing::TempDir> repository;
  if (fs::is_directory(dir / "commits")) {
    if (!legisite::testing::have_program("git")) {
      legisite::testing::skip_because_missing("git");
      return;
    }
    repository.emplace("legisite-golden-" + name);
    content_dir = repository->path / name;
    legisite::testing::make_repository(dir / "commits", content_dir);
  }
  REQUIRE(fs::is_directory(content_dir));
  DiskFileSystem content(content_dir.string());
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  MemoryOutput out;
  Diagnostics diagnostics;
  // A fixed reference date: which version is "in force" must not change with the calendar. A
  // case may give its own in `date.txt` (the same content seen on another day).
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  if (fs::exists(dir / "date.txt")) {
    std::string iso = read_file(dir / "date.txt");
    while (!iso.empty() && (iso.back() == '\n' || iso.back() == ' ')) iso.pop_back();
    std::optional<Date> date = Date::parse(iso);
    REQUIRE(date);
    options.date = *date;
  }
  build_into(content, theme, options, out, diagnostics);
  diagnostics.sort();
  std::string report = format_all(diagnostics);

  std::map<std::string, std::string> produced;
  for (const auto& [path, html] : out.files())
    if (path.size() > 5 && path.substr(path.size() - 5) == ".html")
      produced[path] = main_region(html);

  if (blessing()) {
    spit(dir / "diagnostics.txt", report);
    if (suite == "golden" || fs::exists(dir / "expected")) {
      fs::remove_all(dir / "expected");
      for (const auto& [path, region] : produced) spit(dir / "expected" / path, region);
    }
  }

  INFO("case " << suite << "/" << name);
  // An expectation that is missing is a failure, not an empty expectation: run with
  // LEGISITE_BLESS=1 to create it, then review it in the diff.
  REQUIRE(fs::exists(dir / "diagnostics.txt"));
  if (suite == "golden") REQUIRE(fs::is_directory(dir / "expected"));
  CHECK(report == read_file(dir / "diagnostics.txt"));

  if (fs::exists(dir / "expected")) {
    std::set<std::string> expected;
    for (auto& e : fs::recursive_directory_iterator(dir / "expected"))
      if (e.is_regular_file())
        expected.insert(e.path().lexically_relative(dir / "expected").generic_string());
    for (const auto& path : expected) {
      INFO("expected page " << path);
      REQUIRE(produced.count(path) == 1);
      CHECK(produced.at(path) == read_file(dir / "expected" / path));
    }
    for (const auto& [path, _] : produced) {
      INFO("page produced but not expected: " << path);
      CHECK(expected.count(path) == 1);
    }
  }

  auto problems = check_site(out.files());
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
}

std::set<std::string> case_folders(const std::string& suite) {
  std::set<std::string> names;
  for (auto& e : fs::directory_iterator(fs::path(LEGISITE_SOURCE_DIR) / "tests" / suite))
    if (e.is_directory()) names.insert(e.path().filename().string());
  return names;
}

const std::set<std::string> kGoldenCases = {
    "seed",     "legi-xml",        "mixed",           "history",      "history-2015",
    "homonyms", "deferred-states", "multi-code",      "tricoteuses",  "archeolex",
    "diffs",    "tables",          "git-tricoteuses", "git-archeolex"};

}  // namespace

TEST_CASE("the seed alone builds into its golden pages", "[golden]") {
  check_case("golden", "seed");
}

TEST_CASE("a Tricoteuses Markdown excerpt builds into its golden pages", "[golden]") {
  check_case("golden", "tricoteuses");
}

TEST_CASE("an Archeo Lex one-file code excerpt builds into its golden pages", "[golden]") {
  check_case("golden", "archeolex");
}

TEST_CASE("two commits of a Tricoteuses repository build into their golden pages", "[golden]") {
  // The Constitution's first state, then a commit deleting article 11: read as its abrogation.
  check_case("golden", "git-tricoteuses");
}

TEST_CASE("two commits of an Archeo Lex repository build into their golden pages", "[golden]") {
  // The CPI excerpt, then a commit changing L111-2 (a new version and a diff) and deleting
  // L132-17-2 (its abrogation).
  check_case("golden", "git-archeolex");
}

TEST_CASE("a table continuing an alinéa has its own anchor in its golden pages", "[golden]") {
  check_case("golden", "tables");
}

TEST_CASE("a DILA LEGI XML tree builds into its golden pages", "[golden]") {
  check_case("golden", "legi-xml");
}

TEST_CASE("one article from XML, JSON and Markdown builds into its golden pages", "[golden]") {
  check_case("golden", "mixed");
}

TEST_CASE(
    "a version history (tombstone, deferred and stillborn versions) builds into its golden pages",
    "[golden]") {
  check_case("golden", "history");
}

TEST_CASE("the same history seen on 2015-06-01: articles in force then, before L2 was added",
          "[golden]") {
  check_case("golden", "history-2015");
}

TEST_CASE("two real annexes numbered Annexe I in two chapters build into two articles' pages",
          "[golden]") {
  check_case("golden", "homonyms");
}

TEST_CASE("deferred states of a 2026 snapshot read as the law on 2026-11-26 in real pages",
          "[golden]") {
  check_case("golden", "deferred-states");
}

TEST_CASE("two codes citing each other build into one site with links across them", "[golden]") {
  check_case("golden", "multi-code");
}

TEST_CASE(
    "real diffs: spacing alone and whitespace alone are not marked, a long diff folds its "
    "unchanged paragraphs",
    "[golden]") {
  check_case("golden", "diffs");
}

TEST_CASE("every golden case folder has a test", "[golden]") {
  CHECK(case_folders("golden") == kGoldenCases);
}

TEST_CASE("every invalid-input fixture reports exactly its expected diagnostics", "[invalid]") {
  auto names = case_folders("invalid");
  REQUIRE(!names.empty());
  for (const auto& name : names) {
    DYNAMIC_SECTION("invalid/" << name) { check_case("invalid", name); }
  }
}

}  // namespace golden_test
