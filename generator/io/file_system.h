#pragma once
/// Front door of the io layer: every file the generator reads goes through a FileSystem, so that
/// readers and the build can be tested against an in-memory tree without temporary folders.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace legisite {

/// How many NUL bytes follow a file's bytes in FileBytes. RapidJSON's UTF-8 check reads the three
/// bytes after a four-byte sequence's first one without stopping at a NUL, so a text cut after
/// that first byte must still be followed by readable bytes.
inline constexpr std::size_t kNulPadding = 4;

/// A file's bytes in memory the reader may write to, followed by kNulPadding NULs: what a parser
/// that decodes in place (the Légifrance JSON reader) wants. Large files read from disk are mapped
/// privately, copy-on-write, rather than copied into a string: reading a whole-code dump sits on
/// the path every build waits on.
class FileBytes {
 public:
  FileBytes() = default;
  explicit FileBytes(std::string text) : text_(std::move(text)), size_(text_.size()) {
    text_.append(kNulPadding - 1, '\0');  // the string's own terminator is the last one
  }
  ~FileBytes();
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  /// Takes over a private mapping of a file of `size` bytes (the rest of its last page reads as
  /// zero, and holds at least kNulPadding bytes).
  static FileBytes adopt_mapping(char* mapping, std::size_t size);

  char* data() { return mapping_ ? mapping_ : text_.data(); }
  std::size_t size() const { return size_; }
  std::string_view view() const {
    return std::string_view(mapping_ ? mapping_ : text_.data(), size_);
  }
  /// Whether the bytes are a mapping of the file (for tests).
  bool mapped() const { return mapping_ != nullptr; }

 private:
  void release();

  std::string text_;
  char* mapping_ = nullptr;
  std::size_t size_ = 0;  // of the file's bytes, padding left out
};

/// How deep a listing goes below its root: deeper folders are left out (and said), so that no
/// content can make the walk or what follows it unbounded.
inline constexpr std::size_t kMaxFolderDepth = 200;

/// The rules every listing of content applies (the disk's, a git commit's tree), with the reason
/// it gives when it leaves something out. A folder `level` levels below the root (its entries
/// are at level 1) is read only up to kMaxFolderDepth.
bool folder_too_deep(std::size_t level);
std::string folder_too_deep_reason();
/// A symbolic link is followed only when its target lies inside the root.
std::string link_outside_reason();
std::string link_to_nothing_reason();
/// Pipes, sockets and devices are never content (a pipe would block the build).
std::string special_file_reason();
/// Whether a relative path is or lies below a hidden name (".git", ".DS_Store"): what a listing
/// leaves out of hidden folders is not said.
bool is_hidden_name(const std::string& relative);

/// Something a listing left out for a reason the user must hear about: a folder it could not
/// read, a symbolic link leading outside the root (or nowhere, or in a loop). `path` is relative
/// to the root ("" for the root itself); `reason` never quotes the contents of what was refused.
struct SkippedEntry {
  std::string path;
  std::string reason;
};

/// What tells one state of a file on disk from another without reading it: a file whose stamp
/// is unchanged still holds the bytes read when it had that stamp (an editor's save changes the
/// mtime, a save by renaming the inode). Caches of what reading a file gave are keyed by it.
/// As in git's index, the change time is part of it: a program can date a file back (`cp -p`,
/// `touch -r`), but each write sets the change time to the moment it happened. Whether a stamp
/// is too recent to trust goes by the mtime, as git's "racy" check does.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;

  bool operator==(const FileStamp&) const = default;
};

/// Now, on the clock of FileStamp's times (nanoseconds since the epoch).
std::int64_t stamp_clock_now();
/// The mtime of the file at `full`, a path on disk, as FileStamp::mtime_ns; false when it has none
/// or one those nanoseconds cannot count (past 2261).
bool file_mtime_ns(const std::string& full, std::int64_t& out);

/// Read-only view of a tree of files, paths relative to a root and separated by '/'.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole file. Returns false and fills `error` when it cannot.
  virtual bool read_file(const std::string& path, std::string& contents,
                         std::string& error) const = 0;
  /// Reads a whole file into memory the caller may write to, NUL-terminated.
  virtual bool read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const;
  /// Every regular file below `dir` ("" for the root), as paths relative to the root, sorted
  /// bytewise so that every build sees the same order.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  /// The same, with what the listing left out and why (a tree in memory leaves nothing out).
  virtual std::vector<std::string> list_checked(const std::string& dir,
                                                std::vector<SkippedEntry>& skipped) const {
    (void)skipped;
    return list_files(dir);
  }
  virtual bool is_directory(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  /// The stamp of a regular file; false when the tree has none to give (a tree in memory, a
  /// symbolic link, a file with a problem reading reported): its reading is then never cached.
  virtual bool stamp(const std::string& path, FileStamp& out) const {
    (void)path;
    (void)out;
    return false;
  }
};

/// The real disk, rooted at a folder (or at a single file, then "" names that file).
///
/// Nothing outside the root is read: a symbolic link (to a file or a folder, the same rule) is
/// followed only when its target, all links resolved, lies inside the root; one leading outside,
/// nowhere or back to a folder being listed is left out of the listing, and reading through it
/// fails, without opening the target. A folder that cannot be listed is left out too, and said.
class DiskFileSystem final : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  /// A tree that lists only `only_file` (relative to `root`): `--content one-file.json`.
  DiskFileSystem(std::string root, std::string only_file);
  bool read_file(const std::string& path, std::string& contents, std::string& error) const override;
  /// Maps a file of a megabyte or more (see FileBytes); reads a smaller one, or one whose size
  /// is a whole number of pages (a mapping would have no room for the NUL), into a string. The
  /// mapping is populated and copied at once, so a file rewritten during the build is read as it
  /// was; one truncated in the same instant could still end the build with SIGBUS, as with any
  /// reader that maps its input.
  bool read_bytes(const std::string& path, FileBytes& bytes, std::string& error) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_checked(const std::string& dir,
                                        std::vector<SkippedEntry>& skipped) const override;
  bool is_directory(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  /// Of a regular file only: a symbolic link has none, so that retargeting it is never missed;
  /// nor has a file dated past what FileStamp's times count (2261).
  bool stamp(const std::string& path, FileStamp& out) const override;
  /// The on-disk path of a relative path, for diagnostics.
  std::string full_path(const std::string& path) const;
  /// Whether the tree is one file (`--content one-file.md`) rather than a folder.
  bool is_single_file() const { return !only_file_.empty(); }

 private:
  /// Opens `path` (relative) for reading when the file it names, all symbolic links resolved,
  /// lies inside the root: its descriptor, else -1 with `error` filled.
  int open_inside(const std::string& path, std::string& error) const;

  std::string root_;
  std::string only_file_;
  std::string real_root_;  // the root, absolute, its symbolic links resolved ("" if none)
};

/// Whether `resolved` (absolute, symbolic links resolved) is `root` or lies below it.
bool path_within(std::string_view root, std::string_view resolved);

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
/// Writes `contents` as the whole file `full`, opened with O_WRONLY | O_CREAT | O_CLOEXEC and
/// `flags` (O_EXCL, O_TRUNC…), mode 0644; 0, or the errno of the step that failed.
int write_whole_file(const std::string& full, std::string_view contents, int flags);

std::string join_path(const std::string& a, const std::string& b);
/// The last component of a '/'-separated path.
std::string base_name(const std::string& path);
/// Everything before the last '/', or "" when there is none.
std::string dir_name(const std::string& path);
/// A '/'-separated path cut at each '/': "a//b/" gives "a", "", "b", "".
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace legisite
