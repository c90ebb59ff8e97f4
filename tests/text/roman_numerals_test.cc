// Roman numerals in section headings ("Livre Ier", "Chapitre III Bis"), read by value.

#include "text/roman_numerals.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::roman_numerals_test {
namespace {

TEST_CASE("a roman numeral in its usual form has its value", "[text][roman-numerals]") {
  CHECK(roman_numeral_value("I") == 1);
  CHECK(roman_numeral_value("Ier") == 1);
  CHECK(roman_numeral_value("II") == 2);
  CHECK(roman_numeral_value("IV") == 4);
  CHECK(roman_numeral_value("IX") == 9);
  CHECK(roman_numeral_value("XIV") == 14);
  CHECK(roman_numeral_value("XXI") == 21);
  CHECK(roman_numeral_value("XL") == 40);
  CHECK(roman_numeral_value("LXXXIX") == 89);
}

TEST_CASE("other words are no roman numerals", "[text][roman-numerals]") {
  for (const char* word : {"", "IIII", "IL", "VX", "iv", "C", "D", "Ière", "IIer", "Bis", "1er",
                           "Livre", "VIVIL", "XC"})
    CHECK(roman_numeral_value(word) == 0);
}

TEST_CASE("a heading's roman numerals are written in digits", "[text][roman-numerals]") {
  CHECK(with_roman_numerals_in_digits("Chapitre Ier") == "Chapitre 1");
  CHECK(with_roman_numerals_in_digits("Chapitre III Bis") == "Chapitre 3 Bis");
  CHECK(with_roman_numerals_in_digits("Titre 5") == "Titre 5");
  CHECK(with_roman_numerals_in_digits("Dispositions D'Application Du Livre III") ==
        "Dispositions D'Application Du Livre 3");
  CHECK(with_roman_numerals_in_digits("Chapitre IV Allocations") == "Chapitre 4 Allocations");
  CHECK(with_roman_numerals_in_digits("Section  I") == "Section  1");
  CHECK(with_roman_numerals_in_digits("") == "");
}

}  // namespace
}  // namespace legisite::roman_numerals_test
