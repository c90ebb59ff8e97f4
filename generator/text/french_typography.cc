#include "text/french_typography.h"

namespace legisite {

std::string french_number(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  if (digits.size() < 4) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kThinSpace;
    out += digits[i];
  }
  return out;
}

std::string french_spacing(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == ' ' && next == ':') {
      out += kNoBreakSpace;
    } else if (c == ' ' && (next == ';' || next == '?' || next == '!')) {
      out += kThinSpace;
    } else {
      out += c;
    }
  }
  return out;
}

std::string without_empty_parentheses(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "()") == 0) {
      // Drop the space before it, or after it when it opens the text.
      if (!out.empty() && out.back() == ' ')
        out.pop_back();
      else if (i + 2 < text.size() && text[i + 2] == ' ')
        ++i;
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace legisite
