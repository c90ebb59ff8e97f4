#pragma once
/// Reader for Légifrance API JSON: whole codes as the `consult/code` tree dumps give them, and
/// single `getArticle` responses. RapidJSON stays inside legifrance_json.cc.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "model/corpus.h"
#include "model/corpus_builder.h"
#include "sources/load_summary.h"

namespace legisite {

/// A section in which no article was read (codes keep empty chapters): the table of contents
/// still lists it, so it is handed over on
/// its own. Sections that hold articles come with their ArticleRecords.
struct SectionRecord {
  std::string code_title;
  std::string code_legi_id;
  std::vector<SectionRef> path;  // from the code's top level down to this section
  SourceLocation where;
};

/// What one JSON document holds, in the shape the model takes it.
struct LegifranceJsonContent {
  std::vector<ArticleRecord> articles;  // one per article version, in document order
  std::vector<SectionRecord> empty_sections;
  /// A code tree's code and how current its data are: its `data.dateModif` (the day of the
  /// code's consolidated version the dump holds), else a `YYYY-MM-DD` in the file's name
  /// (`css-2026-03-14.json`); unknown for an article response.
  std::string code_title;
  std::string code_legi_id;
  Date data_date;
  bool data_date_from_file_name = false;
};

/// Reads one Légifrance API JSON document, `file` naming it in diagnostics. Two shapes are
/// recognised by their root:
/// - a code tree `{"type": "code", "data": {...}, "children": [...]}` whose children are
///   `section` and `article` nodes (the dumps of `consult/code`);
/// - an article response `{"article": {...}}` (`getArticle`), placed in its code and sections
///   by `article.context`.
/// Every entry of an article's `articleVersions` becomes one record; only the version whose id
/// is the article's `id` carries text (`texteHtml`, sanitised), the others are kept without.
/// Problems are reported with the JSON path of the offending value in the message
/// (`$.children[3].children[0].data.num: …`) and its line and column; a bad article or version
/// is skipped and the rest of the document still loads.
/// Returns false when the document as a whole could not be read (not well-formed, unrecognised
/// shape, no code to put the articles in); `out` is then left empty. Articles are read on `jobs`
/// threads (`-j`); the result and the diagnostics do not depend on it.
bool read_legifrance_json(std::string_view text, const std::string& file,
                          LegifranceJsonContent& out, Diagnostics& diagnostics,
                          std::size_t jobs = 1);
/// The same, decoding the document in place: no copy of a whole-code dump.
bool read_legifrance_json(std::string&& text, const std::string& file, LegifranceJsonContent& out,
                          Diagnostics& diagnostics, std::size_t jobs = 1);
bool read_legifrance_json(FileBytes&& bytes, const std::string& file, LegifranceJsonContent& out,
                          Diagnostics& diagnostics, std::size_t jobs = 1);

/// Hands a document's content to the corpus: every version through add_record, then the empty
/// sections. Returns the number of versions the corpus kept.
std::size_t add_legifrance_json(Corpus& corpus, LegifranceJsonContent content,
                                Diagnostics& diagnostics);

/// load_sources' entry for one `.json` file of the content tree: reads it from `files`, then
/// add_legifrance_json.
void load_legifrance_json_file(const FileSystem& files, const std::string& path, Corpus& corpus,
                               Diagnostics& diagnostics, LoadSummary& summary,
                               std::size_t jobs = 1);

}  // namespace legisite
