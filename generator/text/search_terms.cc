#include "text/search_terms.h"

#include "text/ascii.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace legisite {

std::string search_word(std::string_view word) {
  std::string w(word);
  auto ends = [&](std::string_view tail) {
    return w.size() >= tail.size() && w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("eaux")) {
    w.pop_back();
  } else if (ends("aux") && w.size() >= 5) {
    w.replace(w.size() - 3, 3, "al");
  } else if ((ends("s") || ends("x")) && w.size() >= 4) {
    w.pop_back();
  }
  return w;
}

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  const std::string folded = fold_for_matching(text);
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !is_alnum(folded[i])) ++i;
    std::size_t start = i;
    while (i < folded.size() && is_alnum(folded[i])) ++i;
    if (i > start) terms.push_back(search_word(std::string_view(folded).substr(start, i - start)));
  }
  return terms;
}

namespace {

// The dashes a number may be typed or printed with: hyphen, non-breaking hyphen, figure dash,
// en and em dashes, minus.
bool is_dash(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

}  // namespace

std::string article_number_key(std::string_view text) {
  std::string kept;
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text, i);
    std::string_view piece = text.substr(i, c.length);
    i += c.length;
    if (is_dash(c.code_point)) {
      kept += '-';
      continue;
    }
    std::string folded = fold_for_matching(piece);
    if (folded.size() == 1 && (is_alnum(folded[0]) || folded[0] == '*' || folded[0] == '.'))
      kept += folded;
    else if (folded.size() > 1 && is_alpha(folded[0]))
      kept += folded;  // a ligature: "œ" -> "oe"
    else
      kept += ' ';
  }
  // A leading "article" or "art." (then a space, a dot or nothing before the number).
  std::string_view rest = trim(kept);
  for (std::string_view word : {"article", "art"}) {
    if (rest.size() > word.size() && rest.substr(0, word.size()) == word &&
        !is_alpha(rest[word.size()])) {
      rest.remove_prefix(word.size());
      break;
    }
  }
  std::string key;
  for (char c : rest)
    if (is_alnum(c) || c == '-' || c == '*') key += c;
  return key;
}

}  // namespace legisite
