#include "serve/folder_watcher.h"

#include <poll.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/environment.h"

namespace folder_watcher_test {

namespace fs = std::filesystem;
using legisite::FolderWatcher;
using legisite::testing::TempDir;

namespace {

using legisite::testing::write_file;

// The changes pending after the events of what a test just did have arrived (inotify queues
// them synchronously, so a short wait only guards against a slow machine).
std::vector<std::string> changes(FolderWatcher& watcher) {
  pollfd fd{watcher.fd(), POLLIN, 0};
  ::poll(&fd, 1, 200);
  return watcher.read_changes();
}

}  // namespace

TEST_CASE(
    "the watcher sees files written, moved and deleted, in new folders too, and not hidden "
    "files nor the published site",
    "[serve]") {
  TempDir tmp("legisite-watcher");
  fs::path content = fs::canonical(tmp.path) / "content";
  write_file(content / "code/L1.md", "a");
  fs::create_directories(content / ".git");
  std::string error;
  auto watcher = FolderWatcher::create({content.string()}, {(content / "site").string()}, error);
  REQUIRE(watcher);
  CHECK(error.empty());

  write_file(content / "code/L1.md", "b");
  CHECK(changes(*watcher) == std::vector<std::string>{(content / "code/L1.md").string()});

  // A new folder is watched from its creation on.
  fs::create_directories(content / "code/Livre 2");
  CHECK(changes(*watcher) == std::vector<std::string>{(content / "code/Livre 2").string()});
  write_file(content / "code/Livre 2/L2.md", "c");
  CHECK(changes(*watcher) == std::vector<std::string>{(content / "code/Livre 2/L2.md").string()});

  fs::rename(content / "code/Livre 2/L2.md", content / "code/L2.md");
  CHECK(changes(*watcher) == std::vector<std::string>{(content / "code/Livre 2/L2.md").string(),
                                                      (content / "code/L2.md").string()});
  fs::remove(content / "code/L2.md");
  CHECK(changes(*watcher) == std::vector<std::string>{(content / "code/L2.md").string()});

  // Editors' swap files, .git, and the site a build publishes inside the content folder (with its
  // staging folder beside it) are no changes: a rebuild would trigger itself.
  write_file(content / "code/.L1.md.swp", "x");
  write_file(content / ".git/index", "x");
  write_file(content / "site.staging-12/index.html", "x");
  write_file(content / "site/index.html", "x");
  CHECK(changes(*watcher).empty());
}

TEST_CASE("a file given as content is watched for its own name only, also when replaced",
          "[serve]") {
  TempDir tmp("legisite-watcher-file");
  fs::path folder = fs::canonical(tmp.path);
  write_file(folder / "dump.json", "{}");
  std::string error;
  auto watcher = FolderWatcher::create({(folder / "dump.json").string()}, {}, error);
  REQUIRE(watcher);
  write_file(folder / "other.json", "{}");
  CHECK(changes(*watcher).empty());
  // An editor's save: a new file renamed over the old one.
  write_file(folder / "dump.json.new", "{\"a\":1}");
  fs::rename(folder / "dump.json.new", folder / "dump.json");
  CHECK(changes(*watcher) == std::vector<std::string>{(folder / "dump.json").string()});
}

TEST_CASE("two files of one folder given as roots are watched for their names only", "[serve]") {
  // serve watches a repository's HEAD and packed-refs so, both in its .git folder.
  TempDir tmp("legisite-watcher-files");
  fs::path git = fs::canonical(tmp.path) / ".git";
  write_file(git / "HEAD", "ref: refs/heads/main\n");
  write_file(git / "packed-refs", "");
  std::string error;
  auto watcher =
      FolderWatcher::create({(git / "HEAD").string(), (git / "packed-refs").string()}, {}, error);
  REQUIRE(watcher);
  write_file(git / "index", "x");
  CHECK(changes(*watcher).empty());
  // git writes HEAD.lock, then renames it over HEAD.
  write_file(git / "HEAD.lock", "ref: refs/heads/other\n");
  fs::rename(git / "HEAD.lock", git / "HEAD");
  CHECK(changes(*watcher) == std::vector<std::string>{(git / "HEAD").string()});
  write_file(git / "packed-refs", "x");
  CHECK(changes(*watcher) == std::vector<std::string>{(git / "packed-refs").string()});
}

TEST_CASE("watching a missing folder is an error that names it", "[serve]") {
  std::string error;
  CHECK_FALSE(FolderWatcher::create({"/nonexistent/legisite-content"}, {}, error));
  CHECK(error == "cannot watch /nonexistent/legisite-content: not a file or folder");
}

}  // namespace folder_watcher_test
