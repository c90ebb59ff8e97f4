#pragma once
/// Reading French legal text byte by byte, for the citation parser: the spaces of every kind
/// exports use, word boundaries in UTF-8, and matching with case and accents folded ("Décret",
/// "DECRET" and "décret" are one word). Everything here works on positions in a string_view and
/// allocates nothing, except where a function returns a std::string.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/ascii.h"
#include "text/spaces.h"

namespace legisite::french_text {

inline constexpr std::size_t npos = std::string_view::npos;

/// The byte at `i` as unsigned, 0 past the end (so look-ahead needs no bounds checks).
inline unsigned char byte(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// The spaces of every kind (text/spaces.h), as the parser reads them.
using legisite::collapse_spaces;
using legisite::skip_spaces;
using legisite::space_before;
using legisite::space_len;

/// Whether the character starting at `i` is part of a word: ASCII letters and digits, and the
/// Latin letters of U+00C0..U+017F (lead bytes C3..C5).
bool is_word_at(std::string_view s, std::size_t i);
/// Whether a word may start at `i`: the character before it is not part of a word.
bool word_starts_at(std::string_view s, std::size_t i);
/// Whether a word ends at `i` (what follows is not a letter or digit).
inline bool word_ends_at(std::string_view s, std::size_t i) {
  return i >= s.size() || !is_word_at(s, i);
}

/// One character read with case and accents folded: 'É' -> 'e', '’' -> '\'', any space -> ' '.
/// `c` is the first letter of the character's fold (text/fold.h: 'Œ' -> 'o', 'ß' -> 's'): the
/// parser's patterns read one letter per character. `c` is 0 for a character with no ASCII fold;
/// `len` is its length in bytes.
struct Folded {
  char c;
  std::size_t len;
};
Folded fold_at(std::string_view s, std::size_t i);

/// Matches `pattern` (folded ASCII) at `i`. A space in the pattern matches one or more spaces of
/// any kind; an apostrophe matches ' or ’ and any spaces after it ("l' article"). Returns the end
/// of the match, or npos.
std::size_t match_at(std::string_view s, std::size_t i, std::string_view pattern);
/// match_at for a whole word: what follows the match is not a letter or digit (a pattern ending
/// in an apostrophe or a dot needs no such check).
std::size_t match_word(std::string_view s, std::size_t i, std::string_view pattern);

/// The first of `patterns` that matches as a word at `i`; returns its end and sets `which`.
template <std::size_t N>
std::size_t match_any(std::string_view s, std::size_t i,
                      const std::array<std::string_view, N>& patterns,
                      std::size_t* which = nullptr) {
  for (std::size_t k = 0; k < N; ++k) {
    std::size_t end = match_word(s, i, patterns[k]);
    if (end != npos) {
      if (which) *which = k;
      return end;
    }
  }
  return npos;
}

/// The folded word (ASCII letters only, at most 24) starting at `i`, and its end.
std::string folded_word(std::string_view s, std::size_t i, std::size_t* end = nullptr);

/// A short token folded into a buffer of its own, without allocating: pinpoint tokens are words
/// of a few letters, folded by the thousand. A token too long for the buffer folds to "?", which
/// matches no word.
class FoldedWord {
 public:
  explicit FoldedWord(std::string_view token);
  std::string_view view() const { return {buffer_.data(), size_}; }

 private:
  std::array<char, 24> buffer_{};
  std::size_t size_ = 0;
};

/// Folds `text` for comparing titles: lower-case ASCII without accents, runs of spaces as one
/// space, no space after an apostrophe, at most `limit` characters. `positions`, when given,
/// receives for each folded character the offset in `text` just after it.
std::string fold_title(std::string_view text, std::size_t limit,
                       std::vector<std::size_t>* positions);

}  // namespace legisite::french_text
