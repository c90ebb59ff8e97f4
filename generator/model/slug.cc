#include "model/slug.h"

#include "text/ascii.h"
#include "text/fold.h"

namespace legisite {

std::string slugify(std::string_view text) {
  std::string folded = fold_for_matching(text);
  std::string out;
  bool pending_dash = false;
  for (char c : folded) {
    if (is_lower(c) || is_digit(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += c;
    } else {
      pending_dash = true;
    }
  }
  return out;
}

}  // namespace legisite
