#pragma once
/// French typography for the words the generator writes (counts, labels, link entries): each rule
/// once, applied by render. Law text is never passed through these, except superscript_ordinals,
/// which only adds markup around a word and so may run over a whole page.

#include <cstdint>
#include <string>
#include <string_view>

namespace legisite {

/// U+202F NARROW NO-BREAK SPACE: between groups of digits, before ; ? ! (French "espace fine").
inline constexpr std::string_view kThinSpace = "\u202F";
/// U+00A0 NO-BREAK SPACE: before a colon (French "espace insécable").
inline constexpr std::string_view kNoBreakSpace = "\u00A0";

/// `n` with its digits grouped by three from the right with thin spaces when it has four or more
/// ("999", "7\u202F372", "22\u202F190"), as French prints every such number.
std::string french_number(std::uint64_t n);

/// `text` with each ASCII space before ':' made no-break and before ';', '?' and '!' made thin
/// ("modifications : +3 mots" -> "modifications\u00A0: +3 mots"). Only a space directly before the
/// mark is changed; a mark with no space before it gets none.
std::string french_spacing(std::string_view text);

/// `text` without Légifrance's empty state marks " ()" ("art. 2 () JORF" -> "art. 2 JORF"): the
/// export leaves them where a linked text had no state; they say nothing.
std::string without_empty_parentheses(std::string_view text);

/// Writes every "1er" standing as a word in the text content of `html` as "1<sup>er</sup>", as
/// French prints "premier" ("article 1<sup>er</sup>", "1<sup>er</sup> janvier 2024"). A word is
/// "1er" with no letter, digit or '_' on either side and none of ". , - /" before it, so "R1er",
/// "11er", "1ers", "2.1er" and ".../1er" in a printed address stay. Attributes, comments and the
/// contents of script, style, title, textarea, option, pre, code, sup and sub are left alone:
/// URLs, JSON and plain-text elements keep the bare word. Returns whether `html` changed.
bool superscript_ordinals(std::string& html);

}  // namespace legisite
