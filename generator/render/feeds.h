#pragma once
/// Change feeds (README "For developers"): an Atom feed (RFC 4287) per code, `<code>/feed.xml`,
/// and one for the whole site, `feed.xml`, of what changed in the `feed_days` days up to the
/// reference date: each article version that started to apply (linking to its page and its
/// diff, the amending text in the summary), and each article that was abrogated or transferred
/// (linking to its page). Newest first. Atom wants absolute identifiers: without an absolute
/// --base-url there are no feeds.

#include <vector>

#include "model/model.h"
#include "render/open_data.h"
#include "render/site_options.h"

namespace legisite {

/// The site path of a code's feed ("<code-slug>/feed.xml") and of the site's ("feed.xml").
std::string code_feed_path(const Code& code);
std::string site_feed_path();

/// Every feed of the site, or none without an absolute base URL.
std::vector<SiteFile> feed_files(const Corpus& corpus, const SiteOptions& options);

}  // namespace legisite
