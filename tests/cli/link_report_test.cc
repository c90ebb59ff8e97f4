// The link report as the CLI prints it: counts, findings by kind with file and line, the line
// narrowed to the citation's, the pointer to `legisite check`, and `check` itself.

#include "cli/link_report.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/build.h"

namespace legisite::link_report_test {
namespace {

CitationFinding finding(CitationFinding::Kind kind, std::string file, int line, std::string cited,
                        std::string problem, std::string suggestion = {}) {
  CitationFinding f;
  f.kind = kind;
  f.where = {std::move(file), line, 0};
  f.code = "Code de la sécurité sociale";
  f.article = "R133-19";
  f.version_start = Date::from_ymd(2013, 7, 8);
  f.cited = std::move(cited);
  f.problem = std::move(problem);
  f.suggestion = std::move(suggestion);
  return f;
}

// A Markdown article whose second paragraph cites two articles the code lacks.
const char* const kSource =
    "# Article R133-19\n"
    "\n"
    "Premier alinéa sans citation.\n"
    "\n"
    "Voir l'article L. 999-1\n"
    "et l'article L. 133-61.\n";

MemoryFileSystem content_with_source() {
  MemoryFileSystem fs;
  fs.add_file("code-de-la-securite-sociale/_index.md",
              "---\ntitle: Code de la sécurité sociale\n---\n");
  fs.add_file("code-de-la-securite-sociale/R133-19.md", kSource);
  fs.add_file("code-de-la-securite-sociale/L133-16.md", "# Article L133-16\n\nTexte.\n");
  return fs;
}

}  // namespace

TEST_CASE("the report gives counts, then findings by kind, a few of each", "[cli][link_report]") {
  using Kind = CitationFinding::Kind;
  LinkReport report;
  report.tally.in_text = 1234;
  report.tally.to_articles = 1000;
  report.tally.to_cited_only = 3;
  report.tally.to_other_codes = 200;
  report.tally.to_texts = 31;
  for (int i = 0; i < 3; ++i)
    report.findings.push_back(finding(Kind::kUnresolved, "a.md", 7 + i,
                                      "L. 999-" + std::to_string(i), "no text",
                                      i == 0 ? "L999" : ""));
  report.findings.push_back(finding(Kind::kSuspicious, "b.md", 2, "L. 2 à L. 1", "reversed"));
  CHECK(format_link_report(report, 2) ==
        "Citations in running text: 1,234 (1,000 to articles with text, 3 to articles without text "
        "in this edition, 200 to codes not in this corpus, 31 to other texts); metadata links to "
        "articles of these codes: 0 (0 without text).\n"
        "Links between articles: 0 within their code, 0 to another code of this site; citations "
        "in text of codes not in this site: 200.\n"
        "Link report: 3 unresolved, 0 ambiguous, 1 suspicious.\n"
        "unresolved (3):\n"
        "  a.md:7: unresolved: article R133-19 (version of 2013-07-08) cites \xC2\xABL. "
        "999-0\xC2\xBB: "
        "no text; did you mean L999?\n"
        "  a.md:8: unresolved: article R133-19 (version of 2013-07-08) cites \xC2\xABL. "
        "999-1\xC2\xBB: "
        "no text\n"
        "  ... and 1 more\n"
        "suspicious (1):\n"
        "  b.md:2: suspicious: article R133-19 (version of 2013-07-08) cites \xC2\xABL. 2 \xC3\xA0 "
        "L. "
        "1\xC2\xBB: reversed\n"
        "Run `legisite check` with the same --content for the whole list.\n");
  // 0 lists everything, and then there is nothing to point to.
  std::string all = format_link_report(report, 0);
  CHECK(all.find("a.md:9:") != std::string::npos);
  CHECK(all.find("legisite check") == std::string::npos);
  CHECK(format_link_report(LinkReport{}, 0).empty());
}

TEST_CASE("metadata findings say what the link names", "[cli][link_report]") {
  LinkReport report;
  report.findings.push_back(finding(CitationFinding::Kind::kUnresolved, "a.md", 3,
                                    "Cite: Code de la sécurité sociale L999-1", "no text"));
  report.findings.back().in_text = false;
  CHECK(format_link_report(report, 0).find(
            "a.md:3: unresolved: article R133-19 (version of 2013-07-08) links to Cite: Code de la "
            "sécurité sociale L999-1: no text\n") != std::string::npos);
}

TEST_CASE("lines narrow from the version's start to the citation's", "[cli][link_report]") {
  MemoryFileSystem fs;
  fs.add_file("a.md", kSource);
  LinkReport report;
  report.findings.push_back(
      finding(CitationFinding::Kind::kUnresolved, "a.md", 1, "L. 133-61", "no text"));
  report.findings.push_back(
      finding(CitationFinding::Kind::kUnresolved, "a.md", 1, "L. 999-1", "no text"));
  report.findings.push_back(
      finding(CitationFinding::Kind::kUnresolved, "gone.md", 4, "L. 1", "no text"));
  report.findings.push_back(
      finding(CitationFinding::Kind::kUnresolved, "a.md", 1, "L. 999-1", "beyond the limit"));
  narrow_lines(fs, report, 3);
  CHECK(report.findings[0].where.line == 6);
  CHECK(report.findings[1].where.line == 5);
  CHECK(report.findings[2].where.line == 4);  // unreadable: the version's line stays
  CHECK(report.findings[3].where.line == 1);  // not listed, not narrowed
}

TEST_CASE("check reads and resolves, reports every finding with its line, writes nothing",
          "[cli][link_report]") {
  MemoryFileSystem fs = content_with_source();
  Diagnostics diagnostics;
  BuildReport report = check_into(fs, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(report.articles == 2);
  CHECK(report.cited_only == 2);
  REQUIRE(report.links.findings.size() == 2);
  const CitationFinding& typo = report.links.findings[1];
  CHECK(typo.where.file == "code-de-la-securite-sociale/R133-19.md");
  CHECK(typo.where.line == 6);
  CHECK(typo.cited == "L. 133-61");
  CHECK(typo.suggestion == "L133-16");
  CHECK(report.links.findings[0].where.line == 5);
  CHECK(format_check_summary(report, diagnostics).find("2 articles") != std::string::npos);
}

TEST_CASE("with --strict, link-report findings alone fail check and build", "[cli][link_report]") {
  namespace fs = std::filesystem;
  fs::path root =
      fs::temp_directory_path() / ("legisite-strict-links-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "content/code-de-la-securite-sociale");
  std::ofstream(root / "content/code-de-la-securite-sociale/_index.md")
      << "---\ntitle: Code de la sécurité sociale\n---\n";
  std::ofstream(root / "content/code-de-la-securite-sociale/R133-19.md") << kSource;
  BuildOptions options;
  options.content = (root / "content").string();
  options.theme = std::string(LEGISITE_SOURCE_DIR) + "/themes/default";
  options.out = (root / "site").string();

  Diagnostics lenient;
  BuildReport built = build_site(options, lenient);
  CHECK(built.published);
  CHECK(exit_status(lenient) == 0);
  CHECK(built.links.findings.size() == 2);

  options.strict = true;
  Diagnostics strict_check;
  check_sources(options, strict_check);
  CHECK(exit_status(strict_check) == 1);
  REQUIRE(strict_check.error_count() == 1);
  CHECK(strict_check.all()[0].message ==
        "2 citations unresolved, ambiguous or suspicious (--strict; see the link report)");

  options.out = (root / "site-strict").string();
  Diagnostics strict_build;
  CHECK_FALSE(build_site(options, strict_build).published);
  CHECK(exit_status(strict_build) == 1);
  CHECK_FALSE(fs::exists(root / "site-strict"));
  fs::remove_all(root);
}

}  // namespace legisite::link_report_test
