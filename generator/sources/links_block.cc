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

// Reads a block's items one after another: the label in force, the entry being read (an entry
// may wrap onto indented lines), the links read so far.
class LinksBlockReader {
 public:
  LinksBlockReader(const SourceText& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  // One line's segment: `alone` when it is the whole line, `indented` when the line is.
  void read(int n, std::string_view segment, bool alone, bool indented) {
    Item item = classify(segment);
    switch (item.kind) {
      case ItemKind::kBlank:
        if (alone) may_continue_ = false;
        break;
      case ItemKind::kTitle:
        flush();
        break;
      case ItemKind::kLabel:
        flush();
        read_label(n, segment, item);
        break;
      case ItemKind::kEntry:
        flush();
        read_entry(n, segment, item);
        break;
      case ItemKind::kOther:
        read_other(n, item, alone && indented);
        break;
    }
  }

  std::vector<Link> finish() {
    flush();
    return std::move(links_);
  }

 private:
  void flush() {
    if (!pending_) return;
    if (trim_spaces(pending_->text).empty()) {  // "- " or "<li></li>": nothing to link
      source_.warning(diagnostics_, pending_->line, pending_->column, "empty link entry; ignored");
      pending_.reset();
      return;
    }
    Link link = parse_link_entry(pending_->text);
    link.group = pending_->group;
    link.label = std::move(pending_->label);
    link.where = source_.at(pending_->line, pending_->column);
    links_.push_back(std::move(link));
    pending_.reset();
  }

  void read_label(int n, std::string_view segment, const Item& item) {
    label_ = item.label;
    group_ = link_group_from_label(label_);
    labelled_ = true;
    std::size_t at = segment.find(label_);
    int column = at == std::string_view::npos ? source_.column_of(n, item.text)
                                              : source_.column_of(n, segment.substr(at));
    if (group_ == LinkGroup::kOther)
      source_.warning(diagnostics_, n, column,
                      "unknown link label '" + label_ + "'; kept as written");
  }

  void read_entry(int n, std::string_view segment, const Item& item) {
    int column = item.text.empty() ? source_.column_of(n, trim_spaces(segment))
                                   : source_.column_of(n, item.text);
    if (!labelled_ && !warned_unlabelled_) {
      source_.warning(diagnostics_, n, column,
                      "link entry before any label; kept under 'Autres liens'");
      warned_unlabelled_ = true;
    }
    pending_ = PendingEntry{group_, label_, std::string(item.text), n, column};
    may_continue_ = true;
  }

  // Text that is neither label nor entry: a long entry wrapped onto an indented line of its own,
  // else a stray line, after which nothing continues an entry.
  void read_other(int n, const Item& item, bool wrapped) {
    if (pending_ && may_continue_ && wrapped) {
      pending_->text += ' ';
      pending_->text += item.text;
      return;
    }
    source_.warning(diagnostics_, n, source_.column_of(n, item.text),
                    "unexpected text in 'Liens relatifs à cet article'; ignored");
    may_continue_ = false;
  }

  const SourceText& source_;
  Diagnostics& diagnostics_;
  std::vector<Link> links_;
  LinkGroup group_ = LinkGroup::kOther;
  std::string label_;
  bool labelled_ = false, warned_unlabelled_ = false;
  std::optional<PendingEntry> pending_;
  bool may_continue_ = false;
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
  if (start.line == 0) return {};
  LinksBlockReader reader(source, diagnostics);
  for (int n = start.line; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    if (n == start.line) line = line.substr(start.offset);
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    auto segments = split_segments(line);
    for (std::string_view segment : segments)
      reader.read(n, segment, segments.size() == 1, indented);
  }
  return reader.finish();
}

}  // namespace legisite
