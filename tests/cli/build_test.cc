// The build on disk: publishing policy (the previous site survives a failed build) and
// reproducibility (two builds, byte-identical trees).

#include "cli/build.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/environment.h"
#include "support/site_check.h"

namespace build_test {

namespace fs = std::filesystem;
using namespace legisite;

namespace {

/// A fresh folder under the system temp dir, removed when the test ends.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("legisite-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

using legisite::testing::write_file;

BuildOptions options_for(const fs::path& content, const fs::path& out) {
  BuildOptions o;
  o.content = content.string();
  o.theme = LEGISITE_SOURCE_DIR "/themes/default";
  o.out = out.string();
  return o;
}

void write_good_code(const fs::path& content) {
  write_file(content / "code-test/_index.md", "---\ntitle: Code de test\n---\n");
  write_file(content / "code-test/L1.md", "# Article L1\n\nPremier article.\n");
}

}  // namespace

TEST_CASE("two builds of the demo corpus produce byte-identical trees", "[build][slow]") {
  TempDir tmp("repro");
  std::string demo = std::string(LEGISITE_SOURCE_DIR) + "/content";
  Diagnostics first, second;
  auto a = build_site(options_for(demo, tmp.path / "a"), first);
  auto b = build_site(options_for(demo, tmp.path / "b"), second);
  REQUIRE(a.published);
  REQUIRE(b.published);
  auto tree_a = legisite::testing::read_tree((tmp.path / "a").string());
  auto tree_b = legisite::testing::read_tree((tmp.path / "b").string());
  REQUIRE(tree_a.size() > 10);
  CHECK(tree_a == tree_b);
}

// The fast tier's reproducibility check; the demo's, above, is in the slow one.
TEST_CASE("two builds of the history book produce byte-identical trees", "[build]") {
  TempDir tmp("repro-small");
  std::string book = std::string(LEGISITE_SOURCE_DIR) + "/tests/golden/history/content";
  Diagnostics first, second;
  REQUIRE(build_site(options_for(book, tmp.path / "a"), first).published);
  REQUIRE(build_site(options_for(book, tmp.path / "b"), second).published);
  auto tree_a = legisite::testing::read_tree((tmp.path / "a").string());
  REQUIRE(tree_a.size() > 20);
  CHECK(tree_a == legisite::testing::read_tree((tmp.path / "b").string()));
}

TEST_CASE("a build with errors leaves the previous site untouched", "[build]") {
  TempDir tmp("keep");
  write_good_code(tmp.path / "content");
  Diagnostics ok;
  REQUIRE(build_site(options_for(tmp.path / "content", tmp.path / "site"), ok).published);
  auto before = legisite::testing::read_tree((tmp.path / "site").string());

  write_file(tmp.path / "content/code-test/L2.md", "# Article ../../x\n\nÉvasion.\n");
  write_file(tmp.path / "content/code-test/L3.md", "# Article L3\n\nNouveau.\n");
  Diagnostics failed;
  auto report = build_site(options_for(tmp.path / "content", tmp.path / "site"), failed);
  CHECK(failed.has_errors());
  CHECK(exit_status(failed) == 1);
  CHECK_FALSE(report.published);
  CHECK(legisite::testing::read_tree((tmp.path / "site").string()) == before);
  // No staging folder is left behind.
  for (auto& e : fs::directory_iterator(tmp.path))
    CHECK(e.path().filename().string().find("staging") == std::string::npos);
}

TEST_CASE("keeping going publishes what could be built and still fails", "[build]") {
  TempDir tmp("keepgoing");
  write_good_code(tmp.path / "content");
  write_file(tmp.path / "content/code-test/L2.md", "# Article ../../x\n\nÉvasion.\n");
  auto options = options_for(tmp.path / "content", tmp.path / "site");
  options.keep_going = true;
  Diagnostics d;
  auto report = build_site(options, d);
  CHECK(report.published);
  CHECK(exit_status(d) == 1);
  CHECK(fs::exists(tmp.path / "site/code-de-test/l1/index.html"));
  // Nothing escaped the output folder.
  CHECK_FALSE(fs::exists(tmp.path / "x"));
  CHECK_FALSE(fs::exists(tmp.path / "site/x"));
}

TEST_CASE("strict mode turns warnings into a failing build", "[build]") {
  TempDir tmp("strict");
  write_good_code(tmp.path / "content");
  write_file(
      tmp.path / "content/code-test/L2.md",
      "# Article L2\n\nTexte.\n\n**Liens relatifs à cet article**\n\n**Inconnu par**:\n\n  - "
      "Décret n°1 du 1er janvier 2000\n");
  Diagnostics lenient;
  CHECK(build_site(options_for(tmp.path / "content", tmp.path / "a"), lenient).published);
  CHECK(lenient.warning_count() >= 1);
  CHECK(exit_status(lenient) == 0);

  auto options = options_for(tmp.path / "content", tmp.path / "b");
  options.strict = true;
  Diagnostics strict;
  CHECK_FALSE(build_site(options, strict).published);
  CHECK(exit_status(strict) == 1);
}

// The demo (content/, 630 pages) is a site check rather than a golden: small golden books
// (tests/golden) show the pages, the demo shows that a real code builds cleanly and links well.
TEST_CASE("the demo builds without a diagnostic, and every link and anchor of every page resolves",
          "[build]") {
  TempDir tmp("links");
  Diagnostics d;
  auto report =
      build_site(options_for(std::string(LEGISITE_SOURCE_DIR) + "/content", tmp.path / "site"), d);
  REQUIRE(report.published);
  CHECK(format_all(d).empty());
  auto problems =
      legisite::testing::check_site(legisite::testing::read_tree((tmp.path / "site").string()));
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  CHECK(fs::exists(tmp.path / "site/code-de-la-securite-sociale/r133-19/index.html"));
}

// Site hygiene (issue 13): what a host and a browser ask for besides the pages.
TEST_CASE("a site has a 404 page in the layout, a favicon on every page, and no README",
          "[build]") {
  TempDir tmp("hygiene");
  write_good_code(tmp.path / "content");
  write_file(tmp.path / "content/README.md", "# Notes for developers\n");
  write_file(tmp.path / "content/code-test/README.md", "# Notes\n");
  Diagnostics d;
  REQUIRE(build_site(options_for(tmp.path / "content", tmp.path / "site"), d).published);
  const auto files = legisite::testing::read_tree((tmp.path / "site").string());

  // Only pages, their data files, robots.txt, the theme's static files, the search index, the
  // marker, the manifest and the records of the pages' inputs, of diffs and of the sources'
  // readings: no file of the content folder.
  for (const auto& [path, contents] : files) {
    INFO(path);
    const bool data = path.ends_with(".json") && contents.rfind("{\"schema\":\"legisite/", 0) == 0;
    CHECK((path.ends_with(".html") || data || path.rfind("static/", 0) == 0 ||
           (path.rfind("recherche/", 0) == 0 && path.ends_with(".js")) || path == ".legisite" ||
           path == "robots.txt" || path == ".legisite-manifest" || path == ".legisite-inputs" ||
           path == ".legisite-diffs" || path == ".legisite-sources"));
    CHECK(path.find("README") == std::string::npos);
  }
  REQUIRE(files.count("static/favicon.svg"));
  CHECK(files.at("static/favicon.svg").rfind("<svg ", 0) == 0);
  for (const auto& [path, html] : files) {
    if (!path.ends_with(".html")) continue;
    INFO(path);
    CHECK(html.find("<link rel=\"icon\" href=\"") != std::string::npos);
    CHECK(html.find("favicon.svg\" type=\"image/svg+xml\" />") != std::string::npos);
  }

  // Served at any missing address, so its links start from the site's root.
  REQUIRE(files.count("404.html"));
  const std::string& page = files.at("404.html");
  CHECK(page.find("<body class=\"page page-not-found\">") != std::string::npos);
  CHECK(page.find("<header class=\"site-header\">") != std::string::npos);
  CHECK(page.find("<footer class=\"site-footer\">") != std::string::npos);
  CHECK(page.find("<h1>Page introuvable</h1>") != std::string::npos);
  CHECK(page.find("href=\"/static/style.css\"") != std::string::npos);
  CHECK(page.find("<a href=\"/index.html\">Accueil") != std::string::npos);
  CHECK(page.find("<a href=\"/code-de-test/index.html\">Table des matières — Code de test</a>") !=
        std::string::npos);
  CHECK(page.find("rel=\"canonical\"") == std::string::npos);
  // check_site reads "/…" from the site's root: every link of the 404 page leads to a file.
  auto problems = legisite::testing::check_site(files);
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
}

TEST_CASE("with --base-url the 404 page links absolute URLs below it", "[build]") {
  TempDir tmp("hygiene-base");
  write_good_code(tmp.path / "content");
  BuildOptions options = options_for(tmp.path / "content", tmp.path / "site");
  options.base_url = "https://codes.example.org/droit";
  Diagnostics d;
  REQUIRE(build_site(options, d).published);
  const auto files = legisite::testing::read_tree((tmp.path / "site").string());
  const std::string& page = files.at("404.html");
  CHECK(page.find("href=\"https://codes.example.org/droit/static/style.css\"") !=
        std::string::npos);
  CHECK(page.find("href=\"https://codes.example.org/droit/static/favicon.svg\"") !=
        std::string::npos);
  CHECK(page.find("<a href=\"https://codes.example.org/droit/code-de-test/index.html\">") !=
        std::string::npos);
}

}  // namespace build_test
