// The DILA LEGI XML reader: every element and attribute from strings, the five real files of
// ../shared/corpus/legi-xml, the exact diagnostics for broken input, and the tree loader
// (identity of an article across shuffled files, order from STRUCTURE_TA).

#include "sources/legi_xml.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/file_system.h"
#include "model/model.h"
#include "sources/legi_loader.h"
#include "support/environment.h"

namespace legi_xml_test {

using namespace legisite;

namespace {

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// A small but complete ARTICLE: every element the reader knows, each once.
const std::string kArticle = R"(<?xml version="1.0" encoding="UTF-8"?>
<ARTICLE>
<META>
<META_COMMUN>
<ID>LEGIARTI000000000002</ID>
<ANCIEN_ID>ABCXXXX</ANCIEN_ID>
<ORIGINE>LEGI</ORIGINE>
<NATURE>Article</NATURE>
</META_COMMUN>
<META_SPEC>
<META_ARTICLE>
<NUM>L. 133-6</NUM>
<ETAT>VIGUEUR</ETAT>
<DATE_DEBUT>2010-01-01</DATE_DEBUT>
<DATE_FIN>2999-01-01</DATE_FIN>
<TYPE>ENTIEREMENT_MODIF</TYPE>
</META_ARTICLE>
</META_SPEC>
</META>
<CONTEXTE>
<TEXTE cid="LEGITEXT000000000001" nature="CODE">
<TITRE_TXT c_titre_court="Code de test" debut="1950-01-01" fin="2999-01-01" id_txt="LEGITEXT000000000001">Code de test</TITRE_TXT>
<TM>
<TITRE_TM debut="1950-01-01" fin="2999-01-01" id="LEGISCTA000000000010">Livre I</TITRE_TM>
<TM>
<TITRE_TM debut="1950-01-01" fin="2005-01-01" id="LEGISCTA000000000011">Titre 1 : ancien titre</TITRE_TM>
<TITRE_TM debut="2005-01-01" fin="2999-01-01" id="LEGISCTA000000000011">Titre 1 : nouveau titre</TITRE_TM>
</TM>
</TM>
</TEXTE>
</CONTEXTE>
<VERSIONS>
<VERSION etat="VIGUEUR">
<LIEN_ART debut="2010-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGIARTI000000000002" num="L133-6" origine="LEGI"/>
</VERSION>
<VERSION etat="MODIFIE">
<LIEN_ART debut="1990-01-01" etat="MODIFIE" fin="2010-01-01" id="LEGIARTI000000000009" num="L133-6" origine="LEGI"/>
</VERSION>
</VERSIONS>
<NOTA>
<CONTENU><p>Voir la <i>note</i>.</p></CONTENU>
</NOTA>
<BLOC_TEXTUEL>
<CONTENU>
<p>Premier alinéa ; <b>gras</b> <i>italique</i><br/>suite.</p>
<table><tr><th>A</th><td colspan="2">B</td></tr></table>
<ul><li>un</li></ul>
<script>alert(1)</script><font color="red">rouge</font>
</CONTENU>
</BLOC_TEXTUEL>
<LIENS>
<LIEN cidtexte="JORFTEXT000000000100" datesignatexte="2009-12-24" id="LEGIARTI000000000101" naturetexte="LOI" nortexte="" num="12" numtexte="2009-1646" sens="source" typelien="MODIFICATION">LOI n°2009-1646 du 24 décembre 2009 - art. 12 (V)</LIEN>
<LIEN cidtexte="LEGITEXT000000000001" datesignatexte="2999-01-01" id="LEGIARTI000000000102" naturetexte="CODE" nortexte="" num="L133-7" numtexte="" sens="cible" typelien="CITATION">Code de test - art. L133-7 (V)</LIEN>
<LIEN cidtexte="JORFTEXT000000000103" datesignatexte="" id="" naturetexte="DECRET" nortexte="" num="" numtexte="52-751" sens="source" typelien="CODIFICATION"></LIEN>
</LIENS>
</ARTICLE>
)";

LegiArticle parse_article(const std::string& xml, Diagnostics& diagnostics) {
  auto article = parse_legi_article(xml, "a.xml", diagnostics);
  REQUIRE(article);
  return std::move(*article);
}

std::string report_of(const std::string& xml, const std::string& file = "a.xml") {
  Diagnostics diagnostics;
  parse_legi_document(xml, file, diagnostics);
  return format_all(diagnostics);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kRealDir = LEGISITE_SHARED_DIR "/corpus/legi-xml/";

bool have_real_files() {
  if (std::filesystem::is_directory(kRealDir)) return true;
  legisite::testing::skip_because_missing(kRealDir + " (real LEGI XML files)");
  return false;
}

}  // namespace

// --- ARTICLE, element by element --------------------------------------------------------------

TEST_CASE("META_COMMUN and META_ARTICLE give the version's id, number, state, dates and type",
          "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a = parse_article(kArticle, diagnostics);
  CHECK(format_all(diagnostics) == "");
  const Version& v = a.record.version;
  CHECK(v.id == "LEGIARTI000000000002");
  CHECK(a.ancien_id == "ABCXXXX");
  CHECK(a.nature == "Article");
  CHECK(a.type == "ENTIEREMENT_MODIF");
  CHECK(a.record.number.text() == "L133-6");  // "L. 133-6" normalised
  CHECK(v.status == ArticleStatus::kVigueur);
  CHECK(v.start == Date::from_ymd(2010, 1, 1));
  CHECK(v.end.is_no_end());
  CHECK(v.format == SourceFormat::kLegiXml);
  CHECK(v.origin.file == "a.xml");
  CHECK(v.origin.line == 2);
  CHECK(v.origin.column == 1);
}

TEST_CASE("the deferred sentinel 2222-02-22 is a valid date", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<DATE_DEBUT>2010-01-01</DATE_DEBUT>",
                     "<DATE_DEBUT>2222-02-22</DATE_DEBUT>");
  xml = replace(xml, "<ETAT>VIGUEUR</ETAT>", "<ETAT>VIGUEUR_DIFF</ETAT>");
  LegiArticle a = parse_article(xml, diagnostics);
  CHECK(format_all(diagnostics) == "");
  CHECK(a.record.version.start.is_deferred());
  CHECK(a.record.version.status == ArticleStatus::kVigueurDiff);
}

TEST_CASE("CONTEXTE gives the code and the section path, titles as they read on the version's date",
          "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a = parse_article(kArticle, diagnostics);
  CHECK(a.record.code_legi_id == "LEGITEXT000000000001");
  CHECK(a.record.code_title == "Code de test");
  REQUIRE(a.record.section_path.size() == 2);
  CHECK(a.record.section_path[0].title == "Livre I");
  CHECK(a.record.section_path[0].legi_id == "LEGISCTA000000000010");
  CHECK(a.record.section_path[0].order == -1);  // only the loader knows positions
  CHECK(a.record.section_path[1].title == "Titre 1 : nouveau titre");
  CHECK(a.record.section_path[1].legi_id == "LEGISCTA000000000011");

  auto old = replace(kArticle, "<DATE_DEBUT>2010-01-01</DATE_DEBUT>",
                     "<DATE_DEBUT>1995-03-01</DATE_DEBUT>");
  LegiArticle o = parse_article(old, diagnostics);
  CHECK(o.record.section_path[1].title == "Titre 1 : ancien titre");
}

TEST_CASE("a code title falls back to c_titre_court, then to the text's id", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, ">Code de test</TITRE_TXT>", "></TITRE_TXT>");
  CHECK(parse_article(xml, diagnostics).record.code_title == "Code de test");
  xml = replace(xml, "c_titre_court=\"Code de test\" ", "");
  xml = replace(xml, "id_txt=\"LEGITEXT000000000001\"", "");
  CHECK(parse_article(xml, diagnostics).record.code_title == "LEGITEXT000000000001");
  CHECK(format_all(diagnostics) == "");
}

TEST_CASE("VERSIONS/VERSION/LIEN_ART are read in document order with every attribute",
          "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a = parse_article(kArticle, diagnostics);
  REQUIRE(a.versions.size() == 2);
  const LegiEntry& first = a.versions[0];
  CHECK(first.kind == LegiEntry::Kind::kArticle);
  CHECK(first.id == "LEGIARTI000000000002");
  CHECK(first.number == "L133-6");
  CHECK(first.state == "VIGUEUR");
  CHECK(first.start == Date::from_ymd(2010, 1, 1));
  CHECK(first.end.is_no_end());
  CHECK(first.origin == "LEGI");
  CHECK(first.where.line == 34);
  const LegiEntry& second = a.versions[1];
  CHECK(second.id == "LEGIARTI000000000009");
  CHECK(second.state == "MODIFIE");
  CHECK(second.start == Date::from_ymd(1990, 1, 1));
  CHECK(second.end == Date::from_ymd(2010, 1, 1));
}

TEST_CASE("an article's identity is its earliest version, whatever the order of VERSIONS",
          "[legi-xml]") {
  Diagnostics diagnostics;
  CHECK(parse_article(kArticle, diagnostics).record.cid == "LEGIARTI000000000009");
  // VERSION@etat stands in for a LIEN_ART without etat.
  auto xml = replace(kArticle, "etat=\"MODIFIE\" fin=\"2010-01-01\"", "fin=\"2010-01-01\"");
  CHECK(parse_article(xml, diagnostics).versions[1].state == "MODIFIE");
  // Without VERSIONS, the file's own version is the identity.
  auto alone = replace(kArticle, "<VERSIONS>", "<VERSIONS_IGNOREES>");
  alone = replace(alone, "</VERSIONS>", "</VERSIONS_IGNOREES>");
  CHECK(parse_article(alone, diagnostics).record.cid == "LEGIARTI000000000002");
}

TEST_CASE(
    "BLOC_TEXTUEL/CONTENU keeps paragraphs, breaks, tables, lists and emphasis, and nothing "
    "unsafe",
    "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a = parse_article(kArticle, diagnostics);
  const Version& v = a.record.version;
  CHECK(v.has_text);
  CHECK(v.text_html.find("<p>Premier alinéa ; <strong>gras</strong> <em>italique</em><br") !=
        std::string::npos);
  CHECK(v.text_html.find("<table>") != std::string::npos);
  CHECK(v.text_html.find("<th>A</th>") != std::string::npos);
  CHECK(v.text_html.find("<td colspan=\"2\">B</td>") != std::string::npos);
  CHECK(v.text_html.find("<ul><li>un</li></ul>") != std::string::npos);
  CHECK(v.text_html.find("rouge") != std::string::npos);
  CHECK(v.text_html.find("font") == std::string::npos);
  CHECK(v.text_html.find("alert") == std::string::npos);
  CHECK(v.text_html.find("script") == std::string::npos);
}

TEST_CASE("an empty CONTENU is a version without text", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<BLOC_TEXTUEL>", "<BLOC_TEXTUEL><CONTENU> <br/> </CONTENU>");
  xml = replace(xml, "<CONTENU>\n<p>Premier", "<AUTRE>\n<p>Premier");
  xml = replace(xml, "</CONTENU>\n</BLOC_TEXTUEL>", "</AUTRE>\n</BLOC_TEXTUEL>");
  LegiArticle a = parse_article(xml, diagnostics);
  const Version& v = a.record.version;
  CHECK_FALSE(v.has_text);
  CHECK(v.text_html == "");
}

TEST_CASE("an empty element of CONTENU stays empty: the words after it keep their place",
          "[legi-xml]") {
  // Written `<sup/>` by an XML printer, an empty element would open one in HTML.
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<p>Premier alinéa ;",
                     "<p>Le 1<sup></sup> puis <a href=\"#x\"></a>suite<br/>fin ; "
                     "<b/>hors gras.</p><p>Premier alinéa ;");
  const std::string html = parse_article(xml, diagnostics).record.version.text_html;
  INFO(html);
  CHECK(html.find("<p>Le 1<sup></sup> puis <a href=\"#x\"></a>suite<br />fin ; "
                  "<strong></strong>hors gras.</p>") == 0);
}

// DILA's CONTENU links as Légifrance does, root-relative: L574-5 of the CRPA
// (../shared/corpus/legifrance-json/crpa-2026-03-14.json, whose text LEGI carries alike) links
// "loi n° 2016-1321 du 7 octobre 2016" to /affichTexte.do?cidTexte=JORFTEXT000033202746.
TEST_CASE("CONTENU's root-relative links lead to Légifrance, other links are left alone",
          "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<p>Premier alinéa ;",
                     "<p>Résultant de la <a href=\"/affichTexte.do?cidTexte=JORFTEXT000033202746"
                     "&amp;categorieLien=cid\">loi n° 2016-1321 du 7 octobre 2016</a>, <a "
                     "href=\"https://example.org/x\">x</a>, <a href=\"#z\">z</a>.</p>"
                     "<p>Premier alinéa ;");
  const std::string html = parse_article(xml, diagnostics).record.version.text_html;
  INFO(html);
  CHECK(html.find("<p>Résultant de la <a href=\"https://www.legifrance.gouv.fr/affichTexte.do?"
                  "cidTexte=JORFTEXT000033202746&amp;categorieLien=cid\">loi n° 2016-1321 du 7 "
                  "octobre 2016</a>, <a href=\"https://example.org/x\">x</a>, <a "
                  "href=\"#z\">z</a>.</p>") == 0);
  CHECK(html.find("href=\"/") == std::string::npos);
}

TEST_CASE("NOTA/CONTENU is sanitised HTML", "[legi-xml]") {
  Diagnostics diagnostics;
  CHECK(parse_article(kArticle, diagnostics).record.version.nota_html ==
        "<p>Voir la <em>note</em>.</p>");
}

TEST_CASE("LIENS/LIEN become links with every attribute and the label split", "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a = parse_article(kArticle, diagnostics);
  const auto& links = a.record.version.links;
  REQUIRE(links.size() == 3);

  const Link& modified = links[0];
  CHECK(modified.group == LinkGroup::kModifiedBy);
  CHECK(modified.label == "Modifié par");
  CHECK(modified.link_type == "MODIFICATION");
  CHECK(modified.direction == "source");
  CHECK(modified.text == "LOI n°2009-1646 du 24 décembre 2009 - art. 12");
  CHECK(modified.text_title == "LOI n°2009-1646 du 24 décembre 2009");
  CHECK(modified.article_number == "12");
  CHECK(modified.status_mark == "V");
  CHECK(modified.target_id == "LEGIARTI000000000101");
  CHECK(modified.date == Date::from_ymd(2009, 12, 24));
  CHECK(modified.where.file == "a.xml");
  CHECK(modified.where.line == 52);
  CHECK(modified.where.column == 1);

  const Link& cited = links[1];
  CHECK(cited.group == LinkGroup::kCitedBy);
  CHECK(cited.direction == "cible");
  CHECK(cited.text_title == "Code de test");
  CHECK(cited.article_number == "L133-7");
  CHECK(cited.target_id == "LEGIARTI000000000102");
  CHECK_FALSE(cited.date.known());  // 2999-01-01: codes have no signature date
  CHECK(cited.names_code());

  // No label, no id: the text is named from naturetexte and numtexte, the target from cidtexte.
  const Link& codified = links[2];
  CHECK(codified.group == LinkGroup::kCodifiedBy);
  CHECK(codified.text == "DECRET 52-751");
  CHECK(codified.text_title == "DECRET 52-751");
  CHECK(codified.article_number == "");
  CHECK(codified.status_mark == "");
  CHECK(codified.target_id == "JORFTEXT000000000103");
  CHECK_FALSE(codified.date.known());
  CHECK(format_all(diagnostics) == "");
}

// The first LIEN of kArticle, its label (@num="12") replaced by `label`.
Link first_lien_labelled(const std::string& label) {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "LOI n°2009-1646 du 24 décembre 2009 - art. 12 (V)", label);
  LegiArticle a = parse_article(xml, diagnostics);
  CHECK(format_all(diagnostics) == "");
  return a.record.version.links.at(0);
}

TEST_CASE("a parenthesised remark in a LIEN label is not a status mark", "[legi-xml]") {
  const Link link = first_lien_labelled("Loi 58-346 1958-04-03 (validation)");
  CHECK(link.status_mark == "");
  CHECK(link.text_title == "Loi 58-346 1958-04-03 (validation)");
  CHECK(link.article_number == "12");  // from @num
}

TEST_CASE("a LIEN label ending with a bare ' - art.' names the article of @num", "[legi-xml]") {
  const Link link = first_lien_labelled("LOI n°2009-1646 du 24 décembre 2009 - art. (V)");
  CHECK(link.text == "LOI n°2009-1646 du 24 décembre 2009 - art. 12");
  CHECK(link.text_title == "LOI n°2009-1646 du 24 décembre 2009");
  CHECK(link.status_mark == "V");
}

TEST_CASE("typelien and sens choose the link group, sens means different things per type",
          "[legi-xml]") {
  CHECK(legi_link_group("CITATION", "source") == LinkGroup::kCites);
  CHECK(legi_link_group("CITATION", "cible") == LinkGroup::kCitedBy);
  CHECK(legi_link_group("CREATION", "source") == LinkGroup::kCreatedBy);
  CHECK(legi_link_group("MODIFICATION", "source") == LinkGroup::kModifiedBy);
  CHECK(legi_link_group("ABROGATION", "source") == LinkGroup::kAbrogatedBy);
  CHECK(legi_link_group("CODIFICATION", "source") == LinkGroup::kCodifiedBy);
  CHECK(legi_link_group("RATIFICATION", "source") == LinkGroup::kRatifiedBy);
  CHECK(legi_link_group("TRANSFERE", "source") == LinkGroup::kTransferredBy);
  CHECK(legi_link_group("CONCORDE", "source") == LinkGroup::kNewTexts);
  CHECK(legi_link_group("CONCORDANCE", "cible") == LinkGroup::kOldTexts);
  // This article acting on another, or a type we do not group: kept under "Liens" with its type.
  CHECK(legi_link_group("MODIFICATION", "cible") == LinkGroup::kLinks);
  CHECK(legi_link_group("SPEC_APPLI", "source") == LinkGroup::kLinks);
  CHECK(legi_link_group("CITATION", "") == LinkGroup::kLinks);
}

// --- SECTION_TA, TEXTELR, TEXTE_VERSION ---------------------------------------------------------

const std::string kSection = R"(<?xml version="1.0" encoding="UTF-8"?>
<SECTION_TA>
<ID>LEGISCTA000000000011</ID>
<TITRE_TA>Titre 1 :
  nouveau titre</TITRE_TA>
<STRUCTURE_TA>
<LIEN_ART debut="2010-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGIARTI000000000003" num="L133-7" origine="LEGI"/>
<LIEN_ART debut="2010-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGIARTI000000000002" num="L133-6" origine="LEGI"/>
<LIEN_ART debut="1990-01-01" etat="MODIFIE" fin="2010-01-01" id="LEGIARTI000000000009" num="L133-6" origine="LEGI"/>
<LIEN_SECTION_TA cid="LEGISCTA000000000012" debut="1950-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGISCTA000000000012" niv="3" url="/x.xml">Chapitre 1</LIEN_SECTION_TA>
</STRUCTURE_TA>
<CONTEXTE>
<TEXTE cid="LEGITEXT000000000001" nature="CODE">
<TITRE_TXT c_titre_court="Code de test" debut="1950-01-01" fin="2999-01-01" id_txt="LEGITEXT000000000001">Code de test</TITRE_TXT>
<TM>
<TITRE_TM debut="1950-01-01" fin="2999-01-01" id="LEGISCTA000000000010">Livre I</TITRE_TM>
</TM>
</TEXTE>
</CONTEXTE>
</SECTION_TA>
)";

TEST_CASE("SECTION_TA gives a section's title, context and children in STRUCTURE_TA order",
          "[legi-xml]") {
  Diagnostics diagnostics;
  auto s = parse_legi_section(kSection, "s.xml", diagnostics);
  REQUIRE(s);
  CHECK(format_all(diagnostics) == "");
  CHECK(s->id == "LEGISCTA000000000011");
  CHECK(s->title == "Titre 1 : nouveau titre");
  CHECK(s->text_id == "LEGITEXT000000000001");
  CHECK(s->text_title == "Code de test");
  REQUIRE(s->parents.size() == 1);
  CHECK(s->parents[0].title == "Livre I");
  CHECK(s->parents[0].legi_id == "LEGISCTA000000000010");
  REQUIRE(s->children.size() == 4);
  CHECK(s->children[0].kind == LegiEntry::Kind::kArticle);
  CHECK(s->children[0].number == "L133-7");
  CHECK(s->children[1].id == "LEGIARTI000000000002");
  CHECK(s->children[2].state == "MODIFIE");
  CHECK(s->children[2].end == Date::from_ymd(2010, 1, 1));
  const LegiEntry& sub = s->children[3];
  CHECK(sub.kind == LegiEntry::Kind::kSection);
  CHECK(sub.id == "LEGISCTA000000000012");
  CHECK(sub.title == "Chapitre 1");
  CHECK(sub.level == 3);
  CHECK(sub.state == "VIGUEUR");
  CHECK(sub.start == Date::from_ymd(1950, 1, 1));
  CHECK(sub.where.line == 10);
}

const std::string kStructure = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEXTELR>
<META>
<META_COMMUN>
<ID>LEGITEXT000000000001</ID>
<NATURE>CODE</NATURE>
</META_COMMUN>
<META_SPEC>
<META_TEXTE_CHRONICLE>
<CID>LEGITEXT000000000001</CID>
</META_TEXTE_CHRONICLE>
</META_SPEC>
</META>
<VERSIONS>
<VERSION etat="VIGUEUR">
<LIEN_TXT debut="1950-01-01" fin="2999-01-01" id="LEGITEXT000000000001" num=""/>
</VERSION>
</VERSIONS>
<STRUCT>
<LIEN_SECTION_TA cid="LEGISCTA000000000020" debut="1950-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGISCTA000000000020" niv="1" url="/a.xml">Livre II</LIEN_SECTION_TA>
<LIEN_SECTION_TA cid="LEGISCTA000000000010" debut="1950-01-01" etat="VIGUEUR" fin="2999-01-01" id="LEGISCTA000000000010" niv="1" url="/b.xml">Livre I</LIEN_SECTION_TA>
</STRUCT>
</TEXTELR>
)";

TEST_CASE("TEXTELR gives the code's top level in order", "[legi-xml]") {
  Diagnostics diagnostics;
  auto s = parse_legi_structure(kStructure, "struct.xml", diagnostics);
  REQUIRE(s);
  CHECK(format_all(diagnostics) == "");
  CHECK(s->id == "LEGITEXT000000000001");
  CHECK(s->cid == "LEGITEXT000000000001");
  CHECK(s->nature == "CODE");
  CHECK_FALSE(s->last_modified.known());  // no DERNIERE_MODIFICATION
  REQUIRE(s->versions.size() == 1);
  CHECK(s->versions[0].kind == LegiEntry::Kind::kText);
  CHECK(s->versions[0].state == "VIGUEUR");
  REQUIRE(s->children.size() == 2);
  CHECK(s->children[0].title == "Livre II");
  CHECK(s->children[0].level == 1);
  CHECK(s->children[1].id == "LEGISCTA000000000010");
}

const std::string kTextVersion = R"(<?xml version="1.0" encoding="UTF-8"?>
<TEXTE_VERSION>
<META>
<META_COMMUN>
<ID>LEGITEXT000000000001</ID>
<NATURE>CODE</NATURE>
</META_COMMUN>
<META_SPEC>
<META_TEXTE_CHRONICLE>
<CID>LEGITEXT000000000001</CID>
<DERNIERE_MODIFICATION>2009-05-14</DERNIERE_MODIFICATION>
</META_TEXTE_CHRONICLE>
<META_TEXTE_VERSION>
<TITRE>Code de test</TITRE>
<TITREFULL>Code de test (version complète)</TITREFULL>
<ETAT>VIGUEUR</ETAT>
<DATE_DEBUT>1950-01-01</DATE_DEBUT>
<DATE_FIN>2999-01-01</DATE_FIN>
</META_TEXTE_VERSION>
</META_SPEC>
</META>
</TEXTE_VERSION>
)";

TEST_CASE("TEXTE_VERSION gives the code's title, state and dates", "[legi-xml]") {
  Diagnostics diagnostics;
  auto v = parse_legi_text_version(kTextVersion, "version.xml", diagnostics);
  REQUIRE(v);
  CHECK(format_all(diagnostics) == "");
  CHECK(v->id == "LEGITEXT000000000001");
  CHECK(v->cid == "LEGITEXT000000000001");
  CHECK(v->nature == "CODE");
  CHECK(v->title == "Code de test");
  CHECK(v->full_title == "Code de test (version complète)");
  CHECK(v->status == ArticleStatus::kVigueur);
  CHECK(v->start == Date::from_ymd(1950, 1, 1));
  CHECK(v->end.is_no_end());
  CHECK(v->last_modified == Date::from_ymd(2009, 5, 14));
}

TEST_CASE("the root element decides the kind of document, not the folder", "[legi-xml]") {
  Diagnostics diagnostics;
  auto doc = parse_legi_document(kSection, "article/LEGIARTI000000000001.xml", diagnostics);
  REQUIRE(doc);
  CHECK(std::holds_alternative<LegiSection>(*doc));
  CHECK(std::holds_alternative<LegiArticle>(*parse_legi_document(kArticle, "x.xml", diagnostics)));
  CHECK(std::holds_alternative<LegiTextStructure>(
      *parse_legi_document(kStructure, "x.xml", diagnostics)));
  CHECK(std::holds_alternative<LegiTextVersion>(
      *parse_legi_document(kTextVersion, "x.xml", diagnostics)));
  CHECK(format_all(diagnostics) == "");
}

// --- Broken input: exact diagnostics ------------------------------------------------------------

TEST_CASE("XML that is not well-formed is reported at its line and column", "[legi-xml]") {
  std::string xml = "<?xml version=\"1.0\"?>\n<ARTICLE>\n<META>\n  <ID>x</META>\n</ARTICLE>\n";
  CHECK(report_of(xml) ==
        "a.xml:4:10: error: XML is not well-formed: Start-end tags mismatch\n"
        "      <ID>x</META>\n"
        "             ^\n");
  CHECK(report_of("") == "a.xml:1:1: error: XML is not well-formed: No document element found\n");
}

TEST_CASE("an ARTICLE without NUM is an error and the file is skipped", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<NUM>L. 133-6</NUM>\n", "");
  CHECK_FALSE(parse_legi_document(xml, "a.xml", diagnostics));
  CHECK(format_all(diagnostics) ==
        "a.xml:11:1: error: ARTICLE has no NUM (META/META_SPEC/META_ARTICLE/NUM); file skipped\n"
        "    <META_ARTICLE>\n"
        "    ^\n");
  // An empty NUM is no better than a missing one.
  CHECK(report_of(replace(kArticle, "<NUM>L. 133-6</NUM>", "<NUM> </NUM>")) ==
        "a.xml:12:1: error: ARTICLE has no NUM (META/META_SPEC/META_ARTICLE/NUM); file skipped\n"
        "    <NUM> </NUM>\n"
        "    ^\n");
}

TEST_CASE("an ARTICLE without ID is an error and the file is skipped", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<ID>LEGIARTI000000000002</ID>\n", "");
  CHECK_FALSE(parse_legi_document(xml, "a.xml", diagnostics));
  CHECK(format_all(diagnostics) ==
        "a.xml:4:1: error: ARTICLE has no ID (META/META_COMMUN/ID); file skipped\n"
        "    <META_COMMUN>\n"
        "    ^\n");
}

TEST_CASE("a NUM that cannot be an article number is an error and the file is skipped",
          "[legi-xml]") {
  CHECK(report_of(replace(kArticle, "<NUM>L. 133-6</NUM>", "<NUM>../L1</NUM>")) ==
        "a.xml:12:6: error: NUM '../L1' cannot be an article number: an article number cannot "
        "start with '.'; file skipped\n"
        "    <NUM>../L1</NUM>\n"
        "         ^\n");
}

TEST_CASE("an unknown ETAT is an error, the version is kept with its state unknown", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<ETAT>VIGUEUR</ETAT>", "<ETAT>VIGEUR</ETAT>");
  auto article = parse_legi_article(xml, "a.xml", diagnostics);
  REQUIRE(article);
  CHECK(article->record.version.status == ArticleStatus::kUnknown);
  CHECK(format_all(diagnostics) ==
        "a.xml:13:7: error: unknown ETAT 'VIGEUR'; state left unknown (expected VIGUEUR, "
        "VIGUEUR_DIFF, ABROGE, ABROGE_DIFF, MODIFIE, MODIFIE_MORT_NE, TRANSFERE, PERIME, ANNULE, "
        "DISJOINT or DEPLACE)\n"
        "    <ETAT>VIGEUR</ETAT>\n"
        "          ^\n"
        "  note: did you mean VIGUEUR?\n");
  // French labels are for Markdown front matter, not for LEGI.
  CHECK(report_of(replace(kArticle, "<ETAT>VIGUEUR</ETAT>", "<ETAT>en vigueur</ETAT>"))
            .find("unknown ETAT 'en vigueur'") != std::string::npos);
}

TEST_CASE("a missing ETAT or DATE_DEBUT is an error, the version is kept", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "<ETAT>VIGUEUR</ETAT>\n", "");
  xml = replace(xml, "<DATE_DEBUT>2010-01-01</DATE_DEBUT>\n", "");
  auto article = parse_legi_article(xml, "a.xml", diagnostics);
  REQUIRE(article);
  CHECK(article->record.version.status == ArticleStatus::kUnknown);
  CHECK_FALSE(article->record.version.start.known());
  CHECK(format_all(diagnostics) ==
        "a.xml:11:1: error: ARTICLE has no ETAT (META/META_SPEC/META_ARTICLE/ETAT); state left "
        "unknown\n"
        "    <META_ARTICLE>\n"
        "    ^\n"
        "a.xml:11:1: error: ARTICLE has no DATE_DEBUT (META/META_SPEC/META_ARTICLE/DATE_DEBUT); "
        "start date left unknown\n"
        "    <META_ARTICLE>\n"
        "    ^\n");
}

TEST_CASE("a date that is not a date is an error, the version is kept with that date unknown",
          "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml =
      replace(kArticle, "<DATE_FIN>2999-01-01</DATE_FIN>", "<DATE_FIN>2013-02-30</DATE_FIN>");
  auto article = parse_legi_article(xml, "a.xml", diagnostics);
  REQUIRE(article);
  CHECK_FALSE(article->record.version.end.known());
  CHECK(format_all(diagnostics) ==
        "a.xml:15:11: error: DATE_FIN '2013-02-30' is not a date (expected YYYY-MM-DD)\n"
        "    <DATE_FIN>2013-02-30</DATE_FIN>\n"
        "              ^\n");
}

TEST_CASE("a bad date in a list entry or a link is a warning, the entry is kept", "[legi-xml]") {
  Diagnostics diagnostics;
  auto xml = replace(kArticle, "datesignatexte=\"2009-12-24\"", "datesignatexte=\"24/12/2009\"");
  auto article = parse_legi_article(xml, "a.xml", diagnostics);
  REQUIRE(article);
  CHECK_FALSE(article->record.version.links[0].date.known());
  CHECK(format_all(diagnostics)
            .rfind("a.xml:52:1: warning: LIEN@datesignatexte '24/12/2009' is not a date (expected "
                   "YYYY-MM-DD)\n",
                   0) == 0);
}

TEST_CASE("a document of another kind is skipped with a warning", "[legi-xml]") {
  CHECK(report_of("<?xml version=\"1.0\"?>\n<TEXTE_JORF><ID>JORFTEXT1</ID></TEXTE_JORF>\n") ==
        "a.xml:2:1: warning: unsupported LEGI document TEXTE_JORF; skipped\n"
        "    <TEXTE_JORF><ID>JORFTEXT1</ID></TEXTE_JORF>\n"
        "    ^\n");
  Diagnostics diagnostics;
  CHECK_FALSE(parse_legi_article(kSection, "s.xml", diagnostics));
  CHECK(format_all(diagnostics) ==
        "s.xml:2:1: error: expected <ARTICLE>, found <SECTION_TA>\n"
        "    <SECTION_TA>\n"
        "    ^\n");
}

TEST_CASE("a SECTION_TA or a text without ID is skipped", "[legi-xml]") {
  CHECK(report_of(replace(kSection, "<ID>LEGISCTA000000000011</ID>\n", ""), "s.xml") ==
        "s.xml:2:1: error: SECTION_TA has no ID (ID); file skipped\n"
        "    <SECTION_TA>\n"
        "    ^\n");
  CHECK(report_of(replace(kTextVersion, "<ID>LEGITEXT000000000001</ID>\n", ""), "v.xml") ==
        "v.xml:4:1: error: TEXTE_VERSION has no ID (META/META_COMMUN/ID); file skipped\n"
        "    <META_COMMUN>\n"
        "    ^\n");
}

// --- The tree loader ----------------------------------------------------------------------------

namespace {

// One version of article `num` of the test code, in section LEGISCTA…11.
std::string version_xml(const std::string& id, const std::string& num, const std::string& start,
                        const std::string& end, const std::string& state,
                        const std::string& versions) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ARTICLE><META><META_COMMUN><ID>" + id +
         "</ID><NATURE>Article</NATURE></META_COMMUN><META_SPEC><META_ARTICLE><NUM>" + num +
         "</NUM><ETAT>" + state + "</ETAT><DATE_DEBUT>" + start + "</DATE_DEBUT><DATE_FIN>" + end +
         "</DATE_FIN></META_ARTICLE></META_SPEC></META>"
         "<CONTEXTE><TEXTE cid=\"LEGITEXT000000000001\"><TITRE_TXT>Code de test (vieux titre)"
         "</TITRE_TXT><TM><TITRE_TM id=\"LEGISCTA000000000010\">Livre I</TITRE_TM><TM>"
         "<TITRE_TM id=\"LEGISCTA000000000011\">Titre 1 : ancien titre</TITRE_TM></TM></TM>"
         "</TEXTE></CONTEXTE><VERSIONS>" +
         versions + "</VERSIONS><BLOC_TEXTUEL><CONTENU><p>Texte de " + id +
         "</p></CONTENU></BLOC_TEXTUEL></ARTICLE>\n";
}

std::string lien_art(const std::string& id, const std::string& start) {
  return "<VERSION><LIEN_ART id=\"" + id + "\" debut=\"" + start + "\"/></VERSION>";
}

}  // namespace

TEST_CASE("versions of one article are grouped by identity, whatever the order of the files",
          "[legi-xml][loader]") {
  MemoryFileSystem files;
  // Three versions of L133-6 under shuffled names; the middle one's VERSIONS omits the oldest,
  // which only the newest file ties in. A fourth file is another article.
  const std::string all = lien_art("LEGIARTI000000000002", "2010-01-01") +
                          lien_art("LEGIARTI000000000005", "2005-01-01") +
                          lien_art("LEGIARTI000000000009", "1990-01-01");
  files.add_file("z/first.xml", version_xml("LEGIARTI000000000002", "L133-6", "2010-01-01",
                                            "2999-01-01", "VIGUEUR", all));
  files.add_file("a/second.xml",
                 version_xml("LEGIARTI000000000005", "L133-6", "2005-01-01", "2010-01-01",
                             "MODIFIE", lien_art("LEGIARTI000000000005", "2005-01-01")));
  files.add_file("m/third.xml",
                 version_xml("LEGIARTI000000000009", "L133-6", "1990-01-01", "2005-01-01",
                             "MODIFIE", lien_art("LEGIARTI000000000009", "1990-01-01")));
  files.add_file("b/other.xml", version_xml("LEGIARTI000000000003", "L133-7", "2010-01-01",
                                            "2999-01-01", "VIGUEUR", ""));
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary = load_legi_files(files, files.list_files(""), corpus, diagnostics);
  CHECK(format_all(diagnostics) == "");
  CHECK(summary.files_read == 4);
  CHECK(summary.versions_read == 4);
  REQUIRE(corpus.articles().size() == 2);
  ArticleId id = corpus.find_article_by_cid("LEGIARTI000000000009");
  REQUIRE(id.valid());
  const Article& article = corpus.article(id);
  CHECK(article.number.text() == "L133-6");
  REQUIRE(article.versions.size() == 3);
  std::vector<std::string> ids;
  for (const auto& v : article.versions) ids.push_back(v.id);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"LEGIARTI000000000002", "LEGIARTI000000000005",
                                        "LEGIARTI000000000009"});
  CHECK(corpus.find_article_by_cid("LEGIARTI000000000003").valid());
}

TEST_CASE("versions are grouped by identity even when their numbers differ", "[legi-xml][loader]") {
  MemoryFileSystem files;
  const std::string both = lien_art("LEGIARTI000000000002", "2010-01-01") +
                           lien_art("LEGIARTI000000000009", "1990-01-01");
  files.add_file("1.xml", version_xml("LEGIARTI000000000002", "L133-6-1", "2010-01-01",
                                      "2999-01-01", "VIGUEUR", both));
  files.add_file("2.xml", version_xml("LEGIARTI000000000009", "L133-6", "1990-01-01", "2010-01-01",
                                      "MODIFIE", both));
  Corpus corpus;
  Diagnostics diagnostics;
  load_legi_files(files, files.list_files(""), corpus, diagnostics);
  REQUIRE(corpus.articles().size() == 1);
  CHECK(corpus.articles()[0].cid == "LEGIARTI000000000009");
  CHECK(corpus.articles()[0].versions.size() == 2);
}

TEST_CASE("titles come from TEXTE_VERSION and SECTION_TA, order from STRUCTURE_TA and TEXTELR",
          "[legi-xml][loader]") {
  MemoryFileSystem files;
  const std::string root = "LEGI/TEXT/00/00/00/00/00/LEGITEXT000000000001/";
  files.add_file(root + "article/LEGI/ARTI/2.xml",
                 version_xml("LEGIARTI000000000002", "L133-6", "2010-01-01", "2999-01-01",
                             "VIGUEUR", lien_art("LEGIARTI000000000009", "1990-01-01")));
  files.add_file(
      root + "article/LEGI/ARTI/3.xml",
      version_xml("LEGIARTI000000000003", "L133-7", "2010-01-01", "2999-01-01", "VIGUEUR", ""));
  files.add_file(root + "section_ta/LEGI/SCTA/11.xml", kSection);
  files.add_file(root + "texte/struct/LEGITEXT000000000001.xml", kStructure);
  files.add_file(root + "texte/version/LEGITEXT000000000001.xml", kTextVersion);
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary = load_legi_files(files, files.list_files(""), corpus, diagnostics);
  CHECK(format_all(diagnostics) == "");
  CHECK(summary.files_read == 5);
  CHECK(summary.versions_read == 2);
  REQUIRE(corpus.codes().size() == 1);
  const Code& code = corpus.codes()[0];
  CHECK(code.title == "Code de test");  // TEXTE_VERSION, not the articles' TITRE_TXT
  CHECK(code.legi_id == "LEGITEXT000000000001");

  corpus.finish_tables_of_contents();
  std::vector<std::string> numbers;
  for (ArticleId a : corpus.articles_in_code_order(code.id))
    numbers.push_back(corpus.article(a).number.text());
  // STRUCTURE_TA lists L133-7 first: its order wins over the numbers' order.
  CHECK(numbers == std::vector<std::string>{"L133-7", "L133-6"});

  const Article& a = corpus.article(corpus.find_article_by_cid("LEGIARTI000000000003"));
  CHECK(a.order == 0);
  auto path = corpus.section_path(a.section);
  REQUIRE(path.size() == 2);
  CHECK(corpus.section(path[0]).title == "Livre I");
  CHECK(corpus.section(path[0]).order == 1);                          // second in TEXTELR's STRUCT
  CHECK(corpus.section(path[1]).title == "Titre 1 : nouveau titre");  // TITRE_TA
  CHECK(corpus.section(path[1]).legi_id == "LEGISCTA000000000011");
  // L133-6's first listed version is at position 1, whichever version this file is.
  CHECK(corpus.article(corpus.find_article_by_cid("LEGIARTI000000000009")).order == 1);
}

TEST_CASE("a broken or foreign file is reported and the rest of the tree still loads",
          "[legi-xml][loader]") {
  MemoryFileSystem files;
  files.add_file("bad.xml", "<ARTICLE><META></ARTICLE>");
  files.add_file("jorf.xml", "<TEXTE_JORF/>");
  files.add_file("good.xml", version_xml("LEGIARTI000000000003", "L133-7", "2010-01-01",
                                         "2999-01-01", "VIGUEUR", ""));
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary = load_legi_files(files, files.list_files(""), corpus, diagnostics);
  CHECK(summary.files_read == 3);
  CHECK(summary.versions_read == 1);
  CHECK(corpus.articles().size() == 1);
  CHECK(format_all(diagnostics) ==
        "bad.xml:1:18: error: XML is not well-formed: Start-end tags mismatch\n"
        "    <ARTICLE><META></ARTICLE>\n"
        "                     ^\n"
        "jorf.xml:1:1: warning: unsupported LEGI document TEXTE_JORF; skipped\n"
        "    <TEXTE_JORF/>\n"
        "    ^\n");
}

// --- The five real files ------------------------------------------------------------------------

TEST_CASE("the real CIMM article 1 reads as Légifrance shows it", "[legi-xml][real]") {
  if (!have_real_files()) return;
  Diagnostics diagnostics;
  auto a = parse_legi_article(slurp(kRealDir + "LEGIARTI000006398122.xml"),
                              "LEGIARTI000006398122.xml", diagnostics);
  REQUIRE(a);
  CHECK(format_all(diagnostics) == "");
  const Version& v = a->record.version;
  CHECK(v.id == "LEGIARTI000006398122");
  CHECK(a->ancien_id == "ABAXXXXXXXX5X00001AAXXAA");
  CHECK(a->nature == "Article");
  CHECK(a->type == "AUTONOME");
  CHECK(a->record.number.text() == "1");
  CHECK(v.status == ArticleStatus::kAbroge);
  CHECK(v.start == Date::from_ymd(1952, 6, 29));
  CHECK(v.end == Date::from_ymd(2001, 1, 1));
  CHECK(a->record.cid == "LEGIARTI000006398122");
  CHECK(a->record.code_legi_id == "LEGITEXT000006070666");
  CHECK(a->record.code_title == "Code des instruments monétaires et des médailles");
  REQUIRE(a->record.section_path.size() == 3);
  CHECK(a->record.section_path[0].title == "Chapitre I : Monnaies et médailles");
  CHECK(a->record.section_path[0].legi_id == "LEGISCTA000006088035");
  CHECK(a->record.section_path[1].title == "Section I : Fabrication des monnaies et médailles");
  CHECK(a->record.section_path[2].title == "Paragraphe I : Frappe des monnaies métalliques.");
  CHECK(a->record.section_path[2].legi_id == "LEGISCTA000006135572");
  REQUIRE(a->versions.size() == 1);
  CHECK(a->versions[0].state == "ABROGE");
  CHECK(v.has_text);
  // The breaks DILA puts around old texts are trimmed; the text itself is kept as written.
  CHECK(v.text_html ==
        "La fabrication des monnaies est exécutée par voie de régie administrative, sous "
        "l'autorité du ministre de l'économie et des finances.");
  CHECK(v.nota_html == "");

  REQUIRE(v.links.size() == 7);
  CHECK(v.links[0].group == LinkGroup::kCodifiedBy);
  CHECK(v.links[0].text == "Décret 52-751 1952-06-26");
  CHECK(v.links[1].group == LinkGroup::kCreatedBy);
  CHECK(v.links[2].group == LinkGroup::kCodifiedBy);
  CHECK(v.links[2].target_id == "JORFTEXT000000511672");
  CHECK(v.links[2].date == Date::from_ymd(1958, 4, 3));
  CHECK(v.links[3].group == LinkGroup::kAbrogatedBy);
  CHECK(v.links[3].text_title.rfind("Ordonnance 2000-1223 2000-12-14", 0) == 0);
  CHECK(v.links[4].group == LinkGroup::kCitedBy);
  CHECK(v.links[4].text_title == "Rapport");
  CHECK(v.links[4].article_number == "4");
  CHECK(v.links[4].status_mark == "V");
  CHECK(v.links[4].target_id == "LEGIARTI000006716763");
  CHECK(v.links[5].group == LinkGroup::kCitedBy);
  CHECK(v.links[5].text_title == "Code des instruments monétaires et des médailles");
  CHECK(v.links[5].article_number == "3");
  CHECK(v.links[5].status_mark == "Ab");
  CHECK(v.links[6].group == LinkGroup::kNewTexts);
  CHECK(v.links[6].link_type == "CONCORDE");
  CHECK(v.links[6].text_title == "Code monétaire et financier");
  CHECK(v.links[6].article_number == "L121-2");
  CHECK(v.links[6].status_mark == "M");
}

TEST_CASE("the real 'cas extremes' article keeps its tables and its two versions",
          "[legi-xml][real]") {
  if (!have_real_files()) return;
  Diagnostics diagnostics;
  auto a = parse_legi_article(slurp(kRealDir + "cas extremes/LEGIARTI000019325262.xml"),
                              "cas extremes/LEGIARTI000019325262.xml", diagnostics);
  REQUIRE(a);
  CHECK(format_all(diagnostics) == "");
  const Version& v = a->record.version;
  CHECK(a->record.number.text() == "Annexe 2-4");
  CHECK(v.status == ArticleStatus::kModifie);
  CHECK(v.start == Date::from_ymd(2004, 10, 26));
  CHECK(v.end == Date::from_ymd(2007, 11, 9));
  CHECK(a->record.code_title == "Code de l'action sociale et des familles");
  REQUIRE(a->record.section_path.size() == 1);
  CHECK(a->record.section_path[0].title == "Annexe");
  REQUIRE(a->versions.size() == 2);
  CHECK(a->versions[1].id == "LEGIARTI000027037614");
  CHECK(a->versions[1].end.is_no_end());
  CHECK(a->record.cid == "LEGIARTI000019325262");
  CHECK(v.text_html.size() > 100000);
  CHECK(v.text_html.find("GUIDE-BARÈME POUR L'ÉVALUATION DES DÉFICIENCES") != std::string::npos);
  std::size_t tables = 0;
  for (auto at = v.text_html.find("<table"); at != std::string::npos;
       at = v.text_html.find("<table", at + 1))
    ++tables;
  CHECK(tables == 3);
  CHECK(v.text_html.find("<td") != std::string::npos);
  CHECK(v.text_html.find("align=") == std::string::npos);
  REQUIRE(v.links.size() == 8);
  CHECK(v.links[2].group == LinkGroup::kModifiedBy);
  CHECK(v.links[2].text_title == "Décret n°2007-1574 du 6 novembre 2007");
  CHECK(v.links[7].group == LinkGroup::kCitedBy);
  CHECK(v.links[7].article_number == "D821-1");
  CHECK(v.links[7].names_code());
}

TEST_CASE("the real SECTION_TA lists its articles' versions in its own order", "[legi-xml][real]") {
  if (!have_real_files()) return;
  Diagnostics diagnostics;
  auto s = parse_legi_section(slurp(kRealDir + "LEGISCTA000006135575.xml"),
                              "LEGISCTA000006135575.xml", diagnostics);
  REQUIRE(s);
  CHECK(format_all(diagnostics) == "");
  CHECK(s->id == "LEGISCTA000006135575");
  CHECK(s->title == "Paragraphe II : Frappe des médailles.");
  CHECK(s->text_id == "LEGITEXT000006070666");
  REQUIRE(s->parents.size() == 2);
  CHECK(s->parents[1].title == "Section I : Fabrication des monnaies et médailles");
  REQUIRE(s->children.size() == 8);
  std::vector<std::string> numbers;
  for (const auto& c : s->children) numbers.push_back(c.number);
  CHECK(numbers == std::vector<std::string>{"9", "9", "10", "11", "11", "11", "11", "12"});
  CHECK(s->children[0].id == "LEGIARTI000006398192");
  CHECK(s->children[6].start == Date::from_ymd(1952, 6, 29));
  CHECK(s->children[6].end == Date::from_ymd(1994, 3, 1));
  CHECK(s->children[6].state == "MODIFIE");
}

TEST_CASE("the real TEXTELR and TEXTE_VERSION name the CIMM and its four chapters",
          "[legi-xml][real]") {
  if (!have_real_files()) return;
  Diagnostics diagnostics;
  auto s = parse_legi_structure(slurp(kRealDir + "struct/LEGITEXT000006070666.xml"),
                                "struct/LEGITEXT000006070666.xml", diagnostics);
  REQUIRE(s);
  CHECK(s->id == "LEGITEXT000006070666");
  CHECK(s->nature == "CODE");
  REQUIRE(s->children.size() == 4);
  CHECK(s->children[0].title == "Chapitre I : Monnaies et médailles");
  CHECK(s->children[1].state == "ABROGE");
  CHECK(s->children[1].end == Date::from_ymd(2001, 1, 1));
  CHECK(s->children[3].id == "LEGISCTA000006088039");
  auto v = parse_legi_text_version(slurp(kRealDir + "version/LEGITEXT000006070666.xml"),
                                   "version/LEGITEXT000006070666.xml", diagnostics);
  REQUIRE(v);
  CHECK(v->title == "Code des instruments monétaires et des médailles");
  CHECK(v->full_title == "Code des instruments monétaires et des médailles");
  CHECK(v->status == ArticleStatus::kVigueur);
  CHECK(v->start == Date::from_ymd(1952, 6, 29));
  CHECK(v->end.is_no_end());
  CHECK(format_all(diagnostics) == "");
}

TEST_CASE("the real files load as one tree", "[legi-xml][real][loader]") {
  if (!have_real_files()) return;
  DiskFileSystem files(kRealDir);
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary = load_legi_files(files, files.list_files(""), corpus, diagnostics);
  CHECK(format_all(diagnostics) == "");
  CHECK(summary.files_read == 5);
  CHECK(summary.versions_read == 2);
  CHECK(corpus.codes().size() == 2);  // the CIMM and the CASF's annex
  ArticleId one = corpus.find_article_by_cid("LEGIARTI000006398122");
  REQUIRE(one.valid());
  auto path = corpus.section_path(corpus.article(one).section);
  REQUIRE(path.size() == 3);
  CHECK(corpus.section(path[0]).order == 0);  // first of TEXTELR's STRUCT
  // DILA's last change to the CIMM (DERNIERE_MODIFICATION of both its TEXTELR and its
  // TEXTE_VERSION) dates its data; the CASF's annex, without either, stays dated by its versions.
  const Code& cimm = corpus.code(corpus.article(one).code);
  CHECK(cimm.data_date == Date::from_ymd(2009, 5, 14));
  CHECK(cimm.data_date_rule == Code::DataDateRule::kInSource);
  CHECK(cimm.data_source == "DILA, base LEGI");
  for (const Code& c : corpus.codes())
    if (c.id != cimm.id) CHECK_FALSE(c.data_date.known());
}

TEST_CASE("text the sanitiser leaves out of CONTENU is a warning at the element's line",
          "[legi-xml]") {
  Diagnostics diagnostics;
  LegiArticle a =
      parse_article(replace(kArticle, "<ul><li>un</li></ul>\n",
                            "<ul><li>un</li></ul>\n<math><mi>x</mi>\n<mo>+</mo></math>\n"),
                    diagnostics);
  CHECK(format_all(diagnostics) ==
        "a.xml:48:1: warning: the text inside <math> is left out\n"
        "    <math><mi>x</mi>\n"
        "    ^\n"
        "  note: left out: \"x +\"\n");
  CHECK(a.record.version.text_html.find("rouge") != std::string::npos);
}

}  // namespace legi_xml_test
