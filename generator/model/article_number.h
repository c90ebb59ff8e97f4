#pragma once

#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// An article's number as the code prints it ("L133-6-1", "R*133-2", "Annexe 2 bis"), with
/// whitespace collapsed and the dot after a prefix letter dropped ("L. 133-6" -> "L133-6"), so that
/// every source spells one article the same way. Invariant: non-empty once validated.
class ArticleNumber {
 public:
  ArticleNumber() = default;
  /// Normalises `text`; does not validate (see `problem_with`).
  explicit ArticleNumber(std::string_view text);

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  /// Case- and space-insensitive identity used for lookups ("l133-6" finds "L133-6").
  std::string key() const;

  friend bool operator==(const ArticleNumber& a, const ArticleNumber& b) {
    return a.key() == b.key();
  }

 private:
  std::string text_;
};

/// The same number with its star toggled: "R2122-3" <-> "R*2122-3". Texts often cite an article a
/// code numbers with a star (a décret en Conseil d'État's) without it ("l'article R. 2122-3"),
/// and no code numbers both. Empty for a number without a one- or two-letter prefix followed by a
/// digit.
ArticleNumber with_star_toggled(const ArticleNumber& number);

/// A number's prefix, its one or two capitals before a digit or a star: "R" for "R1221-23" and
/// "R*2122-3", "LO" for "LO111-3"; empty for a number without one ("1240", "Annexe 2").
std::string_view number_prefix(std::string_view number);
/// A number without its prefix (and star): "111-3" for "LO111-3", "2122-3" for "R*2122-3"; a
/// number without a prefix as it is.
std::string_view number_without_prefix(std::string_view number);

/// How a number is written, whatever its values: its prefix, the digits of its first group of
/// digits and whether a hyphen follows them. "L162-31-1" is L, 3, hyphenated; "1425" (the Code
/// civil) is "", 4, not hyphenated; "Annexe 2" is "", 1, not hyphenated. A code numbers its
/// articles in a few shapes, so a number of another shape is more likely another code's.
struct NumberShape {
  std::string prefix;
  std::size_t digits = 0;
  bool hyphenated = false;
  auto operator<=>(const NumberShape&) const = default;
};
NumberShape number_shape(std::string_view number);

/// Why `text` cannot be an article number (path separators, control characters, a leading dot,
/// empty, absurdly long), or "" when it can. Numbers become file names, so this is a safety check
/// as much as a sanity check.
std::string problem_with(std::string_view article_number);

/// Orders numbers as a code does: digit runs numerically, latin ordinals (bis, ter, quater…) in
/// their order, "L133-6" < "L133-6-1" < "L133-6-8-4" < "L133-7" < "L133-10". Returns <0, 0, >0.
int compare_code_order(std::string_view a, std::string_view b);

/// Orders the articles of one section as Légifrance lists them: as compare_code_order, but with
/// organic-law articles among the others (L111-2-3, LO111-3, L111-4) and, in a recodified code,
/// D articles among R ones (R1221-22, D1221-23, R1221-26), as each pair shares one numbering.
/// Returns <0, 0, >0.
int compare_section_order(std::string_view a, std::string_view b);

/// How a page names the article: "Article R133-19", but "Annexe 2" or "Tableau I" for numbers
/// that start with a word and are their own heading.
std::string heading_for(const ArticleNumber& number);

/// The URL path segment of an article: lower-case ASCII letters, digits and '-'. See README
/// "Stable URLs": accents folded, '*' written "star" (R*133-2 -> r-star-133-2, distinct from
/// r133-2), every other run of punctuation or space a single '-'.
std::string article_slug(std::string_view article_number);
/// Whether article_slug(article_number) is cut to fit in a file name (model/slug.h).
bool article_slug_too_long(std::string_view article_number);

}  // namespace legisite
