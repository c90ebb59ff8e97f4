#pragma once
/// How a diff (model/text_diff.h) reads on a page: its marks and its one-line summary.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/text_diff.h"
#include "render/text_links.h"

namespace legisite {

/// The newer text with removed runs in <del> and added runs in <ins>, each opened and closed by
/// a visually hidden label ("[début de suppression] " …).
std::string diff_html(const TextDiff& diff);

/// "+12 mots, −3 mots", "ponctuation modifiée", "espacement modifié", "texte identique".
std::string diff_summary(const TextDiff& diff);

/// The two texts a diff compares, as the model holds them, with the links of their citations
/// (text_links.h, citation_links: offsets into each text).
struct DiffTexts {
  std::string_view before;
  std::string_view after;
  std::vector<TextLink> before_links;
  std::vector<TextLink> after_links;
};

/// What a diff page shows: the marked text (diff_html's marks) where each change, a run of marks
/// with no kept word between them, starts with id="changement-N" (N from 1); the first change of
/// each alinéa of the newer text is preceded by its number ("al. 3"); citations are links in kept,
/// added and removed text alike; and each stretch of unchanged top-level blocks (paragraphs,
/// lists, tables) longer than a few lines is folded in a <details> that names its alinéas.
struct DiffPage {
  std::string html;
  std::size_t changes = 0;
  std::size_t folds = 0;
  std::vector<int> changed_alineas;  // in order, each once
};
DiffPage diff_page(const TextDiff& diff, const DiffTexts& texts);

/// Unchanged blocks whose visible text is longer than this many characters (about four lines of
/// the theme's measure) are folded.
inline constexpr std::size_t kFoldCharacters = 280;

}  // namespace legisite
