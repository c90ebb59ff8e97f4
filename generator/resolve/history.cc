#include "resolve/history.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "citations/legal_texts.h"
#include "parallel/parallel.h"
#include "resolve/diff_cache.h"
#include "resolve/diff_record.h"
#include "resolve/text_diff.h"

namespace legisite {

namespace {

// A start that places a version on the calendar: known, and not LEGI's "deferred, date unknown".
bool dated(Date d) { return d.known() && !d.is_deferred(); }

// The next version after `i` that applied and starts on a real day, or npos.
std::size_t next_applied(const std::vector<Version>& versions, std::size_t i) {
  for (std::size_t j = i + 1; j < versions.size(); ++j)
    if (dated(versions[j].start) && !never_in_force(versions[j])) return j;
  return std::string::npos;
}

}  // namespace

bool ends_the_article(ArticleStatus s) {
  switch (s) {
    case ArticleStatus::kAbroge:
    case ArticleStatus::kAbrogeDiff:
    case ArticleStatus::kTransfere:
    case ArticleStatus::kPerime:
    case ArticleStatus::kAnnule:
    case ArticleStatus::kDisjoint:
    case ArticleStatus::kDeplace:
      return true;
    default:
      return false;
  }
}

bool never_in_force(const Version& v) {
  if (v.status == ArticleStatus::kModifieMortNe) return true;
  return dated(v.start) && v.end.is_calendar_day() && v.end <= v.start;
}

namespace {

// Overlaps and gaps between an article's versions (sorted by start), judged on the dates the
// sources gave, before any is derived. Returns the number of warnings.
std::size_t report_overlaps_and_gaps(const Article& article, Diagnostics& diagnostics) {
  const auto& versions = article.versions;
  std::size_t warnings = 0;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const Version& before = versions[i];
    if (!dated(before.start) || never_in_force(before)) continue;
    std::size_t j = next_applied(versions, i);
    if (j == std::string::npos) break;
    const Version& after = versions[j];
    const std::string who = article.number.text() + ": ";
    // An end one day after the next start is Légifrance writing an inclusive end ("until 31
    // December" as 1 January) for a text the next one replaced on the 31st: common, and no
    // information. Longer overlaps are reported.
    if (before.end.is_calendar_day() && before.end.days() > after.start.days() + 1) {
      diagnostics.warning(after.origin, who + "version of " + after.start.iso() +
                                            " starts before the previous one ends (" +
                                            before.end.iso() + ")");
      ++warnings;
    } else if (before.end.is_no_end() && after.status != ArticleStatus::kVigueurDiff) {
      // Légifrance leaves the current version open-ended while a deferred one waits: that is
      // how it writes "in force until the next one starts", not a conflict.
      diagnostics.warning(after.origin, who + "version of " + after.start.iso() +
                                            " starts while the previous one (" +
                                            before.start.iso() + ") has no end");
      ++warnings;
    } else if (before.end.is_calendar_day() && before.end < after.start &&
               !ends_the_article(before.status)) {
      diagnostics.warning(after.origin, who + "no version applies from " + before.end.iso() +
                                            " to " + after.start.iso());
      ++warnings;
    }
  }
  return warnings;
}

// Ends and states that the next version implies. Walks backwards so that a version's own end is
// settled before the one before it looks at it: two versions of one day leave the first with an
// empty interval (it never applied), and the version before them ends on that day too.
void derive_ends(std::vector<Version>& versions) {
  for (std::size_t i = versions.size(); i-- > 0;) {
    Version& v = versions[i];
    // A stillborn text never applied, so nothing ended it: its dates stay as published.
    if (v.status == ArticleStatus::kModifieMortNe) continue;
    std::size_t j = next_applied(versions, i);
    if (j == std::string::npos) continue;
    if (!v.end.known()) v.end = versions[j].start;
    // Another version followed: this one was replaced. Transfers and abrogations say so
    // themselves; an unknown state here can only be MODIFIE.
    if (v.status == ArticleStatus::kUnknown) v.status = ArticleStatus::kModifie;
  }
  // The last version of an export that gives no state (Markdown) may still say what ended it:
  // R133-19's "Liens: TRANSFERE: Décret n°2017-864 du 9 mai 2017". Left "unknown", its page
  // would present a text transferred in 2017 as the law today.
  if (!versions.empty() && versions.back().status == ArticleStatus::kUnknown) {
    if (const Link* ending = ending_link(versions.back()))
      versions.back().status =
          ending->group == LinkGroup::kAbrogatedBy || ending->link_type == "ABROGE"
              ? ArticleStatus::kAbroge
              : ArticleStatus::kTransfere;
  }
}

// Same-day versions that all have an identifier, and of which the source says all but one never
// applied, in the order Légifrance made them (its LEGIARTI numbers, of one length): their `-2`
// URL is then the same from one dump to the next and in its API dumps and LEGI XML alike, whose
// lists of versions follow no set order. With one that applied, the order decides nothing else.
// Others (a history's, where the order says which text replaced which) keep their source's order.
void order_same_day_by_id(std::vector<Version>& versions) {
  const auto unnamed = [](const Version& v) { return v.id.empty(); };
  const auto applied = [](const Version& v) { return !never_in_force(v); };
  for (auto run = versions.begin(); run != versions.end();) {
    auto end = std::find_if(run, versions.end(),
                            [&](const Version& v) { return !(v.start == run->start); });
    if (end - run > 1 && std::none_of(run, end, unnamed) && std::count_if(run, end, applied) <= 1)
      std::stable_sort(run, end, [](const Version& a, const Version& b) {
        return std::make_pair(a.id.size(), std::string_view(a.id)) <
               std::make_pair(b.id.size(), std::string_view(b.id));
      });
    run = end;
  }
}

}  // namespace

std::size_t build_timelines(Corpus& corpus, Diagnostics& diagnostics) {
  std::size_t warnings = 0;
  for (Article& article : corpus.articles()) {
    // Sources list versions in file or <VERSIONS> order, which says nothing about time; a stable
    // sort keeps a history's same-day versions in the order its commits wrote them.
    std::stable_sort(article.versions.begin(), article.versions.end(),
                     [](const Version& a, const Version& b) { return a.start < b.start; });
    order_same_day_by_id(article.versions);
    warnings += report_overlaps_and_gaps(article, diagnostics);
    derive_ends(article.versions);
  }
  return warnings;
}

const Link* ending_link(const Version& version) {
  for (const Link& link : version.links)
    if (link.group == LinkGroup::kTransferredBy || link.group == LinkGroup::kAbrogatedBy ||
        (link.group == LinkGroup::kLinks &&
         (link.link_type == "TRANSFERE" || link.link_type == "ABROGE")))
      return &link;
  return nullptr;
}

Date applies_until(const Version& v) {
  if (v.end.is_calendar_day()) return v.end;
  if (v.end.known() || !ends_the_article(v.status)) return {};
  // Ended with no end date: not before the text that ended it was signed, and by now.
  Date ended = ending_text_date(v);
  return ended.known() ? ended : v.start;
}

Date ending_text_date(const Version& version) {
  const Link* link = ending_link(version);
  if (!link) return {};
  if (dated(link->date)) return link->date;
  // "Décret n°2017-864 du 9 mai 2017": the last "du <date>" of the title.
  const std::string& title = link->text_title;
  for (std::size_t at = title.rfind(" du "); at != std::string::npos;
       at = at == 0 ? std::string::npos : title.rfind(" du ", at - 1)) {
    std::string iso;
    if (match_french_date(title, at + 4, iso) != std::string::npos)
      if (auto d = Date::parse(iso)) return *d;
  }
  return {};
}

void date_transfers(Corpus& corpus, const std::vector<std::vector<ArticleId>>& successors) {
  for (Article& article : corpus.articles()) {
    if (article.versions.empty() || article.id.value >= successors.size()) continue;
    Version& last = article.versions.back();
    if (last.status != ArticleStatus::kTransfere || last.end.known() ||
        successors[article.id.value].size() != 1)
      continue;
    const Article& next = corpus.article(successors[article.id.value].front());
    for (const Version& v : next.versions) {
      if (!dated(v.start) || never_in_force(v)) continue;
      if (!dated(last.start) || last.start < v.start) last.end = v.start;
      break;  // versions are in start order: the first that applied
    }
  }
}

VersionOnDate version_on_date(const Article& article, Date date) {
  const auto& versions = article.versions;
  if (versions.empty()) return {};
  // A deferred start is no day, but it does place the version after every day.
  bool any_dated = std::any_of(versions.begin(), versions.end(),
                               [](const Version& v) { return v.start.known(); });
  if (!any_dated) {
    // Nothing to place on a calendar: show the text we have, the latest one listed.
    for (std::size_t i = versions.size(); i-- > 0;)
      if (versions[i].has_text) return {static_cast<std::int32_t>(i), Standing::kUndated};
    return {static_cast<std::int32_t>(versions.size() - 1), Standing::kUndated};
  }
  std::int32_t in_force = -1, upcoming = -1, ended = -1;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const Version& v = versions[i];
    if (never_in_force(v)) continue;
    auto at = static_cast<std::int32_t>(i);
    if (v.start.is_deferred() || (dated(v.start) && v.start > date)) {
      if (upcoming < 0) upcoming = at;
      continue;
    }
    if (!dated(v.start)) continue;
    const Date until = applies_until(v);
    bool over = until.known() && until <= date;
    if (over)
      ended = at;
    else
      in_force = at;  // the last one that applies wins, as a later text replaces an earlier one
  }
  if (in_force >= 0) return {in_force, Standing::kInForce};
  if (upcoming >= 0) return {upcoming, Standing::kNotYetInForce};
  if (ended >= 0) return {ended, Standing::kEnded};
  return {static_cast<std::int32_t>(versions.size() - 1), Standing::kEnded};
}

std::string version_slug(const Article& article, std::size_t index) {
  const Version& v = article.versions[index];
  if (!dated(v.start)) return {};
  // Versions are in start order, so same-day versions sit together: count back.
  int same_day = 1;
  for (std::size_t k = index; k-- > 0 && article.versions[k].start == v.start;) ++same_day;
  std::string slug = v.start.iso();
  if (same_day > 1) slug.append("-").append(std::to_string(same_day));
  return slug;
}

std::vector<std::string> version_slugs(const Article& article) {
  std::vector<std::string> slugs;
  slugs.reserve(article.versions.size());
  for (std::size_t i = 0; i < article.versions.size(); ++i)
    slugs.push_back(version_slug(article, i));
  return slugs;
}

std::int32_t diff_base(const Article& article, std::size_t index) {
  const auto& versions = article.versions;
  if (index >= versions.size() || never_in_force(versions[index]) || !versions[index].has_text)
    return -1;
  for (std::size_t j = index; j-- > 0;)
    if (!never_in_force(versions[j]) && versions[j].has_text) return static_cast<std::int32_t>(j);
  return -1;
}

void record_version_pages(Corpus& corpus, const std::vector<std::vector<ArticleId>>& successors) {
  for (Article& article : corpus.articles()) {
    for (std::size_t i = 0; i < article.versions.size(); ++i) {
      article.versions[i].slug = version_slug(article, i);
      article.versions[i].diff_base = diff_base(article, i);
      article.versions[i].ends_on = effective_end(article, i);
    }
    article.successor = {};
    if (article.id.value >= successors.size()) continue;
    // Successor lists are in code order (succession.h): the first with a page is the one to name.
    for (ArticleId id : successors[article.id.value])
      if (!corpus.article(id).slug.empty()) {
        article.successor = id;
        break;
      }
  }
}

Date effective_end(const Article& article, std::size_t index) {
  const Version& v = article.versions[index];
  if (never_in_force(v)) return {};
  if (Date until = applies_until(v); until.known()) return until;
  // Open-ended: replaced by the first later version that is open-ended too. A later version
  // that ended on its own (R114-19's TRANSFERE of 2009-2012 in css-2026) leaves this one in
  // force after it, as the source's VIGUEUR says.
  for (std::size_t j = next_applied(article.versions, index); j != std::string::npos;
       j = next_applied(article.versions, j))
    if (!applies_until(article.versions[j]).known()) return article.versions[j].start;
  return {};
}

namespace {

// A later version applies on `day` too: the last one that applies is the law (version_on_date),
// so this one was replaced (overlapping dates of a snapshot: css-2026's L162-4-4).
bool superseded_on(const Article& article, std::size_t index, Date day) {
  for (std::size_t j = next_applied(article.versions, index); j != std::string::npos;
       j = next_applied(article.versions, j)) {
    const Version& later = article.versions[j];
    if (day < later.start) return false;  // versions are in start order
    Date until = applies_until(later);
    if (!until.known() || day < until) return true;
  }
  return false;
}

}  // namespace

ArticleStatus status_on(const Article& article, std::size_t index, Date day) {
  const Version& v = article.versions[index];
  // Undated versions have no place on a calendar, and a stillborn one never applied: the
  // source's word is all there is.
  if (!dated(v.start) || never_in_force(v)) return v.status;
  if (day < v.start) return ArticleStatus::kVigueurDiff;
  const Date until = effective_end(article, index);
  const bool applies = !until.known() || day < until;
  // It applies on `day`, whatever it became later; a snapshot's pending abrogation is to come.
  if (applies && !superseded_on(article, index, day))
    return v.status == ArticleStatus::kAbrogeDiff ? v.status : ArticleStatus::kVigueur;
  if (applies) return ArticleStatus::kModifie;
  // It ended. MODIFIE, ABROGE, TRANSFERE… say how; a snapshot's words and a history's silence
  // are read on the dates.
  const bool snapshot_state =
      v.status == ArticleStatus::kVigueur || v.status == ArticleStatus::kVigueurDiff ||
      v.status == ArticleStatus::kAbrogeDiff || v.status == ArticleStatus::kUnknown;
  if (!snapshot_state) return v.status;
  std::size_t next = next_applied(article.versions, index);
  if (next != std::string::npos && article.versions[next].start <= day)
    return ArticleStatus::kModifie;
  if (v.status == ArticleStatus::kAbrogeDiff) return ArticleStatus::kAbroge;
  // A history marks an abrogation with a tombstone: a version of the day it ended, never in
  // force, whose state ends the article (css-history's D133-11, abrogated on 1 October 2014).
  if (index + 1 < article.versions.size()) {
    const Version& after = article.versions[index + 1];
    if (never_in_force(after) && after.start == until && ends_the_article(after.status))
      return after.status;
  }
  return ArticleStatus::kUnknown;
}

void date_sources(Corpus& corpus) {
  std::vector<Date> newest(corpus.codes().size());
  for (const Article& article : corpus.articles())
    for (const Version& v : article.versions)
      if (dated(v.start) && newest[article.code.value] < v.start)
        newest[article.code.value] = v.start;
  for (const Code& c : corpus.codes()) {
    Code& code = corpus.code(c.id);
    if (code.data_date.known() || !newest[c.id.value].known()) continue;
    code.data_date = newest[c.id.value];
    code.data_date_rule = Code::DataDateRule::kNewestVersion;
  }
}

namespace {

// The diff of one pair of texts: kept by serve, else recorded by the last build, else compared.
TextDiff diff_of(std::string_view before, std::string_view after, DiffCache* cache,
                 const DiffRecord* record) {
  if (cache) return cache->diff(before, after, record);
  if (record)
    if (std::optional<TextDiff> recorded = record->find(before, after)) return std::move(*recorded);
  return diff_texts(before, after);
}

}  // namespace

void answer_article_for_date(Article& article, Date reference_date, bool with_diffs,
                             DiffCache* cache, const DiffRecord* record) {
  article.on_reference_date = version_on_date(article, reference_date);
  for (std::size_t v = 0; v < article.versions.size(); ++v)
    article.versions[v].status_on_reference_date = status_on(article, v, reference_date);
  if (!with_diffs) return;
  for (Version& v : article.versions)
    if (!v.slug.empty() && v.diff_base >= 0) {
      v.diff = diff_of(article.versions[v.diff_base].text_html, v.text_html, cache, record);
    }
}

void answer_for_date(Corpus& corpus, Date reference_date, bool with_diffs, std::size_t jobs,
                     DiffCache* cache, const DiffRecord* record) {
  auto& articles = corpus.articles();
  if (cache) cache->start_phase();
  // Each chunk writes only its own articles' answers, so any thread count gives the same model.
  for_each_chunk(jobs, articles.size(), 64, [&](const Chunk& chunk) {
    for (std::size_t i = chunk.begin; i < chunk.end; ++i)
      answer_article_for_date(articles[i], reference_date, with_diffs, cache, record);
  });
  if (cache) cache->finish_phase();
}

void report_diffs_beyond_budget(const Corpus& corpus, Diagnostics& diagnostics) {
  for (const Article& article : corpus.articles())
    for (const Version& v : article.versions)
      if (v.diff.beyond_budget && v.diff_base >= 0)
        diagnostics.warning(
            v.origin, article.number.text() + ": versions of " +
                          article.versions[v.diff_base].start.iso() + " and " + v.start.iso() +
                          " differ too much to compare word by word (past the diff's budget); "
                          "the diff page shows both texts whole");
}

}  // namespace legisite
