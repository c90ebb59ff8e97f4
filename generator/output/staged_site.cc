#include "output/staged_site.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace legisite {

namespace fs = std::filesystem;

namespace {

// The pid in "<site>.staging-<pid>" or "<site>.old-<pid>", the names a build gives the folders it
// makes beside `site`; 0 for any other name.
pid_t leftover_pid(const std::string& name, const std::string& site) {
  for (const std::string kind : {".staging-", ".old-"}) {
    std::string prefix = site + kind;
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    long pid = 0;
    for (std::size_t i = prefix.size(); i < name.size(); ++i) {
      if (name[i] < '0' || name[i] > '9' || pid > 100000000) return 0;
      pid = pid * 10 + (name[i] - '0');
    }
    return static_cast<pid_t>(pid);
  }
  return 0;
}

// A folder some build is still writing: its pid runs (checked first, as a new build makes its
// folder a moment before it locks it) or another process holds its lock.
bool in_use(const fs::path& folder, pid_t pid) {
  if (::kill(pid, 0) == 0 || errno == EPERM) return true;
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return true;  // not a folder we may remove
  bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return locked;
}

// Generated paths are relative and clean; refuse anything else rather than write outside.
bool safe_relative(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    std::string_view part(path.data() + start,
                          (end == std::string::npos ? path.size() : end) - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

StagedSite::StagedSite(std::string out, std::vector<KeptFolder> kept, Destination destination,
                       std::string staging, int lock, bool reuse)
    : out_(std::move(out)),
      kept_(std::move(kept)),
      destination_(std::move(destination)),
      staging_(std::move(staging)),
      lock_(lock),
      reuse_(reuse) {}

std::unique_ptr<StagedSite> StagedSite::create(const std::string& destination, std::string& error,
                                               const std::vector<KeptFolder>& kept, bool reuse) {
  Destination dest;
  if (!check_destination(destination, kept, dest, error)) return nullptr;
  std::string staging = dest.path + ".staging-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(staging, ec);  // left by an earlier process that had our pid
  fs::create_directories(staging, ec);
  int lock = ec ? -1 : ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    error = "cannot create staging folder " + staging + ": " +
            (ec ? ec.message() : std::string(std::strerror(errno)));
    if (lock >= 0) ::close(lock);
    if (!ec) fs::remove_all(staging, ec);
    return nullptr;
  }
  return std::unique_ptr<StagedSite>(
      new StagedSite(destination, kept, dest, staging, lock, reuse && dest.exists));
}

StagedSite::~StagedSite() {
  if (!done_) discard();
  if (lock_ >= 0) ::close(lock_);
}

std::size_t StagedSite::remove_leftovers() const {
  fs::path site(destination_.path);
  std::string name = site.filename().string();
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(site.parent_path(), ec)) {
    pid_t pid = leftover_pid(entry.path().filename().string(), name);
    if (pid == 0 || pid == ::getpid() || in_use(entry.path(), pid)) continue;
    std::error_code ignored;
    if (fs::remove_all(entry.path(), ignored) > 0) ++removed;
  }
  return removed;
}

namespace {

// Failures that every later write would meet too: the build stops writing at the first.
bool stops_writing(int error_number) {
  return error_number == ENOSPC || error_number == EDQUOT || error_number == EFBIG ||
         error_number == EROFS || error_number == EIO;
}

}  // namespace

bool StagedSite::fail(int cause, std::string what, std::string& error) {
  error = std::move(what) + ": " + std::strerror(cause);
  if (!stops_writing(cause)) return false;
  // Only the first of several threads failing at once says why.
  if (stopped_.exchange(true))
    error.clear();
  else
    error += "; the build stops writing (nothing is published)";
  return false;
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
  if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST)
    return fail(errno, "cannot create folder " + dir, error);
  std::lock_guard<std::mutex> lock(mutex_);
  made_dirs_.insert(dir);
  return true;
}

namespace {

// Whether the file at `path` holds exactly `contents` (false when it cannot be read).
bool same_bytes(const std::string& path, const std::string& contents) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat st;
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<std::size_t>(st.st_size) == contents.size();
  std::string buffer(same ? contents.size() : 0, '\0');
  std::size_t done = 0;
  while (same && done < buffer.size()) {
    ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      same = false;
    else
      done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return same && buffer == contents;
}

}  // namespace

bool StagedSite::link_if_unchanged(const std::string& path, const std::string& full,
                                   const std::string& contents) {
  std::string published = destination_.path + "/" + path;
  if (!same_bytes(published, contents)) return false;
  // A link fails across file systems or where links are not allowed: the file is written then.
  if (::link(published.c_str(), full.c_str()) != 0) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  ++changes_.unchanged;
  paths_.push_back(path);
  return true;
}

bool StagedSite::write(const std::string& path, const std::string& contents, std::string& error) {
  if (stopped_) {
    error.clear();
    return false;
  }
  if (!safe_relative(path)) {
    error = "refusing to write outside the site: '" + path + "'";
    return false;
  }
  auto slash = path.rfind('/');
  if (slash != std::string::npos && !ensure_directory(path.substr(0, slash), error)) return false;
  std::string full = staging_ + "/" + path;
  // A file written twice may be a link to the published site's by then: it is replaced, never
  // written through (that would change the published site).
  if (::unlink(full.c_str()) != 0 && errno != ENOENT)
    return fail(errno, "cannot replace " + path, error);
  if (reuse_ && link_if_unchanged(path, full, contents)) return true;
  int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  int failure = fd < 0 ? errno : 0;
  for (std::size_t done = 0; failure == 0 && done < contents.size();) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno != EINTR) failure = errno;
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0 && failure == 0 && errno != EINTR) failure = errno;
  if (failure != 0) return fail(failure, "cannot write " + path, error);
  std::lock_guard<std::mutex> lock(mutex_);
  bytes_ += contents.size();
  ++changes_.written;
  paths_.push_back(path);
  return true;
}

bool StagedSite::keep(const std::string& path, std::size_t& size, std::string& error) {
  if (!reuse_ || stopped_ || !safe_relative(path)) return false;
  const std::string published = destination_.path + "/" + path;
  struct stat st;
  if (::lstat(published.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  auto slash = path.rfind('/');
  if (slash != std::string::npos && !ensure_directory(path.substr(0, slash), error)) return false;
  // Fails on a file already there (written before): the caller then writes it again.
  const std::string full = staging_ + "/" + path;
  if (::link(published.c_str(), full.c_str()) != 0) return false;
  size = static_cast<std::size_t>(st.st_size);
  std::lock_guard<std::mutex> lock(mutex_);
  ++changes_.unchanged;
  paths_.push_back(path);
  return true;
}

bool StagedSite::write_manifest(std::string& error) {
  std::vector<std::string> paths;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paths = paths_;
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::string text;
  for (const auto& p : paths) {
    if (p == kSiteMarkerName || p == kSiteManifestName) continue;
    text += p;
    text += '\n';
  }
  // The files of the published site its manifest lists and this site lacks are deleted by the
  // swap. A site without a manifest (published by an older legisite) counts none.
  std::string previous;
  std::ifstream in(destination_.path + "/" + kSiteManifestName, std::ios::binary);
  for (std::string line; std::getline(in, line);)
    if (!std::binary_search(paths.begin(), paths.end(), line)) ++changes_.deleted;
  return write(kSiteManifestName, text, error);
}

bool StagedSite::publish(std::string& error) {
  // Checked again: the folder may have been filled or replaced while the site was being built.
  Destination now;
  if (!check_destination(out_, kept_, now, error)) return false;
  if (now.path != destination_.path) {
    error = "--out now leads to " + now.path + " instead of " + destination_.path;
    return false;
  }
  if (!write(kSiteMarkerName, kSiteMarker, error) || !write_manifest(error)) return false;
  const std::string& destination = destination_.path;
  std::error_code ec;
  bool had_site = fs::exists(destination, ec);
  if (had_site) {
    // One system call swaps the two folders: readers see the old site or the new, never neither.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination.c_str(), RENAME_EXCHANGE) ==
        0) {
      // The staging folder now holds the old site; the destructor deletes it, so that the new
      // site can be announced before that (deleting thousands of folders takes seconds on a
      // disk mounted with `discard`).
      return true;
    }
    std::string old = destination + ".old-" + std::to_string(::getpid());
    fs::remove_all(old, ec);
    fs::rename(destination, old, ec);
    if (ec) {
      error = "cannot move the previous site aside: " + ec.message();
      return false;
    }
    fs::rename(staging_, destination, ec);
    if (ec) {
      std::error_code ignored;
      fs::rename(old, destination, ignored);
      error = "cannot move the new site into place: " + ec.message();
      return false;
    }
    fs::remove_all(old, ec);
  } else {
    auto parent = fs::path(destination).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    fs::rename(staging_, destination, ec);
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
