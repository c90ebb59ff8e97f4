#include "text/french_date.h"

#include "text/fold.h"

namespace legisite {

int french_month(std::string_view word) {
  std::string folded = fold_for_matching(word);
  for (std::size_t m = 0; m < kFrenchMonthsFolded.size(); ++m)
    if (folded == kFrenchMonthsFolded[m]) return static_cast<int>(m) + 1;
  return 0;
}

std::string french_date(int year, int month, int day) {
  std::string out = day == 1 ? "1er" : std::to_string(day);
  out += ' ';
  out += kFrenchMonths[static_cast<std::size_t>(month - 1)];
  out += ' ';
  out += std::to_string(year);
  return out;
}

}  // namespace legisite
