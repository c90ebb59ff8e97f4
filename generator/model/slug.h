#pragma once

#include <string>
#include <string_view>

namespace legisite {

/// Lower-case ASCII slug of a title: accents folded (é -> e, œ -> oe), runs of anything that is
/// not a letter or digit become one '-', no leading or trailing '-'. "" stays "".
std::string slugify(std::string_view text);

/// Folds French accents and ligatures to ASCII and lower-cases; other non-ASCII passes through.
/// Used for matching titles ("Code de la sécurité sociale." == "code de la securite sociale").
std::string fold_for_matching(std::string_view text);

/// Runs of ASCII whitespace (space, tab, CR, LF) become one space, none at either end. Sources
/// indent and wrap their titles and numbers ("Décret n°2012-1362\n du 6 décembre 2012").
std::string collapse_whitespace(std::string_view text);

}  // namespace legisite
