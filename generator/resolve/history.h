#pragma once
/// Version timelines: each article's versions in the order they applied, with the end dates and
/// states that follow from that order, and the questions pages ask of a timeline (which version
/// applied on a date, which versions get a page, which one a diff compares with).

#include <cstdint>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/model.h"

namespace legisite {

class DiffCache;
class DiffRecord;

/// Phase: sorts every article's versions by start date (stable, so same-day versions keep the
/// order their source gave them; unknown starts first), gives a version without an end the start
/// of the next version that applied and, when its state is unknown, MODIFIE; warns once per pair
/// of consecutive versions that overlap or leave a gap; gives a last version without a state the
/// one its ending link names (ending_link). Known dates and states are never changed.
/// Returns the number of warnings it reported.
std::size_t build_timelines(Corpus& corpus, Diagnostics& diagnostics);

/// States after which the article is legitimately absent until a later version re-creates it
/// (abrogated, transferred, lapsed, annulled, severed, moved): a gap after them is the law, not a
/// hole in the sources.
bool ends_the_article(ArticleStatus status);

/// The link of a version that says what ended it ("Transféré par", "Abrogé par", a "Liens" entry
/// of type TRANSFERE or ABROGE), or null. build_timelines gives an article whose last version has
/// no state the state that link names.
const Link* ending_link(const Version& version);

/// The first day a version no longer applies, as version_on_date reads its dates: its end when
/// that is a real day; for a version whose state ended the article (abrogated, transferred…)
/// without an end date, the date of the text that ended it, else its own start (it applies on no
/// day anyone can name); unknown when it has no end (open-ended, deferred, or not said).
Date applies_until(const Version& version);

/// The date of the text that ended a version (its ending link's date, else the "du 9 mai 2017"
/// of its title), unknown if none: a version ended by that text with no end date of its own
/// still applied before it.
Date ending_text_date(const Version& version);

/// Phase, once succession is known: a transferred article whose last version has no end ended
/// when its one successor first applied (R133-19 when R133-2-10 did), if that is known.
void date_transfers(Corpus& corpus, const std::vector<std::vector<ArticleId>>& successors);

/// True for a version that never applied: MODIFIE_MORT_NE, or an end on or before its start.
/// Such versions are listed but never shown as in force, and diffs skip them.
bool never_in_force(const Version& version);

/// The version of a timeline-ordered article that applied on `date`; else the first one still
/// to come; else the last one that ended. Without any dated version, the last one with text.
VersionOnDate version_on_date(const Article& article, Date date);

/// The first day version `index` of a timeline-ordered article no longer applies: applies_until
/// when that is known, else the start of the first later version that is open-ended too (a
/// version the source left open-ended was replaced then); unknown when nothing ends it, or when
/// it never applied. record_version_pages stores it (Version::ends_on).
Date effective_end(const Article& article, std::size_t index);

/// The state version `index` of a timeline-ordered article has on `day`: the one function every
/// badge, banner, list and table of an article reads (through Version::status_on_reference_date).
/// On `day` the dates decide: a version still to come is deferred (VIGUEUR_DIFF); one that
/// applies is in force (VIGUEUR) whatever it became later, or ABROGE_DIFF while a snapshot's
/// pending abrogation is to come, unless a later version applies that day too (then it was
/// replaced, MODIFIE: the last one that applies is the law, as in version_on_date). One that ended
/// keeps the state the source gives for it (MODIFIE, ABROGE, TRANSFERE…); a snapshot's VIGUEUR,
/// VIGUEUR_DIFF, ABROGE_DIFF and a history's missing state become MODIFIE when a later version
/// applied by then, ABROGE for an ABROGE_DIFF, else unknown (nothing says how it ended). A version
/// never in force or with no dated start keeps the source's state.
ArticleStatus status_on(const Article& article, std::size_t index, Date day);

/// Phase, after build_timelines: a code whose sources did not say how current they are (Markdown,
/// LEGI XML) is dated by the newest start of its versions, the last change they know of
/// (Code::DataDateRule::kNewestVersion).
void date_sources(Corpus& corpus);

/// The URL segment of each version's page ("2013-07-08"; a second version starting the same
/// day gets "2013-07-08-2"), "" for versions without a known start (unknown or deferred to an
/// unknown date), which get no page. Indexed like Article::versions.
std::vector<std::string> version_slugs(const Article& article);
/// The same for one version (`index` < versions.size()), without building the others.
std::string version_slug(const Article& article, std::size_t index);

/// The version a diff of version `index` compares with: the closest earlier version that applied
/// and has text. -1 when there is none, or when `index` itself never applied or has no text.
std::int32_t diff_base(const Article& article, std::size_t index);

/// Phase, once permalinks and succession are known (after date_transfers, whose end dates can
/// make a version one that never applied): stores each version's slug (version_slug) and diff
/// base (diff_base), and each article's first successor that has a page, for render to read.
void record_version_pages(Corpus& corpus, const std::vector<std::vector<ArticleId>>& successors);

/// Phase of a build, once its reference date is known (`check` needs neither): stores the version
/// each article page shows on that date (version_on_date), each version's state that day
/// (status_on) and, `with_diffs` (a site with history
/// pages), the diff of each version that has a page and a diff base, computed once for both the
/// article page's summary and the diff page. With a `cache` (`legisite serve`), a pair of texts
/// compared by the previous call is not compared again (resolve/diff_cache.h); with a `record`
/// (a build over a published site), nor is a pair the build that published it compared
/// (resolve/diff_record.h).
void answer_for_date(Corpus& corpus, Date reference_date, bool with_diffs, std::size_t jobs = 1,
                     DiffCache* cache = nullptr, const DiffRecord* record = nullptr);

/// answer_for_date's answers for one article.
void answer_article_for_date(Article& article, Date reference_date, bool with_diffs,
                             DiffCache* cache = nullptr, const DiffRecord* record = nullptr);

/// A warning for each diff answer_for_date left past its budget (TextDiff::beyond_budget), at the
/// newer version's source, naming the article and both versions: its page shows them whole.
void report_diffs_beyond_budget(const Corpus& corpus, Diagnostics& diagnostics);

}  // namespace legisite
