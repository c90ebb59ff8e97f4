#include "sources/links_block.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "sources/link_entry.h"
#include "sources/source_text.h"
#include "text/ascii.h"
#include "text/fold.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// Block-level HTML tags: an HTML links block may hold several items on one line, and these are
// where one item ends and the next begins.
constexpr std::array<std::string_view, 20> kBlockTags = {
    "li", "p",  "ul", "ol", "div", "br", "h1", "h2", "h3",    "h4",
    "h5", "h6", "dt", "dd", "dl",  "tr", "td", "th", "table", "section"};

// The block tag (without '<' or '/') that starts at text[0] == '<', or "".
std::string_view block_tag_at(std::string_view text) {
  if (text.size() < 2 || text[0] != '<') return {};
  std::size_t i = text[1] == '/' ? 2 : 1;
  for (auto tag : kBlockTags) {
    if (!starts_with_ignoring_case(text.substr(i), tag)) continue;
    std::size_t after = i + tag.size();
    if (after >= text.size() || text[after] == '>' || text[after] == ' ' || text[after] == '/' ||
        text[after] == '\t')
      return tag;
  }
  return {};
}

std::vector<std::string_view> split_segments(std::string_view line) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '<' && !block_tag_at(line.substr(i)).empty()) {
      segments.push_back(line.substr(start, i - start));
      start = i;
    }
  }
  segments.push_back(line.substr(start));
  return segments;
}

// "**Créé par** :" -> "Créé par"; also "_Créé par_:", "**Créé par :**", "### Créé par".
std::string label_text(std::string_view plain) {
  std::string_view s = trim_chars(plain, "# ");
  s = trim_chars(s, "*_ ");
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  s = trim_chars(s, "*_ ");
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  return std::string(trim_chars(s, " "));
}

bool is_emphasised(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kOpeners = {
      "*", "_", "#", "<strong", "<b>", "<b ", "<em", "<i>", "<u>"};
  for (auto o : kOpeners)
    if (starts_with_ignoring_case(s, o)) return true;
  return starts_with_ignoring_case(s, "<h") || starts_with_ignoring_case(s, "<dt");
}

// The block's own title. Marked-up titles may be any "Liens relatifs…"; a bare line must be
// exactly "Liens relatifs à cet article" so that running text is never taken for one.
bool is_title(std::string_view markup, std::string_view plain) {
  std::string folded = fold_for_matching(label_text(plain));
  if (folded == "liens relatifs a cet article") return true;
  return is_emphasised(markup) && folded.rfind("liens relatifs", 0) == 0 && folded.size() <= 40;
}

enum class ItemKind { kBlank, kTitle, kLabel, kEntry, kOther };

/// What one segment of a line is. `text` views the source (for columns).
struct Item {
  ItemKind kind = ItemKind::kBlank;
  std::string_view text;  // entry: after its marker; others: the segment, trimmed
  std::string label;      // kLabel: the label as written
};

Item classify(std::string_view segment) {
  Item item;
  std::string_view s = trim_spaces(segment);
  // Wrappers (<p>, <ul>, </li>, <div class="…">…) say nothing about the item they hold.
  while (!s.empty() && s[0] == '<') {
    std::string_view tag = block_tag_at(s);
    if (tag.empty()) break;
    bool opening_item = s[1] != '/' && (tag == "li" || tag[0] == 'h' || tag == "dt");
    if (opening_item) break;
    std::size_t gt = s.find('>');
    if (gt == std::string_view::npos) break;
    s = trim_spaces(s.substr(gt + 1));
  }
  if (s.empty()) return item;
  item.text = s;
  if (block_tag_at(s) == "li" && s[1] != '/') {
    std::size_t gt = s.find('>');
    item.kind = ItemKind::kEntry;
    item.text = gt == std::string_view::npos ? std::string_view() : trim_spaces(s.substr(gt + 1));
    return item;
  }
  if (s == "-" || s == "*" || s == "+") {
    item.kind = ItemKind::kEntry;
    item.text = {};
    return item;
  }
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
      (s[1] == ' ' || s[1] == '\t')) {
    item.kind = ItemKind::kEntry;
    item.text = trim_spaces(s.substr(2));
    return item;
  }
  std::string plain = visible_text(s);
  if (plain.empty()) return item;
  if (is_title(s, plain)) {
    item.kind = ItemKind::kTitle;
    return item;
  }
  std::string label = label_text(plain);
  bool colon = !trim_chars(plain, "*_ ").empty() && trim_chars(plain, "*_ ").back() == ':';
  if (!label.empty() && (is_emphasised(s) || colon) && label.size() <= 80 &&
      label.find(':') == std::string::npos) {
    item.kind = ItemKind::kLabel;
    item.label = std::move(label);
    return item;
  }
  item.kind = ItemKind::kOther;
  return item;
}

/// An entry read but not yet parsed: an indented line that follows may continue it.
struct PendingEntry {
  LinkGroup group = LinkGroup::kOther;
  std::string label;
  std::string text;
  int line = 0;
  int column = 0;
};

}  // namespace

LinksBlockStart find_links_block(const SourceText& source, int first_line) {
  for (int n = first_line; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    // "relatifs" alone: the title may join its words with "&nbsp;" or two spaces.
    if (fold_for_matching(line).find("relatifs") == std::string::npos) continue;
    for (std::string_view segment : split_segments(line)) {
      if (classify(segment).kind == ItemKind::kTitle)
        return {n, static_cast<std::size_t>(segment.data() - line.data())};
    }
  }
  return {};
}

std::vector<Link> read_links_block(const SourceText& source, LinksBlockStart start,
                                   Diagnostics& diagnostics) {
  std::vector<Link> links;
  if (start.line == 0) return links;
  LinkGroup group = LinkGroup::kOther;
  std::string label;
  bool labelled = false, warned_unlabelled = false;
  std::optional<PendingEntry> pending;
  bool may_continue = false;

  auto flush = [&] {
    if (!pending) return;
    if (trim_spaces(pending->text).empty()) {  // "- " or "<li></li>": nothing to link
      source.warning(diagnostics, pending->line, pending->column, "empty link entry; ignored");
      pending.reset();
      return;
    }
    Link link = parse_link_entry(pending->text);
    link.group = pending->group;
    link.label = std::move(pending->label);
    link.where = source.at(pending->line, pending->column);
    links.push_back(std::move(link));
    pending.reset();
  };

  for (int n = start.line; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    if (n == start.line) line = line.substr(start.offset);
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    auto segments = split_segments(line);
    for (std::string_view segment : segments) {
      Item item = classify(segment);
      switch (item.kind) {
        case ItemKind::kBlank:
          if (segments.size() == 1) may_continue = false;
          break;
        case ItemKind::kTitle:
          flush();
          break;
        case ItemKind::kLabel: {
          flush();
          label = item.label;
          group = link_group_from_label(label);
          labelled = true;
          std::size_t at = segment.find(label);
          int column = at == std::string_view::npos ? source.column_of(n, item.text)
                                                    : source.column_of(n, segment.substr(at));
          if (group == LinkGroup::kOther)
            source.warning(diagnostics, n, column,
                           "unknown link label '" + label + "'; kept as written");
          break;
        }
        case ItemKind::kEntry: {
          flush();
          int column = item.text.empty() ? source.column_of(n, trim_spaces(segment))
                                         : source.column_of(n, item.text);
          if (!labelled && !warned_unlabelled) {
            source.warning(diagnostics, n, column,
                           "link entry before any label; kept under 'Autres liens'");
            warned_unlabelled = true;
          }
          pending = PendingEntry{group, label, std::string(item.text), n, column};
          may_continue = true;
          break;
        }
        case ItemKind::kOther:
          if (pending && may_continue && indented && segments.size() == 1) {
            pending->text += ' ';
            pending->text += item.text;  // a long entry wrapped onto the next line
            break;
          }
          source.warning(diagnostics, n, source.column_of(n, item.text),
                         "unexpected text in 'Liens relatifs à cet article'; ignored");
          may_continue = false;  // what follows it continues no entry
          break;
      }
    }
  }
  flush();
  return links;
}

}  // namespace legisite
