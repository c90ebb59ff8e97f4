// The output stage: a site is written beside its destination and swapped in whole, so that a
// failed build never leaves half a site where the last good one was.

#include "output/staged_site.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

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
  CHECK(snapshot(destination) ==
        std::map<std::string, std::string>{
            {"index.html", "<h1>Codes</h1>"},
            {"code-de-la-securite-sociale/r-star-133-2/index.html", "R*133-2"},
            {"static/style.css", "body{}"}});
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

  auto site = create(destination.string());
  write(*site, "index.html", "new index");
  write(*site, "new-code/l1/index.html", "new article");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(destination) == std::map<std::string, std::string>{
                                     {"index.html", "new index"},
                                     {"new-code/l1/index.html", "new article"}});
  CHECK_FALSE(fs::exists(destination / "old-code"));
  site.reset();
  CHECK(other_entries(tmp.path(), "site").empty());  // neither staging nor old site left
}

TEST_CASE("destroying an unpublished site leaves the previous one byte-identical and removes the "
          "staging folder",
          "[output]") {
  TempDir tmp;
  const fs::path destination = fs::path(tmp.path()) / "site";
  write_file(destination / "index.html", "good index");
  write_file(destination / "code/l1/index.html", std::string("good\0article\r\n", 14));
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
  auto site = create(destination.string());
  write(*site, "index.html", "new");
  site->discard();
  CHECK_FALSE(fs::exists(site->staging_path()));
  CHECK(snapshot(destination) == std::map<std::string, std::string>{{"index.html", "good"}});
}

TEST_CASE("publishing into a folder that does not exist yet creates it", "[output]") {
  TempDir tmp;
  const std::string destination = tmp.path() + "/deep/er/site/";  // trailing slash too
  auto site = create(destination);
  write(*site, "index.html", "x");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/deep/er/site") == std::map<std::string, std::string>{{"index.html", "x"}});
}

TEST_CASE("writing a file twice keeps the second contents", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  write(*site, "a/index.html", "a much longer first version");
  write(*site, "a/index.html", "second");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site") == std::map<std::string, std::string>{{"a/index.html", "second"}});
}

TEST_CASE("paths that could leave the site are refused", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  for (const std::string path :
       {"../escape.html", "a/../../escape.html", "a/..", "..", "/tmp/escape.html", "/", "", "a//b.html",
        "a/", "./a.html", "a/./b.html", "."}) {
    INFO("'" << path << "'");
    std::string error;
    CHECK_FALSE(site->write(path, "x", error));
    CHECK(error == "refusing to write outside the site: '" + path + "'");
  }
  CHECK(site->bytes_written() == 0);
  CHECK(snapshot(site->staging_path()).empty());
  CHECK_FALSE(fs::exists(fs::path(tmp.path()) / "escape.html"));
}

TEST_CASE("names with dots, spaces and accents that stay inside the site are accepted", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  write(*site, "..hidden-but-inside.html", "1");
  write(*site, "a/b...c/index.html", "2");
  write(*site, "code de la sécurité sociale/l'article/index.html", "3");
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site").size() == 3);
}

TEST_CASE("several threads can write into one staged site", "[output]") {
  TempDir tmp;
  auto site = create(tmp.path() + "/site");
  std::vector<std::thread> workers;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        std::string error;
        // Threads share folders, so they race to create them.
        std::string path = "code-" + std::to_string(i % 5) + "/l" + std::to_string(t) + "-" +
                           std::to_string(i) + "/index.html";
        if (!site->write(path, "0123456789", error)) ++failures;
      }
    });
  }
  for (auto& w : workers) w.join();
  CHECK(failures == 0);
  CHECK(site->bytes_written() == 4 * 50 * 10);
  std::string error;
  REQUIRE(site->publish(error));
  CHECK(snapshot(tmp.path() + "/site").size() == 200);
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
