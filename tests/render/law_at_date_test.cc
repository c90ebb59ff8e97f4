// The law at a date: which dates get a table of contents.

#include "render/law_at_date.h"

#include <catch2/catch.hpp>

namespace legisite::law_at_date_test {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

/// A code with one article per start date given.
Corpus code_with_versions(const std::vector<Date>& starts) {
  Corpus corpus;
  CodeId code = corpus.find_or_add_code("Code de test");
  ArticleId id = corpus.add_article(code, corpus.code(code).root, ArticleNumber("L1"));
  for (Date start : starts) {
    Version v;
    v.start = start;
    corpus.article(id).versions.push_back(v);
  }
  return corpus;
}

SiteOptions on(const char* iso) {
  SiteOptions options;
  options.reference_date = d(iso);
  return options;
}

}  // namespace

TEST_CASE("every day the code changed gets a table, up to the reference date",
          "[render][law-at-date]") {
  Corpus corpus = code_with_versions({d("2005-08-12"), d("2013-07-08"), d("2027-03-01")});
  CHECK(dated_toc_dates(corpus, CodeId(0), on("2026-11-26")) ==
        std::vector<Date>{d("2005-08-12"), d("2013-07-08")});
}

TEST_CASE("a code that changed on many days keeps the last change of each recent year",
          "[render][law-at-date]") {
  std::vector<Date> starts;
  for (int year = 1980; year <= 2025; ++year) {
    starts.push_back(Date::from_ymd(year, 1, 1));
    starts.push_back(Date::from_ymd(year, 7, 1));
  }
  Corpus corpus = code_with_versions(starts);
  std::vector<Date> dates = dated_toc_dates(corpus, CodeId(0), on("2026-11-26"));
  REQUIRE(dates.size() == kMaxDatedTocs);
  CHECK(dates.front() == d("2016-07-01"));
  CHECK(dates.back() == d("2025-07-01"));

  // `--toc-dates all`: every change; `--toc-dates 2000-03-15,…`: those days too (up to --date).
  SiteOptions all = on("2026-11-26");
  all.all_toc_dates = true;
  CHECK(dated_toc_dates(corpus, CodeId(0), all).size() == 92);
  SiteOptions some = on("2026-11-26");
  some.toc_dates = {d("2000-03-15"), d("2025-07-01"), d("2030-01-01")};
  dates = dated_toc_dates(corpus, CodeId(0), some);
  REQUIRE(dates.size() == kMaxDatedTocs + 1);
  CHECK(dates.front() == d("2000-03-15"));
  CHECK(dates.back() == d("2025-07-01"));
}

}  // namespace legisite::law_at_date_test
