#pragma once

#include <string>
#include <string_view>

namespace legisite {

/// Turns untrusted HTML (a CONTENU block, an API texteHtml, raw HTML in Markdown, cmark's output)
/// into a safe, well-formed subset that is also valid XML: p, br, ul, ol, li, table, thead, tbody,
/// tfoot, tr, th, td (colspan, rowspan), em, strong, sup, sub, u, s, blockquote, pre, code, h3-h6,
/// a (href only when http, https, mailto, relative or a fragment). Script, style, details (a
/// source's folded apparatus) and similar elements are dropped with their content; any other
/// element is dropped but its text kept; named and numeric entities are decoded to UTF-8 and only &
/// < > " are re-escaped. Never fails.
std::string sanitize_html(std::string_view html);

}  // namespace legisite
