#include "text/html_escape.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace legisite {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// The high bit of each byte of `word` equal to `c`; bits above a match may be set wrongly, the
// lowest set bit never is.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char c) {
  std::uint64_t x = word ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighs;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text, Apostrophes apostrophes) {
  // Runs without special characters are appended whole, found eight bytes at a time: escaping
  // every field of every page, and every text the sanitizer keeps, is a few percent of a build.
  const bool apostrophe = apostrophes == Apostrophes::kEscaped;
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t from = 0, i = 0;
  while (i < size) {
    if constexpr (std::endian::native == std::endian::little) {
      if (size - i >= 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        std::uint64_t special = bytes_equal(word, '&') | bytes_equal(word, '<') |
                                bytes_equal(word, '>') | bytes_equal(word, '"') |
                                (apostrophe ? bytes_equal(word, '\'') : 0);
        if (special == 0) {
          i += 8;
          continue;
        }
        i += static_cast<std::size_t>(std::countr_zero(special)) / 8;
      }
    }
    std::string_view entity;
    switch (data[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        if (apostrophe) entity = "&#39;";
        break;
      default:
        break;
    }
    if (!entity.empty()) {
      out.append(data + from, i - from);
      out.append(entity);
      from = i + 1;
    }
    ++i;
  }
  out.append(data + from, size - from);
}

}  // namespace legisite
