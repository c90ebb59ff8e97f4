// French typography of generated words (issue 13, point 9): the one rule for each.

#include "text/french_typography.h"

#include <catch2/catch.hpp>

namespace legisite {
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

}  // namespace
}  // namespace legisite
