#pragma once
/// Counts of what the readers loaded, shared by every reader and the sources front door.

#include <cstddef>

namespace legisite {

/// What load_sources read, for the build's closing summary.
struct LoadSummary {
  /// Source files read (article, _index.md, commit log, dump and LEGI XML files).
  std::size_t files_read = 0;
  /// Article files not read: unchanged since a build that kept their reading (source_cache.h).
  std::size_t files_unchanged = 0;
  std::size_t versions_read = 0;  // article versions the corpus kept (rejected duplicates excluded)
};

}  // namespace legisite
