#pragma once
/// What search engines read (README "For developers"): `sitemap.xml` listing every page worth
/// indexing with the day its content last changed, split into `sitemap-<N>.xml` files under a
/// sitemap index past the protocol's 50,000 URLs per file; and `robots.txt` pointing to it.
/// Identifier redirects and dated tables of contents (copies of the code's table for another
/// day), both `noindex`, stay out, as does the 404 page. The protocol wants absolute URLs: without
/// an absolute --base-url (http:// or https://) there is no sitemap, and robots.txt names none.

#include <cstddef>
#include <vector>

#include "model/model.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/site_options.h"

namespace legisite {

/// The protocol's limit of URLs in one sitemap file.
inline constexpr std::size_t kSitemapLimit = 50000;

/// True when `base_url` is absolute (http:// or https://), as sitemaps and feeds require.
bool absolute_base_url(const SiteOptions& options);

/// True for the kinds of page a sitemap lists and search engines may index.
bool indexable(PageKind kind);

/// sitemap.xml (a <urlset>, or a <sitemapindex> of sitemap-1.xml… past `limit` URLs) and
/// robots.txt, for the planned `pages`.
std::vector<SiteFile> sitemap_files(const Corpus& corpus, const SiteOptions& options,
                                    const std::vector<PagePlan>& pages,
                                    std::size_t limit = kSitemapLimit);

}  // namespace legisite
