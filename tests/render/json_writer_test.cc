// The JSON writer: a long string (a 100 MB article's text) is escaped by the writer itself rather
// than by RapidJSON, which reserves six bytes per byte; both must write the same bytes.

#include "render/json_writer.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite {
namespace {

std::string written(const std::string& value) {
  JsonWriter w;
  w.begin_array();
  w.string(value);
  w.string("x");
  w.end_array();
  return w.finish();
}

}  // namespace

TEST_CASE("a long string is written as a short one is: every byte, the same escapes", "[json]") {
  // Every byte value, quotes, backslashes, control characters and UTF-8 (é, ’, U+FFFF).
  std::string sample;
  for (int c = 1; c < 256; ++c) sample += static_cast<char>(c);
  sample += "\"\\/\b\f\n\r\t\x01\x1f\x7f <p class=\"a\">é’\xEF\xBF\xBF</p>";
  sample += std::string(1, '\0') + "fin";
  const std::string short_json = written(sample);
  CHECK(short_json.find("\\u0001") != std::string::npos);
  CHECK(short_json.find("\\u001F") != std::string::npos);
  CHECK(short_json.find("\\u0000") != std::string::npos);
  std::string long_value;
  while (long_value.size() < (1 << 17)) long_value += sample;
  std::string expected;
  {
    // The long value's JSON is the short one's body repeated.
    const std::string body = short_json.substr(2, short_json.find("\",\"x\"") - 2);
    expected = "[\"";
    for (std::size_t n = 0; n < long_value.size() / sample.size(); ++n) expected += body;
    expected += "\",\"x\"]\n";
  }
  CHECK(written(long_value) == expected);
}

}  // namespace legisite
