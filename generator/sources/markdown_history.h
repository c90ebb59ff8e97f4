#pragma once
/// Reader for dated Markdown histories, as `../shared/corpus/css-history` lays them out:
///
///     <root>/commits.jsonl                   optional commit log (see commit_log.h)
///     <root>/history/<Code>/<Partie>/…/Article <NUM>/<NNN>_<YYYY-MM-DD>_<commit>.md
///
/// Below `history/` the Markdown content layout applies (README.md, "Content layout"): the top
/// folder is the code, the folders below it sections, `Article <NUM>` folders hold one file per
/// version. The commit log adds what file names cannot say: when each version took effect (the
/// commit date; the date in a file name is the amending text's), which text amended it, and when
/// an article was deleted (abrogated).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "model/model.h"
#include "sources/load_summary.h"

namespace legisite {

class SourceCache;

/// One dated history found in a content tree. Paths are relative to the content root.
struct MarkdownHistory {
  std::string root;        // the folder holding commits.jsonl and history/; "" for the root
  std::string commit_log;  // root/commits.jsonl, or "" when there is none
  /// The files to load, all below root/history/: every one of them for a whole build, or those
  /// of a few folders to load part of a history (tests load one article this way).
  std::vector<std::string> files;
  /// Whether `files` is every file of the history (as find_markdown_histories lists it): then a
  /// commit-log deletion that matches no article is warned about, with the nearest article folder.
  bool complete = false;
};

/// Finds the dated histories among `paths` (a sorted listing of the content root): a folder
/// holding `commits.jsonl`, or one holding version files
/// `history/<Code>/…/Article <NUM>/<NNN>_<date>_<id>.md`. Each history claims its commits.jsonl and
/// every file below its history/ folder; the paths no history claims are appended to `other_paths`,
/// in order, for the other readers.
std::vector<MarkdownHistory> find_markdown_histories(const std::vector<std::string>& paths,
                                                     std::vector<std::string>& other_paths);

/// How load_markdown_history works; the defaults are the build's.
struct HistoryLoadOptions {
  /// Files are read and parsed on this many threads (`-j`); the corpus is filled on one, in file
  /// order, so the result and the diagnostics do not depend on it. 1 reads on the calling thread.
  std::size_t jobs = 1;
  /// Version files unchanged since the previous load are not read nor parsed again (null: all
  /// are; see source_cache.h).
  SourceCache* cache = nullptr;
};

/// Loads one history into `corpus` (see the file comment), counting into `summary`. With a
/// commit log, each version's start date is its commit's date, `amended_by` the commit message,
/// and an article whose every file the log deletes gets an end date and the state ABROGE on the
/// version then in force; the other versions end when the next one starts. Without one, start
/// dates come from file names and nothing else is inferred. The same commit writing one article
/// under two folder paths gives one version. A file that cannot be read or understood is
/// reported and skipped; the others still load.
void load_markdown_history(const FileSystem& files, const MarkdownHistory& history, Corpus& corpus,
                           Diagnostics& diagnostics, LoadSummary& summary,
                           const HistoryLoadOptions& options = {});

/// A code title from a title-cased folder name, in the sentence case French codes are titled in:
/// "Code De La Sécurité Sociale" -> "Code de la sécurité sociale", "Code Du Domaine De L'Etat"
/// -> "Code du domaine de l'Etat". Every word after the first is lower-cased but for a few proper
/// nouns (État, Mayotte).
std::string french_code_title(std::string_view folder_name);

}  // namespace legisite
