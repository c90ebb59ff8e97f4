#pragma once
/// A git repository read through libgit2 (private to git_repository.cc): its commits, and each
/// commit's tree as a read-only FileSystem, so that the readers of a folder read a commit alike.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/file_system.h"

namespace legisite {

/// One commit, as the history reader needs it.
struct GitCommit {
  std::string sha;      // 40 hex digits
  std::string message;  // the whole message, trailing newlines removed
  /// The author date, as the day the author's time zone gave it ("Version consolidée au …" is
  /// Archéo Lex's author date; the committer date is when the repository was generated).
  int year = 0, month = 0, day = 0;
};

/// The tree of one commit: every blob below it, paths '/'-separated from the root.
class GitTree : public FileSystem {
 public:
  /// The blob id of a file (40 hex digits), "" when there is none: files with the same id have
  /// the same bytes, so what was read from one commit's file serves every commit that kept it.
  virtual std::string blob_id(const std::string& path) const = 0;
  /// Whether a symbolic link of the tree reads one of its files: that file's changes are then
  /// the link's too.
  virtual bool has_links() const = 0;
};

/// A file whose bytes a commit changed in place (same path, same mode), and its new blob id.
struct GitModifiedFile {
  std::string path;
  std::string blob;
};

class GitRepository {
 public:
  virtual ~GitRepository() = default;

  /// Whether `path` is a repository: a working tree's root (holding `.git`) or a bare repository
  /// (`HEAD`, `objects/` and `refs/` at its root).
  static bool is_repository(const std::string& path);
  /// Opens one; null with `error` filled when libgit2 cannot.
  static std::unique_ptr<GitRepository> open(const std::string& path, std::string& error);

  /// The commits `range` names, oldest first, along first parents: "" for HEAD's history, a
  /// branch, tag or commit ("main", "v2"), or "A..B" (B's history without A's). False with
  /// `error` filled when the range names nothing.
  virtual bool commits(const std::string& range, std::vector<GitCommit>& out,
                       std::string& error) const = 0;
  /// The tree of a commit `commits` returned; null with `error` filled when it cannot be read.
  virtual std::unique_ptr<GitTree> tree(const GitCommit& commit, std::string& error) const = 0;
  /// The files commit `to` changes against commit `from` (a sha), in path order, when it only
  /// changes regular files' bytes in place; nullopt when it adds, deletes or renames a file,
  /// changes a mode or a link, or either tree cannot be read.
  virtual std::optional<std::vector<GitModifiedFile>> modified_files(const std::string& from,
                                                                     const GitCommit& to) const = 0;
  /// The bytes of the blob whose id is `id`; false with `error` filled when it cannot be read.
  virtual bool read_blob(const std::string& id, std::string& contents,
                         std::string& error) const = 0;
  /// What a new commit to read changes: HEAD, the refs folder and packed-refs of the repository's
  /// git folder (those that exist), for `legisite serve` to watch.
  virtual std::vector<std::string> ref_files() const = 0;
  /// The `.md` files of the working tree that differ from HEAD (modified, new or deleted), for a
  /// repository with a working tree; empty for a bare one.
  virtual std::vector<std::string> uncommitted_markdown() const = 0;
};

}  // namespace legisite
