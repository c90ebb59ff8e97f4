#include "sources/markdown_reader.h"

#include <catch2/catch.hpp>
#include <map>

#include "io/file_system.h"
#include "support/environment.h"

namespace markdown_reader_test {

using namespace legisite;

namespace {

struct Read {
  bool ok = false;
  MarkdownArticle article;
  std::string reported;  // every diagnostic, formatted
};

Read read(std::string_view text, const std::string& file = "a.md") {
  Read r;
  Diagnostics diagnostics;
  r.ok = read_markdown_article(text, file, r.article, diagnostics);
  r.reported = format_all(diagnostics);
  return r;
}

std::map<LinkGroup, int> count_by_group(const std::vector<Link>& links) {
  std::map<LinkGroup, int> counts;
  for (const auto& l : links) ++counts[l.group];
  return counts;
}

}  // namespace

TEST_CASE("the seed export parses exactly as given", "[markdown]") {
  DiskFileSystem shared(LEGISITE_SHARED_DIR "/seeds");
  std::string text, error;
  if (!shared.read_file("R133-19.md", text, error)) {
    legisite::testing::skip_because_missing(LEGISITE_SHARED_DIR "/seeds/R133-19.md (" + error +
                                            ")");
    return;
  }
  Read r = read(text, "R133-19.md");
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  const Version& v = r.article.version;
  CHECK(r.article.number.text() == "R133-19");
  CHECK(r.article.code_title == "");
  CHECK(v.origin.file == "R133-19.md");
  CHECK(v.origin.line == 1);
  CHECK(v.format == SourceFormat::kMarkdown);
  CHECK(v.has_text);
  CHECK(v.text_html.rfind(
            "<p>Pour l'exercice de la mission de l'interlocuteur social unique défini à l'article "
            "L. 133-6",
            0) == 0);
  CHECK(v.text_html.find("<p>a) Les fonctions liées à la gestion") != std::string::npos);
  CHECK(v.text_html.ends_with("l'un ou l'autre\ncaisse ou organisme.</p>\n"));
  // The links block is read apart: none of it, and no code block, reaches the text.
  CHECK(v.text_html.find("Liens relatifs") == std::string::npos);
  CHECK(v.text_html.find("Créé par") == std::string::npos);
  CHECK(v.text_html.find("<pre>") == std::string::npos);
  CHECK(v.text_html.find("<code>") == std::string::npos);

  REQUIRE(v.links.size() == 7);
  auto counts = count_by_group(v.links);
  CHECK(counts[LinkGroup::kCreatedBy] == 1);
  CHECK(counts[LinkGroup::kLinks] == 1);
  CHECK(counts[LinkGroup::kCites] == 4);
  CHECK(counts[LinkGroup::kNewTexts] == 1);

  const Link& created = v.links[0];
  CHECK(created.group == LinkGroup::kCreatedBy);
  CHECK(created.label == "Créé par");
  CHECK(created.text_title == "Décret n°2013-597 du 8 juillet 2013");
  CHECK(created.article_number == "1");
  CHECK(created.where.file == "R133-19.md");
  CHECK(created.where.line == 36);
  CHECK(created.where.column == 6);  // tab, two spaces, '-', ' ': the entry's first character

  const Link& transfer = v.links[1];
  CHECK(transfer.group == LinkGroup::kLinks);
  CHECK(transfer.link_type == "TRANSFERE");
  CHECK(transfer.text_title == "Décret n°2017-864 du 9 mai 2017");
  CHECK(transfer.article_number == "1");

  std::vector<std::string> cited;
  for (const auto& l : v.links)
    if (l.group == LinkGroup::kCites) {
      CHECK(l.text_title == "Code de la sécurité sociale");
      CHECK(l.names_code());
      cited.push_back(l.article_number);
    }
  CHECK(cited == std::vector<std::string>{"L133-6", "L133-6-1", "L213-1", "L752-4"});

  const Link& successor = v.links[6];
  CHECK(successor.group == LinkGroup::kNewTexts);
  CHECK(successor.label == "Nouveaux textes");
  CHECK(successor.text_title == "Code de la sécurité sociale");
  CHECK(successor.article_number == "R133-2-10");
  CHECK(successor.status_mark == "V");
  CHECK(successor.where.line == 51);
}

TEST_CASE("every known label is recognised", "[markdown]") {
  const std::vector<std::pair<const char*, LinkGroup>> labels = {
      {"Créé par", LinkGroup::kCreatedBy},
      {"Modifié par", LinkGroup::kModifiedBy},
      {"Abrogé par", LinkGroup::kAbrogatedBy},
      {"Transféré par", LinkGroup::kTransferredBy},
      {"Codifié par", LinkGroup::kCodifiedBy},
      {"Ratifié par", LinkGroup::kRatifiedBy},
      {"Liens", LinkGroup::kLinks},
      {"Cite", LinkGroup::kCites},
      {"Cité par", LinkGroup::kCitedBy},
      {"Anciens textes", LinkGroup::kOldTexts},
      {"Nouveaux textes", LinkGroup::kNewTexts},
  };
  std::string text = "# Article 1\n\nTexte.\n\n**Liens relatifs à cet article**\n\n";
  for (const auto& [label, group] : labels)
    text += std::string("\t**") + label + "**:\n\n\t  - Loi n°1 - art. 2\n\n";
  Read r = read(text);
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  REQUIRE(r.article.version.links.size() == labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    CHECK(r.article.version.links[i].group == labels[i].second);
    CHECK(r.article.version.links[i].label == labels[i].first);
  }
}

TEST_CASE("labels are accepted in every emphasis and colon placement", "[markdown]") {
  for (const char* line : {"**Créé par**:", "**Créé par** :", "**Créé par :**", "_Créé par_:",
                           "_Créé par_ :", "*Créé par*:", "__Créé par__:", "### Créé par",
                           "Créé par :", "\t**CRÉÉ PAR**:", "  **créé par**:"}) {
    Read r = read(std::string("# Article 1\n\n**Liens relatifs à cet article**\n\n") + line +
                  "\n\n  - Loi n°1 - art. 2\n");
    INFO("label line: " << line);
    REQUIRE(r.ok);
    CHECK(r.reported == "");
    REQUIRE(r.article.version.links.size() == 1);
    CHECK(r.article.version.links[0].group == LinkGroup::kCreatedBy);
  }
}

TEST_CASE("the links block title is found in its usual spellings", "[markdown]") {
  for (const char* title :
       {"**Liens relatifs à cet article**", "## Liens relatifs à cet article",
        "_Liens relatifs à cet article_", "**LIENS RELATIFS À CET ARTICLE**",
        "Liens relatifs à cet article", "### Liens relatifs",
        "<h2>Liens relatifs à cet article</h2>", "**Liens relatifs à cet article :**"}) {
    Read r = read(std::string("# Article 1\n\nTexte.\n\n") + title +
                  "\n\n**Cite**:\n\n- Code civil - art. 1240\n");
    INFO("title line: " << title);
    REQUIRE(r.ok);
    CHECK(r.reported == "");
    CHECK(r.article.version.text_html == "<p>Texte.</p>\n");
    REQUIRE(r.article.version.links.size() == 1);
    CHECK(r.article.version.links[0].group == LinkGroup::kCites);
    CHECK(r.article.version.links[0].article_number == "1240");
  }
}

TEST_CASE("running text that mentions related links is not a links block", "[markdown]") {
  Read r = read("# Article 1\n\nLiens relatifs aux droits des assurés.\n");
  REQUIRE(r.ok);
  CHECK(r.article.version.text_html == "<p>Liens relatifs aux droits des assurés.</p>\n");
  CHECK(r.article.version.links.empty());
}

TEST_CASE("an unknown label is kept as written and warned about at its line", "[markdown]") {
  Read r = read(
      "# Article 1\n"
      "\n"
      "**Liens relatifs à cet article**\n"
      "\n"
      "**Voir aussi**:\n"
      "\n"
      "- Code civil - art. 1240\n");
  REQUIRE(r.ok);
  CHECK(r.reported ==
        "a.md:5:3: warning: unknown link label 'Voir aussi'; kept as written\n"
        "    **Voir aussi**:\n"
        "      ^\n");
  REQUIRE(r.article.version.links.size() == 1);
  CHECK(r.article.version.links[0].group == LinkGroup::kOther);
  CHECK(r.article.version.links[0].label == "Voir aussi");
  CHECK(r.article.version.links[0].article_number == "1240");
}

TEST_CASE("entries before any label, and stray text, are warned about", "[markdown]") {
  Read r = read(
      "# Article 1\n"
      "\n"
      "**Liens relatifs à cet article**\n"
      "\n"
      "- Code civil - art. 1240\n"
      "\n"
      "Texte égaré\n");
  REQUIRE(r.ok);
  CHECK(r.reported ==
        "a.md:5:3: warning: link entry before any label; kept under 'Autres liens'\n"
        "    - Code civil - art. 1240\n"
        "      ^\n"
        "a.md:7:1: warning: unexpected text in 'Liens relatifs à cet article'; ignored\n"
        "    Texte égaré\n"
        "    ^\n");
  REQUIRE(r.article.version.links.size() == 1);
  CHECK(r.article.version.links[0].group == LinkGroup::kOther);
  CHECK(r.article.version.links[0].label == "");
}

TEST_CASE("an entry wrapped onto an indented line is one entry", "[markdown]") {
  Read r = read(
      "# Article 1\n\n**Liens relatifs à cet article**\n\n**Modifié par**:\n\n"
      "  - Loi n°2015-990 du 6 août 2015 pour la croissance, l'activité et\n"
      "    l'égalité des chances économiques - art. 5 (V)\n"
      "  - Loi n°2016-1 - art. 2\n");
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  REQUIRE(r.article.version.links.size() == 2);
  CHECK(r.article.version.links[0].text_title ==
        "Loi n°2015-990 du 6 août 2015 pour la croissance, l'activité et l'égalité des chances "
        "économiques");
  CHECK(r.article.version.links[0].article_number == "5");
  CHECK(r.article.version.links[0].status_mark == "V");
  CHECK(r.article.version.links[1].where.line == 9);
}

TEST_CASE("an HTML links block is read like a Markdown one", "[markdown]") {
  Read r = read(
      "# Article 1\n"
      "\n"
      "Texte.\n"
      "\n"
      "<h2>Liens relatifs à cet article</h2>\n"
      "<p><strong>Créé par</strong> :</p>\n"
      "<ul><li><a href=\"https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000027712014\">"
      "Décret n°2013-597 du 8 juillet 2013 - art. 1</a></li></ul>\n"
      "<p><b>Cite</b>:</p><ul><li>Code de la s&eacute;curit&eacute; sociale. - art. L133-6 "
      "(V)</li><li>Code civil - art. 1240</li></ul>\n");
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  CHECK(r.article.version.text_html == "<p>Texte.</p>\n");
  REQUIRE(r.article.version.links.size() == 3);
  const Link& created = r.article.version.links[0];
  CHECK(created.group == LinkGroup::kCreatedBy);
  CHECK(created.text_title == "Décret n°2013-597 du 8 juillet 2013");
  CHECK(created.target_id == "JORFARTI000027712014");
  CHECK(created.where.line == 7);
  CHECK(created.where.column == 9);
  CHECK(r.article.version.links[1].group == LinkGroup::kCites);
  CHECK(r.article.version.links[1].text_title == "Code de la sécurité sociale");
  CHECK(r.article.version.links[1].status_mark == "V");
  CHECK(r.article.version.links[2].article_number == "1240");
}

TEST_CASE("front matter fills the version", "[markdown]") {
  Read r = read(
      "---\n"
      "État: MODIFIE\n"
      "Date de début: 2005-08-12\n"
      "Date de fin: 2013-07-08\n"
      "Identifiant: LEGIARTI000006173520\n"
      "cid: LEGIARTI000006173519\n"
      "code: Code de la sécurité sociale\n"
      "nota: Voir *l'article 3*.\n"
      "---\n"
      "\n"
      "# Article R133-19\n"
      "\n"
      "Texte **gras** <span onclick=\"x\">et</span> <script>alert(1)</script>fin.\n");
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  const Version& v = r.article.version;
  CHECK(r.article.number.text() == "R133-19");
  CHECK(r.article.code_title == "Code de la sécurité sociale");
  CHECK(r.article.cid == "LEGIARTI000006173519");
  CHECK(v.status == ArticleStatus::kModifie);
  CHECK(v.start == Date::from_ymd(2005, 8, 12));
  CHECK(v.end == Date::from_ymd(2013, 7, 8));
  CHECK(v.id == "LEGIARTI000006173520");
  CHECK(v.origin.line == 11);
  CHECK(v.text_html == "<p>Texte <strong>gras</strong> et fin.</p>\n");
  CHECK(v.nota_html == "<p>Voir <em>l'article 3</em>.</p>\n");
}

TEST_CASE("without front matter a version is undated and of unknown état", "[markdown]") {
  Read r = read("# Article L133-6\n\nTexte.\n");
  REQUIRE(r.ok);
  CHECK_FALSE(r.article.version.start.known());
  CHECK_FALSE(r.article.version.end.known());
  CHECK(r.article.version.status == ArticleStatus::kUnknown);
  CHECK(r.article.version.links.empty());
}

TEST_CASE("the number may come from front matter when there is no heading", "[markdown]") {
  Read r = read("---\nnum: L. 133-6\n---\nTexte.\n");
  REQUIRE(r.ok);
  CHECK(r.reported == "");
  CHECK(r.article.number.text() == "L133-6");
  CHECK(r.article.version.origin.line == 2);
  CHECK(r.article.version.text_html == "<p>Texte.</p>\n");
}

TEST_CASE("a heading and a different num: the heading wins, with a warning", "[markdown]") {
  Read r = read("---\nnum: L133-7\n---\n# Article L133-6\n");
  REQUIRE(r.ok);
  CHECK(r.article.number.text() == "L133-6");
  CHECK(r.reported ==
        "a.md:2:6: warning: front matter num 'L133-7' differs from the heading's 'L133-6'; using "
        "the heading\n"
        "    num: L133-7\n"
        "         ^\n");
  CHECK_FALSE(r.article.version.has_text);
}

TEST_CASE("headings are read in their ATX and setext forms", "[markdown]") {
  CHECK(read("## Article L. 133-6 ##\n").article.number.text() == "L133-6");
  CHECK(read("#   ARTICLE   R\\*133-2\n").article.number.text() == "R*133-2");
  CHECK(read("# Article 1er\n").article.number.text() == "1er");
  CHECK(read("# Article L133-6 bis\n").article.number.text() == "L133-6 bis");
  Read setext = read("Article R133-19\n----\nPour l'exercice.\n");
  REQUIRE(setext.ok);
  CHECK(setext.article.number.text() == "R133-19");
  CHECK(setext.article.version.text_html == "<p>Pour l'exercice.</p>\n");
  CHECK(read("Article 2\n===\n").article.number.text() == "2");
}

TEST_CASE("CR LF line ends, a byte order mark and trailing spaces read like plain text",
          "[markdown]") {
  std::string plain =
      "---\nÉtat: VIGUEUR\n---\n# Article R133-19\n\nTexte.\n\n**Liens relatifs à cet "
      "article**\n\n\t**Cite**:\n\n\t  - Code de la sécurité sociale. - art. L133-6 (V)\n";
  std::string windows = "\xEF\xBB\xBF";
  for (char c : plain) {
    if (c == '\n') windows += "  \r";
    windows += c;
  }
  Read a = read(plain), b = read(windows);
  REQUIRE(a.ok);
  REQUIRE(b.ok);
  CHECK(b.reported == "");
  CHECK(b.article.number.text() == "R133-19");
  CHECK(b.article.version.status == ArticleStatus::kVigueur);
  CHECK(b.article.version.text_html == a.article.version.text_html);
  REQUIRE(b.article.version.links.size() == 1);
  CHECK(b.article.version.links[0].article_number == "L133-6");
  CHECK(b.article.version.links[0].status_mark == "V");
  CHECK(b.article.version.links[0].where.line == a.article.version.links[0].where.line);
}

TEST_CASE("an article without a number is an error", "[markdown]") {
  Read r = read("# Titre\n\nTexte.\n");
  CHECK_FALSE(r.ok);
  CHECK(r.reported ==
        "a.md:1:1: error: no article number: expected a '# Article <NUM>' heading\n"
        "    # Titre\n"
        "    ^\n"
        "  note: accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' "
        "underlined, or 'num: <NUM>' front matter\n");
  Read empty = read("");
  CHECK_FALSE(empty.ok);
  CHECK(empty.reported ==
        "a.md:1:1: error: no article number: expected a '# Article <NUM>' heading\n"
        "  note: accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' "
        "underlined, or 'num: <NUM>' front matter\n");
  Read blank_heading = read("\n# Article\n");
  CHECK_FALSE(blank_heading.ok);
  CHECK(blank_heading.reported ==
        "a.md:2:10: error: the article number is empty\n"
        "    # Article\n"
        "             ^\n");
}

TEST_CASE("a path-traversal article number is an error at the number", "[markdown]") {
  Read r = read("# Article ../../x\n\nTexte.\n");
  CHECK_FALSE(r.ok);
  CHECK(r.reported ==
        "a.md:1:11: error: invalid article number '../../x': an article number cannot start with "
        "'.'\n"
        "    # Article ../../x\n"
        "              ^\n");
  Read slash = read("# Article L133/6\n");
  CHECK_FALSE(slash.ok);
  CHECK(slash.reported ==
        "a.md:1:11: error: invalid article number 'L133/6': an article number cannot contain '/' "
        "or '\\'\n"
        "    # Article L133/6\n"
        "              ^\n");
  Read front = read("---\nnum: ../x\n---\nTexte.\n");
  CHECK_FALSE(front.ok);
  CHECK(front.reported ==
        "a.md:2:6: error: invalid article number '../x': an article number cannot start with '.'\n"
        "    num: ../x\n"
        "         ^\n");
}

TEST_CASE("bad front matter makes the article unreadable", "[markdown]") {
  Read etat = read("---\nÉtat: EN FORCE\n---\n# Article 1\n");
  CHECK_FALSE(etat.ok);
  CHECK(etat.reported ==
        "a.md:2:7: error: unknown état 'EN FORCE'\n"
        "    État: EN FORCE\n"
        "          ^\n"
        "  note: known values: VIGUEUR, VIGUEUR_DIFF, ABROGE, ABROGE_DIFF, MODIFIE, "
        "MODIFIE_MORT_NE, TRANSFERE, PERIME, ANNULE, DISJOINT, DEPLACE, or French labels such as "
        "'en vigueur'\n");
  Read date = read("---\nDate de début: 2013-7-8\n---\n# Article 1\n");
  CHECK_FALSE(date.ok);
  CHECK(date.reported ==
        "a.md:2:16: error: invalid date '2013-7-8' for 'Date de début': expected YYYY-MM-DD\n"
        "    Date de début: 2013-7-8\n"
        "                   ^\n");
  Read unparsable = read("---\nÉtat VIGUEUR\n---\n# Article 1\n");
  CHECK_FALSE(unparsable.ok);
  CHECK(unparsable.reported ==
        "a.md:2:1: error: expected 'key: value' in front matter\n"
        "    État VIGUEUR\n"
        "    ^\n");
  Read open = read("---\nÉtat: VIGUEUR\n# Article 1\n");
  CHECK_FALSE(open.ok);
  CHECK(open.reported ==
        "a.md:1:1: error: unterminated front matter: no closing '---' line\n"
        "    ---\n"
        "    ^\n");
}

TEST_CASE("an unknown front matter key only warns", "[markdown]") {
  Read r = read("---\nAuteur: DILA\n---\n# Article 1\n");
  CHECK(r.ok);
  CHECK(r.reported ==
        "a.md:2:1: warning: unknown front matter key 'Auteur'; ignored\n"
        "    Auteur: DILA\n"
        "    ^\n"
        "  note: known keys here: État, Date de début, Date de fin, Identifiant, cid, code, num, "
        "nota, Nature, Type\n");
}

TEST_CASE("GFM tables, strikethrough and autolinks are rendered", "[markdown]") {
  Read r = read(
      "# Article 1\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~ "
      "https://www.legifrance.gouv.fr\n");
  REQUIRE(r.ok);
  CHECK(r.article.version.text_html ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n<p><s>barré</s> <a "
        "href=\"https://www.legifrance.gouv.fr\">https://www.legifrance.gouv.fr</a></p>\n");
}

TEST_CASE("text the sanitiser leaves out is a warning at the line of the tag that began it",
          "[markdown]") {
  // An unclosed <svg> swallows the rest of the article: what comes before it is kept.
  Read r = read(
      "# Article L1\n"
      "\n"
      "Premier alinéa.\n"
      "\n"
      "<svg><text>x</text>\n"
      "\n"
      "Second alinéa.\n");
  REQUIRE(r.ok);
  CHECK(r.reported ==
        "a.md:5:1: warning: <svg> is never closed: the text after it is left out\n"
        "    <svg><text>x</text>\n"
        "    ^\n"
        "  note: left out: \"x Second alinéa.\"\n");
  CHECK(r.article.version.text_html == "<p>Premier alinéa.</p>\n<p></p>");
  // A closed <script> shows nothing: no warning.
  CHECK(read("# Article L1\n\nTexte <script>alert(1)</script>fin.\n").reported == "");
}

}  // namespace markdown_reader_test
