// The output stage: a site is written beside its destination and swapped in whole, so that a
// failed build never leaves half a site where the last good one was.

#include "output/staged_site.h"

#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "parallel/parallel.h"

namespace legisite {
namespace {

namespace fs = std::filesystem;

/// A fresh folder below the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() /
            ("legisite-output-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

void write_file(const fs::path& path, const std::string& contents) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

/// Every file below `root`, relative path -> contents.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files[fs::relative(entry.path(), root).generic_string()] = buffer.str();
  }
  return files;
}

/// Names in `dir` other than `keep`: leftovers of staging or swapping.
std::vector<std::string> other_entries(const fs::path& dir, const std::string& keep) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename() != keep) out.push_back(entry.path().filename().string());
  return out;
}

std::unique_ptr<StagedSite> create(const std::string& destination) {
  std::string error;
  auto site = StagedSite::create(destination, error);
  INFO(error);
  REQUIRE(site);
  CHECK(error.empty());
  return site;
}

void write(StagedSite& site, const std::string& path, const std::string& contents) {
  std::string error;
  INFO(path << ": " << error);
  REQUIRE(site.write(path, contents, error));
}

TEST_CASE("a staged site is written beside its destination and publishing creates the destination",
          "[output]") {
  TempDir tmp;
  const std::string destination = tmp.path() + "/site";
  auto site = create(destination);
  const std::string staging = site->staging_path();
  CHECK(staging.rfind(destination + ".staging-", 0) == 0);
  CHECK(fs::is_directory(staging));
  CHECK_FALSE(fs::exists(destination));

  write(*site, "index.html", "<h1>Codes</h1>");
  write(*site, "code-de-la-securite-sociale/r-star-133-2/index.html", "R*133-2");
  write(*site, "static/style.css", "body{}");
  CHECK(site->bytes_written() == 14 + 7 + 6);
  CHECK_FALSE(fs::exists(destination));  // nothing visible until published

  std::string error;
  REQUIRE(site->publish(error));
  CHECK(error.empty());
  CHECK(
      snapshot(destination) ==
      std::map<std::string, std::string>{
          {"index.html", "<h1>Codes</h1>"},
          {"code-de-la-securite-sociale/r-star-133-2/index.html", "R*133-2"},
          {"static/style.css", "body{}"},
          {".legisite", kSiteMarker},
          {".legisite-manifest",
           "code-de-la-securite-sociale/r-star-133-2/index.html\nindex.html\nstatic/style.css\n"}});
  CHECK_FALSE(fs::exists(staging));
  site.reset();
  CHECK(fs::exists(destination));  // destroying a published site leaves it in place
  CHECK(other_entries(tmp.path(), "site").empty());
}

TEST_CASE("publishing over an existing site replaces it entirely", "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  write_file(destination / "index.html", "old index");
  write_file(destination / "old-code/l1/index.html", "old article");
  write_file(destination / "README.md", "old readme");
  write_file(destination / ".legisite", kSiteMarker);

  auto site = create(destination.string());
  write(*site, "index.html", "new index");
  write(*site, "new-code/l1/index.html", "new article");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{
            {"index.html", "new index"},
            {"new-code/l1/index.html", "new article"},
            {".legisite", kSiteMarker},
            {".legisite-manifest", "index.html\nnew-code/l1/index.html\n"}});
  CHECK_FALSE(fs::exists(destination / "old-code"));
  site.reset();
  CHECK(other_entries(tmp.path(), "site").empty());  // neither staging nor old site left
}

TEST_CASE(
    "destroying an unpublished site leaves the previous one byte-identical and removes the "
    "staging folder",
    "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  write_file(destination / "index.html", "good index");
  write_file(destination / "code/l1/index.html", std::string("good\0article\r\n", 14));
  write_file(destination / ".legisite", kSiteMarker);
  const auto before = snapshot(destination);

  std::string staging;
  {
    auto site = create(destination.string());
    staging = site->staging_path();
    write(*site, "index.html", "half-built index");
    write(*site, "code/l2/index.html", "half-built article");
    CHECK(fs::exists(staging));
  }
  CHECK(snapshot(destination) == before);
  CHECK_FALSE(fs::exists(staging));
  CHECK(other_entries(tmp.path(), "site").empty());
}

TEST_CASE("discarding a staged site removes it and keeps the destination", "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  write_file(destination / "index.html", "good");
  write_file(destination / ".legisite", kSiteMarker);
  auto site = create(destination.string());
  write(*site, "index.html", "new");
  site->discard();
  CHECK_FALSE(fs::exists(site->staging_path()));
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{{"index.html", "good"}, {".legisite", kSiteMarker}});
}

TEST_CASE("publishing into a folder that does not exist yet creates it", "[output]") {
  TempDir tmp;
  const std::string destination = tmp.path() + "/deep/er/site/";  // trailing slash too
  auto site = create(destination);
  write(*site, "index.html", "x");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/deep/er/site") ==
        std::map<std::string, std::string>{{"index.html", "x"},
                                           {".legisite", kSiteMarker},
                                           {".legisite-manifest", "index.html\n"}});
}

TEST_CASE("writing a file twice keeps the second contents", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  write(*site, "a/index.html", "a much longer first version");
  write(*site, "a/index.html", "second");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site") ==
        std::map<std::string, std::string>{{"a/index.html", "second"},
                                           {".legisite", kSiteMarker},
                                           {".legisite-manifest", "a/index.html\n"}});
}

TEST_CASE("paths that could leave the site are refused", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  for (const std::string path :
       {"../escape.html", "a/../../escape.html", "a/..", "..", "/tmp/escape.html", "/", "",
        "a//b.html", "a/", "./a.html", "a/./b.html", "."}) {
    INFO("'" << path << "'");
    std::string error;
    CHECK_FALSE(site->write(path, "x", error));
    CHECK(error == "refusing to write outside the site: '" + path + "'");
  }
  CHECK(site->bytes_written() == 0);
  CHECK(snapshot(site->staging_path()).empty());
  CHECK_FALSE(fs::exists(fs::path(tmp.path()) / "escape.html"));
}

TEST_CASE("names with dots, spaces and accents that stay inside the site are accepted",
          "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  write(*site, "..hidden-but-inside.html", "1");
  write(*site, "a/b...c/index.html", "2");
  write(*site, "code de la sécurité sociale/l'article/index.html", "3");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site").size() == 3 + 2);  // and the marker and manifest
}

TEST_CASE("several threads can write into one staged site", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  std::atomic<int> failures{0};
  for_each_chunk(4, 4, 1, [&](const Chunk& thread) {
    for (int i = 0; i < 50; ++i) {
      std::string error;
      // Threads share folders, so they race to create them.
      std::string path = "code-" + std::to_string(i % 5) + "/l" + std::to_string(thread.index) +
                         "-" + std::to_string(i) + "/index.html";
      if (!site->write(path, "0123456789", error)) ++failures;
    }
  });
  CHECK(failures == 0);
  CHECK(site->bytes_written() == 4 * 50 * 10);
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site").size() == 200 + 2);  // and the marker and manifest
}

TEST_CASE("a staged site cannot be created where its parent is a file", "[output]") {
  TempDir tmp;
  write_file(fs::path(tmp.path()) / "file", "x");
  std::string error;
  auto site = StagedSite::create(tmp.path() + "/file/site", error);
  CHECK_FALSE(site);
  CHECK(error.rfind("cannot create staging folder " + tmp.path() + "/file/site.staging-", 0) == 0);
}

}  // namespace
}  // namespace legisite

namespace legisite {
namespace {

namespace fs = std::filesystem;

/// The pid of a process that has ended: a build that died.
pid_t dead_pid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

TEST_CASE("the committed site folder carries the marker every published site gets", "[output]") {
  std::ifstream in(std::string(LEGISITE_SOURCE_DIR) + "/site/.legisite", std::ios::binary);
  std::ostringstream marker;
  marker << in.rdbuf();
  CHECK(marker.str() == kSiteMarker);
}

TEST_CASE("a folder legisite did not publish is refused and left as it was", "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  write_file(destination / "index.html", "somebody's page");
  std::string error;
  CHECK_FALSE(StagedSite::create(destination.string(), error));
  CHECK(error ==
        "--out holds files and no .legisite marker: it is not a site legisite published, "
        "so it is left alone; name a new or empty folder for the site, or remove this one "
        "first");
  CHECK(other_entries(tmp.path(), "site").empty());
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{{"index.html", "somebody's page"}});
}

TEST_CASE("a destination filled by someone else during the build is not replaced", "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  auto site = create(destination.string());
  write(*site, "index.html", "new");
  write_file(destination / "thesis.tex", "months of work");
  std::string error;
  CHECK_FALSE(site->publish(error));
  CHECK(error.find("holds files and no .legisite marker") != std::string::npos);
  site.reset();
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{{"thesis.tex", "months of work"}});
  CHECK(other_entries(tmp.path(), "site").empty());
}

TEST_CASE("the staging folder is locked while the build lives", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  int fd = ::open(site->staging_path().c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  CHECK(::flock(fd, LOCK_EX | LOCK_NB) != 0);
  site.reset();
  CHECK(::flock(fd, LOCK_EX | LOCK_NB) == 0);  // the folder is gone, its lock released
  ::close(fd);
}

TEST_CASE("staging folders of dead builds are removed, those of live builds and other names kept",
          "[output]") {
  TempDir tmp;
  const fs::path dir(tmp.path());
  const std::string dead = std::to_string(dead_pid());
  write_file(dir / ("site.staging-" + dead) / "code/l1/index.html", "half a site");
  write_file(dir / ("site.old-" + dead) / "index.html", "an old site moved aside");
  // A dead-looking pid (from another pid namespace, say) whose lock a build holds.
  const fs::path locked = dir / ("site.staging-" + std::to_string(dead_pid()));
  write_file(locked / "index.html", "locked");
  int lock = ::open(locked.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(::flock(lock, LOCK_EX) == 0);
  // A running pid (the test's parent) whose build has not locked its folder yet.
  const fs::path running = dir / ("site.staging-" + std::to_string(::getppid()));
  write_file(running / "index.html", "being made");
  write_file(dir / "site.staging-12ab/keep", "not a pid");
  write_file(dir / ("other.staging-" + dead) / "keep", "another site's");
  write_file(dir / "elsewhere/keep", "a folder a symlink leads to");
  const fs::path link = dir / ("site.staging-" + std::to_string(dead_pid()));
  fs::create_directory_symlink(dir / "elsewhere", link);

  auto site = create(tmp.path() + "/site");
  CHECK(site->remove_leftovers() == 2);
  CHECK_FALSE(fs::exists(dir / ("site.staging-" + dead)));
  CHECK_FALSE(fs::exists(dir / ("site.old-" + dead)));
  CHECK(fs::exists(site->staging_path()));  // its own
  CHECK(fs::exists(locked / "index.html"));
  CHECK(fs::exists(running / "index.html"));
  CHECK(fs::exists(dir / "site.staging-12ab/keep"));
  CHECK(fs::exists(dir / ("other.staging-" + dead) / "keep"));
  CHECK(fs::is_symlink(link));
  CHECK(fs::exists(dir / "elsewhere/keep"));
  ::close(lock);
  CHECK(site->remove_leftovers() == 1);  // the lock released, that folder goes too
  CHECK_FALSE(fs::exists(locked));
}

}  // namespace
}  // namespace legisite
