#pragma once
/// How a diff (model/text_diff.h) reads on a page: its marks and its one-line summary.

#include <string>

#include "model/text_diff.h"

namespace legisite {

/// The newer text with removed runs in <del> and added runs in <ins>, each opened and closed by
/// a visually hidden label ("[début de suppression] " …).
std::string diff_html(const TextDiff& diff);

/// "+12 mots, −3 mots", "ponctuation modifiée", "texte identique".
std::string diff_summary(const TextDiff& diff);

}  // namespace legisite
