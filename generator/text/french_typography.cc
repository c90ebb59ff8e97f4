#include "text/french_typography.h"

#include <array>

#include "text/ascii.h"
#include "text/html_scan.h"
#include "text/spaces.h"
#include "text/utf8.h"

namespace legisite {

std::string french_number(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  if (digits.size() < 4) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kThinSpace;
    out += digits[i];
  }
  return out;
}

std::string french_spacing(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == ' ' && next == ':') {
      out += kNoBreakSpace;
    } else if (c == ' ' && (next == ';' || next == '?' || next == '!')) {
      out += kThinSpace;
    } else {
      out += c;
    }
  }
  return out;
}

std::string without_empty_parentheses(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "()") == 0) {
      // Drop the space before it, or after it when it opens the text.
      if (!out.empty() && out.back() == ' ')
        out.pop_back();
      else if (i + 2 < text.size() && text[i + 2] == ' ')
        ++i;
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

namespace {

// Elements whose text is not prose to set: code, plain-text elements that cannot hold markup
// (title, textarea, option), scripts and styles (JSON, search data), and superscripts already.
constexpr std::array<std::string_view, 9> kLeftAlone = {
    "script", "style", "title", "textarea", "option", "pre", "code", "sup", "sub"};

// Quotes, dashes and spaces may stand next to the word; a letter from outside ASCII may not.
bool is_word_boundary(char32_t c, std::string_view s, std::size_t at) {
  if (space_len(s, at) > 0) return true;
  // « » ‘ ’ “ ” – — …
  static constexpr std::array<char32_t, 9> kMarks = {U'\u00AB', U'\u00BB', U'\u2018',
                                                     U'\u2019', U'\u201C', U'\u201D',
                                                     U'\u2013', U'\u2014', U'\u2026'};
  for (char32_t mark : kMarks)
    if (c == mark) return true;
  return false;
}

bool stands_alone(std::string_view s, std::size_t at) {
  if (at > 0) {
    char before = s[at - 1];
    if (is_alnum(before) || before == '_' || before == '.' || before == ',' || before == '-' ||
        before == '/')
      return false;
    if (static_cast<unsigned char>(before) >= 0x80) {
      std::size_t start = character_start(s, at - 1);
      if (!is_word_boundary(decode_utf8(s, start).code_point, s, start)) return false;
    }
  }
  std::size_t end = at + 3;
  if (end == s.size()) return true;
  char after = s[end];
  if (is_alnum(after) || after == '_') return false;
  if (static_cast<unsigned char>(after) >= 0x80)
    return is_word_boundary(decode_utf8(s, end).code_point, s, end);
  return true;
}

// For the start tag html[lt, end) of an element left alone, its name; otherwise empty.
std::string_view left_alone_element(std::string_view s, std::size_t lt, std::size_t end) {
  if (!is_alpha(s[lt + 1])) return {};           // an end tag, a comment or a declaration
  if (end >= 2 && s[end - 2] == '/') return {};  // self-closing: nothing inside
  std::string_view name = tag_name(s, lt, end);
  for (std::string_view alone : kLeftAlone)
    if (name.size() == alone.size() && starts_with_ignoring_case(name, alone)) return alone;
  return {};
}

}  // namespace

bool superscript_ordinals(std::string& html) {
  if (html.find("1er") == std::string::npos) return false;
  const std::string_view s = html;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (starts_markup(s, i)) {
      std::size_t end = markup_end(s, i);
      if (end == std::string_view::npos) break;  // an unclosed tag or comment hides the rest
      std::string_view alone = left_alone_element(s, i, end);
      i = alone.empty() ? end : end_tag_at(s, end, alone);
      continue;
    }
    if (s[i] == '1' && s.compare(i, 3, "1er") == 0 && stands_alone(s, i)) {
      out.append(s, copied, i + 1 - copied);
      out += "<sup>er</sup>";
      i += 3;
      copied = i;
      continue;
    }
    ++i;
  }
  if (copied == 0) return false;
  out.append(s, copied);
  html = std::move(out);
  return true;
}

}  // namespace legisite
