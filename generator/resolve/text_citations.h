#pragma once
/// The plain text of a version's sanitised HTML, and where each of its bytes came from, so that
/// citations found in the plain text (citations/citations.h) can be put back into the HTML as
/// links. The phase that uses it, resolve_text_citations, is declared in resolve.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace legisite {

/// A run of text_html copied to the plain text unchanged (entities included, as written).
struct TextSegment {
  std::size_t plain = 0;  // offset in PlainText::text
  std::size_t html = 0;   // offset in the HTML
  std::size_t size = 0;
  /// Index in PlainText::links of the <a> element this text sits in, or kNoLink.
  std::size_t link = static_cast<std::size_t>(-1);
};

/// An <a> element of the HTML: its href as written (entities not decoded) and where its text is.
struct SourceAnchor {
  std::string href;
  std::size_t text_begin = 0;  // HTML offset just after the start tag
  std::size_t text_end = 0;    // HTML offset of "</a>" (or of the end of the text)
};

/// The text of some sanitised HTML as the citation parser reads it: the text nodes in order,
/// a line break where a <br> separates them (so "L.<br/>131-6" reads "L.\n131-6"), kBlockBreak
/// (citations.h) where a block does (no citation crosses a paragraph), nothing for inline tags
/// ("1<sup>er</sup>" reads "1er"). The text of <a> elements is kept, so that "du même code" after a
/// link still knows the code the link named.
struct PlainText {
  static constexpr std::size_t kNoLink = static_cast<std::size_t>(-1);
  std::string text;
  std::vector<TextSegment> segments;  // in order; the line breaks between them are in no segment
  std::vector<SourceAnchor> links;

  /// The HTML ranges that [begin, end) of `text` covers: one per segment it touches, trimmed of
  /// spaces, never cutting an entity, never empty. `link` of each range tells whether it lies in
  /// an <a> of the source.
  std::vector<TextSegment> html_ranges(std::size_t begin, std::size_t end) const;
};

/// Reads sanitised HTML (the output of the sources stage's sanitiser: well-formed, attributes
/// quoted, '<' only in tags). Never fails.
PlainText plain_text_of(std::string_view html);

}  // namespace legisite
