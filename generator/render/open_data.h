#pragma once
/// The site's data as JSON (README "For developers"): an `index.json` beside every article,
/// version and code page, and files about the whole site (`codes.json`, each code's
/// `articles.json`). Each file starts with its "schema" ("legisite/article/1"…), described by
/// `schemas/<kind>.schema.json` in the repository. Everything here is read from the model and the
/// resolve stage's answers, as the HTML pages read it, so the two never disagree.

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view_model.h"
#include "resolve/link_graph.h"

namespace legisite {

/// The schema versions written in the "schema" field of each kind of file. A field added keeps
/// the version; a field renamed, removed or given another meaning takes the next one.
inline constexpr std::string_view kArticleSchema = "legisite/article/1";
inline constexpr std::string_view kVersionSchema = "legisite/version/1";
inline constexpr std::string_view kCodeSchema = "legisite/code/1";
inline constexpr std::string_view kCodesSchema = "legisite/codes/1";
inline constexpr std::string_view kArticlesSchema = "legisite/articles/1";
inline constexpr std::string_view kTextSchema = "legisite/text/1";
inline constexpr std::string_view kTextsSchema = "legisite/texts/1";

/// True for the pages that have a JSON file beside them: article, version, code and amending
/// text pages, and the index of amending texts.
bool has_page_data(PageKind kind);

/// "a/b/index.html" -> "a/b/index.json": the data file in the page's folder.
std::string page_data_path(std::string_view page_path);

/// The JSON file of one page whose kind has_page_data.
std::string page_data(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                      const SiteOptions& options, const PagePlan& page);

/// A file that is not a page, with its site path.
struct SiteFile {
  std::string path;
  std::string contents;
};

/// `codes.json` (every code of the site) and, for each code, `<code>/articles.json` (every
/// article in table-of-contents order, cited-only ones after, compactly).
std::vector<SiteFile> site_data_files(const Corpus& corpus, const SiteIndex& index,
                                      const SiteOptions& options);

}  // namespace legisite
