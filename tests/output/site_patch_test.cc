// serve's in-place edit of a published site: only files the site has are replaced, each written
// beside its path and renamed over it, and nothing is ever written through a link.

#include "output/site_patch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/environment.h"

namespace legisite::site_patch_test {
namespace {

namespace fs = std::filesystem;
using legisite::testing::TempDir;
using legisite::testing::write_file;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every entry below `root`, links included, as relative paths.
std::set<std::string> entries(const fs::path& root) {
  std::set<std::string> all;
  for (const auto& e : fs::recursive_directory_iterator(root))
    all.insert(fs::relative(e.path(), root).string());
  return all;
}

ino_t inode(const fs::path& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_ino;
}

/// A published site with a page and a stylesheet, and a folder outside it.
struct Site {
  TempDir dir;
  fs::path site, outside;
  explicit Site(const std::string& name) : dir("legisite-site-patch-" + name) {
    site = dir.path / "site";
    outside = dir.path / "outside";
    write_file(site / "index.html", "<p>old index</p>");
    write_file(site / "code-civil" / "article-1.html", "<p>old article</p>");
    write_file(outside / "secret.txt", "secret");
  }
};

TEST_CASE("a file the site has is replaced whole", "[output][site_patch]") {
  Site s("replace");
  SitePatch patch(s.site.string());
  std::string error;
  CHECK(patch.write("code-civil/article-1.html", "<p>new article</p>", error));
  CHECK(error.empty());
  CHECK(read(s.site / "code-civil" / "article-1.html") == "<p>new article</p>");
  CHECK(read(s.site / "index.html") == "<p>old index</p>");
  // The temporary file is renamed away, so nothing is left beside the page.
  CHECK(entries(s.site) ==
        std::set<std::string>{"index.html", "code-civil", "code-civil/article-1.html"});

  CHECK(patch.write("index.html", "", error));
  CHECK(read(s.site / "index.html").empty());
}

TEST_CASE("a reader of the old file keeps the whole old file", "[output][site_patch]") {
  // Renamed over, not rewritten: a page being served is never seen half old and half new.
  Site s("rename");
  const fs::path page = s.site / "index.html";
  const ino_t before = inode(page);
  int fd = ::open(page.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  SitePatch patch(s.site.string());
  std::string error;
  CHECK(patch.write("index.html", "<p>a much longer new index</p>", error));
  char buffer[64] = {};
  ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
  ::close(fd);
  CHECK(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0) == "<p>old index</p>");
  CHECK(inode(page) != before);
  CHECK(read(page) == "<p>a much longer new index</p>");
}

TEST_CASE("a file the site lacks is not added", "[output][site_patch]") {
  Site s("missing");
  SitePatch patch(s.site.string());
  std::string error;
  CHECK_FALSE(patch.write("code-civil/article-2.html", "<p>new</p>", error));
  CHECK(error == "the published site has no file code-civil/article-2.html");
  CHECK_FALSE(patch.write("code-penal/article-1.html", "<p>new</p>", error));
  CHECK(error == "the published site has no file code-penal/article-1.html");
  // A folder is no file to replace.
  CHECK_FALSE(patch.write("code-civil", "<p>new</p>", error));
  CHECK(error == "the published site has no file code-civil");
  CHECK(entries(s.site) ==
        std::set<std::string>{"index.html", "code-civil", "code-civil/article-1.html"});
}

TEST_CASE("a patch path that could leave the site is refused", "[output][site_patch]") {
  Site s("paths");
  SitePatch patch(s.site.string());
  for (const std::string& path : std::vector<std::string>{
           "", "/index.html", s.site.string() + "/index.html", "../outside/secret.txt",
           "code-civil/../index.html", "./index.html", "code-civil/./article-1.html",
           "code-civil//article-1.html", "code-civil/", "..", "."}) {
    std::string error;
    CAPTURE(path);
    CHECK_FALSE(patch.write(path, "pwned", error));
    CHECK(error == "not a path inside the site: " + path);
  }
  CHECK(read(s.outside / "secret.txt") == "secret");
  CHECK(read(s.site / "index.html") == "<p>old index</p>");
  CHECK(read(s.site / "code-civil" / "article-1.html") == "<p>old article</p>");
}

TEST_CASE("a file of the site that is a link is not written through", "[output][site_patch]") {
  Site s("link");
  fs::create_symlink(s.outside / "secret.txt", s.site / "linked.html");
  SitePatch patch(s.site.string());
  std::string error;
  CHECK_FALSE(patch.write("linked.html", "pwned", error));
  CHECK(error == "the published site has no file linked.html");
  CHECK(read(s.outside / "secret.txt") == "secret");
  CHECK(fs::is_symlink(s.site / "linked.html"));
}

TEST_CASE("a link at the temporary name is not written through", "[output][site_patch]") {
  // A leftover or planted link where the new file is first written must not lead the write out.
  Site s("temporary-link");
  const fs::path temporary =
      s.site / (".legisite-patch-" + std::to_string(::getpid()) + "-index.html");
  fs::create_symlink(s.outside / "secret.txt", temporary);
  SitePatch patch(s.site.string());
  std::string error;
  CHECK_FALSE(patch.write("index.html", "pwned", error));
  CHECK(error == "cannot write index.html: Too many levels of symbolic links");
  CHECK(read(s.outside / "secret.txt") == "secret");
  CHECK(read(s.site / "index.html") == "<p>old index</p>");
  // The failed write removes what stood at the temporary name.
  CHECK_FALSE(fs::exists(fs::symlink_status(temporary)));
}

TEST_CASE("a leftover temporary file is overwritten not appended to", "[output][site_patch]") {
  Site s("leftover");
  const fs::path temporary =
      s.site / "code-civil" / (".legisite-patch-" + std::to_string(::getpid()) + "-article-1.html");
  write_file(temporary, "a killed serve's much longer leftover");
  SitePatch patch(s.site.string());
  std::string error;
  CHECK(patch.write("code-civil/article-1.html", "short", error));
  CHECK(read(s.site / "code-civil" / "article-1.html") == "short");
  CHECK_FALSE(fs::exists(temporary));
}

TEST_CASE("a write that fails leaves the old file and says why", "[output][site_patch]") {
  // A folder at the temporary name makes the open fail whatever the user's rights.
  Site s("failure");
  const fs::path temporary =
      s.site / (".legisite-patch-" + std::to_string(::getpid()) + "-index.html");
  fs::create_directory(temporary);
  SitePatch patch(s.site.string());
  std::string error;
  CHECK_FALSE(patch.write("index.html", "new", error));
  CHECK(error == "cannot write index.html: Is a directory");
  CHECK(read(s.site / "index.html") == "<p>old index</p>");
}

TEST_CASE("a patch is an output sink that never keeps files", "[output][site_patch]") {
  Site s("sink");
  SitePatch patch(s.site.string());
  OutputSink& sink = patch;
  std::string error;
  CHECK(sink.write_dated("index.html", "dated", 1000, error));
  CHECK(read(s.site / "index.html") == "dated");
  std::size_t size = 7;
  CHECK_FALSE(sink.keep("index.html", size, error));
  CHECK(size == 7);
  CHECK_FALSE(sink.stopped());
}

TEST_CASE("a linked folder of the site is not written through", "[output][site_patch]") {
  // A folder of the site that is a link would lead the write, and the rename, to a file
  // outside the site: every folder on the way must be a real one.
  Site s("linked-folder");
  fs::create_directory_symlink(s.outside, s.site / "other");
  SitePatch patch(s.site.string());
  std::string error;
  CHECK_FALSE(patch.write("other/secret.txt", "overwritten", error));
  CHECK(error == "the published site has no file other/secret.txt");
  CHECK(read(s.outside / "secret.txt") == "secret");
  CHECK(fs::is_symlink(s.site / "other"));
}

}  // namespace
}  // namespace legisite::site_patch_test
