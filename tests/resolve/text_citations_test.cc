// Citations in running text, resolved: plain text and offsets, ranges expanded over a code's real
// articles, other codes, cited-only articles, the source's own links, other texts, backlinks.

#include "resolve/text_citations.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "citations/citations.h"
#include "resolve/resolve.h"

namespace legisite::text_citations_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";

/// Adds one version of an article of `code` with `html` as its text.
ArticleId add(Corpus& corpus, const char* number, std::string html = "<p>Texte.</p>",
              const char* code = kCss, const char* version_id = "") {
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = code;
  r.section_path = {{"Partie législative", "", -1}};
  r.number = ArticleNumber(number);
  r.version.start = Date::from_ymd(2013, 7, 8);
  r.version.has_text = true;
  r.version.text_html = std::move(html);
  r.version.id = version_id;
  r.version.origin = {std::string(number) + ".md", 1, 0};
  add_record(corpus, std::move(r), diagnostics);
  REQUIRE(diagnostics.all().empty());
  return corpus.find_article(corpus.find_code(code), ArticleNumber(number));
}

ArticleId find(const Corpus& corpus, const char* number, const char* code = kCss) {
  return corpus.find_article(corpus.find_code(code), ArticleNumber(number));
}

const std::vector<TextCitation>& cites_of(const Corpus& corpus, ArticleId id) {
  return corpus.article(id).versions.at(0).text_citations;
}

std::string covered(const Corpus& corpus, ArticleId id, const TextCitation& t) {
  return corpus.article(id).versions.at(0).text_html.substr(t.begin, t.end - t.begin);
}

std::vector<std::string> numbers(const Corpus& corpus, const std::vector<ArticleId>& ids) {
  std::vector<std::string> out;
  for (ArticleId id : ids) out.push_back(corpus.article(id).number.text());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Plain text

TEST_CASE("plain text keeps text nodes, breaks lines at blocks and joins inline tags",
          "[text_citations]") {
  PlainText p = plain_text_of(
      "<p>Article 1<sup>er</sup> : voir l'<a href=\"x?a=1&amp;b=2\">article "
      "L. 1</a>.</p><p>L.<br/>131-6 &amp; suite</p>");
  CHECK(p.text == "Article 1er : voir l'article L. 1.\x1DL.\n131-6 &amp; suite\x1D");
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].href == "x?a=1&amp;b=2");
  // Every segment is the HTML as written.
  std::string html =
      "<p>Article 1<sup>er</sup> : voir l'<a href=\"x?a=1&amp;b=2\">article "
      "L. 1</a>.</p><p>L.<br/>131-6 &amp; suite</p>";
  for (const TextSegment& s : p.segments)
    CHECK(html.substr(s.html, s.size) == p.text.substr(s.plain, s.size));
  CHECK(html.substr(p.links[0].text_begin, p.links[0].text_end - p.links[0].text_begin) ==
        "article L. 1");
}

// Code du travail, article "Annexe" of the sixth part (quality certification),
// code-du-travail-2026-03-27.json $.children[1].children[5].children[2].children[0].children[5]
// .children[0].data.texteHtml: the roman numeral opening the next paragraph is no suffix.
TEST_CASE("no citation is read across a paragraph boundary", "[text_citations]") {
  PlainText p = plain_text_of(
      "<p>RÉFÉRENTIEL NATIONAL DE CERTIFICATION QUALITÉ DES ORGANISMES MENTIONNÉS À L'ARTICLE "
      "<a href=\"/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&amp;idArticle="
      "LEGIARTI000006904390\">L. 6351-1</a></p><p>I.-Indicateurs d'appréciation des "
      "critères</p>");
  std::vector<Citation> found = find_citations(p.text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].number.text() == "L6351-1");
}

TEST_CASE("a citation broken by a tag maps to one HTML range per side, trimmed",
          "[text_citations]") {
  std::string html = "<p>voir L.<br/>131-6 du code</p>";
  PlainText p = plain_text_of(html);
  std::size_t begin = p.text.find("L.");
  auto ranges = p.html_ranges(begin, begin + std::string("L.\n131-6").size());
  REQUIRE(ranges.size() == 2);
  CHECK(html.substr(ranges[0].html, ranges[0].size) == "L.");
  CHECK(html.substr(ranges[1].html, ranges[1].size) == "131-6");
  CHECK(ranges[0].link == PlainText::kNoLink);
}

TEST_CASE("an HTML range never cuts an entity", "[text_citations]") {
  std::string html = "<p>a &amp; b</p>";
  PlainText p = plain_text_of(html);
  // "mp; b": starts inside "&amp;".
  auto ranges = p.html_ranges(p.text.find("mp;"), p.text.size());
  REQUIRE(ranges.size() == 1);
  CHECK(html.substr(ranges[0].html, ranges[0].size) == "b");
}

// ---------------------------------------------------------------------------------------------
// Resolution

TEST_CASE("the seed's citations resolve, with offsets into text_html", "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  ArticleId r = add(corpus, "R133-19",
                    "<p>défini à l'article L. 133-6 et aux articles L. 213-1 et L. 752-4.</p>"
                    "<p>b) définies au a avec les fonctions</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  CHECK(diagnostics.all().empty());
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 3);
  CHECK(cites[0].target == target);
  CHECK(covered(corpus, r, cites[0]) == "L. 133-6");
  CHECK(covered(corpus, r, cites[1]) == "L. 213-1");
  CHECK(covered(corpus, r, cites[2]) == "L. 752-4");
  // Articles the corpus does not have become cited-only articles of the citing code.
  ArticleId created = find(corpus, "L213-1");
  REQUIRE(created.valid());
  CHECK(corpus.article(created).cited_only);
  CHECK(cites[1].target == created);
  CHECK_FALSE(cites[0].source_link);
}

TEST_CASE("a range covers the code's real articles between its bounds, in code order",
          "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  // Added out of order, with a gap (L133-6-3), an inserted number (bis) and articles just
  // outside the bounds.
  for (const char* n : {"L133-6-5", "L133-6-10", "L133-6-1", "L133-6-2 bis", "L133-6", "L133-6-2",
                        "L133-6-5-1", "L133-6-4", "L133-6-1-1"})
    add(corpus, n);
  ArticleId r = add(corpus, "R133-19", "<p>aux articles L. 133-6-1 à L. 133-6-5, notamment</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  // Each bound is a link of its own to its article, "à" none; both carry the members.
  REQUIRE(cites.size() == 2);
  CHECK(covered(corpus, r, cites[0]) == "L. 133-6-1");
  CHECK(cites[0].target == find(corpus, "L133-6-1"));
  CHECK(covered(corpus, r, cites[1]) == "L. 133-6-5");
  CHECK(cites[1].target == find(corpus, "L133-6-5"));
  for (const TextCitation& t : cites)
    CHECK(numbers(corpus, t.range_targets) == std::vector<std::string>{"L133-6-1", "L133-6-1-1",
                                                                       "L133-6-2", "L133-6-2 bis",
                                                                       "L133-6-4", "L133-6-5"});
}

TEST_CASE("a range whose last bound the code lacks ends at a cited-only article",
          "[text_citations]") {
  Corpus corpus;
  add(corpus, "D461-5");
  add(corpus, "D461-23");
  ArticleId r = add(corpus, "R1", "<p>les articles D. 461-5 à D. 461-24 et notamment</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 2);
  ArticleId last = find(corpus, "D461-24");
  REQUIRE(last.valid());
  CHECK(corpus.article(last).cited_only);
  CHECK(cites[1].target == last);
  CHECK(covered(corpus, r, cites[1]) == "D. 461-24");
  CHECK(numbers(corpus, cites[1].range_targets) ==
        std::vector<std::string>{"D461-5", "D461-23", "D461-24"});
}

// The Code civil (steeve/france.code-civil, Livre Ier, Titre V): its article 171-7 cites "des
// articles 146 et 180". A number without hyphen is how that code numbers most articles, so a
// missing one is its own repealed or unread article, not another code's; in a code numbered with
// hyphens throughout, "L. 320" still is another code's.
TEST_CASE("a number missing from a code that numbers articles alike is that code's",
          "[text_citations]") {
  const char* const civil = "Code civil";
  Corpus corpus;
  add(corpus, "180", "<p>Texte.</p>", civil);
  ArticleId r = add(corpus, "171-7", "<p>au regard des articles 146 et 180, elle peut</p>", civil);
  ArticleId l = add(corpus, "L133-5-5", "<p>l'article L. 320 et l'article L. 133-7</p>");
  // One odd number among a hundred ("D432" in the CSS) does not make its shape the code's.
  for (int i = 1; i < 100; ++i) add(corpus, ("L111-" + std::to_string(i)).c_str());
  add(corpus, "L432");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 2);
  ArticleId missing = find(corpus, "146", civil);
  REQUIRE(missing.valid());
  CHECK(corpus.article(missing).cited_only);
  CHECK(cites[0].target == missing);
  CHECK(cites[1].target == find(corpus, "180", civil));
  // The CSS numbers its L articles with a hyphen: L. 320 stays unlinked.
  CHECK_FALSE(find(corpus, "L320").valid());
  REQUIRE(cites_of(corpus, l).size() == 1);
  CHECK(covered(corpus, l, cites_of(corpus, l)[0]) == "L. 133-7");
}

// code-du-travail-2026-03-27.json: R1227-7 cites "D. 1221-23 à R. 1221-26" and R1262-9
// "R. 4626-25 à D. 4626-32": the regulatory part numbers its R and D articles in one sequence.
TEST_CASE("a range from an R article to a D one runs over the sequence both are numbered in",
          "[text_citations]") {
  Corpus corpus;
  const char* kTravail = "Code du travail";
  for (const char* n :
       {"R1221-22", "D1221-23", "D1221-23-1", "D1221-24", "D1221-25", "R1221-26", "D1221-26-1",
        "R1221-27", "R4626-25", "R*4626-26", "D4626-31", "D4626-32", "D4626-33"})
    add(corpus, n, "<p>Texte.</p>", kTravail);
  ArticleId r = add(corpus, "R1227-7",
                    "<p>des articles D. 1221-23 à R. 1221-26, relatives au registre</p>"
                    "<p>des articles R. 4626-25 à D. 4626-32.</p>",
                    kTravail);
  LinkReport report;
  resolve_text_citations(corpus, report);
  CHECK(report.findings.empty());
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 4);
  CHECK(cites[0].target == find(corpus, "D1221-23", kTravail));
  CHECK(cites[1].target == find(corpus, "R1221-26", kTravail));
  CHECK(numbers(corpus, cites[1].range_targets) ==
        std::vector<std::string>{"D1221-23", "D1221-23-1", "D1221-24", "D1221-25", "R1221-26"});
  CHECK(cites[3].target == find(corpus, "D4626-32", kTravail));
  CHECK(numbers(corpus, cites[3].range_targets) ==
        std::vector<std::string>{"R4626-25", "R*4626-26", "D4626-31", "D4626-32"});
}

// css-2026-03-14.json: D412-38 cites "Les articles L. 432-1 à L. 432-10", and the dump has no
// L432-5, which other citations make a cited-only article before or after it, depending on the
// order the articles are read in (the API dump's and a LEGI tree's differ).
TEST_CASE(
    "a range's members are the code's articles whatever cited-only ones earlier citations made",
    "[text_citations]") {
  for (bool cited_before : {true, false}) {
    Corpus corpus;
    add(corpus, "L432-1");
    add(corpus, "L432-10");
    ArticleId before = add(corpus, "D1", cited_before ? "<p>l'article L. 432-5</p>" : "<p>-</p>");
    ArticleId range = add(corpus, "D412-38",
                          "<p>Les articles L. 432-1 à L. 432-10 sont applicables.</p>"
                          "<p>L'article L. 432-12 puis les articles L. 432-1 à L. 432-12.</p>"
                          "<p>Les articles L. 432-20 à L. 432-22.</p>");
    add(corpus, "D2", "<p>l'article L. 432-5</p>");
    LinkReport report;
    resolve_text_citations(corpus, report);
    INFO(cited_before);
    CHECK(cites_of(corpus, before).size() == (cited_before ? 1 : 0));
    std::vector<std::vector<std::string>> members;
    for (const TextCitation& t : cites_of(corpus, range))
      if (!t.range_targets.empty()) members.push_back(numbers(corpus, t.range_targets));
    // Each range once per bound; a cited-only bound, made before or by the range, is a member.
    CHECK(members == std::vector<std::vector<std::string>>{{"L432-1", "L432-10"},
                                                           {"L432-1", "L432-10"},
                                                           {"L432-1", "L432-10", "L432-12"},
                                                           {"L432-1", "L432-10", "L432-12"},
                                                           {"L432-20", "L432-22"},
                                                           {"L432-20", "L432-22"}});
  }
}

// css-2026-03-14.json, R931-3-6 (texteHtml): Légifrance links each bound of a range.
TEST_CASE("a range whose bounds the source links points each link at its bound",
          "[text_citations]") {
  Corpus corpus;
  add(corpus, "R931-3-1", "<p>Texte.</p>", kCss, "LEGIARTI000006754814");
  add(corpus, "R931-3-2");
  add(corpus, "R931-3-5", "<p>Texte.</p>", kCss, "LEGIARTI000006754818");
  ArticleId r =
      add(corpus, "R931-3-6",
          "<p>des articles <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006754814\">"
          "R. 931-3-1</a> à <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006754818\">"
          "R. 931-3-5 </a>est nulle</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 2);
  CHECK(covered(corpus, r, cites[0]) == "R. 931-3-1");
  CHECK(cites[0].target == find(corpus, "R931-3-1"));
  CHECK(covered(corpus, r, cites[1]).rfind("R. 931-3-5", 0) == 0);
  CHECK(cites[1].target == find(corpus, "R931-3-5"));
  for (const TextCitation& t : cites) {
    CHECK(t.source_link);
    CHECK(numbers(corpus, t.range_targets) ==
          std::vector<std::string>{"R931-3-1", "R931-3-2", "R931-3-5"});
  }
}

// Real case: A931-3-18 of css-2026-03-14.json (JSON path
// /children/3/children/0/children/0/children/0/children/2/children/1/children/4/children/0/data/texteHtml)
// puts the whole range in one link of Légifrance's, whose LEGIARTI000006734978 is no version in the
// dump (A931-3-19 is LEGIARTI000036755123 there).
constexpr const char* kA931_3_18 =
    "<p></p>Sous réserve des dispositions des articles <a "
    "href=\"/affichCodeArticle.do?cidTexte=LEGITEXT000006073189&amp;idArticle=LEGIARTI000006734978"
    "&amp;dateTexte=&amp;categorieLien=cid\">A. 931-3-19 à A. 931-3-22</a>, les statuts de "
    "l'institution de prévoyance ou de l'union d'institutions de prévoyance fixent les règles de "
    "convocation de l'assemblée générale.<p></p><p></p>";

TEST_CASE("a range the source put in one link of its own gets a link per bound",
          "[text_citations]") {
  for (const char* first_id : {"", "LEGIARTI000006734978"}) {
    // The link names no article of the corpus (as in the dump), or the first bound.
    Corpus corpus;
    add(corpus, "A931-3-19", "<p>Texte.</p>", kCss, first_id);
    add(corpus, "A931-3-20");
    add(corpus, "A931-3-21");
    add(corpus, "A931-3-22");
    corpus.code(corpus.find_code(kCss)).legi_id = "LEGITEXT000006073189";
    ArticleId a = add(corpus, "A931-3-18", kA931_3_18);
    LinkReport report;
    resolve_text_citations(corpus, report);
    const auto& cites = cites_of(corpus, a);
    REQUIRE(cites.size() == 2);
    CHECK(covered(corpus, a, cites[0]) == "A. 931-3-19");
    CHECK(cites[0].target == find(corpus, "A931-3-19"));
    CHECK(covered(corpus, a, cites[1]) == "A. 931-3-22");
    CHECK(cites[1].target == find(corpus, "A931-3-22"));
    for (const TextCitation& t : cites) {
      CHECK(t.splits_source_link);
      CHECK_FALSE(t.source_link);
      CHECK(numbers(corpus, t.range_targets) ==
            std::vector<std::string>{"A931-3-19", "A931-3-20", "A931-3-21", "A931-3-22"});
    }
  }
}

TEST_CASE("a source link holding more than one range, or another code's, stays one link",
          "[text_citations]") {
  Corpus corpus;
  add(corpus, "A931-3-19", "<p>Texte.</p>", kCss, "LEGIARTI000006734978");
  add(corpus, "A931-3-22");
  add(corpus, "L1", "<p>Texte.</p>", "Code du travail", "LEGIARTI000000000001");
  ArticleId a = add(
      corpus, "A931-3-18",
      "<p>articles <a href=\"/affichCodeArticle.do?idArticle=LEGIARTI000006734978\">A. 931-3-19 "
      "à A. 931-3-22 et A. 931-3-30</a> ; <a href=\"/affichCodeArticle.do?idArticle="
      "LEGIARTI000000000001\">A. 931-3-19 à A. 931-3-22</a></p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, a);
  REQUIRE(cites.size() == 2);
  CHECK(covered(corpus, a, cites[0]) == "A. 931-3-19 à A. 931-3-22 et A. 931-3-30");
  CHECK(cites[1].target == find(corpus, "L1", "Code du travail"));
  for (const TextCitation& t : cites) {
    CHECK(t.source_link);
    CHECK_FALSE(t.splits_source_link);
  }
}

TEST_CASE("a range whose first bound the code lacks starts at a cited-only article",
          "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "L137-12");
  add(corpus, "L137-17");
  ArticleId r = add(corpus, "R1", "<p>les articles L. 137-10 à L. 137-17</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 2);
  ArticleId first = find(corpus, "L137-10");
  REQUIRE(first.valid());
  CHECK(corpus.article(first).cited_only);
  CHECK(numbers(corpus, cites[0].range_targets) ==
        std::vector<std::string>{"L137-10", "L137-12", "L137-17"});
}

TEST_CASE(
    "a citation of another code of the corpus goes to that code, of a code the corpus "
    "lacks, nowhere",
    "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId travail = add(corpus, "L1221-3", "<p>Texte.</p>", "Code du travail");
  ArticleId r = add(corpus, "L133-5",
                    "<p>l'article L. 1221-3 du code du travail, l'article L. 312-1 du code de "
                    "l'action sociale et des familles et l'article L. 5 du même code</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 1);
  CHECK(cites[0].target == travail);
  CHECK_FALSE(find(corpus, "L312-1").valid());
  CHECK_FALSE(find(corpus, "L5").valid());
  CHECK(corpus.codes().size() == 2);
}

TEST_CASE(
    "a code carried back over a new \"article\" yields to the citing code when it has the "
    "article",
    "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId own = add(corpus, "L431-1");
  ArticleId rural = add(corpus, "L751-8", "<p>Texte.</p>", "Code rural et de la pêche maritime");
  ArticleId r = add(corpus, "R160-17-1",
                    "<p>à l'article L. 431-1 et aux articles L. 751-8 et L. 752-3 du code rural et "
                    "de la pêche maritime.</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 3);
  CHECK(cites[0].target == own);
  CHECK(cites[1].target == rural);
  ArticleId created = find(corpus, "L752-3", "Code rural et de la pêche maritime");
  REQUIRE(created.valid());
  CHECK(cites[2].target == created);
}

// Code du travail R4623-25-3, code-du-travail-2026-03-27.json
// $.children[1].children[3].children[5].children[0].children[2].children[3].children[0]
// .data.texteHtml (Légifrance's own link around the second member left out).
TEST_CASE("members of one book closed by another code's name are never the citing code's",
          "[text_citations]") {
  Corpus corpus;
  add(corpus, "L4111-2", "<p>Texte.</p>", "Code du travail");
  ArticleId r = add(corpus, "R4623-25-3",
                    "<p>prévue au II de l'article L. 4111-2 et à l'article L. 4131-1-1 du code de "
                    "la santé publique, qui effectue un stage</p>",
                    "Code du travail");
  LinkReport report;
  resolve_text_citations(corpus, report);
  CHECK(cites_of(corpus, r).empty());
  CHECK(report.tally.to_other_codes == 2);
  CHECK(corpus.articles().size() == 2);
}

// Code de la sécurité sociale D162-5, css-2026-03-14.json
// $.children[2].children[0].children[5].children[3].children[3].children[0].children[2]
// .data.texteHtml: "du même code" after no code the sentence names; Légifrance anchors it to the
// Code de la santé publique.
TEST_CASE("a citation the source anchors to another code gets no cited-only page here",
          "[text_citations]") {
  Corpus corpus;
  ArticleId r =
      add(corpus, "D162-5",
          "<p>les activités de soins suivantes :</p><p>1° L'activité de prélèvements d'organes "
          "mentionnée à l'article <a href=\"/affichCodeArticle.do?cidTexte=LEGITEXT000006072665"
          "&amp;idArticle=LEGIARTI000006686168&amp;dateTexte=&amp;categorieLien=cid\">L. "
          "1233-1</a> du même code ;</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  CHECK(cites_of(corpus, r).empty());
  CHECK_FALSE(find(corpus, "L1233-1").valid());
  CHECK(report.tally.to_other_codes == 1);
  CHECK(report.tally.to_cited_only == 0);
}

// Texts are read on several threads, in chunks; resolving must still see the versions in order.
// Enough versions for several chunks, with the dependencies scattered: an article created
// (cited-only) by one citation and found by later ones, ranges over it before and after it was
// created, the same either way.
TEST_CASE("versions whose texts are read at once are resolved as if one after another in order",
          "[text_citations]") {
  Corpus corpus;
  for (int i = 1; i <= 300; ++i) add(corpus, ("L" + std::to_string(i * 10)).c_str());
  std::vector<ArticleId> citing;
  for (int i = 0; i < 400; ++i) {
    std::string html = "<p>Voir l'article L. " + std::to_string((i % 300 + 1) * 10) + ".</p>";
    if (i % 97 == 5) html += "<p>Voir l'article L. 55.</p>";  // not in the code: cited-only
    if (i % 89 == 3) html += "<p>Les articles L. 50 à L. 60.</p>";
    citing.push_back(add(corpus, ("R" + std::to_string(i + 1)).c_str(), html));
  }
  LinkReport report;
  resolve_text_citations(corpus, report, 3);
  // One cited-only article for L. 55, created by the first version in order that cites it.
  const ArticleId l55 = find(corpus, "L55");
  REQUIRE(l55.valid());
  CHECK(corpus.article(l55).cited_only);
  std::size_t cited_only = 0;
  for (const Article& a : corpus.articles()) cited_only += a.cited_only ? 1 : 0;
  CHECK(cited_only == 1);
  for (int i = 0; i < 400; ++i) {
    const auto& cites = cites_of(corpus, citing[i]);
    REQUIRE(!cites.empty());
    CHECK(cites[0].target == find(corpus, ("L" + std::to_string((i % 300 + 1) * 10)).c_str()));
    for (const TextCitation& t : cites) {
      if (covered(corpus, citing[i], t) == "L. 55") CHECK(t.target == l55);
      if (t.range_targets.empty()) continue;
      // Before L. 55 exists (version 5) and after: a cited-only article is no range member.
      CHECK(numbers(corpus, t.range_targets) == std::vector<std::string>{"L50", "L60"});
    }
  }
  CHECK(report.tally.in_text == 400 + 5 + 5);
  CHECK(report.tally.to_cited_only == 5);
  CHECK(report.tally.to_articles == 400 + 5);
}

TEST_CASE("a link of the source to an article of the corpus is kept and pointed inside the site",
          "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6", "<p>Texte.</p>", kCss, "LEGIARTI000006740081");
  std::string html =
      "<p>voir l'<a href=\"https://www.legifrance.gouv.fr/affichCodeArticle.do?cidTexte="
      "LEGITEXT000006073189&amp;idArticle=LEGIARTI000006740081\">article L. 133-6</a> et "
      "l'<a href=\"https://www.legifrance.gouv.fr/affichCodeArticle.do?idArticle="
      "LEGIARTI000099999999\">article L. 1221-1 du code du travail</a> ; l'article L. 5 du même "
      "code</p>";
  ArticleId r = add(corpus, "R1", html);
  LinkReport report;
  resolve_text_citations(corpus, report);
  const auto& cites = cites_of(corpus, r);
  // The first link resolves by its id; the second names an article the corpus lacks and stays
  // Légifrance's; "du même code" after it still knows the code the link named.
  REQUIRE(cites.size() == 1);
  CHECK(cites[0].source_link);
  CHECK(cites[0].target == target);
  CHECK(covered(corpus, r, cites[0]) == "article L. 133-6");
  CHECK_FALSE(find(corpus, "L5").valid());
}

// Real case: D122-5 of css-2026-03-14.json cites "D. 122-11 à D. 122-18" inside Légifrance's
// link to D122-11 (LEGIARTI000006735203, repealed, not in the dump); L932-23 cites "L. 132-10"
// inside a link to the Code des assurances (cidTexte=LEGITEXT000006073984).
TEST_CASE("a citation inside a source link to an article the corpus lacks still makes a backlink",
          "[text_citations][backlinks]") {
  Corpus corpus;
  auto link = [](const char* text_id, const char* article_id, const char* text) {
    return std::string("<a href=\"/affichCodeArticle.do?cidTexte=") + text_id +
           "&amp;idArticle=" + article_id + "&amp;dateTexte=&amp;categorieLien=cid\">" + text +
           "</a>";
  };
  add(corpus, "D122-12");
  ArticleId d =
      add(corpus, "D122-5",
          "<p>dans les conditions fixées aux articles " +
              link("LEGITEXT000006073189", "LEGIARTI000006735203", "D. 122-11 à D. 122-13") +
              ", et aux articles " +
              link("LEGITEXT000006073984", "LEGIARTI000006793365", "L. 132-10") + ".</p>");
  corpus.code(corpus.find_code(kCss)).legi_id = "LEGITEXT000006073189";
  LinkReport report;
  resolve_text_citations(corpus, report);
  ArticleId stub = find(corpus, "D122-11");
  REQUIRE(stub.valid());
  CHECK(corpus.article(stub).cited_only);
  const auto& cites = cites_of(corpus, d);
  // The link of the same code, around a whole range, becomes a link per bound (its last bound
  // cited-only too), its identifier the first bound's; the one naming another code is not
  // recorded.
  REQUIRE(cites.size() == 2);
  CHECK(cites[0].splits_source_link);
  CHECK(cites[0].target == stub);
  CHECK(corpus.article(stub).cid == "LEGIARTI000006735203");
  CHECK(covered(corpus, d, cites[0]) == "D. 122-11");
  CHECK(covered(corpus, d, cites[1]) == "D. 122-13");
  for (const TextCitation& t : cites)
    CHECK(numbers(corpus, t.range_targets) ==
          std::vector<std::string>{"D122-11", "D122-12", "D122-13"});
  CHECK(cites[1].target == find(corpus, "D122-13"));
  CHECK(corpus.article(cites[1].target).cited_only);
  corpus.finish_tables_of_contents();
  LinkGraph graph = compute_backlinks(corpus);
  REQUIRE(graph.cited_by[stub.value].size() == 1);
  CHECK(graph.cited_by[stub.value][0].from == d);
  CHECK(graph.cited_by[find(corpus, "D122-12").value].size() == 1);
}

// Real case: L932-23 of css-2026-03-14.json cites "L. 132-10" inside Légifrance's link to the Code
// des assurances (cidTexte=LEGITEXT000006073984); the parser, reading no code name, took it for the
// CSS's own.
TEST_CASE(
    "a cited-only article that no recorded citation reaches is removed, the others renumbered",
    "[text_citations][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId cited = add(corpus, "L1");
  ArticleId citing =
      add(corpus, "L932-23",
          "<p>aux articles <a href=\"/affichCodeArticle.do?cidTexte=LEGITEXT000006073984&amp;"
          "idArticle=LEGIARTI000006793365\">L. 132-10</a>, L. 999-1 et L. 1.</p>");
  corpus.code(corpus.find_code(kCss)).legi_id = "LEGITEXT000006073189";
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK_FALSE(find(corpus, "L132-10").valid());
  ArticleId stub = find(corpus, "L999-1");
  REQUIRE(stub.valid());
  CHECK(corpus.article(stub).id == stub);
  CHECK(corpus.articles().size() == 3);
  // Every reference follows the renumbering.
  const auto& cites = cites_of(corpus, citing);
  REQUIRE(cites.size() == 2);
  CHECK(cites[0].target == stub);
  CHECK(cites[1].target == cited);
  CHECK(graph.cited_by[stub.value].size() == 1);
  CHECK(graph.cited_by[cited.value].size() == 1);
  CHECK(corpus.article(stub).slug == "l999-1");
}

TEST_CASE("the link report counts links within a code and to another code of the site",
          "[text_citations][link_report]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "L1");
  add(corpus, "R4624-31", "<p>Texte.</p>", "Code du travail");
  add(corpus, "D433-5",
      "<p>l'article L. 1, l'article R. 4624-31 du code du travail et l'article L. 2 du code de "
      "l'éducation.</p>");
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(graph.report.tally.links_within_code == 1);
  CHECK(graph.report.tally.links_to_site_codes == 1);
  CHECK(graph.report.tally.to_other_codes == 1);
}

TEST_CASE("a text other than a code gets the identifier a metadata link gives it",
          "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  Diagnostics d;
  ArticleRecord record;
  record.code_title = kCss;
  record.number = ArticleNumber("R133-19");
  record.version.start = Date::from_ymd(2013, 7, 8);
  record.version.has_text = true;
  record.version.text_html =
      "<p>en application de l'article 1 du décret n° 2013-597 du 8 juillet 2013 et de la loi "
      "n° 2001-692 du 1er août 2001</p>";
  Link created;
  created.group = LinkGroup::kCreatedBy;
  created.text_title = "Décret n°2013-597 du 8 juillet 2013";
  created.article_number = "1";
  created.target_id = "JORFARTI000027683545";
  record.version.links = {created};
  add_record(corpus, record, d);
  LinkReport report;
  resolve_text_citations(corpus, report);
  ArticleId r = find(corpus, "R133-19");
  const auto& cites = cites_of(corpus, r);
  REQUIRE(cites.size() == 1);  // the loi has no identifier anywhere: plain text
  CHECK(covered(corpus, r, cites[0]) == "1");
  CHECK(cites[0].external_id == "JORFARTI000027683545");
  CHECK_FALSE(cites[0].target.valid());
}

// The Constitution of 4 October 1958, ../shared/corpus/git/tricoteuses-constitution.bundle, commit
// ee0a8f4: titre_v/article_45.md ("articles 40 et 41"), titre_vii/article_62.md ("l'article
// 61-1"), titre_xiii/article_76.md ("l'article 2 de la loi n° 88-1028"), titre_ii/article_7.md
// ("de l'article 89 de la Constitution"), titre_premier/article_4.md ("l'article 1er").
TEST_CASE("bare numbers in a code numbered without prefix are its articles, not another text's",
          "[text_citations]") {
  const char* const constitution = "Constitution du 4 octobre 1958";
  Corpus corpus;
  for (const char* n : {"1", "2", "40", "41", "61-1", "89"})
    add(corpus, n, "<p>Texte.</p>", constitution);
  ArticleId citing = add(corpus, "45",
                         "<p>Sans préjudice de l'application des articles 40 et 41, tout "
                         "amendement est recevable.</p><p>sur le fondement de l'article 61-1 est "
                         "abrogée</p><p>les conditions fixées à l'article 2 de la loi n° 88-1028 "
                         "du 9 novembre 1988.</p><p>ni de l'article 89 de la Constitution</p>"
                         "<p>au second alinéa de l'article 1er</p>",
                         constitution);
  // The same sentence in a code with prefixes: bare numbers are other texts' articles there.
  ArticleId prefixed =
      add(corpus, "L1", "<p>Sans préjudice de l'application des articles 40 et 41.</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  std::vector<std::string> linked;
  for (const TextCitation& t : cites_of(corpus, citing))
    if (t.target.valid())
      linked.push_back(covered(corpus, citing, t) + "->" + corpus.article(t.target).number.text());
  CHECK(linked == std::vector<std::string>{"40->40", "41->41", "61-1->61-1", "89->89", "1er->1"});
  for (const TextCitation& t : cites_of(corpus, citing)) CHECK(covered(corpus, citing, t) != "2");
  CHECK(cites_of(corpus, prefixed).empty());
  for (const Article& a : corpus.articles()) CHECK_FALSE(a.cited_only);
}

// Numbered as the Code pénal and the Code de procédure pénale are: the legislative part bare
// ("131-26", "706-73"), the regulatory part prefixed ("R. 610-1", "D. 47-11"). Their texts cite
// the bare numbers as their own articles.
TEST_CASE("bare numbers in a code with a bare legislative part and a prefixed regulatory one",
          "[text_citations]") {
  const char* const penal = "Code pénal";
  Corpus corpus;
  for (const char* n : {"131-26", "131-26-1", "131-27", "R610-1", "R610-2", "R610-3"})
    add(corpus, n, "<p>Texte.</p>", penal);
  ArticleId regulatory =
      add(corpus, "R610-5", "<p>dans les conditions des articles 131-26 et 131-26-1</p>", penal);
  ArticleId legislative =
      add(corpus, "131-28", "<p>prévue à l'article 131-27 ou à l'article R. 610-1</p>", penal);
  // A code numbered with prefixes but for one bare number still reads bare numbers as other
  // texts' articles.
  add(corpus, "1");
  for (int i = 1; i < 10; ++i) add(corpus, ("L111-" + std::to_string(i)).c_str());
  ArticleId css = add(corpus, "L111-10", "<p>Sans préjudice des articles 40 et 41.</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  auto linked = [&](ArticleId citing) {
    std::vector<std::string> out;
    for (const TextCitation& t : cites_of(corpus, citing))
      if (t.target.valid()) out.push_back(corpus.article(t.target).number.text());
    return out;
  };
  CHECK(linked(regulatory) == std::vector<std::string>{"131-26", "131-26-1"});
  CHECK(linked(legislative) == std::vector<std::string>{"131-27", "R610-1"});
  CHECK(cites_of(corpus, css).empty());
}

// The Code du travail, ../shared/corpus/legifrance-json/code-du-travail-2026-03-27.json: R1441-3
// cites "l'article R. 2122-3", which the code numbers R*2122-3 (Légifrance's own link in the dump
// names it by an id that a LEGI XML tree of the code does not carry).
TEST_CASE(
    "a number cited without its star is the starred article of the code and the other way round",
    "[text_citations]") {
  const char* const travail = "Code du travail";
  Corpus corpus;
  add(corpus, "R*2122-3", "<p>Texte.</p>", travail);
  add(corpus, "D133-2", "<p>Texte.</p>", travail);
  ArticleId citing =
      add(corpus, "R1441-3",
          "<p>La répartition prend en compte les suffrages retenus pour la mesure de "
          "l'audience au niveau national et interprofessionnel présentée en Haut "
          "Conseil du dialogue social en application de l'article R. 2122-3, par "
          "département et par section.</p><p>Voir l'article D* 133-2.</p>",
          travail);
  // A code that numbers both keeps them apart.
  add(corpus, "R2122-3");
  add(corpus, "R*2122-3");
  ArticleId plain = add(corpus, "R1", "<p>l'article R. 2122-3 et l'article R* 2122-3</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  std::vector<std::string> linked;
  for (const TextCitation& t : cites_of(corpus, citing))
    linked.push_back(corpus.article(t.target).number.text());
  CHECK(linked == std::vector<std::string>{"R*2122-3", "D133-2"});
  linked.clear();
  for (const TextCitation& t : cites_of(corpus, plain))
    linked.push_back(corpus.article(t.target).number.text());
  CHECK(linked == std::vector<std::string>{"R2122-3", "R*2122-3"});
  for (const Article& a : corpus.articles()) CHECK_FALSE(a.cited_only);
}

TEST_CASE("an alinéa pinpoint is kept with the citation", "[text_citations]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "L133-6");
  ArticleId r = add(corpus, "R1", "<p>au second alinéa de l'article L. 133-6</p>");
  LinkReport report;
  resolve_text_citations(corpus, report);
  REQUIRE(cites_of(corpus, r).size() == 1);
  CHECK(cites_of(corpus, r)[0].alinea == 2);
}

// ---------------------------------------------------------------------------------------------
// Through resolve(): cited-only articles get pages, backlinks come from the text

TEST_CASE("text citations feed backlinks, once per citing version, ranges to every article",
          "[text_citations][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId a = add(corpus, "L133-6");
  ArticleId b = add(corpus, "L133-6-1");
  ArticleId c = add(corpus, "L133-6-2");
  ArticleId r = add(corpus, "R133-19",
                    "<p>l'article L. 133-6, encore l'article L. 133-6, les articles L. 133-6-1 à "
                    "L. 133-6-2 et l'article R. 133-19 lui-même, et l'article L. 213-1.</p>");
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  for (ArticleId to : {a, b, c}) {
    REQUIRE(graph.cited_by[to.value].size() == 1);
    const Backlink& back = graph.cited_by[to.value][0];
    CHECK(back.from == r);
    CHECK(back.in_text);
    CHECK(back.version == 0);
  }
  CHECK(graph.cited_by[r.value].empty());  // citing oneself is no backlink
  ArticleId created = find(corpus, "L213-1");
  REQUIRE(created.valid());
  CHECK(corpus.article(created).slug == "l213-1");
  REQUIRE(graph.cited_by[created.value].size() == 1);
  const Backlink& back = graph.cited_by[created.value][0];
  const TextCitation& t = corpus.article(r).versions[0].text_citations.at(back.link);
  CHECK(t.target == created);
}

TEST_CASE("metadata and text backlinks of one version are both kept",
          "[text_citations][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  Diagnostics d;
  ArticleRecord record;
  record.code_title = kCss;
  record.number = ArticleNumber("R1");
  record.version.start = Date::from_ymd(2013, 7, 8);
  record.version.has_text = true;
  record.version.text_html = "<p>l'article L. 133-6</p>";
  Link cite;
  cite.group = LinkGroup::kCites;
  cite.text_title = kCss;
  cite.article_number = "L133-6";
  record.version.links = {cite};
  add_record(corpus, record, d);
  LinkGraph graph = resolve(corpus, diagnostics);
  const auto& back = graph.cited_by[target.value];
  REQUIRE(back.size() == 2);
  CHECK_FALSE(back[0].in_text);
  CHECK(back[1].in_text);
}

}  // namespace
}  // namespace legisite::text_citations_test
