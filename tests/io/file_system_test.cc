// The io layer: the in-memory tree the other tests rely on, and the disk tree the build reads.

#include "io/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace legisite::file_system_test {
namespace {

namespace fs = std::filesystem;

using Paths = std::vector<std::string>;

/// A fresh folder below the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() /
            ("legisite-io-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }
  void write(const std::string& relative, const std::string& contents) const {
    fs::path full = path_ / fs::path(relative);
    fs::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out << contents;
  }
  void mkdir(const std::string& relative) const {
    fs::create_directories(path_ / fs::path(relative));
  }

 private:
  fs::path path_;
};

MemoryFileSystem sample_memory_tree() {
  MemoryFileSystem files;
  files.add_file("code/Livre 1/L1.md", "un");
  files.add_file("code/Livre 10/L10.md", "dix");
  files.add_file("code/Livre 1 bis/L1 bis.md", "un bis");
  files.add_file("code/_index.md", "title: Code");
  files.add_file("codex/other.md", "other");
  files.add_file("README.md", "readme");
  return files;
}

// ---------------------------------------------------------------------------------------------
// Path helpers

TEST_CASE("join_path puts one slash between two parts and ignores an empty part", "[io]") {
  CHECK(join_path("a/b", "c.md") == "a/b/c.md");
  CHECK(join_path("", "c.md") == "c.md");
  CHECK(join_path("a", "") == "a");
  CHECK(join_path("", "") == "");
}

TEST_CASE("base_name and dir_name split a path at its last slash", "[io]") {
  CHECK(base_name("a/b/L133-6.md") == "L133-6.md");
  CHECK(base_name("L133-6.md") == "L133-6.md");
  CHECK(dir_name("a/b/L133-6.md") == "a/b");
  CHECK(dir_name("L133-6.md") == "");
  CHECK(base_name("Chapitre 3 bis/Article R*133-2/001_2005-08-12_x.md") == "001_2005-08-12_x.md");
  CHECK(dir_name("Chapitre 3 bis/Article R*133-2/001_2005-08-12_x.md") ==
        "Chapitre 3 bis/Article R*133-2");
}

TEST_CASE("split_path cuts at each slash and keeps empty parts", "[io]") {
  using Parts = std::vector<std::string_view>;
  CHECK(split_path("history/Code/Article L1/001.md") ==
        Parts{"history", "Code", "Article L1", "001.md"});
  CHECK(split_path("a//b/") == Parts{"a", "", "b", ""});
  CHECK(split_path("") == Parts{""});
}

// ---------------------------------------------------------------------------------------------
// MemoryFileSystem

TEST_CASE("an in-memory tree lists every file from the root in bytewise order", "[io]") {
  MemoryFileSystem files = sample_memory_tree();
  CHECK(files.list_files("") == Paths{"README.md", "code/Livre 1 bis/L1 bis.md",
                                      "code/Livre 1/L1.md", "code/Livre 10/L10.md",
                                      "code/_index.md", "codex/other.md"});
}

TEST_CASE("listing an in-memory folder does not include a sibling whose name starts the same",
          "[io]") {
  MemoryFileSystem files = sample_memory_tree();
  CHECK(files.list_files("code") == Paths{"code/Livre 1 bis/L1 bis.md", "code/Livre 1/L1.md",
                                          "code/Livre 10/L10.md", "code/_index.md"});
  CHECK(files.list_files("code/Livre 1") == Paths{"code/Livre 1/L1.md"});
  CHECK(files.list_files("codex") == Paths{"codex/other.md"});
}

TEST_CASE("listing an in-memory file gives that file and listing a missing folder gives nothing",
          "[io]") {
  MemoryFileSystem files = sample_memory_tree();
  CHECK(files.list_files("code/_index.md") == Paths{"code/_index.md"});
  CHECK(files.list_files("nowhere").empty());
  CHECK(files.list_files("cod").empty());
}

TEST_CASE("an in-memory tree sorts accented names after every ASCII name, bytewise", "[io]") {
  MemoryFileSystem files;
  files.add_file("d/é.md", "");
  files.add_file("d/z.md", "");
  files.add_file("d/Z.md", "");
  files.add_file("d/e.md", "");
  CHECK(files.list_files("d") == Paths{"d/Z.md", "d/e.md", "d/z.md", "d/é.md"});
}

TEST_CASE("an in-memory folder exists exactly when some file lies below it", "[io]") {
  MemoryFileSystem files = sample_memory_tree();
  CHECK(files.is_directory(""));
  CHECK(files.is_directory("code"));
  CHECK(files.is_directory("code/Livre 1"));
  CHECK(files.is_directory("code/Livre 1 bis"));
  CHECK_FALSE(files.is_directory("code/Livre"));  // only a prefix of folder names
  CHECK_FALSE(files.is_directory("cod"));
  CHECK_FALSE(files.is_directory("code/_index.md"));  // a file, not a folder
  CHECK_FALSE(files.is_directory("missing"));
}

TEST_CASE("an in-memory file is a file and a folder is not", "[io]") {
  MemoryFileSystem files = sample_memory_tree();
  CHECK(files.is_file("code/_index.md"));
  CHECK(files.is_file("README.md"));
  CHECK_FALSE(files.is_file("code"));
  CHECK_FALSE(files.is_file("code/missing.md"));
  CHECK_FALSE(files.is_file(""));
}

TEST_CASE("reading an in-memory file gives its exact contents and a missing one an error", "[io]") {
  MemoryFileSystem files;
  files.add_file("a.md", std::string("line 1\r\nline 2\0binary", 21));
  std::string contents, error;
  REQUIRE(files.read_file("a.md", contents, error));
  CHECK(contents == std::string("line 1\r\nline 2\0binary", 21));
  CHECK(error.empty());

  contents = "unchanged";
  CHECK_FALSE(files.read_file("b.md", contents, error));
  CHECK(error == "no such file");
}

TEST_CASE("adding an in-memory file twice keeps the second contents", "[io]") {
  MemoryFileSystem files;
  files.add_file("a.md", "first");
  files.add_file("a.md", "second");
  std::string contents, error;
  REQUIRE(files.read_file("a.md", contents, error));
  CHECK(contents == "second");
  CHECK(files.list_files("") == Paths{"a.md"});
}

// ---------------------------------------------------------------------------------------------
// DiskFileSystem

TEST_CASE("a disk tree lists every regular file below its root, relative and sorted bytewise",
          "[io][disk]") {
  TempDir dir;
  dir.write("Code de la sécurité sociale/_index.md", "title: x");
  dir.write("Code de la sécurité sociale/Livre 1/Titre 3/L133-6.md", "a");
  dir.write(
      "Code de la sécurité sociale/Livre 1/Chapitre 3 bis/Article R*133-2/001_2005-08-12_x.md",
      "b");
  dir.write("Code de la sécurité sociale/Livre 1/Section 1 : De l'assiette/L136-1.md", "c");
  dir.write("Z.md", "z");
  dir.mkdir("empty folder/inner");

  DiskFileSystem files(dir.path());
  CHECK(
      files.list_files("") ==
      Paths{
          "Code de la sécurité sociale/Livre 1/Chapitre 3 bis/Article R*133-2/001_2005-08-12_x.md",
          "Code de la sécurité sociale/Livre 1/Section 1 : De l'assiette/L136-1.md",
          "Code de la sécurité sociale/Livre 1/Titre 3/L133-6.md",
          "Code de la sécurité sociale/_index.md", "Z.md"});
}

TEST_CASE("listing a disk folder gives only the files below it, still relative to the root",
          "[io][disk]") {
  TempDir dir;
  dir.write("code/Livre 1/a.md", "a");
  dir.write("code/Livre 1 bis/b.md", "b");
  dir.write("code/Livre 10/c.md", "c");
  DiskFileSystem files(dir.path());
  CHECK(files.list_files("code/Livre 1") == Paths{"code/Livre 1/a.md"});
  CHECK(files.list_files("code") ==
        Paths{"code/Livre 1 bis/b.md", "code/Livre 1/a.md", "code/Livre 10/c.md"});
  CHECK(files.list_files("code/Livre 1/a.md") == Paths{"code/Livre 1/a.md"});
  CHECK(files.list_files("missing").empty());
}

TEST_CASE("a disk tree rooted with a trailing slash lists the same relative paths", "[io][disk]") {
  TempDir dir;
  dir.write("sub/f.md", "f");
  DiskFileSystem files(dir.path() + "/");
  CHECK(files.list_files("") == Paths{"sub/f.md"});
  CHECK(files.list_files("sub") == Paths{"sub/f.md"});
}

TEST_CASE("a disk tree reads names with spaces, accents and apostrophes byte for byte",
          "[io][disk]") {
  TempDir dir;
  const std::string name = "Chapitre 3 bis : Dispositions communes à l'État/Article L133-6 bis.md";
  const std::string contents = std::string("# Article L133-6 bis\r\n\r\nTexte é\0fin", 36);
  dir.write(name, contents);
  DiskFileSystem files(dir.path());
  REQUIRE(files.list_files("") == Paths{name});
  std::string read, error;
  REQUIRE(files.read_file(name, read, error));
  CHECK(read == contents);
  CHECK(files.is_file(name));
  CHECK(files.is_directory("Chapitre 3 bis : Dispositions communes à l'État"));
}

TEST_CASE("reading an empty disk file succeeds with empty contents", "[io][disk]") {
  TempDir dir;
  dir.write("empty.md", "");
  DiskFileSystem files(dir.path());
  std::string read = "not empty", error;
  REQUIRE(files.read_file("empty.md", read, error));
  CHECK(read.empty());
}

TEST_CASE("reading a missing disk file fails with an error", "[io][disk]") {
  TempDir dir;
  DiskFileSystem files(dir.path());
  std::string read, error;
  CHECK_FALSE(files.read_file("missing.md", read, error));
  CHECK(error == "cannot open file: No such file or directory");
}

TEST_CASE("reading a disk folder as a file fails instead of giving empty contents", "[io][disk]") {
  TempDir dir;
  dir.write("Livre 1/a.md", "a");
  DiskFileSystem files(dir.path());
  std::string read, error;
  CHECK_FALSE(files.read_file("Livre 1", read, error));
  CHECK(error == "is a folder, not a file");
}

TEST_CASE("a disk tree tells folders from files", "[io][disk]") {
  TempDir dir;
  dir.write("Livre 1/a.md", "a");
  DiskFileSystem files(dir.path());
  CHECK(files.is_directory(""));
  CHECK(files.is_directory("Livre 1"));
  CHECK_FALSE(files.is_directory("Livre 1/a.md"));
  CHECK_FALSE(files.is_directory("missing"));
  CHECK(files.is_file("Livre 1/a.md"));
  CHECK_FALSE(files.is_file("Livre 1"));
  CHECK_FALSE(files.is_file("missing"));
}

TEST_CASE("full_path joins the root and a relative path for diagnostics", "[io][disk]") {
  DiskFileSystem files("/data/content");
  CHECK(files.full_path("") == "/data/content");
  CHECK(files.full_path("code/L1.md") == "/data/content/code/L1.md");
}

TEST_CASE("a disk tree rooted at one file lists that file under the empty path", "[io][disk]") {
  TempDir dir;
  dir.write("css.json", "{}");
  DiskFileSystem files(dir.path() + "/css.json");
  CHECK(files.list_files("") == Paths{""});
  std::string read, error;
  REQUIRE(files.read_file("", read, error));
  CHECK(read == "{}");
}

TEST_CASE("the single-file constructor lists only that file, though its folder holds others",
          "[io][disk]") {
  TempDir dir;
  dir.write("css 2026-03-14 l'été.json", "{\"num\": \"L1\"}");
  dir.write("other.json", "{}");
  dir.write("sub/inner.md", "x");
  DiskFileSystem files(dir.path(), "css 2026-03-14 l'été.json");
  CHECK(files.list_files("") == Paths{"css 2026-03-14 l'été.json"});
  CHECK(files.list_files("css 2026-03-14 l'été.json") == Paths{"css 2026-03-14 l'été.json"});
  CHECK(files.list_files("sub").empty());
  std::string read, error;
  REQUIRE(files.read_file("css 2026-03-14 l'été.json", read, error));
  CHECK(read == "{\"num\": \"L1\"}");
}

// ---------------------------------------------------------------------------------------------
// Bytes to parse in place

// `size` bytes of text whose content depends on the position, so that a shifted or truncated
// read shows.
std::string patterned(std::size_t size) {
  std::string text;
  text.reserve(size);
  for (std::size_t i = 0; text.size() < size; ++i)
    text += std::to_string(i) + (i % 16 ? ' ' : '\n');
  text.resize(size);
  return text;
}

TEST_CASE("bytes read from memory are the file's, writable and followed by a NUL", "[io]") {
  MemoryFileSystem files;
  files.add_file("a.json", "{\"a\": 1}");
  FileBytes bytes;
  std::string error;
  REQUIRE(files.read_bytes("a.json", bytes, error));
  CHECK_FALSE(bytes.mapped());
  CHECK(bytes.view() == "{\"a\": 1}");
  CHECK(bytes.data()[bytes.size()] == '\0');
  CHECK_FALSE(files.read_bytes("missing.json", bytes, error));
  CHECK(error == "no such file");
}

TEST_CASE("a large file is mapped: the file's bytes, a NUL after, writes never reach the file",
          "[io][disk]") {
  TempDir dir;
  const std::string text = patterned((3 << 20) + 123);
  dir.write("big.json", text);
  DiskFileSystem files(dir.path());
  FileBytes bytes;
  std::string error;
  REQUIRE(files.read_bytes("big.json", bytes, error));
  CHECK(bytes.mapped());
  REQUIRE(bytes.size() == text.size());
  CHECK(bytes.view() == text);
  CHECK(bytes.data()[bytes.size()] == '\0');
  for (std::size_t i = 0; i < bytes.size(); i += 4096) bytes.data()[i] = '#';
  std::string again;
  REQUIRE(files.read_file("big.json", again, error));
  CHECK(again == text);
  // Moved, the mapping changes owner and stays readable.
  FileBytes moved = std::move(bytes);
  CHECK(moved.mapped());
  CHECK(moved.view().substr(1, 10) == text.substr(1, 10));
}

TEST_CASE("a small file, or one that ends exactly on a page, is read rather than mapped",
          "[io][disk]") {
  TempDir dir;
  const std::string small = patterned(1000);
  const std::string whole_pages = patterned(1 << 20);  // a NUL would need a page of its own
  dir.write("small.json", small);
  dir.write("pages.json", whole_pages);
  DiskFileSystem files(dir.path());
  FileBytes bytes;
  std::string error;
  REQUIRE(files.read_bytes("small.json", bytes, error));
  CHECK_FALSE(bytes.mapped());
  CHECK(bytes.view() == small);
  REQUIRE(files.read_bytes("pages.json", bytes, error));
  CHECK_FALSE(bytes.mapped());
  CHECK(bytes.view() == whole_pages);
  CHECK(bytes.data()[bytes.size()] == '\0');
  CHECK_FALSE(files.read_bytes("missing.json", bytes, error));
  CHECK(error.rfind("cannot open file: ", 0) == 0);
}

}  // namespace
TEST_CASE("a file rewritten with its size kept and its mtime set back has a new stamp", "[io]") {
  TempDir dir;
  dir.write("L1.md", "Premier texte.");
  const struct timespec old[2] = {{1'500'000'000, 0}, {1'500'000'000, 0}};
  const std::string full = dir.path() + "/L1.md";
  REQUIRE(::utimensat(AT_FDCWD, full.c_str(), old, 0) == 0);
  DiskFileSystem files(dir.path());
  FileStamp before, after;
  REQUIRE(files.stamp("L1.md", before));
  // Change times are taken from a clock that ticks every few milliseconds.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // Written in place, then dated back, as `cp -p` does: the same inode, size and mtime.
  { std::ofstream(full, std::ios::binary | std::ios::in) << "Dernier texte."; }
  REQUIRE(::utimensat(AT_FDCWD, full.c_str(), old, 0) == 0);
  REQUIRE(files.stamp("L1.md", after));
  CHECK(after.inode == before.inode);
  CHECK(after.size == before.size);
  CHECK(after.mtime_ns == before.mtime_ns);
  CHECK_FALSE(after == before);
}

TEST_CASE("a file dated past what a stamp counts (2261) has no stamp, one dated 2200 has", "[io]") {
  TempDir dir;
  dir.write("far.md", "loin");
  dir.write("near.md", "proche");
  // The year 2400 (ext4 keeps dates to 2446, tmpfs beyond), and the year 2200.
  const struct timespec far[2] = {{13'569'465'600, 0}, {13'569'465'600, 0}};
  const struct timespec near[2] = {{7'258'118'400, 5}, {7'258'118'400, 5}};
  REQUIRE(::utimensat(AT_FDCWD, (dir.path() + "/far.md").c_str(), far, 0) == 0);
  REQUIRE(::utimensat(AT_FDCWD, (dir.path() + "/near.md").c_str(), near, 0) == 0);
  DiskFileSystem files(dir.path());
  FileStamp stamp;
  std::int64_t mtime = 0;
  struct stat kept;
  REQUIRE(::stat((dir.path() + "/far.md").c_str(), &kept) == 0);
  if (kept.st_mtim.tv_sec < 9'300'000'000) {
    WARN("this file system clamps dates before 2261: nothing to check");
    return;
  }
  CHECK_FALSE(files.stamp("far.md", stamp));
  CHECK_FALSE(file_mtime_ns(dir.path() + "/far.md", mtime));
  REQUIRE(files.stamp("near.md", stamp));
  CHECK(stamp.mtime_ns == 7'258'118'400'000'000'005);
  CHECK(file_mtime_ns(dir.path() + "/near.md", mtime));
  CHECK(mtime == stamp.mtime_ns);
}

}  // namespace legisite::file_system_test
