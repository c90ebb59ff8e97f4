#pragma once
/// Which pages a site has and where each one lives. Every page is a folder's index.html, so a
/// server can drop the file name (README "Stable URLs") while a site opened from disk still
/// works through the relative links, which always name index.html.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/model.h"

namespace legisite {

/// Version, diff and identifier pages are planned by version_pages.h.
/// The search page (search_index.h) and the 404 page (not_found.h) are planned by the renderer,
/// when the theme has their templates.
enum class PageKind {
  kHome,
  kCode,
  kCodePart,
  kArticle,
  kVersion,
  kVersionDiff,
  kIdRedirect,
  kCodeAtDate,
  kAmendingText,  // /textes/<slug>/ (text_pages.h)
  kTextIndex,     // /textes/
  kSearch,
  kNotFound
};

/// One page to write. `code` is set for code and article pages, `article` for article pages;
/// `path` is relative to the site root ("code-de-la-securite-sociale/r133-19/index.html").
struct PagePlan {
  PagePlan() = default;
  PagePlan(PageKind kind_, CodeId code_, ArticleId article_, std::string path_)
      : kind(kind_), code(code_), article(article_), path(std::move(path_)) {}

  PageKind kind = PageKind::kHome;
  CodeId code;
  ArticleId article;
  std::string path;
  std::int32_t version = -1;  // index into the article's versions, for version and diff pages
  std::string target;         // site path an identifier page leads to
  std::string identifier;     // LEGIARTI… of an identifier page
  std::int32_t text = -1;     // index into LinkGraph::amending_texts, for an amending text's page
  SectionId section;          // the section a code part page lists
};

/// "index.html".
std::string home_page_path();
/// "<code-slug>/index.html".
std::string code_page_path(const Code& code);
/// "<code-slug>/<section-anchor>/index.html": the table page of one part of a split code (a Livre).
/// Its anchor joins the titles of two levels with "--", which no article slug holds.
std::string code_part_path(const Code& code, const Section& part);
/// "<code-slug>/<article-slug>/index.html".
std::string article_page_path(const Corpus& corpus, const Article& article);
/// Whether the article has a page: it and its code have slugs (a code without a title has none).
bool has_article_page(const Corpus& corpus, const Article& article);

/// Every page of the site: home, then each code, then each code's articles (cited-only ones
/// included), then, `with_history`, the version, diff and /id/ pages (plan_history_pages). Codes
/// and articles without a slug (the resolve stage was skipped) are reported and left out rather
/// than written to a wrong path.
std::vector<PagePlan> plan_pages(const Corpus& corpus, Diagnostics& diagnostics,
                                 bool with_history = true);

/// The href that leads from the page at `from_page` to the site path `to` (a page or a static
/// file), relative so that the site works from file://, plus "#fragment" when given.
/// relative_href("a/b/index.html", "a/c/index.html") == "../c/index.html".
std::string relative_href(std::string_view from_page, std::string_view to,
                          std::string_view fragment = {});

/// The canonical (pretty, server-side) URL of a page: `base_url` followed by the page's folder
/// with a trailing slash ("https://example.org/css/r133-19/"); the home page is `base_url`.
/// A base without a trailing '/' gets one.
std::string canonical_url(std::string_view base_url, std::string_view page_path);

}  // namespace legisite
