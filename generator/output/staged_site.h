#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "io/output_sink.h"
#include "output/destination.h"

namespace legisite {

/// A site being written into `<destination>.staging-<pid>`, swapped in by publish(). Destroying it
/// unpublished removes the staging folder and leaves the destination as it was. The destination is
/// `--out` with its symlinks resolved, and only one check_destination() accepts.
///
/// The build holds an exclusive flock on its staging folder while it lives: a staging folder whose
/// lock is free and whose pid is not running belongs to a dead build (remove_leftovers()).
class StagedSite final : public OutputSink {
 public:
  /// Checks `destination` (see check_destination, with `kept`) and creates the locked staging
  /// folder. Null (and `error` filled) when it may not or cannot.
  /// With `reuse` (the default; --clean turns it off), a file whose bytes equal the published
  /// site's file of the same path is hard-linked from it instead of written: it keeps its inode
  /// and mtime, so that rsync and CDNs upload only what changed.
  static std::unique_ptr<StagedSite> create(const std::string& destination, std::string& error,
                                            const std::vector<KeptFolder>& kept = {},
                                            bool reuse = true);
  ~StagedSite() override;

  /// After a failure that every later write would repeat (disk full, file too large, read-only
  /// or failing disk), writing stops: later writes fail at once with an empty `error`.
  bool write(const std::string& path, const std::string& contents, std::string& error) override;
  bool stopped() const override { return stopped_.load(); }
  /// A hard link from the published site's file, counted unchanged; false without reuse (--clean)
  /// or when the published site has no such regular file or the link fails.
  bool keep(const std::string& path, std::size_t& size, std::string& error) override;

  /// Adds the site marker and the manifest (the list of the site's files), checks the
  /// destination again (it may have changed during the build) and
  /// replaces it by the staged site: an atomic exchange where the system offers one, else two
  /// renames. The old site is deleted when this object is (or by discard()), so that the caller
  /// may announce the new site first.
  bool publish(std::string& error);
  /// Deletes the staging folder.
  void discard();

  /// Deletes the staging folders (and old sites moved aside) that dead builds of the same
  /// destination left beside it; returns how many. Safe while other builds run.
  std::size_t remove_leftovers() const;

  const std::string& destination_path() const { return destination_.path; }
  /// Whether the destination holds a published site with pages (an index.html) to lose.
  bool replaces_pages() const { return destination_.has_index; }
  const std::string& staging_path() const { return staging_; }
  std::size_t bytes_written() const { return bytes_; }

  /// What publishing changed, file by file, against the published site (when it had a manifest).
  struct Changes {
    std::size_t written = 0;    // new files, or files whose bytes changed
    std::size_t unchanged = 0;  // linked from the published site
    std::size_t deleted = 0;    // in the published site's manifest, not in the new site
  };
  /// Known after publish().
  const Changes& changes() const { return changes_; }

 private:
  StagedSite(std::string out, std::vector<KeptFolder> kept, Destination destination,
             std::string staging, int lock, bool reuse);
  bool ensure_directory(const std::string& dir, std::string& error);
  /// Fills `error` for a failed write; stops writing when `cause` would fail every later one.
  bool fail(int cause, std::string what, std::string& error);
  bool link_if_unchanged(const std::string& path, const std::string& full,
                         const std::string& contents);
  bool write_manifest(std::string& error);

  std::string out_;  // as given, to check again before publishing
  std::vector<KeptFolder> kept_;
  Destination destination_;
  std::string staging_;
  int lock_ = -1;  // the staging folder, opened and flocked
  bool done_ = false;
  std::mutex mutex_;
  std::set<std::string> made_dirs_;
  std::size_t bytes_ = 0;
  std::atomic<bool> stopped_{false};
  bool reuse_ = true;
  std::vector<std::string> paths_;  // every file written or linked, for the manifest
  Changes changes_;
};

}  // namespace legisite
