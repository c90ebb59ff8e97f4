#include "sources/front_matter.h"

#include <catch2/catch.hpp>

#include "sources/source_text.h"

namespace front_matter_test {

using namespace legisite;

namespace {

/// Parses `text` as the front matter of `file`; returns what was reported, formatted.
std::string parse(std::string_view text, FrontMatter& out, bool& ok,
                  FrontMatterKind kind = FrontMatterKind::kArticle,
                  const std::string& file = "code/Livre 1/R1.md") {
  SourceText source(file, text);
  Diagnostics diagnostics;
  ok = parse_front_matter(source, kind, out, diagnostics);
  return format_all(diagnostics);
}

}  // namespace

TEST_CASE("keys are matched ignoring case, accents, spaces and underscores", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  std::string reported = parse(
      "---\n"
      "État: VIGUEUR\n"
      "date_debut: 2013-07-08\n"
      "DATE DE FIN: \"2999-01-01\"\n"
      "Identifiant: LEGIARTI000027713475   # the version\n"
      "cid: 'LEGIARTI000006173520'\n"
      "code: Code de la sécurité sociale\n"
      "num: R133-19\n"
      "nota: Voir l'article 3.\n"
      "---\n"
      "# Article R133-19\n",
      fm, ok);
  CHECK(ok);
  CHECK(reported == "");
  CHECK(fm.present);
  CHECK(fm.body_line == 11);
  CHECK(fm.status == ArticleStatus::kVigueur);
  CHECK(fm.start == Date::from_ymd(2013, 7, 8));
  CHECK(fm.end == Date::no_end());
  CHECK(fm.id == "LEGIARTI000027713475");
  CHECK(fm.cid == "LEGIARTI000006173520");
  CHECK(fm.code == "Code de la sécurité sociale");
  CHECK(fm.num == "R133-19");
  CHECK(fm.num_line == 8);
  CHECK(fm.num_column == 6);
  CHECK(fm.nota == "Voir l'article 3.");
}

TEST_CASE("French état labels and spelled-out keys are understood", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  parse("---\netat: abrogé\nDate de début: 2005-08-12\nDate-de-fin: 2013-07-08\n---\n", fm, ok);
  CHECK(ok);
  CHECK(fm.status == ArticleStatus::kAbroge);
  CHECK(fm.start == Date::from_ymd(2005, 8, 12));
  CHECK(fm.end == Date::from_ymd(2013, 7, 8));
}

TEST_CASE("a file that does not start with --- has no front matter", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("# Article R133-19\n---\nÉtat: VIGUEUR\n---\n", fm, ok) == "");
  CHECK(ok);
  CHECK_FALSE(fm.present);
  CHECK(fm.body_line == 1);
  CHECK_FALSE(fm.status.has_value());
}

TEST_CASE("CR LF line ends, a byte order mark and trailing spaces are accepted", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("\xEF\xBB\xBF---  \r\nÉtat: VIGUEUR  \r\nnum: L133-6\t\r\n---\r\nText\r\n", fm, ok) ==
        "");
  CHECK(ok);
  CHECK(fm.status == ArticleStatus::kVigueur);
  CHECK(fm.num == "L133-6");
  CHECK(fm.body_line == 5);
}

TEST_CASE("comments, blank lines, quoted values and continued values are read", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  std::string reported = parse(
      "---\n"
      "# exported by a script\n"
      "\n"
      "code: \"Code de la \\\"sécurité\\\" sociale\"  # quoted\n"
      "cid: 'l''article'\n"
      "nota: Une note\n"
      "  sur deux lignes\n"
      "num: \"A # B\"\n"
      "---\n",
      fm, ok);
  CHECK(reported == "");
  CHECK(ok);
  CHECK(fm.code == "Code de la \"sécurité\" sociale");
  CHECK(fm.cid == "l'article");
  CHECK(fm.nota == "Une note sur deux lignes");
  CHECK(fm.num == "A # B");
}

TEST_CASE("block values keep or fold their lines", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  parse("---\nnota: |\n  Ligne 1\n\n  Ligne 2\ncode: >-\n  Code de la\n  sécurité sociale\n---\n",
        fm, ok);
  CHECK(ok);
  CHECK(fm.nota == "Ligne 1\n\nLigne 2");
  CHECK(fm.code == "Code de la sécurité sociale");
}

TEST_CASE("an _index.md gives a title, an id and an order", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("---\ntitle: Partie législative\nid: LEGISCTA000006132280\norder: -2\n---\n", fm, ok,
              FrontMatterKind::kIndex, "code/Partie/_index.md") == "");
  CHECK(ok);
  CHECK(fm.title == "Partie législative");
  CHECK(fm.id == "LEGISCTA000006132280");
  CHECK(fm.order == -2);
}

TEST_CASE("an unknown key is warned about, with a suggestion, and ignored", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("---\nEtatt: VIGUEUR\nAuteur: DILA\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:2:1: warning: unknown front matter key 'Etatt'; ignored\n"
        "    Etatt: VIGUEUR\n"
        "    ^\n"
        "  note: did you mean 'État'?\n"
        "  note: known keys here: État, Date de début, Date de fin, Identifiant, cid, code, num, "
        "nota, Nature, Type\n"
        "code/Livre 1/R1.md:3:1: warning: unknown front matter key 'Auteur'; ignored\n"
        "    Auteur: DILA\n"
        "    ^\n"
        "  note: known keys here: État, Date de début, Date de fin, Identifiant, cid, code, num, "
        "nota, Nature, Type\n");
  CHECK(ok);
  CHECK_FALSE(fm.status.has_value());
}

TEST_CASE("article keys in an _index.md are unknown there", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("---\ntitle: Livre 1\nnota: x\n---\n", fm, ok, FrontMatterKind::kIndex,
              "code/Livre 1/_index.md") ==
        "code/Livre 1/_index.md:3:1: warning: unknown front matter key 'nota'; ignored\n"
        "    nota: x\n"
        "    ^\n"
        "  note: known keys here: title, id, order, Nature, Type\n");
  CHECK(ok);
}

TEST_CASE("a key given twice is warned about and the last value wins", "[front_matter]") {
  FrontMatter fm;
  bool ok = false;
  CHECK(parse("---\nnum: 1\nNum: 2\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:3:1: warning: front matter key 'Num' given twice; the last one is "
        "used\n"
        "    Num: 2\n"
        "    ^\n");
  CHECK(fm.num == "2");
}

TEST_CASE("a line that is not 'key: value' is an error at its line and column", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\nÉtat: VIGUEUR\nceci n'est pas une clé\n: sans clé\n  indenté\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:3:1: error: expected 'key: value' in front matter\n"
        "    ceci n'est pas une clé\n"
        "    ^\n"
        "code/Livre 1/R1.md:4:1: error: expected 'key: value' in front matter\n"
        "    : sans clé\n"
        "    ^\n"
        "code/Livre 1/R1.md:5:3: error: expected 'key: value' in front matter\n"
        "      indenté\n"
        "      ^\n");
  CHECK_FALSE(ok);
  CHECK(fm.status == ArticleStatus::kVigueur);
}

TEST_CASE("an indented line with nothing to continue is an error", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\n  indenté\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:2:3: error: expected 'key: value' in front matter\n"
        "      indenté\n"
        "      ^\n");
  CHECK_FALSE(ok);
}

TEST_CASE("front matter without its closing line is an error at its opening", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\nÉtat: VIGUEUR\n# Article R133-19\n\nTexte.\n", fm, ok) ==
        "code/Livre 1/R1.md:1:1: error: unterminated front matter: no closing '---' line\n"
        "    ---\n"
        "    ^\n");
  CHECK_FALSE(ok);
}

TEST_CASE("a date that is not YYYY-MM-DD is an error pointing at the value", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\nDate de début: 08/07/2013\nDate de fin: \"2013-02-30\"\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:2:16: error: invalid date '08/07/2013' for 'Date de début': expected "
        "YYYY-MM-DD\n"
        "    Date de début: 08/07/2013\n"
        "                   ^\n"
        "code/Livre 1/R1.md:3:15: error: invalid date '2013-02-30' for 'Date de fin': expected "
        "YYYY-MM-DD\n"
        "    Date de fin: \"2013-02-30\"\n"
        "                  ^\n");
  CHECK_FALSE(ok);
}

TEST_CASE("an unknown état is an error that lists the known ones", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\nÉtat: VIGUER\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:2:7: error: unknown état 'VIGUER'\n"
        "    État: VIGUER\n"
        "          ^\n"
        "  note: did you mean 'VIGUEUR'?\n"
        "  note: known values: VIGUEUR, VIGUEUR_DIFF, ABROGE, ABROGE_DIFF, MODIFIE, "
        "MODIFIE_MORT_NE, TRANSFERE, PERIME, ANNULE, DISJOINT, DEPLACE, or French labels such as "
        "'en vigueur'\n");
  CHECK_FALSE(ok);
}

TEST_CASE("an order that is not a whole number is an error", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\norder: deux\n---\n", fm, ok, FrontMatterKind::kIndex, "c/_index.md") ==
        "c/_index.md:2:8: error: invalid order 'deux': expected a whole number\n"
        "    order: deux\n"
        "           ^\n");
  CHECK_FALSE(ok);
}

TEST_CASE("an unterminated quoted value is an error", "[front_matter]") {
  FrontMatter fm;
  bool ok = true;
  CHECK(parse("---\ncode: \"Code civil\n---\n", fm, ok) ==
        "code/Livre 1/R1.md:2:7: error: unterminated quoted value\n"
        "    code: \"Code civil\n"
        "          ^\n");
  CHECK_FALSE(ok);
}

}  // namespace front_matter_test
