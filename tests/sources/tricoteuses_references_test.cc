#include "sources/tricoteuses_references.h"

#include <catch2/catch.hpp>

#include "sources/source_text.h"

namespace legisite::tricoteuses_references_test {

namespace {

std::vector<Link> read(const std::string& text, std::string& reported) {
  SourceText source("titre_ii/article_11.md", text);
  Diagnostics diagnostics;
  std::vector<Link> links =
      read_tricoteuses_references(source, find_details_block(source, 1), diagnostics);
  reported = format_all(diagnostics);
  return links;
}

// The block as article 11 of the Constitution (tricoteuses-constitution.bundle, commit ee0a8f4)
// writes it, cut to one item per list.
const std::string kArticle11 =
    "Texte.\n"
    "\n"
    "<details>\n"
    "  <summary><h2>Références</h2></summary>\n"
    "\n"
    "  ### Articles faisant référence à l'article\n"
    "  \n"
    "  <ul>\n"
    "    <li>\n"
    "      <a href=\"https://legal.tricoteuses.fr//redirection/"
    "LEGIARTI000019238745?vers=git&vers=legifrance\">Loi constitutionnelle n° 2008-724 du 23 "
    "juillet 2008 de modernisation des institutions de la Ve République - article 4 "
    "ENTIEREMENT_MODIF</a> MODIFIE source\n"
    "    </li>\n"
    "  </ul>\n"
    "  \n"
    "  ### Références faites par l'article\n"
    "  \n"
    "  <ul>\n"
    "    <li>\n"
    "      1958-10-04 CITATION cible <a href=\"https://legal.tricoteuses.fr//redirection/"
    "LEGIARTI000006527548?vers=git&vers=legifrance\">Constitution du 4 octobre 1958 - article 60 "
    "AUTONOME VIGUEUR, en vigueur depuis le 2005-03-02</a>\n"
    "    </li>\n"
    "    <li>\n"
    "      2008-07-23 MODIFIE cible <a href=\"https://legal.tricoteuses.fr//redirection/"
    "LEGIARTI000019238745?vers=git&vers=legifrance\">Loi constitutionnelle n° 2008-724 du 23 "
    "juillet 2008 de modernisation des institutions de la Ve République - article 4 "
    "ENTIEREMENT_MODIF</a>\n"
    "    </li>\n"
    "  </ul>\n"
    "</details>\n"
    "\n"
    "<details>\n"
    "  <summary><h2>Autres formats</h2></summary>\n"
    "\n"
    "* [Légifrance](https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006071194/)\n"
    "</details>\n";

}  // namespace

TEST_CASE("a Tricoteuses Références block is read as links, each seen from the article",
          "[tricoteuses]") {
  std::string reported;
  std::vector<Link> links = read(kArticle11, reported);
  CHECK(reported == "");
  REQUIRE(links.size() == 2);
  // The amendment is listed from both sides: kept once, with the date of the article's own list.
  CHECK(links[0].group == LinkGroup::kModifiedBy);
  CHECK(links[0].link_type == "MODIFIE");
  CHECK(links[0].direction == "cible");
  CHECK(links[0].date == *Date::parse("2008-07-23"));
  CHECK(links[0].target_id == "LEGIARTI000019238745");
  CHECK(links[0].text_title ==
        "Loi constitutionnelle n° 2008-724 du 23 juillet 2008 de modernisation des institutions "
        "de la Ve République");
  CHECK(links[0].article_number == "4");
  CHECK(links[0].where.line == 10);
  CHECK(links[1].group == LinkGroup::kCitedBy);
  CHECK(links[1].link_type == "CITATION");
  CHECK(links[1].text_title == "Constitution du 4 octobre 1958");
  CHECK(links[1].article_number == "60");
  CHECK(links[1].status_mark == "V");
  CHECK(links[1].date == *Date::parse("1958-10-04"));
}

TEST_CASE("every LEGI link type of a Références block maps to its group by direction",
          "[tricoteuses]") {
  struct Case {
    const char* type;
    const char* direction;
    LinkGroup group;
  };
  // Directions as seen from the article (its own list), checked on the Constitution's files.
  const Case cases[] = {
      {"CITATION", "source", LinkGroup::kCites},
      {"CITATION", "cible", LinkGroup::kCitedBy},
      {"MODIFIE", "cible", LinkGroup::kModifiedBy},
      {"MODIFIE", "source", LinkGroup::kLinks},
      {"MODIFICATION", "source", LinkGroup::kModifiedBy},
      {"MODIFICATION", "cible", LinkGroup::kLinks},
      {"CREE", "cible", LinkGroup::kCreatedBy},
      {"CREATION", "source", LinkGroup::kCreatedBy},
      {"ABROGE", "cible", LinkGroup::kAbrogatedBy},
      {"ABROGATION", "source", LinkGroup::kAbrogatedBy},
      {"CODIFIE", "cible", LinkGroup::kCodifiedBy},
      {"CODIFICATION", "source", LinkGroup::kCodifiedBy},
      {"TRANSFERE", "cible", LinkGroup::kTransferredBy},
      {"TRANSFERT", "source", LinkGroup::kTransferredBy},
      {"RATIFIE", "cible", LinkGroup::kRatifiedBy},
      {"CONCORDANCE", "source", LinkGroup::kNewTexts},
      {"CONCORDANCE", "cible", LinkGroup::kOldTexts},
      {"DEPLACE", "source", LinkGroup::kLinks},
      {"SPEC_APPLI", "source", LinkGroup::kLinks},
      {"TXT_ASSOCIE", "cible", LinkGroup::kLinks},
      {"PILOTE_SUIVEUR", "source", LinkGroup::kLinks},
      {"APPLICATION", "source", LinkGroup::kLinks},
  };
  for (const Case& c : cases) {
    INFO(c.type << " " << c.direction);
    CHECK(tricoteuses_link_group(c.type, c.direction) == c.group);
    // The same link in a "… faisant référence à l'article" list is written from the other side.
    std::string other = c.direction == std::string("source") ? "cible" : "source";
    std::string text = std::string("<details>\n<summary><h2>Références</h2></summary>\n") +
                       "### Articles faisant référence à l'article\n<ul>\n<li>\n<a href=\"x\">Loi "
                       "- article 1</a> " +
                       c.type + " " + other + "\n</li>\n</ul>\n</details>\n";
    std::string reported;
    std::vector<Link> links = read(text, reported);
    REQUIRE(links.size() == 1);
    CHECK(links[0].group == c.group);
    CHECK(links[0].direction == c.direction);
  }
}

TEST_CASE("a Références item without a type is reported with its line and skipped",
          "[tricoteuses]") {
  std::string reported;
  std::vector<Link> links = read(
      "<details>\n<summary><h2>Références</h2></summary>\n<ul>\n<li>\n  une ligne sans type\n"
      "</li>\n<li>\nSPEC_APPLI source Constitution 1946-10-27 préambule\n</li>\n</ul>\n"
      "</details>\n",
      reported);
  CHECK(reported ==
        "titre_ii/article_11.md:5:3: warning: reference without a link type (CITATION, MODIFIE, "
        "…); ignored\n"
        "      une ligne sans type\n"
        "      ^\n");
  REQUIRE(links.size() == 1);
  CHECK(links[0].link_type == "SPEC_APPLI");
  CHECK(links[0].text == "Constitution 1946-10-27 préambule");
}

}  // namespace legisite::tricoteuses_references_test
