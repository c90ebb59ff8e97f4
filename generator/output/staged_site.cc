#include "output/staged_site.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace legisite {

namespace fs = std::filesystem;

namespace {

std::string strip_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Generated paths are relative and clean; refuse anything else rather than write outside.
bool safe_relative(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    std::string_view part(path.data() + start, (end == std::string::npos ? path.size() : end) - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

StagedSite::StagedSite(std::string destination, std::string staging)
    : destination_(std::move(destination)), staging_(std::move(staging)) {}

std::unique_ptr<StagedSite> StagedSite::create(const std::string& destination, std::string& error) {
  std::string dest = strip_trailing_slashes(destination);
  std::string staging = dest + ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) {
    error = "cannot create staging folder " + staging + ": " + ec.message();
    return nullptr;
  }
  return std::unique_ptr<StagedSite>(new StagedSite(dest, staging));
}

StagedSite::~StagedSite() {
  if (!done_) discard();
}

bool StagedSite::ensure_directory(const std::string& dir, std::string& error) {
  if (dir.empty()) return true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (made_dirs_.count(dir)) return true;
  }
  // The parent first, from the cache when it is known: one mkdir per folder of the site, where
  // create_directories would check every level of every page's path again.
  auto slash = dir.rfind('/');
  if (slash != std::string::npos && !ensure_directory(dir.substr(0, slash), error)) return false;
  std::string full = staging_ + "/" + dir;
  // EEXIST: the other render thread made it first (or a file has the name: writing into it then
  // fails with its own message).
  if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST) {
    error = "cannot create folder " + dir + ": " + std::strerror(errno);
    return false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  made_dirs_.insert(dir);
  return true;
}

bool StagedSite::write(const std::string& path, const std::string& contents, std::string& error) {
  if (!safe_relative(path)) {
    error = "refusing to write outside the site: '" + path + "'";
    return false;
  }
  auto slash = path.rfind('/');
  if (slash != std::string::npos && !ensure_directory(path.substr(0, slash), error)) return false;
  std::string full = staging_ + "/" + path;
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  std::size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot write " + path + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  std::lock_guard<std::mutex> lock(mutex_);
  bytes_ += contents.size();
  return true;
}

bool StagedSite::publish(std::string& error) {
  std::error_code ec;
  bool had_site = fs::exists(destination_, ec);
  if (had_site) {
    // One system call swaps the two folders: readers see the old site or the new, never neither.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination_.c_str(), RENAME_EXCHANGE) ==
        0) {
      fs::remove_all(staging_, ec);  // now holds the old site
      done_ = true;
      return true;
    }
    std::string old = destination_ + ".old-" + std::to_string(::getpid());
    fs::remove_all(old, ec);
    fs::rename(destination_, old, ec);
    if (ec) {
      error = "cannot move the previous site aside: " + ec.message();
      return false;
    }
    fs::rename(staging_, destination_, ec);
    if (ec) {
      std::error_code ignored;
      fs::rename(old, destination_, ignored);
      error = "cannot move the new site into place: " + ec.message();
      return false;
    }
    fs::remove_all(old, ec);
  } else {
    auto parent = fs::path(destination_).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    fs::rename(staging_, destination_, ec);
    if (ec) {
      error = "cannot move the new site into place: " + ec.message();
      return false;
    }
  }
  done_ = true;
  return true;
}

void StagedSite::discard() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
  done_ = true;
}

}  // namespace legisite
