#include "sources/link_entry.h"

#include <catch2/catch.hpp>

namespace link_entry_test {

using namespace legisite;

TEST_CASE("an entry is split into text title and article on its last ' - art.'", "[links]") {
  Link a = parse_link_entry("Code de la sécurité sociale. - art. L133-6");
  CHECK(a.text == "Code de la sécurité sociale. - art. L133-6");
  CHECK(a.text_title == "Code de la sécurité sociale");
  CHECK(a.article_number == "L133-6");
  CHECK(a.link_type == "");
  CHECK(a.status_mark == "");
  CHECK(a.target_id == "");

  Link b = parse_link_entry("Décret n°2013-597 du 8 juillet 2013 - art. 1");
  CHECK(b.text_title == "Décret n°2013-597 du 8 juillet 2013");
  CHECK(b.article_number == "1");

  Link c = parse_link_entry("Loi n° 2004-1 du 2 janvier 2004 - Art. 5 - art. 12");
  CHECK(c.text_title == "Loi n° 2004-1 du 2 janvier 2004 - Art. 5");
  CHECK(c.article_number == "12");
}

TEST_CASE("the other separators and article spellings are understood", "[links]") {
  CHECK(parse_link_entry("Loi n° 2004-1 - art 5").article_number == "5");
  CHECK(parse_link_entry("Loi n° 2004-1 - Art. 5").article_number == "5");
  CHECK(parse_link_entry("Loi n° 2004-1 - article 5").article_number == "5");
  Link comma = parse_link_entry("Ordonnance n°2005-1528 du 8 décembre 2005, art. 3");
  CHECK(comma.text_title == "Ordonnance n°2005-1528 du 8 décembre 2005");
  CHECK(comma.article_number == "3");
  Link dotted = parse_link_entry("Code du travail - art. L. 1234-5");
  CHECK(dotted.text_title == "Code du travail");
  CHECK(dotted.article_number == "L1234-5");
  CHECK(parse_link_entry("Code de la sécurité sociale. - art. R\\*133-2").article_number ==
        "R*133-2");
}

TEST_CASE("an entry without ' - art.' is a title only", "[links]") {
  Link l = parse_link_entry("Loi n° 2004-1 du 2 janvier 2004 relative à l'accueil.");
  CHECK(l.text_title == "Loi n° 2004-1 du 2 janvier 2004 relative à l'accueil");
  CHECK(l.article_number == "");
  Link partial = parse_link_entry("Décret n°2015-1 du 2 janvier 2015, artisanat");
  CHECK(partial.text_title == "Décret n°2015-1 du 2 janvier 2015, artisanat");
  CHECK(partial.article_number == "");
}

TEST_CASE("a TYPE: prefix becomes the link type", "[links]") {
  Link t = parse_link_entry("TRANSFERE: Décret n°2017-864 du 9 mai 2017 - art. 1");
  CHECK(t.link_type == "TRANSFERE");
  CHECK(t.text == "Décret n°2017-864 du 9 mai 2017 - art. 1");
  CHECK(t.text_title == "Décret n°2017-864 du 9 mai 2017");
  CHECK(t.article_number == "1");
  CHECK(parse_link_entry("MODIFIE: Loi n°2015-990 - art. 5").link_type == "MODIFIE");
  CHECK(parse_link_entry("CITATION : Code civil - art. 1240").link_type == "CITATION");
  CHECK(parse_link_entry("ABROGATION:Loi n°1 - art. 2").link_type == "ABROGATION");
  CHECK(parse_link_entry("CODIFICATION_PARTIELLE: Loi n°1").link_type == "CODIFICATION_PARTIELLE");
  CHECK(parse_link_entry("MODIFIE MORT NE: Loi n°1").link_type == "MODIFIE MORT NE");
}

TEST_CASE("capitals without a colon, or a one-letter word, are not a type", "[links]") {
  Link loi = parse_link_entry("LOI n°2004-1 du 2 janvier 2004 - art. 3");
  CHECK(loi.link_type == "");
  CHECK(loi.text_title == "LOI n°2004-1 du 2 janvier 2004");
  CHECK(parse_link_entry("L: quelque chose").link_type == "");
  CHECK(parse_link_entry("Code civil: article 1240").link_type == "");
}

TEST_CASE("a trailing status mark is taken without its parentheses", "[links]") {
  for (const char* mark : {"V", "VT", "Ab", "M", "T", "VD", "Mmn"}) {
    Link l = parse_link_entry(std::string("Code de la sécurité sociale. - art. R133-2-10 (") +
                              mark + ")");
    CHECK(l.status_mark == mark);
    CHECK(l.article_number == "R133-2-10");
    CHECK(l.text == "Code de la sécurité sociale. - art. R133-2-10");
  }
  Link typed = parse_link_entry("TRANSFERE: Décret n°2017-864 du 9 mai 2017 - art. 1 (VT)");
  CHECK(typed.link_type == "TRANSFERE");
  CHECK(typed.status_mark == "VT");
  CHECK(typed.article_number == "1");
}

TEST_CASE("parentheses that are not a status mark stay in the text", "[links]") {
  CHECK(parse_link_entry("Loi n°1 (1)").status_mark == "");
  CHECK(parse_link_entry("Loi n°1 (ab)").status_mark == "");
  CHECK(parse_link_entry("Loi n°1 (JO du 3 mai)").status_mark == "");
  CHECK(parse_link_entry("Loi n°1(V)").status_mark == "");
  CHECK(parse_link_entry("Loi n°1 (JO du 3 mai)").text_title == "Loi n°1 (JO du 3 mai)");
}

TEST_CASE("a Markdown link entry keeps its text and takes the id in its URL", "[links]") {
  Link l = parse_link_entry(
      "[Décret n°2013-597 du 8 juillet 2013 - art. 1]"
      "(https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000027712014) (V)");
  CHECK(l.text == "Décret n°2013-597 du 8 juillet 2013 - art. 1");
  CHECK(l.text_title == "Décret n°2013-597 du 8 juillet 2013");
  CHECK(l.article_number == "1");
  CHECK(l.status_mark == "V");
  CHECK(l.target_id == "JORFARTI000027712014");

  Link text = parse_link_entry(
      "MODIFIE: [Loi n°2015-990 du 6 août 2015](https://www.legifrance.gouv.fr/loda/id/"
      "JORFTEXT000030978561 \"titre\") - art. 5");
  CHECK(text.link_type == "MODIFIE");
  CHECK(text.text_title == "Loi n°2015-990 du 6 août 2015");
  CHECK(text.article_number == "5");
  CHECK(text.target_id == "JORFTEXT000030978561");
}

TEST_CASE("an HTML anchor entry keeps its text, prefers the article id of its URL", "[links]") {
  Link l = parse_link_entry(
      "<a href=\"/affichCodeArticle.do?cidTexte=LEGITEXT000006073189&amp;idArticle="
      "LEGIARTI000006740095\" title=\"x\">Code de la s&eacute;curit&eacute; sociale. - "
      "art.&nbsp;L133-6 (V)</a>");
  CHECK(l.text == "Code de la sécurité sociale. - art. L133-6");
  CHECK(l.text_title == "Code de la sécurité sociale");
  CHECK(l.article_number == "L133-6");
  CHECK(l.status_mark == "V");
  CHECK(l.target_id == "LEGIARTI000006740095");

  Link text_only = parse_link_entry(
      "<A HREF='https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189'><b>Code de la "
      "sécurité sociale</b></A>");
  CHECK(text_only.text_title == "Code de la sécurité sociale");
  CHECK(text_only.target_id == "LEGITEXT000006073189");
}

TEST_CASE("an id in the text itself, outside any URL, is not a target", "[links]") {
  CHECK(parse_link_entry("Décret LEGIARTI000006740095 - art. 1").target_id == "");
  CHECK(parse_link_entry("[x](https://example.org/LEGIARTI0000067400951)").target_id == "");
}

}  // namespace link_entry_test
