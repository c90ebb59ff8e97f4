// Cite and share (render/cite.h): the citation "Copier la référence" copies and the address it
// gives, on article and version pages; and the "Articles cités" list of an article page, which
// names every member of a cited range. The copy itself runs in a browser
// (tests/browser/cite.test.mjs).

#include "render/cite.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "render/render.h"
#include "resolve/history.h"
#include "resolve/resolve.h"

namespace legisite::cite_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";
const std::vector<SectionRef> kChapter = {{"Partie législative", "", -1}, {"Chapitre 3", "", -1}};

Version version(const char* start, std::string text_html, const char* end = nullptr) {
  Version v;
  v.start = *Date::parse(start);
  v.end = end ? *Date::parse(end) : Date::no_end();
  v.status = end ? ArticleStatus::kModifie : ArticleStatus::kVigueur;
  v.has_text = true;
  v.text_html = std::move(text_html);
  v.origin = {std::string("content/") + start + ".md", 1, 1};
  return v;
}

void add(Corpus& corpus, Diagnostics& d, const char* number, Version v) {
  ArticleRecord r;
  r.code_title = kCss;
  r.section_path = kChapter;
  r.number = ArticleNumber(number);
  r.version = std::move(v);
  add_record(corpus, std::move(r), d);
}

// L1 cites the range L2 to L4 (L3 is in the corpus too) and L9, which the corpus lacks.
struct Site {
  Corpus corpus;
  Diagnostics diagnostics;
  MemoryOutput out;

  explicit Site(SiteOptions options = {}) {
    add(corpus, diagnostics, "L1",
        version("2001-01-01", "<p>Ancien texte, voir l'article L. 2.</p>", "2013-07-01"));
    add(corpus, diagnostics, "L1",
        version("2013-07-01",
                "<p>Dans les conditions des articles L. 2 à L. 4 et de l'article L. 9.</p>"));
    for (const char* n : {"L2", "L3", "L4"})
      add(corpus, diagnostics, n, version("2000-01-01", "<p>Texte.</p>"));
    LinkGraph graph = resolve(corpus, diagnostics);
    options.reference_date = Date::from_ymd(2026, 11, 26);
    answer_for_date(corpus, options.reference_date, options.history);
    DiskFileSystem files(LEGISITE_SOURCE_DIR "/themes/default");
    auto theme = Theme::load(files, diagnostics);
    REQUIRE(theme);
    render_site(corpus, graph, *theme, options, out, diagnostics);
    INFO(format_all(diagnostics));
    REQUIRE_FALSE(diagnostics.has_errors());
  }
  std::string main(const std::string& path) const {
    auto it = out.files().find("code-de-la-securite-sociale/" + path);
    REQUIRE(it != out.files().end());
    const std::string& html = it->second;
    return html.substr(html.find("<main"), html.find("</main>") - html.find("<main"));
  }
  std::string page(const std::string& path) const {
    return out.files().at("code-de-la-securite-sociale/" + path);
  }
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a citation names the article, its code and the start of the version", "[render][cite]") {
  Article article;
  article.number = ArticleNumber("R133-19");
  Code code;
  code.title = kCss;
  Version v;
  v.start = Date::from_ymd(2013, 7, 8);
  CHECK(citation_text(article, code, &v) ==
        "Article R133-19 du code de la sécurité sociale, dans sa version du 8 juillet 2013");
  v.start = Date::from_ymd(2020, 1, 1);
  CHECK(citation_text(article, code, &v) ==
        "Article R133-19 du code de la sécurité sociale, dans sa version du 1er janvier 2020");
  // No version (a cited-only article), an unknown or a deferred start: no date.
  CHECK(citation_text(article, code, nullptr) == "Article R133-19 du code de la sécurité sociale");
  v.start = Date();
  CHECK(citation_text(article, code, &v) == "Article R133-19 du code de la sécurité sociale");
  v.start = *Date::parse("2222-02-22");
  CHECK(citation_text(article, code, &v) == "Article R133-19 du code de la sécurité sociale");
  // Other texts than codes.
  article.number = ArticleNumber("11");
  code.title = "Constitution du 4 octobre 1958";
  CHECK(citation_text(article, code, nullptr) == "Article 11 de la Constitution du 4 octobre 1958");
  code.title = "Livre des procédures fiscales";
  CHECK(citation_text(article, code, nullptr) == "Article 11 du livre des procédures fiscales");
  code.title = "Accord national interprofessionnel";
  CHECK(citation_text(article, code, nullptr) == "Article 11, Accord national interprofessionnel");
}

TEST_CASE("article and version pages carry the copy control with the version's address",
          "[render][cite]") {
  Site site;
  // The article page cites the version it shows, at that version's page.
  std::string article = site.page("l1/index.html");
  CHECK(has(article, "<script src=\"../../static/cite.js\" defer=\"defer\"></script>"));
  CHECK(has(article,
            "<p class=\"cite-copy\" hidden=\"hidden\"><button type=\"button\" "
            "data-citation=\"Article L1 du code de la sécurité sociale, dans sa version du 1er "
            "juillet 2013\" data-href=\"2013-07-01/index.html\">Copier la référence</button>"));
  // A version page cites itself.
  CHECK(has(site.page("l1/2001-01-01/index.html"),
            "data-citation=\"Article L1 du code de la sécurité sociale, dans sa version du 1er "
            "janvier 2001\" data-href=\"index.html\""));
  // A cited-only page, without a version.
  CHECK(
      has(site.page("l9/index.html"),
          "data-citation=\"Article L9 du code de la sécurité sociale\" data-href=\"index.html\""));
  // Pages that are no article's have neither the control nor the script.
  std::string code = site.out.files().at("code-de-la-securite-sociale/index.html");
  CHECK_FALSE(has(code, "cite-copy"));
  CHECK_FALSE(has(code, "cite.js"));
}

TEST_CASE("below an absolute base URL the copied address is the canonical one", "[render][cite]") {
  SiteOptions options;
  options.base_url = "https://codes.example.org/";
  Site site(options);
  CHECK(has(site.page("l1/index.html"),
            "data-href=\"https://codes.example.org/code-de-la-securite-sociale/l1/2013-07-01/\""));
}

TEST_CASE("an article page lists every article its text cites, each member of a range",
          "[render][cite]") {
  Site site;
  std::string main = site.main("l1/index.html");
  // The range links to its first article in the text, and the list reaches every member.
  CHECK(has(main,
            "<h2 id=\"articles-cites\">Articles cités dans ce texte</h2>\n<ul>\n"
            "<li><a href=\"../l2/index.html\">Article L2</a></li>\n"
            "<li><a href=\"../l3/index.html\">Article L3</a></li>\n"
            "<li><a href=\"../l4/index.html\">Article L4</a></li>\n"
            "<li><a href=\"../l9/index.html\">Article L9</a> <span class=\"as-of\">(cité, "
            "sans texte dans cette édition)</span></li>\n</ul>"));
  // A cited article's page without a citation has no list.
  CHECK_FALSE(has(site.main("l2/index.html"), "articles-cites"));
  // The version page keeps its dated list: the versions in force on its first day.
  CHECK(has(site.main("l1/2013-07-01/index.html"),
            "<li><a href=\"../../l3/2000-01-01/index.html\">Article L3</a>, <span "
            "class=\"as-of\">version du 1<sup>er</sup> janvier 2000</span> · <a "
            "href=\"../../l3/index.html\">version actuelle</a></li>"));
}

}  // namespace legisite::cite_test
