// Page paths, relative links, canonical and Légifrance URLs, and the view builders' field list.

#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <string>

#include "model/model.h"
#include "render/edition.h"
#include "render/law_at_date.h"
#include "render/legifrance.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/text_pages.h"
#include "render/version_pages.h"
#include "render/view.h"
#include "render/view_model.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "text/json_string.h"

namespace legisite::paths_test {
namespace {

TEST_CASE("relative links climb to the common folder and always name index.html",
          "[render][paths]") {
  CHECK(relative_href("css/r133-19/index.html", "css/r133-2-10/index.html") ==
        "../r133-2-10/index.html");
  CHECK(relative_href("css/r133-19/index.html", "css/index.html", "partie-reglementaire") ==
        "../index.html#partie-reglementaire");
  CHECK(relative_href("css/r133-19/index.html", "static/style.css") == "../../static/style.css");
  CHECK(relative_href("css/r133-19/index.html", "crpa/l100-1/index.html") ==
        "../../crpa/l100-1/index.html");
  CHECK(relative_href("css/r133-19/index.html", "index.html") == "../../index.html");
  CHECK(relative_href("css/index.html", "css/r1/index.html") == "r1/index.html");
  CHECK(relative_href("index.html", "css/index.html") == "css/index.html");
  CHECK(relative_href("index.html", "index.html") == "index.html");
  // A folder named like a page's folder elsewhere is not a common folder.
  CHECK(relative_href("a/b/index.html", "b/index.html") == "../../b/index.html");
  // The target's last part is a file, even when it has a folder's name.
  CHECK(relative_href("css/index.html", "css") == "../css");
  CHECK(relative_href("css/r1/index.html", "css/r1") == "../r1");
  // Empty parts (doubled or trailing slashes) count for nothing.
  CHECK(relative_href("css//r1/index.html", "css/r2//index.html") == "../r2/index.html");
  CHECK(relative_href("css/r1/index.html", "static/") == "../../static");
  CHECK(relative_href("css/r1/index.html", "") == "../../");
  CHECK(relative_href("css/r1/index.html", "", "haut") == "../../#haut");
}

TEST_CASE("canonical URLs are pretty folder URLs below the base URL", "[render][paths]") {
  CHECK(canonical_url("/", "index.html") == "/");
  CHECK(canonical_url("/", "css/index.html") == "/css/");
  CHECK(canonical_url("/", "css/r133-19/index.html") == "/css/r133-19/");
  CHECK(canonical_url("https://example.org", "css/r133-19/index.html") ==
        "https://example.org/css/r133-19/");
  CHECK(canonical_url("", "css/index.html") == "/css/");
}

TEST_CASE("Légifrance addresses depend on the kind of identifier", "[render][paths]") {
  CHECK(legifrance_url("LEGIARTI000006742598", true) ==
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006742598");
  CHECK(legifrance_url("LEGIARTI000006742598", false) ==
        "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000006742598");
  // Without an identifier (a history, a cited-only article): Légifrance's search by number.
  CHECK(legifrance_search_url("R133-19") ==
        "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=NUM_ARTICLE&"
        "query=R133-19");
  CHECK(legifrance_search_url("Annexe I") ==
        "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=NUM_ARTICLE&"
        "query=Annexe%20I");
  CHECK(legifrance_search_url("").empty());
  CHECK(legifrance_url("JORFTEXT000027681571", false) ==
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000027681571");
  CHECK(legifrance_url("LEGITEXT000006073189", false) ==
        "https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006073189");
  CHECK(legifrance_url("LEGITEXT000006073189", true) ==
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006073189");
  // A section needs its text's id too; anything malformed links nowhere.
  CHECK(legifrance_url("LEGISCTA000006141397", true).empty());
  CHECK(legifrance_url("JORFTEXT\"><script>", false).empty());
  CHECK(legifrance_url("", true).empty());
}

TEST_CASE("counts are written the French way", "[render][paths]") {
  CHECK(count_label(0, "article", "articles") == "0 articles");
  CHECK(count_label(1, "article", "articles") == "1 article");
  CHECK(count_label(7372, "article", "articles") == "7\u202F372 articles");
  CHECK(count_label(1234567, "a", "b") == "1\u202F234\u202F567 b");
}

TEST_CASE("the shown version is the one that starts last, preferring one with text",
          "[render][paths]") {
  Article a;
  Version unknown, early, late;
  early.start = Date::from_ymd(2005, 8, 12);
  late.start = Date::from_ymd(2013, 7, 8);
  a.versions = {late, unknown, early};
  CHECK(displayed_version(a) == &a.versions[0]);
  // A deferred version without text (the API gives text for the current version only) does not
  // hide the text the corpus has.
  Version deferred;
  deferred.start = Date::from_ymd(2026, 7, 1);
  deferred.status = ArticleStatus::kVigueurDiff;
  early.has_text = true;
  a.versions = {deferred, early};
  CHECK(displayed_version(a) == &a.versions[1]);
  a.versions.clear();
  CHECK(displayed_version(a) == nullptr);
}

TEST_CASE("JSON for a page's <script> element cannot close the element or start markup",
          "[render][paths]") {
  std::string out;
  append_json_string(out, "a\"b\\c</script><!--&\n\x01é");
  CHECK(out == "\"a\\\"b\\\\c\\u003c/script\\u003e\\u003c!--\\u0026\\u000a\\u0001é\"");
}

TEST_CASE("a table of contents gives each article's state on its date, not its latest one",
          "[render][paths]") {
  // As a build on that day answers it (answer_for_date), then renders it.
  auto on_day = [](const Article& a, int year) {
    Corpus corpus;
    corpus.articles().push_back(a);
    answer_for_date(corpus, Date::from_ymd(year, 6, 1), false);
    const Article& answered = corpus.articles()[0];
    return state_view(answered, answered.on_reference_date);
  };
  auto label = [&](const Article& a, int year) { return on_day(a, year).text_of("status_label"); };
  // Created in 2005, modified in 2013, abrogated on 2020-01-01 (the last version says so).
  Article a;
  Version first, second;
  first.start = Date::from_ymd(2005, 8, 12);
  first.end = Date::from_ymd(2013, 7, 8);
  first.status = ArticleStatus::kModifie;
  second.start = Date::from_ymd(2013, 7, 8);
  second.end = Date::from_ymd(2020, 1, 1);
  second.status = ArticleStatus::kAbroge;
  a.versions = {first, second};
  CHECK(label(a, 2000) == "En vigueur différée");
  CHECK(label(a, 2010) == "En vigueur");  // though that version was later modified
  CHECK(label(a, 2015) == "En vigueur");  // though that version was later abrogated
  CHECK(label(a, 2021) == "Abrogé");
  // Ended without an ending state: the source's MODIFIE, as the article page's badge says.
  a.versions[1].status = ArticleStatus::kModifie;
  CHECK(label(a, 2021) == "Modifié");
  // A state no source gave (a history) is what the dates imply on a day a version applied;
  // after an end nothing explains, it stays unknown.
  a.versions[1].status = ArticleStatus::kUnknown;
  CHECK(label(a, 2015) == "En vigueur");
  CHECK(on_day(a, 2021).text_of("status_token") == "inconnu");
  // No date at all: the latest state given.
  Article undated;
  Version v;
  v.status = ArticleStatus::kVigueurDiff;
  undated.versions = {v};
  CHECK(label(undated, 2015) == "En vigueur différée");
}

// Theme checks warn about any field not in view_field_names(); every field the builders produce
// must therefore be in it.
TEST_CASE("the list of view fields names every field the builders produce", "[render][paths]") {
  Corpus corpus;
  Diagnostics diagnostics;
  ArticleRecord r;
  r.code_title = "Code de la sécurité sociale";
  r.code_legi_id = "LEGITEXT000006073189";
  r.section_path = {{"Partie législative", "", -1}, {"Livre 1", "", -1}};
  r.number = ArticleNumber("L1");
  r.version.start = Date::from_ymd(2020, 1, 1);
  r.version.status = ArticleStatus::kVigueur;
  r.version.has_text = true;
  // A citation in the text: version pages list the articles it cites ("cited_articles").
  r.version.text_html = "<p>Voir l'article L3.</p>";
  r.version.nota_html = "<p>n</p>";
  // Strings are moved in: assigning literals trips a false GCC 12 -Wrestrict warning here.
  Link cites;
  cites.group = LinkGroup::kCites;
  cites.text = std::string("Code de la sécurité sociale - art. L2");
  cites.text_title = std::string("Code de la sécurité sociale");
  cites.article_number = std::string("L2");
  cites.link_type = std::string("CITATION");
  cites.status_mark = std::string("V");
  r.version.links = {cites};
  add_record(corpus, r, diagnostics);
  r.number = ArticleNumber("L3");
  add_record(corpus, r, diagnostics);
  // History fields: L1 gets a deferred later text (a diff and an "upcoming" banner), L4 was
  // transferred to L3 (a banner with a successor), and versions carry ids (identifier pages).
  r.number = ArticleNumber("L1");
  r.version.start = Date::from_ymd(2030, 1, 1);
  r.version.status = ArticleStatus::kVigueurDiff;
  r.version.text_html = "<p>y</p>";
  r.version.id = "LEGIARTI000000000001";
  add_record(corpus, r, diagnostics);
  // A third text of L1: its page has the "Comparer deux versions" form.
  r.version.start = Date::from_ymd(2031, 1, 1);
  r.version.text_html = "<p>z</p>";
  r.version.id = "LEGIARTI000000000003";
  add_record(corpus, r, diagnostics);
  r.number = ArticleNumber("L4");
  r.version.start = Date::from_ymd(2010, 1, 1);
  r.version.end = Date::from_ymd(2015, 1, 1);
  r.version.status = ArticleStatus::kTransfere;
  r.version.id = "LEGIARTI000000000002";
  Link moved = cites;
  moved.group = LinkGroup::kNewTexts;
  moved.article_number = std::string("L3");
  // The decree that transferred it gets a page (text_pages.h).
  Link by;
  by.group = LinkGroup::kTransferredBy;
  by.text_title = std::string("Décret n° 2015-1 du 1er janvier 2015");
  r.version.links = {moved, by};
  add_record(corpus, r, diagnostics);
  // L5: the text in force has no text in this edition, an earlier one has ("earlier").
  r.number = ArticleNumber("L5");
  r.version = Version();
  r.version.start = Date::from_ymd(2020, 1, 1);
  r.version.has_text = true;
  r.version.text_html = "<p>z</p>";
  r.version.origin = {"l5.md", 1, 0};
  add_record(corpus, r, diagnostics);
  r.version.start = Date::from_ymd(2026, 1, 1);
  r.version.status = ArticleStatus::kVigueur;
  r.version.has_text = false;
  r.version.text_html.clear();
  add_record(corpus, r, diagnostics);
  LinkGraph graph = resolve(corpus, diagnostics);
  SiteIndex index = index_site(corpus);
  SiteOptions options;
  options.reference_date = Date::from_ymd(2026, 11, 26);
  answer_for_date(corpus, options.reference_date, options.history);

  std::set<std::string> produced;
  std::function<void(const View&)> walk = [&](const View& v) {
    for (std::size_t i = 0; i < v.keys().size(); ++i) {
      produced.insert(v.keys()[i]);
      walk(v.values()[i]);
    }
    if (v.kind() == View::Kind::kList)
      for (const View& item : v.items()) walk(item);
  };
  View home = home_view(corpus, index, options);
  add_text_index_link(home, graph, options);
  walk(home);
  walk(code_view(corpus, index, options, CodeId(0)));
  // The same code's table split into parts: the code's page links them, each has its page.
  const SiteIndex split = index_site(corpus, 1);
  walk(code_view(corpus, split, options, CodeId(0)));
  std::vector<PagePlan> parts;
  plan_table_parts(corpus, split, parts);
  REQUIRE_FALSE(parts.empty());
  for (const PagePlan& part : parts) walk(code_part_view(corpus, split, options, part));
  for (const Article& a : corpus.articles())
    walk(article_view(corpus, index, graph, options, a.id));
  for (const PagePlan& page : plan_pages(corpus, diagnostics)) {
    if (page.kind == PageKind::kVersion) walk(version_view(corpus, options, page));
    if (page.kind == PageKind::kVersionDiff) walk(diff_view(corpus, options, page));
    if (page.kind == PageKind::kIdRedirect) walk(id_redirect_view(corpus, options, page));
    View layout;  // the renderer adds it to every page
    layout.set("edition", edition_view(corpus, options, page));
    add_search_box(layout, corpus, options, page);
    walk(layout);
  }
  walk(search_view(corpus, options));
  std::vector<PagePlan> dated;
  plan_dated_tocs(corpus, options, dated);
  REQUIRE_FALSE(dated.empty());
  for (const PagePlan& page : dated) walk(dated_toc_view(corpus, options, page));

  std::vector<PagePlan> text_pages;
  plan_text_pages(graph, options, text_pages);
  REQUIRE(text_pages.size() == 2);
  for (const PagePlan& page : text_pages)
    walk(page.kind == PageKind::kTextIndex ? text_index_view(corpus, graph, options)
                                           : text_view(corpus, graph, options, page));

  std::set<std::string> listed(view_field_names().begin(), view_field_names().end());
  listed.erase("main_html");  // added by the renderer once the page's template has run
  // Added by the renderer: the page's data file, its feed, whether search engines skip it and
  // its JSON-LD (which an amending text's page, text_view, sets itself).
  for (const char* name : {"json_href", "feed_href", "noindex", "json_ld_html"}) listed.erase(name);
  produced.erase("json_ld_html");
  for (const std::string& name : produced) {
    INFO(name);
    CHECK(listed.count(name));
  }
  // And nothing listed is stale.
  for (const std::string& name : listed) {
    INFO(name);
    CHECK(produced.count(name));
  }
}

}  // namespace
}  // namespace legisite::paths_test
