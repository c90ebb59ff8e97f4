#include "citations/french_text.h"

#include "text/fold.h"
#include "text/utf8.h"

namespace legisite::french_text {

bool is_word_at(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c < 0x80) return is_alnum(static_cast<char>(c));
  return c >= 0xC3 && c <= 0xC5;
}

bool word_starts_at(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  std::size_t j = i - 1;
  j = character_start(s, j);  // back to the lead byte
  return !is_word_at(s, j);
}

Folded fold_at(std::string_view s, std::size_t i) {
  unsigned char c = byte(s, i);
  if (c < 0x80) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return {' ', 1};
    return {lower(static_cast<char>(c)), 1};
  }
  if (std::size_t n = space_len(s, i)) return {' ', n};
  if (c == 0xE2 && byte(s, i + 1) == 0x80 && (byte(s, i + 2) == 0x98 || byte(s, i + 2) == 0x99))
    return {'\'', 3};
  Utf8Char decoded = decode_utf8(s, i);  // a byte that is not UTF-8 reads as Latin-1
  std::string_view folded = fold_letter(decoded.code_point);
  return {folded.empty() ? '\0' : folded[0], decoded.length};
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

}  // namespace legisite::french_text
