#pragma once
/// Finds the references to articles and texts in the running text of French legal codes:
/// "l'article L. 133-6", "aux articles L. 213-1 et L. 752-4", "aux articles L. 133-6-1 à
/// L. 133-6-5", "au 2° du I de l'article L. 640-1 du code rural et de la pêche maritime",
/// "l'article 48 de la loi organique n° 2001-692 du 1er août 2001". Pure: it reads a string and
/// knows no corpus; deciding which article a citation names (and expanding ranges over a code's
/// real articles) is the resolve stage's job. See tests/citations/citations_spec.md for every form.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/article_number.h"

namespace legisite {

/// What a citation names.
enum class CitationKind {
  kCodeArticle,      // an article (or a range of articles) of a code
  kExternalText,     // a law, decree, ordinance, order or regulation as a whole
  kExternalArticle,  // an article of such a text
};

/// How a code-article citation designates its code. Only kNamed and kSameCode after a named code
/// carry a title; the others mean "the code of the citing article".
enum class CodeDesignation {
  kNone,      // not a code article (external kinds)
  kImplicit,  // nothing said: a prefixed number (L, LO, R, D, A…) of the citing code
  kThisCode,  // "du présent code"
  kSameCode,  // "du même code", "dudit code", "de ce code": the code named last before it
  kNamed,     // "du code rural et de la pêche maritime"
};

/// A text other than a code, as a citation names it. Invariant: number or date is non-empty.
struct ExternalText {
  std::string kind;    // "loi", "loi organique", "décret", "ordonnance", "arrêté", "règlement"
  std::string number;  // "2001-692", "883/2004"; empty for "loi du 1er juillet 1901"
  std::string date_iso;  // "2001-08-01" when the citation gives a date, else empty
};

/// One reference found in a text. For a code article, `code_title` is the title of the code it
/// names (canonical spelling, "Code du travail") or empty for the citing article's own code.
struct Citation {
  /// Byte range in the input of what a link should cover: the article number(s) ("L. 133-6",
  /// "L. 133-6-1 à L. 133-6-5"), or the whole designation of an external text. Never empty.
  std::size_t begin = 0;
  std::size_t end = 0;
  CitationKind kind = CitationKind::kCodeArticle;
  std::string number_text;  // as written ("L. 133-6-1"); empty for kExternalText
  ArticleNumber number;     // normalised ("L133-6-1")
  /// Upper bound of a range ("à L. 133-6-5"), empty otherwise. A range is expanded at resolution,
  /// over the articles the code really has, in code order.
  std::string last_text;
  ArticleNumber last;
  CodeDesignation designation = CodeDesignation::kNone;
  std::string code_title;
  /// True when the code was named only after later members, across a new "article"
  /// ("l'article L. 431-1 et aux articles L. 751-8 et L. 752-3 du code rural"), or after a member
  /// of another shape ("L. 162-5-3 et L. 1111-15 du code de la santé publique"). French drafting
  /// leaves such a member in the citing code as often as not: resolution keeps it there when the
  /// citing code has that article (see prefers_citing_code).
  bool carried_back = false;
  /// For an implicit citation: the code the text named last before it, if any ("il peut être
  /// dérogé aux dispositions suivantes du code de la santé publique : a) L'article L. 4113-5").
  /// Resolution uses it when the citing code has no article of that number.
  std::string context_code;
  /// The part of the article cited, as written ("2° du I", "second alinéa"), empty if none.
  std::string pinpoint;
  /// 1-based alinéa of the article when the pinpoint is "<ordinal> alinéa" of the article itself
  /// ("au second alinéa de l'article" -> 2); 0 otherwise ("du 2° du I", "dernier alinéa").
  int alinea = 0;
  ExternalText text;  // for kExternalText and kExternalArticle

  bool is_range() const { return !last.empty(); }
  /// Where the first bound of a range ends and the last begins: [begin, first_end()) is
  /// number_text, [last_begin(), end) last_text, each a link of its own.
  std::size_t first_end() const { return begin + number_text.size(); }
  std::size_t last_begin() const { return end - last_text.size(); }
};

/// The byte a caller puts between two blocks of text (paragraphs, list items, table cells): no
/// citation is read across it ("L. 6351-1" ending a paragraph and "I.-Indicateurs" starting the
/// next are not article "L6351-1 I"), while a line break within a block ("L.<br/>131-6") reads as
/// a space. A line that names a code and ends with a colon governs the items of the list after
/// it, each item a block or a line.
inline constexpr char kBlockBreak = '\x1D';

/// How the code whose text is read numbers its articles.
struct CitationOptions {
  /// Its articles are bare numbers (the Constitution, the Code civil): a bare number that names
  /// no other text ("l'article 11", "aux articles 34 et 37") is one of its articles, an article
  /// right after a text's name ("loi constitutionnelle n° 2008-724 du 23 juillet 2008 article
  /// 46") is that text's, and "de la Constitution" names kConstitution. In codes numbered with
  /// prefixes a bare number is, as often as not, an article of a text left unnamed.
  bool bare_numbers = false;
};

/// The code title a citation gets from "de la Constitution" (CitationOptions::bare_numbers).
inline constexpr std::string_view kConstitution = "Constitution";

/// Every citation of `text`, in order of position. Never fails: text that is not a citation
/// (years, amounts, "au a", an "article 1er" of a text it does not name) yields nothing.
/// Linear in the length of `text`; no regular expressions.
std::vector<Citation> find_citations(std::string_view text, CitationOptions options = {});

/// For a code-article citation made by article `citing_article` of the code titled
/// `citing_code`: the title of the code it names, "" for the citing code, or nothing when the
/// text does not say and the number cannot be the citing code's. `citing_code_has_it` says
/// whether the citing code has an article of the cited number, `citing_code_numbers_alike`
/// whether it has one of the cited number's shape (number_shape).
/// - "Présent code", and a "même code" after no named code, are the citing code; so is
///   kConstitution when the citing code's title starts with "Constitution".
/// - A code carried back from later members yields to the citing code when that code has the
///   article.
/// - An implicit citation is the citing code's when that code has the article or numbers
///   articles alike (the Code civil's "1404" cited by its "224", its "146" by its "171-7"), or
///   unless its number is in thousands (four digits before the first hyphen, as the recodified
///   codes number) and the citing article's in hundreds, or has no hyphen where the citing
///   article's has one: a missing number otherwise is more likely a repealed article of the citing
///   code. L. 4113-5 cited by L162-31-1 is an article of the code named before it (context_code),
///   and when that is the citing code or none, of no code we can tell.
std::optional<std::string_view> cited_code_title(const Citation& citation,
                                                 std::string_view citing_code,
                                                 const ArticleNumber& citing_article,
                                                 bool citing_code_has_it,
                                                 bool citing_code_numbers_alike = false);

/// A one-line description of `citation` found in `text`, the compact form the spec document uses:
///   «L. 133-6» article L133-6 (citing code)
///   «L. 133-6-1 à L. 133-6-5» articles L133-6-1 to L133-6-5 (citing code)
///   «L. 5212-13» article L5212-13 (Code du travail) at "2° du I"
///   «L. 431-1» article L431-1 (Code rural et de la pêche maritime, carried back)
///   «48» article 48 of loi organique n° 2001-692 du 2001-08-01
///   «loi n° 2001-692 du 1er août 2001» text loi n° 2001-692 du 2001-08-01
std::string describe_citation(const Citation& citation, std::string_view text);

}  // namespace legisite
