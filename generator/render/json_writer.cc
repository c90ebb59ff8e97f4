#include "render/json_writer.h"

#include <charconv>
#include <vector>

#include "text/json_string.h"

namespace legisite {

struct JsonWriter::Impl {
  std::string out;
  // For each open object or array: whether a member has been written in it (a comma is due).
  std::vector<bool> filled;
  bool after_key = false;

  // The comma before a value or a key, unless it is the first of its container or a member's
  // value after its key.
  void separate() {
    if (after_key) {
      after_key = false;
      return;
    }
    if (filled.empty()) return;
    if (filled.back()) out += ',';
    filled.back() = true;
  }
  void open(char bracket) {
    separate();
    out += bracket;
    filled.push_back(false);
  }
  void close(char bracket) {
    out += bracket;
    filled.pop_back();
  }
};

JsonWriter::JsonWriter() : impl_(std::make_unique<Impl>()) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::begin_object() { impl_->open('{'); }
void JsonWriter::end_object() { impl_->close('}'); }
void JsonWriter::begin_array() { impl_->open('['); }
void JsonWriter::end_array() { impl_->close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  impl_->separate();
  append_json_data_string(impl_->out, name);
  impl_->out += ':';
  impl_->after_key = true;
  return *this;
}

void JsonWriter::string(std::string_view value) {
  impl_->separate();
  append_json_data_string(impl_->out, value);
}

void JsonWriter::string_or_null(std::string_view value) {
  if (value.empty())
    null();
  else
    string(value);
}

void JsonWriter::integer(std::int64_t value) {
  impl_->separate();
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 characters hold every int64
  impl_->out.append(digits, end);
}

void JsonWriter::boolean(bool value) {
  impl_->separate();
  impl_->out += value ? "true" : "false";
}

void JsonWriter::null() {
  impl_->separate();
  impl_->out += "null";
}

void JsonWriter::reserve(std::size_t bytes) {
  // One more for finish()'s newline, so that it never grows a buffer holding a long text.
  impl_->out.reserve(impl_->out.size() + bytes + 1);
}

std::string JsonWriter::finish() {
  impl_->out += '\n';
  return std::move(impl_->out);
}

}  // namespace legisite
