#pragma once
/// The law as it stood on a date: a code's table of contents listing only the articles in force
/// that day, each linking to the version that applied (`<code>/<YYYY-MM-DD>/`). The dates are the
/// days the code changed in the corpus, thinned for big codes (see dated_toc_dates).

#include <string>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// At most this many dated tables of contents per code: a whole code's table is 1.5 MB and takes
/// as long to render as a thousand article pages.
inline constexpr std::size_t kMaxDatedTocs = 10;

/// The days on which some version of the code's articles started to apply, up to and including
/// the reference date. When there are more than kMaxDatedTocs, the last change of each year is
/// kept, for the kMaxDatedTocs most recent years, unless options.all_toc_dates; plus the days of
/// options.toc_dates up to the reference date. Ascending, without repeats.
std::vector<Date> dated_toc_dates(const Corpus& corpus, CodeId code, const SiteOptions& options);

/// "<code-slug>/<YYYY-MM-DD>/index.html".
std::string dated_toc_path(const Code& code, Date date);

/// Appends a dated table of contents per code and date (none whose path an article slug takes).
void plan_dated_tocs(const Corpus& corpus, const SiteOptions& options,
                     std::vector<PagePlan>& pages);

View dated_toc_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);

/// Sets `dated_tocs` ({`href`, `date_iso`, `date_french`} newest first) and `has_dated_tocs` on the
/// code page's view, and `date_jump` (false without tables): {`jump_kind` ("code"), `jump_label`,
/// `jump_json_html`: {"tables": [{"date", "href", "self"}] oldest first, "complete" (every day
/// the code changed has its table, none thinned out), "until" (the reference date)}}.
void add_dated_tocs(View& view, const Corpus& corpus, const SiteOptions& options, CodeId code,
                    const std::string& page_path);

/// The field names the builders above add, for view_field_names().
const std::vector<std::string_view>& dated_toc_field_names();

}  // namespace legisite
