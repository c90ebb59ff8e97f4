#pragma once
/// The site's 404 page: 404.html at the root, which most static hosts serve for any missing
/// address. It is served at that address, not at its own, so its links cannot be relative.

#include <string>

#include "model/model.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// "404.html".
std::string not_found_page_path();

/// The prefix of the 404 page's links: `base_url` with a trailing '/', else "/" (the site is
/// then assumed to sit at the root of its host).
std::string not_found_link_base(const SiteOptions& options);

/// The 404 page's view: the layout fields, with `home_href` and `static_href` absolute from
/// not_found_link_base and no `canonical_url`, and `codes[]` {`title`, `href`} leading to each
/// code's table of contents the same way.
View not_found_view(const Corpus& corpus, const SiteOptions& options);

}  // namespace legisite
