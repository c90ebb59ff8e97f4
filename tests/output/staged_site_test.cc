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

#include "digest/digest.h"
#include "output/manifest.h"
#include "parallel/parallel.h"
#include "support/environment.h"

namespace legisite::staged_site_test {
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

using legisite::testing::write_file;

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

/// The manifest of a site holding `files` (path -> contents, the marker left out).
std::string manifest(const std::map<std::string, std::string>& files) {
  std::vector<std::pair<std::string, ManifestEntry>> entries;
  for (const auto& [path, contents] : files)
    entries.push_back({path, ManifestEntry{digest_of(contents), contents.size()}});
  return Manifest::format(entries);
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
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{
            {"index.html", "<h1>Codes</h1>"},
            {"code-de-la-securite-sociale/r-star-133-2/index.html", "R*133-2"},
            {"static/style.css", "body{}"},
            {".legisite", kSiteMarker},
            {".legisite-manifest",
             manifest({{"index.html", "<h1>Codes</h1>"},
                       {"code-de-la-securite-sociale/r-star-133-2/index.html", "R*133-2"},
                       {"static/style.css", "body{}"}})}});
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
  const auto old_site = snapshot(destination);

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
            {".legisite-manifest",
             manifest({{"index.html", "new index"}, {"new-code/l1/index.html", "new article"}})}});
  CHECK_FALSE(fs::exists(destination / "old-code"));
  site.reset();
  // Neither staging folder nor old site left: the replaced site is the next build's previous tree.
  CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
  CHECK(snapshot(tmp.path() + "/site.legisite-previous") == old_site);
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
  CHECK(
      snapshot(tmp.path() + "/deep/er/site") ==
      std::map<std::string, std::string>{{"index.html", "x"},
                                         {".legisite", kSiteMarker},
                                         {".legisite-manifest", manifest({{"index.html", "x"}})}});
}

TEST_CASE("writing a file twice keeps the second contents", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  write(*site, "a/index.html", "a much longer first version");
  write(*site, "a/index.html", "second");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site") ==
        std::map<std::string, std::string>{
            {"a/index.html", "second"},
            {".legisite", kSiteMarker},
            {".legisite-manifest", manifest({{"a/index.html", "second"}})}});
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
}  // namespace legisite::staged_site_test

namespace legisite::staged_site_test {
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
}  // namespace legisite::staged_site_test

// The previous tree: the site a build replaced, kept beside the destination, is what the next
// build updates in place into the new site.
namespace legisite::staged_site_test {
namespace {

namespace fs = std::filesystem;

using Files = std::map<std::string, std::string>;

/// Publishes `files` over `destination` the way a build does; returns what publishing changed.
StagedSite::Changes publish(const std::string& destination, const Files& files, bool reuse = true) {
  std::string error;
  auto site = StagedSite::create(destination, error, {}, reuse);
  INFO(error);
  REQUIRE(site);
  for (const auto& [path, contents] : files) write(*site, path, contents);
  REQUIRE(site->publish(error));
  return site->changes();
}

/// `files` with the marker and the manifest a published site adds.
Files published(const Files& files) {
  Files all = files;
  all[".legisite"] = kSiteMarker;
  all[".legisite-manifest"] = manifest(files);
  return all;
}

struct stat stat_of(const fs::path& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st;
}

/// Sets the mtime of everything below `root` but its manifest an hour back: the time that passes
/// between two builds, within which a test runs.
void age(const fs::path& root) {
  struct timespec times[2];
  ::clock_gettime(CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= 3600;
  times[1] = times[0];
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.path().filename() != ".legisite-manifest")
      REQUIRE(::utimensat(AT_FDCWD, entry.path().c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
  REQUIRE(::utimensat(AT_FDCWD, root.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

const Files v1 = {{"a.html", "one"}, {"d/b.html", "two"}, {"d/c.html", "three"}, {"e/f.html", "4"}};
const Files v2 = {{"a.html", "ONE"}, {"d/b.html", "two"}, {"g/h.html", "five"}};

TEST_CASE("a build updates the previous tree in place into the new site", "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
  publish(site.string(), v1);
  const auto v1_a = stat_of(site / "a.html"), v1_d = stat_of(site / "d");
  publish(site.string(), v2);
  CHECK(snapshot(previous) == published(v1));  // the replaced site
  const auto v2_b = stat_of(site / "d/b.html");
  age(site);
  age(previous);

  const Files v3 = {{"a.html", "one"}, {"d/b.html", "two"}, {"d/c.html", "THREE"}, {"i", "6"}};
  std::string error;
  auto build = StagedSite::create(site.string(), error);
  REQUIRE(build);
  CHECK(build->claimed_previous());
  CHECK(build->staging_path() == previous.string());
  for (const auto& [path, contents] : v3) write(*build, path, contents);
  REQUIRE(build->publish(error));
  const auto changes = build->changes();
  build.reset();

  CHECK(snapshot(site) == published(v3));
  CHECK(snapshot(previous) == published(v2));
  CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
  // "one" was in the previous tree: that file stays, and so does its folder.
  CHECK(stat_of(site / "a.html").st_ino == v1_a.st_ino);
  CHECK(stat_of(site / "d").st_ino == v1_d.st_ino);
  // Unchanged against the published site: its file, linked.
  CHECK(stat_of(site / "d/b.html").st_ino == v2_b.st_ino);
  CHECK(stat_of(site / "d/b.html").st_mtim.tv_sec == v2_b.st_mtim.tv_sec - 3600);
  CHECK(changes.written == 3);    // a.html, d/c.html, i
  CHECK(changes.unchanged == 2);  // d/b.html and the marker
  CHECK(changes.deleted == 1);    // g/h.html
}

TEST_CASE("a file edited by hand in the published site is written again", "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  publish(site.string(), v1);
  publish(site.string(), v1);  // the previous tree links the same files
  age(site);
  const auto b = stat_of(site / "d/b.html");
  write_file(site / "a.html", "0ne");  // same size, in place: the previous tree's file too
  auto changes = publish(site.string(), v1);
  CHECK(snapshot(site) == published(v1));
  CHECK(changes.written == 1);
  CHECK(changes.unchanged == v1.size());  // and the marker
  CHECK(stat_of(site / "d/b.html").st_ino == b.st_ino);
}

TEST_CASE("a previous tree whose manifest is missing or cut short trusts no file", "[output]") {
  for (bool cut : {false, true}) {
    INFO((cut ? "cut short" : "missing"));
    TempDir tmp;
    const fs::path site = fs::path(tmp.path()) / "site";
    const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
    publish(site.string(), v1);
    publish(site.string(), v2);
    age(site);
    age(previous);
    const fs::path list = previous / ".legisite-manifest";
    if (cut) {
      std::string text = snapshot(previous).at(".legisite-manifest");
      text.erase(text.rfind("# end"));
      write_file(list, text);
    } else {
      fs::remove(list);
    }
    // What an interrupted build leaves: a file that is not what the manifest says, though its
    // size and age are, and files the new site does not have.
    write_file(previous / "a.html", "0ne");
    write_file(previous / "stray/index.html", "stray");
    write_file(previous / "d/stray.html", "stray");
    age(previous);
    CHECK(publish(site.string(), v1).written == 3);  // a.html, d/c.html, e/f.html
    CHECK(snapshot(site) == published(v1));
    CHECK(snapshot(previous) == published(v2));
  }
}

TEST_CASE("a previous tree's manifest never leads a deletion out of the tree", "[output]") {
  // A manifest is read from disk, where anybody may have edited it: a path leaving the tree
  // ("../victim", "/tmp/x", "d/../../victim") makes the whole manifest untrusted.
  for (const char* bad : {"../victim/index.html", "/victim/index.html", "d/../../victim/index.html",
                          "./a.html", "d//b.html"}) {
    INFO(bad);
    TempDir tmp;
    const fs::path site = fs::path(tmp.path()) / "site";
    const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
    const fs::path victim = fs::path(tmp.path()) / "victim";
    publish(site.string(), v1);
    publish(site.string(), v2);
    write_file(victim / "index.html", "not the site's");
    // A whole manifest in the second format, listing the bad path among the tree's files.
    Files listed = v1;
    listed[bad] = "x";
    std::vector<std::pair<std::string, ManifestEntry>> entries;
    for (const auto& [path, contents] : listed)
      entries.push_back({path, {digest_of(contents), contents.size()}});
    write_file(previous / ".legisite-manifest", Manifest::format(entries));
    age(site);
    age(previous);
    CHECK_FALSE(Manifest::read(previous.string()).whole());
    CHECK(Manifest::read(previous.string()).paths().empty());
    publish(site.string(), v1);
    CHECK(snapshot(site) == published(v1));
    CHECK(fs::exists(victim / "index.html"));
  }
}

TEST_CASE(
    "a build stopped while updating the previous tree leaves the published site, and the next "
    "build is correct",
    "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
  publish(site.string(), v1);
  publish(site.string(), v2);
  {
    std::string error;
    auto build = StagedSite::create(site.string(), error);
    REQUIRE(build);
    REQUIRE(build->claimed_previous());
    write(*build, "a.html", "half");
    write(*build, "new/page.html", "half-built");
  }
  CHECK(snapshot(site) == published(v2));
  CHECK_FALSE(fs::exists(previous / ".legisite-manifest"));  // not to be trusted
  CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
  publish(site.string(), v1);
  CHECK(snapshot(site) == published(v1));
  CHECK(snapshot(previous) == published(v2));
}

TEST_CASE("a previous tree another build holds, or that legisite did not make, is left alone",
          "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
  SECTION("held by another build") {
    publish(site.string(), v1);
    publish(site.string(), v2);
    std::string error;
    auto first = StagedSite::create(site.string(), error);
    auto second = StagedSite::create(site.string(), error);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->claimed_previous());
    CHECK_FALSE(second->claimed_previous());
    for (const auto& [path, contents] : v1) write(*second, path, contents);
    REQUIRE(second->publish(error));
    second.reset();  // its replaced site is deleted: the previous tree is taken
    for (const auto& [path, contents] : v2) write(*first, path, contents);
    REQUIRE(first->publish(error));
    first.reset();
    CHECK(snapshot(site) == published(v2));
    CHECK(snapshot(previous) == published(v1));
    CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
  }
  SECTION("someone's folder of that name") {
    write_file(previous / "thesis.tex", "months of work");
    publish(site.string(), v1);
    publish(site.string(), v2);
    publish(site.string(), v1);
    CHECK(snapshot(site) == published(v1));
    CHECK(snapshot(previous) == Files{{"thesis.tex", "months of work"}});
    CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
  }
  SECTION("a kept folder of that name, with the marker") {
    publish(site.string(), v1);
    publish(site.string(), v2);
    const auto before = snapshot(previous);
    std::string error;
    auto build = StagedSite::create(site.string(), error, {{previous.string(), "the content"}});
    REQUIRE(build);
    CHECK_FALSE(build->claimed_previous());
    for (const auto& [path, contents] : v1) write(*build, path, contents);
    REQUIRE(build->publish(error));
    build.reset();
    CHECK(snapshot(previous) == before);
  }
}

TEST_CASE(
    "without reuse (--clean) every file is written anew, and the previous tree is the "
    "replaced site",
    "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  const fs::path previous = fs::path(tmp.path()) / "site.legisite-previous";
  publish(site.string(), v1);
  publish(site.string(), v2);
  const auto b = stat_of(site / "d/b.html");
  auto changes = publish(site.string(), v2, false);
  CHECK(changes.written == v2.size() + 1);
  CHECK(changes.unchanged == 0);
  CHECK(stat_of(site / "d/b.html").st_ino != b.st_ino);
  CHECK(snapshot(site) == published(v2));
  CHECK(snapshot(previous) == published(v2));
  CHECK(stat_of(previous / "d/b.html").st_ino == b.st_ino);
  CHECK(other_entries(tmp.path(), "site") == std::vector<std::string>{"site.legisite-previous"});
}

}  // namespace
}  // namespace legisite::staged_site_test

namespace legisite::staged_site_test {
namespace {

TEST_CASE("an empty folder replaced by a site is deleted, not kept as the previous tree",
          "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  fs::create_directories(site);
  publish(site.string(), v1);
  CHECK(snapshot(site) == published(v1));
  CHECK(other_entries(tmp.path(), "site").empty());
  publish(site.string(), v2);
  CHECK(snapshot(fs::path(tmp.path()) / "site.legisite-previous") == published(v1));
}

TEST_CASE("a file written dated gets that date when new and keeps the published one's when equal",
          "[output]") {
  TempDir tmp;
  const fs::path site = fs::path(tmp.path()) / "site";
  const std::int64_t day_ago = (std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::system_clock::now().time_since_epoch()) -
                                std::chrono::hours(24))
                                   .count();
  std::string error;
  auto build = create(site.string());
  write(*build, "index.html", "page");
  REQUIRE(build->write_dated(".record", "one", day_ago, error));
  REQUIRE(build->publish(error));
  build.reset();
  const struct stat first = stat_of(site / ".record");
  CHECK(std::int64_t(first.st_mtim.tv_sec) * 1'000'000'000 + first.st_mtim.tv_nsec == day_ago);

  // The same bytes again: the published file, linked, with its date; other bytes: a new file.
  build = create(site.string());
  write(*build, "index.html", "page");
  REQUIRE(build->write_dated(".record", "one", day_ago + 3'600'000'000'000, error));
  REQUIRE(build->publish(error));
  build.reset();
  CHECK(stat_of(site / ".record").st_ino == first.st_ino);
  CHECK(stat_of(site / ".record").st_mtim.tv_sec == first.st_mtim.tv_sec);
  build = create(site.string());
  write(*build, "index.html", "page");
  REQUIRE(build->write_dated(".record", "two", day_ago + 3'600'000'000'000, error));
  REQUIRE(build->publish(error));
  build.reset();
  CHECK(snapshot(site).at(".record") == "two");
  CHECK(stat_of(site / ".record").st_mtim.tv_sec == first.st_mtim.tv_sec + 3600);
}

}  // namespace
}  // namespace legisite::staged_site_test
