#pragma once
/// Word-level comparison of two versions of an article's text. Pure: it takes the sanitised HTML
/// of two versions and knows nothing of articles. The result (model/text_diff.h) is data that
/// keeps the markup well-formed: words, punctuation and spaces are compared, tags are carried
/// over from the newer text (or from the older one when the newer is empty) and never marked.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/text_diff.h"

namespace legisite {

/// One piece of a text as the diff sees it.
struct DiffToken {
  enum class Kind { kTag, kWord, kPunctuation, kSpace };
  Kind kind = Kind::kWord;
  std::string_view text;  // a slice of the input
};

/// Splits sanitised HTML into tags, words, single punctuation marks and runs of space. Spaces
/// include U+00A0, U+202F and the entities that write them, so the non-breaking space French puts
/// before ";" or ":" is a space like any other. An apostrophe stays with the word it ends
/// ("l'", "d’"), so "l'article" is two words as a reader counts them.
std::vector<DiffToken> tokenize_for_diff(std::string_view html);

/// Compares `before` with `after` (both sanitised HTML) word by word (Myers' shortest edit
/// script). Past a budget — 1,500 edits, or 20 million token comparisons, counts rather than
/// time so that the result is the same on any machine — it gives no runs and sets
/// TextDiff::beyond_budget: the time stays linear in the texts' length.
TextDiff diff_texts(std::string_view before, std::string_view after);
}  // namespace legisite
