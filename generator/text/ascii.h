#pragma once
/// ASCII character classes and case, once for the whole generator. Non-ASCII bytes (UTF-8) are
/// never letters, digits or spaces here: the rules for French letters live in fold.h.

#include <string>
#include <string_view>

namespace legisite {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
/// The printable ASCII characters that are neither letters, digits nor space.
constexpr bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
/// Space, tab, line feed, carriage return.
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
/// HTML's ASCII whitespace: is_space and form feed.
constexpr bool is_html_space(char c) { return is_space(c) || c == '\f'; }

constexpr char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
std::string lower(std::string_view text);

/// Whether `text` starts (ends) with `word`, ASCII case ignored; `word` must be lower case.
bool starts_with_ignoring_case(std::string_view text, std::string_view word);
bool ends_with_ignoring_case(std::string_view text, std::string_view word);

/// `text` without leading and trailing is_space characters.
std::string_view trim(std::string_view text);
/// `text` without leading and trailing characters that are among `chars`.
std::string_view trim_chars(std::string_view text, std::string_view chars);

/// Runs of is_space characters become one space, none at either end. Sources indent and wrap
/// their titles and numbers ("Décret n°2012-1362\n du 6 décembre 2012").
std::string collapse_whitespace(std::string_view text);

}  // namespace legisite
