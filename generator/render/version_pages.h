#pragma once
/// The pages of an article's history: one per dated version (`<code>/<article>/<YYYY-MM-DD>/`),
/// one diff per version that has an earlier text to compare with (`…/<YYYY-MM-DD>/diff/`), and
/// one redirect per LEGIARTI identifier (`id/<LEGIARTI…>/`); plus what the article page shows
/// of that history (the version on the reference date, a banner when it is not in force, the
/// list of versions).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// "<code-slug>/<article-slug>/<version-slug>/index.html".
std::string version_page_path(const Corpus& corpus, const Article& article,
                              const std::string& version_slug);
/// The version of its article a link names by its id (Link::resolved_version), when that
/// version has a page: else null.
const Version* linked_version(const Corpus& corpus, const SiteOptions& options, const Link& link);
/// "<code-slug>/<article-slug>/<version-slug>/diff/index.html".
std::string diff_page_path(const Corpus& corpus, const Article& article,
                           const std::string& version_slug);
/// What made or changed a version, as its page and its diff page say: the history's commit
/// message, else the "Créé par", "Modifié par", "Abrogé par", "Transféré par" entries of its
/// links.
std::string version_amended_by(const Version& v);

/// "id/<identifier>/index.html".
std::string id_page_path(const std::string& identifier);

/// Where a reference made on `as_of` to `target` leads from the page at `from`, for the pages of
/// one version (its "Liens relatifs" and the citations in its text): the page of the target's
/// version in force that day (`version` its index), else the target's article page (`version` -1:
/// no version applied then, the target has no dated version, or `as_of` is no real day).
/// `current_href` is the article page, the way to the text in force now. Both empty when the site
/// has no page for the target.
struct DatedTarget {
  std::string href;
  std::string current_href;
  std::int32_t version = -1;
};
DatedTarget dated_target(const Corpus& corpus, std::string_view from, const Article& target,
                         Date as_of);

/// "Articles cités": every article the text of `version` cites (each member of a range), once, in
/// the order of the text, each leading where dated_target leads on `as_of` from the page at
/// `from`, with its version label, a note when that is not a version's text, and the article page
/// as `current_href`. A version's page passes its start (the law the text referred to); an article
/// page passes an unknown date, which leads to article pages. Other texts are left to the links
/// in the text.
View cited_articles(const Corpus& corpus, const std::string& from, const Article& citing,
                    const Version& version, Date as_of);

/// Appends the version, diff and identifier pages of every article that has a page. Article
/// cids claim their identifier before version ids do (LEGI reuses the first version's id as the
/// article's cid), so /id/<cid>/ always leads to the article.
void plan_history_pages(const Corpus& corpus, std::vector<PagePlan>& pages);

View version_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);
View diff_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);
View id_redirect_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);

/// The version the article page shows on the reference date (Article::on_reference_date; null
/// without versions).
const Version* version_shown_on_date(const Article& article);

/// Sets the article page's history fields on `view`: `banner` (or false when the shown version
/// is in force with nothing pending; an ended article's banner names Article::successor) and
/// `versions` / `has_versions` with links to the version and diff pages.
void add_history(View& view, const Corpus& corpus, const SiteOptions& options,
                 const Article& article, const std::string& page_path);

/// Sets `date_jump` on an article or version page: false, or {`jump_kind` ("article"),
/// `jump_label`, `jump_json_html`: {"base" ("" on the article page, "../" on a version page),
/// "self" (this version page's folder, absent on the article page), "versions": [{"start", "end"
/// ("" for none), "slug" (the page's folder when it is not the start date), "text" (false when
/// the edition lacks it)}]} for every version with a page that applied, in timeline order; a
/// version's page is base + folder + "/index.html"}. The theme's script picks the version in force
/// on a date from it, as version_on_date does: the last one with start <= date < end.
void add_date_jump(View& view, const Corpus& corpus, const SiteOptions& options,
                   const Article& article, const std::string& page_path);

/// The field names the builders above add, for view_field_names().
const std::vector<std::string_view>& history_field_names();

}  // namespace legisite
