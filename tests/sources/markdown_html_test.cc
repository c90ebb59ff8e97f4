#include "sources/markdown_html.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "parallel/parallel.h"

namespace markdown_html_test {

using legisite::Chunk;
using legisite::for_each_chunk;
using legisite::markdown_to_html;

TEST_CASE("Markdown becomes HTML with GFM tables, strikethrough and autolinks",
          "[sources][markdown]") {
  CHECK(markdown_to_html("Un *mot*.\n") == "<p>Un <em>mot</em>.</p>\n");
  CHECK(markdown_to_html("~~ancien~~\n") == "<p><del>ancien</del></p>\n");
  CHECK(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<td>1</td>") !=
        std::string::npos);
  CHECK(markdown_to_html("Voir https://www.legifrance.gouv.fr/ ici.\n") ==
        "<p>Voir <a href=\"https://www.legifrance.gouv.fr/\">https://www.legifrance.gouv.fr/</a> "
        "ici.</p>\n");
}

// The Légifrance exports write an ampersand as "&amp;", also inside bare URLs (article
// Annexe à l'art. D931-37 of the history corpus): the link goes to "&", not to "&amp;".
TEST_CASE("an escaped ampersand in a bare URL links to an ampersand", "[sources][markdown]") {
  std::string html = markdown_to_html(
      "http://www.legifrance.gouv.fr/jopdf/common/jo_pdf.jsp?numJO=0&amp;dateJO=20120406\n");
  CHECK(
      html ==
      "<p><a "
      "href=\"http://www.legifrance.gouv.fr/jopdf/common/jo_pdf.jsp?numJO=0&amp;dateJO=20120406\">"
      "http://www.legifrance.gouv.fr/jopdf/common/jo_pdf.jsp?numJO=0&amp;dateJO=20120406</a></"
      "p>\n");
  // Outside URLs, and where the ampersand would spell another entity, nothing changes.
  CHECK(markdown_to_html("A &amp;copy; B\n") == "<p>A &amp;copy; B</p>\n");
  CHECK(markdown_to_html("http://x.fr/?a&amp;copy;\n").find("?a&amp;amp;copy") !=
        std::string::npos);
}

// cmark-gfm switches a process-wide table of special characters on and off around each
// document's inlines: unguarded, two threads lost each other's autolinks now and then.
TEST_CASE("documents converted on two threads at once keep their autolinks",
          "[sources][markdown]") {
  // Long enough that one thread's inlines are still being parsed when the other finishes.
  std::string doc;
  for (int i = 0; i < 60; ++i)
    doc += "Alinéa " + std::to_string(i) +
           " : voir http://www.legifrance.gouv.fr/a et ~~b~~ et www.example.org, *etc.*\n\n";
  const std::string expected = markdown_to_html(doc);
  REQUIRE(expected.find("<a href=\"http://www.legifrance.gouv.fr/a\">") != std::string::npos);
  REQUIRE(expected.find("<del>b</del>") != std::string::npos);
  int mismatches[2] = {0, 0};
  for_each_chunk(2, 2, 1, [&](const Chunk& thread) {
    for (int i = 0; i < 300; ++i)
      if (markdown_to_html(doc) != expected) ++mismatches[thread.index];
  });
  CHECK(mismatches[0] == 0);
  CHECK(mismatches[1] == 0);
}

}  // namespace markdown_html_test
