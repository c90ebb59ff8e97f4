#include "sources/sources.h"

#include "sources/checked_files.h"
#include "sources/content_layout.h"
#include "sources/git_history.h"
#include "sources/git_repository.h"
#include "sources/legi_loader.h"
#include "sources/legifrance_json.h"
#include "sources/markdown_history.h"
#include "sources/markdown_reader.h"
#include "sources/source_cache.h"
#include "sources/whole_code_markdown.h"
#include "text/ascii.h"

namespace legisite {

namespace {

// Files and folders whose names start with '.' (.git, .DS_Store, editor swap files) are never
// content.
bool is_hidden(const std::string& path) {
  return !path.empty() && (path[0] == '.' || path.find("/.") != std::string::npos);
}

// One Markdown file holding a whole code (Archéo Lex).
void load_whole_code_file(const ContentLayout& layout, const ContentPath& place,
                          const std::string& path, std::string_view text, Corpus& corpus,
                          Diagnostics& diagnostics, LoadSummary& summary) {
  const WholeCodePlace code = place_whole_code(layout, place, path);
  std::vector<ArticleRecord> records;
  read_whole_code_markdown(text, path, code.code_title, code.sections_above, records, diagnostics);
  for (ArticleRecord& record : records)
    if (add_record(corpus, std::move(record), diagnostics) != RecordOutcome::kRejected)
      ++summary.versions_read;
}

void load_markdown_file(const FileSystem& files, const ContentLayout& layout,
                        const std::string& path, SourceCache* cache, Corpus& corpus,
                        Diagnostics& diagnostics, LoadSummary& summary) {
  ContentPath place = layout.classify(path);
  if (place.role != MarkdownRole::kArticle) return;  // _index.md were read with the layout
  ArticleFile file = read_article_file(files, path, cache, true, diagnostics);
  if (!file.opened) return;
  ++(file.cached ? summary.files_unchanged : summary.files_read);
  if (file.whole_code) {
    load_whole_code_file(layout, place, path, file.text, corpus, diagnostics, summary);
    return;
  }
  if (!file.parsed) return;
  ArticleRecord record;
  if (!place_markdown_article(layout, place, path, std::move(file.article), record, diagnostics))
    return;
  // Count only what the corpus kept.
  if (add_record(corpus, std::move(record), diagnostics) != RecordOutcome::kRejected)
    ++summary.versions_read;
}

}  // namespace

bool reads_commits(const std::string& path, const SourceOptions& options) {
  return options.read_git && GitRepository::is_repository(path);
}

LoadSummary load_sources(const FileSystem& content, Corpus& corpus, Diagnostics& diagnostics,
                         std::size_t jobs, const SourceOptions& options, SourceCache* cache) {
  if (cache) cache->start_load();
  if (const auto* disk = dynamic_cast<const DiskFileSystem*>(&content);
      disk && !disk->is_single_file() && reads_commits(disk->full_path(""), options)) {
    LoadSummary summary = load_git_history(disk->full_path(""),
                                           GitHistoryOptions{options.commits, options.code_title},
                                           corpus, diagnostics, cache);
    if (cache) cache->finish_load();
    return summary;
  }
  if (cache) cache->git.reset();
  LoadSummary summary;
  // Every reader reads through the same checks (names, UTF-8, what the listing left out).
  CheckedFiles files(content);
  // Sorted bytewise by the FileSystem, so every build adds versions (and reports clashes) in the
  // same order.
  const std::vector<std::string> listing = files.list_files("");
  // Dated Markdown histories (commits.jsonl beside history/) have a layout of their own; the
  // other readers see the rest of the tree.
  std::vector<std::string> paths;
  const std::vector<MarkdownHistory> histories = find_markdown_histories(listing, paths);
  // Every _index.md first: an article's code title and its sections' order come from index files
  // that may sort after it ("Livre 1/L1.md" < "Livre 1/_index.md").
  ContentLayout layout = ContentLayout::read(files, paths, diagnostics, summary.files_read);
  if (!options.code_title.empty()) layout.make_root_one_code(options.code_title);
  // LEGI XML files explain each other (titles, order, identity): read them as one tree.
  std::vector<std::string> xml_paths;
  for (const std::string& path : paths) {
    if (is_hidden(path)) continue;
    if (ends_with_ignoring_case(path, ".md")) {
      load_markdown_file(files, layout, path, cache, corpus, diagnostics, summary);
      continue;
    }
    if (ends_with_ignoring_case(path, ".json")) {
      load_legifrance_json_file(files, path, corpus, diagnostics, summary, jobs);
      continue;
    }
    if (ends_with_ignoring_case(path, ".xml")) {
      xml_paths.push_back(path);
      continue;
    }
    // Any other file (images, notes) is not a source and is ignored.
  }
  summary += load_legi_files(files, xml_paths, corpus, diagnostics, jobs, cache);
  for (const MarkdownHistory& history : histories)
    load_markdown_history(files, history, corpus, diagnostics, summary,
                          HistoryLoadOptions{jobs, cache});
  files.report(diagnostics);
  if (cache) cache->finish_load();
  return summary;
}

}  // namespace legisite
