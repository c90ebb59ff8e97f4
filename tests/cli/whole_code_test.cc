// Smoke test over a whole real code: the Code de la sécurité sociale from the Légifrance API dump
// builds completely (every article and section), and every page of it passes the site check.
// Skipped with a message when ../shared/corpus is absent (a failure under CI=true).

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>

#include "cli/build.h"
#include "support/environment.h"
#include "support/json_schema.h"
#include "support/site_check.h"

namespace whole_code_test {

using namespace legisite;

namespace {

// Builds css-2026-03-14.json into `out` as of 2026-11-26 (the in-force version must not follow
// the calendar); false, after saying so, when the corpus is absent.
bool build_css_2026(bool history, MemoryOutput& out, Diagnostics& diagnostics,
                    BuildReport& report) {
  std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/legifrance-json";
  if (!std::filesystem::exists(dir + "/css-2026-03-14.json")) {
    legisite::testing::skip_because_missing(dir + "/css-2026-03-14.json");
    return false;
  }
  DiskFileSystem content(dir, "css-2026-03-14.json");
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.history = history;
  report = build_into(content, theme, options, out, diagnostics);
  return true;
}

}  // namespace

TEST_CASE("the whole Code de la sécurité sociale builds from the API dump and every page checks",
          "[whole-code][slow]") {
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildReport report;
  if (!build_css_2026(true, out, diagnostics, report)) return;
  CHECK(diagnostics.error_count() == 0);
  CHECK(report.codes == 1);
  CHECK(report.articles == 7372);
  // Besides home, the code and its articles: a page per version with a known start (22,203
  // versions, 12 of them without one: deferred or undated), no diff (the dump gives the current
  // text only), an identifier page per distinct LEGIARTI (cids and version ids), and the code's
  // table of contents on the last day it changed in each of the 10 most recent years.
  std::size_t version_pages = 0, diff_pages = 0, id_pages = 0, dated_tocs = 0, data_files = 0,
              text_pages = 0;
  const std::string code_folder = "code-de-la-securite-sociale/";
  for (const auto& [path, contents] : out.files()) {
    if (path.ends_with(".json")) {
      // Every data file satisfies its schema (README "For developers").
      ++data_files;
      INFO("data file " << path);
      CHECK(legisite::testing::schema_problem(contents) == "");
      continue;
    }
    if (!path.ends_with(".html")) continue;
    if (path.rfind("textes/", 0) == 0)
      ++text_pages;
    else if (path.rfind("id/", 0) == 0)
      ++id_pages;
    else if (path.rfind(code_folder, 0) == 0 && path.size() == code_folder.size() + 21 &&
             Date::parse(path.substr(code_folder.size(), 10)))
      ++dated_tocs;
    else if (path.size() > 16 && path.substr(path.size() - 16) == "/diff/index.html")
      ++diff_pages;
    else if (path.find("/20") != std::string::npos || path.find("/19") != std::string::npos)
      ++version_pages;
  }
  CHECK(report.versions == 22203);
  CHECK(version_pages == 22191);
  CHECK(diff_pages == 0);
  CHECK(id_pages == 23788 + 197);  // + the ids of Légifrance's links to articles without text
  CHECK(dated_tocs == 10);
  // The 1,206 texts that created, modified, abrogated, transferred or codified articles, and
  // their index (README "Amending texts").
  CHECK(text_pages == 1206 + 1);
  // Beside each article (cited-only ones too), version, text and the code's page, and codes.json
  // and articles.json.
  CHECK(data_files == 7372 + report.cited_only + version_pages + text_pages + 1 + 2);
  // + home, the code's table, its 32 Livres, the search page and 404.html.
  CHECK(report.pages == 7372 + 4 + 32 + report.cited_only + version_pages + diff_pages + id_pages +
                            dated_tocs + text_pages);

  // More articles than --toc-split's 1,000: the table is a page for the code (its Parties) and
  // one per Livre. 2,576 sections, empty ones included, each an entry of one of these pages.
  const std::string mark = "class=\"toc-section";
  std::size_t sections = 0, livres = 0;
  for (const auto& [path, html] : out.files()) {
    const bool livre = path.rfind(code_folder, 0) == 0 && path.find("--") != std::string::npos &&
                       path.find('/', code_folder.size()) + 11 == path.size();
    if (path != code_folder + "index.html" && !livre) continue;
    livres += livre;
    for (std::size_t at = html.find(mark); at != std::string::npos; at = html.find(mark, at + 1))
      ++sections;
  }
  CHECK(sections == 2576);
  CHECK(livres == 32);
  // The code's page, what a reader opens first, stays light: under 300 kB and 5,000 elements.
  const std::string& toc = out.files().at(code_folder + "index.html");
  std::size_t elements = 0;
  for (std::size_t i = 0; i + 1 < toc.size(); ++i)
    elements += toc[i] == '<' && std::isalpha(static_cast<unsigned char>(toc[i + 1]));
  CHECK(toc.size() < 300 * 1024);
  CHECK(elements < 5000);

  auto problems = legisite::testing::check_site(out.files());
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) UNSCOPED_INFO(problems[i]);
  CHECK(problems.empty());
}

TEST_CASE(
    "without history, the whole code is its articles and table of contents, every link "
    "resolving",
    "[whole-code][slow]") {
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildReport report;
  if (!build_css_2026(false, out, diagnostics, report)) return;
  CHECK(diagnostics.error_count() == 0);
  // Home, the code and its 32 Livres, the search page, 404.html, each article with text and each
  // cited-only one: nothing else. The amending texts have no page: each lists what its text did
  // to the code over time.
  CHECK(report.pages == 4 + 32 + report.articles + report.cited_only);
  for (const auto& [path, _] : out.files()) {
    INFO(path);
    CHECK(path.rfind("id/", 0) != 0);
    CHECK(path.rfind("textes/", 0) != 0);
    CHECK(path.find("/20") == std::string::npos);
    CHECK(path.find("/19") == std::string::npos);
  }
  // Versions are still listed, with their dates, without links to pages that do not exist.
  const std::string& page = out.files().at("code-de-la-securite-sociale/l242-1/index.html");
  CHECK(page.find("class=\"versions\"") != std::string::npos);
  // The law that amended L114-6 leads to its article on Légifrance, not to a text page here.
  const std::string& amended = out.files().at("code-de-la-securite-sociale/l114-6/index.html");
  CHECK(amended.find("textes/") == std::string::npos);
  CHECK(amended.find("https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000045353467") !=
        std::string::npos);
  auto problems = legisite::testing::check_site(out.files());
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) UNSCOPED_INFO(problems[i]);
  CHECK(problems.empty());
}

}  // namespace whole_code_test
