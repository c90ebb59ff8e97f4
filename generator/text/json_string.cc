#include "text/json_string.h"

namespace legisite {

namespace {

// One loop for both rules: runs of bytes that need nothing are copied whole, so that a long
// text costs a scan and a copy.
void append_escaped(std::string& out, std::string_view text, bool script_safe) {
  const char* hex = script_safe ? "0123456789abcdef" : "0123456789ABCDEF";
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool html = c == '<' || c == '>' || c == '&';
    if (c >= 0x20 && c != '"' && c != '\\' && !(script_safe && html)) continue;
    out.append(text, run, i - run);
    run = i + 1;
    const char* named = nullptr;
    if (c == '"' || c == '\\')
      named = c == '"' ? "\\\"" : "\\\\";
    else if (!script_safe)
      named = c == '\b'   ? "\\b"
              : c == '\t' ? "\\t"
              : c == '\n' ? "\\n"
              : c == '\f' ? "\\f"
              : c == '\r' ? "\\r"
                          : nullptr;
    if (named) {
      out += named;
    } else {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  append_escaped(out, text, true);
}

void append_json_data_string(std::string& out, std::string_view text) {
  append_escaped(out, text, false);
}

}  // namespace legisite
