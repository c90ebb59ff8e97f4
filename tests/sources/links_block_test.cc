#include "sources/links_block.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "sources/source_text.h"

namespace legisite::links_block_test {
namespace {

/// What find_links_block and read_links_block made of a file.
struct Block {
  LinksBlockStart start;
  std::vector<Link> links;
  Diagnostics diagnostics;
  std::string reported;  // every diagnostic, formatted
};

/// Finds the block of `text` from `first_line` and reads it, as the Markdown reader does.
Block read_block(std::string_view text, const std::string& file = "a.md", int first_line = 1) {
  SourceText source(file, text);
  Block b;
  b.start = find_links_block(source, first_line);
  b.links = read_links_block(source, b.start, b.diagnostics);
  b.reported = format_all(b.diagnostics);
  return b;
}

/// Reads the block of `text` from a given start, skipping find_links_block.
Block read_from(std::string_view text, LinksBlockStart start) {
  SourceText source("a.md", text);
  Block b;
  b.start = start;
  b.links = read_links_block(source, start, b.diagnostics);
  b.reported = format_all(b.diagnostics);
  return b;
}

/// "file:line:column", so that a failing check shows both places.
std::string place(const SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

int find_in(std::string_view text, int first_line) {
  return find_links_block(SourceText("a.md", text), first_line).line;
}

// The end of the seed (seeds/R133-19.md, lines 29-51 of the file, verbatim): the last text
// lines, the title, then tab-indented labels each followed by a blank line and "\t  - " items.
constexpr std::string_view kSeedEnd =
    "c) Les modalit\xC3\xA9s selon lesquelles la r\xC3\xA9"
    "alisation d'op\xC3\xA9rations mat\xC3\xA9rielles peut \xC3\xAAtre confi\xC3\xA9"
    "e aux agents de l'un ou l'autre\n"
    "caisse ou organisme.\n"
    "\n"
    "**Liens relatifs \xC3\xA0 cet article**\n"
    "\n"
    "\t**Cr\xC3\xA9\xC3\xA9 par**:\n"
    "\n"
    "\t  - D\xC3\xA9"
    "cret n\xC2\xB0"
    "2013-597 du 8 juillet 2013 - art. 1\n"
    "\n"
    "\t**Liens**:\n"
    "\n"
    "\t  - TRANSFERE: D\xC3\xA9"
    "cret n\xC2\xB0"
    "2017-864 du 9 mai 2017 - art. 1\n"
    "\n"
    "\t**Cite**:\n"
    "\n"
    "\t  - Code de la s\xC3\xA9"
    "curit\xC3\xA9 sociale. - art. L133-6\n"
    "\t  - Code de la s\xC3\xA9"
    "curit\xC3\xA9 sociale. - art. L133-6-1\n"
    "\t  - Code de la s\xC3\xA9"
    "curit\xC3\xA9 sociale. - art. L213-1\n"
    "\t  - Code de la s\xC3\xA9"
    "curit\xC3\xA9 sociale. - art. L752-4\n"
    "\n"
    "\t**Nouveaux textes**:\n"
    "\n"
    "\t  - Code de la s\xC3\xA9"
    "curit\xC3\xA9 sociale. - art. R133-2-10 (V)\n";

const std::string kTitle = "**Liens relatifs \xC3\xA0 cet article**\n";

TEST_CASE("the seed's links block is found at its title and read label by label",
          "[sources][links_block]") {
  Block b = read_block(kSeedEnd, "seeds/R133-19.md");
  CHECK(b.start.line == 4);
  CHECK(b.start.offset == 0);
  CHECK(b.reported == "");
  REQUIRE(b.links.size() == 7);

  const Link& created = b.links[0];
  CHECK(created.group == LinkGroup::kCreatedBy);
  CHECK(created.label == "Cr\xC3\xA9\xC3\xA9 par");
  CHECK(created.link_type == "");
  CHECK(created.text ==
        "D\xC3\xA9"
        "cret n\xC2\xB0"
        "2013-597 du 8 juillet 2013 - art. 1");
  CHECK(created.text_title ==
        "D\xC3\xA9"
        "cret n\xC2\xB0"
        "2013-597 du 8 juillet 2013");
  CHECK(created.article_number == "1");
  // The entry's text starts after a tab (one column), two spaces and "- ".
  CHECK(place(created.where) == "seeds/R133-19.md:8:6");

  const Link& transferred = b.links[1];
  CHECK(transferred.group == LinkGroup::kLinks);
  CHECK(transferred.label == "Liens");
  CHECK(transferred.link_type == "TRANSFERE");
  CHECK(transferred.text_title ==
        "D\xC3\xA9"
        "cret n\xC2\xB0"
        "2017-864 du 9 mai 2017");
  CHECK(place(transferred.where) == "seeds/R133-19.md:12:6");

  const char* cited[] = {"L133-6", "L133-6-1", "L213-1", "L752-4"};
  for (int i = 0; i < 4; ++i) {
    const Link& cite = b.links[2 + i];
    INFO("entry " << i);
    CHECK(cite.group == LinkGroup::kCites);
    CHECK(cite.label == "Cite");
    CHECK(cite.text_title ==
          "Code de la s\xC3\xA9"
          "curit\xC3\xA9 sociale");
    CHECK(cite.article_number == cited[i]);
    CHECK(cite.status_mark == "");
    CHECK(place(cite.where) == "seeds/R133-19.md:" + std::to_string(16 + i) + ":6");
  }

  const Link& successor = b.links[6];
  CHECK(successor.group == LinkGroup::kNewTexts);
  CHECK(successor.label == "Nouveaux textes");
  CHECK(successor.article_number == "R133-2-10");
  CHECK(successor.status_mark == "V");
  CHECK(place(successor.where) == "seeds/R133-19.md:23:6");
}

TEST_CASE("a long list of entries stays under its label to the next one",
          "[sources][links_block]") {
  // The css-history corpus holds no links block, so these entries are Légifrance's own
  // wording from legifrance-api/LEGIARTI000006302217.json (lienModifications and
  // lienCitations), set out in the seed's layout.
  Block b =
      read_block(kTitle +
                 "\n"
                 "\t**Modifi\xC3\xA9 par**:\n"
                 "\n"
                 "\t  - Loi n\xC2\xB0"
                 "2001-1275 du 28 d\xC3\xA9"
                 "cembre 2001 - art. 11 (V)\n"
                 "\n"
                 "\t**Codifi\xC3\xA9 par**:\n"
                 "\n"
                 "\t  - D\xC3\xA9"
                 "cret 2005-330 2005-04-06\n"
                 "\n"
                 "\t**Cite**:\n"
                 "\n"
                 "\t  - LOI n\xC2\xB0"
                 "2016-1917 du 29 d\xC3\xA9"
                 "cembre 2016 - art. 60 (VD)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 1 A (V)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 15 (V)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 158 (M)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 1586 sexies "
                 "(VD)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 204 G (V)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 33 bis (V)\n"
                 "\t  - Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI. - art. 33 quinquies "
                 "(V)\n"
                 "\t  - Code civil - art. 525 (V)\n");
  CHECK(b.start.line == 1);
  CHECK(b.reported == "");
  REQUIRE(b.links.size() == 11);
  CHECK(b.links[0].group == LinkGroup::kModifiedBy);
  CHECK(b.links[0].article_number == "11");
  CHECK(b.links[0].where.line == 5);
  CHECK(b.links[1].group == LinkGroup::kCodifiedBy);
  CHECK(b.links[1].label == "Codifi\xC3\xA9 par");
  CHECK(b.links[1].text ==
        "D\xC3\xA9"
        "cret 2005-330 2005-04-06");
  CHECK(b.links[1].article_number == "");
  CHECK(b.links[1].where.line == 9);
  const char* marks[] = {"VD", "V", "V", "M", "VD", "V", "V", "V", "V"};
  for (int i = 0; i < 9; ++i) {
    const Link& cite = b.links[2 + i];
    INFO("entry " << i);
    CHECK(cite.group == LinkGroup::kCites);
    CHECK(cite.label == "Cite");
    CHECK(cite.status_mark == marks[i]);
    CHECK(place(cite.where) == "a.md:" + std::to_string(13 + i) + ":6");
  }
  CHECK(b.links[2].text_title ==
        "LOI n\xC2\xB0"
        "2016-1917 du 29 d\xC3\xA9"
        "cembre 2016");
  CHECK(b.links[4].text_title == "Code g\xC3\xA9n\xC3\xA9ral des imp\xC3\xB4ts, CGI");
  CHECK(b.links[4].article_number == "15");
  CHECK(b.links[10].text == "Code civil - art. 525");
}

TEST_CASE("no block is found in a file without a title", "[sources][links_block]") {
  for (const char* text : {
           "# Article 1\n\nTexte.\n",
           "Liens relatifs aux droits des assur\xC3\xA9s.\n",
           "Voir les liens relatifs \xC3\xA0 cet article.\n",
           "Liens relatifs \xC3\xA0 cet article.\n",   // a bare title must be exact
           "- Liens relatifs \xC3\xA0 cet article\n",  // a list item is no title
           // Marked-up titles may be any "Liens relatifs…", but not a whole sentence.
           "**Liens relatifs aux dispositions transitoires du d\xC3\xA9"
           "cret**\n",
           "",
       }) {
    INFO("text: " << text);
    Block b = read_block(text);
    CHECK(b.start.line == 0);
    CHECK(b.start.offset == 0);
    CHECK(b.links.empty());
    CHECK(b.reported == "");
  }
}

TEST_CASE("the title is found in its marked-up and bare spellings", "[sources][links_block]") {
  for (const char* title : {
           "**Liens relatifs \xC3\xA0 cet article**", "**LIENS RELATIFS \xC3\x80 CET ARTICLE**",
           "## Liens relatifs \xC3\xA0 cet article", "### Liens relatifs",
           "_Liens relatifs \xC3\xA0 cet article_", "**Liens relatifs \xC3\xA0 cet article :**",
           "Liens relatifs \xC3\xA0 cet article",
           "Liens relatifs a cet article :", "\t**Liens relatifs \xC3\xA0 cet article**",
           "<h2>Liens relatifs \xC3\xA0 cet article</h2>",
           "<h2>Liens relatifs &agrave; cet article</h2>",
           "<p><strong>Liens relatifs \xC3\xA0 cet article</strong></p>",
           "**Liens relatifs aux droits**",  // short and marked up: taken for a title
       }) {
    INFO("title: " << title);
    Block b = read_block(std::string("# Article 1\n\nTexte.\n\n") + title +
                         "\n\n**Cite**:\n\n- Code civil - art. 1240\n");
    CHECK(b.start.line == 5);
    CHECK(b.start.offset == 0);
    CHECK(b.reported == "");
    REQUIRE(b.links.size() == 1);
    CHECK(b.links[0].group == LinkGroup::kCites);
    CHECK(b.links[0].article_number == "1240");
    CHECK(place(b.links[0].where) == "a.md:9:3");
  }
}

TEST_CASE("the search starts at the line it is given", "[sources][links_block]") {
  const std::string text = "Liens relatifs aux droits des assur\xC3\xA9s.\n" + kTitle +
                           "**Cite**:\n"
                           "- Code civil - art. 1\n"
                           "<h2>Liens relatifs \xC3\xA0 cet article</h2>\n";
  CHECK(find_in(text, 0) == 2);
  CHECK(find_in(text, 1) == 2);
  CHECK(find_in(text, 2) == 2);
  CHECK(find_in(text, 3) == 5);
  CHECK(find_in(text, 5) == 5);
  CHECK(find_in(text, 6) == 0);
  CHECK(find_in(text, 100) == 0);
}

TEST_CASE("HTML before the title on its line is left out by the offset", "[sources][links_block]") {
  // "<p>Texte.</p>" is 13 bytes; the entries' columns count code points ("à" is one).
  const std::string line =
      "<p>Texte.</p><h2>Liens relatifs \xC3\xA0 cet article</h2><p><b>Cite</b> :</p>"
      "<ul><li>Code civil - art. 1240</li><li><a "
      "href=\"https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006438819\">Code civil "
      "- art. 1241</a></li></ul>\n";
  Block b = read_block(line);
  CHECK(b.start.line == 1);
  CHECK(b.start.offset == 13);
  CHECK(b.reported == "");
  REQUIRE(b.links.size() == 2);
  CHECK(b.links[0].group == LinkGroup::kCites);
  CHECK(b.links[0].article_number == "1240");
  CHECK(place(b.links[0].where) == "a.md:1:79");
  CHECK(b.links[1].group == LinkGroup::kCites);
  CHECK(b.links[1].article_number == "1241");
  CHECK(b.links[1].target_id == "LEGIARTI000006438819");
  CHECK(place(b.links[1].where) == "a.md:1:110");

  // Read from the start of the line instead, the body's text is taken for stray text.
  Block whole = read_from(line, {1, 0});
  CHECK(whole.links.size() == 2);
  CHECK(whole.reported ==
        "a.md:1:4: warning: unexpected text in 'Liens relatifs \xC3\xA0 cet article'; "
        "ignored\n"
        "    " +
            line.substr(0, line.size() - 1) + "\n       ^\n");
}

TEST_CASE("without a start nothing is read", "[sources][links_block]") {
  Block b = read_from(kSeedEnd, LinksBlockStart{});
  CHECK(b.links.empty());
  CHECK(b.reported == "");
}

TEST_CASE("labels are read in every form the header lists", "[sources][links_block]") {
  for (const char* label : {
           "**Cr\xC3\xA9\xC3\xA9 par**:",
           "**Cr\xC3\xA9\xC3\xA9 par** :",
           "**Cr\xC3\xA9\xC3\xA9 par :**",
           "_Cr\xC3\xA9\xC3\xA9 par_:",
           "__Cr\xC3\xA9\xC3\xA9 par__ :",
           "### Cr\xC3\xA9\xC3\xA9 par",
           "Cr\xC3\xA9\xC3\xA9 par :",
           "\t**Cr\xC3\xA9\xC3\xA9 par**:",
           "<strong>Cr\xC3\xA9\xC3\xA9 par</strong> :",
           "<b>Cr\xC3\xA9\xC3\xA9 par</b>",
           "<h3>Cr\xC3\xA9\xC3\xA9 par</h3>",
           "<p><strong>Cr\xC3\xA9\xC3\xA9 par</strong></p>",
           "<dt>Cr\xC3\xA9\xC3\xA9 par</dt>",
           "**Cr&eacute;&eacute; par**:",
       }) {
    INFO("label line: " << label);
    Block b = read_block(kTitle + label + "\n\n  - Loi n\xC2\xB0" + "1 - art. 2\n");
    CHECK(b.reported == "");
    REQUIRE(b.links.size() == 1);
    CHECK(b.links[0].group == LinkGroup::kCreatedBy);
    CHECK(b.links[0].label == "Cr\xC3\xA9\xC3\xA9 par");
    CHECK(place(b.links[0].where) == "a.md:4:5");
  }
  // The label is kept as written; the group is what it means.
  Block upper = read_block(kTitle + "**CR\xC3\x89\xC3\x89 PAR**:\n- Loi - art. 2\n");
  REQUIRE(upper.links.size() == 1);
  CHECK(upper.links[0].group == LinkGroup::kCreatedBy);
  CHECK(upper.links[0].label == "CR\xC3\x89\xC3\x89 PAR");
}

TEST_CASE("each entry is read with where its text starts", "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "- Code civil - art. 1\n"
                       "* Code civil - art. 2\n"
                       "+ Code civil - art. 3\n"
                       "-\tCode civil - art. 4\n"
                       "\t  - Code civil - art. 5\n"
                       "    * Code civil - art. 6\n"
                       "<li>Code civil - art. 7</li>\n"
                       "  <ul><li>Code civil - art. 8</li></ul>\n"
                       "<li>Code de la s&eacute;curit&eacute; sociale - art. 9</li>\n");
  CHECK(b.reported == "");
  const std::vector<int> columns = {3, 3, 3, 3, 6, 7, 5, 11, 5};
  REQUIRE(b.links.size() == columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    INFO("entry " << i + 1);
    CHECK(b.links[i].group == LinkGroup::kCites);
    CHECK(b.links[i].article_number == std::to_string(i + 1));
    CHECK(place(b.links[i].where) ==
          "a.md:" + std::to_string(i + 3) + ":" + std::to_string(columns[i]));
  }
  CHECK(b.links[0].text == "Code civil - art. 1");
  CHECK(b.links[8].text_title ==
        "Code de la s\xC3\xA9"
        "curit\xC3\xA9 sociale");
}

TEST_CASE("an entry wrapped onto an indented line goes on until a blank line",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "**Modifi\xC3\xA9 par**:\n"
                       "  - Loi n\xC2\xB0"
                       "2015-990 du 6 ao\xC3\xBBt 2015 pour la croissance, l'activit\xC3\xA9 et\n"
                       "    l'\xC3\xA9galit\xC3\xA9 des chances\n"
                       "\t\xC3\xA9"
                       "conomiques - art. 5 (V)\n"
                       "  - Loi n\xC2\xB0"
                       "2016-1 - art. 2\n"
                       "\n"
                       "    suite \xC3\xA9gar\xC3\xA9"
                       "e\n");
  REQUIRE(b.links.size() == 2);
  CHECK(b.links[0].text ==
        "Loi n\xC2\xB0"
        "2015-990 du 6 ao\xC3\xBBt 2015 pour la croissance, l'activit\xC3\xA9 et l'\xC3\xA9"
        "galit\xC3\xA9 des chances \xC3\xA9"
        "conomiques - art. 5");
  CHECK(b.links[0].article_number == "5");
  CHECK(b.links[0].status_mark == "V");
  CHECK(place(b.links[0].where) == "a.md:3:5");
  CHECK(b.links[1].text ==
        "Loi n\xC2\xB0"
        "2016-1 - art. 2");
  CHECK(place(b.links[1].where) == "a.md:6:5");
  // After the blank line the indented text continues nothing.
  CHECK(b.reported ==
        "a.md:8:5: warning: unexpected text in 'Liens relatifs \xC3\xA0 cet article'; ignored\n"
        "        suite \xC3\xA9gar\xC3\xA9"
        "e\n"
        "        ^\n");
}

TEST_CASE("a line that is not indented continues no entry", "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "- Code civil - art. 1240\n"
                       "et suite\n");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].text == "Code civil - art. 1240");
  CHECK(b.reported ==
        "a.md:4:1: warning: unexpected text in 'Liens relatifs \xC3\xA0 cet article'; ignored\n"
        "    et suite\n"
        "    ^\n");
}

TEST_CASE("stray text ends the entry before it", "[sources][links_block]") {
  // The indented line after a stray one continues nothing: both are warned about, and the entry
  // above keeps its own text.
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "  - Code civil - art. 1240\n"
                       "Texte \xC3\xA9gar\xC3\xA9\n"
                       "    et suite\n");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].text == "Code civil - art. 1240");
  REQUIRE(b.diagnostics.all().size() == 2);
  CHECK(place(b.diagnostics.all()[0].where) == "a.md:4:1");
  CHECK(place(b.diagnostics.all()[1].where) == "a.md:5:5");
}

TEST_CASE("an unknown label is kept as written and warned about where it is written",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "\n"
                       "\t**Voir aussi**:\n"
                       "\n"
                       "\t  - Code civil - art. 1240\n"
                       "<p><strong>Textes li\xC3\xA9s</strong> :</p>\n"
                       "- Code civil - art. 1241\n"
                       "\t**Voir&nbsp;encore**:\n"
                       "- Code civil - art. 1242\n");
  REQUIRE(b.links.size() == 3);
  CHECK(b.links[0].group == LinkGroup::kOther);
  CHECK(b.links[0].label == "Voir aussi");
  CHECK(b.links[0].article_number == "1240");
  CHECK(b.links[1].group == LinkGroup::kOther);
  CHECK(b.links[1].label == "Textes li\xC3\xA9s");
  CHECK(b.links[2].label == "Voir encore");

  const auto& all = b.diagnostics.all();
  REQUIRE(all.size() == 3);
  CHECK(all[0].severity == Severity::kWarning);
  CHECK(all[0].message == "unknown link label 'Voir aussi'; kept as written");
  // A tab is one column: the label's first letter is the fourth.
  CHECK(place(all[0].where) == "a.md:3:4");
  CHECK(all[0].source_line == "\t**Voir aussi**:");
  CHECK(all[1].message == "unknown link label 'Textes li\xC3\xA9s'; kept as written");
  CHECK(place(all[1].where) == "a.md:6:12");
  // Written with an entity, the label is not found as such in the line: the warning points at
  // the start of the line's text instead.
  CHECK(all[2].message == "unknown link label 'Voir encore'; kept as written");
  CHECK(place(all[2].where) == "a.md:8:2");
  CHECK(format_diagnostic(all[0]) ==
        "a.md:3:4: warning: unknown link label 'Voir aussi'; kept as written\n"
        "    \t**Voir aussi**:\n"
        "    \t  ^\n");
}

TEST_CASE("entries before any label are warned about once and kept without a label",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "- Code civil - art. 1240\n"
                       "- Code civil - art. 1241\n"
                       "**Cite**:\n"
                       "- Code civil - art. 1242\n");
  CHECK(b.reported ==
        "a.md:2:3: warning: link entry before any label; kept under 'Autres liens'\n"
        "    - Code civil - art. 1240\n"
        "      ^\n");
  REQUIRE(b.links.size() == 3);
  CHECK(b.links[0].group == LinkGroup::kOther);
  CHECK(b.links[0].label == "");
  CHECK(b.links[1].group == LinkGroup::kOther);
  CHECK(b.links[1].label == "");
  CHECK(b.links[2].group == LinkGroup::kCites);
  CHECK(b.links[2].label == "Cite");
}

TEST_CASE("text that is neither a label nor an entry is warned about and ignored",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "Texte \xC3\xA9gar\xC3\xA9\n"
                       "1. Code civil - art. 1240\n"
                       "**Cite**: Code civil - art. 1241\n"
                       "-Code civil - art. 1242\n"
                       "  Note : voir aussi\n"
                       "- Code civil - art. 1243\n");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].article_number == "1243");
  const auto& all = b.diagnostics.all();
  REQUIRE(all.size() == 5);
  const std::vector<std::string> places = {"a.md:3:1", "a.md:4:1", "a.md:5:1", "a.md:6:1",
                                           "a.md:7:3"};
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO("diagnostic " << i);
    CHECK(all[i].severity == Severity::kWarning);
    CHECK(all[i].message == "unexpected text in 'Liens relatifs \xC3\xA0 cet article'; ignored");
    CHECK(place(all[i].where) == places[i]);
  }
}

TEST_CASE("blank lines and tabs around labels and entries change nothing",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       " \t \n"
                       "\t\t**Cite**:\t\n"
                       "\t\n"
                       "\n"
                       "\t-\tCode civil - art. 1240\t\n"
                       "   \n"
                       "\t\t* Code civil - art. 1241\n");
  CHECK(b.reported == "");
  REQUIRE(b.links.size() == 2);
  CHECK(b.links[0].text == "Code civil - art. 1240");
  CHECK(place(b.links[0].where) == "a.md:6:4");
  CHECK(b.links[1].article_number == "1241");
  CHECK(place(b.links[1].where) == "a.md:8:5");
}

TEST_CASE("a file with a byte order mark and CR LF line ends reads the same",
          "[sources][links_block]") {
  Block b = read_block(
      "\xEF\xBB\xBF**Liens relatifs \xC3\xA0 cet article**\r\n"
      "\r\n"
      "\t**Cite**:\r\n"
      "\t  - Code civil - art. 1240 (V)\r\n");
  CHECK(b.start.line == 1);
  CHECK(b.start.offset == 0);
  CHECK(b.reported == "");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].text == "Code civil - art. 1240");
  CHECK(b.links[0].status_mark == "V");
  CHECK(place(b.links[0].where) == "a.md:4:6");
}

TEST_CASE("empty list items are warned about and dropped", "[sources][links_block]") {
  // A marker alone may have its text on the indented line after it; with nothing after it, there
  // is nothing to link.
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "-\n"
                       "    Code civil - art. 1240\n"
                       "- \n"
                       "\n"
                       "<li></li>\n");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].text == "Code civil - art. 1240");
  CHECK(b.links[0].article_number == "1240");
  CHECK(place(b.links[0].where) == "a.md:3:1");
  REQUIRE(b.diagnostics.all().size() == 2);
  CHECK(place(b.diagnostics.all()[0].where) == "a.md:5:1");
  CHECK(b.diagnostics.all()[0].message == "empty link entry; ignored");
  CHECK(place(b.diagnostics.all()[1].where) == "a.md:7:1");
}

TEST_CASE("a repeated title inside the block ends an entry and keeps the label",
          "[sources][links_block]") {
  Block b = read_block(kTitle +
                       "**Cite**:\n"
                       "  - Code civil - art. 1\n"
                       "## Liens relatifs \xC3\xA0 cet article\n"
                       "    suite\n"
                       "  - Code civil - art. 2\n");
  REQUIRE(b.links.size() == 2);
  CHECK(b.links[0].text == "Code civil - art. 1");
  CHECK(b.links[1].group == LinkGroup::kCites);
  CHECK(b.links[1].where.line == 6);
  // The indented line after the title continues nothing: the title ended the entry.
  CHECK(b.reported ==
        "a.md:5:5: warning: unexpected text in 'Liens relatifs \xC3\xA0 cet article'; ignored\n"
        "        suite\n"
        "        ^\n");
}

TEST_CASE("entries of an HTML definition list are not read", "[sources][links_block]") {
  // <dt> is read as a label but <dd> is no list item: its text is warned about, not lost
  // silently.
  Block b = read_block(kTitle + "<dl><dt>Cite</dt><dd>Code civil - art. 1240</dd></dl>\n");
  CHECK(b.links.empty());
  REQUIRE(b.diagnostics.all().size() == 1);
  CHECK(b.diagnostics.all()[0].message ==
        "unexpected text in 'Liens relatifs \xC3\xA0 cet article'; ignored");
  CHECK(place(b.diagnostics.all()[0].where) == "a.md:2:22");
}

TEST_CASE("a title spelt with a no-break space is found", "[sources][links_block]") {
  // An entity, a no-break space or two spaces between the title's words: find_links_block finds
  // what read_links_block (which reads the visible text) accepts.
  for (const char* title : {"**Liens&nbsp;relatifs \xC3\xA0 cet article**",
                            "<h2>Liens\xC2\xA0relatifs \xC3\xA0 cet article</h2>",
                            "**Liens  relatifs \xC3\xA0 cet article**"}) {
    INFO("title: " << title);
    const std::string text = std::string(title) + "\n**Cite**:\n- Code civil - art. 1240\n";
    CHECK(find_in(text, 1) == 1);
    Block b = read_from(text, {1, 0});
    CHECK(b.reported == "");
    REQUIRE(b.links.size() == 1);
    CHECK(b.links[0].group == LinkGroup::kCites);
  }
}

}  // namespace
}  // namespace legisite::links_block_test
