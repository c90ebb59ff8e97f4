#include "citations/legal_texts.h"

#include <array>

#include "citations/french_text.h"
#include "text/french_date.h"

namespace legisite {

using namespace french_text;

namespace {

/// The kinds of text other than codes that a citation can name, as written and folded.
struct TextKindInfo {
  std::string_view folded;  // pattern
  std::string_view name;    // ExternalText::kind
};
constexpr std::array<TextKindInfo, 10> kTextKinds = {{
    {"loi organique", "loi organique"},
    {"loi constitutionnelle", "loi constitutionnelle"},
    {"loi", "loi"},
    {"decret-loi", "décret-loi"},
    {"decret", "décret"},
    {"ordonnance", "ordonnance"},
    {"arrete interministeriel", "arrêté"},
    {"arrete", "arrêté"},
    {"reglement", "règlement"},
    {"directive", "directive"},
}};

}  // namespace

std::size_t match_french_date(std::string_view s, std::size_t i, std::string& iso) {
  std::size_t k = i;
  int day = 0;
  if (std::size_t e = match_word(s, k, "1er"); e != npos) {
    day = 1;
    k = e;
  } else if (std::size_t e2 = match_word(s, k, "premier"); e2 != npos) {
    day = 1;
    k = e2;
  } else {
    std::size_t d = k;
    while (d < s.size() && d - k < 2 && is_digit(s[d])) day = day * 10 + (s[d++] - '0');
    if (d == k || !word_ends_at(s, d)) return npos;
    k = d;
  }
  if (day < 1 || day > 31) return npos;
  std::size_t m = skip_spaces(s, k);
  if (m == k) return npos;
  std::size_t month = 0;
  std::size_t after_month = match_any(s, m, kFrenchMonthsFolded, &month);
  if (after_month == npos) return npos;
  std::size_t y = skip_spaces(s, after_month);
  if (y == after_month) return npos;
  std::size_t e = y;
  while (e < s.size() && e - y < 4 && is_digit(s[e])) ++e;
  if (e - y != 4 || !word_ends_at(s, e)) return npos;
  iso = std::string(s.substr(y, 4)) + '-' + (month < 9 ? "0" : "") + std::to_string(month + 1) +
        '-' + (day < 10 ? "0" : "") + std::to_string(day);
  return e;
}

namespace {

// The kind a text citation starts with ("loi", "décret"…), and after règlements and directives
// "(CE)", "(UE)" or "(CEE)"; false when `i` starts none. `p` is where what follows starts.
bool match_text_kind(std::string_view s, std::size_t i, std::string& kind, std::size_t& p) {
  std::size_t k = npos;
  for (const TextKindInfo& info : kTextKinds) {
    k = match_word(s, i, info.folded);
    if (k != npos) {
      kind = std::string(info.name);
      break;
    }
  }
  if (k == npos) return false;
  p = skip_spaces(s, k);
  if (byte(s, p) == '(') {
    std::size_t q = p + 1;
    while (q < s.size() && q - p < 6 && is_upper(s[q])) ++q;
    if (byte(s, q) == ')' && q > p + 1) {
      kind += ' ';
      kind.append(s.substr(p, q + 1 - p));
      p = skip_spaces(s, q + 1);
    }
  }
  return true;
}

// Where the number after "n°", "n °", "nº" or "no" (followed by a digit) starts; npos when `p`
// starts none of them.
std::size_t after_number_sign(std::string_view s, std::size_t p) {
  static constexpr std::array<std::string_view, 4> kNo = {"n\xC2\xB0", "n \xC2\xB0", "n\xC2\xBA",
                                                          "no"};
  if (p >= s.size() || (s[p] != 'n' && s[p] != 'N')) return npos;
  for (std::string_view no : kNo) {
    if (p + no.size() > s.size()) continue;
    // "n°" is not folded (° has no fold): compare bytes, case-insensitively on the n.
    std::size_t q = p + 1;
    bool ok = true;
    for (std::size_t r = 1; r < no.size() && ok; ++r) {
      if (no[r] == ' ') {
        if (!space_len(s, q)) ok = false;
        q = skip_spaces(s, q);
        continue;
      }
      if (q >= s.size() || s[q] != no[r]) ok = false;
      ++q;
    }
    if (ok && (no != "no" ||
               (space_len(s, q) && is_digit(static_cast<char>(byte(s, skip_spaces(s, q)))))))
      return skip_spaces(s, q);
  }
  return npos;
}

// A text's number from `q`: digits joined by '-' or '/' ("2001-692", "2004/38/CE"); npos unless
// it holds a '-' or a '/' and ends a word.
std::size_t match_text_number(std::string_view s, std::size_t q, std::string& number) {
  if (!is_digit(static_cast<char>(byte(s, q)))) return npos;
  number.clear();
  while (q < s.size()) {
    if (is_digit(s[q])) {
      number += s[q++];
    } else if ((s[q] == '-' || s[q] == '/') && q + 1 < s.size() &&
               (is_digit(s[q + 1]) || (s[q] == '/' && is_upper(s[q + 1])))) {
      number += s[q++];
    } else if (is_upper(s[q]) && !number.empty() &&
               (number.back() == '/' || is_upper(number.back()))) {
      number += s[q++];
    } else if (s[q] == '/' && space_len(s, q + 1) &&
               is_upper(static_cast<char>(byte(s, skip_spaces(s, q + 1)))) &&
               is_upper(static_cast<char>(byte(s, skip_spaces(s, q + 1) + 1)))) {
      // "2006/112/ CE": a space slipped in before the suffix (css-2026, L137-26).
      number += '/';
      q = skip_spaces(s, q + 1);
    } else {
      break;
    }
  }
  if (number.empty() || number.find_first_of("-/") == std::string::npos || !word_ends_at(s, q))
    return npos;
  return q;
}

// After a European text's number, its authors when a date follows them: "du Parlement européen
// et du Conseil du 29 avril 2004", "de la Commission, du 18 décembre 2013". Returns where the
// authors (and that comma) end, else `end`.
std::size_t after_authors(std::string_view s, std::size_t end) {
  static constexpr std::array<std::string_view, 3> kAuthors = {
      "du parlement europeen et du conseil", "du conseil", "de la commission"};
  std::size_t after = match_any(s, skip_spaces(s, end), kAuthors);
  if (after == npos) return end;
  if (std::size_t comma = skip_spaces(s, after); byte(s, comma) == ',') after = comma + 1;
  std::size_t du = match_word(s, skip_spaces(s, after), "du");
  std::string iso;
  return du != npos && match_french_date(s, skip_spaces(s, du), iso) != npos ? after : end;
}

}  // namespace

std::size_t match_legal_text(std::string_view s, std::size_t i, ExternalText& text) {
  std::string kind;
  std::size_t p = npos;
  if (!match_text_kind(s, i, kind, p)) return npos;
  text = ExternalText{};
  text.kind = std::move(kind);
  std::size_t end = npos;
  std::size_t number_at = after_number_sign(s, p);
  // A directive, and a European act since 2015 ("règlement (UE) 2016/679"), may have no "n°".
  if (number_at == npos && (text.kind == "directive" || text.kind.back() == ')')) number_at = p;
  std::string number;
  if (number_at != npos) {
    if (std::size_t q = match_text_number(s, number_at, number); q != npos) {
      text.number = std::move(number);
      end = q;
      p = skip_spaces(s, q);
    }
  }
  if (end != npos) end = after_authors(s, end);
  // "du 1er août 2001".
  if (std::size_t du = match_word(s, end == npos ? p : skip_spaces(s, end), "du"); du != npos) {
    std::string iso;
    std::size_t date_end = match_french_date(s, skip_spaces(s, du), iso);
    if (date_end != npos && skip_spaces(s, du) > du) {
      text.date_iso = std::move(iso);
      end = date_end;
    }
  }
  if (text.number.empty() && text.date_iso.empty()) return npos;
  return end;
}

}  // namespace legisite
