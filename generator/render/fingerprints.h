#pragma once
/// What each page is made from, as one digest per page: a build over a published site renders
/// again only the pages whose fingerprint changed and carries the others over (README
/// "Rebuilding over a published site"). A fingerprint over-approximates: it may change when the
/// page would not, never the reverse.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "digest/digest.h"
#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/theme.h"
#include "render/view_model.h"
#include "resolve/link_graph.h"

namespace legisite {

/// Page path (or search shard path) -> fingerprint of its inputs.
using PageFingerprints = std::map<std::string, Digest>;

/// The site file that records the fingerprint of each page it holds.
inline constexpr const char* kPageInputsName = ".legisite-inputs";

/// One line per page or search shard, "path<TAB>hex\n", sorted by path.
std::string format_page_inputs(const PageFingerprints& pages);
/// What format_page_inputs wrote; nothing for any other text (then every page is rendered).
std::optional<PageFingerprints> parse_page_inputs(std::string_view text);

/// What a build is made from: each page's fingerprint, and each article's for the files about
/// the whole site that list articles' texts (the search index's shards).
struct SiteFingerprints {
  std::vector<Digest> pages;  // in the order of the planned pages
  /// By ArticleId: all of the article's data, texts included, with the program, the rules of
  /// fingerprints and the options that show (not the theme, which no such file uses).
  std::vector<Digest> articles;
};

/// The fingerprint of each page of `pages`, in the same order, on `options.jobs` threads. Every
/// page depends on the site's shared basis: `program`, the names of the theme's templates,
/// partials and static files (not the files' bytes, which no page holds), the options that show
/// on every page and every code; and on the templates its kind is rendered with (its own and the
/// layout, with the partials they include). A
/// page about one article (its page, versions, diffs, identifier redirects) adds all of that
/// article's data, texts included, and what it shows of other articles: the entries (numbers,
/// slugs, states, dates, metadata links; not texts) of those its links and its text cite and of its
/// successor, and the alinéa counts of those its text pinpoints ("au deuxième alinéa de l'article
/// L. 311-3"); the article's own page adds who cites it (which link of which version), its
/// successions, its previous and next articles in `index`'s reading order, with their entries, and
/// the sections above it with the table page listing each. An amending text's page adds the text
/// and the entries of the articles it lists. A table page adds what it shows: a code's page, the
/// entries of all of its articles (its data file lists them) and its sections; a part's page, its
/// sections and the entries of its articles, the sections above it and the code's parts; the
/// table of a day, the version each article had that day and how it changed that day; the home
/// page, each code's counts of articles; the search page, whether it offers older versions. The
/// list of texts depends on the entries of every article and on every section and amending text.
SiteFingerprints site_fingerprints(const Corpus& corpus, const SiteIndex& index,
                                   const LinkGraph& links, const Theme& theme,
                                   const SiteOptions& options, const Digest& program,
                                   const std::vector<PagePlan>& pages);

}  // namespace legisite
