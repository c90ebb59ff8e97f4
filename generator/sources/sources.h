#pragma once
/// Front door of the sources stage (readers): turns the files below a content root into the model.
/// Every reader has a from-string entry point (see the reader headers); this one walks the tree.

#include <string>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "model/model.h"
#include "sources/load_summary.h"

namespace legisite {

class SourceCache;

/// How the content root is read, besides its files.
struct SourceOptions {
  /// A content root that is a git repository (a working tree's root or a bare `repo.git`) is read
  /// from its commits (sources/git_history.h) unless this is false (`--no-git`): then its working
  /// tree is read as any folder.
  bool read_git = true;
  /// `--commits`: the branch, tag or "A..B" range of a repository to read ("" for HEAD).
  std::string commits;
  /// `--code-title`: the content root is one code with this title ("" to tell from the files).
  std::string code_title;
};

/// Whether the content root at `path` is read from a git repository's commits (never from its
/// working tree), per the rule of SourceOptions::read_git.
bool reads_commits(const std::string& path, const SourceOptions& options);

/// Reads every source file below the root of `files` into `corpus`, reporting problems with file
/// and line. A file that cannot be understood is skipped; the others still load. The Markdown
/// content layout (which folder is a code, which a section, which files are versions of one
/// article) is documented in README.md, "Content layout". Whole-code dumps and histories are read
/// on `jobs` threads (`-j`); the corpus and the diagnostics do not depend on it. With a `cache`
/// (`legisite serve`, or what the published site recorded), Markdown article and LEGI XML files
/// unchanged since the previous load are not read nor parsed again, nor the commits of a git
/// repository it read (sources/source_cache.h); the corpus and the diagnostics are the same.
LoadSummary load_sources(const FileSystem& files, Corpus& corpus, Diagnostics& diagnostics,
                         std::size_t jobs = 1, const SourceOptions& options = {},
                         SourceCache* cache = nullptr);

}  // namespace legisite
