#include "model/article_number.h"

#include "model/slug.h"
#include "text/ascii.h"
#include "text/latin_ordinals.h"

namespace legisite {

namespace {

// The length of a number's prefix: its first one or two capitals ("L", "R", "LO").
std::size_t prefix_length(std::string_view text) {
  std::size_t prefix = 0;
  while (prefix < text.size() && prefix < 2 && is_upper(text[prefix])) ++prefix;
  return prefix;
}

}  // namespace

ArticleNumber::ArticleNumber(std::string_view text) {
  std::string collapsed = collapse_whitespace(text);
  // "L. 133-6", "R.133-2", "LO. 111-3", "R* 133-2": drop the dot and space after a prefix.
  const std::size_t prefix = prefix_length(collapsed);
  if (prefix > 0 && prefix < collapsed.size()) {
    std::size_t i = prefix;
    if (collapsed[i] == '*') ++i;
    std::size_t j = i;
    if (j < collapsed.size() && collapsed[j] == '.') ++j;
    if (j < collapsed.size() && collapsed[j] == ' ') ++j;
    if (j > i && j < collapsed.size() && is_digit(collapsed[j])) collapsed.erase(i, j - i);
  }
  // "R755-13." (a producer's typo, beside "R755-13" in the same history) is the same article.
  while (!collapsed.empty() && collapsed.back() == '.') collapsed.pop_back();
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  text_ = std::move(collapsed);
}

std::string ArticleNumber::key() const {
  std::string key;
  key.reserve(text_.size());
  for (char c : text_) {
    if (c == ' ') continue;
    key += upper(c);
  }
  return key;
}

ArticleNumber with_star_toggled(const ArticleNumber& number) {
  const std::string& text = number.text();
  const std::size_t prefix = number_prefix(text).size();
  if (prefix == 0) return {};
  std::string toggled = text;
  if (text[prefix] == '*')
    toggled.erase(prefix, 1);
  else
    toggled.insert(prefix, 1, '*');
  return ArticleNumber(toggled);
}

std::string_view number_prefix(std::string_view number) {
  const std::size_t prefix = prefix_length(number);
  const std::size_t digit = prefix < number.size() && number[prefix] == '*' ? prefix + 1 : prefix;
  return prefix > 0 && digit < number.size() && is_digit(number[digit]) ? number.substr(0, prefix)
                                                                        : std::string_view();
}

std::string_view number_without_prefix(std::string_view number) {
  const std::size_t prefix = number_prefix(number).size();
  if (prefix == 0) return number;
  return number.substr(number[prefix] == '*' ? prefix + 1 : prefix);
}

NumberShape number_shape(std::string_view number) {
  NumberShape shape{std::string(number_prefix(number)), 0, false};
  const std::string_view rest = number_without_prefix(number);
  std::size_t start = 0;
  while (start < rest.size() && !is_digit(rest[start])) ++start;
  while (start + shape.digits < rest.size() && is_digit(rest[start + shape.digits])) ++shape.digits;
  const std::size_t end = start + shape.digits;
  shape.hyphenated = shape.digits > 0 && end < rest.size() && rest[end] == '-';
  return shape;
}

std::string problem_with(std::string_view n) {
  if (n.empty()) return "the article number is empty";
  if (n.size() > 200) return "the article number is longer than 200 characters";
  if (n.front() == '.') return "an article number cannot start with '.'";
  for (char c : n) {
    if (c == '/' || c == '\\') return "an article number cannot contain '/' or '\\'";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      return "an article number cannot contain control characters";
  }
  if (slugify(n).empty() && n.find('*') == std::string_view::npos)
    return "an article number needs at least one letter or digit";
  return {};
}

namespace {

int compare_as_written(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t si = i, sj = j;
      while (i < a.size() && is_digit(a[i])) ++i;
      while (j < b.size() && is_digit(b[j])) ++j;
      auto na = a.substr(si, i - si), nb = b.substr(sj, j - sj);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
      if (int c = na.compare(nb)) return c < 0 ? -1 : 1;
      continue;
    }
    if (is_alpha(a[i]) && is_alpha(b[j])) {
      std::size_t si = i, sj = j;
      while (i < a.size() && is_alpha(a[i])) ++i;
      while (j < b.size() && is_alpha(b[j])) ++j;
      auto wa = a.substr(si, i - si), wb = b.substr(sj, j - sj);
      // Other words come before ordinals ("Titre 1 Généralités" < "Titre 1 bis"), which keeps
      // the order transitive ("ter" < "quater" by rank must not meet "quater" < "r" < "ter").
      int ra = latin_ordinal_rank(wa), rb = latin_ordinal_rank(wb);
      if (ra != rb) return ra < rb ? -1 : 1;
      if (int c = wa.compare(wb)) return c < 0 ? -1 : 1;
      continue;
    }
    // Separators: a shorter number sorts first ("L133-6" < "L133-6-1"), so compare bytes.
    if (a[i] != b[j]) {
      // End of a digit group beats continuing with a separator: "L133-6 bis" after "L133-6-1"?
      // Légifrance puts "bis" right after the base number: treat ' ' before '-'.
      auto rank = [](char c) {
        return c == ' ' ? 0 : c == '-' ? 1 : 2 + static_cast<unsigned char>(c);
      };
      return rank(a[i]) < rank(b[j]) ? -1 : 1;
    }
    ++i;
    ++j;
  }
  if (i == a.size() && j == b.size()) return 0;
  return i == a.size() ? -1 : 1;
}

std::string without_stars(std::string_view n) {
  std::string out;
  for (char c : n)
    if (c != '*') out += c;
  return out;
}

}  // namespace

int compare_code_order(std::string_view a, std::string_view b) {
  // R*133-2 shares the numbering of R133-1 and R133-3: order by the number without its star, and
  // only then as written, so that R133-2 and R*133-2, should both exist, stay distinct.
  if (int c = compare_as_written(without_stars(a), without_stars(b))) return c;
  return compare_as_written(a, b);
}

namespace {

// The number as the sequence it shares spells it: organic-law articles are numbered among the
// others ("LO111-3" -> "L111-3"), and a recodified code's regulatory part numbers its D articles
// among its R ones ("D1221-23" -> "R1221-23").
std::string in_shared_sequence(std::string_view number) {
  const std::string_view prefix = number_prefix(number);
  const std::string_view shared = prefix == "LO" ? "L" : prefix == "D" ? "R" : prefix;
  return std::string(shared) + std::string(number_without_prefix(number));
}

}  // namespace

int compare_section_order(std::string_view a, std::string_view b) {
  if (int c = compare_code_order(in_shared_sequence(a), in_shared_sequence(b))) return c;
  return compare_code_order(a, b);
}

std::string heading_for(const ArticleNumber& number) {
  const std::string& n = number.text();
  std::size_t letters = 0;
  while (letters < n.size() &&
         ((n[letters] >= 'A' && n[letters] <= 'Z') || (n[letters] >= 'a' && n[letters] <= 'z')))
    ++letters;
  bool word = letters > 3 && (letters == n.size() || n[letters] == ' ');
  return word ? n : "Article " + n;
}

namespace {

// "R*133-2" -> "R-star-133-2": a starred number keeps its star in its URL.
std::string spelled_stars(std::string_view number) {
  std::string expanded;
  for (char c : number) {
    if (c == '*')
      expanded += "-star-";
    else
      expanded += c;
  }
  return expanded;
}

}  // namespace

bool article_slug_too_long(std::string_view number) { return slug_too_long(spelled_stars(number)); }

std::string article_slug(std::string_view number) {
  std::string slug = slugify(spelled_stars(number));
  return slug.empty() ? "article" : slug;
}

}  // namespace legisite
