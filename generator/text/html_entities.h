#pragma once
/// HTML character references (named and numeric), decoded to UTF-8. Shared by the sanitizer and by
/// the readers that need the plain text of a fragment of HTML (link entries, labels).

#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// Decodes the character reference that starts at `text[0]` (which must be '&'): `&eacute;`,
/// `&#233;`, `&#xE9;`. On success appends its UTF-8 to `out`, sets `consumed` to the bytes read
/// (';' included) and returns true. Returns false, appending nothing, for anything else (an unknown
/// name, a missing ';', a lone '&'): the caller then keeps the '&' as text. Numeric references to
/// code points that cannot appear in text (NUL, surrogates, beyond U+10FFFF) decode to U+FFFD, and
/// 0x80-0x9F are read as Windows-1252, as browsers do.
bool decode_html_entity(std::string_view text, std::string& out, std::size_t& consumed);

/// `text` with every character reference decoded (unknown ones kept as written).
std::string decode_html_entities(std::string_view text);

}  // namespace legisite
