#include "text/utf8.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::utf8_test {
namespace {

// The code point and length decode_utf8 reads at 0, or 0 for an invalid sequence.
std::pair<char32_t, std::size_t> read(std::string_view s) {
  Utf8Char c = decode_utf8(s, 0);
  return {c.valid ? c.code_point : 0, c.valid ? c.length : 0};
}

TEST_CASE("UTF-8 of one to four bytes decodes to its code point", "[text][utf8]") {
  CHECK(read("a") == std::pair<char32_t, std::size_t>{'a', 1});
  CHECK(read("é") == std::pair<char32_t, std::size_t>{0xE9, 2});
  CHECK(read("\xC2\x80") == std::pair<char32_t, std::size_t>{0x80, 2});   // smallest 2-byte
  CHECK(read("\xDF\xBF") == std::pair<char32_t, std::size_t>{0x7FF, 2});  // largest 2-byte
  CHECK(read("€") == std::pair<char32_t, std::size_t>{0x20AC, 3});
  CHECK(read("\xE0\xA0\x80") == std::pair<char32_t, std::size_t>{0x800, 3});  // smallest 3-byte
  CHECK(read("\xEF\xBF\xBF") == std::pair<char32_t, std::size_t>{0xFFFF, 3});
  CHECK(read("\xED\x9F\xBF") == std::pair<char32_t, std::size_t>{0xD7FF, 3});  // before surrogates
  CHECK(read("𝄞") == std::pair<char32_t, std::size_t>{0x1D11E, 4});
  CHECK(read("\xF4\x8F\xBF\xBF") == std::pair<char32_t, std::size_t>{0x10FFFF, 4});
}

TEST_CASE(
    "overlong forms, surrogates, code points past U+10FFFF and broken sequences are "
    "invalid",
    "[text][utf8]") {
  for (std::string_view bad :
       {"\xC0\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80", "\xBF", "\xC3", "\xE2\x82", "\xC3(",
        "\xE2\x28\xA1", "\xF0\x9D\x84"}) {
    INFO("bytes of length " << bad.size());
    Utf8Char c = decode_utf8(bad, 0);
    CHECK_FALSE(c.valid);
    // An invalid sequence reads as its first byte alone, so a loop always moves on.
    CHECK(c.length == 1);
    CHECK(c.code_point == static_cast<unsigned char>(bad[0]));
    CHECK_FALSE(is_valid_utf8(bad));
  }
}

TEST_CASE("decoding stops at the end of the view, not at the end of the buffer", "[text][utf8]") {
  std::string_view text("é", 1);  // the lead byte only
  CHECK_FALSE(decode_utf8(text, 0).valid);
}

TEST_CASE("a text is valid UTF-8 when every character is, at any position of an ASCII run",
          "[text][utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Code de la sécurité sociale — article L. 133-6 𝄞"));
  for (std::size_t prefix = 0; prefix < 20; ++prefix) {
    std::string ascii(prefix, 'a');
    CHECK(is_valid_utf8(ascii + "é" + ascii));
    CHECK_FALSE(is_valid_utf8(ascii + "\xC3" + ascii));
    CHECK_FALSE(is_valid_utf8(ascii + "\xED\xA0\x80"));
  }
}

TEST_CASE("encoding writes back what decoding read", "[text][utf8]") {
  for (char32_t cp : {0x41u, 0x7Fu, 0x80u, 0xE9u, 0x7FFu, 0x800u, 0x20ACu, 0xFFFDu, 0x10000u,
                      0x1D11Eu, 0x10FFFFu}) {
    std::string out;
    append_utf8(out, cp);
    Utf8Char c = decode_utf8(out, 0);
    CHECK(c.valid);
    CHECK(c.code_point == cp);
    CHECK(c.length == out.size());
  }
}

TEST_CASE("code points are counted by their lead bytes", "[text][utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("é€𝄞") == 3);
}

TEST_CASE("the start of a character is found back from any of its bytes", "[text][utf8]") {
  const std::string text = "a€b";  // € is bytes 1 to 3
  CHECK(character_start(text, 0) == 0);
  CHECK(character_start(text, 1) == 1);
  CHECK(character_start(text, 2) == 1);
  CHECK(character_start(text, 3) == 1);
  CHECK(character_start(text, 4) == 4);
  CHECK(character_start(text, 3, 2) == 2);  // never before the floor
}

}  // namespace
}  // namespace legisite::utf8_test
