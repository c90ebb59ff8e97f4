// The JSON writer writes what the site's data files have always held, RapidJSON's compact output
// (they were written by RapidJSON's Writer): the same calls give the same bytes, for every byte
// value and any nesting. A long string (a 100 MB article's text) goes the same way.

#include "render/json_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <catch2/catch.hpp>
#include <string>

#include "text/json_string.h"

namespace legisite::json_writer_test {
namespace {

// Every byte value, quotes, backslashes, control characters, HTML and UTF-8 (é, ’, U+FFFF).
std::string every_byte() {
  std::string sample;
  for (int c = 1; c < 256; ++c) sample += static_cast<char>(c);
  sample += "\"\\/\b\f\n\r\t\x01\x1f\x7f <p class=\"a\">é’\xEF\xBF\xBF</p>";
  sample += std::string(1, '\0') + "fin";
  return sample;
}

// The same document through both writers: nested objects and arrays, empty ones, every kind of
// value, `value` as a key and as a string.
template <typename Writer>
void write_document(Writer& w, const std::string& value) {
  w.begin_object();
  w.key("text").string(value);
  w.key(value).integer(-9223372036854775807LL - 1);
  w.key("list").begin_array();
  w.integer(0);
  w.boolean(true);
  w.boolean(false);
  w.null();
  w.begin_object();
  w.end_object();
  w.begin_array();
  w.end_array();
  w.begin_array();
  w.string("");
  w.integer(9223372036854775807LL);
  w.end_array();
  w.end_array();
  w.key("").string("x");
  w.end_object();
}

// RapidJSON's Writer behind JsonWriter's calls.
struct RapidJson {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
  void begin_object() { writer.StartObject(); }
  void end_object() { writer.EndObject(); }
  void begin_array() { writer.StartArray(); }
  void end_array() { writer.EndArray(); }
  RapidJson& key(const std::string& k) {
    writer.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    return *this;
  }
  void string(const std::string& s) {
    writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  void integer(std::int64_t n) { writer.Int64(n); }
  void boolean(bool b) { writer.Bool(b); }
  void null() { writer.Null(); }
  std::string finish() { return std::string(buffer.GetString(), buffer.GetSize()) + "\n"; }
};

std::string ours(const std::string& value) {
  JsonWriter w;
  write_document(w, value);
  return w.finish();
}

std::string rapidjson_s(const std::string& value) {
  RapidJson w;
  write_document(w, value);
  return w.finish();
}

}  // namespace

TEST_CASE("the JSON writer gives RapidJSON's bytes for the same calls", "[json]") {
  const std::string sample = every_byte();
  const std::string json = ours(sample);
  CHECK(json == rapidjson_s(sample));
  CHECK(json.find("\\u0001") != std::string::npos);
  CHECK(json.find("\\u001F") != std::string::npos);
  CHECK(json.find("\\u0000") != std::string::npos);
  CHECK(json.find("\\n") != std::string::npos);
  CHECK(ours("plain") == rapidjson_s("plain"));
  std::string long_value;
  while (long_value.size() < (1 << 17)) long_value += sample;
  CHECK(ours(long_value) == rapidjson_s(long_value));
}

TEST_CASE("a JSON string for a script never closes the script", "[json]") {
  std::string out;
  append_json_string(out, "</script><!-- a & b \n \"q\" \\");
  CHECK(out == "\"\\u003c/script\\u003e\\u003c!-- a \\u0026 b \\u000a \\\"q\\\" \\\\\"");
  out.clear();
  append_json_data_string(out, "</script> & \n");
  CHECK(out == "\"</script> & \\n\"");
}

}  // namespace legisite::json_writer_test
