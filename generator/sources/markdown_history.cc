#include "sources/markdown_history.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

#include "parallel/parallel.h"
#include "sources/commit_log.h"
#include "sources/content_layout.h"
#include "sources/markdown_reader.h"
#include "sources/source_cache.h"
#include "text/ascii.h"
#include "text/fold.h"

namespace legisite {

namespace {

constexpr std::string_view kHistoryFolder = "history";
constexpr std::string_view kCommitLogName = "commits.jsonl";
constexpr std::size_t kNoCommit = std::numeric_limits<std::size_t>::max();

bool has_md_extension(std::string_view path) { return ends_with_ignoring_case(path, ".md"); }

// `NNN_YYYY-MM-DD_<id>.md`.
bool is_version_file_name(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && is_digit(name[i])) ++i;
  if (i == 0 || i + 12 >= name.size() || name[i] != '_' || name[i + 11] != '_') return false;
  return Date::parse(name.substr(i + 1, 10)).has_value() && has_md_extension(name);
}

// The history root of a version file `<root>/history/<Code>/…/Article <NUM>/<NNN>_<date>_<id>.md`,
// or nullopt for any other path. The outermost `history` folder decides.
std::optional<std::string> history_root_of(std::string_view path) {
  std::vector<std::string_view> parts = split_path(path);
  std::size_t n = parts.size();
  if (n < 4 || !is_version_file_name(parts[n - 1]) || version_folder_number(parts[n - 2]).empty())
    return std::nullopt;
  for (std::size_t i = 0; i + 3 < n; ++i) {
    if (parts[i] != kHistoryFolder) continue;
    std::string root;
    for (std::size_t k = 0; k < i; ++k) root = join_path(root, std::string(parts[k]));
    return root;
  }
  return std::nullopt;
}

/// The files below one folder of another FileSystem, as if that folder were the root: below
/// `history/`, a history is laid out as Markdown content is below its root.
class FolderView final : public FileSystem {
 public:
  FolderView(const FileSystem& base, std::string folder)
      : base_(base), folder_(std::move(folder)) {}
  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    return base_.read_file(join_path(folder_, path), contents, error);
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    std::vector<std::string> out = base_.list_files(join_path(folder_, dir));
    for (std::string& path : out) path.erase(0, folder_.size() + 1);
    return out;
  }
  bool is_directory(const std::string& path) const override {
    return base_.is_directory(join_path(folder_, path));
  }
  bool is_file(const std::string& path) const override {
    return base_.is_file(join_path(folder_, path));
  }

 private:
  const FileSystem& base_;
  std::string folder_;
};

/// One version file of the history, as it goes from file to record.
struct HistoryVersion {
  std::string path;         // relative to the content root (diagnostics, origins)
  std::string layout_path;  // relative to history/ (the content layout, the commit log)
  bool read = false;        // parsed and placed; `record` is then valid
  bool merged = false;      // the same version as another file's, folded into it
  ArticleRecord record;
  std::string article_key;  // code title key + '\n' + number key
  std::size_t commit = kNoCommit;
};

/// What parsing needs, shared read-only by every thread.
struct ParseContext {
  const FileSystem& files;
  const ContentLayout& layout;
  const CommitLog* log;  // null without commits.jsonl
  const std::string& log_path;
  SourceCache* cache;  // null: every file is read
};

std::string article_key(const std::string& code_title, const ArticleNumber& number) {
  return code_title_key(code_title) + '\n' + number.key();
}

// A code folder without an _index.md title is titled from its name, in French sentence case.
std::string code_title_of(const ContentLayout& layout, const std::string& code_folder) {
  std::string title = layout.code_title(code_folder);
  return title == code_folder ? french_code_title(code_folder) : title;
}

void parse_version(const ParseContext& context, HistoryVersion& v, Diagnostics& diagnostics,
                   LoadSummary& counts) {
  ArticleFile file = read_article_file(context.files, v.path, context.cache, false, diagnostics);
  if (!file.opened) return;
  ++(file.cached ? counts.files_unchanged : counts.files_read);
  if (!file.parsed) return;
  MarkdownArticle& article = file.article;
  // Front matter outranks the log, as it outranks file names in the content layout.
  bool dated_by_front_matter = article.version.start.known();
  ContentPath place = classify_markdown_path(v.layout_path);
  if (!place_markdown_article(context.layout, place, v.path, std::move(article), v.record,
                              diagnostics))
    return;
  if (v.record.code_title == context.layout.code_title(place.code_folder))
    v.record.code_title = code_title_of(context.layout, place.code_folder);
  v.article_key = article_key(v.record.code_title, v.record.number);
  Version& version = v.record.version;
  version.format = SourceFormat::kMarkdownHistory;
  v.read = true;
  if (!context.log) return;

  std::optional<std::size_t> commit = context.log->commit_of_version(v.layout_path);
  if (!commit) {
    diagnostics.warning({v.path, 0, 0}, "no commit of " + context.log_path +
                                            " wrote this version; its start date is the one "
                                            "in its file name");
    return;
  }
  v.commit = *commit;
  const HistoryCommit& c = context.log->commits()[*commit];
  if (!dated_by_front_matter) version.start = c.date;
  if (version.amended_by.empty()) version.amended_by = c.message;
  // One commit writes one version of an article, whatever the folder and file name.
  version.source_key = c.sha;
}

// Reads and parses every version, on `jobs` threads. Each chunk of files reports into its own
// sink, absorbed in chunk order: the diagnostics come out in file order either way.
void parse_versions(const ParseContext& context, std::vector<HistoryVersion>& versions,
                    std::size_t jobs, Diagnostics& diagnostics, LoadSummary& summary) {
  struct Parsed {
    Diagnostics diagnostics;
    LoadSummary counts;
  };
  // Small files: a chunk of them costs far more than taking it from the counter.
  constexpr std::size_t kChunk = 64;
  auto parsed = map_chunks<Parsed>(jobs, versions.size(), kChunk, [&](const Chunk& chunk) {
    Parsed p;
    for (std::size_t i = chunk.begin; i < chunk.end; ++i)
      parse_version(context, versions[i], p.diagnostics, p.counts);
    return p;
  });
  for (Parsed& p : parsed) {
    diagnostics.absorb(std::move(p.diagnostics));
    summary += p.counts;
  }
}

// The commits after which an article had no file left, each the one that deleted the last: the
// article was abrogated then. Deleting one of two files (the producer moved the article to a new
// folder, or left a copy behind) is not an abrogation. Keyed like HistoryVersion::article_key,
// only for the articles in `wanted`.
std::unordered_map<std::string, std::vector<std::size_t>> abrogations(
    const CommitLog& log, const ContentLayout& layout,
    const std::unordered_map<std::string, std::size_t>& wanted,
    std::vector<std::size_t>& unmatched) {
  /// One article's files during the walk through the log.
  struct Files {
    std::set<std::string> live;
    std::size_t commit = kNoCommit;  // the commit being applied
    bool deleted = false;            // that commit deleted one of its files
  };
  std::unordered_map<std::string, Files> files_of;
  std::unordered_map<std::string, std::vector<std::size_t>> out;
  auto close_commit = [&](const std::string& key, Files& f) {
    if (f.commit != kNoCommit && f.deleted && f.live.empty()) out[key].push_back(f.commit);
    f.deleted = false;
  };
  std::unordered_map<std::string, std::string> code_keys;  // by code folder: code_title_key + '\n'
  for (std::size_t c = 0; c < log.changes().size(); ++c) {
    const HistoryChange& change = log.changes()[c];
    const std::string& path = change.article_path;
    std::size_t slash = path.find('/');
    std::string number = version_folder_number(base_name(path));
    if (slash == std::string::npos || number.empty()) {
      if (change.kind == HistoryChangeKind::kDeleted) unmatched.push_back(c);
      continue;
    }
    std::string folder = path.substr(0, slash);
    auto code_key = code_keys.find(folder);
    if (code_key == code_keys.end())
      code_key =
          code_keys.emplace(folder, code_title_key(code_title_of(layout, folder)) + '\n').first;
    std::string key = code_key->second + ArticleNumber(number).key();
    if (!wanted.count(key)) {
      if (change.kind == HistoryChangeKind::kDeleted) unmatched.push_back(c);
      continue;
    }
    Files& f = files_of[key];
    if (f.commit != change.commit) {
      close_commit(key, f);
      f.commit = change.commit;
    }
    if (change.kind == HistoryChangeKind::kDeleted) {
      f.live.erase(path);
      f.deleted = true;
    } else {
      f.live.insert(path);
    }
  }
  for (auto& [key, f] : files_of) close_commit(key, f);
  return out;
}

// The article folder (".../Article L213-1") nearest to `path`: the longest common beginning, then
// the closest last component.
std::string nearest_folder(const std::string& path, const std::set<std::string>& folders) {
  std::string best;
  std::size_t best_prefix = 0, best_distance = std::string::npos;
  for (const std::string& folder : folders) {
    std::size_t prefix = 0;
    while (prefix < path.size() && prefix < folder.size() && path[prefix] == folder[prefix])
      ++prefix;
    std::size_t distance = edit_distance(base_name(path), base_name(folder));
    if (prefix > best_prefix || (prefix == best_prefix && distance < best_distance)) {
      best = folder;
      best_prefix = prefix;
      best_distance = distance;
    }
  }
  return best;
}

// A deletion the log records for no article of the history would silently leave an abrogated
// article in force: each is a warning at its commit's line, naming the nearest article folder.
void report_unmatched(const CommitLog& log, const std::vector<std::size_t>& unmatched,
                      const std::vector<HistoryVersion>& versions, const std::string& log_file,
                      Diagnostics& diagnostics) {
  std::set<std::string> folders;
  for (const HistoryVersion& v : versions) {
    std::string folder = dir_name(v.layout_path);
    folders.insert(version_folder_number(base_name(folder)).empty()
                       ? v.layout_path.substr(0, v.layout_path.size() - 3)
                       : folder);
  }
  for (std::size_t c : unmatched) {
    const HistoryChange& change = log.changes()[c];
    std::vector<std::string> notes;
    if (std::string near = nearest_folder(change.article_path, folders); !near.empty())
      notes.push_back("nearest article folder: " + near);
    diagnostics.warning({log_file, log.commits()[change.commit].line, 0},
                        "deletion of '" + change.article_path +
                            "' matches no article of the history; ignored (the article it "
                            "meant stays in force)",
                        std::move(notes));
  }
}

// The last commit that wrote a version into each version's folder (`Article <NUM>` folder), by
// version index: of two folders one commit wrote, the one written again later is the one the
// article went on in.
std::unordered_map<std::size_t, std::size_t> folder_last_commits(
    const std::vector<HistoryVersion>& versions, const std::vector<std::size_t>& group) {
  std::unordered_map<std::string, std::size_t> last_by_folder;
  for (std::size_t i : group) {
    if (versions[i].commit == kNoCommit) continue;
    std::size_t& last = last_by_folder[dir_name(versions[i].layout_path)];
    last = std::max(last, versions[i].commit);
  }
  std::unordered_map<std::size_t, std::size_t> out;
  for (std::size_t i : group) {
    auto it = last_by_folder.find(dir_name(versions[i].layout_path));
    out[i] = it == last_by_folder.end() ? kNoCommit : it->second;
  }
  return out;
}

// One commit may write one article under two folders (the producer re-created it in a new folder
// and left or touched the old one). The same text twice is one version: it is folded into the
// file of the folder the article went on in. Two texts are two versions of the same day (Légifrance
// has such pairs: a version that never took effect, MODIFIE_MORT_NE, then its replacement); they
// stay apart, the one of the folder the article went on in last.
void merge_same_commit(std::vector<HistoryVersion>& versions, const std::vector<std::size_t>& group,
                       const std::unordered_map<std::size_t, std::size_t>& folder_last) {
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_commit;
  for (std::size_t i : group)
    if (versions[i].commit != kNoCommit) by_commit[versions[i].commit].push_back(i);
  for (auto& [commit, same] : by_commit) {
    if (same.size() < 2) continue;
    // Folders the article went on in last first; then file order.
    std::stable_sort(same.begin(), same.end(), [&](std::size_t a, std::size_t b) {
      return folder_last.at(a) > folder_last.at(b);
    });
    for (std::size_t k = 0; k < same.size(); ++k) {
      HistoryVersion& v = versions[same[k]];
      auto kept = std::find_if(
          same.begin(), same.begin() + static_cast<std::ptrdiff_t>(k), [&](std::size_t j) {
            return !versions[j].merged &&
                   versions[j].record.version.text_html == v.record.version.text_html;
          });
      if (kept != same.begin() + static_cast<std::ptrdiff_t>(k)) {
        versions[*kept].record.version.also_from.push_back(v.record.version.origin);
        v.merged = true;
      } else if (k > 0) {
        // A second text of the same commit: its own identity, or add_record would take it for
        // the first one given twice.
        v.record.version.source_key += ' ' + dir_name(v.layout_path);
      }
    }
  }
}

// Dates what the log says about one article's versions, given in chronological order: an
// abrogation ends the version then in force; every other version ends when the next starts. The
// state of a version replaced by the next is left unknown: the log does not say whether it was
// amended, transferred or re-created.
void date_ends(std::vector<HistoryVersion>& versions, const std::vector<std::size_t>& timeline,
               const std::vector<std::size_t>& abrogated_at, const CommitLog& log) {
  for (std::size_t commit : abrogated_at) {
    HistoryVersion* in_force = nullptr;
    for (std::size_t i : timeline)
      if (versions[i].commit != kNoCommit && versions[i].commit < commit &&
          (!in_force || versions[i].commit > in_force->commit))
        in_force = &versions[i];
    if (!in_force) continue;
    Version& version = in_force->record.version;
    Date end = log.commits()[commit].date;
    if (version.end.known() || end < version.start) continue;
    version.end = end;
    if (version.status == ArticleStatus::kUnknown) version.status = ArticleStatus::kAbroge;
  }
  for (std::size_t k = 0; k + 1 < timeline.size(); ++k) {
    Version& version = versions[timeline[k]].record.version;
    const Date& next = versions[timeline[k + 1]].record.version.start;
    if (!version.end.known() && next.known() && version.start <= next) version.end = next;
  }
}

// A history is as current as its last commit: every code it gave versions of says so.
void date_codes(Corpus& corpus, const std::set<std::string>& codes, const CommitLog& log) {
  Date last;
  for (const HistoryCommit& commit : log.commits())
    if (commit.date.known() && last < commit.date) last = commit.date;
  if (!last.known()) return;
  for (const std::string& title : codes) {
    CodeId id = corpus.find_code(title);
    if (!id.valid()) continue;
    Code& code = corpus.code(id);
    if (code.data_source.empty()) code.data_source = "historique Git";
    offer_data_date(code, last, Code::DataDateRule::kLastCommit);
  }
}

// The history's commit log into `log`; false when it has none or it cannot be read (reported).
bool read_history_log(const FileSystem& files, const MarkdownHistory& history,
                      const std::string& prefix, CommitLog& log, Diagnostics& diagnostics,
                      LoadSummary& summary) {
  if (history.commit_log.empty()) return false;
  std::string text, error;
  if (!files.read_file(history.commit_log, text, error)) {
    diagnostics.error({history.commit_log, 0, 0}, "cannot read file: " + error);
    return false;
  }
  ++summary.files_read;
  read_commit_log(text, history.commit_log, log, diagnostics);
  if (history.files.empty())
    diagnostics.warning({history.commit_log, 0, 0},
                        "no " + prefix + " folder beside this commit log: nothing to load");
  return true;
}

// The content layout below history/ (`layout_paths` are relative to it) gives codes, sections and
// their order; its diagnostics name files from the content root, like every other.
ContentLayout read_history_layout(const FileSystem& files, const std::string& history_folder,
                                  const std::vector<std::string>& layout_paths,
                                  Diagnostics& diagnostics, LoadSummary& summary) {
  FolderView view(files, history_folder);
  Diagnostics layout_diagnostics;
  ContentLayout layout =
      ContentLayout::read(view, layout_paths, layout_diagnostics, summary.files_read);
  for (Diagnostic d : layout_diagnostics.all()) {
    d.where.file = join_path(history_folder, d.where.file);
    diagnostics.report(std::move(d));
  }
  return layout;
}

// A version to read for each article file of `layout_paths`: _index.md were read with the
// layout; other files are not content.
std::vector<HistoryVersion> version_files(const std::vector<std::string>& layout_paths,
                                          const std::string& prefix) {
  std::vector<HistoryVersion> versions;
  for (const std::string& layout_path : layout_paths) {
    if (!has_md_extension(layout_path) ||
        classify_markdown_path(layout_path).role != MarkdownRole::kArticle)
      continue;
    HistoryVersion v;
    v.path = prefix + layout_path;
    v.layout_path = layout_path;
    versions.push_back(std::move(v));
  }
  return versions;
}

// The versions read, by article, articles in the order their first file comes; `group_of` gets
// each article key's group.
std::vector<std::vector<std::size_t>> group_by_article(
    const std::vector<HistoryVersion>& versions,
    std::unordered_map<std::string, std::size_t>& group_of) {
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (!versions[i].read) continue;
    auto [it, inserted] = group_of.emplace(versions[i].article_key, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;
}

// One article's versions (`group`) made ready for the model: with a commit log, one commit's
// repeats merged and ends dated (`abrogated`: each article's abrogating commits); then in
// chronological order, each in the newest one's section.
void order_versions(std::vector<HistoryVersion>& versions, std::vector<std::size_t>& group,
                    const CommitLog* log,
                    const std::unordered_map<std::string, std::vector<std::size_t>>& abrogated) {
  std::unordered_map<std::size_t, std::size_t> folder_last;
  if (log) {
    folder_last = folder_last_commits(versions, group);
    merge_same_commit(versions, group, folder_last);
  }
  std::erase_if(group, [&](std::size_t i) { return versions[i].merged; });
  // Chronological: the order the log applied them in, which add_record relies on too (the
  // article sits in the section of the version added last among the newest).
  std::stable_sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
    const HistoryVersion& x = versions[a];
    const HistoryVersion& y = versions[b];
    if (x.record.version.start != y.record.version.start)
      return x.record.version.start < y.record.version.start;
    if (x.commit != y.commit) return x.commit < y.commit;
    // One commit's two texts: the folder the article went on in last comes last.
    return log && folder_last.at(a) < folder_last.at(b);
  });
  if (log) {
    auto it = abrogated.find(versions[group.front()].article_key);
    date_ends(versions, group, it == abrogated.end() ? std::vector<std::size_t>() : it->second,
              *log);
  }
  // The model places an article, not its versions: it goes where its newest version is. The
  // folders older versions sat in are the producer's former structure ("Livre II/Action
  // Sanitaire Et Sociale Des Caisses/…"); creating sections for them would leave them empty.
  for (std::size_t i : group)
    versions[i].record.section_path = versions[group.back()].record.section_path;
}

}  // namespace

std::vector<MarkdownHistory> find_markdown_histories(const std::vector<std::string>& paths,
                                                     std::vector<std::string>& other_paths) {
  // Hidden folders (.git…) hold no content, histories included.
  auto is_hidden = [](const std::string& path) {
    return !path.empty() && (path[0] == '.' || path.find("/.") != std::string::npos);
  };
  std::set<std::string> roots;
  for (const std::string& path : paths) {
    if (is_hidden(path)) continue;
    if (base_name(path) == kCommitLogName) {
      roots.insert(dir_name(path));
    } else if (auto root = history_root_of(path)) {
      roots.insert(*root);
    }
  }
  std::vector<MarkdownHistory> histories;
  for (const std::string& root : roots) {
    // A history inside another's history/ folder is part of that one.
    bool nested = std::any_of(histories.begin(), histories.end(), [&](const MarkdownHistory& h) {
      return root.starts_with(join_path(h.root, std::string(kHistoryFolder)) + "/");
    });
    if (nested) continue;
    MarkdownHistory history;
    history.root = root;
    history.complete = true;
    histories.push_back(std::move(history));
  }
  for (const std::string& path : paths) {
    bool claimed = false;
    for (MarkdownHistory& h : histories) {
      std::string log = join_path(h.root, std::string(kCommitLogName));
      if (path == log) {
        h.commit_log = log;
      } else if (path.starts_with(join_path(h.root, std::string(kHistoryFolder)) + "/")) {
        h.files.push_back(path);
      } else {
        continue;
      }
      claimed = true;
      break;
    }
    if (!claimed) other_paths.push_back(path);
  }
  return histories;
}

void load_markdown_history(const FileSystem& files, const MarkdownHistory& history, Corpus& corpus,
                           Diagnostics& diagnostics, LoadSummary& summary,
                           const HistoryLoadOptions& options) {
  const std::string history_folder = join_path(history.root, std::string(kHistoryFolder));
  const std::string prefix = history_folder + "/";
  CommitLog log;
  const bool has_log = read_history_log(files, history, prefix, log, diagnostics, summary);

  std::vector<std::string> layout_paths;
  for (const std::string& path : history.files)
    if (path.starts_with(prefix)) layout_paths.push_back(path.substr(prefix.size()));
  const ContentLayout layout =
      read_history_layout(files, history_folder, layout_paths, diagnostics, summary);
  std::vector<HistoryVersion> versions = version_files(layout_paths, prefix);
  ParseContext context{files, layout, has_log ? &log : nullptr, history.commit_log, options.cache};
  parse_versions(context, versions, options.jobs, diagnostics, summary);

  std::unordered_map<std::string, std::size_t> group_of;
  std::vector<std::vector<std::size_t>> groups = group_by_article(versions, group_of);
  std::set<std::string> codes;  // the codes this history gave versions of
  std::unordered_map<std::string, std::vector<std::size_t>> abrogated;
  if (has_log) {
    std::vector<std::size_t> unmatched;
    abrogated = abrogations(log, layout, group_of, unmatched);
    if (history.complete)
      report_unmatched(log, unmatched, versions, history.commit_log, diagnostics);
  }
  for (std::vector<std::size_t>& group : groups) {
    order_versions(versions, group, has_log ? &log : nullptr, abrogated);
    for (std::size_t i : group) {
      codes.insert(versions[i].record.code_title);
      // Count only what the corpus kept.
      if (add_record(corpus, std::move(versions[i].record), diagnostics) !=
          RecordOutcome::kRejected)
        ++summary.versions_read;
    }
  }
  if (has_log) date_codes(corpus, codes, log);
}

std::string french_code_title(std::string_view folder_name) {
  auto is_proper_noun = [](std::string_view word) {
    return word == "Etat" || word == "\xC3\x89tat" || word == "Mayotte";
  };

  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= folder_name.size()) {
    std::size_t space = folder_name.find(' ', start);
    if (space == std::string_view::npos) space = folder_name.size();
    std::string_view word = folder_name.substr(start, space - start);
    if (start > 0) out += ' ';
    if (first || word.empty()) {
      out += word;
    } else {
      // "L'Etat", "D'Asile", "L’Article": the elided article is lower case, the word after it
      // follows the rule.
      std::size_t elision = word.find('\'');
      std::size_t after = elision == std::string_view::npos ? 0 : elision + 1;
      if (elision == std::string_view::npos) {
        elision = word.find("\xE2\x80\x99");
        after = elision == std::string_view::npos ? 0 : elision + 3;
      }
      std::string_view head = word.substr(0, after), tail = word.substr(after);
      out += lower_french(head);
      out += is_proper_noun(tail) ? std::string(tail) : lower_french(tail);
    }
    if (!word.empty()) first = false;
    start = space + 1;
  }
  return out;
}

}  // namespace legisite
