#include "sources/legifrance_json.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// SIMD whitespace skipping pays on the pretty-printed dumps (a third of css-2026-03-14.json is
// indentation); every x86-64 has SSE2. Its aligned 16-byte loads may read past the end of the
// text, never past its page: harmless, but sanitizers report them, so their builds go without.
// GCC says __SANITIZE_ADDRESS__, clang __has_feature(address_sanitizer).
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define LEGISITE_SANITIZED_BUILD
#endif
#endif
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__) && !defined(LEGISITE_SANITIZED_BUILD)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "html/html_sanitizer.h"
#include "model/article_number.h"
#include "model/corpus_builder.h"
#include "model/date.h"
#include "model/link.h"
#include "model/status.h"
#include "parallel/parallel.h"
#include "sources/source_text.h"
#include "text/ascii.h"
#include "text/line_index.h"
#include "text/utf8.h"
#include "text/visible_text.h"

// What the real data taught (the whole-code dumps of ../shared/corpus/legifrance-json and the
// getArticle responses of ../shared/corpus/legifrance-api; the counts behind each point are in
// bench/corpus-facts.md):
//
// - intOrdre is one scale shared by the sections and articles of a parent: children arrays are
//   always in intOrdre order, articles and subsections interleave by it, and the only ties are
//   between siblings of one kind listed in code order. So it is given to the model as is.
// - lienModifications names each relation twice, by point of view. A participle type (MODIFIE,
//   CREE, ABROGE, TRANSFERE, DEPLACE) is seen from the article acted upon, which is the link's
//   `cible`; a noun type (MODIFICATION, CREATION, CODIFICATION, TRANSFERT, DEPLACEMENT,
//   RECTIFICATION, ANNULATION) is seen from that same article as the `source`. Both mean "this
//   article was modified (created…) by that text". The crossed pairs (MODIFIE/source,
//   MODIFICATION/cible) would be the amending text's own view: never seen in a code dump, and kept
//   as plain typed links rather than mislabelled.
// - lienCitations: `source` means this article cites the other one, `cible` that the other one
//   cites this article.
// - lienConcordes (CONCORDANCE, `source`) point from a recodified article to the repealed
//   articles it replaces: Légifrance's "Anciens textes".
// - A JORF article's initial version ("version": "INITIALE") has etat "" and both dates
//   2999-01-01: it is undated, not a version that starts in 2999. Code versions with etat "" and
//   an article with a null etat are kept, state unknown, with a warning.
// - A section's `id` (its current version) and `cid` may differ; LEGI XML's TITRE_TM and
//   getArticle's titresTM carry that same `id`, so it is the one the model keys sections by.
// - A dump may list one article twice (same cid, two sections): the copies are skipped with a
//   warning. Two cids under one number (homonyms, same-label annexes) are two articles.

namespace legisite {

namespace {

using Value = rapidjson::Value;
using Member = rapidjson::Value::Member;

// 2999-01-01: Légifrance's "no date" (no end, or a version it has not dated).
constexpr std::int64_t kNoDateMillis = 32472144000000;
// Years 1000 to 9999: anything else is a corrupt timestamp, not a legal date.
constexpr std::int64_t kMinMillis = -30610224000000;
constexpr std::int64_t kMaxMillis = 253402300799999;
// Longer lines (a minified document) are not echoed under the message.
constexpr std::size_t kMaxEchoedLine = 300;

std::string_view view(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

// A value as a message shows it: strings quoted (and shortened), numbers written, else its kind.
std::string describe(const Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
      return "false";
    case rapidjson::kTrueType:
      return "true";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType: {
      std::string_view s = view(v);
      if (s.size() <= 40) return "\"" + std::string(s) + "\"";
      std::size_t cut = 40;
      cut = character_start(s, cut);  // not inside a character
      return "\"" + std::string(s.substr(0, cut)) + "…\"";
    }
    case rapidjson::kNumberType: {
      char buffer[32];
      std::to_chars_result r{};
      if (v.IsInt64())
        r = std::to_chars(buffer, buffer + sizeof buffer, v.GetInt64());
      else if (v.IsUint64())
        r = std::to_chars(buffer, buffer + sizeof buffer, v.GetUint64());
      else
        r = std::to_chars(buffer, buffer + sizeof buffer, v.GetDouble());
      return std::string(buffer, r.ptr);
    }
  }
  return "a value";
}

const Member* find(const Value& object, std::string_view name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(
      rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  return it == object.MemberEnd() ? nullptr : &*it;
}

// Absent and null mean the same thing in these responses ("nota": null).
bool absent(const Member* m) { return m == nullptr || m->value.IsNull(); }

/// Byte offsets of the document turned into lines and columns. The index is built before the
/// document is parsed, on the bytes as the file has them, and says whether they are UTF-8.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {}
  /// Builds the line index now (readers on several threads then only read it) and says whether
  /// the whole text is UTF-8.
  bool prepare() {
    if (lines_) return utf8_;
    lines_.emplace(text_);
    utf8_ = is_valid_utf8(text_);
    return utf8_;
  }

  int line_of(std::size_t offset) {
    build();
    return lines_->line_of(offset);
  }

  // Columns count code points, as format_diagnostic places its caret.
  int column_of(int line, std::size_t offset) {
    std::size_t start = std::min(lines_->line_start(line), text_.size());
    return column_in(text_.substr(start), offset - start);
  }

  /// Line `n` as the file has it, for echoing under a diagnostic, or "" when it cannot be told.
  /// The text was parsed in place: each string ends in a NUL where its closing quote was, which
  /// is put back; a string shortened by decoding its escapes leaves bytes that cannot be, and
  /// then the line is not echoed at all.
  std::string line(int n) {
    build();
    std::size_t start = lines_->line_start(n);
    std::string l(text_.substr(start, lines_->line_end(n) - start));
    if (!l.empty() && l.back() == '\r') l.pop_back();
    for (std::size_t i = 0; i < l.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(l[i]);
      if (c == 0) {
        char next = i + 1 < l.size() ? l[i + 1] : ',';
        if (next != ':' && next != ',' && next != '}' && next != ']' && next != ' ') return {};
        l[i] = '"';
      } else if (c < 0x20 && c != '\t') {
        return {};
      }
    }
    return l;
  }

 private:
  void build() { prepare(); }

  std::string_view text_;
  std::optional<LineIndex> lines_;  // built from the bytes as the file has them
  bool utf8_ = true;
};

/// Which of Légifrance's link lists an entry came from; each has its own vocabulary.
enum class LinkList { kModifications, kCitations, kConcordances, kOthers };

/// One modification link type: the action and whether the word is the participle (the view
/// from the article acted upon as `cible`) or the noun (that same view as `source`).
struct ModificationType {
  std::string_view type;
  LinkGroup group;  // kLinks: shown under "Liens" with its type
  bool participle;
};

constexpr ModificationType kModificationTypes[] = {
    {"CREE", LinkGroup::kCreatedBy, true},
    {"CREATION", LinkGroup::kCreatedBy, false},
    {"MODIFIE", LinkGroup::kModifiedBy, true},
    {"MODIFICATION", LinkGroup::kModifiedBy, false},
    {"ABROGE", LinkGroup::kAbrogatedBy, true},
    {"ABROGATION", LinkGroup::kAbrogatedBy, false},
    {"CODIFIE", LinkGroup::kCodifiedBy, true},
    {"CODIFICATION", LinkGroup::kCodifiedBy, false},
    // Légifrance lists transfers and moves under "Liens" with their type.
    {"TRANSFERE", LinkGroup::kLinks, true},
    {"TRANSFERT", LinkGroup::kLinks, false},
    {"DEPLACE", LinkGroup::kLinks, true},
    {"DEPLACEMENT", LinkGroup::kLinks, false},
    {"RECTIFICATION", LinkGroup::kLinks, false},
    {"ANNULATION", LinkGroup::kLinks, false},
};

LinkGroup group_of(LinkList list, std::string_view type, std::string_view orientation) {
  switch (list) {
    case LinkList::kModifications:
      for (const auto& t : kModificationTypes) {
        if (t.type != type) continue;
        bool acted_upon = orientation == (t.participle ? "cible" : "source");
        return acted_upon ? t.group : LinkGroup::kLinks;
      }
      return LinkGroup::kLinks;
    case LinkList::kCitations:
      if (orientation == "source") return LinkGroup::kCites;
      if (orientation == "cible") return LinkGroup::kCitedBy;
      return LinkGroup::kLinks;
    case LinkList::kConcordances:
      if (orientation == "source") return LinkGroup::kOldTexts;
      if (orientation == "cible") return LinkGroup::kNewTexts;
      return LinkGroup::kLinks;
    case LinkList::kOthers:
      return LinkGroup::kLinks;
  }
  return LinkGroup::kLinks;
}

// "LOI n°2020-992 du 7 août 2020 - art. 5 (V) JORF 8 août 2020" names the text before " - art",
// then the article, then the article's state in parentheses; ", v. init." marks an initial
// version. The article number has a field of its own. The state mark goes to status_mark and out
// of the link's text, which pages print before the mark, as LEGI XML's labels are read.
void split_text_title(Link& link) {
  std::string_view written = link.text;
  std::string_view title = written;
  std::size_t mark_at = std::string::npos;  // the " (V)" to take out of the text
  std::size_t mark_size = 0;
  std::size_t art = written.rfind(" - art");
  if (art != std::string_view::npos) {
    title = written.substr(0, art);
    std::string_view rest = written.substr(art);
    std::size_t open = rest.find('(');
    std::size_t close = open == std::string_view::npos ? open : rest.find(')', open);
    if (close != std::string_view::npos) {
      link.status_mark = std::string(trim(rest.substr(open + 1, close - open - 1)));
      if (!link.status_mark.empty()) {
        mark_at = art + open;
        mark_size = close - open + 1;
        if (mark_at > 0 && written[mark_at - 1] == ' ') --mark_at, ++mark_size;
      }
    }
  }
  constexpr std::string_view kInitial = ", v. init.";
  if (title.size() > kInitial.size() && title.substr(title.size() - kInitial.size()) == kInitial)
    title.remove_suffix(kInitial.size());
  link.text_title = std::string(trim(title));
  if (mark_at != std::string::npos) link.text.erase(mark_at, mark_size);
}

/// The last `YYYY-MM-DD` of a file's name (`css-2026-03-14.json`), the day a dump was taken when
/// the document does not say.
std::optional<Date> date_in_file_name(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') + 1);
  for (std::size_t at = name.size(); at-- > 0;)
    if (at + 10 <= name.size())
      if (auto day = Date::parse(name.substr(at, 10))) return day;
  return std::nullopt;
}

/// What every article below a point of the document shares.
struct Placement {
  std::string code_title;
  std::string code_legi_id;
  std::vector<SectionRef> sections;
};

/// Walks one parsed document, turning it into records and diagnostics.
class DumpReader {
 public:
  DumpReader(Positions& positions, std::string_view text, const char* buffer,
             const std::string& file, Diagnostics& diagnostics)
      : positions_(positions),
        buffer_(buffer),
        size_(text.size()),
        file_(file),
        diagnostics_(diagnostics) {}

  /// An article of the tree whose identity was checked during the walk; the rest of it (versions,
  /// text, links) is read afterwards, on `-j` threads.
  struct ArticleTask {
    const Value* data;
    std::string path;
    std::int64_t order;
    ArticleNumber number;
    std::string id;
    std::string cid;
    std::size_t placement;  // index into placements()
  };
  const std::vector<ArticleTask>& tasks() const { return tasks_; }
  const std::vector<Placement>& placements() const { return placements_; }

  /// Reads the deferred articles tasks[from, to) into `out`, placed by `placements`.
  void read_tasks(const std::vector<ArticleTask>& tasks, std::size_t from, std::size_t to,
                  const std::vector<Placement>& placements, LegifranceJsonContent& out) {
    out_ = &out;
    std::size_t placed = kNoSnapshot;
    for (std::size_t i = from; i < to; ++i) {
      const ArticleTask& t = tasks[i];
      if (t.placement != placed) placement_ = placements[placed = t.placement];
      reading_task_ = i;
      read_article_body(*t.data, t.path, t.order, t.number, t.id, t.cid);
    }
    reading_task_ = kNoSnapshot;
  }

  /// For each diagnostic this reader reported, its place in document order (see report()).
  const std::vector<std::size_t>& order_keys() const { return order_keys_; }

  bool read(const Value& root, LegifranceJsonContent& out) {
    out_ = &out;
    if (root.IsObject()) {
      const Member* type = find(root, "type");
      if (type && type->value.IsString() && view(type->value) == "code")
        return read_code_tree(root);
      if (!type && find(root, "article")) return read_article_response(root);
    }
    std::string found;
    if (root.IsObject()) {
      found = "the document has keys ";
      int shown = 0;
      for (const auto& m : root.GetObject()) {
        if (shown++ == 6) {
          found += ", …";
          break;
        }
        if (shown > 1) found += ", ";
        found += "'" + std::string(view(m.name)) + "'";
      }
      if (const Member* type = find(root, "type"))
        found += "; its 'type' is " + describe(type->value);
    } else {
      found = "the document is " + describe(root);
    }
    error(
        anchor(root),
        "$: unrecognised JSON shape: expected a Légifrance code tree ({\"type\": \"code\", …}) or "
        "an article response ({\"article\": {…}})",
        {found});
    return false;
  }

 private:
  // --- Positions -------------------------------------------------------------------------------

  // A byte of the document a diagnostic can point at, or nullptr. Thanks to in-situ parsing every
  // string (member names included) still sits where it was written; other values are found
  // through a string inside them.
  const char* anchor(const Value& v) const {
    if (v.IsString()) {
      const char* p = v.GetString();
      return p > buffer_ && p <= buffer_ + size_ ? p - 1 : nullptr;  // the opening quote
    }
    if (v.IsObject() && v.MemberCount() > 0) return anchor(v.MemberBegin()->name);
    if (v.IsArray() && !v.Empty()) return anchor(v[0]);
    return nullptr;
  }
  // A member's value when it is a string, else its name.
  const char* anchor(const Member& m) const {
    const char* at = m.value.IsString() ? anchor(m.value) : nullptr;
    return at ? at : anchor(m.name);
  }

  int line_at(const char* at) {
    return at ? positions_.line_of(static_cast<std::size_t>(at - buffer_)) : 0;
  }

  void report(Severity severity, const char* at, std::string message,
              std::vector<std::string> notes = {}) {
    Diagnostic d;
    d.severity = severity;
    d.where.file = file_;
    if (at) {
      std::size_t offset = static_cast<std::size_t>(at - buffer_);
      d.where.line = positions_.line_of(offset);
      d.where.column = positions_.column_of(d.where.line, offset);
      std::string line = positions_.line(d.where.line);
      if (line.size() <= kMaxEchoedLine) d.source_line = std::move(line);
    }
    d.message = std::move(message);
    d.notes = std::move(notes);
    // Where this diagnostic stands in document order: during the walk, before the body of the
    // next deferred article; while reading deferred article i, with that article.
    order_keys_.push_back(reading_task_ != kNoSnapshot ? 2 * reading_task_ + 1 : 2 * tasks_.size());
    diagnostics_.report(std::move(d));
  }
  void error(const char* at, std::string message, std::vector<std::string> notes = {}) {
    report(Severity::kError, at, std::move(message), std::move(notes));
  }
  void warning(const char* at, std::string message, std::vector<std::string> notes = {}) {
    report(Severity::kWarning, at, std::move(message), std::move(notes));
  }

  // --- Small field readers ---------------------------------------------------------------------

  // An optional string field: absent or null gives "", any other non-string is an error.
  std::string_view optional_string(const Value& object, std::string_view name,
                                   const std::string& path) {
    const Member* m = find(object, name);
    if (absent(m)) return {};
    if (!m->value.IsString()) {
      error(anchor(*m), path + "." + std::string(name) + ": '" + std::string(name) +
                            "' is not a string but " + describe(m->value) + "; ignored");
      return {};
    }
    return view(m->value);
  }

  // intOrdre: a position among siblings, -1 when not given.
  std::int64_t order_of(const Value& data, const std::string& path) {
    const Member* m = find(data, "intOrdre");
    if (absent(m)) return -1;
    if (m->value.IsInt64() && m->value.GetInt64() >= 0) return m->value.GetInt64();
    error(anchor(*m), path +
                          ".intOrdre: 'intOrdre' is not a position (a whole number from 0) but " +
                          describe(m->value) + "; ignored");
    return -1;
  }

  // A date in milliseconds since the epoch; nullopt after an error, whose message ends with
  // `consequence`.
  std::optional<std::int64_t> millis(const Member& m, const std::string& path,
                                     std::string_view consequence) {
    const Value& v = m.value;
    std::string field = path + "." + std::string(view(m.name));
    if (!v.IsInt64()) {
      error(anchor(m), field + ": date is not a number of milliseconds: " + describe(v) +
                           std::string(consequence));
      return std::nullopt;
    }
    if (v.GetInt64() < kMinMillis || v.GetInt64() > kMaxMillis) {
      error(anchor(m), field + ": date out of range: " + describe(v) + std::string(consequence));
      return std::nullopt;
    }
    return v.GetInt64();
  }

  // --- Shape (a): the consult/code tree --------------------------------------------------------

  bool read_code_tree(const Value& root) {
    const Member* data = find(root, "data");
    if (absent(data) || !data->value.IsObject()) {
      error(data ? anchor(*data) : anchor(root), "$: code tree without a 'data' object");
      return false;
    }
    const Value& d = data->value;
    std::string title = collapse_whitespace(optional_string(d, "title", "$.data"));
    if (title.empty()) {
      error(anchor(d), "$.data: code without 'title'");
      return false;
    }
    placement_.code_title = std::move(title);
    std::string_view id = optional_string(d, "id", "$.data");
    if (id.empty()) id = optional_string(d, "cid", "$.data");
    placement_.code_legi_id = std::string(id);
    out_->code_title = placement_.code_title;
    out_->code_legi_id = placement_.code_legi_id;
    if (auto day = Date::parse(optional_string(d, "dateModif", "$.data"))) {
      out_->data_date = *day;
    } else if (auto named = date_in_file_name(file_)) {
      out_->data_date = *named;
      out_->data_date_from_file_name = true;
    }
    read_children(root, "$");
    return true;
  }

  void read_children(const Value& node, const std::string& path) {
    const Member* children = find(node, "children");
    if (absent(children)) return;  // articles have none; an empty section may have none
    if (!children->value.IsArray()) {
      error(anchor(*children), path + ".children: 'children' is not an array but " +
                                   describe(children->value) + "; the nodes below " + path +
                                   " are skipped");
      return;
    }
    rapidjson::SizeType i = 0;
    for (const Value& child : children->value.GetArray())
      read_node(child, path + ".children[" + std::to_string(i++) + "]");
  }

  void read_node(const Value& node, const std::string& path) {
    if (!node.IsObject()) {
      error(anchor(node), path + ": node is not an object but " + describe(node) + "; skipped");
      return;
    }
    const Member* type = find(node, "type");
    if (absent(type) || !type->value.IsString()) {
      error(type ? anchor(*type) : anchor(node), path + ": node without 'type'; skipped");
      return;
    }
    std::string_view kind = view(type->value);
    if (kind != "section" && kind != "article") {
      error(anchor(*type), path + ": unknown node type '" + std::string(kind) +
                               "' (expected 'section' or 'article'); skipped");
      return;
    }
    const Member* data = find(node, "data");
    if (absent(data) || !data->value.IsObject()) {
      error(data ? anchor(*data) : anchor(node),
            path + ": " + std::string(kind) + " without a 'data' object; skipped");
      return;
    }
    std::string data_path = path + ".data";
    if (kind == "article") {
      read_article(data->value, anchor(node), path, data_path, order_of(data->value, data_path),
                   true);
      return;
    }
    if (placement_.sections.size() >= kMaxSectionDepth) {
      error(anchor(node), path + ": sections nested more than " + std::to_string(kMaxSectionDepth) +
                              " levels deep; this one and all it holds skipped");
      return;
    }
    const Value& d = data->value;
    SectionRef section;
    section.legi_id = std::string(optional_string(d, "id", data_path));
    if (section.legi_id.empty())
      section.legi_id = std::string(optional_string(d, "cid", data_path));
    section.title = collapse_whitespace(optional_string(d, "title", data_path));
    if (section.title.empty()) {
      section.title = section.legi_id.empty() ? "Section sans titre" : section.legi_id;
      error(anchor(d), path + ": section without 'title'; titled '" + section.title + "' instead");
    }
    section.order = order_of(d, data_path);
    placement_.sections.push_back(std::move(section));
    snapshot_ = kNoSnapshot;
    std::size_t before = tasks_.size() + out_->empty_sections.size();
    read_children(node, path);
    // Sections come into the model with their articles; one that ends up with none (an empty
    // chapter, or one whose articles were all rejected on sight) is handed over by itself.
    if (tasks_.size() + out_->empty_sections.size() == before)
      out_->empty_sections.push_back({placement_.code_title,
                                      placement_.code_legi_id,
                                      placement_.sections,
                                      {file_, line_at(anchor(d)), 0}});
    placement_.sections.pop_back();
    snapshot_ = kNoSnapshot;
  }

  // --- Shape (b): a getArticle response --------------------------------------------------------

  bool read_article_response(const Value& root) {
    const Member* article = find(root, "article");
    if (absent(article) || !article->value.IsObject()) {
      error(anchor(*article),
            "$.article: 'article' is not an object but " + describe(article->value));
      return false;
    }
    const Value& a = article->value;
    const Member* context = find(a, "context");
    if (absent(context) || !context->value.IsObject()) {
      error(context ? anchor(*context) : anchor(a),
            "$.article: article without a 'context' object: its code is unknown");
      return false;
    }
    if (!read_context_code(context->value)) return false;
    read_context_sections(context->value);
    // getArticle's `ordre` is not known to share intOrdre's scale, and sections here come
    // without one: the model's code order of numbers does better than a guess.
    read_article(a, anchor(a), "$.article", "$.article", -1, false);
    return true;
  }

  bool read_context_code(const Value& context) {
    const std::string path = "$.article.context.titreTxt";
    const Member* texts = find(context, "titreTxt");
    if (absent(texts) || !texts->value.IsArray() || texts->value.Empty()) {
      error(texts ? anchor(*texts) : anchor(context),
            path + ": article without the title of its code");
      return false;
    }
    // A JORF article lists its text twice: as published (JORFTEXT) and consolidated (LEGITEXT).
    // The consolidated entry carries the identity LEGI sources use.
    const Value* chosen = nullptr;
    for (const Value& t : texts->value.GetArray()) {
      if (!t.IsObject()) continue;
      if (!chosen) chosen = &t;
      const Member* id = find(t, "id");
      if (id && id->value.IsString() && view(id->value).starts_with("LEGITEXT")) chosen = &t;
    }
    if (!chosen) {
      error(anchor(texts->value), path + ": article without the title of its code");
      return false;
    }
    placement_.code_title = collapse_whitespace(optional_string(*chosen, "titre", path));
    if (placement_.code_title.empty()) {
      error(anchor(*chosen), path + ": article without the title of its code");
      return false;
    }
    std::string_view id = optional_string(*chosen, "id", path);
    if (id.empty()) id = optional_string(*chosen, "cid", path);
    placement_.code_legi_id = std::string(id);
    return true;
  }

  void read_context_sections(const Value& context) {
    const std::string path = "$.article.context.titresTM";
    const Member* titles = find(context, "titresTM");
    if (absent(titles)) return;  // an article at the top level of its text
    if (!titles->value.IsArray()) {
      error(anchor(*titles), path + ": 'titresTM' is not an array but " + describe(titles->value) +
                                 "; the article is placed at the top "
                                 "level of its code");
      return;
    }
    rapidjson::SizeType i = 0;
    for (const Value& t : titles->value.GetArray()) {
      std::string at = path + "[" + std::to_string(i++) + "]";
      if (!t.IsObject()) {
        error(anchor(t), at + ": section is not an object but " + describe(t) + "; skipped");
        continue;
      }
      SectionRef section;
      section.legi_id = std::string(optional_string(t, "id", at));
      if (section.legi_id.empty()) section.legi_id = std::string(optional_string(t, "cid", at));
      section.title = collapse_whitespace(optional_string(t, "titre", at));
      if (section.title.empty()) {
        section.title = section.legi_id.empty() ? "Section sans titre" : section.legi_id;
        error(anchor(t), at + ": section without 'titre'; titled '" + section.title + "' instead");
      }
      placement_.sections.push_back(std::move(section));
    }
  }

  // --- Articles, versions, links ---------------------------------------------------------------

  // `node_path` names the article in messages about it as a whole (`node_at` is where it
  // starts), `path` the object holding its fields.
  void read_article(const Value& data, const char* node_at, const std::string& node_path,
                    const std::string& path, std::int64_t order, bool in_tree) {
    const Member* num = find(data, "num");
    if (absent(num) || (num->value.IsString() && trim(view(num->value)).empty())) {
      error(num ? anchor(*num) : node_at, node_path + ": article without 'num'");
      return;
    }
    if (!num->value.IsString()) {
      error(anchor(*num),
            path + ".num: article number is not a string but " + describe(num->value));
      return;
    }
    std::string_view num_text = trim(view(num->value));
    if (std::string problem = problem_with(num_text); !problem.empty()) {
      error(anchor(*num),
            path + ".num: invalid article number '" + std::string(num_text) + "': " + problem);
      return;
    }
    ArticleNumber number(num_text);
    std::string_view id = optional_string(data, "id", path);
    if (id.empty()) {
      error(node_at, node_path + ": article " + number.text() + " without 'id'");
      return;
    }
    std::string cid(optional_string(data, "cid", path));
    if (!in_tree) {
      read_article_body(data, path, order, number, std::string(id), cid);
      return;
    }
    if (!first_sighting(node_at, node_path, number, cid)) return;
    if (snapshot_ == kNoSnapshot) {
      placements_.push_back(placement_);
      snapshot_ = placements_.size() - 1;
    }
    tasks_.push_back(
        {&data, path, order, std::move(number), std::string(id), std::move(cid), snapshot_});
  }

  void read_article_body(const Value& data, const std::string& path, std::int64_t order,
                         const ArticleNumber& number, const std::string& id,
                         const std::string& cid) {
    std::vector<Version> versions;
    const Member* list = find(data, "articleVersions");
    if (!absent(list) && !list->value.IsArray()) {
      error(anchor(*list), path + ".articleVersions: 'articleVersions' is not an array but " +
                               describe(list->value) + "; article " + number.text() + " skipped");
      return;
    }
    if (!absent(list)) {
      rapidjson::SizeType i = 0;
      for (const Value& entry : list->value.GetArray()) {
        std::string at = path + ".articleVersions[" + std::to_string(i++) + "]";
        if (auto v = read_version(entry, at)) versions.push_back(std::move(*v));
      }
    }
    // The current version is the one the article's `id` names; a response that does not list
    // it (or lists no versions) describes it with the article's own fields.
    auto named = std::find_if(versions.begin(), versions.end(),
                              [&](const Version& v) { return v.id == id; });
    std::size_t current = static_cast<std::size_t>(named - versions.begin());
    if (named == versions.end()) {
      if (auto v = read_version(data, path)) versions.push_back(std::move(*v));
    }
    if (current < versions.size()) read_text(data, path, versions[current]);
    if (versions.empty()) return;  // every version was reported
    if (current >= versions.size()) current = versions.size() - 1;

    read_links(data, path, LinkList::kModifications, "lienModifications", versions, current);
    read_links(data, path, LinkList::kCitations, "lienCitations", versions, current);
    read_links(data, path, LinkList::kConcordances, "lienConcordes", versions, current);
    read_links(data, path, LinkList::kOthers, "lienAutres", versions, current);

    for (auto& v : versions) {
      ArticleRecord record;
      record.code_title = placement_.code_title;
      record.code_legi_id = placement_.code_legi_id;
      record.section_path = placement_.sections;
      record.number = number;
      record.cid = cid;
      record.order = order;
      record.version = std::move(v);
      out_->articles.push_back(std::move(record));
    }
  }

  // A dump may list one article twice (css-2021-01-01: R165-81 in two sections): a copy (same
  // cid) is dropped. Two cids under one number (css-2021's two D331-6, the Code du travail's two
  // "Annexe I") are two articles: add_record keeps them apart and permalinks warns about them.
  bool first_sighting(const char* node_at, const std::string& node_path,
                      const ArticleNumber& number, const std::string& cid) {
    if (cid.empty()) return true;
    auto [it, inserted] = path_by_cid_.emplace(cid, node_path);
    if (!inserted) {
      warning(node_at, node_path + ": article " + number.text() + " (" + cid +
                           ") is listed again; already read at " + it->second +
                           ", this copy is ignored");
      return false;
    }
    return true;
  }

  std::optional<Version> read_version(const Value& entry, const std::string& path) {
    if (!entry.IsObject()) {
      error(anchor(entry),
            path + ": version is not an object but " + describe(entry) + "; skipped");
      return std::nullopt;
    }
    Version v;
    v.format = SourceFormat::kLegifranceJson;
    v.origin = {file_, line_at(anchor(entry)), 0};
    v.id = std::string(optional_string(entry, "id", path));
    if (v.id.empty()) {
      error(anchor(entry), path + ": version without 'id'; skipped");
      return std::nullopt;
    }

    const Member* start = find(entry, "dateDebut");
    if (absent(start)) {
      error(start ? anchor(*start) : anchor(entry),
            path + ": version " + v.id + " without 'dateDebut'; skipped");
      return std::nullopt;
    }
    // A version that cannot be placed in time cannot be told apart from the others: dropped.
    std::optional<std::int64_t> start_ms = millis(*start, path, "; version " + v.id + " skipped");
    if (!start_ms) return std::nullopt;
    const Member* end = find(entry, "dateFin");
    std::optional<std::int64_t> end_ms;
    if (absent(end))
      warning(end ? anchor(*end) : anchor(entry),
              path + ": version " + v.id + " without 'dateFin'; its end is unknown");
    else
      end_ms = millis(*end, path, "; the end of version " + v.id + " is unknown");
    if (*start_ms != kNoDateMillis) {
      v.start = Date::from_epoch_millis(*start_ms);
      if (end_ms) v.end = Date::from_epoch_millis(*end_ms);
    }  // else undated: the end, 2999-01-01 too, means nothing either

    const Member* etat = find(entry, "etat");
    if (!absent(etat) && !etat->value.IsString()) {
      error(anchor(*etat), path + ".etat: 'etat' is not a string but " + describe(etat->value) +
                               "; the state of version " + v.id + " is unknown");
    } else if (absent(etat) || trim(view(etat->value)).empty()) {
      // A JORF initial version has no state by nature.
      const Member* version = find(entry, "version");
      bool initial = version && version->value.IsString() && view(version->value) == "INITIALE";
      if (!initial)
        warning(etat ? anchor(*etat) : anchor(entry),
                path + ": version " + v.id + " without 'etat'; its state is unknown");
    } else if (auto status = parse_status(view(etat->value))) {
      v.status = *status;
    } else {
      error(anchor(*etat), path + ".etat: unknown etat '" + std::string(view(etat->value)) +
                               "'; version " + v.id + " is kept, its state unknown");
    }
    return v;
  }

  void read_text(const Value& data, const std::string& path, Version& version) {
    const Member* text = find(data, "texteHtml");
    if (absent(text)) {
      warning(text ? anchor(*text) : anchor(data), path + ": current version " + version.id +
                                                       " without 'texteHtml'; shown without text");
    } else if (!text->value.IsString()) {
      error(anchor(*text), path + ".texteHtml: 'texteHtml' is not a string but " +
                               describe(text->value) + "; shown without text");
    } else {
      // Articles are read on several threads (read_deferred_articles): each sanitises its own.
      version.text_html = sanitized(view(text->value), *text, path + ".texteHtml");
      version.has_text = true;
    }
    std::string_view nota = optional_string(data, "notaHtml", path);
    if (trim(nota).empty()) return;
    std::string html = sanitized(nota, *find(data, "notaHtml"), path + ".notaHtml");
    // Empty paragraphs alone ("<p></p><p><br/></p>", common in the Code du travail) are no nota,
    // as an empty NOTA/CONTENU of LEGI XML is none.
    if (!visible_text(html).empty()) version.nota_html = std::move(html);
  }

  // `html` (the value of `member`, at `path`), sanitised, with a warning for text left out.
  std::string sanitized(std::string_view html, const Member& member, const std::string& path) {
    HtmlLoss loss;
    std::string out = sanitize_legifrance_html(html, loss);
    // The path goes in a note: the same message for every article folds into one in a report.
    for (auto& [message, note] : loss.messages()) warning(anchor(member), message, {path, note});
    return out;
  }

  // Links go to the version they concern: a modification to the version it produced (the one
  // starting on its dateDebutCible), everything else to the current version, whose text cites.
  void read_links(const Value& data, const std::string& path, LinkList list_kind,
                  std::string_view name, std::vector<Version>& versions, std::size_t current) {
    const Member* list = find(data, name);
    if (absent(list)) return;
    std::string list_path = path + "." + std::string(name);
    if (!list->value.IsArray()) {
      error(anchor(*list), list_path + ": '" + std::string(name) + "' is not an array but " +
                               describe(list->value) + "; its links are skipped");
      return;
    }
    rapidjson::SizeType i = 0;
    for (const Value& entry : list->value.GetArray()) {
      std::string at = list_path + "[" + std::to_string(i++) + "]";
      if (!entry.IsObject()) {
        error(anchor(entry), at + ": link is not an object but " + describe(entry) + "; skipped");
        continue;
      }
      Link link;
      link.where = {file_, line_at(anchor(entry)), 0};
      link.link_type = std::string(trim(optional_string(entry, "linkType", at)));
      link.direction = std::string(trim(optional_string(entry, "linkOrientation", at)));
      link.group = group_of(list_kind, link.link_type, link.direction);
      link.label = std::string(link_group_label(link.group));
      link.text = collapse_whitespace(optional_string(entry, "textTitle", at));
      split_text_title(link);
      link.article_number = std::string(trim(optional_string(entry, "articleNum", at)));
      name_bare_article(link);
      link.target_id = std::string(trim(optional_string(entry, "articleId", at)));
      link.text_cid = std::string(trim(optional_string(entry, "textCid", at)));
      if (link.target_id.empty()) link.target_id = link.text_cid;
      link.text_nature = std::string(trim(optional_string(entry, "natureText", at)));
      if (const Member* signed_on = find(entry, "dateSignaTexte"); !absent(signed_on))
        link.text_signed = link_date(*signed_on, at);
      if (link.text.empty() && link.target_id.empty()) {
        warning(anchor(entry), at + ": link without 'textTitle' nor a target; skipped");
        continue;
      }
      // Modifications give the start of the version they produced ("YYYY-MM-DD"); citations the
      // start of the other article's version (milliseconds).
      const Member* when =
          find(entry, list_kind == LinkList::kModifications ? "dateDebutCible" : "dateDebut");
      if (!absent(when)) link.date = link_date(*when, at);
      std::size_t owner = current;
      if (list_kind == LinkList::kModifications && link.date.known()) {
        // The current version first: a day may also start a version never in force.
        if (versions[current].start != link.date) {
          for (std::size_t v = 0; v < versions.size(); ++v)
            if (versions[v].start == link.date) {
              owner = v;
              break;
            }
        }
      }
      versions[owner].links.push_back(std::move(link));
    }
  }

  // A link's date, ISO or in milliseconds; unknown for 2999-01-01 and, with a warning, for
  // anything that is not a date.
  Date link_date(const Member& m, const std::string& path) {
    const Value& v = m.value;
    std::optional<Date> date;
    if (v.IsString())
      date = Date::parse(trim(view(v)));
    else if (v.IsInt64() && v.GetInt64() >= kMinMillis && v.GetInt64() <= kMaxMillis)
      date = Date::from_epoch_millis(v.GetInt64());
    if (!date) {
      warning(anchor(m), path + "." + std::string(view(m.name)) + ": not a date: " + describe(v) +
                             "; ignored");
      return {};
    }
    return date->is_no_end() ? Date() : *date;
  }

  static constexpr std::size_t kNoSnapshot = static_cast<std::size_t>(-1);
  Positions& positions_;
  std::vector<ArticleTask> tasks_;
  std::vector<Placement> placements_;
  std::size_t snapshot_ = kNoSnapshot;
  std::size_t reading_task_ = kNoSnapshot;
  std::vector<std::size_t> order_keys_;
  const char* buffer_;
  std::size_t size_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  LegifranceJsonContent* out_ = nullptr;
  Placement placement_;
  std::unordered_map<std::string, std::string> path_by_cid_;
};

}  // namespace

namespace {

// Reading versions, texts and links is independent per article, and sanitising is a large part
// of it: chunks of articles are read on `jobs` threads, each into its own records and
// diagnostics, joined back in document order.
constexpr std::size_t kArticleChunk = 64;

/// What reading one chunk of deferred articles gave.
struct ReadChunk {
  std::vector<ArticleRecord> articles;
  Diagnostics diagnostics;
  std::vector<std::size_t> order_keys;  // one per diagnostic (see DumpReader::report)
};

// The walk checked every article's identity (duplicates need document order) and left the rest
// of each article of the tree for here. `found` holds the walk's diagnostics; they join the
// chunks' in `into`, in document order.
void read_deferred_articles(const DumpReader& walker, Positions& positions, std::string_view text,
                            const char* buffer, const std::string& file, std::size_t jobs,
                            LegifranceJsonContent& out, const Diagnostics& found,
                            Diagnostics& into) {
  const auto& tasks = walker.tasks();
  std::vector<ArticleRecord> walked = std::move(out.articles);  // shape (b) reads directly
  out.articles.clear();
  positions.prepare();  // shared, read-only from here on
  auto chunks = map_chunks<ReadChunk>(jobs, tasks.size(), kArticleChunk, [&](const Chunk& c) {
    ReadChunk read;
    LegifranceJsonContent content;
    DumpReader reader(positions, text, buffer, file, read.diagnostics);
    reader.read_tasks(tasks, c.begin, c.end, walker.placements(), content);
    read.articles = std::move(content.articles);
    read.order_keys = reader.order_keys();
    return read;
  });

  std::vector<std::pair<std::size_t, const Diagnostic*>> keyed;
  for (std::size_t i = 0; i < found.all().size(); ++i)
    keyed.emplace_back(walker.order_keys()[i], &found.all()[i]);
  for (ReadChunk& chunk : chunks) {
    out.articles.insert(out.articles.end(), std::make_move_iterator(chunk.articles.begin()),
                        std::make_move_iterator(chunk.articles.end()));
    for (std::size_t i = 0; i < chunk.diagnostics.all().size(); ++i)
      keyed.emplace_back(chunk.order_keys[i], &chunk.diagnostics.all()[i]);
  }
  out.articles.insert(out.articles.end(), std::make_move_iterator(walked.begin()),
                      std::make_move_iterator(walked.end()));
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, d] : keyed) into.report(*d);
}

}  // namespace

bool read_legifrance_json(std::string_view text, const std::string& file,
                          LegifranceJsonContent& out, Diagnostics& diagnostics, std::size_t jobs) {
  return read_legifrance_json(FileBytes(std::string(text)), file, out, diagnostics, jobs);
}

bool read_legifrance_json(std::string&& text, const std::string& file, LegifranceJsonContent& out,
                          Diagnostics& diagnostics, std::size_t jobs) {
  return read_legifrance_json(FileBytes(std::move(text)), file, out, diagnostics, jobs);
}

namespace {

// Reads `text`, held in `data` (NUL-terminated), decoding it in place.
bool read_in_place(std::string_view text, char* data, const std::string& file, std::size_t jobs,
                   LegifranceJsonContent& out, Diagnostics& diagnostics) {
  // In-situ parsing decodes strings inside the text, where they were written: no allocation per
  // string, no copy of a whole-code dump, and a string's address tells where it sits for
  // diagnostics. Lines are indexed on the bytes as written, before the parse: decoding a "\n"
  // escape in place writes a line break that was not in the file. Columns count on the decoded
  // text, the same as the file's unless an escape comes before them on their line (which is then
  // not echoed).
  Positions positions(text);
  const std::size_t skip = text.size() - without_byte_order_mark(text).size();
  rapidjson::Document document;
  // Iterative: nesting depth cannot exhaust the stack. Encoding validated, since texts go to
  // HTML: by the parser only when the check found a fault, for its message.
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag;
  if (positions.prepare())
    document.ParseInsitu<kFlags>(data + skip);
  else
    document.ParseInsitu<kFlags | rapidjson::kParseValidateEncodingFlag>(data + skip);
  if (document.HasParseError()) {
    std::size_t offset = skip + document.GetErrorOffset();
    Diagnostic d;
    d.where.file = file;
    d.where.line = positions.line_of(offset);
    d.where.column = positions.column_of(d.where.line, offset);
    std::string line = positions.line(d.where.line);
    if (line.size() <= kMaxEchoedLine) d.source_line = std::move(line);
    d.message = std::string("JSON is not well-formed: ") +
                rapidjson::GetParseError_En(document.GetParseError());
    diagnostics.report(std::move(d));
    return false;
  }
  Diagnostics found;
  DumpReader reader(positions, text, data, file, found);
  if (!reader.read(document, out)) {
    diagnostics.absorb(std::move(found));
    out = {};
    return false;
  }
  read_deferred_articles(reader, positions, text, data, file, jobs, out, found, diagnostics);
  return true;
}

}  // namespace

bool read_legifrance_json(FileBytes&& bytes, const std::string& file, LegifranceJsonContent& out,
                          Diagnostics& diagnostics, std::size_t jobs) {
  out = {};
  return read_in_place(bytes.view(), bytes.data(), file, jobs, out, diagnostics);
}

std::size_t add_legifrance_json(Corpus& corpus, LegifranceJsonContent content,
                                Diagnostics& diagnostics) {
  // Count only what the corpus kept.
  std::size_t versions = 0;
  LastPlacement last;
  for (ArticleRecord& record : content.articles)
    if (add_record(corpus, std::move(record), diagnostics, last) != RecordOutcome::kRejected)
      ++versions;
  if (!content.code_title.empty()) {
    Code& code = corpus.code(corpus.find_or_add_code(content.code_title, content.code_legi_id));
    if (code.data_source.empty()) code.data_source = "Légifrance";
    offer_data_date(code, content.data_date,
                    content.data_date_from_file_name ? Code::DataDateRule::kFileName
                                                     : Code::DataDateRule::kInSource);
  }
  for (const SectionRecord& s : content.empty_sections) {
    CodeId code = corpus.find_or_add_code(s.code_title, s.code_legi_id);
    if (corpus.code(code).origin.file.empty()) corpus.code(code).origin = s.where;
    SectionId section = corpus.code(code).root;
    for (const SectionRef& level : s.path)
      section = corpus.find_or_add_section(section, level.title, level.legi_id, level.order);
  }
  return versions;
}

void load_legifrance_json_file(const FileSystem& files, const std::string& path, Corpus& corpus,
                               Diagnostics& diagnostics, LoadSummary& summary, std::size_t jobs) {
  FileBytes bytes;
  std::string error;
  if (!files.read_bytes(path, bytes, error)) {
    diagnostics.error({path, 0, 0}, "cannot read file: " + error);
    return;
  }
  ++summary.files_read;
  LegifranceJsonContent content;
  if (!read_legifrance_json(std::move(bytes), path, content, diagnostics, jobs)) return;
  summary.versions_read += add_legifrance_json(corpus, std::move(content), diagnostics);
}

}  // namespace legisite
