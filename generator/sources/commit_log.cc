#include "sources/commit_log.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sources/source_text.h"
#include "text/ascii.h"
#include "text/french_date.h"
#include "text/spaces.h"

namespace legisite {

namespace {

bool ends_with_md(std::string_view path) { return ends_with_ignoring_case(path, ".md"); }

// The `<id>` of a version file name `NNN_YYYY-MM-DD_<id>.md`; "" for any other name.
std::string_view history_file_id(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && is_digit(name[i])) ++i;
  if (i == 0 || i + 12 >= name.size() || name[i] != '_' || name[i + 11] != '_') return {};
  if (!Date::parse(name.substr(i + 1, 10)) || !ends_with_md(name)) return {};
  return name.substr(i + 12, name.size() - 3 - (i + 12));
}

// See HistoryChange::article_path.
std::string article_path_of(std::string_view path) {
  std::size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (slash != std::string_view::npos && !history_file_id(name).empty())
    return std::string(path.substr(0, slash));
  if (ends_with_md(path)) return std::string(path.substr(0, path.size() - 3));
  return std::string(path);
}

// "YYYY-MM-DD" at `i`, not inside a longer run of digits.
std::optional<Date> iso_date_at(std::string_view text, std::size_t i) {
  if (i + 10 > text.size() || (i > 0 && is_digit(text[i - 1]))) return std::nullopt;
  if (i + 10 < text.size() && is_digit(text[i + 10])) return std::nullopt;
  return Date::parse(text.substr(i, 10));
}

bool is_word_byte(char c) {
  return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;  // letters with accents, in UTF-8
}

// The word (letters, digits, UTF-8) starting at `i`.
std::string_view word_at(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && is_word_byte(text[end])) ++end;
  return text.substr(i, end - i);
}

// "8 Juillet 2013", "1er janvier 1961" starting at `i`, the start of a word.
std::optional<Date> french_date_at(std::string_view text, std::size_t i) {
  std::string_view day_word = word_at(text, i);
  std::size_t digits = 0;
  while (digits < day_word.size() && is_digit(day_word[digits])) ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  if (digits < day_word.size() && lower(day_word.substr(digits)) != "er") return std::nullopt;
  int day = std::stoi(std::string(day_word.substr(0, digits)));

  std::size_t at = skip_spaces(text, i + day_word.size());
  std::string_view month_word = word_at(text, at);
  int month = french_month(month_word);
  if (month == 0) return std::nullopt;

  at = skip_spaces(text, at + month_word.size());
  std::string_view year_word = word_at(text, at);
  if (year_word.size() != 4) return std::nullopt;
  for (char c : year_word)
    if (!is_digit(c)) return std::nullopt;
  char iso[11];
  std::snprintf(iso, sizeof iso, "%s-%02d-%02d", std::string(year_word).c_str(), month, day);
  return Date::parse(iso);  // rejects "31 février"
}

const rapidjson::Value* string_member(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return nullptr;
  return &it->value;
}

std::string_view view_of(const rapidjson::Value& string) {
  return {string.GetString(), string.GetStringLength()};
}

}  // namespace

std::optional<Date> first_date_in_message(std::string_view message) {
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (!is_digit(message[i])) continue;
    if (auto date = iso_date_at(message, i)) return date;
    if (i > 0 && is_word_byte(message[i - 1])) continue;  // a day starts a word
    if (auto date = french_date_at(message, i)) return date;
  }
  return std::nullopt;
}

std::optional<std::size_t> CommitLog::commit_of_version(std::string_view version_path) const {
  std::size_t slash = version_path.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view id = history_file_id(version_path.substr(slash + 1));
  // Git abbreviates to 7 characters at least; shorter ids ("seed") are not commit ids.
  if (id.size() < 7) return std::nullopt;
  std::string prefix = std::string(version_path.substr(0, slash)) + '\n' + lower(id);
  auto it = writes_.lower_bound(prefix);
  if (it == writes_.end() || it->first.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return it->second;
}

namespace {

/// Reads one line of the log; reports what makes it unusable.
class CommitLine {
 public:
  CommitLine(const SourceText& source, int line, Diagnostics& diagnostics)
      : source_(source), line_(line), diagnostics_(diagnostics) {}

  /// The commit the line describes, or nothing (with an error) when the line cannot be used.
  std::optional<HistoryCommit> read(rapidjson::Document& json);
  /// Appends the commit's changes (numbered `index`) to `changes` and its writes to `writes`.
  void read_changes(const rapidjson::Value& list, const HistoryCommit& commit, std::size_t index,
                    std::vector<HistoryChange>& changes,
                    std::map<std::string, std::size_t>& writes);

 private:
  std::optional<HistoryCommit> skip(int column, std::string message) {
    source_.error(diagnostics_, line_, column, std::move(message) + "; this commit is ignored");
    return std::nullopt;
  }
  void warn(const HistoryCommit& commit, std::string message) {
    source_.warning(diagnostics_, line_, 1, "commit " + commit.sha + ": " + std::move(message));
  }
  std::optional<HistoryCommit> commit_of(const rapidjson::Value& json);
  void correct_clamped_date(HistoryCommit& commit);

  const SourceText& source_;
  int line_;
  Diagnostics& diagnostics_;
};

std::optional<HistoryCommit> CommitLine::read(rapidjson::Document& json) {
  std::string_view line = source_.line(line_);
  // Iterative: a line nested however deep cannot exhaust the stack.
  json.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(line.data(),
                                                                                 line.size());
  if (json.HasParseError()) {
    // RapidJSON's "Invalid value." reads as a sentence; this message goes on after it.
    std::string what = rapidjson::GetParseError_En(json.GetParseError());
    if (!what.empty() && what.back() == '.') what.pop_back();
    if (!what.empty()) what[0] = lower(what[0]);
    return skip(source_.column(line_, json.GetErrorOffset()), "not valid JSON: " + what);
  }
  if (!json.IsObject()) return skip(1, "a commit must be a JSON object");
  return commit_of(json);
}

std::optional<HistoryCommit> CommitLine::commit_of(const rapidjson::Value& json) {
  const rapidjson::Value* sha = string_member(json, "sha");
  const rapidjson::Value* date = string_member(json, "commit_date");
  auto changes = json.FindMember("changes");
  if (!sha || sha->GetStringLength() == 0) return skip(1, "commit without a \"sha\" string");
  if (!date)
    return skip(1, "commit " + std::string(view_of(*sha)) + " has no \"commit_date\" string");
  if (changes == json.MemberEnd() || !changes->value.IsArray())
    return skip(1, "commit " + std::string(view_of(*sha)) + " has no \"changes\" array");

  HistoryCommit commit;
  commit.sha = lower(view_of(*sha));
  commit.line = line_;
  if (const rapidjson::Value* message = string_member(json, "message"))
    commit.message = std::string(trim_spaces(view_of(*message)));
  std::optional<Date> when = Date::parse(view_of(*date));
  if (!when)
    return skip(1, "commit " + commit.sha + ": commit_date '" + std::string(view_of(*date)) +
                       "' is not a YYYY-MM-DD date");
  commit.date = *when;
  correct_clamped_date(commit);
  return commit;
}

// The producer could not write dates before 1970 and wrote 1970-01-01 instead; the message still
// names the amending text with its date.
void CommitLine::correct_clamped_date(HistoryCommit& commit) {
  if (commit.date != Date::from_ymd(1970, 1, 1)) return;
  if (auto from_message = first_date_in_message(commit.message)) {
    commit.date = *from_message;
    commit.date_from_message = true;
    return;
  }
  warn(commit,
       "commit_date 1970-01-01 may stand for an earlier date, and the message gives none; "
       "1970-01-01 is used");
}

void CommitLine::read_changes(const rapidjson::Value& list, const HistoryCommit& commit,
                              std::size_t index, std::vector<HistoryChange>& changes,
                              std::map<std::string, std::size_t>& writes) {
  for (const rapidjson::Value& change : list.GetArray()) {
    const rapidjson::Value* status = change.IsObject() ? string_member(change, "status") : nullptr;
    const rapidjson::Value* path = change.IsObject() ? string_member(change, "path") : nullptr;
    std::string_view code = status ? view_of(*status) : std::string_view();
    HistoryChange entry;
    entry.commit = index;
    if (code == "A") {
      entry.kind = HistoryChangeKind::kAdded;
    } else if (code == "M") {
      entry.kind = HistoryChangeKind::kModified;
    } else if (code == "D") {
      entry.kind = HistoryChangeKind::kDeleted;
    } else {
      warn(commit, "a change without status A, M or D is ignored");
      continue;
    }
    if (!path || path->GetStringLength() == 0) {
      warn(commit, "a change without a \"path\" is ignored");
      continue;
    }
    entry.article_path = article_path_of(view_of(*path));
    if (entry.kind != HistoryChangeKind::kDeleted)
      writes.emplace(entry.article_path + '\n' + commit.sha, index);
    changes.push_back(std::move(entry));
  }
}

}  // namespace

bool read_commit_log(std::string_view text, const std::string& file, CommitLog& out,
                     Diagnostics& diagnostics) {
  out = CommitLog();
  SourceText source(file, text);
  bool all_read = true;
  for (int n = 1; n <= source.line_count(); ++n) {
    if (trim_spaces(source.line(n)).empty()) continue;
    CommitLine line(source, n, diagnostics);
    rapidjson::Document json;
    std::optional<HistoryCommit> commit = line.read(json);
    if (!commit) {
      all_read = false;
      continue;
    }
    std::size_t index = out.commits_.size();
    line.read_changes(json["changes"], *commit, index, out.changes_, out.writes_);
    out.commits_.push_back(std::move(*commit));
  }
  return all_read;
}

}  // namespace legisite
