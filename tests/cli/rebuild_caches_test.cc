// `legisite serve` keeps what its rebuilds read and compared (cli/build.h RebuildCaches): after
// each kind of edit, a build with the caches of the builds before it gives the same files, byte for
// byte, and the same diagnostics, in the same order, as a build without them; and it reads only the
// files that changed (plus the _index.md files and the commit log, read at every build).

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "cli/build.h"
#include "io/file_system.h"
#include "io/output_sink.h"
#include "support/environment.h"

namespace rebuild_caches_test {

using namespace legisite;
namespace fs = std::filesystem;

namespace {

/// The disk below a folder, counting the reads of each file.
class CountingFiles final : public FileSystem {
 public:
  explicit CountingFiles(const std::string& root) : disk_(root) {}
  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    count(path);
    return disk_.read_file(path, contents, error);
  }
  bool read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const override {
    count(path);
    return disk_.read_bytes(path, bytes, error);
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    return disk_.list_files(dir);
  }
  std::vector<std::string> list_checked(const std::string& dir,
                                        std::vector<SkippedEntry>& skipped) const override {
    return disk_.list_checked(dir, skipped);
  }
  bool is_directory(const std::string& path) const override { return disk_.is_directory(path); }
  bool is_file(const std::string& path) const override { return disk_.is_file(path); }
  bool stamp(const std::string& path, FileStamp& out) const override {
    return disk_.stamp(path, out);
  }

  /// The paths read since the last call, and how often.
  std::map<std::string, int> take_reads() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(reads_, {});
  }

 private:
  void count(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    ++reads_[path];
  }
  DiskFileSystem disk_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, int> reads_;
};

/// What a build gave: every file written, every diagnostic formatted in report order, and the
/// source files it said it read and found unchanged.
struct Built {
  std::map<std::string, std::string> files;
  std::string diagnostics;
  std::size_t read = 0;
  std::size_t unchanged = 0;
};

/// Without `caches`, the build records its readings as `legisite build` does, from nothing.
Built build(const FileSystem& content, RebuildCaches* caches) {
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.jobs = 2;
  MemoryOutput out;
  Diagnostics diagnostics;
  PublishedRecords records;
  if (!caches) records.sources = std::make_shared<SourceCache>();
  const BuildReport report = build_into(content, theme, options, out, diagnostics, records, caches);
  return {out.files(), format_all(diagnostics), report.source_files, report.source_files_unchanged};
}

/// Writes a file dated an hour ago, one second later at each write: older than the second within
/// which a read file is not cached, and a new stamp at every write.
void write(const fs::path& path, const std::string& text) {
  static auto date = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  date += std::chrono::seconds(1);
  fs::last_write_time(path, date);
}

/// A Markdown code (an _index.md, three articles, one with two front-matter warnings, one not
/// UTF-8) and a dated history of two articles of two versions each.
void write_content(const fs::path& root) {
  write(root / "Code A/_index.md", "---\ntitle: Code de l'exemple\n---\n");
  write(root / "Code A/Livre 1/L1.md", "# Article L1\n\nPremier texte.\n");
  write(root / "Code A/Livre 1/L2.md",
        "---\nfoo: bar\nnum: L9\n---\n# Article L2\n\nVoir l'article L. 1.\n");
  write(root / "Code A/Livre 1/L3.md", "# Article L3\n\nTexte en Latin-1 : caf\xE9.\n");
  std::string log;
  for (const std::string n : {"1", "2"}) {
    const std::string folder = "Code De Test/Livre 1/Article R" + n;
    const std::string sha1 = "a00000000" + n + "ff", sha2 = "b00000000" + n + "ff";
    log += R"({"sha": ")" + sha1 + R"(", "author_date": "2005-08-12", "commit_date": )" +
           R"("2005-08-12", "author": "RF", "message": "Création", "changes": )" +
           R"([{"status": "A", "path": ")" + folder + ".md\"}]}\n";
    log += R"({"sha": ")" + sha2 + R"(", "author_date": "2013-07-10", "commit_date": )" +
           R"("2013-07-10", "author": "RF", "message": "Décret", "changes": )" +
           R"([{"status": "M", "path": ")" + folder + ".md\"}]}\n";
    write(root / "history" / folder / ("001_2005-08-12_" + sha1.substr(0, 10) + ".md"),
          "Article R" + n + "\n----\nPremier texte de l'article R" + n + ".\n");
    write(root / "history" / folder / ("002_2013-07-08_" + sha2.substr(0, 10) + ".md"),
          "Article R" + n + "\n----\nSecond texte de l'article R" + n + ".\n");
  }
  write(root / "commits.jsonl", log);
}

/// The build with `caches` equals a build without; returns what it read.
std::map<std::string, int> check_same_as_clean(CountingFiles& content, const fs::path& root,
                                               RebuildCaches& caches) {
  content.take_reads();
  const Built cached = build(content, &caches);
  std::map<std::string, int> reads = content.take_reads();
  const Built clean = build(DiskFileSystem(root.string()), nullptr);
  CHECK(cached.diagnostics == clean.diagnostics);
  // The summary counts what was read, not the readings taken from the caches.
  CHECK(cached.read == reads.size());
  CHECK(cached.read + cached.unchanged == clean.read);
  CHECK(clean.unchanged == 0);
  REQUIRE(cached.files.size() == clean.files.size());
  for (const auto& [path, bytes] : clean.files) {
    INFO(path);
    auto it = cached.files.find(path);
    REQUIRE(it != cached.files.end());
    CHECK(it->second == bytes);
  }
  return reads;
}

// The files every build reads: the layout's and the history's, which other files depend on.
const std::map<std::string, int> kAlwaysRead = {{"Code A/_index.md", 1}, {"commits.jsonl", 1}};

}  // namespace

TEST_CASE("rebuilds with serve's caches equal clean builds and read only what changed",
          "[cli][serve]") {
  testing::TempDir tmp("legisite-rebuild-caches");
  const fs::path root = tmp.path / "content";
  write_content(root);
  CountingFiles content(root.string());
  RebuildCaches caches;

  // The first build reads everything; a file that is not UTF-8 is never cached, its error
  // reported at every build.
  std::map<std::string, int> reads = check_same_as_clean(content, root, caches);
  CHECK(reads.size() == 9);
  CHECK(caches.sources.size() == 6);
  const std::size_t diffs = caches.diffs.size();
  CHECK(diffs == 2);
  std::map<std::string, int> expected = kAlwaysRead;
  expected["Code A/Livre 1/L3.md"] = 1;
  CHECK(check_same_as_clean(content, root, caches) == expected);
  CHECK(caches.diffs.hits() == diffs);

  SECTION("a text changed") {
    write(root / "Code A/Livre 1/L1.md", "# Article L1\n\nPremier texte, changé.\n");
    const std::string version =
        "history/Code De Test/Livre 1/Article R2/002_2013-07-08_b000000002.md";
    write(root / version, "Article R2\n----\nSecond texte changé de l'article R2.\n");
    std::map<std::string, int> changed = expected;
    changed["Code A/Livre 1/L1.md"] = 1;
    changed[version] = 1;
    CHECK(check_same_as_clean(content, root, caches) == changed);
    CHECK(caches.diffs.hits() == diffs - 1);
    CHECK(check_same_as_clean(content, root, caches) == expected);
  }
  SECTION("a text rewritten with its size and mtime kept, as cp -p does") {
    const fs::path l1 = root / "Code A/Livre 1/L1.md";
    const auto dated = fs::last_write_time(l1);
    const auto size = fs::file_size(l1);
    std::ofstream(l1, std::ios::binary) << "# Article L1\n\nDernier texte.\n";
    REQUIRE(fs::file_size(l1) == size);
    fs::last_write_time(l1, dated);
    std::map<std::string, int> changed = expected;
    changed["Code A/Livre 1/L1.md"] = 1;
    CHECK(check_same_as_clean(content, root, caches) == changed);
  }
  SECTION("a file added, a file deleted") {
    write(root / "Code A/Livre 1/L4.md", "# Article L4\n\nVoir l'article L. 2.\n");
    fs::remove(root / "Code A/Livre 1/L2.md");
    std::map<std::string, int> changed = expected;
    changed["Code A/Livre 1/L4.md"] = 1;
    CHECK(check_same_as_clean(content, root, caches) == changed);
    CHECK(caches.sources.size() == 6);  // L2 forgotten, L4 kept
    // The deleted file back as it was: read again, as a new file.
    write(root / "Code A/Livre 1/L2.md", "---\nfoo: bar\nnum: L9\n---\n# Article L2\n\nVoir.\n");
    changed = expected;
    changed["Code A/Livre 1/L2.md"] = 1;
    CHECK(check_same_as_clean(content, root, caches) == changed);
  }
  SECTION("an _index.md or the commit log changed") {
    // What depends on other files is worked out at every build: the cached readings stay.
    write(root / "Code A/_index.md", "---\ntitle: Code renommé\n---\n");
    write(root / "Code A/Livre 1/_index.md", "---\ntitle: Livre premier\n---\n");
    std::map<std::string, int> changed = expected;
    changed["Code A/Livre 1/_index.md"] = 1;
    CHECK(check_same_as_clean(content, root, caches) == changed);
    std::string log = legisite::testing::read_file(root / "commits.jsonl");
    const std::string message = "Décret";
    log.replace(log.find(message), message.size(), "Décret du 8 juillet 2013");
    write(root / "commits.jsonl", log);
    CHECK(check_same_as_clean(content, root, caches) == changed);
  }
}

}  // namespace rebuild_caches_test
