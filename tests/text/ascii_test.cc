#include "text/ascii.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::ascii_test {
namespace {

TEST_CASE("ASCII classes hold ASCII only: no byte of UTF-8 is a letter, digit or space",
          "[text][ascii]") {
  for (int b = 0; b < 256; ++b) {
    char c = static_cast<char>(b);
    INFO("byte " << b);
    CHECK(is_digit(c) == (b >= '0' && b <= '9'));
    CHECK(is_alpha(c) == ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')));
    CHECK(is_alnum(c) == (is_alpha(c) || is_digit(c)));
    CHECK(is_upper(c) == (b >= 'A' && b <= 'Z'));
    CHECK(is_lower(c) == (b >= 'a' && b <= 'z'));
    CHECK(is_punct(c) == (b > ' ' && b < 127 && !is_alnum(c)));
    CHECK(lower(c) == (is_upper(c) ? static_cast<char>(b + 32) : c));
    CHECK(upper(c) == (is_lower(c) ? static_cast<char>(b - 32) : c));
  }
}

TEST_CASE("a space is space, tab, CR or LF, and in HTML the form feed too", "[text][ascii]") {
  for (char c : {' ', '\t', '\n', '\r'}) {
    CHECK(is_space(c));
    CHECK(is_html_space(c));
  }
  CHECK_FALSE(is_space('\f'));
  CHECK(is_html_space('\f'));
  CHECK_FALSE(is_space('\v'));
  CHECK_FALSE(is_html_space('\v'));
  CHECK_FALSE(is_space('\xA0'));
}

TEST_CASE("case is ignored in prefixes and suffixes, and lowering a string keeps UTF-8",
          "[text][ascii]") {
  CHECK(lower("ARTICLE Éa") == "article Éa");
  CHECK(starts_with_ignoring_case("Article 3", "article"));
  CHECK(starts_with_ignoring_case("ARTICLE", "article"));
  CHECK_FALSE(starts_with_ignoring_case("Artic", "article"));
  CHECK(ends_with_ignoring_case("notes/README.MD", ".md"));
  CHECK_FALSE(ends_with_ignoring_case("md", ".md"));
}

TEST_CASE("trimming and collapsing read the same spaces", "[text][ascii]") {
  CHECK(trim(" \t a b \r\n") == "a b");
  CHECK(trim("  ") == "");
  CHECK(collapse_whitespace("  Décret n°2012-1362\n du 6  décembre\t") ==
        "Décret n°2012-1362 du 6 décembre");
  CHECK(collapse_whitespace("") == "");
  CHECK(collapse_whitespace("\xC2\xA0x") == "\xC2\xA0x");  // a no-break space is not ASCII
}

TEST_CASE("trim_chars removes the given characters at both ends only", "[text][ascii]") {
  CHECK(trim_chars("**Créé par** :", "*_ :") == "Créé par");
  CHECK(trim_chars("# a#b #", "# ") == "a#b");
  CHECK(trim_chars("***", "*") == "");
  CHECK(trim_chars("abc", "") == "abc");
}

}  // namespace
}  // namespace legisite::ascii_test
