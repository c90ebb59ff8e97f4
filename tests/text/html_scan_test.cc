#include "text/html_scan.h"

#include <catch2/catch.hpp>
#include <string_view>

#include "text/french_typography.h"
#include "text/visible_text.h"

namespace html_scan_test {

using namespace legisite;

TEST_CASE("markup ends where a browser ends it", "[text][html_scan]") {
  constexpr std::size_t npos = std::string_view::npos;
  CHECK(starts_markup("<p>", 0));
  CHECK(starts_markup("</p>", 0));
  CHECK(starts_markup("<!-- x -->", 0));
  CHECK_FALSE(starts_markup("a < b", 2));
  CHECK_FALSE(starts_markup("<", 0));
  CHECK(markup_end("<p>x", 0) == 3);
  // A '>' inside a quoted attribute value does not end the tag; one in a comment does not end it.
  CHECK(markup_end("<a title=\"a > b\">x", 0) == 17);
  CHECK(markup_end("<a title='>'>x", 0) == 13);
  CHECK(markup_end("<!-- a > b -->x", 0) == 14);
  CHECK(markup_end("<p class=\"open>", 0) == npos);
  CHECK(markup_end("<!-- never closed", 0) == npos);
}

TEST_CASE("tag names and end tags", "[text][html_scan]") {
  CHECK(tag_name("<p class=a>", 0, 11) == "p");
  CHECK(tag_name("</sup>", 0, 6) == "sup");
  CHECK(tag_name("<h6>", 0, 4) == "h6");
  CHECK(tag_name("<!-- x -->", 0, 10).empty());
  CHECK(tag_name("</ p>", 0, 5).empty());
  CHECK(end_tag_at("<pre>1er</PRE>", 5, "pre") == 8);
  CHECK(end_tag_at("<pre>1er</pref></pre>", 5, "pre") == 15);
  CHECK(end_tag_at("<pre>1er", 5, "pre") == 8);
}

TEST_CASE("visible_text and superscript_ordinals read markup alike", "[text][html_scan]") {
  // The quoted '>' is inside the tag: neither the text nor the word "1er" in it is seen.
  CHECK(visible_text("<a title=\"x > 1er\">article</a> 1er") == "article 1er");
  std::string html = "<a title=\"x > 1er\">article</a> 1er <!-- 1er > 1er --> 1er";
  CHECK(superscript_ordinals(html));
  CHECK(html ==
        "<a title=\"x > 1er\">article</a> 1<sup>er</sup> <!-- 1er > 1er --> 1<sup>er</sup>");
  CHECK(visible_text("a<!-- b > c -->d") == "a d");
}

}  // namespace html_scan_test
