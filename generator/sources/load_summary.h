#pragma once
/// Counts of what the readers loaded, shared by every reader and the sources front door.

#include <cstddef>

namespace legisite {

/// What load_sources read, for the build's closing summary.
struct LoadSummary {
  /// Source files read (article, _index.md, commit log, dump and LEGI XML files).
  std::size_t files_read = 0;
  /// Source files not read: unchanged since a build that kept their reading (source_cache.h).
  std::size_t files_unchanged = 0;
  std::size_t versions_read = 0;  // article versions the corpus kept (rejected duplicates excluded)

  /// Adds what another reader (or another chunk of files) loaded.
  LoadSummary& operator+=(const LoadSummary& other) {
    files_read += other.files_read;
    files_unchanged += other.files_unchanged;
    versions_read += other.versions_read;
    return *this;
  }
};

}  // namespace legisite
