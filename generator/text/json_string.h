#pragma once
/// JSON string literals, the one escaping rule of everything the generator writes as JSON: the
/// site's data files (through render's JsonWriter) and the data read by pages' scripts.

#include <string>
#include <string_view>

namespace legisite {

/// Appends `text` to `out` as a JSON string literal ("…"), with <, > and & written as \u003c,
/// \u003e and \u0026 so that the JSON can sit inside a <script> element (and stay well-formed
/// XML) without any other escaping; control characters as \u00xx.
void append_json_string(std::string& out, std::string_view text);

/// Appends `text` to `out` as a JSON string literal the way the site's `.json` files are written:
/// '"' and '\' escaped, \b \t \n \f \r by name, other control characters as \u00XX, every other
/// byte as it is (RapidJSON's rule, which these files have followed from the start).
void append_json_data_string(std::string& out, std::string_view text);

}  // namespace legisite
