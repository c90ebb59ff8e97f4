#include "render/json_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace legisite {

namespace {
// RapidJSON wants a pointer even for an empty string; an empty view may hold none.
const char* chars(std::string_view s) { return s.empty() ? "" : s.data(); }
}  // namespace

struct JsonWriter::Impl {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer{buffer};
};

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::begin_object() { impl_->writer.StartObject(); }
void JsonWriter::end_object() { impl_->writer.EndObject(); }
void JsonWriter::begin_array() { impl_->writer.StartArray(); }
void JsonWriter::end_array() { impl_->writer.EndArray(); }

JsonWriter& JsonWriter::key(std::string_view name) {
  impl_->writer.Key(chars(name), static_cast<rapidjson::SizeType>(name.size()));
  return *this;
}

namespace {
// What RapidJSON's writer writes for `value`, quotes included: `"`, `\` and control characters
// escaped (\b \t \n \f \r, else \u00XX), every other byte as it is.
std::string escaped_json_string(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() + value.size() / 16 + 2);
  out += '"';
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      const char* named = c == '\b'   ? "b"
                          : c == '\t' ? "t"
                          : c == '\n' ? "n"
                          : c == '\f' ? "f"
                          : c == '\r' ? "r"
                                      : nullptr;
      out += '\\';
      if (named)
        out += named;
      else
        out.append("u00").append(1, kHex[c >> 4]).append(1, kHex[c & 0xF]);
    } else {
      out += ch;
    }
  }
  out += '"';
  return out;
}
}  // namespace

void JsonWriter::string(std::string_view value) {
  // RapidJSON reserves six bytes of output for each byte of a string (the worst case, all
  // \u00XX): for a long text, written escaped here, that would be six times its size.
  constexpr std::size_t kLong = 1 << 16;
  if (value.size() > kLong) {
    const std::string json = escaped_json_string(value);
    impl_->writer.RawValue(json.data(), json.size(), rapidjson::kStringType);
    return;
  }
  impl_->writer.String(chars(value), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonWriter::string_or_null(std::string_view value) {
  if (value.empty())
    null();
  else
    string(value);
}

void JsonWriter::integer(std::int64_t value) { impl_->writer.Int64(value); }
void JsonWriter::boolean(bool value) { impl_->writer.Bool(value); }
void JsonWriter::null() { impl_->writer.Null(); }
void JsonWriter::reserve(std::size_t bytes) { impl_->buffer.Reserve(bytes); }

std::string JsonWriter::finish() {
  // Sized once and the buffer freed at once: a page's data can hold a 100 MB text, and a copy
  // grown by the final newline, or kept beside the buffer, would double it.
  std::string out;
  out.reserve(impl_->buffer.GetSize() + 1);
  out.append(impl_->buffer.GetString(), impl_->buffer.GetSize());
  out += '\n';
  impl_->buffer.Clear();
  impl_->buffer.ShrinkToFit();
  return out;
}

}  // namespace legisite
