// What the README says of the shared corpora ("Official formats": which real codes build with no
// error, with how many articles and versions, and which file of ../shared/corpus is refused), run
// as it says: `legisite check` reads, resolves and reports as `build` does, without writing. A
// figure changed here must change in the README too.

#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "support/environment.h"

namespace readme_corpora_test {

using legisite::testing::ProcessResult;
using legisite::testing::shell_quote;

namespace {

const std::string kCorpus = LEGISITE_SHARED_DIR "/corpus/";

/// `legisite check` on `content` (below ../shared/corpus), or nothing when it is missing.
std::optional<ProcessResult> check(const std::string& content) {
  if (!std::filesystem::exists(kCorpus + content)) {
    legisite::testing::skip_because_missing(kCorpus + content);
    return std::nullopt;
  }
  return legisite::testing::run_command(shell_quote(LEGISITE_PROGRAM) + " check --content " +
                                        shell_quote(kCorpus + content) + " --date 2026-11-26");
}

/// The summary's counts, "N codes, N articles (N versions" up to the errors: "Checked 1 code,
/// 474 articles (717 versions, 7 cited-only articles) in 0.1 s: 0 errors, 0 warnings" gives
/// "1 code, 474 articles (717 versions | 0 errors".
std::string summary(const std::string& out) {
  std::size_t at = out.find("Checked ");
  if (at == std::string::npos) return "no summary";
  std::size_t versions_end = out.find(',', out.find('(', at));
  std::size_t errors = out.find(": ", versions_end) + 2;
  return out.substr(at + 8, versions_end - at - 8) + " | " +
         out.substr(errors, out.find(',', errors) - errors);
}

void check_builds_without_error(const std::string& content, const std::string& expected) {
  auto run = check(content);
  if (!run) return;
  INFO(content << "\n" << run->out << run->err);
  CHECK(run->status == 0);
  CHECK(summary(run->out) == expected);
  CHECK(run->err.find(": error:") == std::string::npos);
}

}  // namespace

TEST_CASE("the README's whole real codes check with no error and its figures", "[slow][readme]") {
  check_builds_without_error("legifrance-json/css-2026-03-14.json",
                             "1 code, 7372 articles (22203 versions | 0 errors");
  check_builds_without_error("legifrance-json/css-2021-01-01.json",
                             "1 code, 7001 articles (20040 versions | 0 errors");
  check_builds_without_error("legifrance-json/code-du-travail-2026-03-27.json",
                             "1 code, 11545 articles (21870 versions | 0 errors");
  check_builds_without_error("legifrance-json/crpa-2026-03-14.json",
                             "1 code, 474 articles (717 versions | 0 errors");
  check_builds_without_error("css-history", "1 code, 10190 articles (22271 versions | 0 errors");
  check_builds_without_error("legi-xml", "2 codes, 2 articles (2 versions | 0 errors");
}

TEST_CASE("the README's one refused file of the shared corpus: a Conseil d'État decision",
          "[slow][readme]") {
  const std::string refused =
      "CETATEXT000035260342.json:2:3: error: $: unrecognised JSON shape: expected a Légifrance "
      "code tree";
  for (const std::string content : {"legifrance-api", ""}) {
    auto run = check(content);
    if (!run) return;
    INFO((content.empty() ? "../shared/corpus" : content) << "\n" << run->out << run->err);
    CHECK(run->status == 1);
    CHECK(run->err.find(refused) != std::string::npos);
    CHECK(summary(run->out) == (content.empty()
                                    ? "9 codes, 24020 articles (54851 versions | 1 error"
                                    : "4 codes, 5 articles (19 versions | 1 error"));
  }
}

}  // namespace readme_corpora_test
