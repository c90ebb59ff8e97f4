// The render stage: pages at their documented paths, what an article page says, escaping, and
// how a broken theme is reported. Corpora are built in memory, the real default theme is read
// from the repository.

#include "render/render.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "support/site_check.h"

namespace legisite::render_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";
const std::vector<SectionRef> kChapitre3Bis = {{"Partie réglementaire", "", -1},
                                               {"Livre 1", "", -1},
                                               {"Titre 3", "", -1},
                                               {"Chapitre 3 bis", "", -1}};
const std::vector<SectionRef> kChapitre3 = {{"Partie réglementaire", "", -1},
                                            {"Livre 1", "", -1},
                                            {"Titre 3", "", -1},
                                            {"Chapitre 3", "", -1}};
const std::vector<SectionRef> kLegislative = {{"Partie législative", "", -1},
                                              {"Livre 1", "", -1},
                                              {"Titre 3", "", -1},
                                              {"Chapitre 3 bis", "", -1}};

Link link(LinkGroup group, std::string text, std::string text_title = {},
          std::string article = {}) {
  Link l;
  l.group = group;
  l.label = std::string(link_group_label(group));
  l.text = std::move(text);
  l.text_title = std::move(text_title);
  l.article_number = std::move(article);
  return l;
}

Version version(const char* start, ArticleStatus status, std::string text_html,
                std::vector<Link> links = {}) {
  Version v;
  v.start = *Date::parse(start);
  v.end = Date::no_end();
  v.status = status;
  v.has_text = !text_html.empty();
  v.text_html = std::move(text_html);
  v.links = std::move(links);
  v.origin = {std::string("content/") + start + ".md", 1, 1};
  return v;
}

void add(Corpus& corpus, Diagnostics& d, const std::string& code,
         const std::vector<SectionRef>& path, const char* number, Version v) {
  ArticleRecord r;
  r.code_title = code;
  r.section_path = path;
  r.number = ArticleNumber(number);
  r.version = std::move(v);
  add_record(corpus, std::move(r), d);
}

// The seed article R133-19 with its two versions and its "Liens relatifs", two articles it
// cites (one of them absent from the corpus), and neighbours in two parts of the code.
void add_seed(Corpus& corpus, Diagnostics& d) {
  add(corpus, d, kCss, kLegislative, "L133-6",
      version("2010-01-01", ArticleStatus::kVigueur, "<p>Texte de L133-6.</p>"));
  add(corpus, d, kCss, kLegislative, "L133-6-1",
      version("2010-01-01", ArticleStatus::kVigueur, "<p>Texte de L133-6-1.</p>"));
  add(corpus, d, kCss, kChapitre3, "R133-2-10",
      version("2013-07-08", ArticleStatus::kVigueur, "<p>Texte de R133-2-10.</p>"));

  Version old = version("2005-08-12", ArticleStatus::kModifie, "<p>Ancien texte.</p>");
  old.end = *Date::parse("2013-07-08");
  add(corpus, d, kCss, kChapitre3Bis, "R133-19", std::move(old));

  Link created = link(LinkGroup::kCreatedBy, "Décret n°2013-597 du 8 juillet 2013 - art. 1",
                      "Décret n°2013-597 du 8 juillet 2013", "1");
  created.target_id = "JORFTEXT000027681571";
  Link transferred = link(LinkGroup::kLinks, "Décret n°2017-864 du 9 mai 2017 - art. 1",
                          "Décret n°2017-864 du 9 mai 2017", "1");
  transferred.link_type = "TRANSFERE";
  Link newer = link(LinkGroup::kNewTexts, "Code de la sécurité sociale. - art. R133-2-10", kCss,
                    "R133-2-10");
  newer.status_mark = "V";
  // Listed out of canonical order on purpose: the page puts Créé par, Liens, Cite, Nouveaux
  // textes in that order whatever the source did.
  add(corpus, d, kCss, kChapitre3Bis, "R133-19",
      version(
          "2013-07-08", ArticleStatus::kVigueur,
          "<p>Pour l&#39;exercice de la mission de l&#39;interlocuteur social unique…</p>",
          {newer,
           link(LinkGroup::kCites, "Code de la sécurité sociale. - art. L133-6", kCss, "L133-6"),
           created,
           link(LinkGroup::kCites, "Code de la sécurité sociale. - art. L213-1", kCss, "L213-1"),
           transferred}));
}

std::unique_ptr<Theme> default_theme(Diagnostics& d) {
  DiskFileSystem files(LEGISITE_SOURCE_DIR "/themes/default");
  return Theme::load(files, d);
}

/// A corpus rendered with the default theme into memory.
struct RenderedSite {
  Corpus corpus;
  LinkGraph graph;
  Diagnostics diagnostics;
  MemoryOutput out;
  RenderSummary summary;

  void render(SiteOptions options = {}) {
    // The day the expected pages below were written for.
    if (!options.reference_date.known()) options.reference_date = Date::from_ymd(2026, 11, 26);
    graph = resolve(corpus, diagnostics);
    answer_for_date(corpus, options.reference_date, options.history);
    auto theme = default_theme(diagnostics);
    REQUIRE(theme);
    summary = render_site(corpus, graph, *theme, options, out, diagnostics);
  }
  bool has(const std::string& path) const { return out.files().count(path) != 0; }
  const std::string& page(const std::string& path) const {
    static const std::string kNone;
    auto it = out.files().find(path);
    return it == out.files().end() ? kNone : it->second;
  }
  // The <main> region, where every page-specific thing is.
  std::string main(const std::string& path) const {
    const std::string& html = page(path);
    auto begin = html.find("<main");
    auto end = html.find("</main>");
    if (begin == std::string::npos || end == std::string::npos) return {};
    return html.substr(begin, end - begin);
  }
  const Section& section_titled(const std::string& title) const {
    for (const Section& s : corpus.sections())
      if (s.title == title) return s;
    FAIL("no section " << title);
    return corpus.sections().front();
  }
};

// MemoryOutput holds a mutex, so sites are filled in place rather than returned.
void render_seed(RenderedSite& site) {
  add_seed(site.corpus, site.diagnostics);
  site.render();
  INFO(format_all(site.diagnostics));
  REQUIRE_FALSE(site.diagnostics.has_errors());
}

bool appears_in_order(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (const auto& p : parts) {
    at = text.find(p, at);
    if (at == std::string::npos) return false;
    at += p.size();
  }
  return true;
}

const char* const kArticle = "code-de-la-securite-sociale/r133-19/index.html";

TEST_CASE("every page is written at its documented path", "[render]") {
  RenderedSite site;
  render_seed(site);
  CHECK(site.has("index.html"));
  CHECK(site.has("code-de-la-securite-sociale/index.html"));
  for (const char* slug : {"l133-6", "l133-6-1", "r133-2-10", "r133-19", "l213-1"})
    CHECK(site.has(std::string("code-de-la-securite-sociale/") + slug + "/index.html"));
  CHECK(site.has("static/style.css"));
  CHECK(site.has("static/favicon.svg"));
  CHECK(site.has("404.html"));
  // Home, code, five articles (one cited only), the search and 404 pages, and the history
  // pages: dated versions, diffs, identifiers, and the code's table on each day it changed.
  std::size_t history = 0;
  for (const auto& [path, _] : site.out.files())
    if ((path.rfind("id/", 0) == 0 || path.find("/20") != std::string::npos) &&
        path.ends_with(".html"))
      ++history;
  CHECK(site.has("code-de-la-securite-sociale/r133-19/2005-08-12/index.html"));
  CHECK(site.has("code-de-la-securite-sociale/r133-19/2013-07-08/index.html"));
  CHECK(history == 9);
  // And the texts that created and transferred R133-19, with their index (/textes/).
  CHECK(site.has("textes/index.html"));
  CHECK(site.has("textes/decret-2013-597/index.html"));
  CHECK(site.has("textes/decret-2017-864/index.html"));
  CHECK(site.summary.pages == 9 + history + 3);
  CHECK(site.summary.files == site.out.files().size());
  std::size_t bytes = 0;
  for (const auto& [_, contents] : site.out.files()) bytes += contents.size();
  CHECK(site.summary.bytes == bytes);
}

TEST_CASE("every page is a complete document with a relative stylesheet and a canonical URL",
          "[render]") {
  RenderedSite site;
  add_seed(site.corpus, site.diagnostics);
  // Légifrance ids for R133-19's versions: each gets a permalink, /id/LEGIARTI…/.
  Article& r133_19 =
      site.corpus.article(site.corpus.find_article(CodeId(0), ArticleNumber("R133-19")));
  r133_19.versions.at(0).id = "LEGIARTI000006741103";
  r133_19.versions.at(1).id = "LEGIARTI000027684012";
  SiteOptions options;
  options.base_url = "https://codes.example.org";
  site.render(options);
  const std::string& html = site.page(kArticle);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<html lang=\"fr\">") != std::string::npos);
  CHECK(html.find("<meta charset=\"utf-8\" />") != std::string::npos);
  CHECK(html.find("name=\"viewport\"") != std::string::npos);
  CHECK(html.find("<title>Article R133-19 — Code de la sécurité sociale — legisite</title>") !=
        std::string::npos);
  CHECK(html.find("<link rel=\"canonical\" href=\"https://codes.example.org/"
                  "code-de-la-securite-sociale/r133-19/\" />") != std::string::npos);
  CHECK(html.find("href=\"../../static/style.css\"") != std::string::npos);
  CHECK(html.find("<a class=\"site-name\" href=\"../../index.html\">legisite</a>") !=
        std::string::npos);
  CHECK(site.page("index.html").find("href=\"https://codes.example.org/\"") != std::string::npos);
  CHECK(site.page("index.html").find("href=\"static/style.css\"") != std::string::npos);
  CHECK(site.page("code-de-la-securite-sociale/index.html")
            .find("href=\"https://codes.example.org/code-de-la-securite-sociale/\"") !=
        std::string::npos);
  // A permalink (/id/LEGIARTI…/) stands for the page it leads to: its canonical URL is that
  // page's, as for Hugo's alias pages.
  std::size_t permalinks = 0;
  for (const auto& [path, page] : site.out.files()) {
    if (path.rfind("id/", 0) != 0 || !path.ends_with(".html")) continue;
    ++permalinks;
    INFO(path);
    const std::string refresh = "<meta http-equiv=\"refresh\" content=\"0; url=../../";
    const std::size_t from = page.find(refresh);
    REQUIRE(from != std::string::npos);
    const std::size_t begin = from + refresh.size();
    std::string target = page.substr(begin, page.find('"', begin) - begin);
    REQUIRE(target.ends_with("index.html"));
    target.resize(target.size() - std::string("index.html").size());
    CHECK(page.find("<link rel=\"canonical\" href=\"https://codes.example.org/" + target +
                    "\" />") != std::string::npos);
  }
  CHECK(permalinks >= 2);
}

TEST_CASE("an article page shows its number, code, breadcrumb, state and text", "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main(kArticle);
  CHECK(main.find("<h1>Article R133-19</h1>") != std::string::npos);
  CHECK(main.find("<a href=\"../index.html\">Code de la sécurité sociale</a>") !=
        std::string::npos);
  // Each level of the breadcrumb links to its heading in the code's table of contents.
  const Article& article =
      site.corpus.article(site.corpus.find_article(CodeId(0), ArticleNumber("R133-19")));
  std::vector<std::string> crumbs;
  std::vector<std::string> titles;
  for (SectionId id : site.corpus.section_path(article.section)) {
    const Section& s = site.corpus.section(id);
    REQUIRE_FALSE(s.anchor.empty());
    titles.push_back(s.title);
    crumbs.push_back("<a href=\"../index.html#" + s.anchor + "\">" + s.title + "</a>");
  }
  CHECK(titles ==
        std::vector<std::string>{"Partie réglementaire", "Livre 1", "Titre 3", "Chapitre 3 bis"});
  CHECK(appears_in_order(main, crumbs));
  CHECK(main.find("<span class=\"status status-vigueur\">En vigueur</span>") != std::string::npos);
  CHECK(main.find("Version en vigueur depuis le <time datetime=\"2013-07-08\">8 juillet "
                  "2013</time>") != std::string::npos);
  // Sanitised text goes in as HTML, untouched but for the alinéa anchors.
  CHECK(main.find("<p><span class=\"alinea\" id=\"alinea-1\">Pour l&#39;exercice de la "
                  "mission") != std::string::npos);
  CHECK(main.find("Ancien texte") == std::string::npos);
}

TEST_CASE("versions are listed newest first with the shown one marked", "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main(kArticle);
  CHECK(appears_in_order(
      main,
      {"<h2 id=\"versions\">Versions</h2>", "<th scope=\"col\">État</th>",
       "<th scope=\"col\">Du</th>", "<th scope=\"col\">Au</th>", "<tr class=\"version-current\">",
       "En vigueur", "version affichée", "<td><time datetime=\"2013-07-08\">",
       "<a href=\"2013-07-08/index.html\">voir cette version</a>", "<tr>", "Modifié",
       "<td><time datetime=\"2005-08-12\">12 août 2005</time></td>",
       "<td><time datetime=\"2013-07-08\">8 juillet 2013</time></td>",
       "<a href=\"2005-08-12/index.html\">voir cette version</a>"}));
}

TEST_CASE("related links are grouped in canonical order, resolved ones linking to the article",
          "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main(kArticle);
  CHECK(appears_in_order(main, {"Liens relatifs à cet article", "<h3>Créé par</h3>",
                                "<h3>Liens</h3>", "<h3>Cite</h3>", "<h3>Nouveaux textes</h3>"}));
  // A resolved reference is a relative link to the cited article's page.
  CHECK(main.find("<a href=\"../../code-de-la-securite-sociale/l133-6/index.html\">") ==
        std::string::npos);
  CHECK(main.find("<a href=\"../l133-6/index.html\">Code de la sécurité sociale. - art. "
                  "L133-6</a>") != std::string::npos);
  CHECK(main.find("<a href=\"../r133-2-10/index.html\">Code de la sécurité sociale. - art. "
                  "R133-2-10</a> <span class=\"link-mark\">(en vigueur)</span>") !=
        std::string::npos);
  // An article of the code that the corpus lacks still gets a page, never a dead link.
  CHECK(main.find("<a href=\"../l213-1/index.html\">") != std::string::npos);
  // The text that created or transferred it leads to that text's page (text_pages.h), which
  // links Légifrance in turn.
  CHECK(main.find("<a href=\"../../textes/decret-2013-597/index.html\">Décret n°2013-597 du 8 "
                  "juillet 2013 - art. 1") != std::string::npos);
  CHECK(main.find("<li><span class=\"link-type\">Transféré</span> <a "
                  "href=\"../../textes/decret-2017-864/index.html\">Décret n°2017-864 du 9 mai "
                  "2017 - art. 1</a></li>") != std::string::npos);
  // Types are French words, never Légifrance's tokens; a legend says what headings and states mean.
  CHECK(main.find("TRANSFERE") == std::string::npos);
  CHECK(appears_in_order(main, {"<details class=\"link-legend\">",
                                "<dt>Créé par</dt><dd>le texte qui a créé cet article.</dd>",
                                "<dt>(en vigueur)</dt><dd>l’état du texte lié, selon "
                                "Légifrance.</dd>"}));
}

TEST_CASE("an unknown link group is shown with its label as written, after the known ones",
          "[render]") {
  RenderedSite site;
  Link odd = link(LinkGroup::kOther, "Arrêté du 1er janvier 2020");
  odd.label = "Rectifié par";
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "R1",
      version("2020-01-01", ArticleStatus::kVigueur, "<p>x</p>",
              {odd, link(LinkGroup::kModifiedBy, "Décret n°1")}));
  site.render();
  std::string main = site.main("code-de-la-securite-sociale/r1/index.html");
  CHECK(appears_in_order(main, {"<h3>Modifié par</h3>", "<h3>Rectifié par</h3>",
                                "Arrêté du 1<sup>er</sup> janvier 2020"}));
}

// The Tricoteuses Constitution's article 56 "Cite" three versions of article 13, by their ids:
// one line each, alike but for the version they lead to.
TEST_CASE("a link naming a version by its id leads to that version and names its date",
          "[render]") {
  for (const bool history : {true, false}) {
    RenderedSite site;
    Version first = version("1958-10-05", ArticleStatus::kModifie, "<p>Texte de 1958.</p>");
    first.id = "LEGIARTI000006527512";
    first.end = *Date::parse("2008-07-25");
    Version second = version("2008-07-25", ArticleStatus::kVigueur, "<p>Texte de 2008.</p>");
    second.id = "LEGIARTI000019241032";
    add(site.corpus, site.diagnostics, kCss, kChapitre3, "R13", std::move(first));
    add(site.corpus, site.diagnostics, kCss, kChapitre3, "R13", std::move(second));
    std::vector<Link> links;
    for (const char* id : {"LEGIARTI000006527512", "LEGIARTI000019241032"}) {
      Link cites = link(LinkGroup::kCites, "Constitution - article 13");
      cites.target_id = id;
      links.push_back(cites);
    }
    add(site.corpus, site.diagnostics, kCss, kChapitre3, "R56",
        version("2008-07-25", ArticleStatus::kVigueur, "<p>x</p>", links));
    SiteOptions options;
    options.history = history;
    site.render(options);
    INFO("history " << history);
    const std::string main = site.main("code-de-la-securite-sociale/r56/index.html");
    if (history) {
      CHECK(appears_in_order(
          main, {"<a href=\"../r13/1958-10-05/index.html\">Constitution - article 13</a> "
                 "<span class=\"link-version\">(version du 5 octobre 1958)</span>",
                 "<a href=\"../r13/2008-07-25/index.html\">Constitution - article 13</a> "
                 "<span class=\"link-version\">(version du 25 juillet 2008)</span>"}));
      // The citing version's page leads there too, and to the article's current text.
      const std::string page = site.main("code-de-la-securite-sociale/r56/2008-07-25/index.html");
      CHECK(appears_in_order(page, {"<a href=\"../../r13/1958-10-05/index.html\">",
                                    "(version en vigueur le 5 octobre 1958)",
                                    "<a href=\"../../r13/index.html\">version actuelle</a>"}));
      // The data file's dated_url is the same version.
      CHECK(appears_in_order(site.page("code-de-la-securite-sociale/r56/index.json"),
                             {"\"dated_url\":\"/code-de-la-securite-sociale/r13/1958-10-05/\"",
                              "\"dated_url\":\"/code-de-la-securite-sociale/r13/2008-07-25/\""}));
    } else {
      // No version pages: both lead to the article's page.
      CHECK(
          appears_in_order(main, {"<a href=\"../r13/index.html\">Constitution - article 13</a>",
                                  "<a href=\"../r13/index.html\">Constitution - article 13</a>"}));
      CHECK(main.find("link-version") == std::string::npos);
    }
  }
}

TEST_CASE("an article page lists the articles that cite it, grouped by code", "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main("code-de-la-securite-sociale/l133-6/index.html");
  CHECK(appears_in_order(main, {"<h2 id=\"cite-par\">Cité par</h2>",
                                "<a href=\"../index.html\">Code de la sécurité sociale</a>",
                                "<a href=\"../r133-19/index.html\">Article R133-19</a> "
                                "<span class=\"via\">Cite</span>"}));
}

TEST_CASE("each citer says when its citing versions applied", "[render]") {
  RenderedSite site;
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "L1",
      version("2000-01-01", ArticleStatus::kVigueur, "<p>Cité.</p>"));
  // R1 cites L1 in both its versions, the second still in force; R2 only until its repeal.
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "R1",
      version("2005-08-12", ArticleStatus::kModifie, "<p>à l'article L. 1.</p>"));
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "R1",
      version("2013-07-08", ArticleStatus::kVigueur, "<p>selon l'article L. 1.</p>"));
  Version repealed = version("2006-01-01", ArticleStatus::kAbroge, "<p>vu l'article L. 1.</p>");
  repealed.end = *Date::parse("2010-03-01");
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "R2", repealed);
  site.render();
  std::string main = site.main("code-de-la-securite-sociale/l1/index.html");
  CHECK(main.find("<a href=\"../r1/index.html\">Article R1</a> <span class=\"via\">Texte</span> "
                  "<span class=\"cited-when\">depuis le 12 août 2005</span>") != std::string::npos);
  CHECK(main.find("<a href=\"../r2/index.html\">Article R2</a> <span class=\"via\">Texte</span> "
                  "<span class=\"cited-when\">du 1<sup>er</sup> janvier 2006 au 1<sup>er</sup> "
                  "mars 2010</span>") != std::string::npos);
}

TEST_CASE("a cited-only article page says it has no text and lists who cites it", "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main("code-de-la-securite-sociale/l213-1/index.html");
  CHECK(main.find("<h1>Article L213-1</h1>") != std::string::npos);
  CHECK(main.find("Cité, sans texte dans cette édition") != std::string::npos);
  CHECK(main.find("<a href=\"../r133-19/index.html\">Article R133-19</a>") != std::string::npos);
  CHECK(main.find("id=\"versions\"") == std::string::npos);
  CHECK(main.find("État inconnu") == std::string::npos);
  CHECK(main.find("rel=\"prev\"") == std::string::npos);

  // The code page lists it apart from the table of contents.
  std::string code = site.main("code-de-la-securite-sociale/index.html");
  auto apart = code.find("Articles cités sans texte dans cette édition");
  REQUIRE(apart != std::string::npos);
  CHECK(code.find("<a href=\"l213-1/index.html\">Article L213-1</a>") > apart);
  CHECK(code.find("l213-1/index.html") > apart);
}

TEST_CASE("previous and next follow the code's order and skip cited-only articles", "[render]") {
  RenderedSite site;
  render_seed(site);
  auto nav = [&](const char* slug) {
    std::string main =
        site.main(std::string("code-de-la-securite-sociale/") + slug + "/index.html");
    auto at = main.find("class=\"article-nav\"");
    return at == std::string::npos ? std::string() : main.substr(at);
  };
  std::string first = nav("l133-6");
  CHECK(first.find("rel=\"prev\"") == std::string::npos);
  CHECK(first.find("rel=\"next\" href=\"../l133-6-1/index.html\"") != std::string::npos);
  std::string middle = nav("r133-2-10");
  CHECK(middle.find("rel=\"prev\" href=\"../l133-6-1/index.html\"") != std::string::npos);
  CHECK(middle.find("rel=\"next\" href=\"../r133-19/index.html\"") != std::string::npos);
  std::string last = nav("r133-19");
  CHECK(last.find("rel=\"prev\" href=\"../r133-2-10/index.html\"") != std::string::npos);
  CHECK(last.find("rel=\"next\"") == std::string::npos);
}

TEST_CASE("the code page nests sections under their anchors and links every article", "[render]") {
  RenderedSite site;
  render_seed(site);
  std::string main = site.main("code-de-la-securite-sociale/index.html");
  CHECK(main.find("<h1>Code de la sécurité sociale</h1>") != std::string::npos);
  const Section& partie = site.section_titled("Partie législative");
  CHECK(appears_in_order(
      main, {"<li class=\"toc-section\" id=\"" + partie.anchor + "\">",
             "<h2 class=\"toc-title\">Partie législative</h2>", "<h3 class=\"toc-title\">Livre 1",
             "<h4 class=\"toc-title\">Titre 3", "<h5 class=\"toc-title\">Chapitre 3 bis",
             "<a href=\"l133-6/index.html\">Article L133-6</a> <span class=\"status "
             "status-vigueur\">En vigueur</span>",
             "<a href=\"l133-6-1/index.html\">Article L133-6-1</a>", "Partie réglementaire",
             "<a href=\"r133-2-10/index.html\">", "<a href=\"r133-19/index.html\">"}));
  // Every section has its anchor, so that breadcrumbs can point at it.
  for (const Section& s : site.corpus.sections())
    if (s.parent.valid()) CHECK(main.find("id=\"" + s.anchor + "\"") != std::string::npos);

  std::string home = site.main("index.html");
  CHECK(home.find("<a class=\"code-card-title\" href=\"code-de-la-securite-sociale/index.html\">"
                  "Code de la sécurité sociale</a>") != std::string::npos);
  CHECK(home.find("4 articles · 1 article cité sans texte") != std::string::npos);
}

TEST_CASE("a code listing more articles than toc_split gets a table page per Livre", "[render]") {
  RenderedSite site;
  add_seed(site.corpus, site.diagnostics);
  SiteOptions options;
  options.toc_split = 3;  // the seed's table lists 4 articles
  site.render(options);
  REQUIRE_FALSE(site.diagnostics.has_errors());
  const std::string code = "code-de-la-securite-sociale/";
  const std::string legislative = "partie-legislative--livre-1";
  const std::string reglementaire = "partie-reglementaire--livre-1";
  REQUIRE(site.has(code + legislative + "/index.html"));
  REQUIRE(site.has(code + reglementaire + "/index.html"));

  // The code's page: its Parties, each Livre a link to its page with its count, no article.
  std::string main = site.main(code + "index.html");
  CHECK(appears_in_order(
      main, {"<a href=\"" + legislative + "/index.html\">Livre 1</a>",
             "<h2 class=\"toc-title\">Partie législative</h2>",
             "<li class=\"toc-section toc-part\" id=\"" + legislative + "\">",
             "<a href=\"" + legislative + "/index.html\" data-toc-part=\"" + legislative +
                 "\">Livre 1</a> <span class=\"toc-count\">2 articles</span>",
             "<h2 class=\"toc-title\">Partie réglementaire</h2>",
             "data-toc-part=\"" + reglementaire +
                 "\">Livre 1</a> <span "
                 "class=\"toc-count\">2 articles</span>"}));
  CHECK(main.find("r133-19/index.html") == std::string::npos);

  // A Livre's page: the way up, its sections from the Titre down, its articles, the next Livre.
  std::string part = site.main(code + reglementaire + "/index.html");
  CHECK(appears_in_order(
      part,
      {"<li><a href=\"../index.html\">Code de la sécurité sociale</a></li>",
       "<li><a href=\"../index.html#partie-reglementaire\">Partie réglementaire</a></li>",
       "<h1 id=\"" + reglementaire + "\">Livre 1</h1>", "2 articles",
       "<h2 class=\"toc-title\">Titre 3</h2>", "<h3 class=\"toc-title\">Chapitre 3</h3>",
       "<a href=\"../r133-2-10/index.html\">Article R133-2-10</a>",
       "<h3 class=\"toc-title\">Chapitre 3 bis</h3>",
       "<a href=\"../r133-19/index.html\">Article R133-19</a>",
       "<a class=\"article-nav-prev\" rel=\"prev\" href=\"../" + legislative + "/index.html\">"}));
  CHECK(part.find("article-nav-next") == std::string::npos);

  // An article's breadcrumb leads to its sections on its Livre's page.
  CHECK(site.main(code + "r133-19/index.html")
            .find("<a href=\"../" + reglementaire + "/index.html#" + reglementaire +
                  "--titre-3--chapitre-3-bis\">Chapitre 3 bis</a>") != std::string::npos);
  // Every link and anchor of the site resolves.
  for (const std::string& problem : testing::check_site(site.out.files())) FAIL(problem);
}

TEST_CASE("a code listing no more articles than toc_split keeps its table on one page",
          "[render]") {
  for (std::size_t split : {std::size_t(0), std::size_t(4)}) {
    RenderedSite site;
    add_seed(site.corpus, site.diagnostics);
    SiteOptions options;
    options.toc_split = split;
    site.render(options);
    for (const auto& [path, _] : site.out.files()) CHECK(path.find("--") == std::string::npos);
    CHECK(site.main("code-de-la-securite-sociale/index.html").find("toc-part") ==
          std::string::npos);
  }
}

TEST_CASE("an article whose state no source gives says so", "[render]") {
  RenderedSite site;
  Version v;
  v.has_text = true;
  v.text_html = "<p>Sans date.</p>";
  add(site.corpus, site.diagnostics, kCss, kChapitre3, "D1", v);
  site.render();
  std::string main = site.main("code-de-la-securite-sociale/d1/index.html");
  CHECK(main.find("<span class=\"status status-inconnu\">État inconnu</span>") !=
        std::string::npos);
  CHECK(main.find("<span class=\"period\">Version") == std::string::npos);
  // A lone undated version makes no list of versions.
  CHECK(main.find("id=\"versions\"") == std::string::npos);
}

TEST_CASE("text from the sources is escaped everywhere but in *_html fields", "[render]") {
  RenderedSite site;
  const std::string code = "Code <script>alert(1)</script> & \"co\"";
  add(site.corpus, site.diagnostics, code, {{"Titre <b>1</b> & 'suite'", "", -1}}, "A1",
      version("2020-01-01", ArticleStatus::kVigueur, "<p>un &amp; deux</p>",
              {link(LinkGroup::kCites, "<script>x</script> & co")}));
  site.render();
  std::string slug = site.corpus.code(CodeId(0)).slug;
  for (const std::string& path :
       {std::string("index.html"), slug + "/index.html", slug + "/a1/index.html"}) {
    const std::string& html = site.page(path);
    INFO(path);
    // The only scripts are the theme's: its file, the data of the "go to date" form and the
    // page's JSON-LD.
    for (std::size_t at = html.find("<script"); at != std::string::npos;
         at = html.find("<script", at + 1)) {
      std::string tag = html.substr(at, html.find('>', at) - at);
      CHECK((tag.rfind("<script src=\"", 0) == 0 || tag == "<script type=\"application/json\"" ||
             tag == "<script type=\"application/ld+json\""));
    }
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("Code &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;") !=
          std::string::npos);
  }
  const std::string& article = site.page(slug + "/a1/index.html");
  // In JSON-LD the code's title keeps its characters as JSON escapes, which no HTML parser reads.
  CHECK(article.find("\"name\":\"Code \\u003cscript\\u003ealert(1)\\u003c/script\\u003e "
                     "\\u0026 \\\"co\\\"\"") != std::string::npos);
  CHECK(article.find("Titre &lt;b&gt;1&lt;/b&gt; &amp; &#39;suite&#39;") != std::string::npos);
  CHECK(article.find("&lt;script&gt;x&lt;/script&gt; &amp; co") != std::string::npos);
  CHECK(article.find("<p><span class=\"alinea\" id=\"alinea-1\">un &amp; deux</span></p>") !=
        std::string::npos);
  CHECK(article.find("&apos;") == std::string::npos);
}

// Every page parses as XML, so that tools (and the site checker) can read it, and ids are unique.
TEST_CASE("every page is well-formed with unique ids", "[render]") {
  RenderedSite site;
  render_seed(site);
  for (const auto& [path, html] : site.out.files()) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    INFO(path);
    pugi::xml_document doc;
    pugi::xml_parse_result parsed =
        doc.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_doctype);
    INFO(parsed.description() << " at byte " << parsed.offset);
    REQUIRE(parsed);
    std::set<std::string> ids;
    for (pugi::xpath_node n : doc.select_nodes("//*[@id]")) {
      std::string id = n.node().attribute("id").value();
      CHECK(ids.insert(id).second);
    }
    CHECK(doc.select_nodes("//main").size() == 1);
  }
}

TEST_CASE("pages do not depend on how many threads render them", "[render]") {
  auto build = [](std::size_t jobs) {
    auto owned = std::make_unique<RenderedSite>();
    RenderedSite& site = *owned;
    for (int i = 1; i <= 120; ++i) {
      // Appending rather than "R" + to_string(i): GCC 12 warns falsely (-Wrestrict) on the latter.
      std::string number = "R", previous = "R";
      number += std::to_string(i);
      previous += std::to_string(i - 1);
      std::vector<Link> links;
      if (i > 1) links.push_back(link(LinkGroup::kCites, "art. " + previous, kCss, previous));
      add(site.corpus, site.diagnostics, kCss, i % 2 ? kChapitre3 : kChapitre3Bis, number.c_str(),
          version("2020-01-01", ArticleStatus::kVigueur, "<p>t</p>", links));
    }
    SiteOptions options;
    options.jobs = jobs;
    site.render(options);
    return std::make_pair(site.out.files(), format_all(site.diagnostics));
  };
  auto one = build(1);
  // Home, code, 120 articles and their versions, the code on 2020-01-01, the search page and
  // its index (index.js, articles, one run of texts and its terms), 404.html, style.css,
  // date-jump.js, search.js, diff-nav.js, toc.js, cite.js, version-compare.js,
  // compare-versions.js (no article has the three texts that make a versions.js), favicon.svg; the
  // data files beside the code, article and version pages, and codes.json and articles.json;
  // robots.txt; the code's table-a-une-date.js; the record of the pages' inputs.
  CHECK(one.first.size() == 258 + 1 + 120 + 120 + 2 + 1 + 1 + 1);
  for (std::size_t jobs : {2, 3, 8}) {
    auto other = build(jobs);
    CHECK(one.first == other.first);
    CHECK(one.second == other.second);
  }
}

}  // namespace
}  // namespace legisite::render_test
