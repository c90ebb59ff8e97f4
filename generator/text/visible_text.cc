#include "text/visible_text.h"

#include <array>

#include "text/ascii.h"
#include "text/html_entities.h"
#include "text/html_scan.h"
#include "text/spaces.h"

namespace legisite {

namespace {

// Inline elements sit inside words ("<em>exception</em>."): they separate nothing.
bool is_inline_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kInline = {
      "a", "em", "strong", "b", "i", "u", "s", "sup", "sub", "span", "code", "abbr", "small"};
  const std::string lowered = lower(name);
  for (std::string_view inline_name : kInline)
    if (lowered == inline_name) return true;
  return false;
}

}  // namespace

std::string visible_text(std::string_view html) {
  std::string text;
  text.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const std::size_t end = starts_markup(html, i) ? markup_end(html, i) : std::string_view::npos;
    if (end != std::string_view::npos) {
      if (!is_inline_tag(tag_name(html, i, end))) text += ' ';
      i = end;
      continue;
    }
    std::size_t consumed = 0;
    if (html[i] == '&' && decode_html_entity(html.substr(i), text, consumed)) {
      i += consumed;
      continue;
    }
    text += html[i++];
  }
  std::string out = collapse_spaces(text);
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace legisite
