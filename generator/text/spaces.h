#pragma once
/// The spaces French legal texts are written with: ASCII whitespace, and the Unicode spaces the
/// exports use (no-break space, narrow no-break space, the typographic spaces, zero-width space).

#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// Length in bytes of the space character at `i` (ASCII space, tab, CR, LF, form feed; U+00A0;
/// U+2000 to U+200B; U+202F), 0 if there is none.
std::size_t space_len(std::string_view s, std::size_t i);
/// Length in bytes of the space character that ends just before `end`, 0 if there is none.
std::size_t space_before(std::string_view s, std::size_t end);
/// The first offset from `i` that does not start a space.
std::size_t skip_spaces(std::string_view s, std::size_t i);
/// `text` with every run of spaces of any kind written as one ' '.
std::string collapse_spaces(std::string_view text);

}  // namespace legisite
