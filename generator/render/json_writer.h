#pragma once
/// A streaming JSON writer for the site's data files. Output is compact UTF-8, in the order calls
/// are made, so the same calls always give the same bytes; strings follow text/json_string.h.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace legisite {

class JsonWriter {
 public:
  JsonWriter();
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The name of the next member of the current object.
  JsonWriter& key(std::string_view name);
  void string(std::string_view value);
  /// A string, or null when `value` is empty: absent facts are null, never "".
  void string_or_null(std::string_view value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();
  /// Room for `bytes` more of output, grown once: writing a long text into a buffer that grows
  /// by halves would hold it twice, old and new, at each step.
  void reserve(std::size_t bytes);

  /// The document written so far, with a final newline.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace legisite
