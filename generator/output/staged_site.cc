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
#include <iterator>
#include <system_error>

#include "io/file_system.h"

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

// Opens and locks the previous tree `previous` for a build to update in place; -1 when there is
// none, it is not a folder a build may replace (the rules of --out: never a kept folder or one
// containing it, only a tree with the site marker), or another build holds it.
int claim(const std::string& previous, const std::vector<KeptFolder>& kept) {
  struct stat named;
  if (::lstat(previous.c_str(), &named) != 0 || !S_ISDIR(named.st_mode)) return -1;
  Destination tree;
  std::string refused;
  if (!check_destination(previous, kept, tree, refused) || !tree.published) return -1;
  int fd = ::open(previous.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat locked;
  // Still the folder of that name once locked: a build publishing meanwhile swaps it.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0 || ::fstat(fd, &locked) != 0 ||
      ::lstat(previous.c_str(), &named) != 0 || named.st_dev != locked.st_dev ||
      named.st_ino != locked.st_ino) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

StagedSite::StagedSite(std::string out, std::vector<KeptFolder> kept, Destination destination,
                       std::string staging, int lock, bool claimed, bool reuse)
    : out_(std::move(out)),
      kept_(std::move(kept)),
      destination_(std::move(destination)),
      staging_(std::move(staging)),
      lock_(lock),
      claimed_(claimed),
      reuse_(reuse) {}

std::unique_ptr<StagedSite> StagedSite::create(const std::string& destination, std::string& error,
                                               const std::vector<KeptFolder>& kept, bool reuse) {
  Destination dest;
  if (!check_destination(destination, kept, dest, error)) return nullptr;
  const std::string previous = dest.path + kPreviousSuffix;
  if (int lock = reuse && dest.published ? claim(previous, kept) : -1; lock >= 0) {
    Manifest manifest = Manifest::read(previous);
    // Deleted before the tree changes: a build killed while updating it leaves a tree whose
    // files the next build does not trust.
    std::string manifest_path = previous + "/" + kSiteManifestName;
    if (::unlink(manifest_path.c_str()) == 0 || errno == ENOENT) {
      std::unique_ptr<StagedSite> site(
          new StagedSite(destination, kept, dest, previous, lock, true, true));
      site->previous_ = std::move(manifest);
      site->published_ = Manifest::read(dest.path);
      return site;
    }
    ::close(lock);
  }
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
  reuse = reuse && dest.exists;
  std::unique_ptr<StagedSite> site(
      new StagedSite(destination, kept, dest, staging, lock, false, reuse));
  if (reuse) site->published_ = Manifest::read(dest.path);
  return site;
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

bool StagedSite::ensure_directory(std::string_view dir, std::string& error) {
  if (dir.empty()) return true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (made_dirs_.find(dir) != made_dirs_.end()) return true;
  }
  // The parent first, from the cache when it is known: one mkdir per folder of the site, where
  // create_directories would check every level of every page's path again.
  auto slash = dir.rfind('/');
  if (slash != std::string::npos && !ensure_directory(dir.substr(0, slash), error)) return false;
  std::string full = staging_ + "/";
  full += dir;
  struct stat st;
  if (claimed_ && ::lstat(full.c_str(), &st) == 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (S_ISDIR(st.st_mode)) {
      // Seen before this build changes it: a folder changed since the manifest was written may
      // hold files the manifest does not list, and is listed when publishing.
      if (!previous_.predates(st)) changed_dirs_.emplace(dir);
      made_dirs_.emplace(dir);
      return true;
    }
    // A file (or a symlink, never followed) of the previous tree where the new site has a
    // folder; a file of the new site stays (and writing into it fails).
    if (!placed_.count(std::string(dir)) && ::unlink(full.c_str()) != 0 && errno != ENOENT)
      return fail(errno, "cannot replace " + std::string(dir), error);
  }
  // EEXIST: the other render thread made it first (or a file has the name: writing into it then
  // fails with its own message).
  if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST)
    return fail(errno, "cannot create folder " + std::string(dir), error);
  std::lock_guard<std::mutex> lock(mutex_);
  made_dirs_.emplace(dir);
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

bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

}  // namespace

bool StagedSite::published_holds(const std::string& path, const std::string& contents,
                                 const Digest& digest, struct stat& published) const {
  std::string full = destination_.path + "/" + path;
  if (::lstat(full.c_str(), &published) != 0 || !S_ISREG(published.st_mode)) return false;
  const ManifestEntry* entry = published_.find(path);
  if (entry && published_.trusts(*entry, published)) return entry->digest == digest;
  // Published by an older legisite, or edited since: its bytes are read.
  return same_bytes(full, contents);
}

bool StagedSite::clear(const std::string& path, const std::string& full, const struct stat& here,
                       std::string& error) {
  if (!S_ISDIR(here.st_mode)) {
    if (::unlink(full.c_str()) == 0 || errno == ENOENT) return true;
    return fail(errno, "cannot replace " + path, error);
  }
  // A folder of the previous tree where the new site has a file. A folder this build made holds
  // files of the new site: it stays, and the write fails.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!claimed_ || made_dirs_.count(path)) return fail(EISDIR, "cannot replace " + path, error);
  }
  std::error_code ec;
  fs::remove_all(full, ec);
  return ec ? fail(ec.value(), "cannot replace " + path, error) : true;
}

void StagedSite::record(const std::string& path, const Digest& digest, std::size_t size,
                        bool unchanged, std::size_t written_bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  placed_[path] = ManifestEntry{digest, size};
  ++(unchanged ? changes_.unchanged : changes_.written);
  bytes_ += written_bytes;
}

bool StagedSite::write(const std::string& path, const std::string& contents, std::string& error) {
  return place(path, contents, nullptr, error);
}

bool StagedSite::write_dated(const std::string& path, const std::string& contents,
                             std::int64_t mtime_ns, std::string& error) {
  return place(path, contents, &mtime_ns, error);
}

bool StagedSite::place(const std::string& path, const std::string& contents,
                       const std::int64_t* mtime_ns, std::string& error) {
  if (stopped_) {
    error.clear();
    return false;
  }
  if (!safe_relative(path)) {
    error = "refusing to write outside the site: '" + path + "'";
    return false;
  }
  if (path.find('\n') != std::string::npos) {  // the manifest has one path per line
    error = "refusing a file name with a line break: '" + path + "'";
    return false;
  }
  auto slash = path.rfind('/');
  if (slash != std::string::npos &&
      !ensure_directory(std::string_view(path).substr(0, slash), error))
    return false;
  std::string full = staging_ + "/" + path;
  const Digest digest = digest_of(contents);
  struct stat here, there;
  bool have = ::lstat(full.c_str(), &here) == 0;
  if (reuse_ && published_holds(path, contents, digest, there)) {
    if (have && same_file(here, there)) {  // the previous tree links it already
      record(path, digest, contents.size(), true, 0);
      return true;
    }
    // A file written twice, or the previous tree's, may be a link to the published site's: it
    // is replaced, never written through (that would change the published site).
    if (have && !clear(path, full, here, error)) return false;
    have = false;
    std::string published = destination_.path + "/" + path;
    // A link fails across file systems or where links are not allowed: the file is written then.
    if (::link(published.c_str(), full.c_str()) == 0) {
      record(path, digest, contents.size(), true, 0);
      return true;
    }
  }
  if (have) {
    const ManifestEntry* kept = previous_.find(path);
    if (kept && kept->digest == digest && previous_.trusts(*kept, here)) {
      record(path, digest, contents.size(), false, 0);
      return true;
    }
    if (!clear(path, full, here, error)) return false;
  }
  if (!create_file(path, full, contents, error)) return false;
  if (mtime_ns) {
    const struct timespec times[2] = {{0, UTIME_OMIT},
                                      {static_cast<time_t>(*mtime_ns / 1'000'000'000),
                                       static_cast<long>(*mtime_ns % 1'000'000'000)}};
    if (::utimensat(AT_FDCWD, full.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
      return fail(errno, "cannot date " + path, error);
  }
  record(path, digest, contents.size(), false, contents.size());
  return true;
}

bool StagedSite::create_file(const std::string& path, const std::string& full,
                             const std::string& contents, std::string& error) {
  const int failure = write_whole_file(full, contents, O_EXCL);
  return failure == 0 || fail(failure, "cannot write " + path, error);
}

bool StagedSite::tidy_folder(const std::string& folder, std::vector<std::string>* subfolders,
                             std::string& error) {
  std::error_code ec;
  for (fs::directory_iterator it(staging_ + "/" + folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string path = (folder.empty() ? "" : folder + "/") + it->path().filename().string();
    // The type the folder listing gives: a symlink is deleted, never followed.
    if (it->symlink_status(ec).type() == fs::file_type::directory) {
      if (!made_dirs_.count(path))
        fs::remove_all(it->path(), ec);
      else if (subfolders)
        subfolders->push_back(path);
    } else if (!placed_.count(path)) {
      fs::remove(it->path(), ec);
    }
    if (ec) break;
  }
  if (ec)
    error = "cannot delete from " + staging_ + "/" + folder +
            " what the new site lacks: " + ec.message();
  return !ec;
}

bool StagedSite::sweep(std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!previous_.whole()) {  // what the tree holds is unknown: every folder is listed
    std::vector<std::string> folders = {""};
    while (!folders.empty()) {
      std::string folder = std::move(folders.back());
      folders.pop_back();
      if (!tidy_folder(folder, &folders, error)) return false;
    }
    return true;
  }
  // The files its manifest lists that the new site lacks, or the topmost folder of each that the
  // new site lacks; then the folders that changed since the manifest was written, and the top.
  std::set<std::string> gone_folders;
  for (const std::string& path : previous_.paths()) {
    if (placed_.count(path) || made_dirs_.count(path)) continue;
    std::size_t slash = path.find('/');
    while (slash != std::string::npos && made_dirs_.count(std::string_view(path).substr(0, slash)))
      slash = path.find('/', slash + 1);
    if (slash != std::string::npos) {
      gone_folders.insert(path.substr(0, slash));
    } else if (::unlink((staging_ + "/" + path).c_str()) != 0 && errno != ENOENT) {
      error = "cannot delete " + staging_ + "/" + path + ": " + std::strerror(errno);
      return false;
    }
  }
  for (const std::string& folder : gone_folders) {
    std::error_code ec;
    fs::remove_all(staging_ + "/" + folder, ec);
    if (ec) {
      error = "cannot delete " + staging_ + "/" + folder + ": " + ec.message();
      return false;
    }
  }
  if (!tidy_folder("", nullptr, error)) return false;
  for (const std::string& folder : changed_dirs_)
    if (!tidy_folder(folder, nullptr, error)) return false;
  return true;
}

bool StagedSite::keep(const std::string& path, std::size_t& size, std::string& error) {
  if (!reuse_ || stopped_ || !safe_relative(path) || path.find('\n') != std::string::npos)
    return false;
  const std::string published = destination_.path + "/" + path;
  struct stat there;
  if (::lstat(published.c_str(), &there) != 0 || !S_ISREG(there.st_mode)) return false;
  // What the manifest of the new site says of it: the published manifest's entry when it can be
  // trusted, else what the file holds.
  ManifestEntry entry;
  if (const ManifestEntry* listed = published_.find(path);
      listed && published_.trusts(*listed, there)) {
    entry = *listed;
  } else {
    std::ifstream in(published, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return false;
    entry = ManifestEntry{digest_of(bytes), bytes.size()};
  }
  auto slash = path.rfind('/');
  if (slash != std::string::npos &&
      !ensure_directory(std::string_view(path).substr(0, slash), error))
    return false;
  const std::string full = staging_ + "/" + path;
  struct stat here;
  if (::lstat(full.c_str(), &here) == 0) {
    {
      // A file written before by this build: the caller writes it again.
      std::lock_guard<std::mutex> lock(mutex_);
      if (placed_.count(path)) return false;
    }
    if (!same_file(here, there) && !clear(path, full, here, error)) return false;
    if (!same_file(here, there) && ::link(published.c_str(), full.c_str()) != 0) return false;
  } else if (::link(published.c_str(), full.c_str()) != 0) {
    return false;
  }
  size = entry.size;
  record(path, entry.digest, entry.size, true, 0);
  return true;
}

bool StagedSite::write_manifest(std::string& error) {
  std::vector<std::pair<std::string, ManifestEntry>> files;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& file : placed_)
      if (file.first != kSiteMarkerName && file.first != kSiteManifestName) files.push_back(file);
    // The files of the published site its manifest lists and this site lacks are deleted by the
    // swap. A site without a manifest counts none.
    for (const std::string& path : published_.paths())
      if (!placed_.count(path)) ++changes_.deleted;
  }
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // Always a new file, never a link to the published one: its mtime tells which files and
  // folders of this tree are older than it, hence as it lists them. It is not counted.
  std::string full = staging_ + "/" + kSiteManifestName;
  if (::unlink(full.c_str()) != 0 && errno != ENOENT)
    return fail(errno, std::string("cannot replace ") + kSiteManifestName, error);
  return create_file(kSiteManifestName, full, Manifest::format(files), error);
}

bool StagedSite::publish(std::string& error) {
  // Checked again: the folder may have been filled or replaced while the site was being built.
  Destination now;
  if (!check_destination(out_, kept_, now, error)) return false;
  if (now.path != destination_.path) {
    error = "--out now leads to " + now.path + " instead of " + destination_.path;
    return false;
  }
  if (!write(kSiteMarkerName, kSiteMarker, error)) return false;
  if (claimed_ && !sweep(error)) return false;
  // Last: a tree with a manifest is a complete site.
  if (!write_manifest(error)) return false;
  const std::string& destination = destination_.path;
  std::error_code ec;
  if (!fs::exists(destination, ec)) {
    auto parent = fs::path(destination).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    fs::rename(staging_, destination, ec);
    if (ec) {
      error = "cannot move the new site into place: " + ec.message();
      return false;
    }
    done_ = true;
    return true;
  }
  // One system call swaps the two folders: readers see the old site or the new, never neither.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, destination.c_str(), RENAME_EXCHANGE) ==
      0) {
    after_exchange(now.published);
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
  // The staging name is free now: the replaced site goes there, as after an exchange.
  fs::rename(old, staging_, ec);
  if (ec) fs::remove_all(old, ec);
  after_exchange(now.published);
  return true;
}

void StagedSite::after_exchange(bool replaced_a_site) {
  // `staging_` holds what the destination held. A claimed tree is the previous tree already; an
  // empty folder is no previous tree (it would never be claimed, and stop sites taking its place).
  done_ = claimed_;
  if (!replaced_a_site) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
    return;
  }
  if (claimed_) return;
  const std::string previous = destination_.path + kPreviousSuffix;
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, previous.c_str(), RENAME_NOREPLACE) == 0)
    return;
  // A previous tree no build holds is replaced; the staging folder then holds it, and it is
  // deleted with that folder. One another build is updating, or that is not a site, stays.
  int lock = claim(previous, kept_);
  if (lock < 0) return;
  ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, previous.c_str(), RENAME_EXCHANGE);
  ::close(lock);
}

void StagedSite::discard() {
  // A claimed tree stays for the next build, without its manifest.
  std::error_code ec;
  if (!claimed_) fs::remove_all(staging_, ec);
  done_ = true;
}

}  // namespace legisite
