#pragma once
/// "Comparer deux versions" on an article page (issue 13, point 8): a form, hidden until the
/// theme's script runs, listing the versions that have a text, and a per-article script the form
/// loads on first use with those texts and the links of their citations, from which the browser
/// writes the same diff a diff page shows (static/version-compare.js ports resolve/text_diff.cc
/// and render/diff_markup.cc). Consecutive versions keep their diff pages: without JavaScript
/// they remain the way to compare.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// The versions the form lists, in the article's order: each with a text and a page. None when
/// the site has no history pages or fewer than kMinComparable versions qualify (two versions with
/// text have their diff page already).
inline constexpr std::size_t kMinComparable = 3;
std::vector<std::int32_t> comparable_versions(const Article& article, const SiteOptions& options);

/// The per-article script, in the article page's folder: "<code>/<article>/versions.js".
inline constexpr std::string_view kVersionsScript = "versions.js";
std::string versions_script_path(const std::string& article_page_path);

/// The script's contents: legisiteVersions({"versions": [...]}), oldest first, each version
/// {"label" ("version du 8 juillet 2013"), "href" (its page, relative to the article page),
/// "base" (the index in this list of the version its diff page compares it with, -1 for none),
/// "amended" (what made it, as the diff page says), "text" (its HTML as the model holds it),
/// "links" ([begin, end, href, title, flags (1: repoint, 2: unwrap)] per citation:
/// render/text_links.h's citation_links as of the version's first day, relative to the article
/// page, offsets in UTF-16 code units as JavaScript counts them)}. A script rather than JSON so
/// that it loads from file:// too.
std::string versions_script(const Corpus& corpus, const Article& article,
                            const std::vector<std::int32_t>& versions,
                            const std::string& article_page_path);

/// Sets `version_compare` on an article page's view: false, or {`compare_options` (newest first,
/// as the versions table: {`value` (index in the script's list), `label`, `selected_before`,
/// `selected_after`}), `compare_data` (the script, relative to the page)}.
void add_version_compare(View& view, const SiteOptions& options, const Article& article);

/// The UTF-16 length of the UTF-8 text `utf8` (a code point past U+FFFF counts two).
std::size_t utf16_length(std::string_view utf8);

/// The field names add_version_compare adds, for view_field_names().
const std::vector<std::string_view>& version_compare_field_names();

}  // namespace legisite
