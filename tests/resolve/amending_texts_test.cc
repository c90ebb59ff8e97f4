// The texts that amended the codes (resolve/amending_texts.h) and their pages
// (render/text_pages.h): one text per identity, whatever its spelling; what each did.

#include "resolve/amending_texts.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "cli/build.h"
#include "render/pages.h"
#include "render/text_pages.h"
#include "resolve/link_graph.h"
#include "support/environment.h"
#include "support/json_schema.h"

namespace amending_texts_test {

using namespace legisite;

namespace {

Link amending(LinkGroup group, std::string title, std::string id = {}) {
  Link l;
  l.group = group;
  l.label = std::string(link_group_label(group));
  l.text_title = std::move(title);
  l.target_id = std::move(id);
  return l;
}

ArticleId article_with(Corpus& corpus, const char* number, std::vector<Link> links) {
  CodeId code = corpus.find_or_add_code("Code de test");
  ArticleId id = corpus.add_article(code, corpus.code(code).root, ArticleNumber(number));
  Version v;
  v.start = Date::from_ymd(2013, 7, 8);
  v.links = std::move(links);
  corpus.article(id).versions.push_back(std::move(v));
  return id;
}

std::map<std::string, std::string> build(const std::string& content,
                                         const std::string& base_url = "/") {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/" + content);
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.base_url = base_url;
  build_into(files, theme, options, out, diagnostics);
  return out.files();
}

std::map<std::string, std::string> build_seed() { return build("tests/golden/seed/content"); }

using legisite::testing::read_file;

// The JSON-LD in a page's <head>, parsed; null when there is none or it does not parse.
rapidjson::Document json_ld(const std::string& html) {
  rapidjson::Document d;
  const std::string open = "<script type=\"application/ld+json\">";
  const auto from = html.find(open);
  if (from == std::string::npos) return d;
  const auto to = html.find("</script>", from);
  d.Parse(html.substr(from + open.size(), to - from - open.size()).c_str());
  if (d.HasParseError()) d.SetNull();
  return d;
}

}  // namespace

TEST_CASE("a text named with two spellings is one text, one page", "[amending-texts]") {
  CHECK(amending_text_key("Décret n° 2013-597") ==
        amending_text_key("Décret n°2013-597 du 8 juillet 2013"));
  CHECK(amending_text_key("LOI n°2009-879 du 21 juillet 2009") ==
        amending_text_key("Loi n° 2009-879 du 21 juillet 2009"));
  Corpus corpus;
  article_with(corpus, "L1", {amending(LinkGroup::kCreatedBy, "Décret n° 2013-597")});
  article_with(corpus, "L2",
               {amending(LinkGroup::kModifiedBy, "Décret n°2013-597 du 8 juillet 2013")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 1);
  CHECK(texts[0].title == "Décret n°2013-597 du 8 juillet 2013");  // the fullest spelling
  CHECK(texts[0].slug == "decret-2013-597");
  CHECK(texts[0].date == Date::from_ymd(2013, 7, 8));
  CHECK(texts[0].effects.size() == 2);
  CHECK(corpus.article(ArticleId(0)).versions[0].links[0].amending_text_slug == "decret-2013-597");
}

TEST_CASE("each effect names the article of the text that made it, when the link does",
          "[amending-texts]") {
  Corpus corpus;
  Link by_article = amending(LinkGroup::kModifiedBy, "Ordonnance n°2017-1387 du 22 septembre 2017");
  by_article.article_number = "39";
  Link annex = amending(LinkGroup::kCreatedBy, "Ordonnance n°2017-1387 du 22 septembre 2017");
  annex.article_number = "Annexe";
  article_with(corpus, "L1", {by_article});
  article_with(corpus, "L2", {annex});
  article_with(corpus, "L3",
               {amending(LinkGroup::kAbrogatedBy, "Ordonnance n°2017-1387 du 22 septembre 2017")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 1);
  REQUIRE(texts[0].effects.size() == 3);
  CHECK(texts[0].effects[0].provision == "39");
  CHECK(texts[0].effects[1].provision == "Annexe");
  CHECK(texts[0].effects[2].provision.empty());
}

TEST_CASE("two different texts with the same number are two pages", "[amending-texts]") {
  CHECK(amending_text_key("Loi n° 2013-597") != amending_text_key("Décret n° 2013-597"));
  Corpus corpus;
  article_with(corpus, "L1",
               {amending(LinkGroup::kCreatedBy, "Loi n° 2013-597 du 1 juillet 2013"),
                amending(LinkGroup::kModifiedBy, "Décret n° 2013-597")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 2);
  std::set<std::string> slugs = {texts[0].slug, texts[1].slug};
  CHECK(slugs == std::set<std::string>{"loi-2013-597", "decret-2013-597"});
}

TEST_CASE("a text's identifier joins its spellings and tells apart texts of one title",
          "[amending-texts]") {
  Corpus corpus;
  article_with(corpus, "L1",
               {amending(LinkGroup::kAbrogatedBy, "Arrêté du 5 mai 2010", "JORFTEXT000022203355")});
  article_with(corpus, "L2",
               {amending(LinkGroup::kModifiedBy, "Arrêté du 5 mai 2010 relatif à x",
                         "JORFTEXT000022203355")});
  article_with(corpus, "L3",
               {amending(LinkGroup::kModifiedBy, "Arrêté du 5 mai 2010", "JORFTEXT000099999999")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].effects.size() + texts[1].effects.size() == 3);
  CHECK(texts[0].slug != texts[1].slug);
}

TEST_CASE("the seed's Décret n°2013-597 page lists R133-19 as created, and its article links it",
          "[amending-texts]") {
  const auto site = build_seed();
  REQUIRE(site.count("textes/decret-2013-597/index.html") == 1);
  const std::string& page = site.at("textes/decret-2013-597/index.html");
  const auto created = page.find("<h3>Articles créés</h3>");
  REQUIRE(created != std::string::npos);
  CHECK(page.find("Article R133-19</a>", created) != std::string::npos);
  // The transfer of 9 May 2017 is the other decree's doing.
  REQUIRE(site.count("textes/decret-2017-864/index.html") == 1);
  CHECK(site.at("textes/decret-2017-864/index.html").find("<h3>Articles transférés</h3>") !=
        std::string::npos);
  // The index lists both, newest first.
  const std::string& index = site.at("textes/index.html");
  CHECK(index.find("decret-2017-864") < index.find("decret-2013-597"));
  // "Créé par" on the article page leads to the text's page.
  CHECK(site.at("code-de-la-securite-sociale/r133-19/index.html")
            .find("href=\"../../textes/decret-2013-597/index.html\"") != std::string::npos);
  REQUIRE(site.count("textes/decret-2013-597/index.json") == 1);
}

TEST_CASE("a LEGI label and its longer spellings are one text, read as kind, number and date",
          "[amending-texts]") {
  // Two LIEN labels of one decree, as ../shared/corpus/legi-xml/LEGIARTI000006398122.xml gives
  // them (ARTICLE/LIENS/LIEN, typelien CODIFICATION and CREATION).
  CHECK(amending_text_key("Décret 52-751 1952-06-26") == "décret|52-751");
  Corpus corpus;
  article_with(corpus, "1", {amending(LinkGroup::kCodifiedBy, "Décret 52-751 1952-06-26")});
  article_with(corpus, "2",
               {amending(LinkGroup::kCreatedBy,
                         "Décret 52-751 1952-06-26 JORF 29 juin 1952 rectificatif "
                         "JORF 10 juillet 1952")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 1);
  CHECK(texts[0].title == "Décret 52-751 1952-06-26");
  CHECK(texts[0].slug == "decret-52-751");
  CHECK(texts[0].date == Date::from_ymd(1952, 6, 26));
}

TEST_CASE("a text's ELI is derived from its nature, signature date and NOR, and only from them",
          "[amending-texts]") {
  // The LIEN of ../shared/corpus/legi-xml/cas extremes/LEGIARTI000019325262.xml naming Décret
  // n°2007-1574 (naturetexte DECRET, datesignatexte 2007-11-06, nortexte MTSA0756880D).
  CHECK(text_eli("DECRET", Date::from_ymd(2007, 11, 6), "MTSA0756880D") ==
        "https://www.legifrance.gouv.fr/eli/decret/2007/11/6/MTSA0756880D/jo/texte");
  CHECK(text_eli("LOI", Date::from_ymd(2025, 2, 14), "ECOX2423405L") ==
        "https://www.legifrance.gouv.fr/eli/loi/2025/2/14/ECOX2423405L/jo/texte");
  CHECK(text_eli("DECRET", Date::from_ymd(2007, 11, 6), "") == "");  // Légifrance JSON: no NOR
  CHECK(text_eli("DECRET", Date(), "MTSA0756880D") == "");
  CHECK(text_eli("DECRET", Date::no_end(), "MTSA0756880D") == "");
  CHECK(text_eli("RAPPORT", Date::from_ymd(2000, 12, 14), "ECOX0000098R") == "");
  CHECK(text_eli("CODE", Date::from_ymd(2000, 12, 14), "ECOX0000098R") == "");
  CHECK(text_eli("DECRET", Date::from_ymd(2007, 11, 6), "MTSA075688D") == "");  // 11 characters
  // Through the links: the nature, date and NOR a LEGI link gives reach the text.
  Corpus corpus;
  Link by = amending(LinkGroup::kModifiedBy, "Décret n°2007-1574 du 6 novembre 2007",
                     "LEGIARTI000006269446");
  by.text_cid = "JORFTEXT000000823675";
  by.text_nature = "DECRET";
  by.text_nor = "MTSA0756880D";
  by.text_signed = Date::from_ymd(2007, 11, 6);
  article_with(corpus, "L1", {by});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 1);
  CHECK(texts[0].legi_id == "JORFTEXT000000823675");
  CHECK(texts[0].eli ==
        "https://www.legifrance.gouv.fr/eli/decret/2007/11/6/MTSA0756880D/jo/texte");
}

TEST_CASE("the demo's text pages are in the sitemap, with JSON-LD and data that fit their schemas",
          "[amending-texts]") {
  const auto site = build("content", "https://example.org/droit/");
  REQUIRE(site.count("textes/decret-2013-597/index.html") == 1);
  const std::string& sitemap = site.at("sitemap.xml");
  CHECK(sitemap.find("<loc>https://example.org/droit/textes/</loc>") != std::string::npos);
  CHECK(sitemap.find("<loc>https://example.org/droit/textes/decret-2013-597/</loc>") !=
        std::string::npos);
  std::size_t pages = 0;
  for (const auto& [path, contents] : site) {
    if (path.rfind("textes/", 0) != 0) continue;
    INFO(path);
    if (path.ends_with(".json")) {
      CHECK(legisite::testing::schema_problem(contents) == "");
      continue;
    }
    if (path == "textes/index.html") continue;
    ++pages;
    const rapidjson::Document d = json_ld(contents);
    REQUIRE(d.IsObject());
    CHECK(std::string(d["@type"].GetString()) == "Legislation");
    CHECK(std::string(d["url"].GetString()).rfind("https://example.org/droit/textes/", 0) == 0);
    CHECK(d["name"].GetStringLength() > 0);
    // Every text page is in the sitemap.
    CHECK(sitemap.find("<loc>https://example.org/droit/" +
                       path.substr(0, path.size() - std::string("index.html").size()) + "</loc>") !=
          std::string::npos);
  }
  CHECK(pages > 1);
  CHECK(site.count("textes/index.json") == 1);
}

TEST_CASE("golden data: the page of the seed's Décret n°2013-597", "[amending-texts]") {
  const auto site = build_seed();
  REQUIRE(site.count("textes/decret-2013-597/index.json") == 1);
  const std::string produced =
      legisite::testing::pretty_json(site.at("textes/decret-2013-597/index.json"));
  const std::string file =
      std::string(LEGISITE_SOURCE_DIR) + "/tests/render/open_data/seed-texte-decret-2013-597.json";
  const char* bless = std::getenv("LEGISITE_BLESS");
  if (bless && *bless && std::string(bless) != "0")
    std::ofstream(file, std::ios::binary) << produced;
  CHECK(produced == read_file(file));
}

TEST_CASE(
    "a text that amended two codes has one page with a section per code, in a site with history",
    "[amending-texts]") {
  Corpus corpus;
  Link by = amending(LinkGroup::kModifiedBy, "LOI n°2016-1088 du 8 août 2016 - art. 1");
  ArticleId a = article_with(corpus, "L1", {by});
  CodeId other = corpus.find_or_add_code("Code du travail");
  ArticleId b = corpus.add_article(other, corpus.code(other).root, ArticleNumber("L2"));
  Version v;
  v.start = Date::from_ymd(2016, 8, 10);
  by.group = LinkGroup::kCreatedBy;
  v.links = {by};
  corpus.article(b).versions.push_back(std::move(v));
  // The slugs permalinks.cc would give: pages exist for both articles.
  corpus.code(corpus.article(a).code).slug = "code-de-test";
  corpus.code(other).slug = "code-du-travail";
  corpus.article(a).slug = "l1";
  corpus.article(b).slug = "l2";
  LinkGraph graph;
  graph.amending_texts = collect_amending_texts(corpus);
  REQUIRE(graph.amending_texts.size() == 1);
  CHECK(graph.amending_texts[0].effects.size() == 2);
  CHECK(corpus.article(a).versions[0].links[0].amending_text_slug == "loi-2016-1088");
  SiteOptions options;
  options.reference_date = Date::from_ymd(2026, 11, 26);
  std::vector<PagePlan> pages;
  plan_text_pages(graph, options, pages);
  REQUIRE(pages.size() == 2);  // the index and the text
  const Link& amended_by = corpus.article(a).versions[0].links[0];
  CHECK(linked_text_page(options, amended_by) == "textes/loi-2016-1088/index.html");
  // The law in force on one day (--no-history) has no text pages, and no link leads to one.
  SiteOptions current = options;
  current.history = false;
  std::vector<PagePlan> none;
  plan_text_pages(graph, current, none);
  CHECK(none.empty());
  CHECK(linked_text_page(current, amended_by).empty());
  const View view = text_view(corpus, graph, options, pages[1]);
  const View* codes = view.find("text_codes");
  REQUIRE(codes);
  REQUIRE(codes->items().size() == 2);
  CHECK(codes->items()[0].text_of("code_title") == "Code de test");
  CHECK(codes->items()[1].text_of("code_title") == "Code du travail");
  CHECK(view.text_of("effects_label") == "2 versions d’articles");
}

TEST_CASE("a Légifrance title loses its state mark, and an undated-number LEGI label its article",
          "[amending-texts]") {
  // css-2026-03-14.json, lienModifications of L200-1 and of A931-1-7, A931-1-8 (textTitle,
  // CODIFICATION and CREATION seen from the text, no textCid for the arrêté).
  Corpus corpus;
  article_with(corpus, "L200-1",
               {amending(LinkGroup::kCodifiedBy, "Décret n°85-1353 du 17 décembre 1985 (V)",
                         "JORFTEXT000000866621")});
  article_with(corpus, "A931-1-7",
               {amending(LinkGroup::kCreatedBy, "Arrêté 2000-04-04 art. 1 JORF 4 mai 2000")});
  article_with(corpus, "A931-1-8",
               {amending(LinkGroup::kCreatedBy, "Arrêté 2000-04-04 art. 2 JORF 4 mai 2000")});
  const auto texts = collect_amending_texts(corpus);
  REQUIRE(texts.size() == 2);
  CHECK(texts[0].title == "Arrêté 2000-04-04");
  CHECK(texts[0].slug == "arrete-2000-04-04");
  CHECK(texts[0].date == Date::from_ymd(2000, 4, 4));
  CHECK(texts[0].effects.size() == 2);
  CHECK(texts[1].title == "Décret n°85-1353 du 17 décembre 1985");
  CHECK(texts[1].slug == "decret-85-1353");
}

}  // namespace amending_texts_test
