#pragma once
/// What reading source files gave, kept in memory between the rebuilds of `legisite serve`, so
/// that a rebuild reads and parses only the files that changed. `build` keeps none.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "sources/markdown_reader.h"

namespace legisite {

/// What read_markdown_article made of one file's bytes, and what it reported, in order.
struct ParsedMarkdown {
  bool parsed = false;  // what read_markdown_article returned; `article` is valid when true
  MarkdownArticle article;
  std::vector<Diagnostic> diagnostics;
};

/// Markdown article files (content articles and history version files) as read_markdown_article
/// read them, by path and FileStamp. Only that reading is kept: it depends on the file's bytes and
/// path alone, while where an article goes (the content layout's _index.md files, a history's
/// commit log) is worked out again at each load, so that no change to another file can leave a
/// cached entry wrong. Files that are a whole code in one Markdown file are not kept (their reading
/// depends on the layout), nor JSON dumps, LEGI XML or git repositories: those are read again.
/// Safe to use from the threads of one load.
class SourceCache {
 public:
  /// A load starts: what it neither finds nor stores is forgotten at finish_load (deleted files).
  void start_load();
  void finish_load();

  /// The reading of `path` when it was read with this stamp, or null.
  std::shared_ptr<const ParsedMarkdown> find(const std::string& path, const FileStamp& stamp);
  void store(const std::string& path, const FileStamp& stamp,
             std::shared_ptr<const ParsedMarkdown> parsed);
  /// Keeps a reading that find() must not hand out (its file was written too recently to trust
  /// its stamp) but that last_reading() gives.
  void remember(const std::string& path, std::shared_ptr<const ParsedMarkdown> parsed);
  /// What the last load (or remember()) read from `path`, whatever its stamp; null if nothing.
  /// serve compares it with a new reading to tell an edit of the text alone.
  std::shared_ptr<const ParsedMarkdown> last_reading(const std::string& path) const;

  /// How many readings find() may give.
  std::size_t size() const;

 private:
  struct Entry {
    FileStamp stamp;
    bool stamped = true;  // false: the stamp is not trusted, find() never gives it
    std::shared_ptr<const ParsedMarkdown> parsed;
    std::size_t load = 0;  // the last load that used it
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t load_ = 0;
};

/// One Markdown file read as an article.
struct ArticleFile {
  bool opened = false;      // read (or its reading found in the cache); else reported
  bool cached = false;      // its reading was found in the cache: the file was not read
  bool whole_code = false;  // a whole code in one file (whole_code_markdown.h): `text` holds it
  bool parsed = false;      // read_markdown_article succeeded: `article` holds the version
  std::string text;
  MarkdownArticle article;
};

/// Reads the Markdown file `path` of `files` with read_markdown_article, through `cache` when not
/// null: a file whose stamp is the cached one is neither read nor parsed, and the diagnostics its
/// reading gave are reported again, in the same order. A file modified less than a second before it
/// is read is not cached (its stamp could survive a second write). With `detect_whole_code`, a file
/// that is a whole code is not parsed but handed back in `text`.
ArticleFile read_article_file(const FileSystem& files, const std::string& path, SourceCache* cache,
                              bool detect_whole_code, Diagnostics& diagnostics);

}  // namespace legisite
