// A name too long for the file system (issue 11, point 5): a code title or article number whose
// slug would pass the 255 bytes a file name may hold is cut with a hash, the same in `check` and
// `build`, instead of passing `check` and failing `build` with "File name too long"; a warning
// names the source of each name so cut.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/environment.h"
#include "support/site_check.h"

namespace long_names_test {

namespace fs = std::filesystem;
using legisite::testing::ProcessResult;
using legisite::testing::shell_quote;
using legisite::testing::TempDir;

namespace {

using legisite::testing::write_file;

}  // namespace

TEST_CASE("a code title and an article number too long for a file name build", "[cli][input]") {
  TempDir dir("legisite-long-names");
  const fs::path content = dir.path / "content", site = dir.path / "site";
  std::string title = "Code";
  for (int i = 0; i < 30; ++i) title += " des très longues dispositions";  // ~900 bytes
  write_file(content / "code/_index.md", "---\ntitle: " + title + "\n---\n");
  write_file(content / "code/L1.md", "# Article L1\n\nCourt.\n");
  // 120 stars: a 200-character number is allowed, and each star is "-star-" in a slug.
  write_file(content / "code/etoiles.md", "# Article L" + std::string(120, '*') + "\n\nÉtoiles.\n");
  const std::string args = " --content " + shell_quote(content.string()) + " --date 2026-11-26";
  ProcessResult check =
      legisite::testing::run_command(shell_quote(LEGISITE_PROGRAM) + " check" + args);
  INFO(check.out + check.err);
  CHECK(check.status == 0);
  CHECK(check.err.find("warning: the title of code 'Code des très longues dispositions") !=
        std::string::npos);
  CHECK(check.err.find("code/etoiles.md:1: warning: article number 'L****") != std::string::npos);
  CHECK(check.err.find("is too long for a file name: its URL is cut to 'l-star-star") !=
        std::string::npos);
  ProcessResult build = legisite::testing::run_command(
      shell_quote(LEGISITE_PROGRAM) + " build" + args + " --theme " +
      shell_quote(std::string(LEGISITE_SOURCE_DIR) + "/themes/default") + " --out " +
      shell_quote(site.string()));
  INFO(build.out + build.err);
  REQUIRE(build.status == 0);
  std::size_t longest = 0, pages = 0;
  bool short_article = false, star_article = false;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    longest = std::max(longest, entry.path().filename().string().size());
    if (entry.path().extension() != ".html") continue;
    ++pages;
    const std::string html = legisite::testing::read_file(entry.path());
    if (html.find("Court.") != std::string::npos) short_article = true;
    if (html.find("Étoiles.") != std::string::npos) star_article = true;
  }
  CHECK(longest <= 200);
  CHECK(pages > 2);
  CHECK(short_article);
  CHECK(star_article);
}

}  // namespace long_names_test
