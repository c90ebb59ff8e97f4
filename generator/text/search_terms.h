#pragma once
/// What the site's search compares: the words of a text and the numbers of articles, each
/// reduced to one key so that "Sécurité", "securite" and "SÉCURITÉS" meet, and "R. 133-19",
/// "art. r133-19" and "R133-19" too. The theme's search script applies the same rules to what a
/// reader types; the folding table it uses is written by the generator from fold_letter, and a
/// test runs the same vectors through both.

#include <string>
#include <string_view>
#include <vector>

namespace legisite {

/// A word (already lower-case ASCII, as search_terms cuts it) with a simple French plural
/// dropped: "-eaux" -> "-eau", "-aux" -> "-al" (words of five letters or more: "sociaux" ->
/// "social"), else a final 's' or 'x' (words of four letters or more: "cotisations" ->
/// "cotisation", "cas" stays). Singular and plural then share one key; a few unrelated words
/// may meet too ("fois", "foi"), which a search tolerates.
std::string search_word(std::string_view word);

/// The words of `text` as the search compares them: accents and ligatures folded and ASCII
/// lower-cased (fold_for_matching), cut at every character that is not then an ASCII letter or
/// digit ("l'article L. 133-6" -> l, article, l, 133, 6), each through search_word.
std::vector<std::string> search_terms(std::string_view text);

/// The key of an article number, from the number itself or from what a reader types for it:
/// folded and lower-cased, a leading "article" or "art." dropped, every dash written '-', and
/// anything but letters, digits, '-' and '*' dropped. "R. 133-19", "art. R133-19", "r133-19"
/// -> "r133-19"; "L 133-6" -> "l133-6"; "R*133-2" -> "r*133-2"; "L133-6 bis" -> "l133-6bis".
std::string article_number_key(std::string_view text);

}  // namespace legisite
