#include "citations/french_text.h"

namespace legisite::french_text {

std::size_t space_len(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == 0xC2 && byte(s, i + 1) == 0xA0) return 2;
  if (c == 0xE2 && byte(s, i + 1) == 0x80) {
    unsigned char d = byte(s, i + 2);
    if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;
  }
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    std::size_t n = space_len(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

bool is_word_at(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c < 0x80) return is_ascii_alnum(static_cast<char>(c));
  return c >= 0xC3 && c <= 0xC5;
}

bool word_starts_at(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t j = i - 1;
  while (j > 0 && (byte(s, j) & 0xC0) == 0x80) --j;  // back to the lead byte
  return !is_word_at(s, j);
}

Folded fold_at(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c < 0x80) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return {' ', 1};
    return {static_cast<char>(is_upper(static_cast<char>(c)) ? c - 'A' + 'a' : c), 1};
  }
  if (std::size_t n = space_len(s, i)) return {' ', n};
  unsigned char d = byte(s, i + 1);
  if (c == 0xC3 && d >= 0x80 && d <= 0xBF) {
    unsigned char lower = d >= 0xA0 ? d - 0x20 : d;  // lower and upper case share a fold
    char f = 0;
    if (lower >= 0x80 && lower <= 0x86)
      f = 'a';
    else if (lower == 0x87)
      f = 'c';
    else if (lower >= 0x88 && lower <= 0x8B)
      f = 'e';
    else if (lower >= 0x8C && lower <= 0x8F)
      f = 'i';
    else if (lower == 0x91)
      f = 'n';
    else if (lower >= 0x92 && lower <= 0x96)
      f = 'o';
    else if (lower >= 0x99 && lower <= 0x9C)
      f = 'u';
    else if (lower == 0x9D || lower == 0x9F)
      f = 'y';
    return {f, 2};
  }
  if (c == 0xC5 && (d == 0x92 || d == 0x93)) return {'o', 2};  // œ: "oe" folds to its first letter
  if (c == 0xE2 && d == 0x80 && (byte(s, i + 2) == 0x98 || byte(s, i + 2) == 0x99))
    return {'\'', 3};
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return {0, len};
}

std::size_t match_at(std::string_view s, std::size_t i, std::string_view pattern) {
  for (char p : pattern) {
    if (p == ' ') {
      if (space_len(s, i) == 0) return npos;
      i = skip_spaces(s, i);
      continue;
    }
    if (i >= s.size()) return npos;
    Folded f = fold_at(s, i);
    if (f.c != p) return npos;
    i += f.len;
    if (p == '\'') i = skip_spaces(s, i);
  }
  return i;
}

std::size_t match_word(std::string_view s, std::size_t i, std::string_view pattern) {
  std::size_t end = match_at(s, i, pattern);
  if (end == npos) return npos;
  char last = pattern.empty() ? ' ' : pattern.back();
  if (last != '\'' && last != '.' && !word_ends_at(s, end)) return npos;
  return end;
}

std::string folded_word(std::string_view s, std::size_t i, std::size_t* end) {
  std::string w;
  while (i < s.size() && w.size() < 24) {
    Folded f = fold_at(s, i);
    if (!is_lower(f.c)) break;
    w += f.c;
    i += f.len;
  }
  if (end) *end = i;
  return w;
}

FoldedWord::FoldedWord(std::string_view token) {
  for (std::size_t i = 0; i < token.size();) {
    Folded f = fold_at(token, i);
    if (size_ == buffer_.size()) {
      buffer_[0] = '?';
      size_ = 1;
      return;
    }
    buffer_[size_++] = f.c ? f.c : '?';
    i += f.len;
  }
}

std::string fold_title(std::string_view text, std::size_t limit,
                       std::vector<std::size_t>* positions) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < limit;) {
    Folded f = fold_at(text, i);
    i += f.len;
    if (f.c == ' ') {
      if (!out.empty() && out.back() != ' ' && out.back() != '\'') {
        out += ' ';
        if (positions) positions->push_back(i);
      }
      continue;
    }
    out += f.c ? f.c : '?';
    if (positions) positions->push_back(i);
  }
  return out;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t n = space_len(text, i)) {
      if (out.empty() || out.back() != ' ') out += ' ';
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace legisite::french_text
