#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// Lower-case ASCII slug of a title: accents folded (é -> e, œ -> oe), runs of anything that is
/// not a letter or digit become one '-', no leading or trailing '-'. "" stays "". At most
/// kMaxSlugBytes: a longer slug is cut and ends with '-' and 8 hex digits of a hash of the whole,
/// so that two long titles differing only at their end keep apart.
std::string slugify(std::string_view text);

/// Whether slugify(text) is cut to kMaxSlugBytes (and ends with a hash).
bool slug_too_long(std::string_view text);

/// Room for a suffix (a cid, a version's date, ".html") within the 255 bytes file systems allow
/// in one name.
inline constexpr std::size_t kMaxSlugBytes = 150;

}  // namespace legisite
