// The Corpus: one owner of codes, sections and articles, found by title, number or id, and the
// tables of contents it orders once every source is loaded.

#include "model/corpus.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace legisite::corpus_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";

std::vector<std::string> numbers_of(const Corpus& corpus, const std::vector<ArticleId>& ids) {
  std::vector<std::string> out;
  for (ArticleId id : ids) out.push_back(corpus.article(id).number.text());
  return out;
}

// The toc of a section as "S:title" and "A:number" strings.
std::vector<std::string> toc_of(const Corpus& corpus, SectionId section) {
  std::vector<std::string> out;
  for (const TocEntry& e : corpus.section(section).toc) {
    if (e.kind == TocEntry::Kind::kSection)
      out.push_back("S:" + corpus.section(SectionId(e.id)).title);
    else
      out.push_back("A:" + corpus.article(ArticleId(e.id)).number.text());
  }
  return out;
}

ArticleId add(Corpus& corpus, CodeId code, SectionId section, const char* number,
              std::int64_t order = -1) {
  ArticleId id = corpus.add_article(code, section, ArticleNumber(number));
  corpus.article(id).order = order;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Codes

TEST_CASE("a code title matches whatever its case, accents and final full stop",
          "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CHECK(corpus.find_or_add_code("Code de la sécurité sociale.") == css);
  CHECK(corpus.find_or_add_code("code de la securite sociale") == css);
  CHECK(corpus.find_or_add_code("CODE DE LA SÉCURITÉ SOCIALE") == css);
  CHECK(corpus.find_or_add_code("  Code  de la sécurité\tsociale  ") == css);
  CHECK(corpus.codes().size() == 1);
  CHECK(corpus.find_code("code de la securite sociale.") == css);
}

TEST_CASE("a code keeps its title as first given, without a final full stop", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code("Code de la sécurité sociale.");
  corpus.find_or_add_code("code de la securite sociale");
  CHECK(corpus.code(css).title == "Code de la sécurité sociale");
  CHECK(corpus.code(css).id == css);
}

TEST_CASE("different code titles make different codes", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CodeId crpa = corpus.find_or_add_code("Code des relations entre le public et l'administration");
  CHECK(css != crpa);
  CHECK(corpus.codes().size() == 2);
  CHECK_FALSE(corpus.find_code("Code du travail").valid());
  CHECK(corpus.find_code("code des relations entre le public et l administration") == crpa);
}

TEST_CASE("a code is found by its LEGITEXT id whatever title comes with it", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss, "LEGITEXT000006073189");
  CHECK(corpus.find_code_by_legi_id("LEGITEXT000006073189") == css);
  CHECK(corpus.find_or_add_code("CSS", "LEGITEXT000006073189") == css);
  CHECK(corpus.codes().size() == 1);
  CHECK_FALSE(corpus.find_code_by_legi_id("LEGITEXT000000000000").valid());
}

TEST_CASE("a code first named without an id takes the id a later source gives", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CHECK(corpus.code(css).legi_id.empty());
  CHECK(corpus.find_or_add_code("Code de la sécurité sociale.", "LEGITEXT000006073189") == css);
  CHECK(corpus.code(css).legi_id == "LEGITEXT000006073189");
  CHECK(corpus.find_code_by_legi_id("LEGITEXT000006073189") == css);
}

TEST_CASE("every code has a root section with no title and no parent", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CodeId crpa = corpus.find_or_add_code("Code des relations entre le public et l'administration");
  const Section& root = corpus.section(corpus.code(css).root);
  CHECK(root.title.empty());
  CHECK_FALSE(root.parent.valid());
  CHECK(root.code == css);
  CHECK(corpus.code(crpa).root != corpus.code(css).root);
  CHECK(corpus.section(corpus.code(crpa).root).code == crpa);
}

// ---------------------------------------------------------------------------------------------
// Sections

TEST_CASE("a section is found again by its title under the same parent", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId partie = corpus.find_or_add_section(root, "Partie législative");
  CHECK(corpus.find_or_add_section(root, "Partie législative") == partie);
  CHECK(corpus.find_or_add_section(root, "Partie Législative") == partie);
  CHECK(corpus.find_or_add_section(root, "partie legislative") == partie);
  SectionId livre = corpus.find_or_add_section(partie, "Livre 1");
  CHECK(livre != partie);
  CHECK(corpus.section(livre).parent == partie);
  CHECK(corpus.section(livre).code == css);
  CHECK(corpus.section(partie).sections == std::vector<SectionId>{livre});
}

TEST_CASE("one title under two parents makes two sections", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId l1 = corpus.find_or_add_section(root, "Livre 1");
  SectionId l2 = corpus.find_or_add_section(root, "Livre 2");
  SectionId t1a = corpus.find_or_add_section(l1, "Titre 1");
  SectionId t1b = corpus.find_or_add_section(l2, "Titre 1");
  CHECK(t1a != t1b);
  CHECK(corpus.section(t1a).parent == l1);
  CHECK(corpus.section(t1b).parent == l2);
}

TEST_CASE("a section with a LEGISCTA id is found by its id even when its title changed",
          "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId s = corpus.find_or_add_section(root, "Livre I : Généralités", "LEGISCTA000006126885");
  CHECK(corpus.find_or_add_section(root, "Livre I : Généralités - Dispositions communes",
                                   "LEGISCTA000006126885") == s);
  CHECK(corpus.section(s).legi_id == "LEGISCTA000006126885");
  CHECK(corpus.section(s).title == "Livre I : Généralités");
  SectionId other =
      corpus.find_or_add_section(root, "Livre I : Généralités", "LEGISCTA000000000001");
  CHECK(other != s);
}

TEST_CASE("a section takes its explicit order, else its rank among its siblings",
          "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId a = corpus.find_or_add_section(root, "A");
  SectionId b = corpus.find_or_add_section(root, "B");
  SectionId c = corpus.find_or_add_section(root, "C", "", 472439);
  CHECK(corpus.section(a).order == 0);
  CHECK(corpus.section(b).order == 1);
  CHECK(corpus.section(c).order == 472439);
}

TEST_CASE("the path of a section runs from the code's top level down, root excluded",
          "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId partie = corpus.find_or_add_section(root, "Partie législative");
  SectionId livre = corpus.find_or_add_section(partie, "Livre 1");
  SectionId chapitre = corpus.find_or_add_section(livre, "Chapitre 3 bis");
  CHECK(corpus.section_path(chapitre) == std::vector<SectionId>{partie, livre, chapitre});
  CHECK(corpus.section_path(partie) == std::vector<SectionId>{partie});
  CHECK(corpus.section_path(root).empty());
  CHECK(corpus.section_path(SectionId()).empty());
}

// ---------------------------------------------------------------------------------------------
// Articles

TEST_CASE("an article is found by its number however the number is spelt", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  ArticleId id = corpus.add_article(css, corpus.code(css).root, ArticleNumber("L133-6"),
                                    "LEGIARTI000006740081");
  CHECK(corpus.find_article(css, ArticleNumber("L133-6")) == id);
  CHECK(corpus.find_article(css, ArticleNumber("L. 133-6")) == id);
  CHECK(corpus.find_article(css, ArticleNumber("l133-6")) == id);
  CHECK_FALSE(corpus.find_article(css, ArticleNumber("L133-6-1")).valid());
  CHECK(corpus.find_article_by_cid("LEGIARTI000006740081") == id);
  CHECK_FALSE(corpus.find_article_by_cid("LEGIARTI000000000000").valid());
  CHECK_FALSE(corpus.find_article_by_cid("").valid());
  const Article& a = corpus.article(id);
  CHECK(a.id == id);
  CHECK(a.code == css);
  CHECK(a.number.text() == "L133-6");
  CHECK(a.cid == "LEGIARTI000006740081");
  CHECK_FALSE(a.cited_only);
  CHECK(a.versions.empty());
}

TEST_CASE("one number in two codes is two articles", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CodeId crpa = corpus.find_or_add_code("Code des relations entre le public et l'administration");
  ArticleId a = corpus.add_article(css, corpus.code(css).root, ArticleNumber("L1"));
  ArticleId b = corpus.add_article(crpa, corpus.code(crpa).root, ArticleNumber("L1"));
  CHECK(a != b);
  CHECK(corpus.find_article(css, ArticleNumber("L1")) == a);
  CHECK(corpus.find_article(crpa, ArticleNumber("L1")) == b);
}

TEST_CASE("an article without a cid is not found by the empty cid", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  corpus.add_article(css, corpus.code(css).root, ArticleNumber("L1"));
  CHECK_FALSE(corpus.find_article_by_cid("").valid());
}

TEST_CASE("an article can be found by a cid given after it was added", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  ArticleId a = corpus.add_article(css, corpus.code(css).root, ArticleNumber("L1"));
  ArticleId b = corpus.add_article(css, corpus.code(css).root, ArticleNumber("L2"), "LEGIARTI2");
  corpus.add_article_cid(a, "LEGIARTI1");
  corpus.add_article_cid(a, "LEGIARTI1-bis");
  corpus.add_article_cid(a, "LEGIARTI2");  // taken: stays with L2
  corpus.add_article_cid(a, "");
  CHECK(corpus.article(a).cid == "LEGIARTI1");
  CHECK(corpus.find_article_by_cid("LEGIARTI1") == a);
  CHECK(corpus.find_article_by_cid("LEGIARTI1-bis") == a);
  CHECK(corpus.find_article_by_cid("LEGIARTI2") == b);
  CHECK_FALSE(corpus.find_article_by_cid("").valid());
}

// ---------------------------------------------------------------------------------------------
// Tables of contents

TEST_CASE(
    "without explicit order a section lists its articles in code order, then its "
    "subsections in the order they came",
    "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId chapitre = corpus.find_or_add_section(root, "Chapitre 3 bis");
  SectionId livre10 = corpus.find_or_add_section(chapitre, "Section 2");
  SectionId livre2 = corpus.find_or_add_section(chapitre, "Section 1");
  add(corpus, css, chapitre, "L133-10");
  add(corpus, css, chapitre, "L133-6-1");
  add(corpus, css, chapitre, "L133-6 bis");
  add(corpus, css, chapitre, "L133-7");
  add(corpus, css, chapitre, "L133-6");
  add(corpus, css, chapitre, "L133-6-8-4");
  add(corpus, css, livre2, "L133-11");
  add(corpus, css, livre10, "L133-12");
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, chapitre) ==
        std::vector<std::string>{"A:L133-6", "A:L133-6 bis", "A:L133-6-1", "A:L133-6-8-4",
                                 "A:L133-7", "A:L133-10", "S:Section 2", "S:Section 1"});
  CHECK(toc_of(corpus, root) == std::vector<std::string>{"S:Chapitre 3 bis"});
  CHECK(toc_of(corpus, livre2) == std::vector<std::string>{"A:L133-11"});
}

TEST_CASE("explicit positions interleave sections and articles of one section", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId titre = corpus.find_or_add_section(root, "Titre 1");
  SectionId s_late = corpus.find_or_add_section(titre, "Section 2", "LEGISCTA2", 40);
  SectionId s_early = corpus.find_or_add_section(titre, "Section 1", "LEGISCTA1", 20);
  add(corpus, css, titre, "L111-2", 30);
  add(corpus, css, titre, "L111-1", 10);
  add(corpus, css, titre, "L111-9");  // no position: after every positioned entry
  add(corpus, css, titre, "L111-3");
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, titre) == std::vector<std::string>{"A:L111-1", "S:Section 1", "A:L111-2",
                                                          "S:Section 2", "A:L111-3", "A:L111-9"});
  (void)s_late;
  (void)s_early;
}

TEST_CASE("explicit positions order articles against their numbers", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  add(corpus, css, root, "L1", 3);
  add(corpus, css, root, "L2", 1);
  add(corpus, css, root, "L3", 2);
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, root) == std::vector<std::string>{"A:L2", "A:L3", "A:L1"});
}

TEST_CASE("sections sort by their explicit order among themselves", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  corpus.find_or_add_section(root, "Partie réglementaire", "LEGISCTA2", 472440);
  corpus.find_or_add_section(root, "Partie législative", "LEGISCTA1", 472439);
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, root) ==
        std::vector<std::string>{"S:Partie législative", "S:Partie réglementaire"});
}

TEST_CASE("cited-only articles stay out of the tables of contents", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  add(corpus, css, root, "L1");
  ArticleId cited = add(corpus, css, root, "L0");
  corpus.article(cited).cited_only = true;
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, root) == std::vector<std::string>{"A:L1"});
  CHECK(numbers_of(corpus, corpus.articles_in_code_order(css)) == std::vector<std::string>{"L1"});
}

TEST_CASE("finishing the tables of contents twice gives the same tables", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  corpus.find_or_add_section(root, "Livre 1");
  add(corpus, css, root, "L2");
  add(corpus, css, root, "L1");
  corpus.finish_tables_of_contents();
  auto first = toc_of(corpus, root);
  corpus.finish_tables_of_contents();
  CHECK(toc_of(corpus, root) == first);
  CHECK(first == std::vector<std::string>{"A:L1", "A:L2", "S:Livre 1"});
}

TEST_CASE("a code's articles in code order walk its sections depth first", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  CodeId other = corpus.find_or_add_code("Code du travail");
  SectionId root = corpus.code(css).root;
  SectionId leg = corpus.find_or_add_section(root, "Partie législative");
  SectionId reg = corpus.find_or_add_section(root, "Partie réglementaire");
  SectionId livre1 = corpus.find_or_add_section(leg, "Livre 1");
  SectionId livre2 = corpus.find_or_add_section(leg, "Livre 2");
  add(corpus, css, reg, "R111-1");
  add(corpus, css, livre2, "L200-1");
  add(corpus, css, livre1, "L111-2");
  add(corpus, css, livre1, "L111-1");
  add(corpus, css, leg, "L100");
  add(corpus, other, corpus.code(other).root, "L1");
  corpus.finish_tables_of_contents();
  CHECK(numbers_of(corpus, corpus.articles_in_code_order(css)) ==
        std::vector<std::string>{"L100", "L111-1", "L111-2", "L200-1", "R111-1"});
  CHECK(numbers_of(corpus, corpus.articles_in_code_order(other)) == std::vector<std::string>{"L1"});
}

TEST_CASE("before the tables of contents are finished a code lists no article", "[model][corpus]") {
  Corpus corpus;
  CodeId css = corpus.find_or_add_code(kCss);
  add(corpus, css, corpus.code(css).root, "L1");
  CHECK(corpus.articles_in_code_order(css).empty());
}

// ---------------------------------------------------------------------------------------------
// code_title_key

TEST_CASE(
    "the key of a code title is folded, its spaces collapsed and its final punctuation "
    "dropped",
    "[model][corpus]") {
  CHECK(code_title_key("Code de la sécurité sociale.") == "code de la securite sociale");
  CHECK(code_title_key("  Code   de la Sécurité sociale , ") == "code de la securite sociale");
  CHECK(code_title_key("Code des relations entre le public et l'administration") ==
        "code des relations entre le public et l administration");
  CHECK(code_title_key("") == "");
}

}  // namespace
}  // namespace legisite::corpus_test
