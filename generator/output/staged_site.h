#pragma once

#include <sys/stat.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/output_sink.h"
#include "output/destination.h"
#include "output/manifest.h"

namespace legisite {

/// A site being made beside its destination and swapped in by publish(). The destination is
/// `--out` with its symlinks resolved, and only one check_destination() accepts.
///
/// The site is made in the tree the previous build replaced, `<destination>.legisite-previous`,
/// updated in place (claimed): files whose bytes it already has stay, files equal to the
/// published site's are hard links to them, the others are written, and what the new site lacks
/// is deleted. Without such a tree (or when another build holds it, or with --clean) the site is
/// made in a new folder `<destination>.staging-<pid>`. Either way the exchange with the
/// destination is atomic, and the replaced site becomes the next build's previous tree.
///
/// The build holds an exclusive flock on the folder it makes the site in while it lives: a
/// staging folder whose lock is free and whose pid is not running belongs to a dead build
/// (remove_leftovers()); a previous tree whose lock is free may be claimed.
class StagedSite final : public OutputSink {
 public:
  /// Checks `destination` (see check_destination, with `kept`) and claims the previous tree or
  /// creates the locked staging folder. Null (and `error` filled) when it may not or cannot.
  /// With `reuse` (the default; --clean turns it off), a file whose bytes equal the published
  /// site's file of the same path is a hard link to it instead of a new file: it keeps its inode
  /// and mtime, so that rsync and CDNs upload only what changed. Without it every file is
  /// written anew in a new folder, and the previous tree is replaced by the site this one replaces.
  static std::unique_ptr<StagedSite> create(const std::string& destination, std::string& error,
                                            const std::vector<KeptFolder>& kept = {},
                                            bool reuse = true);
  ~StagedSite() override;

  /// Never writes through a link: the file in place is unlinked first. After a failure that every
  /// later write would repeat (disk full, file too large, read-only or failing disk), writing
  /// stops: later writes fail at once with an empty `error`.
  bool write(const std::string& path, const std::string& contents, std::string& error) override;
  /// A file it writes anew is dated `mtime_ns`; one it keeps (linked, or left in the previous
  /// tree) keeps its older date.
  bool write_dated(const std::string& path, const std::string& contents, std::int64_t mtime_ns,
                   std::string& error) override;
  bool stopped() const override { return stopped_.load(); }
  /// The published site's file, counted unchanged: left as it is when the previous tree links it
  /// already, else a hard link to it; false without reuse (--clean), when the published site has
  /// no such regular file, the file was written before by this build or the link fails.
  bool keep(const std::string& path, std::size_t& size, std::string& error) override;

  /// Adds the site marker, deletes what the new site lacks from a claimed tree, writes the
  /// manifest, checks the destination again (it may have changed during the build) and
  /// replaces it by the new site: an atomic exchange where the system offers one, else two
  /// renames. The replaced site becomes the previous tree (or, when there is one the build may
  /// not replace, is deleted when this object is, or by discard(), so that the caller may
  /// announce the new site first).
  bool publish(std::string& error);
  /// Deletes the staging folder. A claimed previous tree is left, without its manifest: the next
  /// build trusts none of its files but keeps its folders.
  void discard();

  /// Deletes the staging folders (and old sites moved aside) that dead builds of the same
  /// destination left beside it; returns how many. Never the previous tree. Safe while other
  /// builds run.
  std::size_t remove_leftovers() const;

  const std::string& destination_path() const { return destination_.path; }
  /// Whether the destination holds a published site with pages (an index.html) to lose.
  bool replaces_pages() const { return destination_.has_index; }
  /// Where the site is being made: the claimed previous tree or the new staging folder.
  const std::string& staging_path() const { return staging_; }
  /// Whether the site is being made in the previous tree, updated in place.
  bool claimed_previous() const { return claimed_; }
  std::size_t bytes_written() const { return bytes_; }

  /// What publishing changed, file by file, against the published site (when it had a manifest),
  /// the manifest itself left out.
  struct Changes {
    std::size_t written = 0;    // new files, or files whose bytes changed
    std::size_t unchanged = 0;  // the published site's files, linked
    std::size_t deleted = 0;    // in the published site's manifest, not in the new site
  };
  /// Known after publish().
  const Changes& changes() const { return changes_; }

 private:
  StagedSite(std::string out, std::vector<KeptFolder> kept, Destination destination,
             std::string staging, int lock, bool claimed, bool reuse);
  bool ensure_directory(std::string_view dir, std::string& error);
  /// write() and write_dated(): a new file is dated `*mtime_ns` when it is not null.
  bool place(const std::string& path, const std::string& contents, const std::int64_t* mtime_ns,
             std::string& error);
  /// Fills `error` for a failed write; stops writing when `cause` would fail every later one.
  bool fail(int cause, std::string what, std::string& error);
  /// Whether the published file of `path` holds `contents` (digest `digest`), from its manifest
  /// when it can be trusted, else by reading it; `published` gets its stat.
  bool published_holds(const std::string& path, const std::string& contents, const Digest& digest,
                       struct stat& published) const;
  /// Removes what a claimed tree has at `full` (`here` its lstat) so that a file can go there.
  bool clear(const std::string& path, const std::string& full, const struct stat& here,
             std::string& error);
  void record(const std::string& path, const Digest& digest, std::size_t size, bool unchanged,
              std::size_t written_bytes);
  /// Deletes from a claimed tree every file and folder the new site does not have: those its
  /// manifest lists, and those found in the folders changed since it was written (every folder
  /// when the manifest is missing).
  bool sweep(std::string& error);
  /// Deletes what the new site lacks from one folder of a claimed tree; its subfolders of the new
  /// site go to `subfolders` when given.
  bool tidy_folder(const std::string& folder, std::vector<std::string>* subfolders,
                   std::string& error);
  /// Writes `contents` into a new file `full` (`path` in the site, for errors).
  bool create_file(const std::string& path, const std::string& full, const std::string& contents,
                   std::string& error);
  bool write_manifest(std::string& error);
  /// Makes what `staging_` holds after the exchange the previous tree, when it was a site and
  /// may be; else it is deleted (an empty folder at once, a site with the staging folder).
  void after_exchange(bool replaced_a_site);

  std::string out_;  // as given, to check again before publishing
  std::vector<KeptFolder> kept_;
  Destination destination_;
  std::string staging_;
  int lock_ = -1;  // the staging folder or claimed tree, opened and flocked
  bool claimed_ = false;
  bool done_ = false;
  std::mutex mutex_;
  /// Paths hashed as views, so that a page's folder is looked up without a copy.
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
      return std::hash<std::string_view>{}(path);
    }
  };
  std::unordered_set<std::string, PathHash, std::equal_to<>> made_dirs_;
  std::set<std::string> changed_dirs_;  // folders of a claimed tree changed since its manifest
  std::size_t bytes_ = 0;
  std::atomic<bool> stopped_{false};
  bool reuse_ = true;
  Manifest published_;  // the destination's
  Manifest previous_;   // the claimed tree's, read before it was deleted
  std::unordered_map<std::string, ManifestEntry> placed_;  // every file of the new site
  Changes changes_;
};

}  // namespace legisite
