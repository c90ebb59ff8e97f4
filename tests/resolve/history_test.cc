// Version timelines: order by start date whatever the source order, derived ends and states,
// versions that never applied, LEGI's date sentinels, overlaps and gaps.

#include "resolve/history.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace legisite::history_test {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Version version(const char* start, const char* end = nullptr,
                ArticleStatus status = ArticleStatus::kUnknown, int line = 1) {
  Version v;
  v.start = d(start);
  if (end) v.end = d(end);
  v.status = status;
  v.has_text = true;
  v.text_html = std::string("<p>") + start + "</p>";
  v.origin = {"a.md", line, 0};
  return v;
}

/// A corpus with one article holding `versions` in the given order.
struct OneArticle {
  Corpus corpus;
  ArticleId id;
  explicit OneArticle(std::vector<Version> versions) {
    CodeId code = corpus.find_or_add_code("Code de test");
    id = corpus.add_article(code, corpus.code(code).root, ArticleNumber("L1"));
    corpus.article(id).versions = std::move(versions);
  }
  Article& article() { return corpus.article(id); }
};

std::vector<std::string> starts(const Article& a) {
  std::vector<std::string> out;
  for (const Version& v : a.versions) out.push_back(v.start.iso());
  return out;
}

}  // namespace

TEST_CASE("versions are ordered by start date whatever order the source gave", "[history]") {
  std::vector<Version> sorted = {version("1990-01-01"), version("2001-05-03"),
                                 version("2005-08-12"), version("2013-07-08"),
                                 version("2017-05-10")};
  std::mt19937 shuffle_with(5);
  for (int round = 0; round < 10; ++round) {
    std::vector<Version> shuffled = sorted;
    std::shuffle(shuffled.begin(), shuffled.end(), shuffle_with);
    OneArticle one(shuffled);
    Diagnostics diagnostics;
    build_timelines(one.corpus, diagnostics);
    CHECK(starts(one.article()) == std::vector<std::string>{"1990-01-01", "2001-05-03",
                                                            "2005-08-12", "2013-07-08",
                                                            "2017-05-10"});
    CHECK(diagnostics.all().empty());
  }
}

TEST_CASE("same-day versions keep their source order and the first never applied", "[history]") {
  Version first = version("2013-07-08", nullptr, ArticleStatus::kUnknown, 1);
  first.source_key = "a";
  Version second = version("2013-07-08", nullptr, ArticleStatus::kUnknown, 2);
  second.source_key = "b";
  OneArticle one({version("2005-08-12"), first, second});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const auto& v = one.article().versions;
  CHECK(v[1].source_key == "a");
  CHECK(v[2].source_key == "b");
  CHECK(never_in_force(v[1]));
  CHECK(v[0].end == d("2013-07-08"));  // the 2005 text applied until the day's last version
  CHECK(version_slugs(one.article()) ==
        std::vector<std::string>{"2005-08-12", "2013-07-08", "2013-07-08-2"});
}

// The Code de la sécurité sociale, ../shared/corpus/legifrance-json: the article of cid
// LEGIARTI000033783865 has two versions starting on 2019-01-01, LEGIARTI000033783870 and
// LEGIARTI000036354506, listed in that order by css-2026-03-14.json and the other way round by
// css-2021-01-01.json.
TEST_CASE(
    "same-day versions with identifiers are in identifier order whatever order the source gave",
    "[history]") {
  auto identified = [](const char* id, ArticleStatus status) {
    Version v = version("2019-01-01", nullptr, status);
    v.id = id;
    return v;
  };
  for (bool listed_2021 : {false, true}) {
    Version older = identified("LEGIARTI000033783870", ArticleStatus::kModifieMortNe);
    Version newer = identified("LEGIARTI000036354506", ArticleStatus::kVigueur);
    OneArticle one(listed_2021 ? std::vector<Version>{version("2017-01-01"), newer, older}
                               : std::vector<Version>{version("2017-01-01"), older, newer});
    Diagnostics diagnostics;
    build_timelines(one.corpus, diagnostics);
    const auto& v = one.article().versions;
    INFO(listed_2021);
    CHECK(v[1].id == "LEGIARTI000033783870");
    CHECK(v[2].id == "LEGIARTI000036354506");
    CHECK(version_slugs(one.article()) ==
          std::vector<std::string>{"2017-01-01", "2019-01-01", "2019-01-01-2"});
  }
  // A shorter identifier is an older one. One version without identifier, or two that applied
  // (then the order says which replaced the other), keep the source's order for the whole day.
  const auto day = [](std::vector<Version> versions) {
    OneArticle one(std::move(versions));
    Diagnostics diagnostics;
    build_timelines(one.corpus, diagnostics);
    std::vector<std::string> ids;
    for (const Version& v : one.article().versions) ids.push_back(v.id);
    return ids;
  };
  Version ten = identified("10", ArticleStatus::kVigueur);
  Version nine = identified("9", ArticleStatus::kModifieMortNe);
  Version unnamed = version("2019-01-01", nullptr, ArticleStatus::kModifieMortNe);
  Version nine_applied = identified("9", ArticleStatus::kUnknown);
  CHECK(day({ten, nine}) == std::vector<std::string>{"9", "10"});
  CHECK(day({ten, unnamed, nine}) == std::vector<std::string>{"10", "", "9"});
  CHECK(day({ten, nine_applied}) == std::vector<std::string>{"10", "9"});
}

TEST_CASE("a version followed by another ends when it starts and was modified", "[history]") {
  OneArticle one({version("2013-07-08"), version("2005-08-12")});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const auto& v = one.article().versions;
  CHECK(v[0].end == d("2013-07-08"));
  CHECK(v[0].status == ArticleStatus::kModifie);
  CHECK(!v[1].end.known());                       // the last one's end is not invented
  CHECK(v[1].status == ArticleStatus::kUnknown);  // nor its state
}

TEST_CASE("known ends and states are kept", "[history]") {
  OneArticle one({version("2005-08-12", "2010-01-01", ArticleStatus::kAbroge),
                  version("2013-07-08", "2999-01-01", ArticleStatus::kVigueur)});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const auto& v = one.article().versions;
  CHECK(v[0].end == d("2010-01-01"));
  CHECK(v[0].status == ArticleStatus::kAbroge);
  CHECK(diagnostics.all().empty());  // a gap after an abrogation is the law, not a hole
}

TEST_CASE("MODIFIE_MORT_NE versions never apply and are skipped by diffs and derivations",
          "[history]") {
  OneArticle one({version("2005-08-12"),
                  version("2010-01-01", "2999-01-01", ArticleStatus::kModifieMortNe),
                  version("2013-07-08")});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const Article& a = one.article();
  CHECK(never_in_force(a.versions[1]));
  CHECK(a.versions[0].end == d("2013-07-08"));  // the stillborn text did not replace it
  CHECK(diff_base(a, 2) == 0);
  CHECK(diff_base(a, 1) == -1);
  CHECK(diagnostics.all().empty());
  CHECK(version_on_date(a, d("2011-01-01")).index == 0);
}

TEST_CASE("a version that ends before it starts never applied", "[history]") {
  Version odd = version("2010-01-01", "2009-01-01");
  CHECK(never_in_force(odd));
  CHECK(!never_in_force(version("2010-01-01", "2011-01-01")));
}

TEST_CASE("2999-01-01 is no end and 2222-02-22 a deferred start", "[history]") {
  OneArticle one({version("2222-02-22", "2999-01-01", ArticleStatus::kVigueurDiff),
                  version("2013-07-08", "2222-02-22", ArticleStatus::kVigueur)});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const Article& a = one.article();
  CHECK(a.versions[0].start == d("2013-07-08"));  // deferred sorts after every real day
  CHECK(a.versions[1].start.is_deferred());
  CHECK(diagnostics.all().empty());
  auto on = version_on_date(a, d("2026-11-26"));
  CHECK(on.index == 0);
  CHECK(on.standing == Standing::kInForce);
  // A deferred version has no date to name its page after.
  CHECK(version_slugs(a) == std::vector<std::string>{"2013-07-08", ""});

  OneArticle later({version("2222-02-22", "2999-01-01", ArticleStatus::kVigueurDiff)});
  build_timelines(later.corpus, diagnostics);
  auto pending = version_on_date(later.article(), d("2026-11-26"));
  CHECK(pending.index == 0);
  CHECK(pending.standing == Standing::kNotYetInForce);
}

TEST_CASE("the version on a date: in force, not yet, ended, undated", "[history]") {
  OneArticle one(
      {version("2005-08-12"), version("2013-07-08", "2017-05-10", ArticleStatus::kTransfere)});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const Article& a = one.article();
  CHECK(version_on_date(a, d("2000-01-01")).standing == Standing::kNotYetInForce);
  CHECK(version_on_date(a, d("2000-01-01")).index == 0);
  CHECK(version_on_date(a, d("2013-07-07")).index == 0);
  CHECK(version_on_date(a, d("2013-07-08")).index == 1);
  CHECK(version_on_date(a, d("2013-07-08")).standing == Standing::kInForce);
  CHECK(version_on_date(a, d("2017-05-10")).standing == Standing::kEnded);
  CHECK(version_on_date(a, d("2017-05-10")).index == 1);

  Version undated;
  undated.has_text = true;
  OneArticle none({undated});
  CHECK(version_on_date(none.article(), d("2026-11-26")).standing == Standing::kUndated);
  CHECK(version_on_date(none.article(), d("2026-11-26")).index == 0);
  CHECK(version_slugs(none.article()) == std::vector<std::string>{""});
}

TEST_CASE("overlapping versions are reported at the later one", "[history]") {
  OneArticle one({version("2013-07-08", nullptr, ArticleStatus::kVigueur, 9),
                  version("2005-08-12", "2013-12-31", ArticleStatus::kModifie, 4)});
  Diagnostics diagnostics;
  CHECK(build_timelines(one.corpus, diagnostics) == 1);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "a.md:9: warning: L1: version of 2013-07-08 starts before the previous one ends "
        "(2013-12-31)\n");
}

TEST_CASE("an open-ended version followed by another is an overlap", "[history]") {
  OneArticle one({version("2005-08-12", "2999-01-01", ArticleStatus::kVigueur, 4),
                  version("2013-07-08", nullptr, ArticleStatus::kVigueur, 9)});
  Diagnostics diagnostics;
  CHECK(build_timelines(one.corpus, diagnostics) == 1);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "L1: version of 2013-07-08 starts while the previous one (2005-08-12) has no end");
}

TEST_CASE("a gap between a modified version and the next is reported", "[history]") {
  OneArticle one({version("2005-08-12", "2010-01-01", ArticleStatus::kModifie, 4),
                  version("2013-07-08", nullptr, ArticleStatus::kVigueur, 9)});
  Diagnostics diagnostics;
  CHECK(build_timelines(one.corpus, diagnostics) == 1);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].where.line == 9);
  CHECK(diagnostics.all()[0].message == "L1: no version applies from 2010-01-01 to 2013-07-08");
}

}  // namespace legisite::history_test

namespace legisite::history_test {

TEST_CASE("an end one day after the next start is an inclusive end, not an overlap", "[history]") {
  OneArticle one({version("2005-12-31", nullptr, ArticleStatus::kVigueur, 9),
                  version("2001-01-01", "2006-01-01", ArticleStatus::kModifie, 4)});
  Diagnostics diagnostics;
  CHECK(build_timelines(one.corpus, diagnostics) == 0);
}

TEST_CASE("a last version without state takes the one its ending link names", "[history]") {
  // R133-19 as the seed gives it: no state, "Liens: TRANSFERE: Décret n°2017-864 du 9 mai 2017".
  Version last = version("2013-07-08");
  Link transfer;
  transfer.group = LinkGroup::kLinks;
  transfer.link_type = "TRANSFERE";
  transfer.text_title = "Décret n°2017-864 du 9 mai 2017";
  last.links.push_back(transfer);
  OneArticle one({version("2005-01-01"), last});
  Diagnostics diagnostics;
  build_timelines(one.corpus, diagnostics);
  const Article& a = one.article();
  CHECK(a.versions[0].status == ArticleStatus::kModifie);
  CHECK(a.versions[1].status == ArticleStatus::kTransfere);
  CHECK_FALSE(a.versions[1].end.known());
  CHECK(ending_text_date(a.versions[1]) == d("2017-05-09"));
  CHECK(applies_until(a.versions[1]) == d("2017-05-09"));
  CHECK(applies_until(a.versions[0]) == d("2013-07-08"));
  // Before the decree it still applied; after it, it had ended (on a day the sources do not give).
  CHECK(version_on_date(a, d("2016-01-01")).standing == Standing::kInForce);
  VersionOnDate later = version_on_date(a, d("2020-01-01"));
  CHECK(later.index == 1);
  CHECK(later.standing == Standing::kEnded);

  // An abrogation says so the same way; a known state is never replaced.
  Version abrogated = version("2013-07-08");
  Link by;
  by.group = LinkGroup::kAbrogatedBy;
  by.text_title = "Décret n°2020-1 du 2 janvier 2020";
  abrogated.links.push_back(by);
  Version in_force = abrogated;
  in_force.status = ArticleStatus::kVigueur;
  OneArticle two({abrogated}), three({in_force});
  build_timelines(two.corpus, diagnostics);
  build_timelines(three.corpus, diagnostics);
  CHECK(two.article().versions[0].status == ArticleStatus::kAbroge);
  CHECK(three.article().versions[0].status == ArticleStatus::kVigueur);
}

TEST_CASE("a transfer without end date ends when its one successor first applied", "[history]") {
  Version last = version("2013-07-08", nullptr, ArticleStatus::kTransfere);
  OneArticle one({last});
  CodeId code = one.corpus.find_or_add_code("Code de test");
  ArticleId next = one.corpus.add_article(code, one.corpus.code(code).root, ArticleNumber("L2"));
  one.corpus.article(next).versions = {version("2017-05-11"), version("2020-01-01")};
  std::vector<std::vector<ArticleId>> successors(2);
  successors[one.id.value] = {next};
  date_transfers(one.corpus, successors);
  CHECK(one.article().versions[0].end == d("2017-05-11"));

  // Two successors (a split): no single day to take.
  OneArticle split({last});
  ArticleId x = split.corpus.add_article(code, split.corpus.code(code).root, ArticleNumber("L2"));
  ArticleId y = split.corpus.add_article(code, split.corpus.code(code).root, ArticleNumber("L3"));
  split.corpus.article(x).versions = {version("2017-05-11")};
  split.corpus.article(y).versions = {version("2017-05-11")};
  std::vector<std::vector<ArticleId>> two(3);
  two[split.id.value] = {x, y};
  date_transfers(split.corpus, two);
  CHECK_FALSE(split.article().versions[0].end.known());
}

// The dates and states below are those of the Code de la sécurité sociale dump of 2026-03-14
// (tests/golden/deferred-states): a snapshot's deferred states read on a later day.
TEST_CASE("a version's state on a day: deferred states of a snapshot once their day has come",
          "[history][status_on]") {
  using S = ArticleStatus;
  // L133-9-2: ABROGE_DIFF until 2026-07-01, then VIGUEUR_DIFF.
  OneArticle l133({version("2021-01-01", "2026-07-01", S::kAbrogeDiff),
                   version("2026-07-01", "2999-01-01", S::kVigueurDiff)});
  const Article& a = l133.article();
  // On the snapshot's day the source's words hold.
  CHECK(status_on(a, 0, d("2026-03-14")) == S::kAbrogeDiff);
  CHECK(status_on(a, 1, d("2026-03-14")) == S::kVigueurDiff);
  // Once the deferred version applies: replaced, and in force.
  CHECK(status_on(a, 0, d("2026-11-26")) == S::kModifie);
  CHECK(status_on(a, 1, d("2026-11-26")) == S::kVigueur);
  CHECK(status_on(a, 1, d("2026-07-01")) == S::kVigueur);

  // R932-2-4: one version, ABROGE_DIFF until 2026-06-19: abrogated once that day has come.
  OneArticle r932({version("2005-12-01", "2026-06-19", S::kAbrogeDiff)});
  CHECK(status_on(r932.article(), 0, d("2026-06-18")) == S::kAbrogeDiff);
  CHECK(status_on(r932.article(), 0, d("2026-06-19")) == S::kAbroge);
  CHECK(status_on(r932.article(), 0, d("2026-11-26")) == S::kAbroge);

  // A version that applies is in force whatever it became later, one still to come is deferred;
  // one that ended, or never applied, keeps the source's state.
  OneArticle others({version("2000-01-01", "2010-01-01", S::kModifie),
                     version("2010-01-01", "2009-01-01", S::kVigueurDiff),
                     version("2010-01-01", "2999-01-01", S::kVigueur),
                     version("2030-01-01", "2999-01-01", S::kVigueurDiff)});
  CHECK(status_on(others.article(), 0, d("2005-01-01")) == S::kVigueur);
  CHECK(status_on(others.article(), 0, d("1999-01-01")) == S::kVigueurDiff);
  CHECK(status_on(others.article(), 0, d("2026-11-26")) == S::kModifie);
  CHECK(status_on(others.article(), 1, d("2026-11-26")) == S::kVigueurDiff);
  CHECK(status_on(others.article(), 2, d("2026-11-26")) == S::kVigueur);
  CHECK(status_on(others.article(), 3, d("2026-11-26")) == S::kVigueurDiff);
  // An in-force version that ended with nothing after it: no source says how.
  OneArticle ended({version("2000-01-01", "2020-01-01", S::kVigueur)});
  CHECK(status_on(ended.article(), 0, d("2026-11-26")) == S::kUnknown);
}

// css-2026-03-14.json, L133-4-9 (articleVersions): the 2025-02-28 version is VIGUEUR with no end
// (2999-01-01) though the 2025-07-01 one replaced it; css-history: a version with no state.
TEST_CASE("a version's state on a day: what the timeline implies when the source does not say",
          "[history][status_on]") {
  using S = ArticleStatus;
  OneArticle l133({version("2017-01-01", "2025-02-28", S::kModifie),
                   version("2025-02-28", "2999-01-01", S::kVigueur),
                   version("2025-07-01", "2999-01-01", S::kVigueur)});
  CHECK(effective_end(l133.article(), 1) == d("2025-07-01"));
  CHECK(status_on(l133.article(), 1, d("2026-11-26")) == S::kModifie);
  CHECK(status_on(l133.article(), 2, d("2026-11-26")) == S::kVigueur);
  // A history's last version, no state, no end: in force on any day after its start.
  OneArticle history({version("2013-07-10", nullptr, S::kUnknown)});
  CHECK_FALSE(effective_end(history.article(), 0).known());
  CHECK(status_on(history.article(), 0, d("2026-11-26")) == S::kVigueur);
  CHECK(status_on(history.article(), 0, d("2013-01-01")) == S::kVigueurDiff);
  // css-history's D133-11: its last text ended when a tombstone of one day abrogated it.
  OneArticle d133({version("2006-09-07", "2014-10-01", S::kUnknown),
                   version("2014-10-01", "2014-10-01", S::kAbroge)});
  CHECK(status_on(d133.article(), 0, d("2026-11-26")) == S::kAbroge);
  // css-2026's R114-19: VIGUEUR with no end, and a TRANSFERE version of 2009-2012 between: in
  // force again after it, as the source says; replaced while it applied.
  OneArticle r114({version("2009-10-08", "2999-01-01", S::kVigueur),
                   version("2009-12-19", "2012-01-20", S::kTransfere)});
  CHECK_FALSE(effective_end(r114.article(), 0).known());
  CHECK(status_on(r114.article(), 0, d("2026-11-26")) == S::kVigueur);
  CHECK(status_on(r114.article(), 0, d("2010-06-01")) == S::kModifie);
  CHECK(status_on(r114.article(), 1, d("2026-11-26")) == S::kTransfere);
  // css-2026's L162-4-4: an ABROGE_DIFF version until 2027 overlapped by the VIGUEUR_DIFF one of
  // 2026-09-01: on 2026-11-26 the later one is the law, the earlier one was replaced.
  OneArticle l162({version("2025-12-31", "2027-01-01", S::kAbrogeDiff),
                   version("2026-09-01", "2999-01-01", S::kVigueurDiff)});
  CHECK(status_on(l162.article(), 0, d("2026-11-26")) == S::kModifie);
  CHECK(status_on(l162.article(), 1, d("2026-11-26")) == S::kVigueur);
  CHECK(status_on(l162.article(), 0, d("2026-06-01")) == S::kAbrogeDiff);
}

TEST_CASE("answer_for_date stores each version's state on the reference date",
          "[history][status_on]") {
  OneArticle one({version("2021-01-01", "2026-07-01", ArticleStatus::kAbrogeDiff),
                  version("2026-07-01", "2999-01-01", ArticleStatus::kVigueurDiff)});
  answer_for_date(one.corpus, d("2026-11-26"), false);
  CHECK(one.article().versions[0].status_on_reference_date == ArticleStatus::kModifie);
  CHECK(one.article().versions[1].status_on_reference_date == ArticleStatus::kVigueur);
}

}  // namespace legisite::history_test
