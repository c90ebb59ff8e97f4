#pragma once
/// The law as it stood on a date: a code's table of contents listing only the articles in force
/// that day, each linking to the version that applied (`<code>/<YYYY-MM-DD>/`). The dates are the
/// days the code changed in the corpus, thinned for big codes (see dated_toc_dates).

#include <string>
#include <vector>

#include "model/model.h"
#include "render/open_data.h"
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

/// The per-code script from which the theme's date form builds the table of a day that has no
/// page: `<code-slug>/table-a-une-date.js`, calling legisiteLawAtDate(slug, {"toc": section}), a
/// section being {"t" (title), "a" (anchor), "e" (entries in order)} and an article entry
/// [number, heading, slug, versions], each version [start, end (Version::ends_on, "" for none),
/// folder ("" when it is the start), text (0 or 1)]: every version listed in some table, never
/// one that never applied. A script rather than JSON so that it loads from file:// too.
inline constexpr std::string_view kLawAtDateScript = "table-a-une-date.js";
std::string law_at_date_script_path(const Code& code);

/// The script above for every code that has dated tables (none without options.history).
std::vector<SiteFile> law_at_date_files(const Corpus& corpus, const SiteOptions& options);

/// The first day some version of the code's articles applied (unknown for none): no article of
/// the edition applied before it.
Date first_day_in_force(const Corpus& corpus, CodeId code);

/// How an article's entry changed on a table's day: a version of it started to apply that day
/// (its first one, or a later one), or its last one stopped applying that day (abrogated,
/// transferred). The script building tables in the browser applies the same rule.
enum class DayChange { kNone, kEntered, kModified, kEnded };

/// An article's entry in the table of a day.
struct DayEntry {
  std::int32_t index = -1;  // the version the entry links to; -1 for no entry
  DayChange change = DayChange::kNone;
};

/// The entry of `article` in its code's table on `date`.
DayEntry day_entry(const Article& article, Date date);

/// "3 articles ont changé ce jour-là.", "Aucun article n’a changé ce jour-là."
std::string day_changes_label(std::size_t changed);

/// Appends a dated table of contents per code and date (none whose path an article slug takes).
void plan_dated_tocs(const Corpus& corpus, const SiteOptions& options,
                     std::vector<PagePlan>& pages);

View dated_toc_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);

/// Sets `dated_tocs` ({`href`, `date_iso`, `date_french`} newest first) and `has_dated_tocs` on the
/// code page's view, and `date_jump` (false without tables): {`jump_kind` ("code"), `jump_label`,
/// `jump_json_html`: {"tables": [{"date", "href", "self"}] oldest first, "until" (the reference
/// date), "first" (first_day_in_force), "data" (the code's script, kLawAtDateScript), "base" (the
/// code's folder from this page)}}. The theme's script goes to the table of the day asked, else
/// builds that day's table from "data" on the table before it (or the first one).
void add_dated_tocs(View& view, const Corpus& corpus, const SiteOptions& options, CodeId code,
                    const std::string& page_path);

/// The field names the builders above add, for view_field_names().
const std::vector<std::string_view>& dated_toc_field_names();

}  // namespace legisite
