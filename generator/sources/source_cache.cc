#include "sources/source_cache.h"

#include <algorithm>

#include "sources/whole_code_markdown.h"

namespace legisite {

void SourceCache::start_load() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++load_;
}

void SourceCache::finish_load() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(entries_, [this](const auto& entry) { return entry.second.load != load_; });
}

std::shared_ptr<const ParsedMarkdown> SourceCache::find(const std::string& path,
                                                        const FileStamp& stamp) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(path);
  if (it == entries_.end() || !it->second.trusted || !(it->second.stamp == stamp)) return nullptr;
  it->second.load = load_;
  return it->second.parsed;
}

void SourceCache::store(const std::string& path, const FileStamp& stamp,
                        std::shared_ptr<const ParsedMarkdown> parsed, bool trusted) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[path] = Entry{stamp, true, trusted, std::move(parsed), load_};
}

void SourceCache::remember(const std::string& path, std::shared_ptr<const ParsedMarkdown> parsed) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[path] = Entry{FileStamp{}, false, false, std::move(parsed), load_};
}

std::shared_ptr<const ParsedMarkdown> SourceCache::last_reading(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : it->second.parsed;
}

std::size_t SourceCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(std::count_if(entries_.begin(), entries_.end(),
                                                [](const auto& e) { return e.second.trusted; }));
}

void SourceCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

std::vector<SourceCache::Stamped> SourceCache::recorded() const {
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

namespace {

void give(const ParsedMarkdown& parsed, ArticleFile& file, Diagnostics& diagnostics) {
  for (const Diagnostic& d : parsed.diagnostics) diagnostics.report(d);
  file.parsed = parsed.parsed;
  if (parsed.parsed) file.article = parsed.article;
}

}  // namespace

ArticleFile read_article_file(const FileSystem& files, const std::string& path, SourceCache* cache,
                              bool detect_whole_code, Diagnostics& diagnostics) {
  ArticleFile file;
  // Stamped before reading: a file written meanwhile is stored under its older stamp, and the
  // next load reads it again.
  const std::int64_t read_at = stamp_clock_now();
  FileStamp before;
  const bool stamped = cache && files.stamp(path, before);
  if (stamped) {
    if (auto parsed = cache->find(path, before)) {
      file.opened = true;
      file.cached = true;
      give(*parsed, file, diagnostics);
      return file;
    }
  }
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
  if (!stamped) {
    file.parsed = read_markdown_article(file.text, path, file.article, diagnostics);
    return file;
  }
  auto parsed = std::make_shared<ParsedMarkdown>();
  Diagnostics reported;
  parsed->parsed = read_markdown_article(file.text, path, parsed->article, reported);
  parsed->diagnostics = reported.all();
  give(*parsed, file, diagnostics);
  // Stamped again after reading: a file whose reading found a problem with its bytes (reported
  // once, by the files' checks) has none, nor has one that changed while it was read. One written
  // too recently is read again at the next load.
  FileStamp after;
  if (files.stamp(path, after) && after == before)
    cache->store(path, before, std::move(parsed),
                 after.mtime_ns + kStampSettleNanoseconds < read_at);
  else
    cache->remember(path, std::move(parsed));
  return file;
}

}  // namespace legisite
