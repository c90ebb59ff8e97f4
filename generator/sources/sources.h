#pragma once
/// Front door of the sources stage (readers): turns the files below a content root into the model.
/// Every reader has a from-string entry point (see the reader headers); this one walks the tree.

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "model/model.h"
#include "sources/load_summary.h"

namespace legisite {

/// Reads every source file below the root of `files` into `corpus`, reporting problems with file
/// and line. A file that cannot be understood is skipped; the others still load. The Markdown
/// content layout (which folder is a code, which a section, which files are versions of one
/// article) is documented in README.md, "Content layout". Whole-code dumps and histories are read
/// on `jobs` threads (`-j`); the corpus and the diagnostics do not depend on it.
LoadSummary load_sources(const FileSystem& files, Corpus& corpus, Diagnostics& diagnostics,
                         std::size_t jobs = 1);

}  // namespace legisite
