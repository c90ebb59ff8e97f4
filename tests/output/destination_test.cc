// Which folders `--out` may replace: a wrong answer here costs the user a folder they did not
// mean to give up, so every refusal is checked with the exact folder and reason it names.

#include "output/destination.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/environment.h"

namespace legisite::destination_test {
namespace {

namespace fs = std::filesystem;
using legisite::testing::TempDir;
using legisite::testing::write_file;

const std::string kWayOut = "; name a new or empty folder for the site";

/// What check_destination said about one --out.
struct Verdict {
  bool ok = false;
  Destination destination;
  std::string error;
};

Verdict check(const std::string& out, const std::vector<KeptFolder>& kept = {}) {
  Verdict v;
  // Filled beforehand, so that a check that forgets to reset it shows.
  v.destination = {"/stale", true, true, true};
  v.error = "";
  v.ok = check_destination(out, kept, v.destination, v.error);
  return v;
}

/// A temporary tree with a content folder holding a source, as a build is given.
struct Tree {
  TempDir dir;
  fs::path root;  // symlinks resolved: /tmp may itself be a link
  fs::path content;
  explicit Tree(const std::string& name) : dir("legisite-destination-" + name) {
    root = fs::canonical(dir.path);
    content = root / "content";
    write_file(content / "code-civil" / "article-1.md", "# Article 1\n");
  }
  std::vector<KeptFolder> kept(bool read = true) const {
    return {{content.string(), "the content folder", read}};
  }
};

/// Sets $HOME for one test and puts it back, since always_kept reads it at every call.
class HomeIs {
 public:
  explicit HomeIs(const std::string& home) {
    if (const char* old = std::getenv("HOME")) old_ = old;
    ::setenv("HOME", home.c_str(), 1);
  }
  ~HomeIs() {
    if (old_)
      ::setenv("HOME", old_->c_str(), 1);
    else
      ::unsetenv("HOME");
  }
  HomeIs(const HomeIs&) = delete;
  HomeIs& operator=(const HomeIs&) = delete;

 private:
  std::optional<std::string> old_;
};

TEST_CASE("a folder that does not exist may take a new site", "[output][destination]") {
  Tree tree("new");
  Verdict v = check((tree.root / "site").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.error.empty());
  CHECK(v.destination.path == (tree.root / "site").string());
  CHECK_FALSE(v.destination.exists);
  CHECK_FALSE(v.destination.published);
  CHECK_FALSE(v.destination.has_index);
  // Deciding never makes the folder: only the staged site that takes its place does.
  CHECK_FALSE(fs::exists(tree.root / "site"));
}

TEST_CASE("an empty folder may be replaced and is not taken for a published site",
          "[output][destination]") {
  Tree tree("empty");
  fs::create_directory(tree.root / "site");
  Verdict v = check((tree.root / "site").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "site").string());
  CHECK(v.destination.exists);
  CHECK_FALSE(v.destination.published);
  CHECK_FALSE(v.destination.has_index);
}

TEST_CASE("a folder holding the site marker is a published site that may be replaced",
          "[output][destination]") {
  Tree tree("published");
  write_file(tree.root / "site" / kSiteMarkerName, kSiteMarker);
  write_file(tree.root / "site" / "style.css", "body{}");
  Verdict v = check((tree.root / "site").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "site").string());
  CHECK(v.destination.exists);
  CHECK(v.destination.published);
  CHECK_FALSE(v.destination.has_index);

  write_file(tree.root / "site" / "index.html", "<html>");
  v = check((tree.root / "site").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.has_index);
}

TEST_CASE("a folder with files and no marker is left alone", "[output][destination]") {
  Tree tree("unmarked");
  write_file(tree.root / "photos" / "cat.jpg", "jpeg");
  const std::string out = (tree.root / "photos").string();
  const std::string refusal =
      "--out holds files and no .legisite marker: it is not a site "
      "legisite published, so it is left alone" +
      kWayOut + ", or remove this one first";
  Verdict v = check(out, tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error == refusal);
  CHECK(fs::exists(tree.root / "photos" / "cat.jpg"));

  // A marker that is not a plain file is no marker: a link could make any folder look published.
  fs::create_directory(tree.root / "photos" / kSiteMarkerName);
  CHECK(check(out, tree.kept()).error == refusal);
  fs::remove(tree.root / "photos" / kSiteMarkerName);
  write_file(tree.root / "elsewhere" / kSiteMarkerName, kSiteMarker);
  fs::create_symlink(tree.root / "elsewhere" / kSiteMarkerName,
                     tree.root / "photos" / kSiteMarkerName);
  v = check(out, tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error == refusal);
}

TEST_CASE("an existing file is never replaced by a site", "[output][destination]") {
  Tree tree("file");
  write_file(tree.root / "notes.txt", "keep me");
  Verdict v = check((tree.root / "notes.txt").string(), tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error == "--out is an existing file, not a folder" + kWayOut);
}

TEST_CASE("a mount point is refused since it cannot be renamed", "[output][destination]") {
  // /proc is a mount point on every Linux system the tests run on.
  struct stat self, parent;
  REQUIRE(::stat("/proc", &self) == 0);
  REQUIRE(::stat("/", &parent) == 0);
  REQUIRE(self.st_dev != parent.st_dev);
  Verdict v = check("/proc");
  CHECK_FALSE(v.ok);
  CHECK(v.error == "--out is a mount point, which a new site cannot replace as a whole" + kWayOut +
                       " inside it, for example /proc/site");
}

TEST_CASE("the content folder itself is never replaced", "[output][destination]") {
  Tree tree("is-content");
  const std::string is_content = "--out is the content folder" + kWayOut;
  CHECK(check(tree.content.string(), tree.kept()).error == is_content);
  // Spelling variants of the same folder name it too.
  CHECK(check(tree.content.string() + "/", tree.kept()).error == is_content);
  CHECK(check(tree.content.string() + "//", tree.kept()).error == is_content);
  CHECK(check(tree.content.string() + "/.", tree.kept()).error == is_content);
  CHECK(check((tree.content / "code-civil" / "..").string(), tree.kept()).error == is_content);
  CHECK(check((tree.root / "gone" / ".." / "content").string(), tree.kept()).error == is_content);
  // A folder the build does not read (a repository read from its commits) is kept all the same.
  Verdict v = check(tree.content.string(), tree.kept(false));
  CHECK_FALSE(v.ok);
  CHECK(v.error == is_content);
  CHECK(v.destination.path.empty());
  CHECK_FALSE(v.destination.exists);
}

TEST_CASE("a symlink to the content folder is resolved and refused", "[output][destination]") {
  Tree tree("link-to-content");
  fs::create_directory_symlink(tree.content, tree.root / "link");
  const std::string really = "--out (really " + tree.content.string() + ")";
  CHECK(check((tree.root / "link").string(), tree.kept()).error ==
        really + " is the content folder" + kWayOut);
  CHECK(check((tree.root / "link").string() + "/", tree.kept()).error ==
        really + " is the content folder" + kWayOut);
  // A link the other way round: the kept folder named through a link, --out by its real path.
  std::vector<KeptFolder> through_link = {{(tree.root / "link").string(), "the content folder"}};
  CHECK(check(tree.content.string(), through_link).error ==
        "--out is the content folder" + kWayOut);
}

TEST_CASE("a folder containing a kept folder is never replaced", "[output][destination]") {
  Tree tree("parent");
  const std::string contains =
      " contains the content folder (" + tree.content.string() + ")" + kWayOut;
  CHECK(check(tree.root.string(), tree.kept()).error == "--out" + contains);
  CHECK(check(tree.root.string() + "/", tree.kept()).error == "--out" + contains);
  CHECK(check((tree.content / "..").string(), tree.kept()).error == "--out" + contains);
  // Even when it is a published site: the content inside it would go with the old site.
  write_file(tree.root / kSiteMarkerName, kSiteMarker);
  CHECK(check(tree.root.string(), tree.kept()).error == "--out" + contains);
  fs::create_directory_symlink(tree.root,
                               tree.root.parent_path() / (tree.root.filename().string() + "-link"));
  const fs::path link = tree.root.parent_path() / (tree.root.filename().string() + "-link");
  Verdict v = check(link.string(), tree.kept());
  fs::remove(link);
  CHECK_FALSE(v.ok);
  CHECK(v.error == "--out (really " + tree.root.string() + ")" + contains);
}

TEST_CASE("a sibling whose name extends a kept folder is not taken for its parent",
          "[output][destination]") {
  // Paths are compared part by part: "content-site" neither is nor contains "content".
  Tree tree("sibling");
  Verdict v = check((tree.root / "content-site").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "content-site").string());
  v = check((tree.root / "conten").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "conten").string());
}

TEST_CASE("a site inside a folder the build reads is refused", "[output][destination]") {
  Tree tree("inside-read");
  const std::string inside = " lies inside the content folder (" + tree.content.string() +
                             "), which the build reads: the next build would read the site too" +
                             kWayOut + " outside it";
  CHECK(check((tree.content / "site").string(), tree.kept()).error == "--out" + inside);
  CHECK(check((tree.content / "code-civil" / "site").string(), tree.kept()).error ==
        "--out" + inside);
  fs::create_directory_symlink(tree.content, tree.root / "link");
  CHECK(check((tree.root / "link" / "site").string(), tree.kept()).error ==
        "--out (really " + (tree.content / "site").string() + ")" + inside);
  // A folder the build does not read may hold the site (a repository read from its commits).
  Verdict v = check((tree.content / "site").string(), tree.kept(false));
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.content / "site").string());
}

TEST_CASE("a content file is kept like a folder", "[output][destination]") {
  Tree tree("content-file");
  write_file(tree.root / "code.xml", "<code/>");
  std::vector<KeptFolder> kept = {{(tree.root / "code.xml").string(), "the content file", true}};
  CHECK(check((tree.root / "code.xml").string(), kept).error ==
        "--out is the content file" + kWayOut);
  CHECK(check(tree.root.string(), kept).error ==
        "--out contains the content file (" + (tree.root / "code.xml").string() + ")" + kWayOut);
}

TEST_CASE("every kept folder is checked and named in the refusal", "[output][destination]") {
  Tree tree("theme");
  fs::create_directories(tree.root / "theme" / "templates");
  std::vector<KeptFolder> kept = tree.kept();
  kept.push_back({(tree.root / "theme").string(), "the theme folder", true});
  CHECK(check((tree.root / "theme").string(), kept).error == "--out is the theme folder" + kWayOut);
  CHECK(check((tree.root / "theme" / "templates" / "site").string(), kept).error ==
        "--out lies inside the theme folder (" + (tree.root / "theme").string() +
            "), which the build reads: the next build would read the site too" + kWayOut +
            " outside it");
  CHECK(check((tree.root / "site").string(), kept).ok);
}

TEST_CASE("the root and the current folder are never replaced", "[output][destination]") {
  const std::string cwd = fs::current_path().string();
  CHECK(check("/").error == "--out is the root folder" + kWayOut);
  CHECK(check("//").error == "--out is the root folder" + kWayOut);
  CHECK(check("/tmp/..").error == "--out is the root folder" + kWayOut);
  CHECK(check(".").error == "--out is the current folder" + kWayOut);
  CHECK(check("./").error == "--out is the current folder" + kWayOut);
  CHECK(check(cwd).error == "--out is the current folder" + kWayOut);
  CHECK(check("..").error == "--out contains the current folder (" + cwd + ")" + kWayOut);
  // An empty --out resolves to no path at all, which every folder lies below.
  Verdict v = check("");
  CHECK_FALSE(v.ok);
  CHECK(v.error == "--out contains the root folder (/)" + kWayOut);
}

TEST_CASE("the home folder and its parents are never replaced", "[output][destination]") {
  Tree tree("home");
  fs::create_directories(tree.root / "home" / "user");
  HomeIs home((tree.root / "home" / "user").string() + "/");
  CHECK(check((tree.root / "home" / "user").string()).error ==
        "--out is your home folder ($HOME)" + kWayOut);
  CHECK(check((tree.root / "home").string()).error == "--out contains your home folder ($HOME) (" +
                                                          (tree.root / "home" / "user").string() +
                                                          ")" + kWayOut);
  // A site inside $HOME is the usual case: $HOME is not a folder the build reads.
  Verdict v = check((tree.root / "home" / "user" / "site").string());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "home" / "user" / "site").string());
}

TEST_CASE("an empty home is no kept folder", "[output][destination]") {
  // An empty $HOME would otherwise resolve to the current folder's path, or to no path at all.
  Tree tree("empty-home");
  HomeIs home("");
  Verdict v = check((tree.root / "site").string());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "site").string());
}

TEST_CASE("symlinks on --out are resolved to the folder they lead to", "[output][destination]") {
  Tree tree("links");
  fs::create_directories(tree.root / "real" / "empty");
  fs::create_directory_symlink(tree.root / "real", tree.root / "via");
  Verdict v = check((tree.root / "via" / "empty").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "real" / "empty").string());
  CHECK(v.destination.exists);
  v = check((tree.root / "via" / "new").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "real" / "new").string());
  CHECK_FALSE(v.destination.exists);
  // ".." after a link goes up from where the link leads, as the system does.
  fs::create_directory_symlink(tree.root / "real" / "empty", tree.root / "deep");
  v = check((tree.root / "deep" / ".." / "new").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "real" / "new").string());
}

TEST_CASE("a symlink to a folder that does not exist is refused", "[output][destination]") {
  Tree tree("dangling");
  fs::create_directory_symlink(tree.root / "nowhere", tree.root / "site");
  Verdict v = check((tree.root / "site").string(), tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error == "--out (really " + (tree.root / "nowhere").string() +
                       ") is a symlink to a folder that does not exist" + kWayOut);
  CHECK(v.destination.path.empty());
}

TEST_CASE("a dangling symlink on the way to --out is followed", "[output][destination]") {
  // The link leads into the content folder, to a folder not made yet: --out below it lies in
  // the content folder and is refused, as the same path spelled directly is.
  Tree tree("dangling-parent");
  fs::create_directory_symlink(tree.content / "new", tree.root / "dl");
  Verdict v = check((tree.root / "dl" / "site").string(), tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error.find("lies inside the content folder") != std::string::npos);
  CHECK(v.destination.path.empty());
}

TEST_CASE("a missing folder then .. hides no symlink into the content folder",
          "[output][destination]") {
  // A missing folder before ".." must not stop the walk: "link" is followed, and --out is
  // refused as link/site spelled directly is (before, it was accepted: data loss).
  Tree tree("dotdot-link");
  fs::create_directory_symlink(tree.content, tree.root / "link");
  Verdict v = check((tree.root / "gone" / ".." / "link" / "site").string(), tree.kept());
  CHECK_FALSE(v.ok);
  CHECK(v.error.find("lies inside the content folder") != std::string::npos);
  CHECK(v.destination.path.empty());
  // The same spelling of the kept folder protects it from a --out inside it.
  std::vector<KeptFolder> kept = {
      {(tree.root / "gone" / ".." / "link").string(), "the content folder", true}};
  v = check((tree.content / "site").string(), kept);
  CHECK_FALSE(v.ok);
  CHECK(v.error.find("lies inside the content folder") != std::string::npos);
}

TEST_CASE("the previous site beside --out is checked like --out", "[output][destination]") {
  // The build moves the replaced site to site.legisite-previous and updates it in place: that
  // name must be refused whenever --out itself would be.
  Tree tree("previous");
  const std::string previous = (tree.root / "site").string() + kPreviousSuffix;
  CHECK(previous == (tree.root / "site.legisite-previous").string());
  Verdict v = check(previous, tree.kept());
  CHECK(v.ok);
  CHECK_FALSE(v.destination.exists);
  write_file(fs::path(previous) / kSiteMarkerName, kSiteMarker);
  write_file(fs::path(previous) / "index.html", "<html>");
  v = check(previous, tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == previous);
  CHECK(v.destination.published);
  CHECK(v.destination.has_index);

  // A content folder that happens to bear the name is still the content folder.
  Tree other("previous-content");
  fs::path content = other.root / ("content" + std::string(kPreviousSuffix));
  write_file(content / "a.md", "# A\n");
  std::vector<KeptFolder> kept = {{content.string(), "the content folder", true}};
  CHECK(check(content.string(), kept).error == "--out is the content folder" + kWayOut);
  CHECK(check((content / "site").string() + kPreviousSuffix, kept).error ==
        "--out lies inside the content folder (" + content.string() +
            "), which the build reads: the next build would read the site too" + kWayOut +
            " outside it");
}

TEST_CASE("names differing in case are different folders on Linux", "[output][destination]") {
  // The comparison is byte for byte, which matches a case-sensitive file system only.
  Tree tree("case");
  Verdict v = check((tree.root / "Content").string(), tree.kept());
  CHECK(v.ok);
  CHECK(v.destination.path == (tree.root / "Content").string());
  CHECK_FALSE(v.destination.exists);
}

}  // namespace
}  // namespace legisite::destination_test
