// The link report: which citations resolution flags as unresolved, ambiguous or suspicious, with
// where they were found and the near misses it suggests.

#include "resolve/link_report.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "resolve/resolve.h"

namespace legisite::link_report_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";
using Kind = CitationFinding::Kind;

/// Adds one version of an article, in force from `start` (to `end` if given), with `html` as text.
ArticleId add(Corpus& corpus, const char* number, std::string html = "<p>Texte.</p>",
              Date start = Date::from_ymd(2013, 7, 8), Date end = Date::no_end(),
              const char* code = kCss) {
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = code;
  r.section_path = {{"Partie législative", "", -1}};
  r.number = ArticleNumber(number);
  r.version.start = start;
  r.version.end = end;
  r.version.status = end.is_no_end() ? ArticleStatus::kVigueur : ArticleStatus::kAbroge;
  r.version.has_text = true;
  r.version.text_html = std::move(html);
  r.version.origin = {std::string(number) + ".md", 3, 0};
  add_record(corpus, std::move(r), diagnostics);
  REQUIRE(diagnostics.all().empty());
  return corpus.find_article(corpus.find_code(code), ArticleNumber(number));
}

LinkReport report_of(Corpus& corpus) {
  Diagnostics diagnostics;
  return resolve(corpus, diagnostics).report;
}

std::vector<const CitationFinding*> of_kind(const LinkReport& report, Kind kind) {
  std::vector<const CitationFinding*> out;
  for (const CitationFinding& f : report.findings)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

}  // namespace

TEST_CASE("a citation of an article the code lacks is unresolved, with where and what",
          "[link_report]") {
  Corpus corpus;
  add(corpus, "L133-6");
  add(corpus, "R133-19", "<p>défini à l'article L. 133-6 et à l'article L.\u00a0999-1.</p>");
  LinkReport report = report_of(corpus);
  auto unresolved = of_kind(report, Kind::kUnresolved);
  REQUIRE(unresolved.size() == 1);
  const CitationFinding& f = *unresolved[0];
  CHECK(f.where.file == "R133-19.md");
  CHECK(f.where.line == 3);
  CHECK(f.code == kCss);
  CHECK(f.article == "R133-19");
  CHECK(f.version_start == Date::from_ymd(2013, 7, 8));
  CHECK(f.in_text);
  CHECK(f.cited == "L. 999-1");
  CHECK(f.problem ==
        "no text of article L999-1 in this edition of Code de la sécurité sociale (it gets a "
        "\"cited, no text\" page)");
  CHECK(f.suggestion.empty());
  CHECK(report.count(Kind::kAmbiguous) == 0);
  CHECK(report.count(Kind::kSuspicious) == 0);
  CHECK(report.tally.in_text == 2);
  CHECK(report.tally.to_articles == 1);
  CHECK(report.tally.to_cited_only == 1);
}

TEST_CASE("near misses: swapped characters and other punctuation, never another prefix",
          "[link_report]") {
  Corpus corpus;
  add(corpus, "L133-16");
  add(corpus, "R138-26");
  CodeId css = corpus.find_code(kCss);
  ArticleId swapped = near_miss(corpus, css, ArticleNumber("L133-61"), ArticleNumber("R133-19"));
  REQUIRE(swapped.valid());
  CHECK(corpus.article(swapped).number.text() == "L133-16");
  // L. 138-26 and R. 138-26 are different articles by design.
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L138-26"), ArticleNumber("R138-1")).valid());
  // A neighbour one digit away is another article, not a typo.
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L133-17"), ArticleNumber("R133-19")).valid());
  // The number itself is not its own near miss.
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L133-16"), ArticleNumber("R133-19")).valid());

  add(corpus, "L133-6-1");
  ArticleId punctuated = near_miss(corpus, css, ArticleNumber("L1336-1"), ArticleNumber("R133-19"));
  REQUIRE(punctuated.valid());
  CHECK(corpus.article(punctuated).number.text() == "L133-6-1");
  // Outside the citing article's chapter, no guess.
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L1336-1"), ArticleNumber("R134-1")).valid());
  // A number inserted below an existing article is a real (repealed) one, not a slip.
  add(corpus, "L162-11");
  add(corpus, "L162-1");
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L162-1-1"), ArticleNumber("R162-3")).valid());
  // Two candidates (L. 133-16 swapped, L. 133-6-1 punctuated): no guess.
  CHECK_FALSE(near_miss(corpus, css, ArticleNumber("L133-61"), ArticleNumber("R133-19")).valid());
}

TEST_CASE("an unresolved citation says what it probably meant", "[link_report]") {
  Corpus corpus;
  add(corpus, "L133-16");
  add(corpus, "R133-1",
      "<p>à l'article L. 133-61.</p><p>à l'article L. 4 du code de la sécurité socaile.</p>");
  LinkReport report = report_of(corpus);
  auto unresolved = of_kind(report, Kind::kUnresolved);
  REQUIRE(unresolved.size() == 2);
  // Same version: findings keep the order resolution found them in (unknown codes first, articles
  // without text once every citation is resolved).
  CHECK(unresolved[0]->cited == "L. 4");
  CHECK(unresolved[0]->problem ==
        "\"Code de la sécurité socaile\" is not a code legisite knows; left unlinked");
  CHECK(unresolved[0]->suggestion == "Code de la sécurité sociale");
  CHECK(unresolved[1]->cited == "L. 133-61");
  CHECK(unresolved[1]->suggestion == "L133-16");
}

TEST_CASE("a known code title glued to the next word is a near miss", "[link_report]") {
  Corpus corpus;
  add(corpus, "L162-17-2-1",
      "<p>mentionnés à l'article L. 5311-1 du code de la santé publiqueenco qui sont</p>");
  LinkReport report = report_of(corpus);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].suggestion == "Code de la santé publique");
}

TEST_CASE("a finding quotes the whole citation, even split by the source's own links",
          "[link_report]") {
  // R323-4 in css-2026: Légifrance links both bounds to articles this edition does not have.
  Corpus corpus;
  add(corpus, "R323-4",
      "<p>des articles <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006748763\">R. 242-7 "
      "</a>à <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006748767\">R. 242-11</a>.</p>");
  LinkReport report = report_of(corpus);
  // Each bound is a link of its own, to an article without text: one finding each.
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].cited == "R. 242-7 à R. 242-11");
  CHECK(report.findings[0].problem.rfind("no text of article R242-7 ", 0) == 0);
  CHECK(report.findings[1].cited == "R. 242-11");
  CHECK(report.findings[1].problem.rfind("no text of article R242-11 ", 0) == 0);
}

TEST_CASE("a code the corpus does not hold but legisite knows is no finding", "[link_report]") {
  Corpus corpus;
  add(corpus, "R1",
      "<p>à l'article L. 1221-3 du code du travail.</p><p>aux articles 24 à 29 du code de "
      "procédure civile de la Polynésie française</p>");
  LinkReport report = report_of(corpus);
  CHECK(report.findings.empty());
  CHECK(report.tally.to_other_codes == 2);
}

TEST_CASE("citations whose code the text leaves open are ambiguous", "[link_report]") {
  Corpus corpus;
  add(corpus, "L162-31-1",
      "<p>Il peut être dérogé à l'article L. 4113-5.</p>"
      "<p>en application de l'article L. 431-1 et aux articles L. 751-8 et L. 752-3 du code rural "
      "et de la pêche maritime.</p>");
  add(corpus, "L431-1");
  LinkReport report = report_of(corpus);
  auto ambiguous = of_kind(report, Kind::kAmbiguous);
  REQUIRE(ambiguous.size() == 2);
  CHECK(ambiguous[0]->cited == "L. 4113-5");
  CHECK(ambiguous[0]->problem ==
        "no code named, and Code de la sécurité sociale has no article L4113-5: the numbering of "
        "another code? Left unlinked");
  CHECK(ambiguous[1]->cited == "L. 431-1");
  CHECK(ambiguous[1]->problem ==
        "the sentence names Code rural et de la pêche maritime after it; linked to Code de la "
        "sécurité sociale, which has an article L431-1");
}

TEST_CASE("a range in reverse order is suspicious and links its first article only",
          "[link_report]") {
  Corpus corpus;
  for (const char* n : {"L137-10", "L137-11", "L137-17"}) add(corpus, n);
  ArticleId r = add(corpus, "R1", "<p>aux articles L. 137-17 à L. 137-10.</p>");
  LinkReport report = report_of(corpus);
  auto suspicious = of_kind(report, Kind::kSuspicious);
  REQUIRE(suspicious.size() == 1);
  CHECK(suspicious[0]->cited == "L. 137-17 à L. 137-10");
  CHECK(suspicious[0]->problem ==
        "a range whose bounds are not in code order (L137-17 to L137-10); only its first article "
        "is linked");
  const auto& cites = corpus.article(r).versions.at(0).text_citations;
  REQUIRE(cites.size() == 1);
  CHECK(corpus.article(cites[0].target).number.text() == "L137-17");
  CHECK(cites[0].range_targets.empty());
}

TEST_CASE("citing an article not in force when the citing version took effect is suspicious",
          "[link_report]") {
  Corpus corpus;
  add(corpus, "L135-2", "<p>Texte.</p>", Date::from_ymd(1994, 1, 1));
  add(corpus, "L842-4", "<p>Texte.</p>", Date::from_ymd(1990, 1, 1), Date::from_ymd(2010, 1, 1));
  add(corpus, "L134-6", "<p>l'article L. 135-2 et l'article L. 842-4.</p>",
      Date::from_ymd(1993, 7, 23), Date::from_ymd(2013, 1, 1));
  add(corpus, "L134-7", "<p>l'article L. 842-4.</p>", Date::from_ymd(2011, 1, 1));
  add(corpus, "L134-8", "<p>l'article L. 135-2 et l'article L. 842-4.</p>",
      Date::from_ymd(2000, 1, 1));
  LinkReport report = report_of(corpus);
  auto suspicious = of_kind(report, Kind::kSuspicious);
  REQUIRE(suspicious.size() == 2);
  CHECK(suspicious[0]->article == "L134-6");
  CHECK(suspicious[0]->problem ==
        "L135-2 was not yet in force on 1993-07-23 (its first version starts on 1994-01-01)");
  CHECK(suspicious[1]->article == "L134-7");
  CHECK(suspicious[1]->problem ==
        "L842-4 was no longer in force on 2011-01-01 (its last version ended on 2010-01-01)");
}

TEST_CASE("metadata links that cite an article without text are unresolved", "[link_report]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = kCss;
  r.number = ArticleNumber("R1");
  r.version.start = Date::from_ymd(2013, 7, 8);
  r.version.origin = {"R1.md", 1, 0};
  Link cite;
  cite.group = LinkGroup::kCites;
  cite.text_title = kCss;
  cite.article_number = "L999-1";
  cite.where = {"R1.md", 12, 5};
  Link old_text = cite;
  old_text.group = LinkGroup::kOldTexts;  // expected to be gone: counted, not reported
  old_text.article_number = "L998";
  r.version.links = {cite, old_text};
  add_record(corpus, std::move(r), diagnostics);
  LinkReport report = report_of(corpus);
  REQUIRE(report.findings.size() == 1);
  CHECK_FALSE(report.findings[0].in_text);
  CHECK(report.findings[0].where.line == 12);
  CHECK(report.findings[0].cited == "Cite: Code de la sécurité sociale L999-1");
  CHECK(report.tally.metadata == 2);
  CHECK(report.tally.metadata_to_cited_only == 2);
}

}  // namespace legisite::link_report_test
