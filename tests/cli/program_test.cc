// The program as a user runs it, in mdBook's style: the built `legisite` executable is started in
// a fresh folder, and its exit status (0 no error, 1 errors, 2 usage mistake), standard output
// (link report, summary) and standard error (diagnostics, usage mistakes) are compared exactly,
// with the elapsed time and the temporary folder redacted. Fixtures: tests/cli/fixtures/ and
// tests/invalid/.

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "support/environment.h"
#include "support/site_check.h"

namespace program_test {

namespace fs = std::filesystem;
using legisite::testing::ProcessResult;
using legisite::testing::read_tree;
using legisite::testing::shell_quote;
using legisite::testing::TempDir;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;
const std::string kValid = kSource + "/tests/cli/fixtures/valid";
const std::string kWarning = kSource + "/tests/cli/fixtures/warning";
const std::string kBadFrontMatter = kSource + "/tests/invalid/bad-front-matter/content";

// The timing changes from run to run, and the size with every theme edit: the size is checked
// once, against the files written (below).
std::string redact(std::string text) {
  text = std::regex_replace(text, std::regex(" \\([0-9]+\\.[0-9] [kM]B\\)"), " (S)");
  text = std::regex_replace(text, std::regex("files: [0-9]+ written"), "files: N written");
  return std::regex_replace(text, std::regex(" in [0-9]+\\.[0-9]+ s"), " in X s");
}

/// Runs `legisite <args>` in `cwd`; every argument is quoted for the shell.
ProcessResult run_legisite(const fs::path& cwd, const std::vector<std::string>& args) {
  std::string command = "cd " + shell_quote(cwd.string()) + " && " + shell_quote(LEGISITE_PROGRAM);
  for (const auto& a : args) command += " " + shell_quote(a);
  ProcessResult r = legisite::testing::run_command(command);
  r.out = redact(r.out);
  r.err = redact(r.err);
  return r;
}

/// `legisite build` of `content` into `cwd/site` with the repository's theme, on a fixed day.
ProcessResult build(const fs::path& cwd, const std::string& content,
                    std::vector<std::string> more = {}) {
  std::vector<std::string> args = {
      "build",  "--content", content, "--theme", kSource + "/themes/default",
      "--date", "2026-11-26"};
  args.insert(args.end(), more.begin(), more.end());
  return run_legisite(cwd, args);
}

const std::string kUsageFirstLine = "Usage: legisite build [options]\n";

// L2 of the valid fixture cites L1 in its text.
const std::string kValidLinkReport =
    "Citations in running text: 1 (1 to articles with text, 0 to articles without text in this "
    "edition, 0 to codes not in this corpus, 0 to other texts); metadata links to articles of "
    "these codes: 0 (0 without text).\n"
    "Links between articles: 1 within their code, 0 to another code of this site; citations in "
    "text of codes not in this site: 0.\n"
    "Link report: 0 unresolved, 0 ambiguous, 0 suspicious.\n";

}  // namespace

TEST_CASE("help (--help, -h, help) prints the usage on standard output and succeeds",
          "[cli][program]") {
  TempDir tmp("legisite-program-help");
  for (const char* flag : {"--help", "-h", "help"}) {
    INFO(flag);
    ProcessResult r = run_legisite(tmp.path, {flag});
    CHECK(r.status == 0);
    CHECK(r.out.rfind(kUsageFirstLine, 0) == 0);
    CHECK(r.out.find("  --strict        treat warnings and link-report findings as errors\n") !=
          std::string::npos);
    CHECK(r.err.empty());
  }
  // Asked for in the middle of a command, help wins over the rest.
  ProcessResult r = run_legisite(tmp.path, {"build", "--strict", "--help", "--frobnicate"});
  CHECK(r.status == 0);
  CHECK(r.out.rfind(kUsageFirstLine, 0) == 0);
  CHECK(r.err.empty());
}

TEST_CASE("the version (--version) is printed on standard output with the name", "[cli][program]") {
  TempDir tmp("legisite-program-version");
  ProcessResult r = run_legisite(tmp.path, {"--version"});
  CHECK(r.status == 0);
  CHECK(r.out == "legisite " LEGISITE_PROGRAM_VERSION "\n");
  CHECK(r.err.empty());
}

TEST_CASE("a usage mistake exits with 2, says what is wrong on standard error, and writes nothing",
          "[cli][program]") {
  TempDir tmp("legisite-program-usage");
  struct Mistake {
    std::vector<std::string> args;
    std::string message;
  };
  const Mistake mistakes[] = {
      {{}, "no command given"},
      {{"publish"}, "unknown command 'publish' (expected 'build', 'serve' or 'check')"},
      {{"build", "--frobnicate"}, "unknown option '--frobnicate'"},
      {{"build", "--date", "2026-13-01"}, "--date needs a day as YYYY-MM-DD"},
      {{"build", "--date=26/11/2026"}, "--date needs a day as YYYY-MM-DD"},
      {{"build", "--date"}, "--date needs a day as YYYY-MM-DD"},
      {{"build", "--toc-dates", "2020-01-01,hier"},
       "--toc-dates: 'hier' is not a day as YYYY-MM-DD"},
      {{"check", "--out", "elsewhere"},
       "option '--out' does not apply to check (it writes nothing)"},
  };
  for (const auto& m : mistakes) {
    std::string shown;
    for (const auto& a : m.args) shown += " " + a;
    INFO("legisite" << shown);
    ProcessResult r = run_legisite(tmp.path, m.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    // The mistake, then the usage to correct it.
    CHECK(r.err.rfind("legisite: " + m.message + "\n\n" + kUsageFirstLine, 0) == 0);
  }
  CHECK(fs::is_empty(tmp.path));
}

TEST_CASE(
    "a clean build prints the summary on standard output, nothing on standard error, and "
    "exits with 0",
    "[cli][program]") {
  TempDir tmp("legisite-program-build");
  ProcessResult r = build(tmp.path, kValid, {"--out", "site"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == kValidLinkReport +
                     "Built 1 code, 2 articles (2 versions, 0 cited-only articles), 6 pages "
                     "(S) in X s: 0 errors, 0 warnings.\n"
                     "Site written to site/ (sources: 3 read, 0 unchanged; pages: 6 re-rendered, 0 "
                     "carried over; files: N written, 0 "
                     "unchanged, 0 deleted) — open "
                     "site/index.html in a browser.\n");
  CHECK(fs::exists(tmp.path / "site/index.html"));
  CHECK(fs::exists(tmp.path / "site/code-de-test/l2/index.html"));

  // The size and count printed are what was written: every file of the site but the marker and
  // the manifest.
  ProcessResult raw = legisite::testing::run_command(
      "cd " + shell_quote(tmp.path.string()) + " && " + shell_quote(LEGISITE_PROGRAM) +
      " build --content " + shell_quote(kValid) + " --theme " +
      shell_quote(kSource + "/themes/default") + " --date 2026-11-26 --out site2");
  std::uintmax_t bytes = 0, files = 0;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path / "site2")) {
    const auto name = e.path().filename();
    if (!e.is_regular_file() || name == ".legisite" || name == ".legisite-manifest") continue;
    bytes += e.file_size();
    ++files;
  }
  char shown[32];
  std::snprintf(shown, sizeof shown, " (%.1f kB) in ", static_cast<double>(bytes) / 1024.0);
  CHECK(raw.out.find(shown) != std::string::npos);
  // The files written count the marker too, not the manifest (written anew by every build).
  CHECK(raw.out.find("; files: " + std::to_string(files + 1) +
                     " written, 0 unchanged, 0 deleted)") != std::string::npos);
}

TEST_CASE("check reads and resolves the same content but writes nothing", "[cli][program]") {
  TempDir tmp("legisite-program-check");
  ProcessResult r = run_legisite(tmp.path, {"check", "--content", kValid, "--date", "2026-11-26"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == kValidLinkReport +
                     "Checked 1 code, 2 articles (2 versions, 0 cited-only articles) in X s: 0 "
                     "errors, 0 warnings; nothing written.\n");
  CHECK(fs::is_empty(tmp.path));
}

TEST_CASE(
    "content with an error: the diagnostic with its line and caret on standard error, exit "
    "1, the previous site untouched",
    "[cli][program]") {
  TempDir tmp("legisite-program-error");
  REQUIRE(build(tmp.path, kValid, {"--out", "site"}).status == 0);
  const auto before = read_tree((tmp.path / "site").string());

  ProcessResult r = build(tmp.path, kBadFrontMatter, {"--out", "site"});
  CHECK(r.status == 1);
  CHECK(r.err ==
        "code-test/L2.md:3:1: error: expected 'key: value' in front matter\n"
        "    Date de début 2013-07-08\n"
        "    ^\n");
  CHECK(
      r.out ==
      "Built 1 code, 1 article (1 version, 0 cited-only articles), 5 pages (S) in X s: "
      "1 error, 0 warnings.\n"
      "Nothing published: site/ is left as it was (fix the errors above, or use --keep-going).\n");
  CHECK(read_tree((tmp.path / "site").string()) == before);
  // No staging folder left beside it.
  for (const auto& entry : fs::directory_iterator(tmp.path))
    CHECK(entry.path().filename() == "site");

  SECTION("check reports the same diagnostic and fails the same way") {
    ProcessResult c = run_legisite(tmp.path, {"check", "--content", kBadFrontMatter});
    CHECK(c.status == 1);
    CHECK(c.err == r.err);
    CHECK(c.out ==
          "Checked 1 code, 1 article (1 version, 0 cited-only articles) in X s: 1 error, "
          "0 warnings; nothing written.\n");
  }
  SECTION("--keep-going publishes what could be built, and still exits with 1") {
    ProcessResult k = build(tmp.path, kBadFrontMatter, {"--out", "site", "--keep-going"});
    CHECK(k.status == 1);
    CHECK(k.err == r.err);
    CHECK(k.out.find("Site written to site/") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp.path / "site/code-de-test/l2/index.html"));
    CHECK(fs::exists(tmp.path / "site/code-de-test/l1/index.html"));
  }
}

TEST_CASE("a warning alone succeeds, with --strict it fails and publishes nothing",
          "[cli][program]") {
  TempDir tmp("legisite-program-strict");
  ProcessResult lenient = build(tmp.path, kWarning, {"--out", "lenient"});
  CHECK(lenient.status == 0);
  CHECK(lenient.err ==
        "code-test/L2.md:7:3: warning: unknown link label 'Inconnu par'; kept as written\n"
        "    **Inconnu par**:\n"
        "      ^\n");
  CHECK(lenient.out ==
        "Built 1 code, 2 articles (2 versions, 0 cited-only articles), 6 pages (S) in X s: "
        "0 errors, 1 warning.\n"
        "Site written to lenient/ (sources: 3 read, 0 unchanged; pages: 6 re-rendered, 0 "
        "carried over; files: N written, 0 "
        "unchanged, 0 deleted) — open "
        "lenient/index.html in a browser.\n");

  ProcessResult strict = build(tmp.path, kWarning, {"--out", "strict", "--strict"});
  CHECK(strict.status == 1);
  CHECK(strict.err ==
        "code-test/L2.md:7:3: error: unknown link label 'Inconnu par'; kept as written\n"
        "    **Inconnu par**:\n"
        "      ^\n");
  CHECK(strict.out ==
        "Built 1 code, 2 articles (2 versions, 0 cited-only articles), 6 pages (S) in X s: "
        "1 error, 0 warnings.\n"
        "Nothing published: strict/ is left as it was (fix the errors above, or use "
        "--keep-going).\n");
  CHECK_FALSE(fs::exists(tmp.path / "strict"));
}

}  // namespace program_test
