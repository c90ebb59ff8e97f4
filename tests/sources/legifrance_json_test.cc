// The Légifrance API JSON reader: code trees (consult/code dumps) and getArticle responses, read
// from strings; exact diagnostics for bad input; then the real files of ../shared/corpus.

#include "sources/legifrance_json.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "html/html_sanitizer.h"
#include "io/file_system.h"
#include "model/model.h"
#include "support/environment.h"

namespace legisite::legifrance_json_test {
namespace {

struct Read {
  bool ok = false;
  LegifranceJsonContent content;
  Diagnostics diagnostics;
  std::string report() const { return format_all(diagnostics); }
};

Read read(std::string_view json, const std::string& file = "code.json") {
  Read r;
  r.ok = read_legifrance_json(json, file, r.content, r.diagnostics);
  return r;
}

const ArticleRecord* find_version(const Read& r, std::string_view id) {
  for (const auto& record : r.content.articles)
    if (record.version.id == id) return &record;
  return nullptr;
}

// 2016-01-01 and 1986-01-01 at midnight UTC, and 2999-01-01 ("no end").
constexpr const char* k2016 = "1451606400000";
constexpr const char* k1986 = "504921600000";

// A code with one section holding one article of two versions.
const std::string kTree = std::string(R"({"type": "code",
 "data": {"id": "LEGITEXT000000000001", "cid": "LEGITEXT000000000000", "title": " Code  de\n test ",
          "intOrdre": 0},
 "children": [
  {"type": "section",
   "data": {"id": "LEGISCTA000000000011", "cid": "LEGISCTA000000000010",
            "title": "Livre I :\n Dispositions  générales ", "intOrdre": 1073741823},
   "children": [
    {"type": "article",
     "data": {"id": "LEGIARTI000000000102", "cid": "LEGIARTI000000000101", "num": " L1 ",
              "etat": "VIGUEUR", "intOrdre": 536870911,
              "dateDebut": )") +
                          k2016 + R"(, "dateFin": 32472144000000,
              "texteHtml": "<p>Texte <script>alert(1)</script>actuel.</p>",
              "notaHtml": "<p>Une <b>nota</b>.</p>",
              "articleVersions": [
                {"id": "LEGIARTI000000000101", "etat": "MODIFIE", "version": "1.0",
                 "dateDebut": )" +
                          k1986 + R"(, "dateFin": )" + k2016 + R"(},
                {"id": "LEGIARTI000000000102", "etat": "VIGUEUR", "version": "2.0",
                 "dateDebut": )" +
                          k2016 + R"(, "dateFin": 32472144000000}],
              "lienModifications": []}}]}]})";

TEST_CASE("a code tree gives one record per version, placed in its code and sections",
          "[sources][json]") {
  Read r = read(kTree);
  INFO(r.report());
  REQUIRE(r.ok);
  CHECK(r.diagnostics.all().empty());
  REQUIRE(r.content.articles.size() == 2);
  CHECK(r.content.empty_sections.empty());
  for (const auto& record : r.content.articles) {
    CHECK(record.code_title == "Code de test");
    CHECK(record.code_legi_id == "LEGITEXT000000000001");
    REQUIRE(record.section_path.size() == 1);
    CHECK(record.section_path[0].title == "Livre I : Dispositions générales");
    CHECK(record.section_path[0].legi_id == "LEGISCTA000000000011");
    CHECK(record.section_path[0].order == 1073741823);
    CHECK(record.number.text() == "L1");
    CHECK(record.cid == "LEGIARTI000000000101");
    CHECK(record.order == 536870911);
    CHECK(record.version.format == SourceFormat::kLegifranceJson);
    CHECK(record.version.origin.file == "code.json");
  }
  const Version& old = r.content.articles[0].version;
  CHECK(old.id == "LEGIARTI000000000101");
  CHECK(old.status == ArticleStatus::kModifie);
  CHECK(old.start == Date::from_ymd(1986, 1, 1));
  CHECK(old.end == Date::from_ymd(2016, 1, 1));
  CHECK(old.origin.line == 16);  // the line of the version's first member
  const Version& current = r.content.articles[1].version;
  CHECK(current.id == "LEGIARTI000000000102");
  CHECK(current.status == ArticleStatus::kVigueur);
  CHECK(current.start == Date::from_ymd(2016, 1, 1));
  CHECK(current.end.is_no_end());
  CHECK(current.origin.line == 18);
}

TEST_CASE("only the version the article's id names has text, the others are kept without",
          "[sources][json]") {
  Read r = read(kTree);
  REQUIRE(r.content.articles.size() == 2);
  const Version& old = r.content.articles[0].version;
  CHECK_FALSE(old.has_text);
  CHECK(old.text_html.empty());
  CHECK(old.nota_html.empty());
  const Version& current = r.content.articles[1].version;
  CHECK(current.has_text);
  CHECK(current.text_html == sanitize_html("<p>Texte <script>alert(1)</script>actuel.</p>"));
  CHECK(current.text_html.find("script") == std::string::npos);
  CHECK(current.nota_html == sanitize_html("<p>Une <b>nota</b>.</p>"));
}

// The Code du travail, ../shared/corpus/legifrance-json/code-du-travail-2026-03-27.json: 2,229
// articles' notaHtml hold empty paragraphs alone, L8241-2's among them.
TEST_CASE("a notaHtml of empty paragraphs alone is no nota", "[sources][json]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "article", "data": {"id": "A1", "num": "L1", "texteHtml": "<p>Texte.</p>",
     "notaHtml": "<p></p><p></p><p></p><p><br/></p>",
     "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}},
    {"type": "article", "data": {"id": "A2", "num": "L2", "texteHtml": "<p>Texte.</p>",
     "notaHtml": "<p></p><p>Une nota.</p>",
     "articleVersions": [
      {"id": "A2", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]})");
  INFO(r.report());
  REQUIRE(r.content.articles.size() == 2);
  CHECK(r.content.articles[0].version.nota_html.empty());
  CHECK(r.content.articles[1].version.nota_html == "<p></p><p>Une nota.</p>");
  CHECK(r.report().empty());
}

TEST_CASE("Légifrance's root-relative links lead to Légifrance, other links are left alone",
          "[sources][json]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "article", "data": {"id": "A1", "num": "L1",
     "texteHtml": "<p><a href='/affichCodeArticle.do?cidTexte=LEGITEXT1&idArticle=LEGIARTI2'>L. 1</a>, <a href=\"/affichTexte.do?cidTexte=JORFTEXT3\">loi</a>, <a href='https://example.org/x'>x</a>, <a href='//cdn/y'>y</a>, <a href='#z'>z</a>.</p>",
     "notaHtml": "<p><a href='/affichTexteArticle.do?idArticle=JORFARTI4'>art. 4</a></p>",
     "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]})");
  INFO(r.report());
  REQUIRE(r.content.articles.size() == 1);
  const Version& v = r.content.articles[0].version;
  CHECK(v.text_html ==
        sanitize_html("<p><a href='https://www.legifrance.gouv.fr/affichCodeArticle.do?"
                      "cidTexte=LEGITEXT1&idArticle=LEGIARTI2'>L. 1</a>, <a "
                      "href=\"https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=JORFTEXT3\">"
                      "loi</a>, <a href='https://example.org/x'>x</a>, <a href='//cdn/y'>y</a>, "
                      "<a href='#z'>z</a>.</p>"));
  CHECK(v.text_html.find("href=\"https://www.legifrance.gouv.fr/affichCodeArticle.do?") !=
        std::string::npos);
  CHECK(v.nota_html == sanitize_html("<p><a href='https://www.legifrance.gouv.fr/"
                                     "affichTexteArticle.do?idArticle=JORFARTI4'>art. 4</a></p>"));
}

TEST_CASE("API dates are milliseconds since 1970 in UTC, any time of the day", "[sources][json]") {
  // 1985-12-21 at midnight, the same day at 23:59:59.999, and 1804-02-04 (before 1970).
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "article", "data": {"id": "A2", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "MODIFIE", "dateDebut": -5235580800000, "dateFin": 503971200000},
      {"id": "A2", "etat": "VIGUEUR", "dateDebut": 504057599999, "dateFin": 32472144000000}]}}]})");
  INFO(r.report());
  REQUIRE(r.content.articles.size() == 2);
  CHECK(r.content.articles[0].version.start.iso() == "1804-02-04");
  CHECK(r.content.articles[0].version.end.iso() == "1985-12-21");
  CHECK(r.content.articles[1].version.start.iso() == "1985-12-21");
  CHECK(r.content.articles[1].version.end == Date::no_end());
}

TEST_CASE("a section is keyed by its id, else by its cid", "[sources][json]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "section", "data": {"cid": "LEGISCTA1", "title": "S"}, "children": [
      {"type": "article", "data": {"id": "A1", "num": "L1", "articleVersions": [
        {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]}]})");
  INFO(r.report());
  REQUIRE(r.content.articles.size() == 1);
  CHECK(r.content.articles[0].section_path[0].legi_id == "LEGISCTA1");
  CHECK(r.content.articles[0].section_path[0].order == -1);
  CHECK(r.content.articles[0].order == -1);
  CHECK(r.content.articles[0].code_legi_id.empty());
}

TEST_CASE("an article without articleVersions is one version made of its own fields",
          "[sources][json]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "article", "data": {"id": "A1", "cid": "A0", "num": "L1", "etat": "ABROGE",
     "dateDebut": 0, "dateFin": 86400000, "texteHtml": "<p>T</p>"}}]})");
  INFO(r.report());
  CHECK(r.diagnostics.all().empty());
  REQUIRE(r.content.articles.size() == 1);
  const Version& v = r.content.articles[0].version;
  CHECK(v.id == "A1");
  CHECK(v.status == ArticleStatus::kAbroge);
  CHECK(v.start.iso() == "1970-01-01");
  CHECK(v.end.iso() == "1970-01-02");
  CHECK(v.has_text);
}

TEST_CASE(
    "sections without articles are handed over on their own, in intOrdre order with the "
    "articles",
    "[sources][json]") {
  // Sections and articles of one parent share intOrdre's scale: here an article sits between
  // two sections, the first of which is empty.
  Read r = read(R"({"type": "code", "data": {"title": "Code de test", "id": "LEGITEXT1"},
 "children": [
  {"type": "section", "data": {"id": "S1", "title": "Livre I", "intOrdre": 10}, "children": [
    {"type": "section", "data": {"id": "S11", "title": "Chapitre vide", "intOrdre": 100},
     "children": []},
    {"type": "article", "data": {"id": "A1", "num": "L2", "intOrdre": 150, "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}},
    {"type": "section", "data": {"id": "S12", "title": "Chapitre 2", "intOrdre": 200},
     "children": [
      {"type": "article", "data": {"id": "A2", "num": "L1", "intOrdre": 5, "articleVersions": [
        {"id": "A2", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]}]}]})");
  INFO(r.report());
  REQUIRE(r.ok);
  REQUIRE(r.content.empty_sections.size() == 1);
  const SectionRecord& empty = r.content.empty_sections[0];
  CHECK(empty.code_title == "Code de test");
  REQUIRE(empty.path.size() == 2);
  CHECK(empty.path[0].legi_id == "S1");
  CHECK(empty.path[1].title == "Chapitre vide");
  CHECK(empty.path[1].order == 100);
  CHECK(empty.where.line == 4);

  Corpus corpus;
  Diagnostics diagnostics;
  CHECK(add_legifrance_json(corpus, std::move(r.content), diagnostics) == 2);
  corpus.finish_tables_of_contents();
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.codes().size() == 1);
  const Section& root = corpus.section(corpus.codes()[0].root);
  REQUIRE(root.toc.size() == 1);
  const Section& livre = corpus.section(SectionId(root.toc[0].id));
  REQUIRE(livre.toc.size() == 3);
  CHECK(corpus.section(SectionId(livre.toc[0].id)).title == "Chapitre vide");
  CHECK(livre.toc[1].kind == TocEntry::Kind::kArticle);
  CHECK(corpus.article(ArticleId(livre.toc[1].id)).number.text() == "L2");
  CHECK(corpus.section(SectionId(livre.toc[2].id)).title == "Chapitre 2");
}

// --- Links ------------------------------------------------------------------------------------

// An article with versions starting 1986-01-01 and 2016-01-01 and the given lienModifications.
std::string with_modifications(const std::string& links) {
  return std::string(R"({"type": "code", "data": {"title": "C"}, "children": [
    {"type": "article", "data": {"id": "V2", "cid": "V1", "num": "L1", "texteHtml": "<p>T</p>",
     "articleVersions": [
      {"id": "V1", "etat": "MODIFIE", "dateDebut": )") +
         k1986 + R"(, "dateFin": )" + k2016 + R"(},
      {"id": "V2", "etat": "VIGUEUR", "dateDebut": )" +
         k2016 + R"(, "dateFin": 32472144000000}],
     "lienModifications": [)" +
         links + "]}}]}";
}

std::string modification(const std::string& type, const std::string& orientation,
                         const std::string& title, const std::string& date = "2016-01-01") {
  return R"({"textCid": "JORFTEXT1", "textTitle": ")" + title + R"(", "linkType": ")" + type +
         R"(", "linkOrientation": ")" + orientation +
         R"(", "articleNum": "5", "articleId": "LEGIARTI9", "natureText": "LOI",
            "datePubliTexte": "2015-12-22", "dateSignaTexte": "2015-12-21",
            "dateDebutCible": ")" +
         date + R"("})";
}

const Link& only_link(const Read& r) {
  static const Link none;
  for (const auto& record : r.content.articles)
    if (!record.version.links.empty()) return record.version.links.front();
  FAIL("no link was read");
  return none;
}

TEST_CASE("a modification link keeps its fields, its title cut before the article",
          "[sources][json][links]") {
  Read r = read(with_modifications(
      modification("MODIFIE", "cible",
                   "LOI n°2015-1702\\n du 21 décembre 2015 - art. 5 (V) JORF 22 décembre 2015")));
  INFO(r.report());
  CHECK(r.diagnostics.all().empty());
  const Link& link = only_link(r);
  CHECK(link.group == LinkGroup::kModifiedBy);
  CHECK(link.label == "Modifié par");
  CHECK(link.link_type == "MODIFIE");
  CHECK(link.direction == "cible");
  // The mark is printed once, after the text.
  CHECK(link.text == "LOI n°2015-1702 du 21 décembre 2015 - art. 5 JORF 22 décembre 2015");
  CHECK(link.text_title == "LOI n°2015-1702 du 21 décembre 2015");
  CHECK(link.article_number == "5");
  CHECK(link.status_mark == "V");
  CHECK(link.target_id == "LEGIARTI9");
  CHECK(link.date == Date::from_ymd(2016, 1, 1));
  CHECK(link.where.file == "code.json");
  CHECK(link.where.line == 6);
}

TEST_CASE(
    "a trailing ' - art.' without a number is cut from the text title, and completed in the "
    "text by articleNum",
    "[sources][json][links]") {
  Read r = read(with_modifications(
      modification("CREE", "cible", "Ordonnance n°2019-770 du 17 juillet 2019 - art. (V)")));
  const Link& link = only_link(r);
  CHECK(link.text_title == "Ordonnance n°2019-770 du 17 juillet 2019");
  CHECK(link.status_mark == "V");
  // As crpa-2026-03-14.json's 296 links of the ordinance that made the code ("Annexe").
  CHECK(link.text == "Ordonnance n°2019-770 du 17 juillet 2019 - art. 5");
}

TEST_CASE("a trailing ' - art.' stays in the text when articleNum is empty",
          "[sources][json][links]") {
  Read r = read(with_modifications(
      R"({"textCid": "JORFTEXT7", "textTitle": "Décret n°2015-1342 du 23 octobre 2015 - art.",
          "linkType": "CREE", "linkOrientation": "cible", "articleNum": "",
          "articleId": "LEGIARTI9", "dateDebutCible": "2016-01-01"})"));
  const Link& link = only_link(r);
  CHECK(link.text == "Décret n°2015-1342 du 23 octobre 2015 - art.");
  CHECK(link.text_title == "Décret n°2015-1342 du 23 octobre 2015");
}

TEST_CASE("the target of a link is its articleId, else its textCid", "[sources][json][links]") {
  Read r = read(with_modifications(
      R"({"textCid": "JORFTEXT7", "textTitle": "Décret n° 85-1353 du 17 décembre 1985",
          "linkType": "CODIFICATION", "linkOrientation": "source", "articleNum": "",
          "articleId": "", "dateDebutCible": "2999-01-01"})"));
  const Link& link = only_link(r);
  CHECK(link.target_id == "JORFTEXT7");
  CHECK(link.article_number.empty());
  CHECK(link.text_title == "Décret n° 85-1353 du 17 décembre 1985");
  CHECK_FALSE(link.date.known());  // 2999-01-01 dates nothing
}

TEST_CASE("both spellings of a modification, each with its own orientation, mean 'by that text'",
          "[sources][json][links]") {
  struct Case {
    const char* type;
    const char* orientation;
    LinkGroup group;
  };
  // As the real dumps have them: participles seen as 'cible', nouns as 'source'.
  for (const Case& c :
       {Case{"CREE", "cible", LinkGroup::kCreatedBy},
        Case{"CREATION", "source", LinkGroup::kCreatedBy},
        Case{"MODIFIE", "cible", LinkGroup::kModifiedBy},
        Case{"MODIFICATION", "source", LinkGroup::kModifiedBy},
        Case{"ABROGE", "cible", LinkGroup::kAbrogatedBy},
        Case{"ABROGATION", "source", LinkGroup::kAbrogatedBy},
        Case{"CODIFICATION", "source", LinkGroup::kCodifiedBy},
        Case{"TRANSFERE", "cible", LinkGroup::kLinks},
        Case{"TRANSFERT", "source", LinkGroup::kLinks}, Case{"DEPLACE", "cible", LinkGroup::kLinks},
        Case{"RECTIFICATION", "source", LinkGroup::kLinks},
        Case{"CITATION", "cible", LinkGroup::kLinks},
        Case{"INCONNU", "cible", LinkGroup::kLinks}}) {
    INFO(c.type << " / " << c.orientation);
    Read r = read(with_modifications(modification(c.type, c.orientation, "Loi - art. 5")));
    const Link& link = only_link(r);
    CHECK(link.group == c.group);
    CHECK(link.label == link_group_label(c.group));
    CHECK(link.link_type == c.type);  // kept, so that "Liens" can say which
    CHECK(link.direction == c.orientation);
  }
}

TEST_CASE("a modification seen from the amending text is not mistaken for 'modified by'",
          "[sources][json][links]") {
  for (const auto& [type, orientation] :
       {std::pair{"MODIFIE", "source"}, std::pair{"MODIFICATION", "cible"},
        std::pair{"CREE", "source"}, std::pair{"ABROGATION", "cible"}, std::pair{"MODIFIE", ""}}) {
    INFO(type << " / " << orientation);
    Read r = read(with_modifications(modification(type, orientation, "Loi - art. 5")));
    const Link& link = only_link(r);
    CHECK(link.group == LinkGroup::kLinks);
    CHECK(link.link_type == type);
    CHECK(link.direction == orientation);
  }
}

TEST_CASE(
    "a modification goes to the version starting on its dateDebutCible, else to the "
    "current one",
    "[sources][json][links]") {
  Read r =
      read(with_modifications(modification("CREE", "cible", "A - art. 1", "1986-01-01") + "," +
                              modification("MODIFIE", "cible", "B - art. 2", "2016-01-01") + "," +
                              modification("MODIFIE", "cible", "C - art. 3", "2001-12-29") + "," +
                              modification("CODIFICATION", "source", "D", "2999-01-01")));
  INFO(r.report());
  REQUIRE(r.content.articles.size() == 2);
  const Version& v1 = r.content.articles[0].version;
  const Version& v2 = r.content.articles[1].version;
  REQUIRE(v1.links.size() == 1);
  CHECK(v1.links[0].text_title == "A");
  REQUIRE(v2.links.size() == 3);
  CHECK(v2.links[0].text_title == "B");
  CHECK(v2.links[1].text_title == "C");
  CHECK(v2.links[1].date == Date::from_ymd(2001, 12, 29));
  CHECK(v2.links[2].text_title == "D");
}

TEST_CASE("a dateDebutCible that is not a date is warned about and the link kept",
          "[sources][json][links]") {
  Read r = read(with_modifications(modification("MODIFIE", "cible", "Loi - art. 5", "demain")));
  CHECK(r.report() ==
        "code.json:8:31: warning: "
        "$.children[0].data.lienModifications[0].dateDebutCible: not a date: \"demain\"; ignored\n"
        "                \"dateDebutCible\": \"demain\"}]}}]}\n"
        "                                  ^\n");
  const Link& link = only_link(r);
  CHECK_FALSE(link.date.known());
  CHECK(r.content.articles[1].version.links.size() == 1);
}

// --- getArticle responses ---------------------------------------------------------------------

const std::string kArticleResponse = R"json({
  "executionTime": 0,
  "dereferenced": false,
  "article": {
    "id": "LEGIARTI000000000202",
    "cid": "LEGIARTI000000000201",
    "num": "L822-2",
    "etat": "VIGUEUR",
    "dateDebut": 1451606400000,
    "dateFin": 32472144000000,
    "ordre": 536870911,
    "texteHtml": "<p>Voir l'<a href='/affichCodeArticle.do?cidTexte=LEGITEXT1'>article L. 512-2</a>.</p>",
    "notaHtml": "",
    "context": {
      "titresTM": [
        {"titre": "Partie législative", "cid": "LEGISCTA1", "id": "LEGISCTA1", "etat": "VIGUEUR"},
        {"titre": "Livre VIII : AIDES", "cid": "LEGISCTA2", "id": "LEGISCTA3", "etat": "VIGUEUR"}
      ],
      "titreTxt": [
        {"titre": "Code de la construction", "cid": "JORFTEXT1", "id": "JORFTEXT1"},
        {"titre": "Code de la construction et de l'habitation", "cid": "JORFTEXT1", "id": "LEGITEXT1"}
      ]
    },
    "lienModifications": [
      {"textCid": "JORFTEXT2", "textTitle": "Ordonnance n°2019-770 du 17 juillet 2019 - art.",
       "linkType": "CREE", "linkOrientation": "cible", "articleNum": "", "articleId": "LEGIARTI8",
       "dateDebutCible": "2016-01-01"}
    ],
    "lienCitations": [
      {"textCid": "LEGITEXT2", "textTitle": "Code de la sécurité sociale. - art. L512-2 (V)",
       "linkType": "CITATION", "linkOrientation": "source", "articleNum": "L512-2",
       "articleId": "LEGIARTI7", "date": 1680637179463, "dateDebut": 1477958400000},
      {"textCid": "JORFTEXT3", "textTitle": "Décret n°2020-1734 du 16 décembre 2020 - art. R142-16, v. init.",
       "linkType": "CITATION", "linkOrientation": "cible", "articleNum": "R142-16",
       "articleId": "JORFARTI6", "date": 1680637179463, "dateDebut": 32472144000000}
    ],
    "lienConcordes": [
      {"textCid": "LEGITEXT2", "textTitle": "Code de la sécurité sociale. - art. L831-1 alinéa 1 (Ab)",
       "linkType": "CONCORDANCE", "linkOrientation": "source", "articleNum": "L831-1",
       "articleId": "LEGIARTI5"}
    ],
    "lienAutres": [
      {"textCid": "", "textTitle": "Edition du 1er janvier 2005", "linkType": "HISTO",
       "linkOrientation": "source", "articleNum": "", "articleId": ""}
    ],
    "articleVersions": [
      {"id": "LEGIARTI000000000201", "etat": "MODIFIE", "version": "1.0",
       "dateDebut": 504921600000, "dateFin": 1451606400000, "numero": null, "ordre": null},
      {"id": "LEGIARTI000000000202", "etat": "VIGUEUR", "version": "2.0",
       "dateDebut": 1451606400000, "dateFin": 32472144000000, "numero": null, "ordre": null}
    ]
  }
})json";

TEST_CASE("a getArticle response is placed by its context", "[sources][json][api]") {
  Read r = read(kArticleResponse, "LEGIARTI000000000202.json");
  INFO(r.report());
  REQUIRE(r.ok);
  CHECK(r.diagnostics.all().empty());
  REQUIRE(r.content.articles.size() == 2);
  for (const auto& record : r.content.articles) {
    // The consolidated (LEGITEXT) entry of titreTxt names the code.
    CHECK(record.code_title == "Code de la construction et de l'habitation");
    CHECK(record.code_legi_id == "LEGITEXT1");
    REQUIRE(record.section_path.size() == 2);
    CHECK(record.section_path[0].title == "Partie législative");
    CHECK(record.section_path[1].title == "Livre VIII : AIDES");
    CHECK(record.section_path[1].legi_id == "LEGISCTA3");
    CHECK(record.section_path[1].order == -1);
    CHECK(record.number.text() == "L822-2");
    CHECK(record.cid == "LEGIARTI000000000201");
    CHECK(record.order == -1);  // `ordre` is not known to share intOrdre's scale
  }
  const Version& old = r.content.articles[0].version;
  CHECK(old.id == "LEGIARTI000000000201");
  CHECK(old.start.iso() == "1986-01-01");
  CHECK_FALSE(old.has_text);
  const Version& current = r.content.articles[1].version;
  CHECK(current.has_text);
  // Légifrance's root-relative link made absolute: on our site it would point nowhere.
  CHECK(current.text_html ==
        sanitize_html("<p>Voir l'<a href='https://www.legifrance.gouv.fr/affichCodeArticle.do?"
                      "cidTexte=LEGITEXT1'>article L. 512-2</a>.</p>"));
  CHECK(current.nota_html.empty());
}

TEST_CASE("citations of a getArticle response say who cites whom", "[sources][json][api]") {
  Read r = read(kArticleResponse);
  REQUIRE(r.content.articles.size() == 2);
  const auto& links = r.content.articles[1].version.links;
  REQUIRE(links.size() == 5);
  CHECK(links[0].group == LinkGroup::kCreatedBy);
  CHECK(links[0].date.iso() == "2016-01-01");

  // 'source': this article's text cites L512-2.
  CHECK(links[1].group == LinkGroup::kCites);
  CHECK(links[1].label == "Cite");
  CHECK(links[1].text_title == "Code de la sécurité sociale.");
  CHECK(links[1].article_number == "L512-2");
  CHECK(links[1].status_mark == "V");
  CHECK(links[1].target_id == "LEGIARTI7");
  CHECK(links[1].date.iso() == "2016-11-01");
  // 'cible': that decree cites this article.
  CHECK(links[2].group == LinkGroup::kCitedBy);
  CHECK(links[2].label == "Cité par");
  CHECK(links[2].text_title == "Décret n°2020-1734 du 16 décembre 2020");
  CHECK(links[2].status_mark.empty());
  CHECK_FALSE(links[2].date.known());

  CHECK(links[3].group == LinkGroup::kOldTexts);
  CHECK(links[3].article_number == "L831-1");
  CHECK(links[3].status_mark == "Ab");
  CHECK(links[4].group == LinkGroup::kLinks);
  CHECK(links[4].link_type == "HISTO");
  CHECK(links[4].text_title == "Edition du 1er janvier 2005");
  CHECK(links[4].target_id.empty());
}

TEST_CASE("a JORF article's initial version is undated and has no state, quietly",
          "[sources][json][api]") {
  Read r = read(R"({"article": {"id": "JORFARTI1", "cid": null, "num": "5", "etat": "INITIALE",
    "texteHtml": "<p>Texte initial.</p>",
    "context": {"titresTM": [], "titreTxt": [{"titre": "LOI n° 2022-1157", "id": "JORFTEXT1"}]},
    "articleVersions": [
      {"id": "LEGIARTI1", "etat": "VIGUEUR", "version": "1.0", "dateDebut": 1660780800000,
       "dateFin": 32472144000000},
      {"id": "JORFARTI1", "etat": "", "version": "INITIALE", "dateDebut": 32472144000000,
       "dateFin": 32472144000000}]}})");
  INFO(r.report());
  CHECK(r.diagnostics.all().empty());
  REQUIRE(r.content.articles.size() == 2);
  CHECK(r.content.articles[0].code_title == "LOI n° 2022-1157");
  CHECK(r.content.articles[0].code_legi_id == "JORFTEXT1");
  CHECK(r.content.articles[0].section_path.empty());
  CHECK(r.content.articles[0].cid.empty());
  const Version& initial = r.content.articles[1].version;
  CHECK(initial.id == "JORFARTI1");
  CHECK_FALSE(initial.start.known());
  CHECK_FALSE(initial.end.known());
  CHECK(initial.status == ArticleStatus::kUnknown);
  CHECK(initial.has_text);
  CHECK_FALSE(r.content.articles[0].version.has_text);
}

// --- Bad input: exact diagnostics, and the rest still loads --------------------------------------

TEST_CASE("JSON that is not well-formed is reported at its line and column",
          "[sources][json][invalid]") {
  Read r = read("{\"type\": \"code\",\n \"data\": {\"title\": \"Code é\"}\n \"children\": []}");
  CHECK_FALSE(r.ok);
  CHECK(r.content.articles.empty());
  CHECK(r.report() ==
        "code.json:3:2: error: JSON is not well-formed: Missing a comma or '}' after an "
        "object member.\n"
        "     \"children\": []}\n"
        "     ^\n");
}

TEST_CASE("the column of a JSON error counts characters, not bytes", "[sources][json][invalid]") {
  Read r = read("{\"title\": \"Sécurité\" ]");
  CHECK(r.report() ==
        "code.json:1:22: error: JSON is not well-formed: Missing a comma or '}' after an "
        "object member.\n"
        "    {\"title\": \"Sécurité\" ]\n"
        "                         ^\n");
}

// Texts go to HTML: bytes that are not UTF-8 are refused where they are, whether they sit early
// or late in the file (the check runs on two halves of a big file at once).
TEST_CASE("a JSON string that is not UTF-8 is reported at its line", "[sources][json][invalid]") {
  Read r = read("{\"type\": \"code\",\n \"data\": {\"title\": \"Code \xC3\x28\"}}");
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.report(),
             Catch::StartsWith(
                 "code.json:2:26: error: JSON is not well-formed: Invalid encoding in string.\n"));
  std::string big = "{\"type\": \"code\", \"data\": {\"title\": \"Code\"}, \"children\": [\n";
  for (int i = 0; i < 20000; ++i)
    big += "  {\"type\": \"section\", \"data\": {\"title\": \"Sécurité\"}},\n";
  big += "  {\"type\": \"section\", \"data\": {\"title\": \"\xE9t\xE9\"}}]}";
  r = read(big);
  CHECK_FALSE(r.ok);
  CHECK_THAT(r.report(), Catch::StartsWith("code.json:20002:42: error: JSON is not well-formed: "
                                           "Invalid encoding in string.\n"));
  // A character split across the middle of the file is still one character.
  std::string valid = "{\"type\": \"code\", \"data\": {\"title\": \"";
  while (valid.size() < 100000) valid += "é";
  valid += "\"}, \"children\": []}";
  for (std::size_t shift = 0; shift < 3; ++shift) {
    r = read(std::string(shift, ' ') + valid);
    CHECK(r.ok);
    CHECK(r.report().empty());
  }
}

// A dump of a megabyte or more is read from a mapping of the file: the same diagnostics as from a
// string, and the same content.
TEST_CASE("a large JSON file read from disk gives what the same text gives from a string",
          "[sources][json][invalid]") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("legisite-json-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string sections;
  for (int i = 0; i < 20000; ++i)
    sections += "  {\"type\": \"section\", \"data\": {\"title\": \"Sécurité\"}},\n";
  const std::string head =
      "{\"type\": \"code\", \"data\": {\"title\": \"Code\"}, \"children\": [\n";
  const std::string article =
      "  {\"type\": \"article\", \"data\": {\"id\": \"A1\", \"num\": \"L1\", \"texteHtml\": "
      "\"<p>a\\nb</p>\", "
      "\"articleVersions\": [{\"id\": \"A1\", \"etat\": \"VIGUEUR\", \"dateDebut\": 0}]}}";
  const std::string cases[] = {
      head + sections + article + "]}",  // well-formed
      head + sections +
          "  {\"type\": \"section\", \"data\": {\"title\": \"\xE9t\xE9\"}}]}",  // not UTF-8
      head + sections + article + "}",                                          // not well-formed
  };
  for (const std::string& json : cases) {
    REQUIRE(json.size() > (1u << 20));
    { std::ofstream(dir / "code.json", std::ios::binary) << json; }
    DiskFileSystem files(dir.string());
    FileBytes bytes;
    std::string error;
    REQUIRE(files.read_bytes("code.json", bytes, error));
    CHECK(bytes.mapped());
    LegifranceJsonContent from_disk;
    Diagnostics disk_diagnostics;
    bool disk_ok = read_legifrance_json(std::move(bytes), "code.json", from_disk, disk_diagnostics);
    Read from_string = read(json);
    CHECK(disk_ok == from_string.ok);
    CHECK(format_all(disk_diagnostics) == from_string.report());
    REQUIRE(from_disk.articles.size() == from_string.content.articles.size());
    for (std::size_t i = 0; i < from_disk.articles.size(); ++i) {
      CHECK(from_disk.articles[i].number.text() == from_string.content.articles[i].number.text());
      CHECK(from_disk.articles[i].version.text_html ==
            from_string.content.articles[i].version.text_html);
      CHECK(from_disk.articles[i].version.origin.line ==
            from_string.content.articles[i].version.origin.line);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("strings decoded in place do not garble the lines echoed under diagnostics",
          "[sources][json][invalid]") {
  // The parse decodes strings where they were written: the echoed line still shows the file's
  // quotes, and a line whose string lost bytes to an escape is not echoed rather than garbled.
  Read r = read(
      "{\"type\": \"code\", \"data\": {\"title\": \"Code\"},\n"
      " \"children\": [{\"type\": \"article\", \"data\": {\"etat\": \"VIGUEUR\"}},\n"
      "  {\"type\": \"article\", \"data\": {\"x\": \"a\\nb\", \"etat\": \"VIGUEUR\"}}]}");
  CHECK(r.report() ==
        "code.json:2:16: error: $.children[0]: article without 'num'\n"
        "     \"children\": [{\"type\": \"article\", \"data\": {\"etat\": \"VIGUEUR\"}},\n"
        "                   ^\n"
        "code.json:3:4: error: $.children[1]: article without 'num'\n");
}

TEST_CASE("a file that is not well-formed does not stop the others", "[sources][json][invalid]") {
  MemoryFileSystem files;
  files.add_file("a.json", "{\"type\": \"code\", \"data\": {\"title\": \"A\"}, \"children\": [");
  files.add_file("b.json", R"({"type": "code", "data": {"title": "B"}, "children": [
    {"type": "article", "data": {"id": "A1", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]})");
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary;
  load_legifrance_json_file(files, "a.json", corpus, diagnostics, summary);
  load_legifrance_json_file(files, "b.json", corpus, diagnostics, summary);
  CHECK(format_all(diagnostics) ==
        "a.json:1:55: error: JSON is not well-formed: Invalid value.\n"
        "    {\"type\": \"code\", \"data\": {\"title\": \"A\"}, \"children\": [\n"
        "                                                          ^\n");
  CHECK(summary.files_read == 2);
  CHECK(summary.versions_read == 1);
  REQUIRE(corpus.articles().size() == 1);
  CHECK(corpus.code(corpus.articles()[0].code).title == "B");
}

TEST_CASE("an unrecognised JSON shape is one error naming what was found",
          "[sources][json][invalid]") {
  Read r = read("{\n  \"executionTime\": 12,\n  \"text\": {\"id\": \"CETATEXT1\"}\n}");
  CHECK_FALSE(r.ok);
  CHECK(r.report() ==
        "code.json:2:3: error: $: unrecognised JSON shape: expected a Légifrance code "
        "tree ({\"type\": \"code\", …}) or an article response ({\"article\": {…}})\n"
        "      \"executionTime\": 12,\n"
        "      ^\n"
        "  note: the document has keys 'executionTime', 'text'\n");
  Read array = read("[1, 2]");
  CHECK(array.report() ==
        "code.json: error: $: unrecognised JSON shape: expected a Légifrance code tree "
        "({\"type\": \"code\", …}) or an article response ({\"article\": {…}})\n"
        "  note: the document is an array\n");
  Read section = read("{\"type\": \"section\", \"data\": {}}");
  CHECK(section.report() ==
        "code.json:1:2: error: $: unrecognised JSON shape: expected a Légifrance code "
        "tree ({\"type\": \"code\", …}) or an article response ({\"article\": {…}})\n"
        "    {\"type\": \"section\", \"data\": {}}\n"
        "     ^\n"
        "  note: the document has keys 'type', 'data'; its 'type' is \"section\"\n");
}

// Two articles in one section; `first` replaces the first article's data.
std::string two_articles(const std::string& first) {
  return R"({"type": "code", "data": {"title": "C"}, "children": [
  {"type": "section", "data": {"id": "S1", "title": "S"}, "children": [
    {"type": "article",
     "data": )" +
         first + R"(},
    {"type": "article",
     "data": {"id": "B1", "num": "L2", "texteHtml": "<p>T</p>", "articleVersions": [
      {"id": "B1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]}]})";
}

void check_second_article_loaded(const Read& r) {
  REQUIRE(r.ok);
  const ArticleRecord* second = find_version(r, "B1");
  REQUIRE(second != nullptr);
  CHECK(second->number.text() == "L2");
  CHECK(second->section_path.size() == 1);
}

TEST_CASE("an article without 'num' is reported by its path and skipped",
          "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A1", "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]})"));
  CHECK(r.report() ==
        "code.json:3:6: error: $.children[0].children[0]: article without 'num'\n"
        "        {\"type\": \"article\",\n"
        "         ^\n");
  CHECK(find_version(r, "A1") == nullptr);
  check_second_article_loaded(r);
  CHECK(r.content.articles.size() == 1);

  Read empty = read(two_articles(R"({"id": "A1", "num": " ", "articleVersions": []})"));
  CHECK(empty.report() ==
        "code.json:4:34: error: $.children[0].children[0]: article without 'num'\n"
        "         \"data\": {\"id\": \"A1\", \"num\": \" \", \"articleVersions\": []}},\n"
        "                                     ^\n");
  check_second_article_loaded(empty);
}

TEST_CASE("an article number that cannot be one is reported and skipped",
          "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A1", "num": "../L1", "articleVersions": []})"));
  CHECK(r.report() ==
        "code.json:4:34: error: $.children[0].children[0].data.num: invalid article "
        "number '../L1': " +
            problem_with("../L1") +
            "\n"
            "         \"data\": {\"id\": \"A1\", \"num\": \"../L1\", \"articleVersions\": []}},\n"
            "                                     ^\n");
  check_second_article_loaded(r);
}

TEST_CASE("an article without 'id' is reported and skipped", "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"num": "L1", "articleVersions": []})"));
  CHECK(r.report() ==
        "code.json:3:6: error: $.children[0].children[0]: article L1 without 'id'\n"
        "        {\"type\": \"article\",\n"
        "         ^\n");
  check_second_article_loaded(r);
}

TEST_CASE("an unknown etat is reported with its value, the version is kept, state unknown",
          "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A2", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "PEUT_ETRE", "dateDebut": 0, "dateFin": 86400000},
      {"id": "A2", "etat": "VIGUEUR", "dateDebut": 86400000, "dateFin": 32472144000000}]})"));
  CHECK(r.report() ==
        "code.json:5:28: error: $.children[0].children[0].data.articleVersions[0].etat: "
        "unknown etat 'PEUT_ETRE'; version A1 is kept, its state unknown\n"
        "          {\"id\": \"A1\", \"etat\": \"PEUT_ETRE\", \"dateDebut\": 0, \"dateFin\": "
        "86400000},\n"
        "                               ^\n");
  const ArticleRecord* kept = find_version(r, "A1");
  REQUIRE(kept != nullptr);
  CHECK(kept->version.status == ArticleStatus::kUnknown);
  CHECK(kept->version.start.iso() == "1970-01-01");
  REQUIRE(find_version(r, "A2") != nullptr);
  CHECK(find_version(r, "A2")->version.status == ArticleStatus::kVigueur);
  check_second_article_loaded(r);
}

TEST_CASE("a version without etat is kept with a warning", "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A1", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "", "dateDebut": 0, "dateFin": 32472144000000}]})"));
  CHECK(r.report() ==
        "code.json:5:28: warning: $.children[0].children[0].data.articleVersions[0]: "
        "version A1 without 'etat'; its state is unknown\n"
        "          {\"id\": \"A1\", \"etat\": \"\", \"dateDebut\": 0, \"dateFin\": "
        "32472144000000}]}},\n"
        "                               ^\n");
  REQUIRE(find_version(r, "A1") != nullptr);
  CHECK(find_version(r, "A1")->version.status == ArticleStatus::kUnknown);
  check_second_article_loaded(r);
}

TEST_CASE("a version date that is not a number is reported, that version is skipped",
          "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A2", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "MODIFIE", "dateDebut": "1970-01-01", "dateFin": 86400000},
      {"id": "A2", "etat": "VIGUEUR", "dateDebut": 86400000, "dateFin": null}]})"));
  CHECK(r.report() ==
        "code.json:5:52: error: "
        "$.children[0].children[0].data.articleVersions[0].dateDebut: date is not a "
        "number of milliseconds: \"1970-01-01\"; version A1 skipped\n"
        "          {\"id\": \"A1\", \"etat\": \"MODIFIE\", \"dateDebut\": \"1970-01-01\", "
        "\"dateFin\": 86400000},\n"
        "                                                       ^\n"
        "code.json:6:62: warning: $.children[0].children[0].data.articleVersions[1]: "
        "version A2 without 'dateFin'; its end is unknown\n"
        "          {\"id\": \"A2\", \"etat\": \"VIGUEUR\", \"dateDebut\": 86400000, \"dateFin\": "
        "null}]}},\n"
        "                                                                 ^\n");
  CHECK(find_version(r, "A1") == nullptr);
  REQUIRE(find_version(r, "A2") != nullptr);
  CHECK(find_version(r, "A2")->version.start.iso() == "1970-01-02");
  CHECK_FALSE(find_version(r, "A2")->version.end.known());
  check_second_article_loaded(r);
}

TEST_CASE("an end date that is not a number leaves the version with an unknown end",
          "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A1", "num": "L1", "texteHtml": "", "articleVersions": [
      {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": true}]})"));
  CHECK(
      r.report() ==
      "code.json:5:55: error: "
      "$.children[0].children[0].data.articleVersions[0].dateFin: date is not a number "
      "of milliseconds: true; the end of version A1 is unknown\n"
      "          {\"id\": \"A1\", \"etat\": \"VIGUEUR\", \"dateDebut\": 0, \"dateFin\": true}]}},\n"
      "                                                          ^\n");
  REQUIRE(find_version(r, "A1") != nullptr);
  CHECK_FALSE(find_version(r, "A1")->version.end.known());
}

TEST_CASE("a version without id or dateDebut is reported and skipped", "[sources][json][invalid]") {
  Read r = read(two_articles(R"({"id": "A3", "num": "L1", "articleVersions": [
      {"etat": "MODIFIE", "dateDebut": 0, "dateFin": 86400000},
      {"id": "A2", "etat": "MODIFIE", "dateFin": 86400000},
      "A3"]})"));
  CHECK(r.report() ==
        "code.json:5:8: error: $.children[0].children[0].data.articleVersions[0]: "
        "version without 'id'; skipped\n"
        "          {\"etat\": \"MODIFIE\", \"dateDebut\": 0, \"dateFin\": 86400000},\n"
        "           ^\n"
        "code.json:6:8: error: $.children[0].children[0].data.articleVersions[1]: "
        "version A2 without 'dateDebut'; skipped\n"
        "          {\"id\": \"A2\", \"etat\": \"MODIFIE\", \"dateFin\": 86400000},\n"
        "           ^\n"
        "code.json:7:7: error: $.children[0].children[0].data.articleVersions[2]: "
        "version is not an object but \"A3\"; skipped\n"
        "          \"A3\"]}},\n"
        "          ^\n"
        "code.json:4:15: error: $.children[0].children[0].data: version A3 without "
        "'dateDebut'; skipped\n"
        "         \"data\": {\"id\": \"A3\", \"num\": \"L1\", \"articleVersions\": [\n"
        "                  ^\n");
  CHECK(r.content.articles.size() == 1);  // the second article only
  check_second_article_loaded(r);
}

TEST_CASE("'children' that is not an array is reported, the sibling sections still load",
          "[sources][json][invalid]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
  {"type": "section", "data": {"id": "S1", "title": "Livre 1"},
   "children": {"type": "article"}},
  {"type": "section", "data": {"id": "S2", "title": "Livre 2"}, "children": [
    {"type": "article", "data": {"id": "B1", "num": "L2", "texteHtml": "<p>T</p>", "articleVersions": [
      {"id": "B1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]}]})");
  CHECK(r.report() ==
        "code.json:3:4: error: $.children[0].children: 'children' is not an array but an "
        "object; the nodes below $.children[0] are skipped\n"
        "       \"children\": {\"type\": \"article\"}},\n"
        "       ^\n");
  REQUIRE(r.ok);
  const ArticleRecord* second = find_version(r, "B1");
  REQUIRE(second != nullptr);
  CHECK(second->section_path[0].title == "Livre 2");
  // The section whose children could not be read is still listed, empty.
  REQUIRE(r.content.empty_sections.size() == 1);
  CHECK(r.content.empty_sections[0].path[0].title == "Livre 1");
}

TEST_CASE("nodes that are not sections or articles are reported and skipped",
          "[sources][json][invalid]") {
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
  "texte",
  {"type": "chapitre", "data": {}},
  {"data": {"id": "X"}},
  {"type": "article"},
  {"type": "section", "data": {"id": "S1", "intOrdre": "premier"}, "children": [
    {"type": "article", "data": {"id": "B1", "num": "L2", "texteHtml": "<p>T</p>", "articleVersions": [
      {"id": "B1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}}]}]})");
  CHECK(r.report() ==
        "code.json:2:3: error: $.children[0]: node is not an object but \"texte\"; skipped\n"
        "      \"texte\",\n"
        "      ^\n"
        "code.json:3:12: error: $.children[1]: unknown node type 'chapitre' (expected "
        "'section' or 'article'); skipped\n"
        "      {\"type\": \"chapitre\", \"data\": {}},\n"
        "               ^\n"
        "code.json:4:4: error: $.children[2]: node without 'type'; skipped\n"
        "      {\"data\": {\"id\": \"X\"}},\n"
        "       ^\n"
        "code.json:5:4: error: $.children[3]: article without a 'data' object; skipped\n"
        "      {\"type\": \"article\"},\n"
        "       ^\n"
        "code.json:6:32: error: $.children[4]: section without 'title'; titled 'S1' instead\n"
        "      {\"type\": \"section\", \"data\": {\"id\": \"S1\", \"intOrdre\": \"premier\"}, "
        "\"children\": [\n"
        "                                   ^\n"
        "code.json:6:56: error: $.children[4].data.intOrdre: 'intOrdre' is not a "
        "position (a whole number from 0) but \"premier\"; ignored\n"
        "      {\"type\": \"section\", \"data\": {\"id\": \"S1\", \"intOrdre\": \"premier\"}, "
        "\"children\": [\n"
        "                                                           ^\n");
  REQUIRE(find_version(r, "B1") != nullptr);
  CHECK(find_version(r, "B1")->section_path[0].title == "S1");
}

TEST_CASE("an article listed twice is read once, two articles of one number are both read",
          "[sources][json][invalid]") {
  // As css-2021-01-01 has them: R165-81 in two sections, two D331-6.
  Read r = read(R"({"type": "code", "data": {"title": "C"}, "children": [
  {"type": "article", "data": {"id": "A1", "cid": "A1", "num": "R1", "texteHtml": "", "articleVersions": [
    {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}},
  {"type": "article", "data": {"id": "A1", "cid": "A1", "num": "R1", "texteHtml": "", "articleVersions": [
    {"id": "A1", "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000}]}},
  {"type": "article", "data": {"id": "B2", "cid": "B1", "num": "R1", "texteHtml": "", "articleVersions": [
    {"id": "B2", "etat": "VIGUEUR", "dateDebut": 86400000, "dateFin": 32472144000000}]}}]})");
  CHECK(r.report() ==
        "code.json:4:4: warning: $.children[1]: article R1 (A1) is listed again; already "
        "read at $.children[0], this copy is ignored\n"
        "      {\"type\": \"article\", \"data\": {\"id\": \"A1\", \"cid\": \"A1\", \"num\": "
        "\"R1\", \"texteHtml\": \"\", \"articleVersions\": [\n"
        "       ^\n");
  CHECK(r.content.articles.size() == 2);
}

TEST_CASE("a getArticle response without context cannot be placed", "[sources][json][invalid]") {
  Read r = read("{\"article\": {\"id\": \"A1\", \"num\": \"L1\"}}");
  CHECK_FALSE(r.ok);
  CHECK(r.report() ==
        "code.json:1:14: error: $.article: article without a 'context' object: its code "
        "is unknown\n"
        "    {\"article\": {\"id\": \"A1\", \"num\": \"L1\"}}\n"
        "                 ^\n");
  Read null_article = read("{\"article\": null}");
  CHECK(null_article.report() ==
        "code.json:1:2: error: $.article: 'article' is not an object but null\n"
        "    {\"article\": null}\n"
        "     ^\n");
}

// --- Real data ----------------------------------------------------------------------------------

bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  out.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

// Reads a real file into a corpus; false (after saying so) when the shared corpus is absent.
bool load_real(const std::string& path, Corpus& corpus, Diagnostics& diagnostics) {
  std::string text;
  if (!slurp(path, text)) {
    legisite::testing::skip_because_missing(path);
    return false;
  }
  LegifranceJsonContent content;
  bool ok = read_legifrance_json(text, std::filesystem::path(path).filename().string(), content,
                                 diagnostics);
  INFO(format_all(diagnostics));
  CHECK(ok);
  add_legifrance_json(corpus, std::move(content), diagnostics);
  corpus.finish_tables_of_contents();
  return true;
}

std::size_t version_count(const Corpus& corpus) {
  std::size_t n = 0;
  for (const auto& a : corpus.articles()) n += a.versions.size();
  return n;
}

const Article* article_numbered(const Corpus& corpus, std::string_view number) {
  for (const auto& a : corpus.articles())
    if (a.number.text() == number) return &a;
  return nullptr;
}

const std::string kJsonDir = LEGISITE_SHARED_DIR "/corpus/legifrance-json/";
const std::string kApiDir = LEGISITE_SHARED_DIR "/corpus/legifrance-api/";

TEST_CASE("the real Code des relations entre le public et l'administration loads whole",
          "[sources][json][real]") {
  Corpus corpus;
  Diagnostics diagnostics;
  if (!load_real(kJsonDir + "crpa-2026-03-14.json", corpus, diagnostics)) return;
  CHECK(format_all(diagnostics).empty());
  REQUIRE(corpus.codes().size() == 1);
  CHECK(corpus.codes()[0].title == "Code des relations entre le public et l'administration");
  CHECK(corpus.codes()[0].legi_id == "LEGITEXT000031366350");
  CHECK(corpus.articles().size() == 474);
  CHECK(corpus.sections().size() == 201 + 1);  // and the code's root
  CHECK(version_count(corpus) == 717);
  std::size_t with_text = 0;
  for (const auto& a : corpus.articles())
    for (const auto& v : a.versions) with_text += v.has_text;
  CHECK(with_text == 474);
  // The table of contents starts as Légifrance's: the preliminary provisions, L100-1 first.
  auto in_order = corpus.articles_in_code_order(corpus.codes()[0].id);
  REQUIRE(!in_order.empty());
  CHECK(corpus.article(in_order[0]).number.text() == "L100-1");
}

TEST_CASE("the real Code de la sécurité sociale loads whole, every version kept",
          "[sources][json][real][slow]") {
  Corpus corpus;
  Diagnostics diagnostics;
  if (!load_real(kJsonDir + "css-2026-03-14.json", corpus, diagnostics)) return;
  // Nine versions Légifrance gives without a state; nothing else to say.
  CHECK(diagnostics.error_count() == 0);
  CHECK(diagnostics.warning_count() == 9);
  REQUIRE(corpus.codes().size() == 1);
  CHECK(corpus.codes()[0].title == "Code de la sécurité sociale");
  CHECK(corpus.articles().size() == 7372);
  CHECK(corpus.sections().size() == 2576 + 1);
  CHECK(version_count(corpus) == 22203);

  const Article* l111 = article_numbered(corpus, "L111-1");
  REQUIRE(l111 != nullptr);
  CHECK(l111->cid == "LEGIARTI000006740075");
  REQUIRE(l111->versions.size() == 5);
  CHECK(l111->versions[0].start.iso() == "1985-12-21");
  CHECK(l111->versions[0].status == ArticleStatus::kModifie);
  CHECK_FALSE(l111->versions[0].has_text);
  const Version& current = l111->versions[4];
  CHECK(current.id == "LEGIARTI000042223830");
  CHECK(current.start.iso() == "2020-08-09");
  CHECK(current.end.is_no_end());
  CHECK(current.status == ArticleStatus::kVigueur);
  CHECK(current.has_text);
  CHECK(current.text_html.find("solidarité nationale") != std::string::npos);
  // "LOI n°2020-992 du 7 août 2020 - art. 5 (V)" made the current version; the 1985 decree
  // codified the article (no date).
  REQUIRE(current.links.size() == 2);
  CHECK(current.links[0].group == LinkGroup::kCodifiedBy);
  CHECK(current.links[1].group == LinkGroup::kModifiedBy);
  CHECK(current.links[1].text_title == "LOI n°2020-992 du 7 août 2020");
  CHECK(current.links[1].article_number == "5");

  const Article* l133 = article_numbered(corpus, "L133-4-2");
  REQUIRE(l133 != nullptr);
  CHECK(l133->versions.size() == 9);
  CHECK(!l133->versions.back().nota_html.empty());
}

TEST_CASE("the 2021 snapshot of the Code de la sécurité sociale loads despite its duplicates",
          "[sources][json][real][slow]") {
  Corpus corpus;
  Diagnostics diagnostics;
  if (!load_real(kJsonDir + "css-2021-01-01.json", corpus, diagnostics)) return;
  CHECK(diagnostics.error_count() == 0);
  CHECK(diagnostics.warning_count() == 3);  // R165-81 to R165-83 listed twice
  // Two distinct D331-6 (two cids, in two sibling "Section 4"): two articles.
  CHECK(corpus.articles().size() == 7001);
  CHECK(corpus.articles_numbered(corpus.codes()[0].id, ArticleNumber("D331-6")).size() == 2);
  CHECK(corpus.sections().size() == 2456 + 1);
}

TEST_CASE("the Code du travail loads its three pairs of same-label annexes as six articles",
          "[sources][json][real][slow]") {
  Corpus corpus;
  Diagnostics diagnostics;
  if (!load_real(kJsonDir + "code-du-travail-2026-03-27.json", corpus, diagnostics)) return;
  CHECK(diagnostics.error_count() == 0);
  CHECK(corpus.articles().size() == 11545);
  CodeId code = corpus.codes()[0].id;
  for (const char* label : {"Annexe I", "Annexe II", "Annexe"}) {
    INFO(label);
    auto same = corpus.articles_numbered(code, ArticleNumber(label));
    REQUIRE(same.size() == 2);
    CHECK(corpus.article(same[0]).section != corpus.article(same[1]).section);
    CHECK(corpus.article(same[0]).cid != corpus.article(same[1]).cid);
  }
}

TEST_CASE("the six real getArticle responses load, the decision with one clear error",
          "[sources][json][real]") {
  struct Expected {
    const char* file;
    const char* number;
    std::size_t versions;
    const char* code;
    std::size_t sections;
    std::size_t links;
  };
  std::string probe;
  if (!slurp(kApiDir + "LEGIARTI000038814944.json", probe)) {
    legisite::testing::skip_because_missing(kApiDir);
    return;
  }
  for (const Expected& e :
       {Expected{"JORFARTI000046186676.json", "5", 4,
                 "LOI n° 2022-1157 du 16 août 2022 de finances rectificative pour 2022 (1)", 2, 2},
        Expected{"LEGIARTI000006302217.json", "14", 3, "Code général des impôts", 8, 12},
        Expected{"LEGIARTI000038814944.json", "L822-2", 1,
                 "Code de la construction et de l'habitation", 5, 8},
        Expected{"LEGIARTI000044983201.json", "13", 8, "Code général des impôts", 6, 3},
        Expected{"LEGIARTI000046790860.json", "3", 3,
                 "Décret n° 2022-469 du 1er avril 2022 relatif à l'organisation et au "
                 "fonctionnement de l'Autorité de régulation de la communication audiovisuelle "
                 "et numérique",
                 1, 4}}) {
    INFO(e.file);
    Corpus corpus;
    Diagnostics diagnostics;
    if (!load_real(kApiDir + e.file, corpus, diagnostics)) return;
    CHECK(format_all(diagnostics).empty());
    REQUIRE(corpus.articles().size() == 1);
    const Article& a = corpus.articles()[0];
    CHECK(a.number.text() == e.number);
    CHECK(a.versions.size() == e.versions);
    CHECK(corpus.code(a.code).title == e.code);
    CHECK(corpus.section_path(a.section).size() == e.sections);
    std::size_t texts = 0, links = 0;
    for (const auto& v : a.versions) {
      texts += v.has_text;
      links += v.links.size();
    }
    CHECK(texts == 1);
    CHECK(links == e.links);
  }

  std::string text;
  REQUIRE(slurp(kApiDir + "CETATEXT000035260342.json", text));
  Read decision = read(text, "CETATEXT000035260342.json");
  CHECK_FALSE(decision.ok);
  CHECK(decision.report() ==
        "CETATEXT000035260342.json:2:3: error: $: unrecognised JSON shape: expected a "
        "Légifrance code tree ({\"type\": \"code\", …}) or an article response ({\"article\": "
        "{…}})\n"
        "      \"executionTime\": 12,\n"
        "      ^\n"
        "  note: the document has keys 'executionTime', 'dereferenced', 'text'\n");
}

TEST_CASE("a real citation in getArticle points the way its text does", "[sources][json][real]") {
  // CGI art. 14 cites art. 15 and Code civil art. 525 in its own text: both are 'source'.
  Corpus corpus;
  Diagnostics diagnostics;
  if (!load_real(kApiDir + "LEGIARTI000006302217.json", corpus, diagnostics)) return;
  REQUIRE(corpus.articles().size() == 1);
  const Version& current = corpus.articles()[0].versions.back();
  REQUIRE(current.has_text);
  std::vector<std::string> cited;
  for (const auto& link : current.links)
    if (link.group == LinkGroup::kCites)
      cited.push_back(link.text_title + " " + link.article_number);
  CHECK(cited == std::vector<std::string>{"Code général des impôts, CGI. 15", "Code civil 525"});
  CHECK(current.text_html.find("l'article 15") != std::string::npos);
  CHECK(current.text_html.find("l'article 525") != std::string::npos);
}

TEST_CASE("text the sanitiser leaves out is a warning at its texteHtml, its path in a note",
          "[sources][json]") {
  Read r = read(R"({"type": "code", "data": {"id": "LEGITEXT000000000001", "title": "Code"},
 "children": [{"type": "article", "data": {"id": "LEGIARTI000000000102", "num": "L1",
   "etat": "VIGUEUR", "dateDebut": 0, "dateFin": 32472144000000,
   "texteHtml": "<p>Avant.</p><math><mi>x</mi></math><textarea>Le reste.",
   "notaHtml": "<p>Nota <!-- jamais fermé</p>"}}]})");
  REQUIRE(r.ok);
  CHECK(r.report() ==
        "code.json:4:17: warning: <textarea> is never closed: the text after it is left out\n"
        "       \"texteHtml\": \"<p>Avant.</p><math><mi>x</mi></math><textarea>Le reste.\",\n"
        "                    ^\n"
        "  note: $.children[0].data.texteHtml\n"
        "  note: left out: \"Le reste.\" and the text of 1 more\n"
        "code.json:5:16: warning: a comment (<!--) is never closed: the text after it is left "
        "out\n"
        "       \"notaHtml\": \"<p>Nota <!-- jamais fermé</p>\"}}]}\n"
        "                   ^\n"
        "  note: $.children[0].data.notaHtml\n"
        "  note: left out: \"jamais fermé</p>\"\n");
  REQUIRE(r.content.articles.size() == 1);
  CHECK(r.content.articles[0].version.text_html == "<p>Avant.</p>");
}
TEST_CASE(
    "a text cut after the first byte of a four-byte UTF-8 sequence is an error, not a read "
    "past its end",
    "[sources][json]") {
  // Found by the fuzzer (tests/fuzz/corpus/legifrance_json/cut-four-byte-sequence.json): the
  // parser's UTF-8 check reads three bytes past 0xF0 without stopping at the NUL. Under the
  // address sanitizer (scripts/sanitize.sh) a read past the bytes fails this test.
  for (const std::string& text : {std::string("{\n  \"typ:s, v. init.\xF0"), std::string("\xF0"),
                                  std::string("{\"a\":\"\xF4\x8F"), std::string("[\"\xE2")}) {
    Diagnostics diagnostics;
    LegifranceJsonContent content;
    CHECK_FALSE(read_legifrance_json(std::string_view(text), "cut.json", content, diagnostics));
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].message.find("JSON is not well-formed") == 0);
  }
  FileBytes bytes(std::string("ab"));
  CHECK(bytes.size() == 2);
  CHECK(bytes.view() == "ab");
  for (std::size_t i = 2; i < 2 + kNulPadding; ++i) CHECK(bytes.data()[i] == '\0');
}

}  // namespace
}  // namespace legisite::legifrance_json_test
