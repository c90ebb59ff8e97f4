#pragma once
/// UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates, nothing above U+10FFFF): one
/// decoder, one validator and one encoder for the whole generator.

#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// Whether `c` is a continuation byte (10xxxxxx), never the start of a character.
constexpr bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// One character read at a byte offset. An invalid sequence reads as its first byte alone
/// (`code_point` is that byte, `length` 1, `valid` false), so a loop over a text always moves on.
struct Utf8Char {
  char32_t code_point;
  std::size_t length;
  bool valid;
};

/// Decodes the character that starts at `text[at]` (`at` < `text.size()`).
inline Utf8Char decode_utf8(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) {
    return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0u;
  };
  const unsigned char c = byte(0);
  const Utf8Char invalid{c, 1, false};
  if (c < 0x80) return {c, 1, true};
  const std::size_t length = c >= 0xC2 && c <= 0xDF   ? 2
                             : c >= 0xE0 && c <= 0xEF ? 3
                             : c >= 0xF0 && c <= 0xF4 ? 4
                                                      : 0;
  if (length == 0) return invalid;
  // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and code points
  // past U+10FFFF (F4).
  unsigned lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  if (byte(1) < lo || byte(1) > hi) return invalid;
  char32_t cp = c & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return invalid;
    cp = (cp << 6) | (byte(k) & 0x3Fu);
  }
  return {cp, length, true};
}

/// Whether all of `text` is UTF-8.
bool is_valid_utf8(std::string_view text);

/// The offset of the first byte of `text` that is not part of a UTF-8 character, or npos.
std::size_t first_invalid_utf8(std::string_view text);

/// What repair_utf8 changed: how many bytes, and the offset of the first.
struct Utf8Repair {
  std::size_t bad_bytes = 0;
  std::size_t first = std::string_view::npos;
  std::size_t nul_bytes = 0;  // of which NUL bytes (valid UTF-8, but never text)
};

/// `text` with every byte that is not part of a UTF-8 character, and every NUL, replaced by
/// U+FFFD: what a reader may show of a file it has reported as not UTF-8.
std::string repair_utf8(std::string_view text, Utf8Repair& repair);

/// Appends the UTF-8 encoding of `code_point` (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t code_point);

/// How many characters (lead bytes) `text` holds: columns of diagnostics count these.
std::size_t count_code_points(std::string_view text);

/// The start of the character holding byte `at`: `at`, or the lead byte before its continuation
/// bytes, never before `floor`.
std::size_t character_start(std::string_view text, std::size_t at, std::size_t floor = 0);

}  // namespace legisite
