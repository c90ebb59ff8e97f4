#include "io/file_system.h"

#include <algorithm>
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

bool DiskFileSystem::read_file(const std::string& path, std::string& contents,
                               std::string& error) const {
  // An ifstream opens a folder and reads it as empty: say it is not a file instead.
  std::error_code ec;
  if (fs::is_directory(full_path(path), ec)) {
    error = "is a folder, not a file";
    return false;
  }
  std::ifstream in(full_path(path), std::ios::binary);
  if (!in) {
    error = "cannot open file";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read file";
    return false;
  }
  contents = std::move(buffer).str();
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
