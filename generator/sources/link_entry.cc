#include "sources/link_entry.h"

#include <array>
#include <vector>

#include "model/article_number.h"
#include "text/ascii.h"
#include "text/html_entities.h"

namespace legisite {

namespace {

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
  return at <= text.size() && starts_with_ignoring_case(text.substr(at), word);
}

// The value of `name="…"` inside one tag's text (between '<' and '>'), or "".
std::string attribute(std::string_view tag, std::string_view name) {
  for (std::size_t i = 0; i + name.size() < tag.size(); ++i) {
    if (!starts_with_ci(tag, i, name)) continue;
    if (i > 0 && !(tag[i - 1] == ' ' || tag[i - 1] == '\t' || tag[i - 1] == '\n')) continue;
    std::size_t j = i + name.size();
    while (j < tag.size() && tag[j] == ' ') ++j;
    if (j >= tag.size() || tag[j] != '=') continue;
    ++j;
    while (j < tag.size() && tag[j] == ' ') ++j;
    if (j >= tag.size()) return {};
    if (tag[j] == '"' || tag[j] == '\'') {
      std::size_t close = tag.find(tag[j], j + 1);
      if (close == std::string_view::npos) return {};
      return std::string(tag.substr(j + 1, close - j - 1));
    }
    std::size_t end = j;
    while (end < tag.size() && tag[end] != ' ' && tag[end] != '>') ++end;
    return std::string(tag.substr(j, end - j));
  }
  return {};
}

// End of the tag starting at `text[at]` == '<' (index just past its '>'), quotes respected; npos
// when it does not close.
std::size_t tag_end(std::string_view text, std::size_t at) {
  char quote = 0;
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Replaces Markdown links and HTML anchors by their text, remembering their URLs; drops other
// tags and Markdown backslash escapes.
void extract_links(std::string_view in, std::string& plain, std::vector<std::string>& urls) {
  for (std::size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == '\\' && i + 1 < in.size() && is_punct(in[i + 1])) {
      plain += in[i + 1];
      i += 2;
      continue;
    }
    if (c == '[') {
      std::size_t close = in.find(']', i + 1);
      if (close != std::string_view::npos && close + 1 < in.size() && in[close + 1] == '(') {
        int depth = 0;
        std::size_t end = std::string_view::npos;
        for (std::size_t k = close + 2; k < in.size(); ++k) {
          if (in[k] == '(') ++depth;
          if (in[k] == ')' && depth-- == 0) {
            end = k;
            break;
          }
        }
        if (end != std::string_view::npos) {
          std::string_view url = in.substr(close + 2, end - close - 2);
          if (auto space = url.find(' '); space != std::string_view::npos)
            url = url.substr(0, space);
          if (url.size() >= 2 && url.front() == '<' && url.back() == '>')
            url = url.substr(1, url.size() - 2);
          urls.emplace_back(url);
          // The link text holds no ']' (close is the first one), so this recursion is one deep.
          extract_links(in.substr(i + 1, close - i - 1), plain, urls);
          i = end + 1;
          continue;
        }
      }
    }
    if (c == '<') {
      std::size_t end = tag_end(in, i);
      char next = i + 1 < in.size() ? in[i + 1] : '\0';
      if (end != std::string_view::npos && starts_with_ci(in, i, "<http")) {  // <https://…>
        std::string_view url = in.substr(i + 1, end - i - 2);
        urls.emplace_back(url);
        plain += url;
        i = end;
        continue;
      }
      if (end != std::string_view::npos && (is_alpha(next) || next == '/' || next == '!')) {
        if (starts_with_ci(in, i, "<a") &&
            (in[i + 2] == ' ' || in[i + 2] == '\t' || in[i + 2] == '>'))
          urls.push_back(decode_html_entities(attribute(in.substr(i + 1, end - i - 2), "href")));
        i = end;  // the anchor's text follows as ordinary text; </a> is dropped like any tag
        continue;
      }
    }
    plain += c;
    ++i;
  }
}

// Légifrance ids: eight capitals (LEGI + ARTI, JORF + TEXT…) and twelve digits.
std::vector<std::string> find_ids(std::string_view url) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i + 20 <= url.size(); ++i) {
    if (i > 0 && is_upper(url[i - 1])) continue;
    bool ok = true;
    for (std::size_t k = 0; k < 8 && ok; ++k) ok = is_upper(url[i + k]);
    for (std::size_t k = 8; k < 20 && ok; ++k) ok = is_digit(url[i + k]);
    if (ok && (i + 20 == url.size() || !is_digit(url[i + 20]))) {
      ids.emplace_back(url.substr(i, 20));
      i += 19;
    }
  }
  return ids;
}

// Spaces of every kind (NBSP, narrow NBSP, thin space, tabs, newlines) become one ' ', trimmed.
std::string normalize_spaces(std::string_view in) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < in.size();) {
    std::size_t width = 0;
    if (in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r')
      width = 1;
    else if (in.substr(i, 2) == "\xC2\xA0")
      width = 2;
    else if (in.substr(i, 3) == "\xE2\x80\xAF" || in.substr(i, 3) == "\xE2\x80\x89")
      width = 3;
    if (width) {
      space = true;
      i += width;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += in[i++];
  }
  return out;
}

std::string strip_emphasis(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (i + 1 < in.size() &&
        ((in[i] == '*' && in[i + 1] == '*') || (in[i] == '_' && in[i + 1] == '_'))) {
      ++i;
      continue;
    }
    out += in[i];
  }
  return out;
}

// "TRANSFERE: …", "CITATION : …": upper-case words (with '_') then ':'. Returns the type, and
// the rest in `rest`, or "" when there is no such prefix.
std::string take_type_prefix(std::string_view text, std::string_view& rest) {
  std::size_t i = 0;
  int letters = 0;
  while (i < text.size() && (is_upper(text[i]) || text[i] == '_' || text[i] == ' ')) {
    letters += is_upper(text[i]) ? 1 : 0;
    ++i;
  }
  if (i >= text.size() || text[i] != ':' || letters < 2 || text[0] == ' ') return {};
  rest = trim_chars(text.substr(i + 1), " ");
  return std::string(trim_chars(text.substr(0, i), " "));
}

// "… (V)", "… (VT)", "… (Ab)": a capital and up to three letters in parentheses at the very end.
std::string take_status_mark(std::string_view text, std::string_view& rest) {
  if (text.empty() || text.back() != ')') return {};
  std::size_t open = text.rfind('(');
  if (open == std::string_view::npos) return {};
  std::string_view mark = text.substr(open + 1, text.size() - open - 2);
  if (mark.empty() || mark.size() > 4 || !is_upper(mark[0])) return {};
  for (char c : mark)
    if (!is_alpha(c)) return {};
  if (open > 0 && text[open - 1] != ' ') return {};
  rest = trim_chars(text.substr(0, open), " ");
  return std::string(mark);
}

// Separators between a text's title and its article, lower-case (matched case-insensitively).
constexpr std::array<std::string_view, 8> kArticleSeparators = {
    " - art.", " - art ",    " - article ",        ", art.",
    ", art ",  ", article ", " \xE2\x80\x93 art.", " \xE2\x80\x93 art "};

}  // namespace

Link parse_link_entry(std::string_view entry) {
  Link link;
  std::string extracted;
  std::vector<std::string> urls;
  extract_links(entry, extracted, urls);
  std::string text = normalize_spaces(strip_emphasis(decode_html_entities(extracted)));

  std::string_view rest = text;
  link.link_type = take_type_prefix(rest, rest);
  link.status_mark = take_status_mark(rest, rest);
  link.text = std::string(rest);

  std::string folded = lower(link.text);
  std::size_t best = std::string::npos, best_length = 0;
  for (auto separator : kArticleSeparators) {
    std::size_t at = folded.rfind(separator);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      best_length = separator.size();
    }
  }
  std::string_view all = link.text;
  if (best == std::string::npos) {
    link.text_title = std::string(trim_chars(all, " .,;"));
  } else {
    link.text_title = std::string(trim_chars(all.substr(0, best), " .,;"));
    link.article_number = ArticleNumber(trim_chars(all.substr(best + best_length), " ")).text();
  }

  for (const auto& url : urls) {
    for (const auto& id : find_ids(url)) {
      bool article = id.compare(4, 4, "ARTI") == 0;
      if (link.target_id.empty() || (article && link.target_id.compare(4, 4, "ARTI") != 0))
        link.target_id = id;
    }
  }
  return link;
}

}  // namespace legisite
