#pragma once
/// French month names, written and folded, and dates written the French way.

#include <array>
#include <string>
#include <string_view>

namespace legisite {

/// January to December as written ("février", "août").
inline constexpr std::array<std::string_view, 12> kFrenchMonths = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
/// The same, folded as fold.h folds ("fevrier", "aout"), for matching.
inline constexpr std::array<std::string_view, 12> kFrenchMonthsFolded = {
    "janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
    "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};

/// The month (1 to 12) a word names, in any case and with or without accents; 0 if none.
int french_month(std::string_view word);

/// "8 juillet 2013", "1er janvier 1961" (the first of a month is "1er").
std::string french_date(int year, int month, int day);

}  // namespace legisite
