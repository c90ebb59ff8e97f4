#include "text/visible_text.h"

#include <array>

#include "text/ascii.h"
#include "text/html_entities.h"
#include "text/spaces.h"

namespace legisite {

namespace {

// Inline elements sit inside words ("<em>exception</em>."): they separate nothing.
bool is_inline_tag(std::string_view tag) {
  static constexpr std::array<std::string_view, 13> kInline = {
      "a", "em", "strong", "b", "i", "u", "s", "sup", "sub", "span", "code", "abbr", "small"};
  std::size_t i = !tag.empty() && tag[0] == '/' ? 1 : 0;
  std::size_t end = i;
  while (end < tag.size() && is_alnum(tag[end])) ++end;
  std::string name = lower(tag.substr(i, end - i));
  for (std::string_view inline_name : kInline)
    if (name == inline_name) return true;
  return false;
}

}  // namespace

std::string visible_text(std::string_view html) {
  std::string text;
  text.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    char next = i + 1 < html.size() ? html[i + 1] : '\0';
    std::size_t gt = html[i] == '<' && (is_alpha(next) || next == '/' || next == '!')
                         ? html.find('>', i)
                         : std::string_view::npos;
    if (gt != std::string_view::npos) {
      if (!is_inline_tag(html.substr(i + 1, gt - i - 1))) text += ' ';
      i = gt + 1;
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
