#include "sources/tricoteuses_references.h"

#include <string>

#include "model/date.h"
#include "sources/link_entry.h"
#include "sources/source_text.h"
#include "text/ascii.h"
#include "text/fold.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

struct Participle {
  std::string_view participle;  // the article is acted upon when the direction is cible
  std::string_view noun;        // … when it is source
  LinkGroup group;
};

constexpr Participle kActions[] = {
    {"CREE", "CREATION", LinkGroup::kCreatedBy},
    {"MODIFIE", "MODIFICATION", LinkGroup::kModifiedBy},
    {"ABROGE", "ABROGATION", LinkGroup::kAbrogatedBy},
    {"CODIFIE", "CODIFICATION", LinkGroup::kCodifiedBy},
    {"RATIFIE", "RATIFICATION", LinkGroup::kRatifiedBy},
    {"TRANSFERE", "TRANSFERT", LinkGroup::kTransferredBy},
};

bool is_type_word(std::string_view word) {
  if (word.size() < 3) return false;
  for (char c : word)
    if (!is_upper(c) && c != '_') return false;
  return true;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// "Constitution du 4 octobre 1958 - article 60 AUTONOME VIGUEUR, en vigueur depuis le 2005-03-02"
// -> "Constitution du 4 octobre 1958 - article 60": the state words describe the other article's
// current version, not the link. VIGUEUR and ABROGE become the usual marks.
std::string without_state_words(std::string_view text, std::string& mark) {
  if (std::size_t cut = text.find(", en vigueur"); cut != std::string_view::npos)
    text = text.substr(0, cut);
  text = trim_spaces(text);
  while (true) {
    std::size_t space = text.find_last_of(' ');
    if (space == std::string_view::npos) break;
    std::string_view word = text.substr(space + 1);
    if (word.size() < 4 || !is_type_word(word)) break;
    if (mark.empty() && word == "VIGUEUR") mark = "V";
    if (mark.empty() && word == "ABROGE") mark = "Ab";
    text = trim_spaces(text.substr(0, space));
  }
  return std::string(text);
}

/// One `<li>` of a Références list, its text joined from its lines.
struct Item {
  std::string text;
  int line = 0;
  int column = 0;
  bool written_from_other_side = false;
};

bool read_item(const SourceText& source, const Item& item, Link& link, Diagnostics& diagnostics) {
  std::string_view text = item.text;
  std::string_view anchor;
  std::string rest(text);
  if (std::size_t open = text.find("<a "); open != std::string_view::npos) {
    std::size_t close = text.find("</a>", open);
    if (close != std::string_view::npos) {
      anchor = text.substr(open, close + 4 - open);
      rest = std::string(text.substr(0, open)) + ' ' + std::string(text.substr(close + 4));
    }
  }
  std::vector<std::string_view> words = words_of(rest);
  std::size_t w = 0;
  Date date;
  if (w < words.size()) {
    if (auto d = Date::parse(words[w])) date = *d, ++w;
  }
  if (w >= words.size() || !is_type_word(words[w])) {
    source.warning(diagnostics, item.line, item.column,
                   "reference without a link type (CITATION, MODIFIE, …); ignored");
    return false;
  }
  std::string type(words[w++]);
  std::string direction;
  if (w < words.size() && (words[w] == "source" || words[w] == "cible")) {
    direction = std::string(words[w++]);
    if (item.written_from_other_side) direction = direction == "source" ? "cible" : "source";
  }
  std::string mark;
  if (!anchor.empty()) {
    std::size_t text_start = anchor.find('>') + 1;
    std::string_view label = anchor.substr(text_start, anchor.size() - 4 - text_start);
    std::string entry(anchor.substr(0, text_start));
    entry += without_state_words(label, mark);
    entry += "</a>";
    link = parse_link_entry(entry);
  } else {
    std::string title;
    for (; w < words.size(); ++w) {
      if (!title.empty()) title += ' ';
      title += words[w];
    }
    link = parse_link_entry(title);
  }
  if (link.status_mark.empty()) link.status_mark = mark;
  link.link_type = type;
  link.direction = direction;
  link.date = date;
  link.group = tricoteuses_link_group(type, direction);
  link.label = std::string(link_group_label(link.group));
  link.where = source.at(item.line, item.column);
  return true;
}

// Whether `link` repeats one already kept (the same link seen from both sides); the kept one
// takes the date only the article's own list gives.
bool merged_into(std::vector<Link>& links, const Link& link) {
  for (Link& kept : links) {
    if (kept.group != link.group || kept.link_type != link.link_type) continue;
    bool same = link.target_id.empty() ? kept.text == link.text : kept.target_id == link.target_id;
    if (!same) continue;
    if (!kept.date.known()) kept.date = link.date;
    return true;
  }
  return false;
}

}  // namespace

LinkGroup tricoteuses_link_group(std::string_view type, std::string_view direction) {
  const bool source = direction == "source";
  const bool cible = direction == "cible";
  if (type == "CITATION")
    return source ? LinkGroup::kCites : cible ? LinkGroup::kCitedBy : LinkGroup::kLinks;
  if (type == "CONCORDANCE" || type == "CONCORDE")
    return source ? LinkGroup::kNewTexts : cible ? LinkGroup::kOldTexts : LinkGroup::kLinks;
  for (const Participle& a : kActions) {
    if (type == a.participle) return cible ? a.group : LinkGroup::kLinks;
    if (type == a.noun) return source ? a.group : LinkGroup::kLinks;
  }
  return LinkGroup::kLinks;
}

int find_details_block(const SourceText& source, int first_line) {
  for (int n = first_line; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) continue;
    if (starts_with_ignoring_case(line.substr(indent), "<details")) return n;
  }
  return 0;
}

std::vector<Link> read_tricoteuses_references(const SourceText& source, int from_line,
                                              Diagnostics& diagnostics) {
  std::vector<Link> links;
  bool references = false;  // inside a "Références" block
  bool in_item = false;
  Item item;
  bool other_side = false;
  for (int n = from_line; n > 0 && n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    std::string_view t = trim_spaces(line);
    if (starts_with_ignoring_case(t, "<details")) references = false;
    if (std::size_t s = t.find("<summary"); s != std::string_view::npos)
      references = fold_for_matching(visible_text(t)).find("reference") != std::string::npos;
    if (starts_with_ignoring_case(t, "</details")) references = false;
    if (!references) continue;
    if (!t.empty() && t[0] == '#') {
      other_side = fold_for_matching(t).find("faisant") != std::string::npos;
      continue;
    }
    std::string_view content = t;
    if (starts_with_ignoring_case(t, "<li>")) {
      in_item = true;
      item = Item();
      item.line = n;
      item.column = source.column_of(n, t);
      item.written_from_other_side = other_side;
      content = t.substr(4);
    }
    if (!in_item) continue;
    std::size_t end = content.find("</li>");
    std::string_view part = content.substr(0, end);
    if (!trim_spaces(part).empty()) {
      if (!item.text.empty()) item.text += ' ';
      item.text += trim_spaces(part);
      if (item.text.size() == trim_spaces(part).size()) {
        item.line = n;
        item.column = source.column_of(n, trim_spaces(part));
      }
    }
    if (end == std::string_view::npos) continue;
    in_item = false;
    Link link;
    if (read_item(source, item, link, diagnostics) && !merged_into(links, link))
      links.push_back(std::move(link));
  }
  return links;
}

}  // namespace legisite
