#pragma once
/// Markdown to HTML, the only door to cmark-gfm: nothing else includes its headers.

#include <string>
#include <string_view>

namespace legisite {

/// Renders CommonMark with the GFM table, strikethrough and autolink extensions. Raw HTML in the
/// Markdown is passed through as written (CMARK_OPT_UNSAFE): the result is NOT safe to publish
/// until it has been through sanitize_html, which is where unsafe markup is removed. Markdown never
/// fails to parse, so this never fails.
std::string markdown_to_html(std::string_view markdown);

}  // namespace legisite
