#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace legisite {

/// Turns untrusted HTML (a CONTENU block, an API texteHtml, raw HTML in Markdown, cmark's output)
/// into a safe, well-formed subset that is also valid XML: p, br, ul, ol, li, table, thead, tbody,
/// tfoot, tr, th, td (colspan, rowspan), em, strong, sup, sub, u, s, blockquote, pre, code, h3-h6,
/// a (href only when http, https, mailto, relative or a fragment). Script, style, details (a
/// source's folded apparatus) and similar elements are dropped with their content; any other
/// element is dropped but its text kept; named and numeric entities are decoded to UTF-8 and only &
/// < > " are re-escaped. Never fails.
std::string sanitize_html(std::string_view html);

/// What sanitize_html left out of a text that a reader would have seen, for the caller to report
/// where it knows the text came from. Dropped tags, comments, blank content and <details> (a
/// source's apparatus, left out on purpose) are not losses.
struct HtmlLoss {
  /// The first element whose text was left out ("svg", "style", "!--" for a comment); "" if none.
  std::string element;
  /// It was never closed (nor its tag or comment ended): everything after it was left out.
  bool unclosed = false;
  /// The start of the first text left out, spaces collapsed.
  std::string excerpt;
  /// How many elements had text left out.
  std::size_t elements = 0;
  /// Start tags past the nesting limit: dropped, their text kept.
  std::size_t too_deep = 0;

  bool empty() const { return elements == 0 && too_deep == 0; }
  /// One warning message per kind of loss (the same words for the same element, so that a
  /// grouped report folds them), each with its note; none when empty().
  std::vector<std::pair<std::string, std::string>> messages() const;
};

/// sanitize_html, telling in `loss` what it left out.
std::string sanitize_html(std::string_view html, HtmlLoss& loss);

/// sanitize_html of a text as Légifrance publishes it (an API dump's texteHtml, a LEGI XML
/// CONTENU). Its links are root-relative (href='/affichTexte.do?cidTexte=…'): on the published
/// site they would point nowhere. Made absolute, they lead to Légifrance and keep the ids a later
/// stage uses to link inside the site.
std::string sanitize_legifrance_html(std::string_view html, HtmlLoss& loss);

}  // namespace legisite
