// The resolve stage: links get their target article, cited-but-missing articles get a page,
// every article and section gets a unique permalink, and backlinks invert the links.

#include "resolve/resolve.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace legisite::resolve_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";

Link link_to(const char* code_title, const char* number, LinkGroup group = LinkGroup::kCites) {
  Link link;
  link.group = group;
  link.label = std::string(link_group_label(group));
  link.text_title = code_title;
  link.article_number = number;
  link.text = std::string(code_title) + " - art. " + number;
  link.where = {"links.md", 7, 1};
  return link;
}

/// Adds one dated version of an article of the CSS, with links, under `sections`.
ArticleId add(Corpus& corpus, const char* number, std::vector<Link> links = {},
              std::vector<std::string> sections = {"Partie législative"}, const char* cid = "",
              const char* file = nullptr) {
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = kCss;
  for (auto& title : sections) r.section_path.push_back({title, "", -1});
  r.number = ArticleNumber(number);
  r.cid = cid;
  r.version.start = Date::from_ymd(2013, 7, 8);
  r.version.origin = {file ? file : std::string(number) + ".md", 1, 0};
  r.version.links = std::move(links);
  add_record(corpus, std::move(r), diagnostics);
  REQUIRE(diagnostics.all().empty());
  return corpus.find_article(corpus.find_code(kCss), ArticleNumber(number));
}

const Link& first_link(const Corpus& corpus, ArticleId id) {
  return corpus.article(id).versions.at(0).links.at(0);
}

// ---------------------------------------------------------------------------------------------
// Metadata links

TEST_CASE("a link to an article of a corpus code resolves to that article", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  ArticleId from = add(corpus, "L133-7", {link_to("Code de la sécurité sociale.", "L. 133-6")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(first_link(corpus, from).resolved == target);
  CHECK(corpus.articles().size() == 2);
}

TEST_CASE("a link names its code however the title is spelt", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  ArticleId from = add(corpus, "L1", {link_to("CODE DE LA SECURITE SOCIALE", "l133-6")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK(first_link(corpus, from).resolved == target);
}

TEST_CASE("a link to a missing article of a corpus code creates a cited-only article with a slug",
          "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId from = add(corpus, "L1", {link_to(kCss, "L. 133-6-1"), link_to(kCss, "L133-6-1")});
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 2);
  ArticleId created = first_link(corpus, from).resolved;
  REQUIRE(created.valid());
  CHECK(created != from);
  CHECK(corpus.article(from).versions[0].links[1].resolved == created);  // not created twice
  const Article& a = corpus.article(created);
  CHECK(a.cited_only);
  CHECK(a.number.text() == "L133-6-1");
  CHECK(a.code == corpus.find_code(kCss));
  CHECK(a.versions.empty());
  CHECK(a.slug == "l133-6-1");
  // Cited-only articles are not in the table of contents, but their citers are their backlinks.
  CHECK(corpus.articles_in_code_order(a.code) == std::vector<ArticleId>{from});
  REQUIRE(graph.cited_by.at(created.value).size() == 2);
  CHECK(graph.cited_by[created.value][0].from == from);
}

TEST_CASE("a link to a code that is not in the corpus stays unresolved", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId from = add(corpus, "L1", {link_to("Code du travail", "L1221-1")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK_FALSE(first_link(corpus, from).resolved.valid());
  CHECK(corpus.articles().size() == 1);
  CHECK(corpus.codes().size() == 1);
}

TEST_CASE("a link to an article of a text that is not a code stays unresolved", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "1");
  ArticleId from = add(
      corpus, "L1", {link_to("Décret n°2013-597 du 8 juillet 2013", "1", LinkGroup::kModifiedBy)});
  resolve_metadata_links(corpus, diagnostics);
  CHECK_FALSE(first_link(corpus, from).resolved.valid());
  CHECK(corpus.articles().size() == 2);
}

TEST_CASE("a link to a corpus code without an article number stays unresolved", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId from = add(corpus, "L1", {link_to(kCss, "")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK_FALSE(first_link(corpus, from).resolved.valid());
  CHECK(corpus.articles().size() == 1);
}

TEST_CASE(
    "a link whose target id is an article's cid or one of its versions' ids resolves to it, "
    "whatever its title says",
    "[resolve]") {
  for (const char* id : {"LEGIARTI000006740081", "LEGIARTI000019241032"}) {
    INFO(id);
    Corpus corpus;
    Diagnostics diagnostics;
    ArticleId target = add(corpus, "L133-6", {}, {"Partie législative"}, "LEGIARTI000006740081");
    corpus.article(target).versions[0].id = "LEGIARTI000019241032";
    Link link = link_to("Loi n° 2004-810 du 13 août 2004", "12");
    link.target_id = id;
    ArticleId from = add(corpus, "L1", {link});
    resolve_metadata_links(corpus, diagnostics);
    CHECK(first_link(corpus, from).resolved == target);
    // A version's id names that version too; the cid names the article.
    CHECK(first_link(corpus, from).resolved_version ==
          (std::string_view(id) == "LEGIARTI000019241032" ? 0 : -1));
  }
}

// The Tricoteuses Constitution's "Références" cite "Constitution du 4 octobre 1958 - article 42":
// a text of the site, though its title does not start with "Code".
TEST_CASE("a link to an article of a text the site publishes resolves, whatever its title",
          "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  const char* constitution = "Constitution du 4 octobre 1958";
  auto article = [&](const char* number, std::vector<Link> links) {
    ArticleRecord r;
    r.code_title = constitution;
    r.number = ArticleNumber(number);
    r.version.start = Date::from_ymd(2008, 7, 25);
    r.version.origin = {std::string(number) + ".md", 1, 0};
    r.version.links = std::move(links);
    add_record(corpus, std::move(r), diagnostics);
    return corpus.find_article(corpus.find_code(constitution), ArticleNumber(number));
  };
  ArticleId target = article("42", {});
  ArticleId from = article("89", {link_to(constitution, "42")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(first_link(corpus, from).resolved == target);
}

TEST_CASE("a link whose target id is unknown falls back to its code and number", "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  Link link = link_to(kCss, "L133-6");
  link.target_id = "LEGIARTI000099999999";
  ArticleId from = add(corpus, "L1", {link});
  resolve_metadata_links(corpus, diagnostics);
  CHECK(first_link(corpus, from).resolved == target);
}

TEST_CASE("a link to an article number that cannot be a page is warned about and left unresolved",
          "[resolve]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId from = add(corpus, "L1", {link_to(kCss, "../../etc/passwd")});
  resolve_metadata_links(corpus, diagnostics);
  CHECK_FALSE(first_link(corpus, from).resolved.valid());
  CHECK(corpus.articles().size() == 1);
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "links.md:7:1: warning: cannot link to article '../../etc/passwd' of Code de la sécurité "
        "sociale: an article number cannot start with '.'\n");
}

// ---------------------------------------------------------------------------------------------
// Permalinks

TEST_CASE("codes and articles get their slugs", "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId a = add(corpus, "R*133-2");
  ArticleId b = add(corpus, "R133-2");
  ArticleId c = add(corpus, "L133-6 bis");
  resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  CHECK(corpus.codes()[0].slug == "code-de-la-securite-sociale");
  CHECK(corpus.article(a).slug == "r-star-133-2");
  CHECK(corpus.article(b).slug == "r133-2");
  CHECK(corpus.article(c).slug == "l133-6-bis");
}

TEST_CASE("two articles of one number without cids: the later in code order gets -2, a warning",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  ArticleId lower = corpus.add_article(css, root, ArticleNumber("Annexe"));
  ArticleId upper = corpus.add_article(css, root, ArticleNumber("ANNEXE"));
  corpus.article(lower).versions.push_back(Version{});
  corpus.article(lower).versions.back().origin = {"annexe.md", 1, 0};
  corpus.article(upper).versions.push_back(Version{});
  corpus.article(upper).versions.back().origin = {"ANNEXE.md", 1, 0};
  resolve(corpus, diagnostics);
  // "ANNEXE" sorts before "Annexe" (bytewise on letters), so it keeps the plain slug.
  CHECK(corpus.article(upper).slug == "annexe");
  CHECK(corpus.article(lower).slug == "annexe-2");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "annexe.md:1: warning: Code de la sécurité sociale has 2 distinct articles numbered "
        "ANNEXE; each gets a page of its own\n"
        "  note: 'annexe': ANNEXE in the top level of the code, read at ANNEXE.md:1\n"
        "  note: 'annexe-2': Annexe in the top level of the code, read at annexe.md:1\n");
}

TEST_CASE("numbers whose keys differ but whose slugs meet are told apart",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId spaced = add(corpus, "L133-6 bis");
  ArticleId dashed = add(corpus, "L133-6-bis");
  REQUIRE(spaced != dashed);
  resolve(corpus, diagnostics);
  CHECK(corpus.article(spaced).slug == "l133-6-bis");
  CHECK(corpus.article(dashed).slug == "l133-6-bis-2");
  CHECK(diagnostics.warning_count() == 1);
}

TEST_CASE("a suffixed slug never takes the plain slug of another article",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  ArticleId upper = corpus.add_article(css, root, ArticleNumber("ANNEXE"));
  ArticleId lower = corpus.add_article(css, root, ArticleNumber("Annexe"));
  ArticleId two = corpus.add_article(css, root, ArticleNumber("Annexe 2"));
  resolve(corpus, diagnostics);
  CHECK(corpus.article(upper).slug == "annexe");
  CHECK(corpus.article(two).slug == "annexe-2");  // its own slug, whatever else collides
  CHECK(corpus.article(lower).slug == "annexe-3");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].message ==
        "Code de la sécurité sociale has 2 distinct articles numbered ANNEXE; each gets a page of "
        "its own");
  CHECK(diagnostics.all()[0].notes.at(1) == "'annexe-3': Annexe in the top level of the code");
}

TEST_CASE("article slugs are unique within a code and may repeat across codes",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, "L1");
  ArticleRecord other;
  other.code_title = "Code du travail";
  other.number = ArticleNumber("L1");
  other.version.start = Date::from_ymd(2013, 1, 1);
  add_record(corpus, other, diagnostics);
  resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(corpus.articles().size() == 2);
  CHECK(corpus.articles()[0].slug == "l1");
  CHECK(corpus.articles()[1].slug == "l1");
  CHECK(corpus.codes()[1].slug == "code-du-travail");
}

TEST_CASE("code slugs are unique and never take the theme's static folder",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId a = corpus.find_or_add_code("Code civil");
  CodeId b = corpus.find_or_add_code("Code civil !");
  CodeId s = corpus.find_or_add_code("Static");
  CodeId e = corpus.find_or_add_code("«»");
  assign_permalinks(corpus, diagnostics);
  CHECK(corpus.code(a).slug == "code-civil");
  CHECK(corpus.code(b).slug == "code-civil-2");
  CHECK(corpus.code(s).slug == "static-2");
  CHECK(corpus.code(e).slug == "code");
}

TEST_CASE("a section anchor is the path of designators from the top, joined by --",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId a = add(corpus, "L133-6", {},
                    {"Partie législative", "Livre I : Généralités - Dispositions communes",
                     "Titre III: Dispositions communes", "Chapitre 3 bis : Recouvrement"});
  resolve(corpus, diagnostics);
  std::vector<std::string> anchors;
  for (SectionId s : corpus.section_path(corpus.article(a).section))
    anchors.push_back(corpus.section(s).anchor);
  CHECK(anchors ==
        std::vector<std::string>{"partie-legislative", "partie-legislative--livre-i",
                                 "partie-legislative--livre-i--titre-iii",
                                 "partie-legislative--livre-i--titre-iii--chapitre-3-bis"});
  CHECK(corpus.section(corpus.code(corpus.article(a).code).root).anchor.empty());
}

TEST_CASE("a dash does not end a section designator, so named parts keep their whole name",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId simples = corpus.find_or_add_section(root, "Partie réglementaire - Décrets simples");
  SectionId ce =
      corpus.find_or_add_section(root, "Partie réglementaire - Décrets en Conseil d'Etat");
  corpus.finish_tables_of_contents();
  assign_permalinks(corpus, diagnostics);
  CHECK(corpus.section(simples).anchor == "partie-reglementaire-decrets-simples");
  CHECK(corpus.section(ce).anchor == "partie-reglementaire-decrets-en-conseil-d-etat");
}

TEST_CASE("section anchors are unique within a code", "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  SectionId one = corpus.find_or_add_section(root, "Livre 1 : Généralités");
  SectionId two = corpus.find_or_add_section(root, "Livre 1 : Dispositions");
  SectionId three = corpus.find_or_add_section(root, "Livre 1");
  SectionId child = corpus.find_or_add_section(two, "Titre 1");
  corpus.finish_tables_of_contents();
  assign_permalinks(corpus, diagnostics);
  CHECK(corpus.section(one).anchor == "livre-1");
  CHECK(corpus.section(two).anchor == "livre-1-2");
  CHECK(corpus.section(three).anchor == "livre-1-3");
  CHECK(corpus.section(child).anchor == "livre-1-2--titre-1");
}

TEST_CASE("a long section designator is cut short without a dangling dash",
          "[resolve][permalinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  CodeId css = corpus.find_or_add_code(kCss);
  SectionId root = corpus.code(css).root;
  // The slug's 48th character is the dash after "indep".
  SectionId s = corpus.find_or_add_section(
      root, "Dispositions applicables aux travailleurs indép endants et assimilés");
  SectionId empty = corpus.find_or_add_section(root, "« »");
  SectionId child = corpus.find_or_add_section(s, "Titre 1");
  corpus.finish_tables_of_contents();
  assign_permalinks(corpus, diagnostics);
  const std::string& anchor = corpus.section(s).anchor;
  CHECK(anchor.size() <= 48);
  CHECK(anchor == "dispositions-applicables-aux-travailleurs-indep");
  CHECK(corpus.section(child).anchor == "dispositions-applicables-aux-travailleurs-indep--titre-1");
  CHECK(anchor.back() != '-');
  CHECK(corpus.section(child).anchor.find("---") == std::string::npos);
  CHECK(corpus.section(empty).anchor == "section");
}

// ---------------------------------------------------------------------------------------------
// Backlinks

TEST_CASE("backlinks list the citing articles in code order, then version, then link",
          "[resolve][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId target = add(corpus, "L133-6");
  // Added out of code order: L200 first, then L100.
  ArticleId late = add(corpus, "L200", {link_to(kCss, "L133-6"), link_to(kCss, "L133-6")});
  ArticleId early = add(corpus, "L100", {link_to(kCss, "L133-6", LinkGroup::kModifiedBy)});
  // A second version of L200 also cites L133-6.
  {
    ArticleRecord r;
    r.code_title = kCss;
    r.section_path = {{"Partie législative", "", -1}};
    r.number = ArticleNumber("L200");
    r.version.start = Date::from_ymd(2015, 1, 1);
    r.version.links = {link_to(kCss, "L133-6")};
    add_record(corpus, r, diagnostics);
  }
  LinkGraph graph = resolve(corpus, diagnostics);
  CHECK(diagnostics.all().empty());
  REQUIRE(graph.cited_by.size() == corpus.articles().size());
  const auto& back = graph.cited_by[target.value];
  REQUIRE(back.size() == 4);
  CHECK(back[0].from == early);
  CHECK(back[0].version == 0);
  CHECK(back[0].link == 0);
  CHECK(back[1].from == late);
  CHECK(back[1].version == 0);
  CHECK(back[1].link == 0);
  CHECK(back[2].from == late);
  CHECK(back[2].version == 0);
  CHECK(back[2].link == 1);
  CHECK(back[3].from == late);
  CHECK(back[3].version == 1);
  CHECK(back[3].link == 0);
  CHECK(graph.cited_by[early.value].empty());
  CHECK(graph.cited_by[late.value].empty());
}

TEST_CASE("backlinks skip Cité par entries and links of an article to itself",
          "[resolve][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId a = add(corpus, "L1", {link_to(kCss, "L1"), link_to(kCss, "L2", LinkGroup::kCitedBy)});
  ArticleId b = add(corpus, "L2", {link_to(kCss, "L1", LinkGroup::kCitedBy)});
  LinkGraph graph = resolve(corpus, diagnostics);
  // The links resolve: only the backlinks leave them out.
  CHECK(corpus.article(a).versions[0].links[0].resolved == a);
  CHECK(corpus.article(a).versions[0].links[1].resolved == b);
  CHECK(corpus.article(b).versions[0].links[0].resolved == a);
  CHECK(graph.cited_by[a.value].empty());
  CHECK(graph.cited_by[b.value].empty());
}

TEST_CASE("unresolved links make no backlinks", "[resolve][backlinks]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleId a = add(corpus, "L1", {link_to("Code du travail", "L1")});
  LinkGraph graph = resolve(corpus, diagnostics);
  REQUIRE(graph.cited_by.size() == 1);
  CHECK(graph.cited_by[a.value].empty());
}

}  // namespace
}  // namespace legisite::resolve_test
