// Citations in running text become links: the splice itself, and the links a page gets.

#include "render/text_links.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "resolve/history.h"
#include "resolve/resolve.h"

namespace legisite::text_links_test {
namespace {

// Resolves the corpus for a site whose article pages show the law of 2026-11-26.
void resolve_for_site(Corpus& corpus, Diagnostics& diagnostics) {
  resolve(corpus, diagnostics);
  answer_for_date(corpus, Date::from_ymd(2026, 11, 26), true);
}

TextLink wrap(std::size_t begin, std::size_t end, std::string href, std::string title = {}) {
  TextLink link;
  link.begin = begin;
  link.end = end;
  link.href = std::move(href);
  link.title = std::move(title);
  return link;
}

/// Adds an article of the Code de la sécurité sociale with one version of `html`.
void add_article(Corpus& corpus, const char* number, std::string html, Diagnostics& diagnostics) {
  ArticleRecord r;
  r.code_title = "Code de la sécurité sociale";
  r.section_path = {{"Partie législative", "", -1}};
  r.number = ArticleNumber(number);
  r.version.start = Date::from_ymd(2013, 7, 8);
  r.version.has_text = true;
  r.version.text_html = std::move(html);
  add_record(corpus, std::move(r), diagnostics);
}

TEST_CASE("splice wraps each range in a link, in any order", "[render][text_links]") {
  std::string html = "<p>voir L. 1 et L. 2</p>";
  std::size_t one = html.find("L. 1"), two = html.find("L. 2");
  CHECK(splice_links(html, {wrap(two, two + 4, "../l2/index.html"),
                            wrap(one, one + 4, "../l1/index.html", "2 articles : L1, L1-1")}) ==
        "<p>voir <a href=\"../l1/index.html\" title=\"2 articles : L1, L1-1\">L. 1</a> et "
        "<a href=\"../l2/index.html\">L. 2</a></p>");
}

TEST_CASE("splice escapes what it writes in attributes", "[render][text_links]") {
  std::string html = "<p>L. 1</p>";
  CHECK(splice_links(html, {wrap(3, 7, "a?b=1&c=\"2\"", "<x>")}) ==
        "<p><a href=\"a?b=1&amp;c=&quot;2&quot;\" title=\"&lt;x&gt;\">L. 1</a></p>");
}

TEST_CASE("splice never breaks the markup: bad ranges are skipped", "[render][text_links]") {
  std::string html = "<p>un <em>deux</em> trois</p>";
  std::size_t un = html.find("un"), deux = html.find("deux"), trois = html.find("trois");
  std::vector<TextLink> bad = {
      wrap(un, deux + 2, "x"),            // crosses <em>
      wrap(1, 2, "x"),                    // inside a tag
      wrap(trois, html.size() + 3, "x"),  // past the end
      wrap(deux, deux, "x"),              // empty
  };
  CHECK(splice_links(html, bad) == html);
  // Overlapping ranges: the first is kept.
  CHECK(splice_links(html, {wrap(trois, trois + 5, "a"), wrap(trois + 1, trois + 3, "b")}) ==
        "<p>un <em>deux</em> <a href=\"a\">trois</a></p>");
}

TEST_CASE("splice points a link of the source elsewhere and never nests links",
          "[render][text_links]") {
  std::string html = "<p>l'<a href=\"https://legifrance/x\">article L. 1</a> et L. 2</p>";
  std::size_t l1 = html.find("article L. 1"), l2 = html.find("L. 2");
  TextLink repoint = wrap(l1, l1 + 12, "../l1/index.html");
  repoint.repoint = true;
  TextLink nested = wrap(l1 + 8, l1 + 12, "nested");  // inside the source's <a>
  CHECK(splice_links(html, {repoint, nested, wrap(l2, l2 + 4, "../l2/index.html")}) ==
        "<p>l'<a href=\"../l1/index.html\">article L. 1</a> et <a "
        "href=\"../l2/index.html\">L. 2</a></p>");
  // A repoint outside any link changes nothing.
  TextLink lost = wrap(l2, l2 + 4, "x");
  lost.repoint = true;
  CHECK(splice_links(html, {lost}) == html);
}

TEST_CASE("splice puts a link per bound instead of a source link around a range",
          "[render][text_links]") {
  std::string html = "<p>articles <a href=\"https://legifrance/x\">A. 1 à A. 4</a>, et</p>";
  std::size_t first = html.find("A. 1"), last = html.find("A. 4");
  TextLink to_first = wrap(first, first + 4, "../a1/", "4 articles : A1, A2, A3, A4");
  TextLink to_last = wrap(last, last + 4, "../a4/", "4 articles : A1, A2, A3, A4");
  to_first.unwrap = to_last.unwrap = true;
  CHECK(splice_links(html, {to_last, to_first}) ==
        "<p>articles <a href=\"../a1/\" title=\"4 articles : A1, A2, A3, A4\">A. 1</a> à <a "
        "href=\"../a4/\" title=\"4 articles : A1, A2, A3, A4\">A. 4</a>, et</p>");
  // Without its "</a>" (a piece of a text, in a diff) the source link is left as it is.
  std::string piece = html.substr(0, html.find("</a>"));
  CHECK(splice_links(piece, {to_first, to_last}) == piece);
  // Outside any <a>, an unwrapping link is not made.
  std::string plain = "<p>A. 1 à A. 4</p>";
  TextLink lost = wrap(3, 7, "x");
  lost.unwrap = true;
  CHECK(splice_links(plain, {lost}) == plain);
}

TEST_CASE("a page's text links each citation to the cited article's page", "[render][text_links]") {
  Corpus corpus;
  Diagnostics diagnostics;
  auto add = [&](const char* number, std::string html) {
    add_article(corpus, number, std::move(html), diagnostics);
  };
  add("L133-6", "<p>Texte.</p>");
  add("L133-6-1", "<p>Texte.</p>");
  add("L133-6-2", "<p>Texte.</p>");
  add("R133-19",
      "<p>à l'article L. 133-6, aux articles L. 133-6-1 à L. 133-6-2 et à l'article L. 213-1, "
      "dont la loi n° 2001-692 du 1er août 2001.</p>");
  resolve_for_site(corpus, diagnostics);
  const Article& r =
      corpus.article(corpus.find_article(corpus.codes()[0].id, ArticleNumber("R133-19")));
  std::string page = "code-de-la-securite-sociale/r133-19/index.html";
  CHECK(linked_text_html(corpus, page, r.versions[0]) ==
        "<p><span class=\"alinea\" id=\"alinea-1\">à l'article <a "
        "href=\"../l133-6/index.html\">L. 133-6</a>, aux articles "
        "<a href=\"../l133-6-1/index.html\" title=\"2 articles\u00A0: L133-6-1, L133-6-2\">"
        "L. 133-6-1</a> à <a href=\"../l133-6-2/index.html\" "
        "title=\"2 articles\u00A0: L133-6-1, L133-6-2\">L. 133-6-2</a> et à l'article <a "
        "href=\"../l213-1/index.html\" "
        "title=\"Article L213-1\u00A0: cité, sans texte dans cette édition\">L. 213-1</a>, dont la "
        "loi "
        "n° 2001-692 du 1er août 2001.</span></p>");
}

TEST_CASE("a citation of an alinéa links to its anchor when the page shows that alinéa",
          "[render][text_links]") {
  Corpus corpus;
  Diagnostics diagnostics;
  auto add = [&](const char* number, std::string html) {
    add_article(corpus, number, std::move(html), diagnostics);
  };
  add("L1", "<p>Un.</p><p>Deux.</p>");
  add("L2", "<p>Un seul.</p>");
  add("R1", "<p>au second alinéa de l'article L. 1 et au second alinéa de l'article L. 2.</p>");
  resolve_for_site(corpus, diagnostics);
  const Article& r = corpus.article(corpus.find_article(corpus.codes()[0].id, ArticleNumber("R1")));
  std::string html =
      linked_text_html(corpus, "code-de-la-securite-sociale/r1/index.html", r.versions[0]);
  CHECK(html.find("<a href=\"../l1/index.html#alinea-2\">L. 1</a>") != std::string::npos);
  // L2 has one alinéa: the link goes to the article.
  CHECK(html.find("<a href=\"../l2/index.html\">L. 2</a>") != std::string::npos);
}

TEST_CASE("a source link to an article the edition lacks leads to its page without text",
          "[render][text_links]") {
  Corpus corpus;
  Diagnostics diagnostics;
  add_article(corpus, "D122-5",
              "<p>aux articles <a href=\"https://www.legifrance.gouv.fr/affichCodeArticle.do?"
              "idArticle=LEGIARTI000006735203\">D. 122-11</a>.</p>",
              diagnostics);
  resolve_for_site(corpus, diagnostics);
  CodeId css = corpus.codes()[0].id;
  const Article& d = corpus.article(corpus.find_article(css, ArticleNumber("D122-5")));
  const Article& stub = corpus.article(corpus.find_article(css, ArticleNumber("D122-11")));
  CHECK(stub.cited_only);
  // The page without text gets the link's identifier, for its link to Légifrance and /id/.
  CHECK(stub.cid == "LEGIARTI000006735203");
  CHECK(linked_text_html(corpus, "code-de-la-securite-sociale/d122-5/index.html", d.versions[0]) ==
        "<p><span class=\"alinea\" id=\"alinea-1\">aux articles <a "
        "href=\"../d122-11/index.html\" title=\"Article D122-11\u00A0: cité, sans texte dans cette "
        "édition\">D. 122-11</a>.</span></p>");
}

/// Adds a version of `number` starting on `start` (and ending on `end` when given).
void add_version(Corpus& corpus, const char* number, const char* start, const char* end,
                 std::string html, Diagnostics& diagnostics) {
  ArticleRecord r;
  r.code_title = "Code de la sécurité sociale";
  r.section_path = {{"Partie législative", "", -1}};
  r.number = ArticleNumber(number);
  r.version.start = *Date::parse(start);
  if (end) r.version.end = *Date::parse(end);
  r.version.has_text = true;
  r.version.text_html = std::move(html);
  add_record(corpus, std::move(r), diagnostics);
}

TEST_CASE("on a version's page a citation leads to the cited article as it stood on its first day",
          "[render][text_links]") {
  Corpus corpus;
  Diagnostics diagnostics;
  // L1 changed in 2010, after R1's first version (2005) cited it, and again in 2020. L2 has no
  // dated version; L3 only began after 2005.
  add_version(corpus, "L1", "2000-01-01", nullptr, "<p>Un.</p><p>Deux.</p>", diagnostics);
  add_version(corpus, "L1", "2010-01-01", nullptr, "<p>Un seul.</p>", diagnostics);
  add_version(corpus, "L1", "2020-01-01", nullptr, "<p>Un.</p><p>Deux.</p>", diagnostics);
  ArticleRecord undated;
  undated.code_title = "Code de la sécurité sociale";
  undated.section_path = {{"Partie législative", "", -1}};
  undated.number = ArticleNumber("L2");
  undated.version.has_text = true;
  undated.version.text_html = "<p>Sans date.</p>";
  add_record(corpus, std::move(undated), diagnostics);
  add_version(corpus, "L3", "2008-01-01", nullptr, "<p>Plus tard.</p>", diagnostics);
  const std::string text =
      "<p>au second alinéa de l'article L. 1, à l'article L. 2 et à l'article L. 3.</p>";
  add_version(corpus, "R1", "2005-08-12", "2015-01-01", text, diagnostics);
  add_version(corpus, "R1", "2015-01-01", nullptr, text, diagnostics);
  resolve_for_site(corpus, diagnostics);
  const Article& r = corpus.article(corpus.find_article(corpus.codes()[0].id, ArticleNumber("R1")));
  REQUIRE(r.versions.size() == 2);
  const std::string page = "code-de-la-securite-sociale/r1/2005-08-12/index.html";

  std::string html = linked_text_html(corpus, page, r.versions[0], r.versions[0].start);
  // The L1 of 2000, which had a second alinéa (the 2010 text has only one).
  CHECK(html.find("<a href=\"../../l1/2000-01-01/index.html#alinea-2\" title=\"Article L1, version "
                  "en vigueur le 12 août 2005\">L. 1</a>") != std::string::npos);
  // No dated version, or none in force on 2005-08-12: the article page.
  CHECK(html.find("<a href=\"../../l2/index.html\">L. 2</a>") != std::string::npos);
  CHECK(html.find("<a href=\"../../l3/index.html\">L. 3</a>") != std::string::npos);

  // The second version cites L1 as it stood in 2015: the 2010 text, one alinéa, no anchor.
  html = linked_text_html(corpus, "code-de-la-securite-sociale/r1/2015-01-01/index.html",
                          r.versions[1], r.versions[1].start);
  CHECK(
      html.find("<a href=\"../../l1/2010-01-01/index.html\" title=\"Article L1, version en vigueur "
                "le 1er janvier 2015\">L. 1</a>") != std::string::npos);
  CHECK(html.find("<a href=\"../../l3/2008-01-01/index.html\"") != std::string::npos);

  // Without a date (the article page), the article page as before, anchored on the text it
  // shows on the reference date (2020's, two alinéas).
  html = linked_text_html(corpus, "code-de-la-securite-sociale/r1/index.html", r.versions[1]);
  CHECK(html.find("<a href=\"../l1/index.html#alinea-2\">L. 1</a>") != std::string::npos);
}

}  // namespace
}  // namespace legisite::text_links_test
