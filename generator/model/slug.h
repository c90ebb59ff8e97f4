#pragma once

#include <string>
#include <string_view>

namespace legisite {

/// Lower-case ASCII slug of a title: accents folded (é -> e, œ -> oe), runs of anything that is
/// not a letter or digit become one '-', no leading or trailing '-'. "" stays "".
std::string slugify(std::string_view text);

}  // namespace legisite
