#pragma once
/// Tells when files below some folders change, for `legisite serve`. Linux's inotify, not polling:
/// a history has some 12,000 folders and 22,000 files, which polling would stat several times a
/// second, and an edit must be seen within milliseconds. One watch per folder (inotify is not
/// recursive); folders created later are watched as they appear.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace legisite {

class FolderWatcher {
 public:
  /// Watches every folder below each of `roots`; a root that is a file is watched through its
  /// folder, for that name only (an editor may replace the file), as are other file roots of the
  /// same folder. Hidden folders and files (.git,
  /// swap files) are left out, as the build leaves them out; so is anything below `ignored` (the
  /// published site, should it sit inside the content folder). Null and `error` filled when
  /// inotify is not available or a root cannot be watched.
  static std::unique_ptr<FolderWatcher> create(const std::vector<std::string>& roots,
                                               const std::vector<std::string>& ignored,
                                               std::string& error);
  ~FolderWatcher();
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  /// Readable (poll) when events are pending.
  int fd() const { return fd_; }
  /// Reads the pending events without waiting; returns the paths that changed (files written,
  /// created, deleted or moved; folders created, deleted or moved), in the order seen, each once.
  /// A lost-events overflow is reported as the first root.
  std::vector<std::string> read_changes();
  /// Folders that could not be watched (the system's limit on watches reached), if any.
  const std::string& warning() const { return warning_; }

 private:
  FolderWatcher(int fd, std::vector<std::string> ignored);
  void watch_tree(const std::string& folder);
  bool counts(const std::string& path) const;

  int fd_ = -1;
  std::vector<std::string> ignored_;
  std::map<int, std::string> folders_;                       // watch descriptor -> folder
  std::map<std::string, std::set<std::string>> only_files_;  // folder of file roots -> names
  std::string first_root_;
  std::string warning_;
};

}  // namespace legisite
