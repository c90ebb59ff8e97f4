#include "text/html_escape.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>

namespace legisite::html_escape_test {
namespace {

TEST_CASE("the escaper writes & < > and double quotes as entities, apostrophes on request",
          "[text][escape]") {
  std::string out;
  append_html_escaped(out, "a < b && c > \"d\" l'e");
  CHECK(out == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; l'e");
  out.clear();
  append_html_escaped(out, "l'article", Apostrophes::kEscaped);
  CHECK(out == "l&#39;article");
}

// The escaper reads eight bytes at a time: every special character at every position of a word,
// runs longer and shorter than a word, and bytes that are not ASCII, against the plain rule.
TEST_CASE("escaping HTML finds every special character wherever it sits", "[text][escape]") {
  auto plain = [](std::string_view text, bool apostrophe) {
    std::string out;
    for (char c : text) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += "&quot;";
      else if (c == '\'' && apostrophe)
        out += "&#39;";
      else
        out += c;
    }
    return out;
  };
  std::mt19937 random(20261127);
  const std::string alphabet = std::string("ab &<>\"'é\xC3\xA9\x80\0", 14);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int n = static_cast<int>(random() % 40); n > 0; --n) {
      // Mostly plain letters, so that whole words without a special character occur.
      text += random() % 4 ? static_cast<char>('a' + random() % 26)
                           : alphabet[random() % alphabet.size()];
    }
    for (bool apostrophe : {false, true}) {
      std::string out = "prefix:";
      append_html_escaped(out, text, apostrophe ? Apostrophes::kEscaped : Apostrophes::kKept);
      REQUIRE(out == "prefix:" + plain(text, apostrophe));
    }
  }
}

}  // namespace
}  // namespace legisite::html_escape_test
