#include "sources/source_cache.h"

#include <algorithm>

#include "sources/whole_code_markdown.h"

namespace legisite {

template <typename Parsed>
void StampedReadings<Parsed>::start_load() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++load_;
}

template <typename Parsed>
void StampedReadings<Parsed>::finish_load() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(entries_, [this](const auto& entry) { return entry.second.load != load_; });
}

template <typename Parsed>
std::shared_ptr<const Parsed> StampedReadings<Parsed>::find(const std::string& path,
                                                            const FileStamp& stamp) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(path);
  if (it == entries_.end() || !it->second.trusted || !(it->second.stamp == stamp)) return nullptr;
  it->second.load = load_;
  return it->second.parsed;
}

template <typename Parsed>
void StampedReadings<Parsed>::store(const std::string& path, const FileStamp& stamp,
                                    std::shared_ptr<const Parsed> parsed, bool trusted) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[path] = Entry{stamp, true, trusted, std::move(parsed), load_};
}

template <typename Parsed>
void StampedReadings<Parsed>::remember(const std::string& path,
                                       std::shared_ptr<const Parsed> parsed) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[path] = Entry{FileStamp{}, false, false, std::move(parsed), load_};
}

template <typename Parsed>
std::shared_ptr<const Parsed> StampedReadings<Parsed>::last_reading(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : it->second.parsed;
}

template <typename Parsed>
std::size_t StampedReadings<Parsed>::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(std::count_if(entries_.begin(), entries_.end(),
                                                [](const auto& e) { return e.second.trusted; }));
}

template <typename Parsed>
void StampedReadings<Parsed>::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

template <typename Parsed>
std::vector<typename StampedReadings<Parsed>::Stamped> StampedReadings<Parsed>::recorded() const {
  std::vector<Stamped> out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [path, entry] : entries_)
      if (entry.stamped && entry.load == load_) out.push_back({path, entry.stamp, entry.parsed});
  }
  std::sort(out.begin(), out.end(),
            [](const Stamped& a, const Stamped& b) { return a.path < b.path; });
  return out;
}

template class StampedReadings<ParsedMarkdown>;
template class StampedReadings<ParsedLegi>;

void SourceCache::start_load() {
  markdown.start_load();
  legi.start_load();
}

void SourceCache::finish_load() {
  markdown.finish_load();
  legi.finish_load();
}

std::size_t SourceCache::size() const { return markdown.size() + legi.size() + (git ? 1 : 0); }

void SourceCache::clear() {
  markdown.clear();
  legi.clear();
  git.reset();
}

namespace {

/// A file about to be read through the cache: its stamp before reading, and when it was taken.
struct Stamping {
  std::int64_t read_at = 0;
  FileStamp before;
  bool stamped = false;
};

// Stamped before reading: a file written meanwhile is stored under its older stamp, and the next
// load reads it again.
Stamping stamp_before_reading(const FileSystem& files, const std::string& path, bool cached) {
  Stamping s;
  s.read_at = stamp_clock_now();
  s.stamped = cached && files.stamp(path, s.before);
  return s;
}

// Stamped again after reading: a file whose reading found a problem with its bytes (reported
// once, by the files' checks) has none, nor has one that changed while it was read. One written
// too recently is read again at the next load.
template <typename Parsed>
void keep_reading(const FileSystem& files, const std::string& path, const Stamping& s,
                  StampedReadings<Parsed>& readings, std::shared_ptr<const Parsed> parsed) {
  FileStamp after;
  if (files.stamp(path, after) && after == s.before)
    readings.store(path, s.before, std::move(parsed),
                   after.mtime_ns < s.read_at - kStampSettleNanoseconds);
  else
    readings.remember(path, std::move(parsed));
}

void give(const ParsedMarkdown& parsed, ArticleFile& file, Diagnostics& diagnostics) {
  for (const Diagnostic& d : parsed.diagnostics) diagnostics.report(d);
  file.parsed = parsed.parsed;
  if (parsed.parsed) file.article = parsed.article;
}

void give(const ParsedLegi& parsed, LegiFile& file, Diagnostics& diagnostics) {
  for (const Diagnostic& d : parsed.diagnostics) diagnostics.report(d);
  file.document = parsed.document;
}

// Gives the kept reading of a file whose stamp is unchanged, as if it had been read now: false
// when there is none.
template <typename Parsed, typename File>
bool give_kept(const Stamping& s, const std::string& path, StampedReadings<Parsed>& readings,
               File& file, Diagnostics& diagnostics) {
  auto parsed = readings.find(path, s.before);
  if (!parsed) return false;
  file.opened = true;
  file.cached = true;
  give(*parsed, file, diagnostics);
  return true;
}

}  // namespace

ArticleFile read_article_file(const FileSystem& files, const std::string& path, SourceCache* cache,
                              bool detect_whole_code, Diagnostics& diagnostics) {
  ArticleFile file;
  const Stamping stamping = stamp_before_reading(files, path, cache != nullptr);
  if (stamping.stamped && give_kept(stamping, path, cache->markdown, file, diagnostics))
    return file;
  std::string error;
  if (!files.read_file(path, file.text, error)) {
    diagnostics.error({path, 0, 0}, "cannot read file: " + error);
    return file;
  }
  file.opened = true;
  if (detect_whole_code && is_whole_code_markdown(file.text)) {
    file.whole_code = true;
    return file;
  }
  if (!stamping.stamped) {
    file.parsed = read_markdown_article(file.text, path, file.article, diagnostics);
    return file;
  }
  auto parsed = std::make_shared<ParsedMarkdown>();
  Diagnostics reported;
  parsed->parsed = read_markdown_article(file.text, path, parsed->article, reported);
  parsed->diagnostics = reported.all();
  give(*parsed, file, diagnostics);
  keep_reading<ParsedMarkdown>(files, path, stamping, cache->markdown, std::move(parsed));
  return file;
}

LegiFile read_legi_file(const FileSystem& files, const std::string& path, SourceCache* cache,
                        Diagnostics& diagnostics) {
  LegiFile file;
  const Stamping stamping = stamp_before_reading(files, path, cache != nullptr);
  if (stamping.stamped && give_kept(stamping, path, cache->legi, file, diagnostics)) return file;
  std::string text, error;
  if (!files.read_file(path, text, error)) {
    diagnostics.error({path, 0, 0}, "cannot read file: " + error);
    return file;
  }
  file.opened = true;
  if (!stamping.stamped) {
    file.document = parse_legi_document(text, path, diagnostics);
    return file;
  }
  auto parsed = std::make_shared<ParsedLegi>();
  Diagnostics reported;
  parsed->document = parse_legi_document(text, path, reported);
  parsed->diagnostics = reported.all();
  give(*parsed, file, diagnostics);
  keep_reading<ParsedLegi>(files, path, stamping, cache->legi, std::move(parsed));
  return file;
}

}  // namespace legisite
