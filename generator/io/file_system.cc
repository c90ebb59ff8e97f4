#include "io/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

namespace legisite {

namespace fs = std::filesystem;

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "/" + b;
}

std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string dir_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      return parts;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
}

namespace {

std::string real_path(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (!resolved) return {};
  std::string out(resolved);
  std::free(resolved);
  return out;
}

// The absolute path of the file `fd` has open, or "" when /proc cannot tell.
std::string opened_path(int fd) {
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  std::string path(PATH_MAX, '\0');
  const ssize_t n = ::readlink(link.c_str(), path.data(), path.size());
  if (n <= 0 || std::size_t(n) >= path.size()) return {};
  path.resize(std::size_t(n));
  return path;
}

}  // namespace

bool path_within(std::string_view root, std::string_view resolved) {
  if (root.empty() || resolved.substr(0, root.size()) != root) return false;
  return resolved.size() == root.size() || root.back() == '/' || resolved[root.size()] == '/';
}

DiskFileSystem::DiskFileSystem(std::string root)
    : root_(std::move(root)), real_root_(real_path(root_)) {}

DiskFileSystem::DiskFileSystem(std::string root, std::string only_file)
    : root_(std::move(root)), only_file_(std::move(only_file)) {}

int DiskFileSystem::open_inside(const std::string& path, std::string& error) const {
  if (!only_file_.empty() && path != only_file_) {
    error = "not the file named as the content; not read";
    return -1;
  }
  // Non-blocking: a link changed into a pipe since the listing must not hang the build.
  int fd = ::open(full_path(path).c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::string("cannot open file: ") + std::strerror(errno);
    return -1;
  }
  if (!only_file_.empty()) return fd;  // the one file the user named, wherever it lies
  // The file opened, as the kernel names it (links resolved): no link can change between the
  // check and the read, and one call replaces realpath's call per folder of the path.
  std::string resolved = opened_path(fd);
  if (resolved.empty()) resolved = real_path(full_path(path));  // no /proc: the path resolved
  if (path_within(real_root_, resolved)) return fd;
  ::close(fd);
  error = resolved.empty() ? std::string("cannot open file: ") + std::strerror(errno)
                           : "a symbolic link leads outside the content folder; not read";
  return -1;
}

std::string DiskFileSystem::full_path(const std::string& path) const {
  return path.empty() ? root_ : root_ + "/" + path;
}

FileBytes::~FileBytes() { release(); }

FileBytes::FileBytes(FileBytes&& other) noexcept
    : text_(std::move(other.text_)), mapping_(other.mapping_), size_(other.size_) {
  other.mapping_ = nullptr;
  other.size_ = 0;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    text_ = std::move(other.text_);
    mapping_ = other.mapping_;
    size_ = other.size_;
    other.mapping_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

FileBytes FileBytes::adopt_mapping(char* mapping, std::size_t size) {
  FileBytes bytes;
  bytes.mapping_ = mapping;
  bytes.size_ = size;
  return bytes;
}

void FileBytes::release() {
  if (mapping_) ::munmap(mapping_, size_);
  mapping_ = nullptr;
}

bool FileSystem::read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const {
  std::string text;
  if (!read_file(path, text, error)) return false;
  bytes = FileBytes(std::move(text));
  return true;
}

bool DiskFileSystem::read_bytes(const std::string& path, FileBytes& bytes,
                                std::string& error) const {
  constexpr std::size_t kMapFrom = 1 << 20;
  int fd = open_inside(path, error);
  if (fd < 0) return false;
  struct stat info;
  const long page = ::sysconf(_SC_PAGESIZE);
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && page > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    const auto page_size = static_cast<std::size_t>(page);
    // The bytes of the last page past the end of the file read as zero: the NULs a parser
    // needs, unless the file ends too near the end of a page to leave kNulPadding of them.
    if (size >= kMapFrom && size % page_size != 0 && page_size - size % page_size >= kNulPadding) {
      // Populated up front (one call rather than a fault per page); the parser's writes then
      // copy only the pages it writes to, and nothing is ever written back to the file.
      void* mapping =
          ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      ::close(fd);
      if (mapping != MAP_FAILED) {
        bytes = FileBytes::adopt_mapping(static_cast<char*>(mapping), size);
        return true;
      }
      return FileSystem::read_bytes(path, bytes, error);  // no mapping: read it then
    }
  }
  ::close(fd);
  return FileSystem::read_bytes(path, bytes, error);
}

bool DiskFileSystem::read_file(const std::string& path, std::string& contents,
                               std::string& error) const {
  // One open, one fstat, reads straight into a string of the right size: a whole code is one
  // large file, and the many files of a history are read on several threads.
  int fd = open_inside(path, error);
  if (fd < 0) return false;
  struct stat info;
  const bool stated = ::fstat(fd, &info) == 0;
  if (!stated || !S_ISREG(info.st_mode)) {
    error = !stated                 ? "cannot read file"
            : S_ISDIR(info.st_mode) ? "is a folder, not a file"
                                    : special_file_reason();
    ::close(fd);
    return false;
  }
  contents.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  // A file that grew since fstat is read to its end through a small buffer: growing the string
  // itself would copy a whole-code dump once more.
  char more[4096];
  while (true) {
    const bool full = done == contents.size();
    ssize_t n = full ? ::read(fd, more, sizeof more)
                     : ::read(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("cannot read file: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    if (full) contents.append(more, static_cast<std::size_t>(n));
    done += static_cast<std::size_t>(n);
  }
  contents.resize(done);
  ::close(fd);
  return true;
}

std::vector<std::string> DiskFileSystem::list_files(const std::string& dir) const {
  std::vector<SkippedEntry> skipped;
  return list_checked(dir, skipped);
}

namespace {

/// One folder entry as the walk sees it, symbolic links followed.
enum class EntryKind { kFile, kFolder, kOther };

EntryKind kind_of(const struct stat& info) {
  if (S_ISREG(info.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(info.st_mode)) return EntryKind::kFolder;
  return EntryKind::kOther;  // devices, pipes, sockets: never content (a pipe would block)
}

}  // namespace

bool is_hidden_name(const std::string& relative) {
  return !relative.empty() && (relative[0] == '.' || relative.find("/.") != std::string::npos);
}

std::vector<std::string> DiskFileSystem::list_checked(const std::string& dir,
                                                      std::vector<SkippedEntry>& skipped) const {
  std::vector<std::string> out;
  if (!only_file_.empty()) {
    if (dir.empty() || dir == only_file_) out.push_back(only_file_);
    return out;
  }
  struct stat info;
  if (::stat(full_path(dir).c_str(), &info) != 0) return out;
  // A folder asked for by name must lie inside the content, as a link found in it must.
  if (!dir.empty() && !path_within(real_root_, real_path(full_path(dir)))) {
    skipped.push_back({dir, link_outside_reason()});
    return out;
  }
  if (S_ISREG(info.st_mode)) {
    out.push_back(dir);
    return out;
  }
  // Hidden folders (.git) are listed as before but hold no content: nothing is said about them.
  const auto skip = [&](const std::string& path, std::string reason) {
    if (!is_hidden_name(path)) skipped.push_back({path, std::move(reason)});
  };
  // A link back to a folder being walked (directly or through other links) would never end:
  // each pending folder carries the folders above it, known by device and inode. Iterative, and
  // bounded in depth: nesting costs no stack.
  using FolderId = std::pair<dev_t, ino_t>;
  struct Pending {
    std::string path;
    std::vector<FolderId> chain;  // this folder and those above it
  };
  std::vector<Pending> pending{{dir, {{info.st_dev, info.st_ino}}}};
  while (!pending.empty()) {
    Pending folder = std::move(pending.back());
    pending.pop_back();
    DIR* handle = ::opendir(full_path(folder.path).c_str());
    if (!handle) {
      const int cause = errno;
      // The root has no relative name: the reason names it.
      std::string what =
          folder.path.empty() ? "cannot read the folder " + root_ : "cannot read folder";
      skip(folder.path, what + ": " + std::strerror(cause));
      continue;
    }
    while (const struct dirent* entry = ::readdir(handle)) {
      std::string name = entry->d_name;
      if (name == "." || name == "..") continue;
      std::string path = join_path(folder.path, name);
      std::string full = full_path(path);
      struct stat link;
      if (::lstat(full.c_str(), &link) != 0) continue;  // gone since readdir
      info = link;
      if (S_ISLNK(link.st_mode)) {
        std::string target = real_path(full);
        if (target.empty() || ::stat(target.c_str(), &info) != 0) {
          skip(path, link_to_nothing_reason());
          continue;
        }
        if (!path_within(real_root_, target)) {
          skip(path, link_outside_reason());
          continue;
        }
      }
      EntryKind kind = kind_of(info);
      if (kind == EntryKind::kOther) skip(path, special_file_reason());
      if (kind == EntryKind::kFile) out.push_back(std::move(path));
      if (kind != EntryKind::kFolder) continue;
      FolderId id{info.st_dev, info.st_ino};
      if (std::find(folder.chain.begin(), folder.chain.end(), id) != folder.chain.end()) {
        skip(path, "symbolic link to a folder that contains it (a loop); not followed");
        continue;
      }
      if (folder_too_deep(folder.chain.size())) {  // the root is level 0, its chain 1 long
        skip(path, folder_too_deep_reason());
        continue;
      }
      Pending next{std::move(path), folder.chain};
      next.chain.push_back(id);
      pending.push_back(std::move(next));
    }
    ::closedir(handle);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool folder_too_deep(std::size_t level) { return level > kMaxFolderDepth; }

std::string folder_too_deep_reason() {
  return "folder nested more than " + std::to_string(kMaxFolderDepth) + " levels deep; not read";
}

std::string link_outside_reason() {
  return "symbolic link to a place outside the content folder; not read";
}

std::string link_to_nothing_reason() { return "symbolic link to nothing"; }

std::string special_file_reason() {
  return "not a file or a folder (a pipe, socket or device); not read";
}

bool DiskFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(full_path(path), ec);
}

std::int64_t stamp_clock_now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

// A file time as nanoseconds since the epoch; false past what they count (the years 1678 to
// 2261, with a margin for the second a stamp settles): file systems keep dates up to 2446
// (ext4) and beyond (tmpfs), which content may carry.
bool nanoseconds_of(const struct timespec& time, std::int64_t& out) {
  constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 1'000'000'000 - 2;
  if (time.tv_sec > kLimit || time.tv_sec < -kLimit) return false;
  out = static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
  return true;
}

}  // namespace

bool file_mtime_ns(const std::string& full, std::int64_t& out) {
  struct stat info;
  return ::stat(full.c_str(), &info) == 0 && nanoseconds_of(info.st_mtim, out);
}

bool DiskFileSystem::stamp(const std::string& path, FileStamp& out) const {
  struct stat info;
  if (::lstat(full_path(path).c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  out.device = static_cast<std::uint64_t>(info.st_dev);
  out.inode = static_cast<std::uint64_t>(info.st_ino);
  out.size = static_cast<std::uint64_t>(info.st_size);
  return nanoseconds_of(info.st_mtim, out.mtime_ns) && nanoseconds_of(info.st_ctim, out.ctime_ns);
}

bool DiskFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(full_path(path), ec);
}

void MemoryFileSystem::add_file(const std::string& path, std::string contents) {
  files_[path] = std::move(contents);
}

bool MemoryFileSystem::read_file(const std::string& path, std::string& contents,
                                 std::string& error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    error = "no such file";
    return false;
  }
  contents = it->second;
  return true;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  for (const auto& [path, _] : files_) {
    if (dir.empty() || path == dir || path.rfind(dir + "/", 0) == 0) out.push_back(path);
  }
  return out;  // std::map keeps them sorted bytewise
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  if (path.empty()) return true;
  auto it = files_.lower_bound(path + "/");
  return it != files_.end() && it->first.rfind(path + "/", 0) == 0;
}

bool MemoryFileSystem::is_file(const std::string& path) const { return files_.count(path) != 0; }

int write_whole_file(const std::string& full, std::string_view contents, int flags) {
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
  int failure = fd < 0 ? errno : 0;
  for (std::size_t done = 0; failure == 0 && done < contents.size();) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno != EINTR) failure = errno;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0 && failure == 0 && errno != EINTR) failure = errno;
  return failure;
}

}  // namespace legisite
