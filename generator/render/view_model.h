#pragma once
/// Turns the model into what templates see. Every field a template can name is built here and
/// nowhere else; only fields named *_html hold markup (already sanitised by the readers), every
/// other field is plain text that the template engine escapes.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"
#include "resolve/link_graph.h"

namespace legisite {

/// Facts that several pages need, computed once before rendering so that page builders running
/// on several threads only read shared data. Vectors are indexed by id value.
struct SiteIndex {
  static constexpr std::uint32_t kNoPosition = UINT32_MAX;
  /// Per code: its articles with text in table-of-contents order (prev/next follow it).
  std::vector<std::vector<ArticleId>> reading_order;
  /// Per code: its cited-only articles, in code order of their numbers.
  std::vector<std::vector<ArticleId>> cited_only;
  /// Per article: its index in its code's reading order, kNoPosition for cited-only ones.
  std::vector<std::uint32_t> position;
  /// Per code whose table is split (SiteOptions::toc_split): its second-level sections, each
  /// listed on a page of its own, in table order. Empty for a code listed on one page.
  std::vector<std::vector<SectionId>> table_parts;
  /// Per section: the part (above) whose page lists it, itself for a part; invalid when the
  /// code's page does.
  std::vector<SectionId> table_part;
};

/// The part whose page lists `section` (itself for a part); invalid when its code's page does.
inline SectionId part_of(const SiteIndex& index, const Section& section) {
  return index.table_part[section.id.value];
}

/// `toc_split`: codes whose table lists more articles are split into parts (0: none is).
SiteIndex index_site(const Corpus& corpus, std::size_t toc_split = 0);

/// Adds the table page of each part of each split code to `pages`.
void plan_table_parts(const Corpus& corpus, const SiteIndex& index, std::vector<PagePlan>& pages);

/// The page that lists `section` in its code's table of contents: the code's page, or its part's
/// page when the code is split.
std::string section_page_path(const Corpus& corpus, const SiteIndex& index, const Section& section);
/// The href from the page at `from_page` to `section` in its code's table of contents (a part:
/// its page, without fragment).
std::string section_href(const Corpus& corpus, const SiteIndex& index, std::string_view from_page,
                         const Section& section);

/// The version an article page shows: the one that starts last among those with text, else the
/// one that starts last (unknown starts count as earliest; on a tie the later in the list). Null
/// when the article has no version.
const Version* displayed_version(const Article& article);

/// A state as templates show it: {status_label, status_token, status_known}.
View status_view(ArticleStatus status);

/// An article's state on the reference date, as its table-of-contents entry shows it
/// ({status_label, status_token, status_known}): the state resolve stored for the version its
/// page shows (Version::status_on_reference_date), which the page's badge, banner and list of
/// versions show too.
View state_view(const Article& article, VersionOnDate on);

/// The view of each page. Each also carries the layout's fields (page_title, canonical_url,
/// site_name, home_href, static_href, generator, page_kind, description); the renderer adds
/// main_html once the page's own template has run.
View home_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options);
View code_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
               CodeId code);
/// The table page of one part of a split code (`page.section`).
View code_part_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
                    const PagePlan& page);
View article_view(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                  const SiteOptions& options, ArticleId article);

/// Every field name a view can hold, so that theme checks can catch a misspelt {{name}} (which
/// Mustache would silently render as nothing). A test keeps it in step with the builders.
const std::vector<std::string_view>& view_field_names();

/// "1 article", "7 372 articles" (thin no-break space between thousands, as French prints them).
std::string count_label(std::size_t n, std::string_view one, std::string_view many);

/// The fields of one section of a table of contents besides its entries: `title`, `anchor`,
/// `level` (2 to 5 for <hN>, "" deeper), `toc_heading` (whether it is a heading: down to
/// depth 4, so that levels never skip and deep ones are titled lists), `toc_open` (the top
/// levels, shown unfolded) and `toc_count` ("12 articles" listed below it).
void set_toc_section_fields(View& view, const Section& section, int depth, std::size_t articles);

/// The layout fields every page carries (page_kind, page_title, canonical_url, home_href,
/// static_href…), for any page builder.
void add_layout(View& view, const SiteOptions& options, const std::string& page_path,
                const char* kind, std::string title, std::string description);

/// Sets `legifrance_href` and `legifrance_label` on an article or version page: the official text
/// on Légifrance by the LEGIARTI of `version` (the one the page shows), else of the article,
/// else a search of the codes by its number. `version_page` labels a version's own text as such.
void add_official_link(View& view, const Article& article, const Version* version,
                       bool version_page);

/// A page's <title>: the page's own title, then the site's name when it has one.
std::string site_title(const SiteOptions& options, std::string page);

}  // namespace legisite
