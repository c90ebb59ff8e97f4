// What a build reads, checked on the program itself: nothing outside the content folder, nothing
// lost without a word, no byte that is not UTF-8 written into a page. Every fixture is made here.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/environment.h"
#include "support/site_check.h"

namespace input_safety_test {

namespace fs = std::filesystem;
using legisite::testing::ProcessResult;
using legisite::testing::read_tree;
using legisite::testing::shell_quote;
using legisite::testing::TempDir;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;

using legisite::testing::write_file;

using legisite::testing::read_file;

/// A content folder with one code of one article, and a folder beside it for the site.
struct Project {
  TempDir dir;
  fs::path content, site;
  explicit Project(const std::string& name) : dir(name) {
    content = dir.path / "content";
    site = dir.path / "site";
    write_file(content / "code-a/_index.md", "---\ntitle: Code A\n---\n");
    write_file(content / "code-a/L1.md", "# Article L1\n\nPremier article.\n");
  }
  /// `legisite build` (with `more` options), run by `prefix` (a shell command prefix) if given.
  ProcessResult build(std::vector<std::string> more = {}, const std::string& prefix = "") const {
    std::string command = prefix + shell_quote(LEGISITE_PROGRAM) + " build --content " +
                          shell_quote(content.string()) + " --theme " +
                          shell_quote(kSource + "/themes/default") + " --out " +
                          shell_quote(site.string()) + " --date 2026-11-26";
    for (const std::string& m : more) command += " " + shell_quote(m);
    return legisite::testing::run_command(command);
  }
  /// Every page of the site, concatenated.
  std::string all_pages() const {
    std::string all;
    for (const auto& [path, text] : read_tree(site.string()))
      if (path.size() > 5 && path.substr(path.size() - 5) == ".html") all += text;
    return all;
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "a symbolic link is followed inside the content folder and refused outside it, files and "
    "folders alike, without quoting what it leads to",
    "[cli][input]") {
  Project p("legisite-links");
  const fs::path outside = p.dir.path / "outside";
  write_file(outside / "secret.md", "# Article L9\n\nroot:x:0:0:secret line\n");
  write_file(outside / "folder/L8.md", "# Article L8\n\nroot:x:0:0:secret folder\n");
  write_file(p.content / "shared/L5.md", "# Article L5\n\nArticle partagé.\n");
  fs::create_symlink(outside / "secret.md", p.content / "code-a/L9.md");
  fs::create_symlink(outside / "folder", p.content / "code-a/Livre 8");
  fs::create_symlink(p.content / "shared/L5.md", p.content / "code-a/L5.md");
  fs::create_directories(p.content / "code-a/Livre 6");
  write_file(p.content / "shared/Livre/L6.md", "# Article L6\n\nDans un livre partagé.\n");
  fs::create_symlink(p.content / "shared/Livre", p.content / "code-a/Livre 6/Chapitre");
  fs::create_symlink(p.content / "code-a", p.content / "code-a/Livre 6/boucle");
  fs::create_symlink(p.dir.path / "nowhere", p.content / "code-a/L7.md");

  ProcessResult run = p.build();
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err,
                 "code-a/L9.md: error: symbolic link to a place outside the content "
                 "folder; not read"));
  // The same refusal twice is printed once, naming both places.
  CHECK(contains(run.err, "note: the same error at 2 places: code-a/L9.md, code-a/Livre 8\n"));
  CHECK(contains(run.err,
                 "code-a/Livre 6/boucle: error: symbolic link to a folder that contains "
                 "it (a loop); not followed"));
  CHECK(contains(run.err, "code-a/L7.md: error: symbolic link to nothing"));
  CHECK_FALSE(contains(run.err, "root:x"));
  CHECK_FALSE(contains(run.out, "root:x"));
  CHECK_FALSE(fs::exists(p.site));  // errors: nothing published

  // With --keep-going, what the links inside the content lead to is published, nothing else.
  run = p.build({"--keep-going"});
  CHECK(run.status == 1);
  const std::string pages = p.all_pages();
  CHECK(fs::exists(p.site / "code-a/l5/index.html"));
  CHECK(fs::exists(p.site / "code-a/l6/index.html"));
  CHECK(contains(read_file(p.site / "code-a/l6/index.html"), "Dans un livre partagé."));
  CHECK_FALSE(fs::exists(p.site / "code-a/l8"));
  CHECK_FALSE(fs::exists(p.site / "code-a/l9"));
  CHECK_FALSE(contains(pages, "root:x"));
}

TEST_CASE("a symbolic link as the content folder is that folder", "[cli][input]") {
  Project p("legisite-linked-root");
  fs::rename(p.content, p.dir.path / "real-content");
  fs::create_symlink(p.dir.path / "real-content", p.content);
  ProcessResult run = p.build();
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(fs::exists(p.site / "code-a/l1/index.html"));
}

TEST_CASE(
    "a file that is not UTF-8 is an error at its first bad byte, and its page shows U+FFFD, "
    "never the raw byte",
    "[cli][input]") {
  Project p("legisite-latin1");
  write_file(p.content / "code-a/L2.md", "# Article L2\n\nLe d\xE9lai d'\xE9t\xE9.\n");
  write_file(p.content / "code-a/L3.md", std::string("# Article L3\n\nUn \0 nul.\n", 24));
  ProcessResult run = p.build();
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err,
                 "code-a/L2.md:3:5: error: not UTF-8: byte 0xE9 at byte offset 18 is not part of "
                 "a UTF-8 character (3 bytes in the file, each read as U+FFFD)\n"
                 "    Le d\\xE9lai d'\\xE9t\\xE9.\n"
                 "        ^\n"
                 "  note: save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)\n"));
  CHECK(contains(run.err,
                 "code-a/L3.md:3:4: error: NUL byte at byte offset 17: a text file holds "
                 "none (1 byte in the file, each read as U+FFFD)\n"));
  CHECK_FALSE(fs::exists(p.site));

  REQUIRE(p.build({"--keep-going"}).status == 1);
  const std::string page = read_file(p.site / "code-a/l2/index.html");
  CHECK(contains(page, "Le d\xEF\xBF\xBDlai d'\xEF\xBF\xBDt\xEF\xBF\xBD."));
  CHECK(contains(read_file(p.site / "code-a/l3/index.html"), "Un \xEF\xBF\xBD nul."));
  CHECK(legisite::testing::check_site(read_tree(p.site.string())).empty());
}

TEST_CASE(
    "a code title that is not UTF-8 or holds a NUL is an error, and no page holds the raw bytes",
    "[cli][input]") {
  Project p("legisite-bad-title");
  write_file(p.content / "code-a/_index.md",
             std::string("---\ntitle: Code \xE9lectoral \0 A\n---\n", 34));
  ProcessResult run = p.build({"--keep-going"});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err, "code-a/_index.md:2:13: error: not UTF-8: byte 0xE9 at byte offset 16"));
  const std::string pages = p.all_pages();
  CHECK_FALSE(pages.empty());
  CHECK_FALSE(contains(pages, std::string(1, '\0')));
  CHECK_FALSE(contains(pages, "\xE9l"));
  CHECK(contains(pages, "Code \xEF\xBF\xBDlectoral \xEF\xBF\xBD A"));
}

TEST_CASE("a file or folder name that is not UTF-8 is an error naming it, and is not read",
          "[cli][input]") {
  Project p("legisite-bad-name");
  write_file(p.content / "code-a/Livre \xE9t\xE9/L2.md", "# Article L2\n\nDans un livre.\n");
  ProcessResult run = p.build({"--keep-going"});
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err,
                 "code-a/Livre \\xE9t\\xE9/L2.md: error: file name not UTF-8: byte 0xE9 "
                 "at byte 13 of the path; the file is not read\n"));
  CHECK(fs::exists(p.site / "code-a/l1/index.html"));
  CHECK_FALSE(fs::exists(p.site / "code-a/l2"));
}

TEST_CASE("a folder the build cannot read is an error naming it, the content folder too",
          "[cli][input]") {
  // Permissions do not stop root: the build then runs as nobody.
  const std::string as_user =
      ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  if (!as_user.empty() && !legisite::testing::have_program("setpriv"))
    return legisite::testing::skip_because_missing("setpriv (to run a build as another user)");
  Project p("legisite-unreadable");
  write_file(p.content / "code-a/Livre 2/L2.md", "# Article L2\n\nDans un livre.\n");
  fs::permissions(p.dir.path, fs::perms::all);
  fs::permissions(p.content / "code-a/Livre 2", fs::perms::none);
  ProcessResult run = p.build({"--keep-going"}, as_user);
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err, "code-a/Livre 2: error: cannot read folder: Permission denied\n"));
  CHECK(fs::exists(p.site / "code-a/l1/index.html"));
  CHECK_FALSE(fs::exists(p.site / "code-a/l2"));

  // The content folder itself: an error naming it, and the site is kept.
  fs::permissions(p.content / "code-a/Livre 2", fs::perms::owner_all);
  fs::permissions(p.content, fs::perms::none);
  const auto before = read_tree(p.site.string());
  run = p.build({}, as_user);
  fs::permissions(p.content, fs::perms::owner_all);
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(contains(run.err,
                 "error: cannot read the folder " + p.content.string() + ": Permission denied\n"));
  CHECK(read_tree(p.site.string()) == before);
}

TEST_CASE("folders nested deeper than 200 levels are an error naming the first one left out",
          "[cli][input]") {
  Project p("legisite-deep-folders");
  // code-a is level 1, code-a/s level 2, …: the last level read is 200.
  fs::path folder = p.content / "code-a";
  std::string first_left_out = "code-a";
  for (int level = 2; level <= 205; ++level) {
    folder /= "s";
    if (level <= 201) first_left_out += "/s";
    if (level == 200) write_file(folder / "L200.md", "# Article L200\n\nAu fond.\n");
  }
  write_file(folder / "L205.md", "# Article L205\n\nTrop loin.\n");
  ProcessResult run = p.build({"--keep-going"});
  CHECK(run.status == 1);
  CHECK(run.err.rfind(
            first_left_out + ": error: folder nested more than 200 levels deep; not read\n", 0) ==
        0);
  CHECK(fs::exists(p.site / "code-a/l200/index.html"));
  CHECK_FALSE(fs::exists(p.site / "code-a/l205"));
}

TEST_CASE(
    "after the first write error (a file-size limit, as a full disk) the build stops writing, "
    "says so once and publishes nothing, even with --keep-going",
    "[cli][output]") {
  Project p("legisite-write-error");
  for (int n = 2; n <= 40; ++n)
    write_file(p.content / ("code-a/L" + std::to_string(n) + ".md"),
               "# Article L" + std::to_string(n) + "\n\n" + std::string(3000, 'x') + "\n");
  // SIGXFSZ ignored: a write past the limit then fails with EFBIG, as one past a full disk fails
  // with ENOSPC. dash counts the limit in 512-byte blocks: 8 kB, less than any article page.
  ProcessResult run = p.build({"--keep-going", "-j", "2"}, "trap '' XFSZ; ulimit -f 16; ");
  INFO(run.err);
  CHECK(run.status == 1);
  std::size_t count = 0;
  for (std::size_t at = run.err.find("cannot write"); at != std::string::npos;
       at = run.err.find("cannot write", at + 1))
    ++count;
  CHECK(count == 2);  // "cannot write page: cannot write <path>: File too large", once
  CHECK(contains(run.err, ": File too large; the build stops writing (nothing is published)\n"));
  CHECK(contains(run.out, "Built 1 code, 40 articles"));
  CHECK(contains(run.out, ": 1 error, 0 warnings."));
  CHECK_FALSE(fs::exists(p.site));
  for (const auto& entry : fs::directory_iterator(p.dir.path))
    CHECK(entry.path().filename().string().find(".staging-") == std::string::npos);
}

}  // namespace input_safety_test
