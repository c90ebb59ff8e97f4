#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "digest/digest.h"

namespace legisite {

/// What a site's manifest says of one of its files.
struct ManifestEntry {
  Digest digest;
  std::uint64_t size = 0;
};

/// A published site's `.legisite-manifest`, read back: each file's SHA-256 and size, so that the
/// next build knows what a tree holds without reading it. A file is trusted to hold the bytes its
/// entry names only while its size matches and it was not modified after the manifest was
/// written (one stat): a file edited by hand in the site is detected and read again.
class Manifest {
 public:
  /// Reads `<site>/.legisite-manifest`. A missing, unreadable or truncated manifest trusts
  /// nothing; the first format (paths only) gives its paths and trusts nothing. A manifest that
  /// lists a path no site holds (absolute, with an empty, "." or ".." part) gives nothing at all:
  /// its paths are deleted from, so they must stay inside the site.
  static Manifest read(const std::string& site);
  /// The manifest of `files` (path, entry), sorted by path: what publishing writes.
  static std::string format(const std::vector<std::pair<std::string, ManifestEntry>>& files);

  /// The entry of `path` when the manifest can be trusted at all; null otherwise.
  const ManifestEntry* find(const std::string& path) const;
  /// Whether the file whose stat is `file` still holds the bytes `entry` names.
  bool trusts(const ManifestEntry& entry, const struct stat& file) const;
  /// Whether the file or folder whose stat is `st` was last changed before the manifest was
  /// written (a folder: no entry added or removed since).
  bool predates(const struct stat& st) const;
  /// Whether the manifest was read whole, in the second format: its entries can be trusted.
  bool whole() const { return whole_; }
  /// Every path listed, in either format (the files the site had).
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::unordered_map<std::string, ManifestEntry> entries_;
  std::vector<std::string> paths_;
  struct timespec written_ {};  // the manifest's mtime
  bool whole_ = false;
};

}  // namespace legisite
