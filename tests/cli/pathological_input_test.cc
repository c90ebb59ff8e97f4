// Input made to hurt (issue 11, points 3 and 4), checked on the program itself: sections nested
// past the limit, citations of thousands of absent articles. Each case asserts what the build says
// and that its output stays bounded; what they cost is measured by bench/pathological.py, not here.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/environment.h"
#include "support/site_check.h"

namespace pathological_input_test {

namespace fs = std::filesystem;
using legisite::testing::ProcessResult;
using legisite::testing::read_tree;
using legisite::testing::shell_quote;
using legisite::testing::TempDir;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;

using legisite::testing::write_file;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct Project {
  TempDir dir;
  fs::path content, site;
  explicit Project(const std::string& name) : dir(name) {
    content = dir.path / "content";
    site = dir.path / "site";
  }
  ProcessResult build(const std::string& command = "build") const {
    return legisite::testing::run_command(
        shell_quote(LEGISITE_PROGRAM) + " " + command + " --content " +
        shell_quote(content.string()) +
        (command == "build" ? " --theme " + shell_quote(kSource + "/themes/default") + " --out " +
                                  shell_quote(site.string()) + " --keep-going"
                            : std::string()) +
        " --date 2026-11-26");
  }
  std::size_t files() const { return read_tree(site.string()).size(); }
};

// A LEGI XML article whose CONTEXTE nests `depth` sections ("Niveau 1" outermost).
std::string deep_legi_article(int depth) {
  std::string tms;
  for (int i = 1; i <= depth; ++i)
    tms += "<TM><TITRE_TM debut=\"1990-01-01\" fin=\"2999-01-01\" id=\"LEGISCTA" +
           std::to_string(100000000000 + i) + "\">Niveau " + std::to_string(i) + "</TITRE_TM>\n";
  for (int i = 1; i <= depth; ++i) tms += "</TM>";
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<ARTICLE><META><META_COMMUN><ID>LEGIARTI000099000001</ID><NATURE>Article</NATURE></META_COMMUN>
<META_SPEC><META_ARTICLE><NUM>L1</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT>2000-01-01</DATE_DEBUT>
<DATE_FIN>2999-01-01</DATE_FIN></META_ARTICLE></META_SPEC></META>
<CONTEXTE><TEXTE cid="LEGITEXT000099000001" nature="CODE">
<TITRE_TXT debut="1990-01-01" fin="2999-01-01" id_txt="LEGITEXT000099000001">Code profond</TITRE_TXT>
)" + tms +
         R"(
</TEXTE></CONTEXTE>
<BLOC_TEXTUEL><CONTENU><p>Au fond.</p></CONTENU></BLOC_TEXTUEL></ARTICLE>
)";
}

}  // namespace

TEST_CASE(
    "LEGI sections nested past 200 levels: an error naming the file, line and depth, the "
    "article is kept at level 200",
    "[cli][pathological]") {
  Project p("legisite-deep-sections");
  write_file(p.content / "LEGITEXT000099000001/article/LEGIARTI000099000001.xml",
             deep_legi_article(5000));
  ProcessResult run = p.build();
  INFO(run.out + run.err);
  CHECK(run.status == 1);
  // The 201st TM starts on line 207 of the file.
  CHECK(contains(run.err,
                 "LEGITEXT000099000001/article/LEGIARTI000099000001.xml:207:1: error: "
                 "CONTEXTE/TEXTE/TM nests 5000 sections deep, more than the 200 levels "
                 "sections may nest; placed in its section at level 200\n"));
  // What the pages show (the records beside them keep the file's reading, all 5000 levels).
  std::string all;
  for (const auto& [path, text] : read_tree(p.site.string()))
    if (!path.starts_with(".legisite")) all += text;
  CHECK(contains(all, "Niveau 200<"));
  CHECK_FALSE(contains(all, "Niveau 201<"));
  CHECK(contains(all, "Au fond."));
}

TEST_CASE(
    "Légifrance JSON sections nested past 200 levels: an error naming the JSON path, the "
    "rest of the dump is read",
    "[cli][pathological]") {
  Project p("legisite-deep-json");
  std::string node =
      R"({"type": "article", "data": {"id": "LEGIARTI000099000002", "cid": "LEGIARTI000099000002",
          "num": "L2", "etat": "VIGUEUR", "dateDebut": 946684800000, "texteHtml": "<p>Trop loin.</p>"}})";
  for (int i = 1000; i >= 1; --i)
    node = R"({"type": "section", "data": {"id": "LEGISCTA)" + std::to_string(100000000000 + i) +
           R"(", "title": "Niveau )" + std::to_string(i) + R"("}, "children": [)" + node + "]}";
  write_file(p.content / "deep.json",
             R"({"type": "code", "data": {"id": "LEGITEXT000099000001", "title": "Code profond"},
  "children": [{"type": "article", "data": {"id": "LEGIARTI000099000001", "cid": "LEGIARTI000099000001",
     "num": "L1", "etat": "VIGUEUR", "dateDebut": 946684800000, "texteHtml": "<p>En haut.</p>"}},
   )" + node + "]}");
  ProcessResult run = p.build();
  INFO(run.out + run.err);
  CHECK(run.status == 1);
  std::string path = "$";
  for (int i = 0; i <= 200; ++i) path += i == 0 ? ".children[1]" : ".children[0]";
  CHECK(contains(run.err, "deep.json:4:"));
  CHECK(contains(run.err, ": error: " + path +
                              ": sections nested more than 200 levels deep; this one and all it "
                              "holds skipped\n"));
  std::string all;
  for (const auto& [file, text] : read_tree(p.site.string())) all += text;
  CHECK(contains(all, "En haut."));
  CHECK(contains(all, "Niveau 200<"));
  CHECK_FALSE(contains(all, "Niveau 201<"));
  CHECK_FALSE(contains(all, "Trop loin."));
}

TEST_CASE(
    "one version citing thousands of absent articles makes 500 pages without text and one "
    "finding",
    "[cli][pathological]") {
  Project p("legisite-many-citations");
  write_file(p.content / "css/_index.md", "---\ntitle: Code de la sécurité sociale\n---\n");
  std::string text = "# Article L1\n\n";
  for (int i = 0; i < 3000; ++i)
    text += "Voir l'article L. " + std::to_string(100000 + i) + " du code de la sécurité sociale. ";
  write_file(p.content / "css/L1.md", text + "\n");
  write_file(p.content / "css/L2.md",
             "# Article L2\n\nVoir l'article L. 90000 du code de la sécurité sociale.\n");
  ProcessResult run = p.build();
  INFO(run.out + run.err);
  CHECK(run.status == 0);
  CHECK(contains(run.out, "(2 versions, 501 cited-only articles)"));
  CHECK(contains(run.out,
                 "suspicious: article L1 cites «L. 100500»: this version cites more than "
                 "500 articles their code does not have: 500 get a page without text, "
                 "the other 2500 citations of absent articles are left unlinked\n"));
  // The limit is per version: L2's citation still gets its page.
  CHECK(fs::exists(p.site / "code-de-la-securite-sociale/l90000/index.html"));
  CHECK(fs::exists(p.site / "code-de-la-securite-sociale/l100499/index.html"));
  CHECK_FALSE(fs::exists(p.site / "code-de-la-securite-sociale/l100500"));
  ProcessResult check = p.build("check");
  CHECK(contains(check.out, "the other 2500 citations of absent articles are left unlinked"));
}

TEST_CASE(
    "two versions too different to compare word by word: the diff page shows both whole, "
    "says so, and one warning names the article",
    "[cli][pathological]") {
  Project p("legisite-diff-budget");
  write_file(p.content / "css/_index.md", "---\ntitle: Code de la sécurité sociale\n---\n");
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "ancien" + std::to_string(i) + " ";
    after += "nouveau" + std::to_string(i) + " ";
  }
  write_file(p.content / "css/Article L1/001_2001-01-01_a.md",
             "---\nÉtat: MODIFIE\n---\n# Article L1\n\n" + before + "\n");
  write_file(p.content / "css/Article L1/002_2002-01-01_b.md",
             "---\nÉtat: VIGUEUR\n---\n# Article L1\n\n" + after + "\n");
  ProcessResult run = p.build();
  INFO(run.out + run.err);
  CHECK(run.status == 0);
  const std::string warning =
      "L1: versions of 2001-01-01 and 2002-01-01 differ too much to compare word by word";
  const std::string output = run.out + run.err;
  CHECK(contains(output, warning));
  CHECK(output.find(warning) == output.rfind(warning));
  CHECK(contains(run.out, "0 errors, 1 warning."));
  std::vector<std::string> diff_pages;
  for (const auto& [path, text] : read_tree(p.site.string()))
    if (contains(text, "article-diff")) diff_pages.push_back(text);
  REQUIRE(diff_pages.size() == 1);
  const std::string& page = diff_pages.front();
  CHECK(contains(page, "Les deux versions diffèrent trop pour être comparées mot à mot"));
  // Both texts whole, the older first, nothing marked.
  CHECK(contains(page, "ancien0 ancien1"));
  CHECK(contains(page, "nouveau0 nouveau1"));
  CHECK(page.find("ancien2999") < page.find("nouveau0"));
  CHECK(contains(page, "nouveau2999"));
  CHECK_FALSE(contains(page, "<del"));
  CHECK_FALSE(contains(page, "<ins"));
  CHECK_FALSE(contains(page, "diff-legend"));
}

TEST_CASE("a 3 MB article builds and its page holds its whole text", "[cli][pathological]") {
  Project p("legisite-big-article");
  write_file(p.content / "css/_index.md", "---\ntitle: Code de la sécurité sociale\n---\n");
  std::string text;
  int words = 0;
  while (text.size() < 3'000'000) {
    for (int k = 0; k < 80; ++k) text += "mot" + std::to_string(words++) + (k < 79 ? " " : "");
    text += "\n\n";
  }
  write_file(p.content / "css/L1.md", "# Article L1\n\n" + text);
  ProcessResult run = p.build();
  INFO(run.out + run.err);
  CHECK(run.status == 0);
  std::string page;
  for (const auto& [path, content] : read_tree(p.site.string()))
    if (contains(path, "l1/index.html") || contains(path, "L1/index.html")) page = content;
  REQUIRE_FALSE(page.empty());
  CHECK(contains(page, ">mot0 mot1 "));
  CHECK(contains(page, "mot" + std::to_string(words - 1) + "<"));
  // Every paragraph is there: one per 80 words.
  std::size_t paragraphs = 0;
  for (std::size_t at = page.find("<p"); at != std::string::npos; at = page.find("<p", at + 1))
    paragraphs += page.compare(at, 3, "<p>") == 0 || page.compare(at, 3, "<p ") == 0;
  CHECK(paragraphs >= static_cast<std::size_t>(words / 80));
}

}  // namespace pathological_input_test
