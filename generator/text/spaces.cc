#include "text/spaces.h"

#include "text/ascii.h"

namespace legisite {

std::size_t space_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (is_html_space(s[i])) return 1;
  auto byte = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  unsigned c = byte(0);
  if (c == 0xC2 && byte(1) == 0xA0) return 2;
  if (c == 0xE2 && byte(1) == 0x80) {
    unsigned d = byte(2);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;
  }
  return 0;
}

std::size_t space_before(std::string_view s, std::size_t end) {
  for (std::size_t n = 1; n <= 3 && n <= end; ++n)
    if (space_len(s, end - n) == n) return n;
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t n = space_len(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t n = space_len(text, i)) {
      if (out.empty() || out.back() != ' ') out += ' ';
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace legisite
