#pragma once

#include <string>
#include <string_view>

namespace legisite {

/// What a reader sees of a piece of HTML: tags dropped (a '<' not followed by a letter, '/' or
/// '!' is text), a block-level tag read as a space and an inline one (em, a, sup…) as nothing,
/// character references decoded, every run of spaces of any kind (spaces.h) written as one ' ',
/// none at either end. Texts from different formats differ in markup; this is what compares.
std::string visible_text(std::string_view html);

}  // namespace legisite
