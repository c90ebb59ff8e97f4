#include "text/visible_text.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::visible_text_test {
namespace {

TEST_CASE("visible text drops tags: inline ones join, block ones separate", "[text][visible]") {
  CHECK(visible_text("<p>Une <em>exception</em>.</p><p>Suite</p>") == "Une exception. Suite");
  CHECK(visible_text("l'<a href=\"x\">article L. 133-6</a>") == "l'article L. 133-6");
  CHECK(visible_text("a<br/>b") == "a b");
  CHECK(visible_text("<P>A</P><DIV>B</DIV>") == "A B");
  CHECK(visible_text("x<!-- note -->y") == "x y");
}

TEST_CASE("visible text decodes references and reads every space as one", "[text][visible]") {
  CHECK(visible_text("L.&nbsp;133-6") == "L. 133-6");
  CHECK(visible_text("a &amp; b &lt;c&gt; &quot;d&quot;") == "a & b <c> \"d\"");
  CHECK(visible_text("1\xC2\xA0\xE2\x80\xAF"
                     "000  €\n") == "1 000 €");
  CHECK(visible_text("&unknown; & x") == "&unknown; & x");
}

TEST_CASE("a '<' that opens no tag is text, and a tag never closed is text", "[text][visible]") {
  CHECK(visible_text("a < b") == "a < b");
  CHECK(visible_text("a <b") == "a <b");
  CHECK(visible_text("3<4") == "3<4");
}

TEST_CASE("markup with nothing to read has no visible text", "[text][visible]") {
  CHECK(visible_text("").empty());
  CHECK(visible_text("<br/>").empty());
  CHECK(visible_text("<p> \n </p><p>&nbsp;</p>").empty());
}

TEST_CASE("visible text drops tags and reads no-break spaces as spaces", "[text][visible]") {
  CHECK(visible_text("L.&#160;133-6") == "L. 133-6");
  CHECK(visible_text("L.&nbsp;<em>133-6</em> &amp; L.\n 1") == "L. 133-6 & L. 1");
}

}  // namespace
}  // namespace legisite::visible_text_test
