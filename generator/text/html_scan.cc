#include "text/html_scan.h"

#include "text/ascii.h"

namespace legisite {

bool starts_markup(std::string_view html, std::size_t at) {
  if (at + 1 >= html.size() || html[at] != '<') return false;
  const char next = html[at + 1];
  return is_alpha(next) || next == '/' || next == '!';
}

std::size_t markup_end(std::string_view html, std::size_t at) {
  if (html.compare(at, 4, "<!--") == 0) {
    std::size_t close = html.find("-->", at + 4);
    return close == std::string_view::npos ? close : close + 3;
  }
  char quote = 0;
  for (std::size_t i = at + 1; i < html.size(); ++i) {
    if (quote) {
      if (html[i] == quote) quote = 0;
    } else if (html[i] == '"' || html[i] == '\'') {
      quote = html[i];
    } else if (html[i] == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

std::string_view tag_name(std::string_view html, std::size_t at, std::size_t end) {
  std::size_t begin = at + 1;
  if (begin < end && html[begin] == '/') ++begin;
  if (begin >= end || !is_alpha(html[begin])) return {};
  std::size_t name_end = begin;
  while (name_end < end && is_alnum(html[name_end])) ++name_end;
  return html.substr(begin, name_end - begin);
}

std::size_t end_tag_at(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t i = html.find("</", from); i != std::string_view::npos;
       i = html.find("</", i + 2)) {
    std::string_view rest = html.substr(i + 2);
    if (starts_with_ignoring_case(rest, name) &&
        (rest.size() == name.size() || !is_alnum(rest[name.size()])))
      return i;
  }
  return html.size();
}

}  // namespace legisite
