#pragma once
/// The Latin adverbs that number an article inserted after another ("L. 133-6 bis", the Code
/// général des impôts' "199 vicies"), once for the whole generator: the citation grammar reads
/// them, and the model orders numbers by them.

#include <span>
#include <string_view>

namespace legisite {

/// Every spelling, in lower case ASCII: "bis", "ter", … "untricies", and the variants codes also
/// use ("novies" for "nonies").
std::span<const std::string_view> latin_ordinals();
/// The place of `word` (ASCII, any case) in the order the ordinals number articles: 1 for "bis",
/// 2 for "ter", … (a variant shares its word's place); 0 for any other word.
int latin_ordinal_rank(std::string_view word);

}  // namespace legisite
