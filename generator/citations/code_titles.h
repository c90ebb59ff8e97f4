#pragma once
/// The names of French codes in running text: the canonical titles ("Code rural et de la pêche
/// maritime"), the spellings texts use for them (typos included), and recognising a title after
/// "du" in a citation.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace legisite {

/// Reads a code's title at `i` of `text` ("code du travail", "livre des procédures fiscales").
/// A known title or variant gives its canonical spelling in `title`. With `any_code`, an unknown
/// "code de la foo" gives its words up to punctuation or a word that cannot be part of a title,
/// as written: an article of another code is never taken for one of the citing code. A known
/// title followed by a place ("code de procédure civile de la Polynésie française") is another,
/// local code, read as unknown. Returns the end of the title, or npos (`title` untouched).
std::size_t match_code_title(std::string_view text, std::size_t i, std::string& title,
                             bool any_code);

/// Whether `title` (any case and accents) is one of the codes listed, or a variant of one.
bool is_known_code_title(std::string_view title);

/// Whether `title` is a known title followed by more words: a local code ("Code de procédure
/// civile de la Polynésie française"), which is another code, not a misspelt one.
bool names_local_code(std::string_view title);

/// The code title closest to `title`, among the known ones and `also` (the corpus's), when it is a
/// near miss (a typo: at most 3 edits once folded, or a title with letters glued after it), else
/// "". A title that is one of them exactly has no near miss.
std::string closest_code_title(std::string_view title, const std::vector<std::string>& also);

}  // namespace legisite
