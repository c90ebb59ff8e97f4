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
#include "resolve/link_graph.h"

namespace legisite {

/// Page path -> fingerprint of its inputs.
using PageFingerprints = std::map<std::string, Digest>;

/// The site file that records the fingerprint of each page it holds.
inline constexpr const char* kPageInputsName = ".legisite-inputs";

/// One line per page, "path<TAB>hex\n", sorted by path.
std::string format_page_inputs(const PageFingerprints& pages);
/// What format_page_inputs wrote; nothing for any other text (then every page is rendered).
std::optional<PageFingerprints> parse_page_inputs(std::string_view text);

/// The fingerprint of each page of `pages`, in the same order, on `options.jobs` threads. Every
/// page depends on the site's basis (`program`, the theme's files, the options that show) and on
/// what any page shows of every article, code, section and amending text (numbers, slugs,
/// states, dates, metadata links; not texts). A page about one article (its page, versions,
/// diffs, identifier redirects) also depends on all of that article's data, texts included, and
/// on the alinéa counts of the articles its text pinpoints ("au deuxième alinéa de l'article
/// L. 311-3"); the article's own page also on who cites it (which link of which version) and on
/// its successions.
std::vector<Digest> page_fingerprints(const Corpus& corpus, const LinkGraph& links,
                                      const Theme& theme, const SiteOptions& options,
                                      const Digest& program, const std::vector<PagePlan>& pages);

}  // namespace legisite
