#pragma once
/// Counts of what the readers loaded, shared by every reader and the sources front door.

#include <cstddef>

namespace legisite {

/// What load_sources read, for the build's closing summary.
struct LoadSummary {
  std::size_t files_read =
      0;  // source files opened or found unchanged (article and _index.md files)
  std::size_t versions_read = 0;  // article versions the corpus kept (rejected duplicates excluded)
};

}  // namespace legisite
