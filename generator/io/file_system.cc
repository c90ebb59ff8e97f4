#include "io/file_system.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

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

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {}

DiskFileSystem::DiskFileSystem(std::string root, std::string only_file)
    : root_(std::move(root)), only_file_(std::move(only_file)) {}

std::string DiskFileSystem::full_path(const std::string& path) const {
  return path.empty() ? root_ : root_ + "/" + path;
}

FileBytes::~FileBytes() { release(); }

FileBytes::FileBytes(FileBytes&& other) noexcept
    : text_(std::move(other.text_)), mapping_(other.mapping_), size_(other.size_) {
  other.mapping_ = nullptr;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    text_ = std::move(other.text_);
    mapping_ = other.mapping_;
    size_ = other.size_;
    other.mapping_ = nullptr;
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
  int fd = ::open(full_path(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot open file: ") + std::strerror(errno);
    return false;
  }
  struct stat info;
  const long page = ::sysconf(_SC_PAGESIZE);
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && page > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    const auto page_size = static_cast<std::size_t>(page);
    // The bytes of the last page past the end of the file read as zero: the NUL a parser
    // needs, unless the file ends exactly on a page.
    if (size >= kMapFrom && size % page_size != 0) {
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
  int fd = ::open(full_path(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot open file: ") + std::strerror(errno);
    return false;
  }
  struct stat info;
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    error = S_ISDIR(info.st_mode) ? "is a folder, not a file" : "cannot read file";
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
  std::vector<std::string> out;
  if (!only_file_.empty()) {
    if (dir.empty() || dir == only_file_) out.push_back(only_file_);
    return out;
  }
  std::error_code ec;
  fs::path base(full_path(dir));
  if (fs::is_regular_file(base, ec)) {
    out.push_back(dir);
    return out;
  }
  fs::path root(root_);
  for (fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec),
       end;
       it != end; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec)) continue;
    out.push_back(it->path().lexically_relative(root).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool DiskFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(full_path(path), ec);
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

}  // namespace legisite
