#pragma once
/// The site's static search (README "Search"): an index written as JavaScript files that the
/// theme's search script loads with <script> elements (never fetch(), so the site works from
/// file:// and below any base URL), and the search page that shows the results.
///
/// Files, below recherche/ at the site root:
/// - index.js: the folding table (fold_letter, for the script's copy of search_terms), the
///   labels of states, and per code its slug, title and where each run of texts starts;
/// - <code-slug>-articles.js: the code's sections (parent, title, anchor, terms) and articles
///   (number, slug, state token, section, number key), cited-only ones included;
/// - <code-slug>-texte-mots-<N>.js: for a run of articles, the distinct search terms of the text
///   each article page shows, in order (" a b c "): what a search of words reads;
/// - <code-slug>-texte-<N>.js: the visible text of the same run, for snippets and phrases;
/// - <code-slug>-versions-mots-<N>.js and -versions-<N>.js: the same for every other version
///   with a text and a page, the first with its article, folder, dates and state (only for
///   sites with version pages).
/// Each file calls legisiteSearch.shard(name, data).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/digest.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// "recherche/index.html".
std::string search_page_path();

/// The folder of the index and the search page: "recherche/".
std::string_view search_dir();

/// One file of the index: its path below the site root and its contents.
struct SearchFile {
  std::string path;
  std::string contents;
  /// A shard of texts: what it is made from, for the next build over the site. `kept`: the
  /// published site's file was kept (SearchReuse::keep) and `contents` is empty.
  std::optional<Digest> inputs;
  bool kept = false;
};

/// What lets a build over a published site skip the shards of texts whose articles did not
/// change: the costly part of the index, the search terms of every text, is then made only for
/// the shards an edit touched.
struct SearchReuse {
  /// By ArticleId, a digest of all of the article's data and of what else changes the index
  /// (SiteFingerprints::articles).
  const std::vector<Digest>& articles;
  /// Keeps the published file at `path` when it was made from `inputs`; true when kept.
  std::function<bool(const std::string& path, const Digest& inputs)> keep;
};

/// Every file of the index, in a fixed order (the same for every -j). With `reuse`, a shard of
/// texts it keeps is listed with `kept` set.
std::vector<SearchFile> search_index_files(const Corpus& corpus, const SiteOptions& options,
                                           const SearchReuse* reuse = nullptr);

/// Whether the index holds versions other than those the article pages show, which the search
/// page then offers to search.
bool search_has_versions(const Corpus& corpus, const SiteOptions& options);

/// The search page's view: the layout, and `search_codes[]` {`slug`, `title`} for the scope
/// selector, `search_has_versions` (above).
View search_view(const Corpus& corpus, const SiteOptions& options);

/// The layout fields of the header's search box on `page`: `search_href` (the search page),
/// `search_root` (the site root, where the script finds recherche/; absolute on the 404 page,
/// which hosts serve at any address) and `search_code` (the slug of the page's code, "" for
/// none).
void add_search_box(View& view, const Corpus& corpus, const SiteOptions& options,
                    const PagePlan& page);

/// The field names search views add, for view_field_names.
const std::vector<std::string_view>& search_field_names();

}  // namespace legisite
