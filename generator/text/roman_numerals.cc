#include "text/roman_numerals.h"

#include <array>

namespace legisite {

namespace {

// The numeral of `value` (1 to 89) in its usual form.
std::string numeral_of(int value) {
  static constexpr std::array<std::string_view, 9> kUnits = {"I",  "II",  "III",  "IV", "V",
                                                             "VI", "VII", "VIII", "IX"};
  static constexpr std::array<std::string_view, 8> kTens = {"X", "XX", "XXX", "XL",
                                                            "L", "LX", "LXX", "LXXX"};
  std::string out;
  if (value >= 10) out += kTens[value / 10 - 1];
  if (value % 10) out += kUnits[value % 10 - 1];
  return out;
}

}  // namespace

int roman_numeral_value(std::string_view word) {
  if (word == "Ier") return 1;
  if (word.empty() || word.size() > 7) return 0;
  auto letter_value = [](char c) {
    return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : c == 'L' ? 50 : 0;
  };
  int value = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const int digit = letter_value(word[i]);
    if (digit == 0) return 0;
    const int following = i + 1 < word.size() ? letter_value(word[i + 1]) : 0;
    value += digit < following ? -digit : digit;
  }
  // Only the usual form: "IIII" or "IL" is a word, not a number.
  return value >= 1 && value <= 89 && numeral_of(value) == word ? value : 0;
}

std::string with_roman_numerals_in_digits(std::string_view heading) {
  std::string out;
  std::size_t start = 0;
  while (start <= heading.size()) {
    std::size_t end = heading.find(' ', start);
    if (end == std::string_view::npos) end = heading.size();
    const std::string_view word = heading.substr(start, end - start);
    if (const int value = roman_numeral_value(word))
      out += std::to_string(value);
    else
      out += word;
    if (end == heading.size()) break;
    out += ' ';
    start = end + 1;
  }
  return out;
}

}  // namespace legisite
