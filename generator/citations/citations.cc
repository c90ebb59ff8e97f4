#include "citations/citations.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "citations/code_titles.h"
#include "citations/french_text.h"
#include "citations/legal_texts.h"
#include "citations/pinpoints.h"
#include "text/latin_ordinals.h"

// A hand-written scanner. One pass over the bytes looks for the few words that can start a
// citation ("article", "art.", "annexe", a prefixed number "L. 133-6", "loi", "décret",
// "ordonnance", "arrêté", "règlement", "directive") at word starts; from there a small
// recursive-descent parser reads a group of numbers (lists, ranges), what the group names (a code,
// another text) and, looking back a few words, the pinpoint ("au 2° du I de l'article"). Text is
// UTF-8; keywords are matched with case and accents folded, and every kind of space (no-break,
// narrow no-break, line breaks) counts as one. After a group the scan resumes at its end, so the
// cost stays linear.

namespace legisite {

namespace {

using namespace french_text;

bool introduces_list(std::string_view s, std::size_t at);

// ---------------------------------------------------------------------------------------------
// Parsed pieces

/// An article number as read: where it is and its normalised spelling.
struct NumberToken {
  std::size_t begin = npos;
  std::size_t end = npos;
  std::string normalised;  // "L133-6-1", "1649 quater B", "1er"
  std::string prefix;      // "L", "LO", "R*"… empty when none
  bool hyphenated = false;
  bool ok() const { return begin != npos; }
};

/// What follows a group of numbers and says which code or text they belong to.
struct Designation {
  // kFormerCode: a code before its recodification ("de l'ancien code de la sécurité sociale"),
  // whose numbers are no articles of today's codes, prefixed or not.
  enum class Kind { kNone, kCode, kText, kUnnamedText, kFormerCode };
  Kind kind = Kind::kNone;
  CodeDesignation code = CodeDesignation::kNone;
  std::string code_title;                          // for kCode: the title, "" for the citing code
  ExternalText text;                               // for kText
  std::size_t text_begin = npos, text_end = npos;  // the text's own designation, to cite it too
  std::size_t end = npos;
};

/// One member of a group: a number or a range, with its pinpoint.
struct Item {
  NumberToken first;
  NumberToken last;  // range bound, !ok() when not a range
  std::string pinpoint;
  int alinea = 0;
  bool own_keyword = false;  // introduced by its own "article" (not a bare list member)
  bool annex = false;        // an annex number: "annexe 2-4"
  bool designated = false;
  bool carried_back = false;    // see Citation::carried_back
  bool possessive = false;      // "ses articles", "son article": of the code named last
  std::size_t designation = 0;  // index in Scanner::designations_ when designated
  /// After "…du code X, à l'exception des articles": excepted from members of code X, so of
  /// that code unless the member names its own; `exception_of` indexes its designation.
  bool excepted = false;
  std::size_t exception_of = 0;
  /// Introduced by "à l'exception de", "sauf": a code named after it does not reach back over
  /// it ("l'article L. 931-6, à l'exception de l'article L. 354-1 du code des assurances").
  bool after_exception = false;
};

/// A list introduced by a line ending with a colon ("2° Aux dispositions suivantes du code de la
/// santé publique, … :", then "a) L'article L. 4113-5 …"): where the line starts, and [begin,
/// end) of the plain text, the items of that list.
struct IntroducedList {
  std::size_t line = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A code named on its own as what a list introduced by a colon is taken from: "aux dispositions
/// suivantes du code de la santé publique", "les articles suivants du code rural".
struct CodeMention {
  std::size_t at = 0;
  std::string title;
};

/// The scanner: one per call of find_citations.
class Scanner {
 public:
  Scanner(std::string_view text, CitationOptions options) : s_(text), options_(options) {}

  std::vector<Citation> run();

 private:
  std::size_t at_word_start(std::size_t i);
  std::size_t after_keyword(std::size_t keyword_begin, std::size_t keyword_end);
  std::size_t after_annex(std::size_t i);
  std::size_t group_from(Item first);
  std::size_t after_member(std::size_t end, Item& item) const;
  std::size_t comma_pinpoint(std::size_t end, std::string& pinpoint) const;
  void designate(std::vector<Item>& items, std::size_t designation) const;
  std::size_t standalone_text(std::size_t i);
  bool follows_text_name(std::size_t keyword_begin, Item& first);

  NumberToken read_number(std::size_t i, bool allow_premier) const;
  bool read_range(std::size_t i, Item& item) const;
  std::size_t read_separator(std::size_t i, bool* exception) const;
  std::size_t read_reintroduction(std::size_t i, Item& item) const;
  std::optional<Designation> read_designation(std::size_t i);
  bool read_code_reference(std::size_t k, Designation& d);
  bool read_annex_code(std::size_t k, Designation& d);
  bool read_named_code(std::size_t name, Designation& d);
  bool read_named_text(std::size_t name, Designation& d);
  bool read_unnamed_text(std::size_t name, Designation& d) const;
  bool read_constitution(std::size_t name, Designation& d) const;
  void remember_text(const ExternalText& text);
  std::size_t read_same_text(std::size_t k, Designation& d) const;

  void emit(std::vector<Item>& items);
  void find_introduced_lists();
  const std::string* introduced_code(std::size_t at) const;
  void emit_text(const Designation& d);

  std::string_view s_;
  CitationOptions options_;
  std::vector<Citation> out_;
  std::string last_code_;                 // the code named last ("" = citing code)
  std::vector<ExternalText> last_texts_;  // the last text of each kind named, for "la même loi"
  /// Every designation read, referred to by index from the members it covers.
  std::vector<Designation> designations_;
  /// Numbers cited so far as articles of a named code (number key, code title), newest last.
  std::vector<std::pair<std::string, std::string>> named_numbers_;
  std::vector<IntroducedList> introduced_lists_;  // in order of position
  std::vector<CodeMention> code_mentions_;        // in order of position
};

// Whether a citation (or a code name) can start with the bytes `c`, `d`: "ar"ticle,
// "an"nexe, "lo"i, "li"vre, "dé"cret, "di"rective, "or"donnance, "rè"glement, "co"de,
// "no"uveau, "ar"rêté; "L.", "R ", "A*", "LO", "D1" for prefixed numbers. Accented letters
// are only checked by their lead byte (é, è: C3).
constexpr bool may_start(unsigned char c, unsigned char d) {
  if (c == 'L' || c == 'R' || c == 'D' || c == 'A') {
    if (d == '.' || d == ' ' || d == '*' || (d >= '0' && d <= '9') || d == 0xC2 || d == 0xE2 ||
        d == '\n' || (c == 'L' && d == 'O'))
      return true;
  }
  unsigned char lower = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
  unsigned char next = d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d;
  switch (lower) {
    case 'a':
      return next == 'r' || next == 'n';
    case 'l':
      return next == 'o' || next == 'i';
    case 'd':
      return next == 'i' || d == 0xC3;
    case 'o':
      return next == 'r';
    case 'c':
    case 'n':
      return next == 'o';
    case 'r':
      return d == 0xC3;
    default:
      return false;
  }
}

/// may_start for every pair of bytes, as a bit table (8 KiB): the scan tests every byte, and one
/// well-predicted table lookup is the cheapest test.
constexpr std::array<std::uint64_t, 1024> kStartPairs = [] {
  std::array<std::uint64_t, 1024> t{};
  // may_start is false for any other first byte; looping over all 65,536 pairs instead exceeds
  // clang's limit on constant evaluation.
  for (char first : std::string_view("AaLlDdOoCcNnRr"))
    for (unsigned d = 0; d < 256; ++d)
      if (unsigned c = static_cast<unsigned char>(first); may_start(c, d)) {
        unsigned pair = c | (d << 8);
        t[pair >> 6] |= std::uint64_t{1} << (pair & 63);
      }
  return t;
}();

std::vector<Citation> Scanner::run() {
  find_introduced_lists();
  const std::size_t n = s_.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(s_.data());
  for (std::size_t i = 0; i + 1 < n;) {
    unsigned pair = bytes[i] | (static_cast<unsigned>(bytes[i + 1]) << 8);
    if (!((kStartPairs[pair >> 6] >> (pair & 63)) & 1) || !word_starts_at(s_, i)) {
      ++i;
      continue;
    }
    std::size_t resume = at_word_start(i);
    i = resume != npos && resume > i ? resume : i + 1;
  }
  std::stable_sort(out_.begin(), out_.end(),
                   [](const Citation& a, const Citation& b) { return a.begin < b.begin; });
  return std::move(out_);
}

// Tries every trigger at a word start; returns where to resume, or npos when nothing starts here.
std::size_t Scanner::at_word_start(std::size_t i) {
  char c = s_[i];
  const char folded = lower(c);
  // A capital L, R, D or A followed by a number: "L. 133-6", "R* 133-2", "LO 111-3".
  if (c == 'L' || c == 'R' || c == 'D' || c == 'A') {
    NumberToken n = read_number(i, false);
    // A bare number needs the shape of a code article (a hyphen) to be taken without "article".
    if (n.ok() && !n.prefix.empty() && n.hyphenated) {
      Item item;
      item.first = n;
      return group_from(std::move(item));
    }
  }
  switch (folded) {
    case 'a': {
      static constexpr std::array<std::string_view, 3> kKeywords = {"articles", "article", "art."};
      if (std::size_t end = match_any(s_, i, kKeywords); end != npos) return after_keyword(i, end);
      if (std::size_t end = match_word(s_, i, "annexe"); end != npos) return after_annex(i);
      if (match_word(s_, i, "arrete") != npos) return standalone_text(i);
      return npos;
    }
    case 'd':
      if (match_word(s_, i, "decret") != npos || match_word(s_, i, "directive") != npos ||
          match_word(s_, i, "decret-loi") != npos)
        return standalone_text(i);
      return npos;
    case 'o':
      if (match_word(s_, i, "ordonnance") != npos) return standalone_text(i);
      return npos;
    case 'r':
      if (match_word(s_, i, "reglement") != npos) return standalone_text(i);
      return npos;
    case 'l':
      if (match_word(s_, i, "loi") != npos) return standalone_text(i);
      [[fallthrough]];  // "livre des procédures fiscales"
    case 'n':           // "nouveau code de procédure civile"
    case 'c': {
      // A code named anywhere is what a later "du même code" means ("… de la cinquième partie
      // du code du travail ainsi que de l'article L. 1233-68 du même code").
      std::string title;
      if (std::size_t end = match_code_title(s_, i, title, false); end != npos) {
        if (introduces_list(s_, i)) code_mentions_.push_back({i, title});
        last_code_ = std::move(title);
        return end;
      }
      return npos;
    }
    default:
      return npos;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Whether a latin ordinal ("bis", "ter"…) starts at `i`; returns its end and which.
std::size_t latin_ordinal_at(std::string_view s, std::size_t i, std::string_view* which) {
  for (std::string_view ordinal : latin_ordinals()) {
    std::size_t end = match_word(s, i, ordinal);
    if (end != npos) {
      if (which) *which = ordinal;
      return end;
    }
  }
  return npos;
}

// Length of a hyphen at `i`: '-', and the Unicode hyphen and non-breaking hyphen some exports use.
std::size_t hyphen_len(std::string_view s, std::size_t i) {
  if (byte(s, i) == '-') return 1;
  if (byte(s, i) == 0xE2 && byte(s, i + 1) == 0x80 &&
      (byte(s, i + 2) == 0x90 || byte(s, i + 2) == 0x91))
    return 3;
  return 0;
}

// After a prefix letter at `i` ("L. 133-6", "LO 111-3", "L.O. 132-2-1", "R* 133-2",
// "R. * 133-2"): fills `prefix` and returns the position of the first digit, or npos when no
// number follows.
std::size_t after_prefix(std::string_view s, std::size_t i, std::string& prefix) {
  char c = s[i];
  std::size_t k = i + 1;
  prefix = c;
  if (c == 'L') {
    std::size_t o = k;
    if (byte(s, o) == '.') o = skip_spaces(s, o + 1);
    if (byte(s, o) == 'O' && !is_word_at(s, o + 1)) {
      prefix = "LO";
      k = o + 1;
    } else if (byte(s, k) == 'O') {
      prefix = "LO";
      ++k;
    }
  }
  bool star = false;
  if (byte(s, k) == '*') {
    star = true;
    ++k;
  }
  if (byte(s, k) == '.') ++k;
  k = skip_spaces(s, k);
  if (!star && byte(s, k) == '*') {  // "R. * 133-2"
    star = true;
    k = skip_spaces(s, k + 1);
  }
  if (!is_digit(static_cast<char>(byte(s, k)))) return npos;
  if (star) prefix += '*';
  return k;
}

// The digits and hyphenated groups from `j` ("133-6-1", "R243-59-6-A", "794-II") appended to
// `core`; returns their end.
std::size_t read_core(std::string_view s, std::size_t j, std::string& core, bool& hyphenated) {
  auto digits = [&](std::size_t& k) {
    while (is_digit(static_cast<char>(byte(s, k)))) core += s[k++];
  };
  digits(j);
  for (;;) {
    std::size_t hyphen = hyphen_len(s, j);
    if (hyphen == 0) break;
    std::size_t k = j + hyphen;
    if (is_digit(static_cast<char>(byte(s, k)))) {
      core += '-';
      j = k;
      digits(j);
      hyphenated = true;
      continue;
    }
    // "R243-59-6-A", "794-II": a final capital or roman numeral after a hyphen.
    std::size_t e = k;
    while (e < s.size() && e - k < 4 && is_upper(s[e])) ++e;
    if (e > k && word_ends_at(s, e) && byte(s, e) != '.' &&
        (e == k + 1 || s.find_first_not_of("IVX", k) >= e)) {
      core += '-';
      core.append(s.substr(k, e - k));
      j = e;
    }
    break;
  }
  return j;
}

// What may follow the core at `j`: returns where the number goes on ("1er" read into `core`), or
// npos when the core is not an article number after all.
std::size_t after_core(std::string_view s, std::size_t j, const std::string& prefix,
                       bool hyphenated, std::string& core) {
  // "1°" is a pinpoint, "1.5" an amount, "2e" an ordinal.
  if (byte(s, j) == 0xC2 && (byte(s, j + 1) == 0xB0 || byte(s, j + 1) == 0xBA)) return npos;
  if (prefix.empty() && byte(s, j) == '.' && is_digit(static_cast<char>(byte(s, j + 1))))
    return npos;
  if (!is_word_at(s, j)) return j;
  if (prefix.empty() && core == "1" && match_word(s, j, "er") != npos) {
    core = "1er";
    return j + 2;
  }
  // "L. 133-6bis": the ordinal is read with the suffixes, as if spaced.
  if (latin_ordinal_at(s, j, nullptr) != npos) return j;
  // A missing space ("L. 162-12-17qui"): the number ends with its digits.
  if (!prefix.empty() && hyphenated && is_lower(s[j])) return j;
  // "1et", "640à": a number glued to the next word of a list.
  static constexpr std::array<std::string_view, 3> kGlued = {"et", "ou", "a"};
  std::size_t which = 0;
  std::size_t w = match_any(s, j, kGlued, &which);
  if (w == npos || (which == 2 && s[j] == 'a')) return npos;
  return j;
}

// Thousands written with a space after `j` ("1 000 euros"): an amount, not an article number.
bool thousands_follow(std::string_view s, std::size_t j) {
  std::size_t k = skip_spaces(s, j);
  return k > j && k + 3 <= s.size() && is_digit(s[k]) && is_digit(s[k + 1]) && is_digit(s[k + 2]) &&
         !is_word_at(s, k + 3);
}

// A latin ordinal suffix at `k` ("bis", and the number CGI puts after it: "quater-0"), appended
// to `normalised`; returns its end, or npos.
std::size_t ordinal_suffix(std::string_view s, std::size_t k, std::string& normalised) {
  std::string_view ordinal;
  std::size_t j = latin_ordinal_at(s, k, &ordinal);
  if (j == npos) return npos;
  normalised += ' ';
  normalised += ordinal;
  if (hyphen_len(s, j) && is_digit(static_cast<char>(byte(s, j + hyphen_len(s, j))))) {
    j += hyphen_len(s, j);
    normalised += '-';
    while (is_digit(static_cast<char>(byte(s, j)))) normalised += s[j++];
  }
  return j;
}

// Whether a number may end at `after` (past a capital suffix): before punctuation or the words
// that follow a cited number. "article 3 A compter" is not article "3 A".
bool number_may_end_at(std::string_view s, std::size_t after) {
  if (after >= s.size()) return true;
  unsigned char a = byte(s, after);
  if (a == ',' || a == ';' || a == '.' || a == ':' || a == ')' || a == ']' || a == '"' ||
      a == 0xC2 /* » and friends */ || a == 0xE2 /* ” … */)
    return a != 0xE2 || fold_at(s, after).c != '\'';
  if (latin_ordinal_at(s, after, nullptr) != npos) return true;
  static constexpr std::array<std::string_view, 12> kFollowers = {
      "du", "de", "des", "dudit", "et", "ou", "au", "aux", "ainsi", "sont", "est", "a"};
  std::size_t w = match_any(s, after, kFollowers);
  // "à" folds to "a": accept it, but not the ASCII word "a" ("A a été").
  return w != npos && !(w == after + 1 && s[after] == 'a');
}

// A suffix of capitals at `k`, after spaces ("1649 quater B", "L. 161-23-1 A"); returns its end,
// or npos.
std::size_t capital_suffix(std::string_view s, std::size_t k) {
  std::size_t e = k;
  while (e < s.size() && e - k < 3 && is_upper(s[e])) ++e;
  // "R. 2", "D* 3", "A' " are not suffixes; "L. 243-7-1 A." at the end of a sentence is.
  bool prefix_dot =
      byte(s, e) == '.' && (is_digit(static_cast<char>(byte(s, skip_spaces(s, e + 1)))) ||
                            byte(s, skip_spaces(s, e + 1)) == '*');
  if (e == k || !word_ends_at(s, e) || prefix_dot || byte(s, e) == '\'' || byte(s, e) == '*')
    return npos;
  return number_may_end_at(s, skip_spaces(s, e)) ? e : npos;
}

// Suffixes from `j`: latin ordinals ("bis"), capitals ("1649 quater B", "L. 161-23-1 A") and the
// numbers CGI puts after them ("1649 quater-0 B bis"), appended to `normalised`; returns the end.
std::size_t read_suffixes(std::string_view s, std::size_t j, std::string& normalised) {
  for (;;) {
    std::size_t k = skip_spaces(s, j);
    if (k >= s.size()) break;
    if (std::size_t end = ordinal_suffix(s, k, normalised); end != npos) {
      j = end;
      continue;
    }
    if (k == j) break;
    std::size_t e = capital_suffix(s, k);
    if (e == npos) break;
    normalised += ' ';
    normalised.append(s.substr(k, e - k));
    j = e;
  }
  return j;
}

// An article number at `i`: an optional prefix, the core, what may follow it, the suffixes.
NumberToken Scanner::read_number(std::size_t i, bool allow_premier) const {
  NumberToken n;
  std::size_t j = i;
  std::string prefix;
  char c = static_cast<char>(byte(s_, j));
  if (c == 'L' || c == 'R' || c == 'D' || c == 'A') {
    j = after_prefix(s_, i, prefix);
    if (j == npos) return n;
  } else if (allow_premier) {
    if (std::size_t end = match_word(s_, j, "premier"); end != npos) {
      n.begin = i;
      n.end = end;
      n.normalised = "1er";
      return n;
    }
  }
  if (!is_digit(static_cast<char>(byte(s_, j)))) return n;
  std::string core;
  bool hyphenated = false;
  j = read_core(s_, j, core, hyphenated);
  j = after_core(s_, j, prefix, hyphenated, core);
  if (j == npos) return n;
  if (prefix.empty() && !hyphenated && thousands_follow(s_, j)) return n;
  std::string normalised = prefix + core;
  n.end = read_suffixes(s_, j, normalised);
  n.begin = i;
  n.normalised = std::move(normalised);
  n.prefix = std::move(prefix);
  n.hyphenated = hyphenated;
  return n;
}

// "à L. 133-6-5" after a number; a bound without prefix takes the first one's ("L. 97 à 99").
bool Scanner::read_range(std::size_t i, Item& item) const {
  std::size_t k = skip_spaces(s_, i);
  if (byte(s_, k) != 0xC3 || byte(s_, k + 1) != 0xA0 || !word_ends_at(s_, k + 2)) return false;
  std::size_t b = skip_spaces(s_, k + 2);
  if (b == k + 2) return false;
  NumberToken last = read_number(b, false);
  if (!last.ok()) return false;
  if (last.prefix.empty() && !item.first.prefix.empty()) {
    // Only a bound of the same shape: "L. 241-13 à 2 000" is not a range.
    if (last.hyphenated != item.first.hyphenated) return false;
    last.normalised = item.first.prefix + last.normalised;
    last.prefix = item.first.prefix;
  } else if (!last.prefix.empty() && item.first.prefix.empty()) {
    return false;
  }
  item.last = std::move(last);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Groups: "articles L. 213-1 et L. 752-4", "aux articles L. 97 à L. 99, L. 152 et L. 162 B du
// livre des procédures fiscales", "au 1° de l'article L. 24 et au 1° de l'article L. 25 du code…"

// Separators between members: ",", "et", "ou", "ainsi que", "et/ou". Returns the position after
// it (and its spaces), or npos.
std::size_t Scanner::read_separator(std::size_t i, bool* exception) const {
  std::size_t k = skip_spaces(s_, i);
  bool comma = false;
  if (byte(s_, k) == ',') {
    comma = true;
    k = skip_spaces(s_, k + 1);
  }
  static constexpr std::array<std::string_view, 6> kWords = {"et/ou",     "et",        "ou",
                                                             "ainsi qu'", "ainsi que", "voire"};
  std::size_t end = match_any(s_, k, kWords);
  if (end != npos) return skip_spaces(s_, end);
  // ", à l'exception des articles …", ", sauf l'article …": what follows is excepted from the
  // members before ("à" must be the accented word, not the verb "a").
  static constexpr std::array<std::string_view, 4> kExcept = {"a l'exception", "a l'exclusion",
                                                              "sauf", "hormis"};
  end = match_any(s_, k, kExcept);
  if (end != npos && s_[k] != 'a') {
    *exception = true;
    return skip_spaces(s_, end);
  }
  return comma ? k : npos;
}

// After a separator: "à l'article", "au 1° de l'article", "aux articles", "l'article", or
// nothing (a bare member of a list). Returns the position of the number, or npos when what
// follows is not a member.
std::size_t Scanner::read_reintroduction(std::size_t i, Item& item) const {
  static constexpr std::array<std::string_view, 16> kPrepositions = {
      "a l'",  "a la", "aux",     "au",     "de l'",
      "de la", "des",  "du",      "l'",     "les",
      "le",    "la",   "dans l'", "par l'", "en application de l'",
      "a"};
  static constexpr std::array<std::string_view, 3> kKeywords = {"articles", "article", "art."};
  std::size_t k = i;
  std::size_t which = 0;
  std::size_t end = match_any(s_, k, kPrepositions, &which);
  bool preposition = end != npos;
  // "a" (à) must be the accented word; the ASCII "a" is a verb.
  if (preposition && kPrepositions[which] == "a" && s_[k] == 'a') preposition = false;
  if (preposition) k = skip_spaces(s_, end);
  // The keyword right away ("à l'article") or after a pinpoint ("au 1° de l'article").
  if (std::size_t kw = match_any(s_, k, kKeywords); kw != npos) {
    item.own_keyword = true;
    return skip_spaces(s_, kw);
  }
  if (preposition) {
    std::size_t p = k;
    std::size_t pin_end = npos;
    for (int n = 0; n < 16; ++n) {
      // Is the pinpoint over? "de l'article", "du même", "des articles"
      static constexpr std::array<std::string_view, 3> kIntro = {"de l'", "du", "des"};
      if (std::size_t intro = match_any(s_, p, kIntro); intro != npos && pin_end != npos) {
        std::size_t kp = skip_spaces(s_, intro);
        if (std::size_t kw = match_any(s_, kp, kKeywords); kw != npos) {
          item.own_keyword = true;
          item.pinpoint = std::string(s_.substr(k, pin_end - k));
          item.alinea = alinea_of(item.pinpoint);
          return skip_spaces(s_, kw);
        }
      }
      // One token forward.
      std::size_t e = p;
      if (byte(s_, e) == ',') {
        ++e;
      } else {
        while (e < s_.size() && !space_len(s_, e) && s_[e] != ',') {
          Folded f = fold_at(s_, e);
          e += f.len;
          if (f.c == '\'') break;
        }
      }
      if (e == p || !pinpoint_token(s_.substr(p, e - p))) return npos;
      if (!pinpoint_connector(s_.substr(p, e - p))) pin_end = e;
      p = skip_spaces(s_, e);
    }
    return npos;
  }
  return k;
}

// "de la même loi", "dudit décret", "de ladite ordonnance": the text of that kind named last, or
// a text we cannot name. Returns the end and fills `d`, or npos.
std::size_t Scanner::read_same_text(std::size_t k, Designation& d) const {
  static constexpr std::array<std::string_view, 12> kSame = {
      "de la meme loi",  "de ladite loi",         "du meme decret",
      "dudit decret",    "de la meme ordonnance", "de ladite ordonnance",
      "du meme arrete",  "dudit arrete",          "du meme reglement",
      "dudit reglement", "de la meme directive",  "de ladite directive"};
  std::size_t which = 0;
  std::size_t end = match_any(s_, k, kSame, &which);
  if (end == npos) return npos;
  std::string_view pattern = kSame[which];
  std::string_view kind = pattern.substr(pattern.rfind(' ') + 1);
  d.kind = Designation::Kind::kUnnamedText;
  d.end = end;
  for (const ExternalText& t : last_texts_) {
    if (fold_title(t.kind, 40, nullptr).rfind(kind, 0) == 0) {
      d.kind = Designation::Kind::kText;
      d.text = t;
    }
  }
  return end;
}

// "du présent code", "du même code", "dudit code", "du code" alone: the citing code or the code
// named last. Fills `d` and returns true when one is at `k`.
bool Scanner::read_code_reference(std::size_t k, Designation& d) {
  static constexpr std::array<std::string_view, 9> kSameCode = {
      "du meme code",         "dudit code",      "de ce code",
      "du code precite",      "du code susvise", "du code susmentionne",
      "du meme code precite", "de ce meme code", "du code"};
  static constexpr std::array<std::string_view, 2> kThisCode = {"du present code",
                                                                "de ce present code"};
  if (std::size_t e = match_any(s_, k, kThisCode); e != npos) {
    d.kind = Designation::Kind::kCode;
    d.code = CodeDesignation::kThisCode;
    d.end = e;
    last_code_.clear();
    return true;
  }
  std::size_t which = 0;
  std::size_t e = match_any(s_, k, kSameCode, &which);
  if (e == npos) return false;
  // "du code" alone (followed by punctuation) means the code in question; "du code de la santé
  // publique" is a name, read by read_named_code.
  if (kSameCode[which] == "du code" && skip_spaces(s_, e) < s_.size() &&
      is_word_at(s_, skip_spaces(s_, e)))
    return false;
  d.kind = Designation::Kind::kCode;
  d.code = CodeDesignation::kSameCode;
  d.code_title = last_code_;
  d.end = e;
  return true;
}

// "de l'annexe 2 au code général des impôts": the annexes of the CGI are codes of their own.
bool Scanner::read_annex_code(std::size_t k, Designation& d) {
  std::size_t a = match_word(s_, k, "de l'annexe");
  if (a == npos) return false;
  std::size_t p = skip_spaces(s_, a);
  static constexpr std::array<std::string_view, 8> kAnnexes = {"1", "2",  "3",   "4",
                                                               "i", "ii", "iii", "iv"};
  static constexpr std::array<std::string_view, 4> kRoman = {"I", "II", "III", "IV"};
  std::size_t which = 0;
  std::size_t e = match_any(s_, p, kAnnexes, &which);
  static constexpr std::array<std::string_view, 2> kTo = {"au", "du"};
  std::size_t to = e == npos ? npos : match_any(s_, skip_spaces(s_, e), kTo);
  std::string title;
  std::size_t end = to == npos ? npos : match_code_title(s_, skip_spaces(s_, to), title, true);
  if (end == npos) return false;
  d.kind = Designation::Kind::kCode;
  d.code = CodeDesignation::kNamed;
  d.code_title = title + ", annexe " + std::string(kRoman[which % 4]);
  d.end = end;
  last_code_ = d.code_title;
  return true;
}

// A code named at `name` ("code rural et de la pêche maritime").
bool Scanner::read_named_code(std::size_t name, Designation& d) {
  std::string title;
  std::size_t e = match_code_title(s_, name, title, true);
  if (e == npos) return false;
  d.kind = Designation::Kind::kCode;
  d.code = CodeDesignation::kNamed;
  d.code_title = title;
  d.end = e;
  last_code_ = std::move(title);
  return true;
}

// A text named at `name` ("loi n° 2001-692 du 1er août 2001"), remembered for "la même loi".
bool Scanner::read_named_text(std::size_t name, Designation& d) {
  ExternalText text;
  std::size_t e = match_legal_text(s_, name, text);
  if (e == npos) return false;
  d.kind = Designation::Kind::kText;
  d.text = text;
  d.text_begin = name;
  d.text_end = e;
  d.end = e;
  remember_text(text);
  return true;
}

// "présente loi", "présent décret", "cette loi", "convention", "traité"…: a text we cannot name;
// its articles are not articles of a code. So is "l'ancien code de …", a former code.
bool Scanner::read_unnamed_text(std::size_t name, Designation& d) const {
  static constexpr std::array<std::string_view, 30> kOtherTexts = {"presente loi",
                                                                   "present decret",
                                                                   "presente ordonnance",
                                                                   "present arrete",
                                                                   "present reglement",
                                                                   "cette loi",
                                                                   "ce decret",
                                                                   "cette ordonnance",
                                                                   "cet arrete",
                                                                   "ce reglement",
                                                                   "la loi",
                                                                   "loi",
                                                                   "decret",
                                                                   "ordonnance",
                                                                   "arrete",
                                                                   "reglement",
                                                                   "directive",
                                                                   "convention",
                                                                   "conventions",
                                                                   "traite",
                                                                   "accord",
                                                                   "protocole",
                                                                   "statut",
                                                                   "statuts",
                                                                   "annexe",
                                                                   "constitution",
                                                                   "charte",
                                                                   "livre",
                                                                   "texte",
                                                                   "present article"};
  if (std::size_t e = match_word(s_, name, "ancien code"); e != npos) {
    d.kind = Designation::Kind::kFormerCode;
    d.end = e;
    return true;
  }
  std::size_t e = match_any(s_, name, kOtherTexts);
  if (e == npos) return false;
  d.kind = Designation::Kind::kUnnamedText;
  d.end = e;
  return true;
}

// "de la Constitution", read as a code only where bare numbers are articles of the citing code:
// elsewhere it stays a text we cannot name.
bool Scanner::read_constitution(std::size_t name, Designation& d) const {
  if (!options_.bare_numbers) return false;
  std::size_t e = match_word(s_, name, "constitution");
  if (e == npos) return false;
  d.kind = Designation::Kind::kCode;
  d.code = CodeDesignation::kNamed;
  d.code_title = std::string(kConstitution);
  d.end = e;
  return true;
}

// The last text of each kind named, for "la même loi", "ledit décret".
void Scanner::remember_text(const ExternalText& text) {
  auto same = std::find_if(last_texts_.begin(), last_texts_.end(),
                           [&](const ExternalText& t) { return t.kind == text.kind; });
  if (same == last_texts_.end())
    last_texts_.push_back(text);
  else
    *same = text;
}

// What follows a number: "du présent code", "du même code", "du code du travail", "de la loi
// n° …", "de la présente loi"… Returns nothing when the number is followed by something else.
std::optional<Designation> Scanner::read_designation(std::size_t i) {
  std::size_t k = skip_spaces(s_, i);
  // Every designation starts with "du", "de", "des" or "dudit": most numbers are followed by
  // something else, and this test spares them the rest.
  if (k == i || fold_at(s_, k).c != 'd') return std::nullopt;
  Designation d;
  if (read_code_reference(k, d) || read_annex_code(k, d) || read_same_text(k, d) != npos) return d;
  static constexpr std::array<std::string_view, 5> kOf = {"du", "de la", "de l'", "des", "de"};
  std::size_t of = match_any(s_, k, kOf);
  if (of == npos) return std::nullopt;
  std::size_t name = skip_spaces(s_, of);
  if (read_named_code(name, d) || read_named_text(name, d) || read_constitution(name, d) ||
      read_unnamed_text(name, d))
    return d;
  return std::nullopt;
}

// Digits before the first hyphen: 3 for "L. 162-5-3", 4 for "L. 1111-15". Recodified codes
// (travail, santé publique…) number in thousands, older ones (sécurité sociale) in hundreds.
std::size_t first_group_digits(const NumberToken& n) {
  std::size_t start = n.prefix.size();
  std::size_t end = n.normalised.find_first_not_of("0123456789", start);
  return (end == std::string::npos ? n.normalised.size() : end) - start;
}

// Whether two numbers of one shape sit in one book of a code: the digits of their first group
// but the last two (title and chapter) agree: "L. 323-3" and "L. 323-3-1", "L. 4111-2" and
// "L. 4131-1-1" do, "L. 431-1" and "L. 751-8" do not.
bool same_book(const NumberToken& a, const NumberToken& b) {
  std::size_t digits = first_group_digits(a);
  if (digits != first_group_digits(b)) return false;
  std::size_t book = digits > 2 ? digits - 2 : 0;
  return a.normalised.compare(a.prefix.size(), book, b.normalised, b.prefix.size(), book) == 0;
}

// After a member: "et suivants", a pinpoint in parentheses ("41-2 (6°)") — read over. Returns
// the new end.
std::size_t Scanner::after_member(std::size_t end, Item& item) const {
  std::size_t k = skip_spaces(s_, end);
  static constexpr std::array<std::string_view, 2> kFollowing = {"et suivants", "et suivant"};
  if (std::size_t e = match_any(s_, k, kFollowing); e != npos) {
    end = e;
    k = skip_spaces(s_, end);
  }
  if (byte(s_, k) == '(') {
    std::size_t close = s_.find(')', k + 1);
    if (close != npos && close - k < 60) {
      // Only a pinpoint: "(6°)", "(1°, 2° et 3°)", "(1er alinéa)", "(troisième alinéa)".
      std::size_t p = skip_spaces(s_, k + 1);
      bool all = p < close;
      while (p < close && all) {
        std::size_t e = p;
        if (s_[e] == ',') {
          ++e;
        } else {
          while (e < close && !space_len(s_, e) && s_[e] != ',') e += fold_at(s_, e).len;
        }
        all = pinpoint_token(s_.substr(p, e - p));
        p = skip_spaces(s_, e);
      }
      if (all) {
        if (item.pinpoint.empty()) {
          item.pinpoint = std::string(s_.substr(k + 1, close - k - 1));
          item.alinea = alinea_of(item.pinpoint);
        }
        end = close + 1;
      }
    }
  }
  return end;
}

// ", 1er et 2° alinéas, du code…": a pinpoint between commas before a designation. Returns the
// position of the designation (before its spaces), or npos.
std::size_t Scanner::comma_pinpoint(std::size_t end, std::string& pinpoint) const {
  std::size_t k = skip_spaces(s_, end);
  if (byte(s_, k) != ',') return npos;
  std::size_t p = skip_spaces(s_, k + 1);
  const std::size_t from = p;
  bool any = false;
  for (int n = 0; n < 12 && p < s_.size(); ++n) {
    if (s_[p] == ',') {
      if (!any) return npos;
      std::size_t to = p;
      while (to > from && space_len(s_, to - 1) == 1) --to;
      pinpoint = std::string(s_.substr(from, to - from));
      return p + 1;
    }
    std::size_t e = p;
    while (e < s_.size() && !space_len(s_, e) && s_[e] != ',') e += fold_at(s_, e).len;
    if (!pinpoint_token(s_.substr(p, e - p))) return npos;
    any = true;
    p = skip_spaces(s_, e);
  }
  return npos;
}

// Gives `d` to the members it covers, the last first. A designation covers the members since the
// previous one, with three exceptions for prefixed numbers, which belong to the citing code
// unless said otherwise:
// - across a new "article", a member of another book ("l'article L. 431-1 et aux articles
//   L. 751-8 et L. 752-3 du code rural": the two codes' parallel provisions) stays in the citing
//   code; one of the same book ("l'article L. 323-3 ainsi que les articles L. 323-3-1 … du code
//   de la sécurité sociale") is of the code named;
// - a number of another shape ("aux articles L. 162-5-3 et L. 1111-15 du code de la santé
//   publique": hundreds against thousands) stays in the citing code;
// - a text designation, or a text we cannot name, covers only the member right before it.
void Scanner::designate(std::vector<Item>& items, std::size_t designation) const {
  const Designation& d = designations_[designation];
  bool crossed = false;
  const Item& last = items.back();
  for (std::size_t k = items.size(); k-- > 0;) {
    Item& item = items[k];
    if (item.designated || item.possessive) break;  // "ses articles" keep their code
    bool prefixed = !item.first.prefix.empty();
    bool covers = true;
    bool carried = false;
    if (prefixed && k + 1 != items.size()) {
      if (d.kind != Designation::Kind::kCode && d.kind != Designation::Kind::kFormerCode)
        covers = false;
      // A member of another shape (prefixed before a bare number of the code named, hundreds
      // before thousands), or of another book across a new "article".
      bool other_shape = last.first.prefix.empty() ||
                         first_group_digits(item.first) != first_group_digits(last.first);
      if (other_shape ? crossed || !last.first.prefix.empty()
                      : crossed && !same_book(item.first, last.first))
        carried = true;
    }
    if (prefixed && d.kind == Designation::Kind::kUnnamedText) covers = false;
    if (covers) {
      item.designated = true;
      item.designation = designation;
      item.carried_back = carried;
    }
    if (item.own_keyword) crossed = true;
    if (item.after_exception) break;
  }
}

// From the first member of a group (already read), reads the rest of the group and its
// designations, then emits its citations. Returns where the scan resumes.
std::size_t Scanner::group_from(Item first) {
  std::vector<Item> items;
  read_range(first.first.end, first);
  items.push_back(std::move(first));
  std::size_t end = items.back().last.ok() ? items.back().last.end : items.back().first.end;
  // A bare member has the shape of the members since the last "article" ("articles L. 1, L. 2",
  // "des articles 50-0 et 102 ter").
  bool prefixed_list = !items.front().first.prefix.empty();
  for (;;) {
    end = after_member(end, items.back());
    std::optional<Designation> d = read_designation(end);
    if (!d) {
      // ", 1er et 2° alinéas, du code …", and a bare ", du code …".
      std::string pinpoint;
      std::size_t at = comma_pinpoint(end, pinpoint);
      if (at == npos && byte(s_, skip_spaces(s_, end)) == ',') at = skip_spaces(s_, end) + 1;
      if (at != npos) {
        d = read_designation(at);
        if (d && d->kind != Designation::Kind::kCode) d.reset();
        if (d && items.back().pinpoint.empty() && !pinpoint.empty()) {
          items.back().pinpoint = pinpoint;
          items.back().alinea = alinea_of(pinpoint);
        }
      }
    }
    if (d) {
      designations_.push_back(*d);
      designate(items, designations_.size() - 1);
      if (d->kind == Designation::Kind::kText) emit_text(*d);
      end = d->end;
    }
    bool exception = false;
    std::size_t after = read_separator(end, &exception);
    if (after == npos) break;
    Item next;
    std::size_t at = read_reintroduction(after, next);
    if (at == npos) break;
    next.first = read_number(at, next.own_keyword);
    if (!next.first.ok()) break;
    // A bare list member has the shape of the group: "articles L. 1, L. 2", "articles 5, 6";
    // not "l'article L. 1, 2 000 euros".
    if (!next.own_keyword && next.first.prefix.empty() == prefixed_list) break;
    if (next.own_keyword) prefixed_list = !next.first.prefix.empty();
    const Item& previous = items.back();
    next.after_exception = exception;
    if (exception && previous.designated &&
        designations_[previous.designation].kind == Designation::Kind::kCode) {
      next.excepted = true;
      next.exception_of = previous.designation;
    } else if (!exception && !next.own_keyword && previous.excepted) {
      next.excepted = true;
      next.exception_of = previous.exception_of;
    }
    read_range(next.first.end, next);
    end = next.last.ok() ? next.last.end : next.first.end;
    items.push_back(std::move(next));
  }
  emit(items);
  return end;
}

void Scanner::emit_text(const Designation& d) {
  if (d.text_begin == npos) return;
  Citation c;
  c.begin = d.text_begin;
  c.end = d.text_end;
  c.kind = CitationKind::kExternalText;
  c.text = d.text;
  out_.push_back(std::move(c));
}

void Scanner::emit(std::vector<Item>& items) {
  // The code of "ses articles …", for that member and the bare members after it.
  std::optional<std::string> possessive;
  for (Item& item : items) {
    if (item.own_keyword) possessive.reset();
    if (item.possessive) possessive = last_code_;
    const Designation* d = item.designated ? &designations_[item.designation]
                           : item.excepted ? &designations_[item.exception_of]
                                           : nullptr;
    // "article 1er" of a text we cannot tell, or of a text we cannot name, is nothing we can
    // link.
    if (!d && !possessive && item.first.prefix.empty() && !item.annex && !options_.bare_numbers)
      continue;
    if (d &&
        (d->kind == Designation::Kind::kUnnamedText || d->kind == Designation::Kind::kFormerCode))
      continue;
    Citation c;
    c.begin = item.first.begin;
    c.end = item.last.ok() ? item.last.end : item.first.end;
    c.number_text = std::string(s_.substr(item.first.begin, item.first.end - item.first.begin));
    c.number = ArticleNumber(item.first.normalised);
    if (item.last.ok()) {
      c.last_text = std::string(s_.substr(item.last.begin, item.last.end - item.last.begin));
      c.last = ArticleNumber(item.last.normalised);
    }
    c.pinpoint = std::move(item.pinpoint);
    c.alinea = item.alinea;
    if (!d && possessive) {
      c.designation = CodeDesignation::kSameCode;
      c.code_title = *possessive;
    } else if (!d) {
      // Nothing named: a prefixed number is an article of the citing code, unless the same
      // number was cited earlier as an article of another code ("… de l'article L. 6314-1 du
      // code de la santé publique … au premier alinéa du même article L. 6314-1").
      c.designation = CodeDesignation::kImplicit;
      c.context_code = last_code_;
      std::string key = c.number.key();
      auto earlier = std::find_if(named_numbers_.begin(), named_numbers_.end(),
                                  [&](const auto& e) { return e.first == key; });
      if (earlier != named_numbers_.end()) {
        c.designation = CodeDesignation::kSameCode;
        c.code_title = earlier->second;
        c.context_code.clear();
      } else if (const std::string* title = introduced_code(c.begin)) {
        c.designation = CodeDesignation::kNamed;
        c.code_title = *title;
        c.context_code.clear();
      }
    } else if (d->kind == Designation::Kind::kCode) {
      c.designation = d->code;
      c.code_title = d->code_title;
      c.carried_back = item.carried_back;
      if (!c.code_title.empty() && !c.carried_back)
        named_numbers_.emplace_back(c.number.key(), c.code_title);
    } else {
      c.kind = CitationKind::kExternalArticle;
      c.text = d->text;
    }
    out_.push_back(std::move(c));
  }
}

// "article L. 133-6", "articles 5 et 6 de la loi …", "art. R. 133-2-10".
std::size_t Scanner::after_keyword(std::size_t keyword_begin, std::size_t keyword_end) {
  std::size_t at = skip_spaces(s_, keyword_end);
  if (at == keyword_end && s_[keyword_end - 1] != '.') return keyword_end;
  Item first;
  first.own_keyword = true;
  first.first = read_number(at, true);
  if (!first.first.ok()) return keyword_end;
  // Look back no further than the previous citation, nor than a few words.
  std::size_t floor = out_.empty() ? 0 : std::min(out_.back().end, keyword_begin);
  floor = std::max(floor, keyword_begin > 160 ? keyword_begin - 160 : std::size_t{0});
  Pinpoint pinpoint = pinpoint_before(s_, keyword_begin, floor);
  first.pinpoint = std::move(pinpoint.text);
  first.alinea = pinpoint.alinea;
  if (options_.bare_numbers && first.first.prefix.empty()) follows_text_name(keyword_begin, first);
  // "le livre des procédures fiscales, et notamment ses articles L. 97 à L. 99": the articles
  // of the code named last, unless a code is named after them.
  std::size_t before = keyword_begin;
  while (before > 0 && space_len(s_, before - 1) == 1) --before;
  static constexpr std::array<std::string_view, 2> kPossessive = {"ses", "son"};
  bool possessive = before >= 3 && word_starts_at(s_, before - 3) &&
                    match_any(s_, before - 3, kPossessive) == before;
  if (possessive && !last_code_.empty()) {
    first.possessive = true;
  } else if (possessive && options_.bare_numbers && !first.designated) {
    // "la loi organique … entrera en vigueur en vertu de son article 10": the article of a text
    // the sentence spoke of, not of the citing code.
    Designation d;
    d.kind = Designation::Kind::kUnnamedText;
    d.end = keyword_begin;
    designations_.push_back(std::move(d));
    first.designated = true;
    first.designation = designations_.size() - 1;
  }
  return group_from(std::move(first));
}

// "Loi constitutionnelle n° 2008-724 du 23 juillet 2008 article 46 I", "… du 4 octobre 1958 -
// article 60": an article written right after a text's name, with nothing but spaces, a comma or
// a dash between, is that text's. Designates `first` and returns true when it is.
bool Scanner::follows_text_name(std::size_t keyword_begin, Item& first) {
  if (out_.empty() || out_.back().kind != CitationKind::kExternalText) return false;
  std::size_t k = out_.back().end;
  while (k < keyword_begin) {
    if (std::size_t n = space_len(s_, k)) {
      k += n;
    } else if (s_[k] == ',' || hyphen_len(s_, k) || s_[k] == '-') {
      k += std::max<std::size_t>(hyphen_len(s_, k), 1);
    } else {
      return false;
    }
  }
  Designation d;
  d.kind = Designation::Kind::kText;
  d.text = out_.back().text;
  d.end = keyword_begin;
  designations_.push_back(std::move(d));
  first.designated = true;
  first.designation = designations_.size() - 1;
  return true;
}

// "l'annexe 2-4 du code de l'action sociale et des familles", "l'annexe à l'article A. 931-11-17".
std::size_t Scanner::after_annex(std::size_t i) {
  std::size_t k = match_word(s_, i, "annexe");
  std::size_t p = skip_spaces(s_, k);
  if (p == k) return k;
  static constexpr std::array<std::string_view, 3> kOfArticle = {"a l'article", "de l'article",
                                                                 "a l'art."};
  std::size_t which = 0;
  if (std::size_t e = match_any(s_, p, kOfArticle, &which); e != npos) {
    if (which != 1 && s_[p] == 'a') return k;  // "à", not the verb
    NumberToken n = read_number(skip_spaces(s_, e), false);
    if (!n.ok() || n.prefix.empty()) return k;
    Item item;
    item.annex = true;
    item.first = n;
    item.first.begin = i;
    item.first.normalised = "Annexe \xC3\xA0 l'article " + n.normalised;
    std::vector<Item> items;
    if (auto d = read_designation(n.end); d && d->kind == Designation::Kind::kCode) {
      item.designated = true;
      designations_.push_back(*d);
      item.designation = designations_.size() - 1;
      items.push_back(std::move(item));
      emit(items);
      return d->end;
    }
    items.push_back(std::move(item));
    emit(items);
    return n.end;
  }
  // "annexe 2-4", "annexe II", "annexe 1 bis": an annex of a code needs the code named.
  std::size_t e = p;
  while (e < s_.size() &&
         (is_digit(s_[e]) || s_[e] == '-' || s_[e] == 'I' || s_[e] == 'V' || s_[e] == 'X'))
    ++e;
  if (e == p || !word_ends_at(s_, e) || s_[e - 1] == '-') return k;
  std::string number = "Annexe " + std::string(s_.substr(p, e - p));
  std::size_t q = skip_spaces(s_, e);
  for (std::string_view ordinal : latin_ordinals()) {
    if (std::size_t oe = match_word(s_, q, ordinal); oe != npos && q > e) {
      number += ' ';
      number += ordinal;
      e = oe;
      break;
    }
  }
  auto d = read_designation(e);
  if (!d || d->kind != Designation::Kind::kCode) return k;
  Item item;
  item.annex = true;
  item.first.begin = i;
  item.first.end = e;
  item.first.normalised = std::move(number);
  item.designated = true;
  designations_.push_back(*d);
  item.designation = designations_.size() - 1;
  std::vector<Item> items;
  items.push_back(std::move(item));
  emit(items);
  return d->end;
}

// ---------------------------------------------------------------------------------------------
// Lists introduced by a code: "2° Aux dispositions suivantes du code de la santé publique, … :",
// then "a) L'article L. 4113-5 …", "b) …": the items are articles of that code.

bool is_line_break(char c) { return c == '\n' || c == kBlockBreak; }

// The kind of list marker a line starts with: 'a' for "a)", '1' for "1°", 'I' for "II.-" or
// "III)", '-' for a dash; 0 for none.
char list_marker(std::string_view s, std::size_t i) {
  std::size_t e = i;
  if (is_digit(s[i])) {
    while (e < s.size() && is_digit(s[e])) ++e;
    return byte(s, e) == 0xC2 && (byte(s, e + 1) == 0xB0 || byte(s, e + 1) == 0xBA) ? '1' : 0;
  }
  if (s[i] == '-' || (byte(s, i) == 0xE2 && byte(s, i + 1) == 0x80 &&
                      (byte(s, i + 2) == 0x93 || byte(s, i + 2) == 0x94)))
    return '-';
  while (e < s.size() && e - i < 6 && (s[e] == 'I' || s[e] == 'V' || s[e] == 'X')) ++e;
  if (e > i && (byte(s, e) == '.' || byte(s, e) == ')' || byte(s, e) == '-')) return 'I';
  e = i;
  while (e < s.size() && e - i < 3 && is_lower(s[e])) ++e;
  return e > i && byte(s, e) == ')' ? 'a' : 0;
}

// Whether the code title at `at` is preceded by "suivantes du", "suivants de la"… A code named
// just before a colon is not enough: "… à taux plein au sens du code de la sécurité sociale :"
// introduces conditions, not articles.
bool introduces_list(std::string_view s, std::size_t at) {
  std::size_t k = at;
  for (int words = 0; words < 3 && k > 0; ++words) {
    while (k > 0 && space_len(s, k - 1) == 1) --k;
    std::size_t word_end = k;
    while (k > 0 && is_word_at(s, k - 1)) --k;
    std::string_view word = s.substr(k, word_end - k);
    if (word == "suivantes" || word == "suivants") return true;
    if (word != "du" && word != "de" && word != "la" && word != "des") return false;
  }
  return false;
}

void Scanner::find_introduced_lists() {
  // Only a line ending with a colon introduces a list: the scan goes from colon to colon.
  for (std::size_t colon = s_.find(':'); colon != npos; colon = s_.find(':', colon + 1)) {
    // What follows the colon up to the line's end must be spaces.
    std::size_t k = colon + 1;
    while (k < s_.size() && !is_line_break(s_[k]) && space_len(s_, k) > 0) k += space_len(s_, k);
    if (k < s_.size() && !is_line_break(s_[k])) continue;
    std::size_t line = colon;
    while (line > 0 && !is_line_break(s_[line - 1])) --line;
    if (!introduced_lists_.empty() && line < introduced_lists_.back().end) continue;
    // The items: the lines after it that start with the marker the first one starts with.
    IntroducedList list{line, k, k};
    char kind = 0;
    for (std::size_t item = k + 1; item < s_.size();) {
      item = skip_spaces(s_, item);
      if (item >= s_.size()) break;
      char marker = list_marker(s_, item);
      if (marker == 0 || (kind != 0 && marker != kind)) break;
      kind = marker;
      std::size_t item_end = item;
      while (item_end < s_.size() && !is_line_break(s_[item_end])) ++item_end;
      list.end = item_end;
      item = item_end + 1;
    }
    if (list.end > list.begin) introduced_lists_.push_back(list);
  }
}

// The code the introduction of the list around `at` names on its own, last, if any. The
// introduction lies before `at`, so its code names were already read.
const std::string* Scanner::introduced_code(std::size_t at) const {
  for (const IntroducedList& list : introduced_lists_) {
    if (at < list.begin || at >= list.end) continue;
    const std::string* found = nullptr;
    for (const CodeMention& mention : code_mentions_)
      if (mention.at >= list.line && mention.at < list.begin) found = &mention.title;
    return found;
  }
  return nullptr;
}

// A text named on its own: "le décret n° 2013-597 du 8 juillet 2013".
std::size_t Scanner::standalone_text(std::size_t i) {
  ExternalText text;
  std::size_t end = match_legal_text(s_, i, text);
  if (end == npos) return npos;
  Designation d;
  d.kind = Designation::Kind::kText;
  d.text = text;
  d.text_begin = i;
  d.text_end = end;
  remember_text(text);
  emit_text(d);
  return end;
}

}  // namespace

std::vector<Citation> find_citations(std::string_view text, CitationOptions options) {
  return Scanner(text, options).run();
}

std::optional<std::string_view> cited_code_title(const Citation& c, std::string_view citing_code,
                                                 const ArticleNumber& citing_article,
                                                 bool citing_code_has_it,
                                                 bool citing_code_numbers_alike) {
  auto same_code = [](std::string_view a, std::string_view b) {
    auto key = [](std::string_view t) {
      std::string k = fold_title(t, 200, nullptr);
      while (!k.empty() && (k.back() == '.' || k.back() == ' ')) k.pop_back();
      return k;
    };
    return key(a) == key(b);
  };
  switch (c.designation) {
    case CodeDesignation::kNone:
    case CodeDesignation::kThisCode:
      return std::string_view();
    case CodeDesignation::kImplicit:
      // Thousands before a hyphen ("L. 4113-5", the recodified codes) cited from an article
      // numbered in hundreds ("L162-31-1"), and a number without hyphen ("L. 320", the old code
      // du travail) cited from one with, are not the citing code's unless it numbers articles
      // alike; anything else may be one of its articles, if only a repealed one.
      if (const NumberShape cited = number_shape(c.number.text()),
          citing = number_shape(citing_article.text());
          citing_code_has_it || citing_code_numbers_alike || citing.digits == 0 ||
          !((cited.digits >= 4 && cited.hyphenated && citing.digits <= 3) ||
            (c.number.text().find('-') == std::string::npos &&
             citing_article.text().find('-') != std::string::npos)))
        return std::string_view();
      // The code named before it, if that is another.
      if (c.context_code.empty() || same_code(c.context_code, citing_code)) return std::nullopt;
      return std::string_view(c.context_code);
    case CodeDesignation::kSameCode:
    case CodeDesignation::kNamed:
      if (c.code_title == kConstitution &&
          fold_title(citing_code, 200, nullptr).rfind("constitution", 0) == 0)
        return std::string_view();
      return c.carried_back && citing_code_has_it ? std::string_view()
                                                  : std::string_view(c.code_title);
  }
  return std::string_view();
}

std::string describe_citation(const Citation& c, std::string_view text) {
  // The text covered, on one line: any run of spaces (a line break in "L.\n131-6") as one space.
  std::string out = "\xC2\xAB";
  if (c.begin <= c.end && c.end <= text.size())
    out += collapse_spaces(text.substr(c.begin, c.end - c.begin));
  out += "\xC2\xBB ";
  auto text_name = [](const ExternalText& t) {
    std::string s = t.kind;
    if (!t.number.empty()) s += " n\xC2\xB0 " + t.number;
    if (!t.date_iso.empty()) s += " du " + t.date_iso;
    return s;
  };
  const std::string articles = c.is_range() ? "articles " + c.number.text() + " to " + c.last.text()
                                            : "article " + c.number.text();
  switch (c.kind) {
    case CitationKind::kExternalText:
      out += "text " + text_name(c.text);
      return out;
    case CitationKind::kExternalArticle:
      out += articles + " of " + text_name(c.text);
      break;
    case CitationKind::kCodeArticle:
      out += articles;
      switch (c.designation) {
        case CodeDesignation::kImplicit:
        case CodeDesignation::kNone:
          out += c.context_code.empty() ? " (citing code)"
                                        : " (citing code; named before: " + c.context_code + ")";
          break;
        case CodeDesignation::kThisCode:
          out += " (pr\xC3\xA9sent code)";
          break;
        case CodeDesignation::kSameCode:
          out += " (m\xC3\xAAme code: " +
                 (c.code_title.empty() ? std::string("citing code") : c.code_title) +
                 (c.carried_back ? ", carried back)" : ")");
          break;
        case CodeDesignation::kNamed:
          out += " (" + c.code_title + (c.carried_back ? ", carried back)" : ")");
          break;
      }
      break;
  }
  if (!c.pinpoint.empty()) out += " at \"" + c.pinpoint + "\"";
  if (c.alinea > 0)
    out +=
        " alin\xC3\xA9"
        "a " +
        std::to_string(c.alinea);
  return out;
}

}  // namespace legisite
