// French typography of generated words (issue 13, point 9): the one rule for each.

#include "text/french_typography.h"

#include <catch2/catch.hpp>

namespace legisite::french_typography_test {
namespace {

TEST_CASE("numbers of four digits or more are grouped by three with thin spaces",
          "[text][typography]") {
  CHECK(french_number(0) == "0");
  CHECK(french_number(999) == "999");
  CHECK(french_number(7371) == "7\u202F371");
  CHECK(french_number(7372) == "7\u202F372");
  CHECK(french_number(22190) == "22\u202F190");
  CHECK(french_number(1234567) == "1\u202F234\u202F567");
}

TEST_CASE("a space before a colon becomes no-break, before a semicolon, ? or ! a thin one",
          "[text][typography]") {
  CHECK(french_spacing("modifications : +3 mots ; texte ? oui !") ==
        "modifications\u00A0: +3 mots\u202F; texte\u202F? oui\u202F!");
  // No space is added where there is none: a mark glued to its word, times, addresses.
  CHECK(french_spacing("10:30 http://a;b art.:") == "10:30 http://a;b art.:");
  CHECK(french_spacing("") == "");
}

TEST_CASE("Légifrance's empty state marks are dropped from link texts", "[text][typography]") {
  // css-2026, R133-9-2's links ("Décret n°2003-110 du 11 février 2003 - art. 2 () JORF …").
  CHECK(without_empty_parentheses("Décret n°2003-110 du 11 février 2003 - art. 2 () JORF 13 "
                                  "février 2003") ==
        "Décret n°2003-110 du 11 février 2003 - art. 2 JORF 13 février 2003");
  CHECK(without_empty_parentheses("Loi (V)") == "Loi (V)");
  CHECK(without_empty_parentheses("() début") == "début");
  CHECK(without_empty_parentheses("fin ()") == "fin");
}

std::string superscripted(std::string html) {
  superscript_ordinals(html);
  return html;
}

TEST_CASE("1er standing as a word is set as a superscript in text content", "[text][typography]") {
  CHECK(superscripted("<h1>Article 1er</h1>") == "<h1>Article 1<sup>er</sup></h1>");
  CHECK(superscripted("<time datetime=\"2025-07-01\">1er juillet 2025</time>") ==
        "<time datetime=\"2025-07-01\">1<sup>er</sup> juillet 2025</time>");
  // css-2026, L133-4-9's text: "à compter du 1er janvier 2017," and the like.
  CHECK(superscripted("<p>l'article 1er, au 1er.</p>") ==
        "<p>l'article 1<sup>er</sup>, au 1<sup>er</sup>.</p>");
  CHECK(superscripted("1er") == "1<sup>er</sup>");
  CHECK(superscripted("(1er)") == "(1<sup>er</sup>)");
  CHECK(superscripted("«\u00A01er\u00A0»") == "«\u00A01<sup>er</sup>\u00A0»");
  CHECK(superscripted("le\u202F1er\u2019") == "le\u202F1<sup>er</sup>\u2019");
  CHECK(superscripted("<a href=\"../1er/\">Article 1er</a>") ==
        "<a href=\"../1er/\">Article 1<sup>er</sup></a>");
  CHECK(superscripted("<ins>1er</ins><del>1er</del>") ==
        "<ins>1<sup>er</sup></ins><del>1<sup>er</sup></del>");
}

TEST_CASE("1er inside a word, a number or an address is left as it is", "[text][typography]") {
  for (std::string_view word : {"R1er", "11er", "21er", "1ers", "1ere", "1er_a", "2.1er", "2,1er",
                                "L-1er", "a/1er", "\u00E91er", "1er\u00E9", "1er2"}) {
    std::string html(word);
    CHECK_FALSE(superscript_ordinals(html));
    CHECK(html == word);
  }
}

TEST_CASE("1er is left alone in attributes, comments, scripts and plain-text elements",
          "[text][typography]") {
  for (std::string_view html : {
           "<a href=\"/code/1er/\" title=\"Article 1er\" data-x='1er > 2'>x</a>",
           "<!-- 1er -->",
           "<title>Article 1er</title>",
           "<script type=\"application/json\">{\"t\":\"1er janvier\"}</script>",
           "<SCRIPT>var a = \"<b>\" + \" 1er\";</SCRIPT>",
           "<style>/* 1er */</style>",
           "<textarea>1er</textarea>",
           "<select><option value=\"1\">1er</option></select>",
           "<pre>1er</pre><code> 1er </code>",
           "1<sup>er</sup> et <sup>1er</sup>",
       }) {
    std::string copy(html);
    CHECK_FALSE(superscript_ordinals(copy));
    CHECK(copy == html);
  }
  // Text after an element left alone is set again.
  CHECK(superscripted("<title>1er</title><p>1er</p><img src=\"1er\"/> 1er") ==
        "<title>1er</title><p>1<sup>er</sup></p><img src=\"1er\"/> 1<sup>er</sup>");
  CHECK(superscripted("a < 1er") == "a < 1<sup>er</sup>");
}

}  // namespace
}  // namespace legisite::french_typography_test
