#pragma once

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

/// The place of a number in the one sequence the regulatory part of a recodified code numbers its
/// R and D articles in (D1221-23, D1221-24, D1221-25, R1221-26 in the Code du travail): the
/// number without its letter, "1221-23" (a star kept: "*2122-3"). Empty for a number whose prefix
/// is not R or D.
std::string regulatory_sequence(const ArticleNumber& number);

/// Why `text` cannot be an article number (path separators, control characters, a leading dot,
/// empty, absurdly long), or "" when it can. Numbers become file names, so this is a safety check
/// as much as a sanity check.
std::string problem_with(std::string_view article_number);

/// Orders numbers as a code does: digit runs numerically, latin ordinals (bis, ter, quater…) in
/// their order, "L133-6" < "L133-6-1" < "L133-6-8-4" < "L133-7" < "L133-10". Returns <0, 0, >0.
int compare_code_order(std::string_view a, std::string_view b);

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
