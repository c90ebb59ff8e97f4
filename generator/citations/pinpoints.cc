#include "citations/pinpoints.h"

#include <algorithm>
#include <array>
#include <vector>

#include "citations/french_text.h"
#include "text/latin_ordinals.h"
#include "text/utf8.h"

namespace legisite {

using namespace french_text;

namespace {

// Ordinal adjectives of alinéas, by value (index + 1).
constexpr std::array<std::string_view, 16> kOrdinalWords = {
    "premier",   "deuxieme",    "troisieme", "quatrieme", "cinquieme", "sixieme",
    "septieme",  "huitieme",    "neuvieme",  "dixieme",   "onzieme",   "douzieme",
    "treizieme", "quatorzieme", "quinzieme", "seizieme"};

// Tokens of a pinpoint: runs of characters separated by spaces; "l'"/"d'" and "," are tokens of
// their own.
struct Token {
  std::size_t begin, end;
};

// The token that ends at `end` (exclusive), spaces before `end` skipped; npos begin when none.
Token token_before(std::string_view s, std::size_t end, std::size_t floor) {
  while (end > floor && space_before(s, end) > 0) end -= space_before(s, end);
  if (end <= floor) return {npos, npos};
  if (s[end - 1] == ',') return {end - 1, end};
  std::size_t b = end;
  while (b > floor) {
    std::size_t p = b - 1;
    p = character_start(s, p, floor);
    if (space_len(s, p) || s[p] == ',') break;
    Folded f = fold_at(s, p);
    if (f.c == '\'' && b != end) break;  // "l'" ends here; the apostrophe belongs to it
    b = p;
    if (f.c == '\'') {
      // Keep the letter before the apostrophe with it ("l'", "d'").
      if (b > floor && is_lower(static_cast<char>(byte(s, b - 1)) | 0x20)) --b;
      break;
    }
  }
  if (b == end) return {npos, npos};
  return {b, end};
}

}  // namespace

bool pinpoint_token(std::string_view token) {
  if (token.empty()) return false;
  if (token == ",") return true;
  // "2°", "12°", "2°)", "1 bis"'s "1"
  std::size_t d = 0;
  while (d < token.size() && is_digit(token[d])) ++d;
  if (d > 0) {
    std::string_view rest = token.substr(d);
    if (rest.empty() || rest == "\xC2\xB0" || rest == "\xC2\xB0)" || rest == "er" || rest == "e" ||
        rest == "\xC3\xA8me" || rest == "eme" || rest == ")" || rest == "\xC2\xBA")
      return true;
    return false;
  }
  // Roman numerals "I", "IV", "XII".
  std::size_t r = 0;
  while (r < token.size() &&
         (token[r] == 'I' || token[r] == 'V' || token[r] == 'X' || token[r] == 'L'))
    ++r;
  if (r > 0 && r == token.size()) return true;
  // "a", "b)"
  if (token.size() <= 2 && is_lower(token[0]) && (token.size() == 1 || token[1] == ')'))
    return true;
  // Capital letters after a roman numeral: "I A", "II B".
  if (token.size() == 1 && is_upper(token[0])) return true;
  const FoldedWord word(token);
  const std::string_view folded = word.view();
  static constexpr std::array<std::string_view, 32> kWords = {"du",
                                                              "de",
                                                              "la",
                                                              "l'",
                                                              "des",
                                                              "et",
                                                              "ou",
                                                              "au",
                                                              "aux",
                                                              "a",
                                                              "alinea",
                                                              "alineas",
                                                              "phrase",
                                                              "phrases",
                                                              "paragraphe",
                                                              "paragraphes",
                                                              "point",
                                                              "points",
                                                              "tiret",
                                                              "tirets",
                                                              "premier",
                                                              "premiere",
                                                              "second",
                                                              "seconde",
                                                              "dernier",
                                                              "derniere",
                                                              "avant-dernier",
                                                              "avant-derniere",
                                                              "sous-paragraphe",
                                                              "premiers",
                                                              "derniers",
                                                              "d'"};
  if (latin_ordinal_rank(folded) > 0) return true;  // "2° bis"
  for (std::string_view w : kWords)
    if (folded == w) return true;
  for (std::string_view w : kOrdinalWords)
    if (folded == w ||
        (folded.size() == w.size() + 1 && folded.substr(0, w.size()) == w && folded.back() == 's'))
      return true;
  return false;
}

bool pinpoint_connector(std::string_view token) {
  const FoldedWord word(token);
  const std::string_view folded = word.view();
  return folded == "du" || folded == "de" || folded == "la" || folded == "l'" || folded == "des" ||
         folded == "et" || folded == "ou" || folded == "au" || folded == "aux" ||
         token == "\xC3\xA0" || folded == "," || folded == "d'";
}

int alinea_of(std::string_view pinpoint) {
  // Only when the alinéa is the last element: "second alinéa du I" is an alinéa of the I.
  std::vector<std::string> words;
  std::string w;
  for (std::size_t i = 0; i <= pinpoint.size();) {
    Folded f = i < pinpoint.size() ? fold_at(pinpoint, i) : Folded{' ', 1};
    if (f.c == ' ' || f.c == ',') {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      if (f.c)
        w += f.c;
      else if (pinpoint.substr(i, 2) == "\xC2\xB0")
        w += "\xC2\xB0";
    }
    i += f.len;
  }
  if (words.size() != 2) return 0;
  auto value = [](const std::string& word) -> int {
    if (word == "premier" || word == "premiere" || word == "1er") return 1;
    if (word == "second" || word == "seconde") return 2;
    for (std::size_t k = 0; k < kOrdinalWords.size(); ++k)
      if (word == kOrdinalWords[k]) return static_cast<int>(k) + 1;
    std::size_t d = 0;
    int n = 0;
    while (d < word.size() && is_digit(word[d]) && n < 1000) n = n * 10 + (word[d++] - '0');
    if (d > 0 && (word.substr(d) == "e" || word.substr(d) == "eme")) return n;
    return 0;
  };
  if (words[1] == "alinea") return value(words[0]);
  if (words[0] == "alinea") {
    std::size_t d = 0;
    int n = 0;
    while (d < words[1].size() && is_digit(words[1][d]) && n < 1000)
      n = n * 10 + (words[1][d++] - '0');
    return d > 0 && d == words[1].size() ? n : 0;
  }
  return 0;
}

Pinpoint pinpoint_before(std::string_view s, std::size_t keyword_begin, std::size_t floor) {
  Pinpoint result;
  // The keyword must be introduced by "de l'", "du", "des".
  Token t = token_before(s, keyword_begin, floor);
  if (t.begin == npos) return result;
  std::string_view intro = s.substr(t.begin, t.end - t.begin);
  std::size_t before = t.begin;
  if (fold_at(intro, intro.size() - 1).c == '\'' ||
      (intro.size() >= 3 && fold_at(intro, intro.size() - 3).c == '\'')) {
    // "l'" — then "de" before it
    Token de = token_before(s, t.begin, floor);
    if (de.begin == npos || match_word(s, de.begin, "de") != de.end) return result;
    before = de.begin;
  } else if (match_word(s, t.begin, "des") == t.end || match_word(s, t.begin, "du") == t.end) {
    before = t.begin;
  } else {
    return result;
  }
  std::size_t first = npos, last_end = npos;
  std::size_t cursor = before;
  for (int n = 0; n < 16; ++n) {
    Token p = token_before(s, cursor, floor);
    if (p.begin == npos) break;
    std::string_view token = s.substr(p.begin, p.end - p.begin);
    if (!pinpoint_token(token)) break;
    if (last_end == npos) {
      if (pinpoint_connector(token)) {
        cursor = p.begin;
        continue;
      }
      last_end = p.end;
    }
    first = p.begin;
    cursor = p.begin;
  }
  if (first == npos) return result;
  // Strip connectors at the start ("au", "du", ",").
  for (;;) {
    std::size_t e = first;
    while (e < last_end && !space_len(s, e) && s[e] != ',') {
      Folded f = fold_at(s, e);
      e += f.len;
      if (f.c == '\'') break;
    }
    if (e < last_end && s[e] == ',' && e == first) ++e;
    std::string_view token = s.substr(first, e - first);
    if (e >= last_end || !pinpoint_connector(token)) break;
    first = skip_spaces(s, e);
  }
  if (first >= last_end) return result;
  result.text = collapse_spaces(s.substr(first, last_end - first));
  result.alinea = alinea_of(result.text);
  return result;
}

}  // namespace legisite
