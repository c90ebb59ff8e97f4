#include "text/html_entities.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace legisite::html_entities_test {
namespace {

/// What decode_html_entity made of `text`, appending to an output that already holds "out:" so
/// that a test sees both what was appended and that nothing before it was touched.
struct Decoded {
  bool ok = false;
  std::string out;
  std::size_t consumed = 0;
};

Decoded decode(std::string_view text) {
  Decoded d;
  d.out = "out:";
  d.ok = decode_html_entity(text, d.out, d.consumed);
  return d;
}

/// Checks that `text` decodes to `utf8` after reading exactly `consumed` bytes.
void check_decodes(std::string_view text, std::string_view utf8, std::size_t consumed) {
  INFO("reference: " << text);
  Decoded d = decode(text);
  CHECK(d.ok);
  CHECK(d.out == "out:" + std::string(utf8));
  CHECK(d.consumed == consumed);
}

/// Checks that `text` is refused and that the output is left exactly as it was.
void check_refused(std::string_view text) {
  INFO("text: " << text);
  Decoded d = decode(text);
  CHECK_FALSE(d.ok);
  CHECK(d.out == "out:");
}

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

TEST_CASE("named references decode to the UTF-8 of their character", "[text][html_entities]") {
  check_decodes("&eacute;", "\xC3\xA9", 8);
  check_decodes("&Eacute;", "\xC3\x89", 8);  // names are case-sensitive: É, not é
  check_decodes("&amp;", "&", 5);
  check_decodes("&lt;", "<", 4);
  check_decodes("&gt;", ">", 4);
  check_decodes("&quot;", "\"", 6);
  check_decodes("&apos;", "'", 6);  // not HTML 4, but XHTML and HTML5 have it
  check_decodes("&nbsp;", "\xC2\xA0", 6);
  check_decodes("&sect;", "\xC2\xA7", 6);
  check_decodes("&deg;", "\xC2\xB0", 5);
  check_decodes("&oelig;", "\xC5\x93", 7);
  check_decodes("&OElig;", "\xC5\x92", 7);
  check_decodes("&rsquo;", "\xE2\x80\x99", 7);
  check_decodes("&hellip;", "\xE2\x80\xA6", 8);
  check_decodes("&euro;", "\xE2\x82\xAC", 6);
  check_decodes("&sup2;", "\xC2\xB2", 6);         // a digit in the name
  check_decodes("&frac34;", "\xC2\xBE", 8);       // two digits in the name
  check_decodes("&thetasym;", "\xCF\x91", 10);    // the longest name of the set
  check_decodes("&diams;", "\xE2\x99\xA6", 7);    // the last of the table
  check_decodes("&alefsym;", "\xE2\x84\xB5", 9);  // U+2135, three bytes
  check_decodes("&Yuml;", "\xC5\xB8", 6);         // Ÿ, not ÿ
  check_decodes("&yuml;", "\xC3\xBF", 6);
}

TEST_CASE("a reference ends at its semicolon and what follows is left to the caller",
          "[text][html_entities]") {
  check_decodes("&eacute;tude", "\xC3\xA9", 8);
  check_decodes("&#233;233", "\xC3\xA9", 6);
  check_decodes("&#xE9;;", "\xC3\xA9", 6);
  check_decodes("&amp;amp;", "&", 5);
}

TEST_CASE("decimal and hexadecimal references decode to their code point",
          "[text][html_entities]") {
  check_decodes("&#65;", "A", 5);
  check_decodes("&#233;", "\xC3\xA9", 6);
  check_decodes("&#xE9;", "\xC3\xA9", 6);
  check_decodes("&#xe9;", "\xC3\xA9", 6);
  check_decodes("&#XE9;", "\xC3\xA9", 6);  // HTML accepts a capital X too
  check_decodes("&#0000233;", "\xC3\xA9", 10);
  check_decodes("&#x00000041;", "A", 12);
  check_decodes("&#8217;", "\xE2\x80\x99", 7);
  check_decodes("&#x20AC;", "\xE2\x82\xAC", 8);
  check_decodes("&#x1F600;", "\xF0\x9F\x98\x80", 9);    // beyond the BMP: four bytes
  check_decodes("&#1114111;", "\xF4\x8F\xBF\xBF", 10);  // U+10FFFF, the last code point
  check_decodes("&#x10FFFF;", "\xF4\x8F\xBF\xBF", 10);
  // Controls other than NUL and 0x80-0x9F, and noncharacters, are kept as browsers keep them.
  check_decodes("&#1;", "\x01", 4);
  check_decodes("&#127;", "\x7F", 6);
  check_decodes("&#xFFFF;", "\xEF\xBF\xBF", 8);
}

TEST_CASE("NUL and surrogates and code points beyond U+10FFFF decode to U+FFFD",
          "[text][html_entities]") {
  check_decodes("&#0;", kReplacement, 4);
  check_decodes("&#x0;", kReplacement, 5);
  check_decodes("&#000;", kReplacement, 6);
  check_decodes("&#xD800;", kReplacement, 8);
  check_decodes("&#55296;", kReplacement, 8);  // 0xD800 in decimal
  check_decodes("&#xDBFF;", kReplacement, 8);
  check_decodes("&#xDC00;", kReplacement, 8);
  check_decodes("&#xDFFF;", kReplacement, 8);
  check_decodes("&#57343;", kReplacement, 8);  // 0xDFFF
  check_decodes("&#x110000;", kReplacement, 10);
  check_decodes("&#1114112;", kReplacement, 10);
  // The neighbours of the surrogate range are ordinary characters.
  check_decodes("&#xD7FF;", "\xED\x9F\xBF", 8);
  check_decodes("&#xE000;", "\xEE\x80\x80", 8);
  // Digits past what 32 bits hold must neither wrap round to a valid character nor stop the
  // reading short: the whole reference is consumed.
  check_decodes("&#99999999999999999999;", kReplacement, 23);
  check_decodes("&#x100000041;", kReplacement, 13);  // would be 'A' if it wrapped at 32 bits
  check_decodes("&#4294967361;", kReplacement, 13);  // 2^32 + 65
  check_decodes("&#xFFFFFFFFFFFFFFFFFFFF;", kReplacement, 24);
}

TEST_CASE("references to 0x80-0x9F decode as the Windows-1252 character of that byte",
          "[text][html_entities]") {
  // The HTML standard's table (numeric character reference end state), written out here rather
  // than computed, so that an error in the implementation's table shows.
  const std::vector<std::pair<unsigned, std::string>> kTable = {
      {0x80, "\xE2\x82\xAC"}, {0x82, "\xE2\x80\x9A"}, {0x83, "\xC6\x92"},
      {0x84, "\xE2\x80\x9E"}, {0x85, "\xE2\x80\xA6"}, {0x86, "\xE2\x80\xA0"},
      {0x87, "\xE2\x80\xA1"}, {0x88, "\xCB\x86"},     {0x89, "\xE2\x80\xB0"},
      {0x8A, "\xC5\xA0"},     {0x8B, "\xE2\x80\xB9"}, {0x8C, "\xC5\x92"},
      {0x8E, "\xC5\xBD"},     {0x91, "\xE2\x80\x98"}, {0x92, "\xE2\x80\x99"},
      {0x93, "\xE2\x80\x9C"}, {0x94, "\xE2\x80\x9D"}, {0x95, "\xE2\x80\xA2"},
      {0x96, "\xE2\x80\x93"}, {0x97, "\xE2\x80\x94"}, {0x98, "\xCB\x9C"},
      {0x99, "\xE2\x84\xA2"}, {0x9A, "\xC5\xA1"},     {0x9B, "\xE2\x80\xBA"},
      {0x9C, "\xC5\x93"},     {0x9E, "\xC5\xBE"},     {0x9F, "\xC5\xB8"},
  };
  for (const auto& [byte, utf8] : kTable) {
    std::string decimal = "&#" + std::to_string(byte) + ";";
    check_decodes(decimal, utf8, decimal.size());
    char hex[16];
    std::snprintf(hex, sizeof hex, "&#x%X;", byte);
    check_decodes(hex, utf8, std::string_view(hex).size());
  }
  // Old Légifrance HTML writes &#146; for the apostrophe of "l'article".
  check_decodes("&#146;", "\xE2\x80\x99", 6);
  // Just outside the range nothing is remapped.
  check_decodes("&#x7F;", "\x7F", 6);
  check_decodes("&#xA0;", "\xC2\xA0", 6);
}

TEST_CASE("the five bytes Windows-1252 leaves undefined decode to themselves",
          "[text][html_entities]") {
  // The HTML standard maps only the 27 bytes above and keeps 0x81 0x8D 0x8F 0x90 0x9D as the C1
  // control of that number, as browsers do (html5lib-tests entities.test: &#129; is U+0081).
  check_decodes("&#129;", "\xC2\x81", 6);
  check_decodes("&#141;", "\xC2\x8D", 6);
  check_decodes("&#143;", "\xC2\x8F", 6);
  check_decodes("&#x90;", "\xC2\x90", 6);
  check_decodes("&#x9D;", "\xC2\x9D", 6);
}

TEST_CASE("a reference without its semicolon is refused and nothing is appended",
          "[text][html_entities]") {
  // Browsers decode these in text (a missing-semicolon parse error) and legisite does not: the
  // header promises the '&' is then kept as text.
  check_refused("&eacute");
  check_refused("&eacute tude");
  check_refused("&amp");
  check_refused("&amp ");
  check_refused("&#233");
  check_refused("&#233 ");
  check_refused("&#xE9");
  check_refused("&#65x;");   // browsers: "A" then "x;"
  check_refused("&notit;");  // browsers: "¬it;" (the legacy "&not" prefix)
}

TEST_CASE("unknown names and malformed references are refused and nothing is appended",
          "[text][html_entities]") {
  check_refused("&foo;");
  check_refused("&EACUTE;");  // names are case-sensitive
  check_refused("&AMP;");     // an HTML5 name outside the HTML 4 set legisite knows
  check_refused("&hyphen;");  // likewise
  check_refused("&NoBreak;");
  check_refused("&e-acute;");
  check_refused("&\xC3\xA9;");     // a name is ASCII letters and digits
  check_refused("&abcdefghijk;");  // longer than any name: the scan gives up
  check_refused("&;");
  check_refused("& ;");
  check_refused("&#;");
  check_refused("&#x;");
  check_refused("&#xG;");
  check_refused("&#-1;");
  check_refused("&# 65;");
  check_refused("&#x 41;");
}

TEST_CASE("a lone ampersand is no reference", "[text][html_entities]") {
  check_refused("");
  check_refused("&");
  check_refused("&&");
  check_refused("& ");
  check_refused("&a");
  check_refused("&#");
  check_refused("&#x");
  check_refused("&#1");
  check_refused("a&amp;");  // the reference must start the text
}

TEST_CASE("a successful decoding appends to what the output holds", "[text][html_entities]") {
  std::string out = "caf";
  std::size_t consumed = 0;
  REQUIRE(decode_html_entity("&eacute; au lait", out, consumed));
  CHECK(out == "caf\xC3\xA9");
  CHECK(consumed == 8);
  REQUIRE(decode_html_entity("&#x2019;", out, consumed));
  CHECK(out == "caf\xC3\xA9\xE2\x80\x99");
  CHECK(consumed == 8);
}

TEST_CASE("every reference of a text is decoded and the others kept as written",
          "[text][html_entities]") {
  CHECK(decode_html_entities("") == "");
  CHECK(decode_html_entities("sans r\xC3\xA9"
                             "f\xC3\xA9rence") ==
        "sans r\xC3\xA9"
        "f\xC3\xA9rence");
  CHECK(decode_html_entities("Code de la s&eacute;curit&eacute; sociale") ==
        "Code de la s\xC3\xA9"
        "curit\xC3\xA9 sociale");
  CHECK(decode_html_entities("l&#146;article L.&nbsp;133-6") ==
        "l\xE2\x80\x99"
        "article L.\xC2\xA0"
        "133-6");
  CHECK(decode_html_entities("AT&T &amp; Cie") == "AT&T & Cie");
  CHECK(decode_html_entities("&amp;lt;") == "&lt;");  // decoded once, not twice
  CHECK(decode_html_entities("&&amp;&") == "&&&");
  CHECK(decode_html_entities("&inconnu; &eacute;") == "&inconnu; \xC3\xA9");
  CHECK(decode_html_entities("&eacute &#233 &#233;") == "&eacute &#233 \xC3\xA9");
  CHECK(decode_html_entities("x&#0;y") == "x" + kReplacement + "y");
  CHECK(decode_html_entities("fin &") == "fin &");
  CHECK(decode_html_entities("&#x1F600;&#x1F600;") == "\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace legisite::html_entities_test
