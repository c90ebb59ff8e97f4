#pragma once
/// Reader for a git repository whose commits are consolidated states of a code (Tricoteuses,
/// Archéo Lex): each commit's tree is read as a content folder would be (README.md, one file
/// per article, or one file per code), and the succession of states makes the history.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/corpus_builder.h"
#include "model/model.h"
#include "sources/load_summary.h"
#include "sources/markdown_reader.h"

namespace legisite {

class SourceCache;

struct GitHistoryOptions {
  /// Which commits: "" for HEAD's history, a branch or tag, or "A..B" (`--commits`).
  std::string commits;
  /// `--code-title`: each commit's root is one code with this title ("" to tell from the files).
  std::string code_title;

  bool operator==(const GitHistoryOptions&) const = default;
};

/// One article's versions as read so far, in commit order.
struct GitTrack {
  std::vector<ArticleRecord> versions;
  bool open = false;  // its last version is in the latest state read
};

/// What reading a repository's commits gave, before it went to the corpus. A commit never
/// changes: a later load with the same options whose commits start with `shas` reads only the
/// commits after them.
struct GitHistoryReading {
  GitHistoryOptions options;
  std::vector<std::string> shas;           // the commits read, oldest first
  std::map<std::string, GitTrack> tracks;  // by code and article number
  std::vector<Diagnostic> reported;        // what reading them reported, each once, in order
  /// Every article file read, by blob id (nullopt: not an article): a later commit that has one
  /// does not read it again, as within one reading.
  std::map<std::string, std::optional<MarkdownArticle>> articles;
  /// The blob ids of every whole-code file read (Archéo Lex), whose records are not kept.
  std::set<std::string> whole_code_blobs;

  /// The files it read (blobs), each once whichever builds read its commits.
  std::size_t blobs_read() const { return articles.size() + whole_code_blobs.size(); }
};

/// Reads the repository at `path` into `corpus`. Articles are matched across commits by code (its
/// LEGITEXT when its README.md gives one, else its title) and number (a moved file stays one
/// article); a new version starts at each commit that changes an article's text (or its LEGIARTI;
/// a new text under the same LEGIARTI corrects that version), on the version's own `Date de début`
/// when its file gives one, else the commit's author date, or the first date of the message when
/// the author date is before 1971 (git cannot store earlier dates: producers put them near 1970);
/// the commit's message is its "amended by" (Archéo Lex's "Version consolidée au …" names no text
/// and is not kept). A version ends when the next starts (state MODIFIE); an article missing from a
/// commit is abrogated on that commit's date (state ABROGE), the versions of the last commit keep
/// their file's state (VIGUEUR when it says none). Every version sits in its article's latest code
/// title and section. A problem in a file is reported once however many commits keep it, at "<short
/// sha>:<path>". Returns the files read (blobs) and versions kept. With a `cache`, the commits its
/// reading (SourceCache::git) holds are not read again, and it keeps this load's reading; the
/// corpus and diagnostics are the same.
LoadSummary load_git_history(const std::string& path, const GitHistoryOptions& options,
                             Corpus& corpus, Diagnostics& diagnostics,
                             SourceCache* cache = nullptr);

}  // namespace legisite
