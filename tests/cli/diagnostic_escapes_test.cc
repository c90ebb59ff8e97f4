// Control characters from content are escaped in what the program prints (issue 11, point 5),
// checked end to end: the formatter's own test is in tests/diagnostics.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/environment.h"

namespace diagnostic_escapes_test {

namespace fs = std::filesystem;
using legisite::testing::ProcessResult;
using legisite::testing::shell_quote;
using legisite::testing::TempDir;

TEST_CASE("a terminal escape sequence in content prints escaped in the program's diagnostics",
          "[cli][input]") {
  TempDir dir("legisite-escapes");
  fs::create_directories(dir.path / "content/code");
  // ESC [ 2 J clears a terminal's screen.
  std::ofstream(dir.path / "content/code/L1.md", std::ios::binary)
      << "---\netat: VIG\x1b[2JUEUR\n---\n# Article L1\n\nTexte.\n";
  ProcessResult run = legisite::testing::run_command(
      shell_quote(LEGISITE_PROGRAM) + " check --content " +
      shell_quote((dir.path / "content").string()) + " --date 2026-11-26");
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(run.err.find("code/L1.md:2:7: error: unknown état 'VIG\\x1B[2JUEUR'\n"
                     "    etat: VIG\\x1B[2JUEUR\n") != std::string::npos);
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK(run.out.find('\x1b') == std::string::npos);
}

}  // namespace diagnostic_escapes_test
