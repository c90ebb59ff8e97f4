#pragma once
/// What reading source files gave, kept in memory between the rebuilds of `legisite serve`, and
/// beside a published site (sources/source_record.h) for the next `build`, so that a rebuild reads
/// and parses only the files that changed.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "sources/git_history.h"
#include "sources/legi_xml.h"
#include "sources/markdown_reader.h"

namespace legisite {

/// What read_markdown_article made of one file's bytes, and what it reported, in order.
struct ParsedMarkdown {
  bool parsed = false;  // what read_markdown_article returned; `article` is valid when true
  MarkdownArticle article;
  std::vector<Diagnostic> diagnostics;
};

/// How long a file must have been left alone before it was read for its stamp to be trusted: file
/// systems stamp writes with a coarse clock, so a second write within the same tick, of the same
/// size, would keep the stamp (git's "racy" files).
inline constexpr std::int64_t kStampSettleNanoseconds = 1'000'000'000;

/// One LEGI XML file as parse_legi_document read it, and what it reported, in order.
struct ParsedLegi {
  std::optional<LegiDocument> document;  // nullopt: the file was reported and is skipped
  std::vector<Diagnostic> diagnostics;
};

/// What reading files of one kind gave, by path and FileStamp. Safe to use from the threads of
/// one load.
template <typename Parsed>
class StampedReadings {
 public:
  /// A load starts: what it neither finds nor stores is forgotten at finish_load (deleted files).
  void start_load();
  void finish_load();

  /// The reading of `path` when it was read with this stamp, or null.
  std::shared_ptr<const Parsed> find(const std::string& path, const FileStamp& stamp);
  /// Keeps the reading of `path` read with this stamp. An untrusted one (its file was written too
  /// recently to trust its stamp) is never given by find(), but is recorded and last_reading()
  /// gives it.
  void store(const std::string& path, const FileStamp& stamp, std::shared_ptr<const Parsed> parsed,
             bool trusted = true);
  /// Keeps a reading of no known stamp (its file changed while it was read, or serve read it
  /// alone): last_reading() gives it, find() and recorded() do not.
  void remember(const std::string& path, std::shared_ptr<const Parsed> parsed);
  /// What the last load (or remember()) read from `path`, whatever its stamp; null if nothing.
  /// serve compares it with a new reading to tell an edit of the text alone.
  std::shared_ptr<const Parsed> last_reading(const std::string& path) const;

  /// How many readings find() may give.
  std::size_t size() const;
  /// Forgets every reading.
  void clear();

  /// A reading with the stamp of the file it was read from.
  struct Stamped {
    std::string path;
    FileStamp stamp;
    std::shared_ptr<const Parsed> parsed;
  };
  /// The stamped readings the last load found or made, sorted by path: what it read, whatever
  /// the time it was read at, so that two builds of the same files record the same.
  std::vector<Stamped> recorded() const;

 private:
  struct Entry {
    FileStamp stamp;
    bool stamped = true;  // false: no stamp is known
    bool trusted = true;  // false: find() never gives it
    std::shared_ptr<const Parsed> parsed;
    std::size_t load = 0;  // the last load that used it
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t load_ = 0;
};

/// The source files whose reading depends on their bytes and path alone, as they were read,
/// kept in memory between the rebuilds of `legisite serve` and beside a published site for the
/// next `build`:
/// - Markdown article files (content articles and history version files), as
///   read_markdown_article read them;
/// - LEGI XML files, as parse_legi_document read them.
/// Where an article goes (the content layout's _index.md files, a history's commit log, the other
/// LEGI files of its tree) is worked out again at each load, so that no change to another file
/// can leave a cached entry wrong. Files that are a whole code in one Markdown file are not kept
/// (their reading depends on the layout), nor JSON dumps: those are read again. A git repository's
/// reading is kept up to its last commit read (git_history.h).
class SourceCache {
 public:
  StampedReadings<ParsedMarkdown> markdown;
  StampedReadings<ParsedLegi> legi;
  /// The last load's reading of a git repository; null when it read none.
  std::shared_ptr<const GitHistoryReading> git;

  void start_load();
  void finish_load();
  /// How many readings the next load may take instead of reading a file.
  std::size_t size() const;
  void clear();
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

/// One LEGI XML file read.
struct LegiFile {
  bool opened = false;  // read (or its reading found in the cache); else reported
  bool cached = false;  // its reading was found in the cache: the file was not read
  std::optional<LegiDocument> document;
};

/// Reads the LEGI XML file `path` of `files` with parse_legi_document, through `cache` as
/// read_article_file does.
LegiFile read_legi_file(const FileSystem& files, const std::string& path, SourceCache* cache,
                        Diagnostics& diagnostics);

}  // namespace legisite
