#include "text/utf8.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace legisite {

bool is_valid_utf8(std::string_view text) {
  return first_invalid_utf8(text) == std::string_view::npos;
}

std::size_t first_invalid_utf8(std::string_view text) {
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    // Runs of ASCII, eight bytes at a time: whole-code JSON dumps are checked before parsing.
    if constexpr (std::endian::native == std::endian::little) {
      if (size - i >= 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (std::uint64_t high = word & 0x8080808080808080ull) {
          i += static_cast<std::size_t>(std::countr_zero(high)) / 8;
        } else {
          i += 8;
          continue;
        }
      }
    }
    Utf8Char c = decode_utf8(text, i);
    if (!c.valid) return i;
    i += c.length;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view text, Utf8Repair& repair) {
  repair = Utf8Repair();
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text, i);
    if (c.valid && c.code_point != 0) {
      out.append(text.substr(i, c.length));
    } else {
      if (repair.bad_bytes++ == 0) repair.first = i;
      if (c.code_point == 0) ++repair.nul_bytes;
      append_utf8(out, 0xFFFD);
    }
    i += c.length;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if (!is_continuation_byte(c)) ++n;
  return n;
}

std::size_t character_start(std::string_view text, std::size_t at, std::size_t floor) {
  while (at > floor && at < text.size() && is_continuation_byte(text[at])) --at;
  return at;
}

}  // namespace legisite
