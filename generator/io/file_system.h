#pragma once
/// Front door of the io layer: every file the generator reads goes through a FileSystem, so that
/// readers and the build can be tested against an in-memory tree without temporary folders.

#include <map>
#include <string>
#include <vector>

namespace legisite {

/// Read-only view of a tree of files, paths relative to a root and separated by '/'.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole file. Returns false and fills `error` when it cannot.
  virtual bool read_file(const std::string& path, std::string& contents, std::string& error) const = 0;
  /// Every regular file below `dir` ("" for the root), as paths relative to the root, sorted
  /// bytewise so that every build sees the same order.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
};

/// The real disk, rooted at a folder (or at a single file, then "" names that file).
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  /// A tree that lists only `only_file` (relative to `root`): `--content one-file.json`.
  DiskFileSystem(std::string root, std::string only_file);
  bool read_file(const std::string& path, std::string& contents, std::string& error) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  /// The on-disk path of a relative path, for diagnostics.
  std::string full_path(const std::string& path) const;

 private:
  std::string root_;
  std::string only_file_;
};

/// A tree held in memory, for tests.
class MemoryFileSystem final : public FileSystem {
 public:
  void add_file(const std::string& path, std::string contents);
  bool read_file(const std::string& path, std::string& contents, std::string& error) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;
  bool is_file(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two relative paths with '/', ignoring empty parts.
std::string join_path(const std::string& a, const std::string& b);
/// The last component of a '/'-separated path.
std::string base_name(const std::string& path);
/// Everything before the last '/', or "" when there is none.
std::string dir_name(const std::string& path);

}  // namespace legisite
