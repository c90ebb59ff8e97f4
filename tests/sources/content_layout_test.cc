#include "sources/content_layout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "io/file_system.h"
#include "model/model.h"
#include "sources/sources.h"

namespace content_layout_test {

using namespace legisite;

namespace {

/// A content tree loaded into a fresh corpus.
struct Loaded {
  Corpus corpus;
  LoadSummary summary;
  std::string reported;  // every diagnostic, formatted

  const Article* article(std::string_view code_title, std::string_view number) const {
    CodeId code = corpus.find_code(code_title);
    if (!code.valid()) return nullptr;
    ArticleId id = corpus.find_article(code, ArticleNumber(number));
    return id.valid() ? &corpus.article(id) : nullptr;
  }

  std::vector<std::string> section_titles(const Article& a) const {
    std::vector<std::string> titles;
    for (SectionId s : corpus.section_path(a.section)) titles.push_back(corpus.section(s).title);
    return titles;
  }

  /// Titles of the sections directly under `parent`, in table-of-contents order.
  std::vector<std::string> toc_sections(SectionId parent) const {
    std::vector<std::string> titles;
    for (const TocEntry& e : corpus.section(parent).toc)
      if (e.kind == TocEntry::Kind::kSection)
        titles.push_back(corpus.section(SectionId(e.id)).title);
    return titles;
  }
};

Loaded load(const MemoryFileSystem& files) {
  Loaded l;
  Diagnostics diagnostics;
  l.summary = load_sources(files, l.corpus, diagnostics);
  l.corpus.finish_tables_of_contents();  // as resolve does, once every source is in
  l.reported = format_all(diagnostics);
  return l;
}

}  // namespace

TEST_CASE("a code's title and id come from its _index.md", "[layout]") {
  MemoryFileSystem files;
  files.add_file("css/_index.md",
                 "---\ntitle: Code de la sécurité sociale\nid: LEGITEXT000006073189\n---\n");
  files.add_file("css/Partie réglementaire/Livre 1/R133-19.md", "# Article R133-19\n\nTexte.\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 1);
  CHECK(l.corpus.codes()[0].title == "Code de la sécurité sociale");
  CHECK(l.corpus.codes()[0].legi_id == "LEGITEXT000006073189");
  const Article* a = l.article("Code de la sécurité sociale", "R133-19");
  REQUIRE(a);
  CHECK(l.section_titles(*a) == std::vector<std::string>{"Partie réglementaire", "Livre 1"});
  REQUIRE(a->versions.size() == 1);
  CHECK(a->versions[0].origin.file == "css/Partie réglementaire/Livre 1/R133-19.md");
  CHECK(a->versions[0].origin.line == 1);
  CHECK(l.summary.files_read == 2);
  CHECK(l.summary.versions_read == 1);
}

TEST_CASE("without an _index.md a code is named after its folder", "[layout]") {
  MemoryFileSystem files;
  files.add_file("Code civil/Livre Ier/1.md", "# Article 1\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 1);
  CHECK(l.corpus.codes()[0].title == "Code civil");
  CHECK(l.corpus.codes()[0].legi_id == "");
  REQUIRE(l.article("Code civil", "1"));
}

TEST_CASE("sections take their _index.md titles and sort naturally, whatever the file order",
          "[layout]") {
  MemoryFileSystem files;
  // Bytewise the paths run Livre 1, Livre 10, Livre 2: the natural order is Livre 1, 2, 10.
  files.add_file("c/Partie/Livre 1/a.md", "# Article L1\n");
  files.add_file("c/Partie/Livre 10/a.md", "# Article L10\n");
  files.add_file("c/Partie/Livre 2/a.md", "# Article L2\n");
  files.add_file("c/Partie/Livre 2/_index.md", "---\ntitle: Livre II\n---\n");
  files.add_file("c/Partie/_index.md", "---\ntitle: Partie législative\n---\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Code& code = l.corpus.codes().at(0);
  REQUIRE(l.toc_sections(code.root) == std::vector<std::string>{"Partie législative"});
  SectionId partie = SectionId(l.corpus.section(code.root).toc[0].id);
  CHECK(l.toc_sections(partie) == std::vector<std::string>{"Livre 1", "Livre II", "Livre 10"});
  const Article* l2 = l.article("c", "L2");
  REQUIRE(l2);
  CHECK(l.section_titles(*l2) == std::vector<std::string>{"Partie législative", "Livre II"});
  CHECK(l.corpus.articles_in_code_order(code.id).size() == 3);
}

// css-history's Livre 9 of the Décrets simples has "Chapitre II" and "Chapitre Ier", its Livre 8
// "Chapitre 3" … "Chapitre III Bis" … "Chapitre 4", its Livre 3 Titre 8 a "Chapitre
// Préliminaire" before "Chapitre 1er"; the Code civil numbers every part so, after its "Titre
// Préliminaire".
TEST_CASE("sections named with roman numerals sort by their value after a preliminary one",
          "[layout]") {
  MemoryFileSystem files;
  const std::vector<std::pair<std::string, std::string>> chapters = {
      {"Chapitre II", "212"},
      {"Chapitre Ier", "203"},
      {"Chapitre III Bis", "220-1"},
      {"Chapitre 4", "226"},
      {"Chapitre 3", "220"},
      {"Chapitre IX", "240"},
      {"Chapitre X", "250"},
      {"Chapitre Préliminaire", "200"},
      {"Dispositions préliminaires", "199"},
      {"Chapitre XI : Dispositions préliminaires", "260"}};
  for (const auto& [chapter, number] : chapters)
    files.add_file("c/Titre VI/" + chapter + "/a.md", "# Article " + number + "\n");
  files.add_file("c/Titre Préliminaire/a.md", "# Article 1\n");
  files.add_file("c/Livre Ier/a.md", "# Article 7\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Code& code = l.corpus.codes().at(0);
  REQUIRE(l.toc_sections(code.root) ==
          std::vector<std::string>{"Titre Préliminaire", "Livre Ier", "Titre VI"});
  SectionId titre = SectionId(l.corpus.section(code.root).toc[2].id);
  // The CRPA's "Dispositions préliminaires" is listed first; a numbered chapter so named, in its
  // place.
  CHECK(l.toc_sections(titre) ==
        std::vector<std::string>{"Chapitre Préliminaire", "Dispositions préliminaires",
                                 "Chapitre Ier", "Chapitre II", "Chapitre 3", "Chapitre III Bis",
                                 "Chapitre 4", "Chapitre IX", "Chapitre X",
                                 "Chapitre XI : Dispositions préliminaires"});
}

TEST_CASE("an order: in _index.md puts sections before those ordered by name", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/A/x.md", "# Article 1\n");
  files.add_file("c/B/x.md", "# Article 2\n");
  files.add_file("c/C/x.md", "# Article 3\n");
  files.add_file("c/C/_index.md", "---\norder: 2\n---\n");
  files.add_file("c/B/_index.md", "---\norder: 1\n---\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Code& code = l.corpus.codes().at(0);
  CHECK(l.toc_sections(code.root) == std::vector<std::string>{"B", "C", "A"});
}

TEST_CASE("ContentLayout ranks sibling folders, so SectionRef orders are explicit", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/Titre 10/x.md", "");
  files.add_file("c/Titre 9/x.md", "");
  files.add_file("c/Titre 9 bis/x.md", "");
  Diagnostics diagnostics;
  std::size_t read = 0;
  ContentLayout layout = ContentLayout::read(files, files.list_files(""), diagnostics, read);
  CHECK(format_all(diagnostics) == "");
  auto path = layout.section_path({"c/Titre 10"});
  REQUIRE(path.size() == 1);
  CHECK(path[0].title == "Titre 10");
  CHECK(path[0].order == 2);
  CHECK(layout.section_path({"c/Titre 9"})[0].order == 0);
  CHECK(layout.section_path({"c/Titre 9 bis"})[0].order == 1);
}

TEST_CASE("Article <NUM> folders hold versions dated by their file names", "[layout]") {
  MemoryFileSystem files;
  files.add_file("css/_index.md", "---\ntitle: Code de la sécurité sociale\n---\n");
  files.add_file("css/Livre 1/Chapitre 3 bis/Article R133-19/001_2005-08-12_7bf0eb7.md",
                 "Article R133-19\n----\nAncien texte.\n");
  files.add_file("css/Livre 1/Chapitre 3 bis/Article R133-19/002_2013-07-08_seed.md",
                 "# Article R133-19\n\nNouveau texte.\n");
  files.add_file("css/Livre 1/Chapitre 3 bis/Article R133-19/003_2015-01-01_x.md",
                 "---\nDate de début: 2016-02-03\n---\n# Article R133-19\n\nDernier texte.\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  const Article* a = l.article("Code de la sécurité sociale", "R133-19");
  REQUIRE(a);
  CHECK(l.section_titles(*a) == std::vector<std::string>{"Livre 1", "Chapitre 3 bis"});
  REQUIRE(a->versions.size() == 3);
  CHECK(a->versions[0].start == Date::from_ymd(2005, 8, 12));
  CHECK(a->versions[0].text_html == "<p>Ancien texte.</p>\n");
  CHECK(a->versions[1].start == Date::from_ymd(2013, 7, 8));
  CHECK(a->versions[2].start == Date::from_ymd(2016, 2, 3));  // front matter wins
  CHECK(l.corpus.articles().size() == 1);
  CHECK(l.summary.versions_read == 3);
}

TEST_CASE("a file outside version folders also takes the date in its name", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/L1_2001-02-03.md", "# Article L1\n");
  files.add_file("c/L2_2001-02-30.md", "# Article L2\n");
  files.add_file("c/L3_20010203.md", "# Article L3\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "c/L2_2001-02-30.md: warning: '2001-02-30' in the file name is not a real date; the "
        "version is left undated\n");
  CHECK(l.article("c", "L1")->versions[0].start == Date::from_ymd(2001, 2, 3));
  CHECK_FALSE(l.article("c", "L2")->versions[0].start.known());
  CHECK_FALSE(l.article("c", "L3")->versions[0].start.known());
}

TEST_CASE("a heading that disagrees with its version folder is warned about", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/Article L1/v.md", "\n# Article L2\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "c/Article L1/v.md:2: warning: article L2 sits in folder 'Article L1'; the heading's "
        "number is used\n");
  CHECK(l.article("c", "L2"));
  CHECK_FALSE(l.article("c", "L1"));
}

TEST_CASE("two files claiming the same article and version is an error naming both", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/Livre 1/R1.md", "# Article R1\n\nUn.\n");
  files.add_file("c/Livre 2/R1 bis.md", "\n# Article R1\n\nDeux.\n");
  files.add_file("c/Article R2/2013-07-08.md", "# Article R2\n");
  files.add_file("c/Article R2/copie 2013-07-08.md", "# Article R2\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "c/Article R2/copie 2013-07-08.md:1: error: article R2: version of 2013-07-08 is already "
        "given by another source; this one is ignored\n"
        "  note: first given at c/Article R2/2013-07-08.md:1\n");
  REQUIRE(l.article("c", "R2"));
  CHECK(l.article("c", "R2")->versions.size() == 1);
  CHECK(l.summary.files_read == 4);
  CHECK(l.summary.versions_read == 3);  // the rejected copy is not counted
  // One number in two folders: two articles, each with its one version.
  CodeId c = l.corpus.find_code("c");
  auto r1 = l.corpus.articles_numbered(c, ArticleNumber("R1"));
  REQUIRE(r1.size() == 2);
  CHECK(l.corpus.article(r1[0]).versions.at(0).text_html == "<p>Un.</p>\n");
  CHECK(l.corpus.article(r1[1]).versions.at(0).text_html == "<p>Deux.</p>\n");
  CHECK(l.section_titles(l.corpus.article(r1[1])) == std::vector<std::string>{"Livre 2"});
}

TEST_CASE("history files of one day are two versions, told apart by their names", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/Article R2/001_2013-07-08_a.md", "# Article R2\n\nPremière.\n");
  files.add_file("c/Article R2/002_2013-07-08_b.md", "# Article R2\n\nSeconde.\n");
  Loaded l = load(files);
  CHECK(l.reported.empty());
  REQUIRE(l.article("c", "R2"));
  REQUIRE(l.article("c", "R2")->versions.size() == 2);
  CHECK(l.article("c", "R2")->versions[0].source_key == "001_2013-07-08_a.md");
  CHECK(l.article("c", "R2")->versions[1].source_key == "002_2013-07-08_b.md");
}

TEST_CASE("a Markdown file at the content root needs code: front matter", "[layout]") {
  MemoryFileSystem files;
  files.add_file("R1.md", "# Article R1\n");
  files.add_file("R2.md", "---\ncode: Code civil\n---\n# Article R2\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "R1.md:1: error: article outside a code folder; put it under <content>/<code>/ or give "
        "'code:' front matter\n");
  REQUIRE(l.corpus.codes().size() == 1);
  const Article* r2 = l.article("Code civil", "R2");
  REQUIRE(r2);
  CHECK(l.section_titles(*r2).empty());
}

TEST_CASE("code: front matter moves an article to another code, without the folder's id",
          "[layout]") {
  MemoryFileSystem files;
  files.add_file("css/_index.md",
                 "---\ntitle: Code de la sécurité sociale\nid: LEGITEXT000006073189\n---\n");
  files.add_file("css/Livre 1/L1.md", "# Article L1\n");
  files.add_file("css/Livre 1/1240.md", "---\ncode: Code civil\n---\n# Article 1240\n");
  files.add_file("css/Livre 1/L2.md",
                 "---\ncode: code de la securite sociale\n---\n# Article L2\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.codes().size() == 2);
  CodeId civil = l.corpus.find_code("Code civil");
  REQUIRE(civil.valid());
  CHECK(l.corpus.code(civil).legi_id == "");
  const Article* a = l.article("Code civil", "1240");
  REQUIRE(a);
  CHECK(l.section_titles(*a) == std::vector<std::string>{"Livre 1"});
  CHECK(l.article("Code de la sécurité sociale", "L2"));
  CHECK(l.corpus.code(l.corpus.find_code("Code de la sécurité sociale")).legi_id ==
        "LEGITEXT000006073189");
}

TEST_CASE("files that are not article sources are skipped silently", "[layout]") {
  MemoryFileSystem files;
  files.add_file("README.md", "# Notes\n");
  files.add_file("_index.md", "---\ntitle: Site\n---\n");
  files.add_file(".hidden.md", "# Article X1\n");
  files.add_file("c/.git/x.md", "# Article X2\n");
  files.add_file("c/readme.MD", "# Article X3\n");
  files.add_file("c/_brouillon.md", "# Article X4\n");
  files.add_file("c/image.png", "\x89PNG");
  files.add_file("c/notes.txt", "# Article X5\n");
  files.add_file("c/Article X6/_index.md", "---\ntitle: ignored\n---\n");
  files.add_file("c/L1.MD", "# Article L1\n");
  Loaded l = load(files);
  CHECK(l.reported == "");
  REQUIRE(l.corpus.articles().size() == 1);
  CHECK(l.corpus.articles()[0].number.text() == "L1");
  CHECK(l.summary.files_read == 1);
  CHECK(l.summary.versions_read == 1);
}

TEST_CASE("a file that cannot be read as an article is skipped and the others still load",
          "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/a.md", "Pas de titre.\n");
  files.add_file("c/b.md", "# Article ../../etc\n");
  files.add_file("c/c.md", "# Article L3\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "c/a.md:1:1: error: no article number: expected a '# Article <NUM>' heading\n"
        "    Pas de titre.\n"
        "    ^\n"
        "  note: accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' "
        "underlined, or 'num: <NUM>' front matter\n"
        "c/b.md:1:11: error: invalid article number '../../etc': an article number cannot start "
        "with '.'\n"
        "    # Article ../../etc\n"
        "              ^\n");
  CHECK(l.corpus.articles().size() == 1);
  CHECK(l.summary.files_read == 3);
  CHECK(l.summary.versions_read == 1);
}

TEST_CASE("files with no article are reported once per folder, with the accepted headings",
          "[layout]") {
  // Notes exported beside the articles: one error per folder says what an article looks like.
  MemoryFileSystem files;
  for (const char* name : {"c/notes/a.md", "c/notes/b.md", "c/notes/c.md", "c/notes/d.md"})
    files.add_file(name, "Pas de titre.\n");
  files.add_file("c/autres/e.md", "Pas de titre non plus.\n");
  files.add_file("c/L3.md", "# Article L3\n");
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics);
  CHECK(diagnostics.error_count() == 5);
  CHECK(format_grouped(diagnostics) ==
        "c/autres/e.md:1:1: error: no article number: expected a '# Article <NUM>' heading\n"
        "    Pas de titre non plus.\n"
        "    ^\n"
        "  note: accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' "
        "underlined, or 'num: <NUM>' front matter\n"
        "c/notes/a.md:1:1: error: no article number: expected a '# Article <NUM>' heading\n"
        "    Pas de titre.\n"
        "    ^\n"
        "  note: accepted: '# Article <NUM>', '<h1>Article <NUM></h1>', 'Article <NUM>' "
        "underlined, or 'num: <NUM>' front matter\n"
        "  note: the same error at 4 places: c/notes/a.md:1, c/notes/b.md:1, c/notes/c.md:1, …; "
        "`legisite check` lists them all\n");
  CHECK(corpus.articles().size() == 1);
}

TEST_CASE("a title given by --code-title makes the content root one code, its folders sections",
          "[layout]") {
  // A repository of one code whose root README.md does not name it (no front matter).
  MemoryFileSystem files;
  files.add_file("README.md", "# Constitution\n\nCe dépôt…\n");
  files.add_file("titre_ii/article_10.md", "<h1>Article 10</h1>\n\nLe Président…\n");
  files.add_file("titre_ii/article_11.md", "<h1>Article 11</h1>\n\nLe Président…\n");
  files.add_file("titre_premier/article_2.md", "<h1>Article 2</h1>\n\nLa langue…\n");
  {
    Corpus corpus;
    Diagnostics diagnostics;
    load_sources(files, corpus, diagnostics);
    CHECK(corpus.codes().size() == 2);  // each folder a code, without the option
  }
  Corpus corpus;
  Diagnostics diagnostics;
  SourceOptions options;
  options.code_title = "Constitution du 4 octobre 1958";
  load_sources(files, corpus, diagnostics, 1, options);
  CHECK(format_all(diagnostics) == "");
  REQUIRE(corpus.codes().size() == 1);
  CHECK(corpus.codes()[0].title == "Constitution du 4 octobre 1958");
  REQUIRE(corpus.articles().size() == 3);
  std::vector<std::string> sections;
  for (const Section& s : corpus.sections())
    if (s.parent.valid()) sections.push_back(s.title);  // the code's root has no title
  std::sort(sections.begin(), sections.end());
  CHECK(sections == std::vector<std::string>{"titre_ii", "titre_premier"});
}

TEST_CASE("a bad _index.md is reported and its folder keeps its own name", "[layout]") {
  MemoryFileSystem files;
  files.add_file("c/Livre 1/_index.md", "---\ntitle: Livre premier\norder: un\n---\n");
  files.add_file("c/Livre 1/a.md", "# Article L1\n");
  Loaded l = load(files);
  CHECK(l.reported ==
        "c/Livre 1/_index.md:3:8: error: invalid order 'un': expected a whole number\n"
        "    order: un\n"
        "           ^\n");
  CHECK(l.section_titles(*l.article("c", "L1")) == std::vector<std::string>{"Livre 1"});
}

TEST_CASE("a path is classified by its folders and its name", "[layout]") {
  ContentPath version =
      classify_markdown_path("css/Partie/Livre 1/Article R133-19/002_2013-07-08_seed.md");
  CHECK(version.role == MarkdownRole::kArticle);
  CHECK(version.code_folder == "css");
  CHECK(version.section_folders == std::vector<std::string>{"css/Partie", "css/Partie/Livre 1"});
  CHECK(version.version_folder_number == "R133-19");
  CHECK(version.date_in_name == "2013-07-08");
  CHECK(version.date_from_name == Date::from_ymd(2013, 7, 8));

  ContentPath index = classify_markdown_path("css/Partie/_index.md");
  CHECK(index.role == MarkdownRole::kIndex);
  CHECK(index.section_folders == std::vector<std::string>{"css/Partie"});
  CHECK(classify_markdown_path("css/_index.md").role == MarkdownRole::kIndex);
  CHECK(classify_markdown_path("_index.md").role == MarkdownRole::kNotAnArticle);
  CHECK(classify_markdown_path("css/Article L1/_index.md").role == MarkdownRole::kNotAnArticle);
  CHECK(classify_markdown_path("css/README.md").role == MarkdownRole::kNotAnArticle);
  CHECK(classify_markdown_path("css/.x.md").role == MarkdownRole::kNotAnArticle);
  CHECK(classify_markdown_path("css/_x.md").role == MarkdownRole::kNotAnArticle);

  ContentPath root = classify_markdown_path("L1.md");
  CHECK(root.role == MarkdownRole::kArticle);
  CHECK(root.code_folder == "");
  CHECK(root.section_folders.empty());

  CHECK(version_folder_number("Article R133-19") == "R133-19");
  CHECK(version_folder_number("article L. 133-6") == "L. 133-6");
  CHECK(version_folder_number("Articles liminaires") == "");
  CHECK(version_folder_number("Article") == "");
}

}  // namespace content_layout_test
