#include "sources/git_history.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "io/file_system.h"
#include "model/article_number.h"
#include "sources/checked_files.h"
#include "sources/commit_log.h"
#include "sources/content_layout.h"
#include "sources/git_repository.h"
#include "sources/markdown_reader.h"
#include "sources/source_cache.h"
#include "sources/whole_code_markdown.h"
#include "text/ascii.h"

namespace legisite {

namespace {

/// An article file as one commit placed it; shared by the next commits that keep the file.
using PlacedRecord = std::shared_ptr<const ArticleRecord>;

/// One article of a commit: its own file's record, shared, or one of a whole code's articles.
struct SnapshotEntry {
  PlacedRecord shared;
  std::unique_ptr<ArticleRecord> owned;  // when `shared` is null
  const ArticleRecord& record() const { return shared ? *shared : *owned; }
};

/// One commit's articles, by code and number.
using Snapshot = std::unordered_map<std::string, SnapshotEntry>;

/// Problems of a file are reported once however many commits keep the file: the same message
/// about the same source line in the same path (the commit aside) is a repeat.
class OnceReporter {
 public:
  OnceReporter(Diagnostics& out, std::vector<Diagnostic>& said) : out_(out), said_(said) {}
  /// Reports again what an earlier reading of the first commits said.
  void replay() {
    for (const Diagnostic& d : said_) {
      seen_.insert(key(d));
      out_.report(d);
    }
  }
  void forward(Diagnostics&& scratch) {
    for (const Diagnostic& d : scratch.all()) {
      if (!seen_.insert(key(d)).second) continue;
      out_.report(d);
      said_.push_back(d);
    }
  }

 private:
  static std::string key(const Diagnostic& d) {
    std::string_view file = d.where.file;
    if (std::size_t colon = file.find(':'); colon != std::string_view::npos)
      file = file.substr(colon + 1);
    return std::string(file) + '\n' + d.message + '\n' + d.source_line;
  }
  Diagnostics& out_;
  std::vector<Diagnostic>& said_;
  std::set<std::string> seen_;
};

/// The bytes of one index file (README.md, _index.md) and the blob they came from.
struct KeptIndexFile {
  std::string blob;
  std::string bytes;
};

/// What placing an article file takes from the layout (place_markdown_article).
struct LayoutPlace {
  bool root_is_code = false;
  std::int64_t order = -1;
  std::string code_title, code_id;  // its folder's
  std::vector<SectionRef> sections;
  bool operator==(const LayoutPlace&) const = default;
};

LayoutPlace layout_place(const ContentLayout& layout, const ContentPath& place,
                         const std::string& path) {
  return {layout.root_is_code(), layout.article_order(path), layout.code_title(place.code_folder),
          layout.code_id(place.code_folder), layout.section_path(place.section_folders)};
}

/// What one commit placed from an article file (null: nothing), and the file's blob.
struct PlacedFile {
  std::string blob;
  LayoutPlace placement;
  PlacedRecord record;
  std::size_t commit = 0;  // the last commit that had the file (ReadCache::commit)
};

/// What is kept across commits so that an unchanged file is not read twice: the reading's
/// article files by blob id, and what one load keeps besides.
struct ReadCache {
  explicit ReadCache(GitHistoryReading& r) : reading(r) {}
  GitHistoryReading& reading;
  MarkdownHtmlCache html;  // whole-code files change every commit, their articles rarely
  std::map<std::string, KeptIndexFile> index_files;  // by path: the last commit's
  /// The last commit's layout and what it placed from each article file, by path: a commit keeps
  /// most files, and a file with the same blob placed alike (always so under the same layout)
  /// places the same record.
  std::optional<ContentLayout> layout;
  bool same_layout = false;  // the commit being read has the last one's
  std::unordered_map<std::string, PlacedFile> placed;
  std::size_t commit = 0;  // counts the commits read
  std::string last_sha;    // the commit `layout` and `placed` describe
  bool links = false;      // whether its tree had symbolic links
  /// The record each open track took last: the same one again changes nothing.
  std::unordered_map<const GitTrack*, PlacedRecord> observed;
};

bool is_index_file(const std::string& path) {
  const std::string name = lower(base_name(path));
  return name == "readme.md" || name == "_index.md";
}

/// A commit's tree whose index files come from the last commit's reading while their blob is the
/// same: the layout reads them at every commit, and a code's root README.md (Tricoteuses) holds
/// its whole text.
class TreeKeepingIndexFiles final : public FileSystem {
 public:
  TreeKeepingIndexFiles(const GitTree& tree, ReadCache& cache) : tree_(tree), cache_(cache) {}

  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    if (!is_index_file(path)) return tree_.read_file(path, contents, error);
    std::string blob = tree_.blob_id(path);
    KeptIndexFile& kept = cache_.index_files[path];
    if (blob.empty() || kept.blob != blob) {
      if (!tree_.read_file(path, kept.bytes, error)) return cache_.index_files.erase(path), false;
      kept.blob = std::move(blob);
    }
    contents = kept.bytes;
    return true;
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    return tree_.list_files(dir);
  }
  std::vector<std::string> list_checked(const std::string& dir,
                                        std::vector<SkippedEntry>& skipped) const override {
    return tree_.list_checked(dir, skipped);
  }
  bool is_directory(const std::string& path) const override { return tree_.is_directory(path); }
  bool is_file(const std::string& path) const override { return tree_.is_file(path); }

 private:
  const GitTree& tree_;
  ReadCache& cache_;
};

/// Names the commit being read in `where` ("<short sha>:<path>"), which a record kept from an
/// earlier commit names that commit in.
void relabel(SourceLocation& where, const std::string& short_sha) {
  where.file.replace(0, where.file.find(':'), short_sha);
}

/// The key of an article in a commit's snapshot, unless another of its number is there.
std::string plain_key(const ArticleRecord& record) {
  // A code is known by its LEGITEXT when its README.md gives one: a commit that renames the code
  // (its README's title) does not make its articles new ones.
  const std::string& code = record.code_legi_id.empty() ? record.code_title : record.code_legi_id;
  return code + '\x1f' + record.number.text();
}

void add_to_snapshot(Snapshot& snapshot, SnapshotEntry&& entry, const std::string& short_sha,
                     Diagnostics& diagnostics) {
  const ArticleRecord& record = entry.record();
  std::string key = plain_key(record);
  auto it = snapshot.find(key);
  if (it != snapshot.end() && it->second.record().section_path != record.section_path) {
    // The same number twice in one state (two chapters' "Annexe"): told apart by section.
    for (const SectionRef& s : record.section_path) key += '\x1f' + s.title;
    it = snapshot.find(key);
  }
  if (it != snapshot.end()) {
    SourceLocation here = record.version.origin, first = it->second.record().version.origin;
    relabel(here, short_sha);
    relabel(first, short_sha);
    diagnostics.warning(here,
                        "article " + record.number.text() +
                            " is given twice in the same section of this commit; the first is "
                            "kept, this one ignored",
                        {"first given at " + first.file + ":" + std::to_string(first.line)});
    return;
  }
  snapshot.emplace(std::move(key), std::move(entry));
}

// What `article`, read from a blob, places as the file at `path` (`label`: "<short sha>:<path>");
// null when it places nothing.
PlacedRecord place_article(const MarkdownArticle& article, const ContentLayout& layout,
                           const ContentPath& place, const std::string& path,
                           const std::string& label, Diagnostics& diagnostics) {
  ArticleRecord record;
  MarkdownArticle copy = article;
  copy.version.origin.file = label;  // the blob may have been read first at another path
  if (!place_markdown_article(layout, place, path, std::move(copy), record, diagnostics))
    return nullptr;
  return std::make_shared<const ArticleRecord>(std::move(record));
}

// What checking a commit's files found, each naming "<short sha>:<path>".
void report_checked(CheckedFiles& files, const std::string& short_sha, Diagnostics& diagnostics) {
  Diagnostics found;
  files.report(found);
  for (Diagnostic d : found.all()) {
    d.where.file = short_sha + ':' + d.where.file;
    diagnostics.report(std::move(d));
  }
}

void read_article_file(const GitTree& tree, const FileSystem& files, const ContentLayout& layout,
                       const ContentPath& place, const std::string& path,
                       const std::string& short_sha, ReadCache& cache, Snapshot& snapshot,
                       Diagnostics& diagnostics) {
  std::string blob = tree.blob_id(path);
  // Kept from the last commit and placed alike: the same record, its problems said then.
  if (auto kept = cache.placed.find(path); kept != cache.placed.end()) {
    if (kept->second.blob == blob &&
        (cache.same_layout || kept->second.placement == layout_place(layout, place, path))) {
      kept->second.commit = cache.commit;
      if (kept->second.record)
        add_to_snapshot(snapshot, {kept->second.record, nullptr}, short_sha, diagnostics);
      return;
    }
    cache.placed.erase(kept);
  }
  const std::string label = short_sha + ':' + path;
  auto& articles = cache.reading.articles;
  auto cached = articles.find(blob);
  if (cached == articles.end()) {
    std::string text, error;
    if (!files.read_file(path, text, error)) {
      diagnostics.error({label, 0, 0}, "cannot read file: " + error);
      return;
    }
    if (is_whole_code_markdown(text)) {
      // Counted once: a commit read whole reads it again when nothing placed it before, as
      // the first commit of each build over a site does.
      cache.reading.whole_code_blobs.insert(blob);
      const WholeCodePlace code = place_whole_code(layout, place, path);
      std::vector<ArticleRecord> records;
      read_whole_code_markdown(text, label, code.code_title, code.sections_above, records,
                               diagnostics, &cache.html);
      for (ArticleRecord& r : records)
        add_to_snapshot(snapshot, {nullptr, std::make_unique<ArticleRecord>(std::move(r))},
                        short_sha, diagnostics);
      return;  // its records not cached by blob: a whole code changes in every commit
    }
    std::optional<MarkdownArticle> article(std::in_place);
    if (!read_markdown_article(text, label, *article, diagnostics)) article.reset();
    cached = articles.emplace(blob, std::move(article)).first;
  }
  PlacedRecord placed =
      cached->second ? place_article(*cached->second, layout, place, path, label, diagnostics)
                     : nullptr;
  cache.placed[path] = {std::move(blob), layout_place(layout, place, path), placed, cache.commit};
  if (placed) add_to_snapshot(snapshot, {std::move(placed), nullptr}, short_sha, diagnostics);
}

// A commit's files are checked as a folder's are (sources/checked_files.h: names and bytes
// UTF-8, no NUL, what the listing left out); those diagnostics name "<short sha>:<path>" too.
Snapshot read_commit(const GitTree& tree, const std::string& short_sha,
                     const GitHistoryOptions& options, ReadCache& cache, Diagnostics& diagnostics) {
  Snapshot snapshot;
  TreeKeepingIndexFiles kept(tree, cache);
  CheckedFiles files(kept);
  std::vector<std::string> listing = files.list_files("");
  std::size_t layout_files = 0;
  ContentLayout layout = ContentLayout::read(files, listing, diagnostics, layout_files);
  if (!options.code_title.empty()) layout.make_root_one_code(options.code_title);
  cache.same_layout = cache.layout && *cache.layout == layout;
  ++cache.commit;
  for (const std::string& path : listing) {
    if (!ends_with_ignoring_case(path, ".md")) continue;
    ContentPath place = layout.classify(path);
    if (place.role != MarkdownRole::kArticle) continue;
    read_article_file(tree, files, layout, place, path, short_sha, cache, snapshot, diagnostics);
  }
  // What the next commit may keep: this commit's files, under this layout.
  std::erase_if(cache.placed, [&](const auto& file) { return file.second.commit != cache.commit; });
  cache.layout = std::move(layout);
  report_checked(files, short_sha, diagnostics);
  return snapshot;
}

/// The day a commit's state took effect (see git_history.h).
Date commit_date(const GitCommit& commit) {
  if (commit.year < 1971)
    if (auto d = first_date_in_message(commit.message)) return *d;
  return Date::from_ymd(commit.year, commit.month, commit.day);
}

std::string amending_text(const std::string& message) {
  std::string first = message.substr(0, message.find('\n'));
  if (starts_with_ignoring_case(first, "version consolid")) return {};  // word is lower case
  return first;
}

// What the open `track` takes from `record` when it gives the text of its last version again, or
// a new text under the same LEGIARTI (that version corrected, as Légifrance corrects texts in
// place); false when `record` is a new version.
bool take_into_last(GitTrack& track, const ArticleRecord& record, const std::string& short_sha) {
  Version& last = track.versions.back().version;
  const std::string& id = record.version.id;
  const bool same = last.text_html == record.version.text_html && (id.empty() || id == last.id);
  const bool corrected = !same && !id.empty() && id == last.id;
  if (!same && !corrected) return false;
  // What the newer file says around the text (links, place) is the better.
  ArticleRecord& latest = track.versions.back();
  // Mostly the same: compared rather than copied (a whole code's file gives them all again).
  if (latest.code_title != record.code_title) latest.code_title = record.code_title;
  if (latest.section_path != record.section_path) latest.section_path = record.section_path;
  latest.order = record.order;
  last.links = record.version.links;
  last.nota_html = record.version.nota_html;
  if (corrected) {
    last.text_html = record.version.text_html;
    last.has_text = record.version.has_text;
    last.origin = record.version.origin;
    relabel(last.origin, short_sha);
  }
  return true;
}

// Starts a version of `track` with `record`, as of `commit` (on `date` unless its file dates it).
void start_version(GitTrack& track, ArticleRecord&& record, const GitCommit& commit, Date date) {
  ArticleRecord& added = track.versions.emplace_back(std::move(record));
  Version& v = added.version;
  relabel(v.origin, commit.sha.substr(0, 7));
  if (!v.start.known()) v.start = date;
  if (track.open) {
    Version& last = track.versions[track.versions.size() - 2].version;
    if (!last.end.known() || last.end == Date::no_end()) last.end = v.start;
    last.status = ArticleStatus::kModifie;
  }
  if (v.end == Date::no_end()) v.end = Date();
  v.source_key = commit.sha.substr(0, 7);
  v.amended_by = amending_text(commit.message);
  track.open = true;
}

void observe(std::map<std::string, GitTrack>& tracks, Snapshot& snapshot, const GitCommit& commit,
             std::unordered_map<const GitTrack*, PlacedRecord>& observed) {
  const Date date = commit_date(commit);
  const std::string short_sha = commit.sha.substr(0, 7);
  for (auto& [key, entry] : snapshot) {
    GitTrack& track = tracks[key];
    if (entry.shared) {
      // The record the open track took at an earlier commit: taking it again changes nothing.
      PlacedRecord& taken = observed[&track];
      if (track.open && taken == entry.shared) continue;
      taken = entry.shared;
    } else {
      observed.erase(&track);
    }
    if (track.open && take_into_last(track, entry.record(), short_sha)) continue;
    start_version(track, entry.shared ? ArticleRecord(*entry.shared) : std::move(*entry.owned),
                  commit, date);
  }
  for (auto& [key, track] : tracks) {
    if (!track.open || snapshot.count(key)) continue;
    Version& last = track.versions.back().version;
    if (!last.end.known() || last.end == Date::no_end()) last.end = date;
    last.status = ArticleStatus::kAbroge;
    track.open = false;
    observed.erase(&track);
  }
}

/// The files a commit changed, read by blob id: all a commit read from its changes reads.
class ChangedFiles final : public FileSystem {
 public:
  ChangedFiles(const GitRepository& repo, const std::vector<GitModifiedFile>& changes)
      : repo_(repo) {
    for (const GitModifiedFile& c : changes) blobs_[c.path] = c.blob;
  }
  bool read_file(const std::string& path, std::string& contents,
                 std::string& error) const override {
    auto it = blobs_.find(path);
    if (it == blobs_.end()) return error = "no such file in the commit", false;
    return repo_.read_blob(it->second, contents, error);
  }
  std::vector<std::string> list_files(const std::string&) const override { return {}; }
  bool is_directory(const std::string&) const override { return false; }
  bool is_file(const std::string& path) const override { return blobs_.count(path) != 0; }

 private:
  const GitRepository& repo_;
  std::map<std::string, std::string> blobs_;
};

/// An article file a commit changed in place, and what the last commit placed from it.
struct ChangedArticle {
  const GitModifiedFile* file;
  PlacedFile* kept;
  std::optional<MarkdownArticle> read;  // its article, when this commit read the blob first
  bool read_here = false;
  PlacedRecord placed;  // what the file places now
};

// The article files among `changes`, each placed by the last commit; false when the commit must
// be read whole: a changed index file (the layout may change), or an article file the last
// commit did not place.
bool changed_articles(const std::vector<GitModifiedFile>& changes, ReadCache& cache,
                      std::vector<ChangedArticle>& out) {
  for (const GitModifiedFile& change : changes) {
    if (!ends_with_ignoring_case(change.path, ".md")) continue;  // never read
    if (is_index_file(change.path)) return false;
    if (cache.layout->classify(change.path).role != MarkdownRole::kArticle) continue;
    auto kept = cache.placed.find(change.path);
    if (kept == cache.placed.end() || !kept->second.record) return false;
    out.push_back({&change, &kept->second, std::nullopt, false, nullptr});
  }
  return true;
}

// Reads and places the new text of each of `articles` as read_article_file would, keeping what
// it reads in `articles` (the reading's cache is left as it is); false at a file that cannot be
// read or now holds a whole code.
bool place_changed(std::vector<ChangedArticle>& articles, const FileSystem& files,
                   const std::string& short_sha, const ReadCache& cache, Diagnostics& diagnostics) {
  std::map<std::string, const std::optional<MarkdownArticle>*> read;  // by blob, this commit's
  for (ChangedArticle& a : articles) {
    const std::string& path = a.file->path;
    const std::string label = short_sha + ':' + path;
    const std::optional<MarkdownArticle>* article = nullptr;
    if (auto cached = cache.reading.articles.find(a.file->blob);
        cached != cache.reading.articles.end())
      article = &cached->second;
    else if (auto earlier = read.find(a.file->blob); earlier != read.end())
      article = earlier->second;
    if (!article) {
      std::string text, error;
      if (!files.read_file(path, text, error) || is_whole_code_markdown(text)) return false;
      a.read_here = true;
      a.read.emplace();
      if (!read_markdown_article(text, label, *a.read, diagnostics)) a.read.reset();
      article = read[a.file->blob] = &a.read;
    }
    if (*article)
      a.placed = place_article(**article, *cache.layout, cache.layout->classify(path), path, label,
                               diagnostics);
  }
  return true;
}

// Whether `now` takes the place in the snapshot that `before`, the record its track took, had:
// same code, number and section, so that every other article keeps its key.
bool same_place(const ArticleRecord& before, const PlacedRecord& now,
                std::map<std::string, GitTrack>& tracks,
                const std::unordered_map<const GitTrack*, PlacedRecord>& observed) {
  if (!now || plain_key(*now) != plain_key(before) || now->section_path != before.section_path)
    return false;
  auto track = tracks.find(plain_key(before));
  if (track == tracks.end() || !track->second.open) return false;
  auto taken = observed.find(&track->second);
  return taken != observed.end() && taken->second.get() == &before;
}

/// Reads a commit that only changes files in place from its changes alone, when that gives what
/// reading its whole tree would: the last commit was read, with no symbolic link, and its layout
/// and every other file stay, so each changed article is the only one that may change. False,
/// having kept and said nothing, when the commit must be read whole.
bool read_commit_changes(const GitRepository& repo, const GitCommit& commit, ReadCache& cache,
                         Diagnostics& diagnostics) {
  if (!cache.layout || cache.links || cache.last_sha.empty()) return false;
  std::optional<std::vector<GitModifiedFile>> changes = repo.modified_files(cache.last_sha, commit);
  std::vector<ChangedArticle> articles;
  if (!changes || !changed_articles(*changes, cache, articles)) return false;
  const std::string short_sha = commit.sha.substr(0, 7);
  ChangedFiles blobs(repo, *changes);
  CheckedFiles files(blobs);
  Diagnostics said;
  if (!place_changed(articles, files, short_sha, cache, said)) return false;
  for (const ChangedArticle& a : articles)
    if (!same_place(*a.kept->record, a.placed, cache.reading.tracks, cache.observed)) return false;
  // As read_commit says them: each file's problems in order, then what checking the bytes found.
  diagnostics.absorb(std::move(said));
  report_checked(files, short_sha, diagnostics);
  const Date date = commit_date(commit);
  for (ChangedArticle& a : articles) {
    if (a.read_here) cache.reading.articles.emplace(a.file->blob, std::move(a.read));
    GitTrack& track = cache.reading.tracks[plain_key(*a.placed)];
    cache.observed[&track] = a.placed;
    if (!take_into_last(track, *a.placed, short_sha))
      start_version(track, ArticleRecord(*a.placed), commit, date);
    a.kept->blob = a.file->blob;
    a.kept->record = std::move(a.placed);
  }
  cache.last_sha = commit.sha;
  return true;
}

// An article the last commit no longer has keeps the place it had in the last commit that had
// it, and places shift as a code changes: the CPI's R623-56, removed, came after R623-58. It is
// placed instead with the article of its section that precedes it in number, among those the last
// commit has (or with the first of them), its number deciding between the two.
void place_removed_articles(std::map<std::string, GitTrack>& tracks) {
  auto section_of = [](const ArticleRecord& r) {
    std::string key = r.code_title;
    for (const SectionRef& s : r.section_path) key += '\x1f' + s.title;
    return key;
  };
  std::unordered_map<std::string, std::vector<const ArticleRecord*>> present;
  for (const auto& [key, track] : tracks)
    if (track.open) present[section_of(track.versions.back())].push_back(&track.versions.back());
  for (auto& [key, track] : tracks) {
    ArticleRecord& removed = track.versions.back();
    auto siblings = present.find(section_of(removed));
    if (track.open || siblings == present.end()) continue;
    const ArticleRecord* before = nullptr;
    const ArticleRecord* first = nullptr;
    for (const ArticleRecord* r : siblings->second) {
      if (compare_section_order(r->number.text(), removed.number.text()) < 0 &&
          (!before || compare_section_order(before->number.text(), r->number.text()) < 0))
        before = r;
      if (!first || r->order < first->order) first = r;
    }
    removed.order = (before ? before : first)->order;
  }
}

void add_tracks(std::map<std::string, GitTrack>& tracks, Corpus& corpus, Diagnostics& diagnostics,
                LoadSummary& summary) {
  place_removed_articles(tracks);
  for (auto& [key, track] : tracks) {
    const ArticleRecord& latest = track.versions.back();
    Version& last = track.versions.back().version;
    if (track.open) {
      if (last.status == ArticleStatus::kUnknown) last.status = ArticleStatus::kVigueur;
      if (!last.end.known()) last.end = Date::no_end();
    }
    const std::string code_title = latest.code_title;
    std::vector<SectionRef> section = latest.section_path;
    std::int64_t order = latest.order;
    for (ArticleRecord& record : track.versions) {
      record.code_title = code_title;
      record.section_path = section;
      record.order = order;
      if (add_record(corpus, std::move(record), diagnostics) != RecordOutcome::kRejected)
        ++summary.versions_read;
    }
  }
}

// The titles of the codes the tracks belong to; taken before add_tracks moves the records.
std::set<std::string> code_titles(const std::map<std::string, GitTrack>& tracks) {
  std::set<std::string> titles;
  for (const auto& [key, track] : tracks) titles.insert(track.versions.back().code_title);
  return titles;
}

// The code is as current as the last commit read.
void date_codes(Corpus& corpus, const std::set<std::string>& titles, Date last) {
  for (const std::string& title : titles) {
    CodeId id = corpus.find_code(title);
    if (!id.valid()) continue;
    Code& code = corpus.code(id);
    code.data_source = "historique Git";
    offer_data_date(code, last, Code::DataDateRule::kLastCommit);
  }
}

// The reading `cache` holds when it read the first of `commits` with the same options: a copy to
// read the others into; else an empty reading.
GitHistoryReading kept_reading(const SourceCache* cache, const GitHistoryOptions& options,
                               const std::vector<GitCommit>& commits) {
  const GitHistoryReading* kept = cache ? cache->git.get() : nullptr;
  if (kept && kept->options == options && kept->shas.size() <= commits.size() &&
      std::equal(kept->shas.begin(), kept->shas.end(), commits.begin(),
                 [](const std::string& sha, const GitCommit& c) { return sha == c.sha; }))
    return *kept;
  GitHistoryReading empty;
  empty.options = options;
  return empty;
}

}  // namespace

LoadSummary load_git_history(const std::string& path, const GitHistoryOptions& options,
                             Corpus& corpus, Diagnostics& diagnostics, SourceCache* cache) {
  LoadSummary summary;
  std::string error;
  std::unique_ptr<GitRepository> repo = GitRepository::open(path, error);
  std::vector<GitCommit> commits;
  if (!repo || !repo->commits(options.commits, commits, error)) {
    diagnostics.error({path, 0, 0}, error);
    return summary;
  }
  if (std::vector<std::string> dirty = repo->uncommitted_markdown(); !dirty.empty())
    diagnostics.warning({path + '/' + dirty.front(), 0, 0},
                        std::to_string(dirty.size()) +
                            " Markdown file(s) of the working tree differ from the last commit; "
                            "only commits are read (commit them, or build with --no-git)");
  GitHistoryReading reading = kept_reading(cache, options, commits);
  const std::size_t kept_blobs = reading.blobs_read();
  OnceReporter reporter(diagnostics, reading.reported);
  reporter.replay();
  ReadCache read(reading);
  bool whole = true;  // every commit's tree was read: the reading may be kept
  Date last = reading.shas.empty() ? Date() : commit_date(commits[reading.shas.size() - 1]);
  for (std::size_t i = reading.shas.size(); i < commits.size(); ++i) {
    const GitCommit& commit = commits[i];
    Diagnostics scratch;
    if (!read_commit_changes(*repo, commit, read, scratch)) {
      std::unique_ptr<GitTree> tree = repo->tree(commit, error);
      if (!tree) {
        reporter.forward(std::move(scratch));
        diagnostics.error({path, 0, 0}, commit.sha + ": " + error);
        whole = false;
        read.last_sha.clear();
        continue;
      }
      Snapshot snapshot = read_commit(*tree, commit.sha.substr(0, 7), options, read, scratch);
      observe(reading.tracks, snapshot, commit, read.observed);
      read.last_sha = commit.sha;
      read.links = tree->has_links();
    }
    reporter.forward(std::move(scratch));
    reading.shas.push_back(commit.sha);
    last = commit_date(commit);
  }
  summary.files_unchanged = kept_blobs;
  summary.files_read = reading.blobs_read() - kept_blobs;
  if (cache) cache->git = whole ? std::make_shared<const GitHistoryReading>(reading) : nullptr;
  const std::set<std::string> titles = code_titles(reading.tracks);
  add_tracks(reading.tracks, corpus, diagnostics, summary);
  if (last.known()) date_codes(corpus, titles, last);
  return summary;
}

}  // namespace legisite
