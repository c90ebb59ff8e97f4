#pragma once
/// Reader for the commit log of a dated Markdown history (`commits.jsonl`, one JSON object per
/// line, from-string entry point): which commit wrote which version file, when it took effect and
/// which text amended it, and which commits deleted an article's file.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/date.h"

namespace legisite {

/// One commit of the log: one legal change.
struct HistoryCommit {
  std::string sha;
  /// When the change took effect: the commit date, or, when the producer clamped a date before
  /// 1970 to 1970-01-01, the first date its message gives (see `date_from_message`).
  Date date;
  bool date_from_message = false;
  /// The amending text, as the producer wrote it ("Décret N°2013-597 Du 8 Juillet 2013 - Art. 1").
  std::string message;
  int line = 0;  // in commits.jsonl, for diagnostics
};

/// What a commit did to one article's file.
enum class HistoryChangeKind { kAdded, kModified, kDeleted };

/// One entry of a commit's `changes`.
struct HistoryChange {
  std::size_t commit = 0;  // index into CommitLog::commits
  HistoryChangeKind kind = HistoryChangeKind::kAdded;
  /// The article the change is about: its file path relative to `history/` without ".md" (the
  /// log's pre-split form ".../Article L213-1.md"), or its version folder when the log names a
  /// version file (".../Article L213-1/002_2000-12-24_35db1f3543.md"). Both give
  /// ".../Article L213-1", the folder the version files sit in.
  std::string article_path;
};

/// A parsed `commits.jsonl`. Commits and changes keep the log's order, which is the producer's
/// commit order (and date order).
class CommitLog {
 public:
  const std::vector<HistoryCommit>& commits() const { return commits_; }
  const std::vector<HistoryChange>& changes() const { return changes_; }

  /// The index of the commit that added or modified the version file `version_path` (relative to
  /// `history/`, ".../Article X/NNN_YYYY-MM-DD_<short sha>.md"): a change of its folder's article
  /// by a commit whose sha starts with the file's id. nullopt when there is none.
  std::optional<std::size_t> commit_of_version(std::string_view version_path) const;

 private:
  friend bool read_commit_log(std::string_view, const std::string&, CommitLog&, Diagnostics&);
  std::vector<HistoryCommit> commits_;
  std::vector<HistoryChange> changes_;
  /// article_path + '\n' + full sha -> commit index, for added and modified files; ordered so
  /// that a short sha finds its commit by prefix.
  std::map<std::string, std::size_t> writes_;
};

/// Reads a `commits.jsonl` text:
///
///     {"sha": "aa2f1922ba…", "commit_date": "2013-07-10", "message": "Décret N°2013-597 Du 8
///      Juillet 2013 - Art. 1", "changes": [{"status": "M", "path": "Code De La Sécurité
///      Sociale/…/Article R133-19.md"}], …}
///
/// `sha`, `commit_date` (YYYY-MM-DD) and `changes` are required, `message` expected; other keys
/// are ignored. A line that is not such an object is reported (`file:line:column`) and skipped;
/// the others still load. Returns false when some line was skipped.
bool read_commit_log(std::string_view text, const std::string& file, CommitLog& out,
                     Diagnostics& diagnostics);

/// The first date a commit message gives, ISO ("1961-01-11") or French ("8 Juillet 2013",
/// "1er janvier 1961"), whichever comes first; nullopt when there is none.
std::optional<Date> first_date_in_message(std::string_view message);

}  // namespace legisite
