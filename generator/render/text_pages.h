#pragma once
/// The pages of the texts that amended the codes (resolve/amending_texts.h): one per text,
/// `textes/<slug>/`, listing by code and by effect every article version it created, modified,
/// abrogated, transferred or codified, with the day it applied and links to the version and its
/// diff; and `textes/`, every text by date, newest first.

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"
#include "resolve/link_graph.h"

namespace legisite {

/// "textes/<slug>/index.html" and "textes/index.html".
std::string text_page_path(std::string_view slug);
std::string text_page_path(const AmendingText& text);
std::string text_index_path();

/// The page of the text `link` names, or "" when the site has none: only a site with history
/// has text pages. A text's page lists what it did to the codes over time, mostly to versions
/// that a site of the law in force on one day (--no-history) does not publish.
std::string linked_text_page(const SiteOptions& options, const Link& link);

/// Whether the site has the list of texts and their pages: with history, when there is any text.
bool has_text_pages(const LinkGraph& links, const SiteOptions& options);

/// Appends the index and one page per text, when has_text_pages.
void plan_text_pages(const LinkGraph& links, const SiteOptions& options,
                     std::vector<PagePlan>& pages);

/// How many of the text's effects the text's page lists: those on articles that have a page.
std::size_t listed_effects(const Corpus& corpus, const AmendingText& text);

View text_view(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options,
               const PagePlan& page);
View text_index_view(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options);
/// Links the home page `home` to the list of texts, when the site has it (texts_href,
/// texts_label).
void add_text_index_link(View& home, const LinkGraph& links, const SiteOptions& options);

/// The JSON of a text's page (schema legisite/text/1) and of the index (legisite/texts/1).
std::string text_data(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options,
                      const PagePlan& page);
std::string text_index_data(const Corpus& corpus, const LinkGraph& links,
                            const SiteOptions& options);

/// The field names the builders above add, for view_field_names().
const std::vector<std::string_view>& text_field_names();

}  // namespace legisite
