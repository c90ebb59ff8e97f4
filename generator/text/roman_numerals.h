#pragma once
/// Roman numerals as codes number their parts ("Livre Ier", "Titre VI", "Chapitre II bis"), so
/// that a section named so sorts by its number's value, beside one written in digits.

#include <string>
#include <string_view>

namespace legisite {

/// The value of `word` when it is a Roman numeral in its usual form, in capitals, from I to
/// LXXXIX ("IV", "XIV", "XL"), or "Ier" (the first); 0 for any other word ("IIII", "IL", "iv",
/// "C", "Ière").
int roman_numeral_value(std::string_view word);

/// `heading` with each of its space-separated words that is a Roman numeral written in digits:
/// "Chapitre Ier" -> "Chapitre 1", "Chapitre III Bis" -> "Chapitre 3 Bis".
std::string with_roman_numerals_in_digits(std::string_view heading);

}  // namespace legisite
