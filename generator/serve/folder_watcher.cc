#include "serve/folder_watcher.h"

#include <fcntl.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace legisite {

namespace fs = std::filesystem;

namespace {

// Files count when written and closed, or moved in or out; folders also when created (they get
// a watch) or deleted. A file's creation alone is not a change: its contents follow.
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;

bool hidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return p.lexically_normal().string();
}

}  // namespace

FolderWatcher::FolderWatcher(int fd, std::vector<std::string> ignored)
    : fd_(fd), ignored_(std::move(ignored)) {}

FolderWatcher::~FolderWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

std::unique_ptr<FolderWatcher> FolderWatcher::create(const std::vector<std::string>& roots,
                                                     const std::vector<std::string>& ignored,
                                                     std::string& error) {
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot watch files (inotify): ") + std::strerror(errno);
    return nullptr;
  }
  std::vector<std::string> absolute_ignored;
  for (const auto& i : ignored) absolute_ignored.push_back(absolute_path(i));
  std::unique_ptr<FolderWatcher> watcher(new FolderWatcher(fd, std::move(absolute_ignored)));
  for (const auto& root : roots) {
    std::string path = absolute_path(root);
    std::error_code ec;
    if (watcher->first_root_.empty()) watcher->first_root_ = path;
    if (fs::is_regular_file(path, ec)) {
      fs::path file(path);
      std::string folder = file.parent_path().string();
      watcher->only_files_[folder].insert(file.filename().string());
      int wd = ::inotify_add_watch(fd, folder.c_str(), kMask);
      if (wd >= 0) watcher->folders_[wd] = folder;
    } else if (fs::is_directory(path, ec)) {
      watcher->watch_tree(path);
    } else {
      error = "cannot watch " + root + ": not a file or folder";
      return nullptr;
    }
    if (watcher->folders_.empty()) {
      error = "cannot watch " + root + ": " + std::strerror(errno);
      return nullptr;
    }
  }
  return watcher;
}

bool FolderWatcher::counts(const std::string& path) const {
  for (const auto& i : ignored_) {
    // The published folder, and its staging and old copies beside it ("site.staging-123").
    if (path.rfind(i, 0) == 0 &&
        (path.size() == i.size() || path[i.size()] == '/' || path[i.size()] == '.'))
      return false;
  }
  return true;
}

void FolderWatcher::watch_tree(const std::string& folder) {
  if (!counts(folder)) return;
  auto add = [this](const std::string& dir) {
    int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask | IN_ONLYDIR);
    if (wd >= 0) {
      folders_[wd] = dir;
    } else if (errno == ENOSPC && warning_.empty()) {
      warning_ =
          "some folders are not watched: the system's limit on inotify watches is "
          "reached (raise fs.inotify.max_user_watches)";
    }
  };
  add(folder);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    std::string path = it->path().string();
    if (hidden(it->path().filename().string()) || !counts(path)) {
      it.disable_recursion_pending();
      continue;
    }
    add(path);
  }
}

std::vector<std::string> FolderWatcher::read_changes() {
  std::vector<std::string> changed;
  auto note = [&changed](const std::string& path) {
    if (std::find(changed.begin(), changed.end(), path) == changed.end()) changed.push_back(path);
  };
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more pending
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        note(first_root_);
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder is gone
        folders_.erase(folder);
        continue;
      }
      std::string name = event->len > 0 ? std::string(event->name) : std::string();
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        if (!only_files_.count(folder->second)) note(folder->second);
        continue;
      }
      auto only = only_files_.find(folder->second);
      if (only != only_files_.end() && !only->second.count(name)) continue;
      if (hidden(name)) continue;
      std::string path = folder->second + "/" + name;
      if (!counts(path)) continue;
      const bool is_folder = event->mask & IN_ISDIR;
      if ((event->mask & IN_CREATE) && !is_folder) continue;
      if (is_folder && (event->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
      note(path);
    }
  }
  return changed;
}

}  // namespace legisite
