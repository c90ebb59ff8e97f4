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

void JsonWriter::string(std::string_view value) {
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

std::string JsonWriter::finish() {
  std::string out(impl_->buffer.GetString(), impl_->buffer.GetSize());
  out += '\n';
  return out;
}

}  // namespace legisite
