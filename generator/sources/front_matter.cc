#include "sources/front_matter.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <vector>

#include "sources/source_text.h"
#include "text/fold.h"

namespace legisite {

namespace {

/// The FrontMatter member a key fills.
enum class Field {
  kStatus,
  kStart,
  kEnd,
  kId,
  kCid,
  kCode,
  kNum,
  kNota,
  kTitle,
  kOrder,
  kNature,
  kType,
  kIgnored,  // a key of a known format that legisite has no use for: read quietly
};

/// One accepted spelling of a key, for one kind of file.
struct KeyInfo {
  std::string_view canonical;  // see canonical_key()
  Field field;
  FrontMatterKind kind;
  std::string_view display;  // how the README spells it, for messages
};

constexpr std::array<KeyInfo, 41> kKeys = {{
    {"etat", Field::kStatus, FrontMatterKind::kArticle, "État"},
    {"statut", Field::kStatus, FrontMatterKind::kArticle, "État"},
    {"datededebut", Field::kStart, FrontMatterKind::kArticle, "Date de début"},
    {"datedebut", Field::kStart, FrontMatterKind::kArticle, "Date de début"},
    {"debut", Field::kStart, FrontMatterKind::kArticle, "Date de début"},
    {"datedefin", Field::kEnd, FrontMatterKind::kArticle, "Date de fin"},
    {"datefin", Field::kEnd, FrontMatterKind::kArticle, "Date de fin"},
    {"fin", Field::kEnd, FrontMatterKind::kArticle, "Date de fin"},
    {"identifiant", Field::kId, FrontMatterKind::kArticle, "Identifiant"},
    {"id", Field::kId, FrontMatterKind::kArticle, "Identifiant"},
    {"cid", Field::kCid, FrontMatterKind::kArticle, "cid"},
    {"code", Field::kCode, FrontMatterKind::kArticle, "code"},
    {"num", Field::kNum, FrontMatterKind::kArticle, "num"},
    {"numero", Field::kNum, FrontMatterKind::kArticle, "num"},
    {"nota", Field::kNota, FrontMatterKind::kArticle, "nota"},
    {"title", Field::kTitle, FrontMatterKind::kIndex, "title"},
    {"titre", Field::kTitle, FrontMatterKind::kIndex, "title"},
    {"id", Field::kId, FrontMatterKind::kIndex, "id"},
    {"identifiant", Field::kId, FrontMatterKind::kIndex, "id"},
    {"order", Field::kOrder, FrontMatterKind::kIndex, "order"},
    {"ordre", Field::kOrder, FrontMatterKind::kIndex, "order"},
    {"orden", Field::kOrder, FrontMatterKind::kIndex, "order"},
    {"weight", Field::kOrder, FrontMatterKind::kIndex, "order"},
    // Tricoteuses' keys (git.tricoteuses.fr): every article and README.md carries some of them.
    {"nature", Field::kNature, FrontMatterKind::kArticle, "Nature"},
    {"type", Field::kType, FrontMatterKind::kArticle, "Type"},
    {"url", Field::kIgnored, FrontMatterKind::kArticle, "URL"},
    {"ancienidentifiant", Field::kIgnored, FrontMatterKind::kArticle, "Ancien identifiant"},
    {"origine", Field::kIgnored, FrontMatterKind::kArticle, "Origine"},
    {"nature", Field::kNature, FrontMatterKind::kIndex, "Nature"},
    {"type", Field::kType, FrontMatterKind::kIndex, "Type"},
    {"url", Field::kIgnored, FrontMatterKind::kIndex, "URL"},
    {"ancienidentifiant", Field::kIgnored, FrontMatterKind::kIndex, "Ancien identifiant"},
    {"origine", Field::kIgnored, FrontMatterKind::kIndex, "Origine"},
    {"etat", Field::kIgnored, FrontMatterKind::kIndex, "État"},
    {"datededebut", Field::kIgnored, FrontMatterKind::kIndex, "Date de début"},
    {"datedefin", Field::kIgnored, FrontMatterKind::kIndex, "Date de fin"},
    {"numero", Field::kIgnored, FrontMatterKind::kIndex, "Numéro"},
    {"titrecomplet", Field::kIgnored, FrontMatterKind::kIndex, "Titre complet"},
    {"datedepublication", Field::kIgnored, FrontMatterKind::kIndex, "Date de publication"},
    {"datedesignature", Field::kIgnored, FrontMatterKind::kIndex, "Date de signature"},
    {"nor", Field::kIgnored, FrontMatterKind::kIndex, "NOR"},
}};

constexpr std::array<ArticleStatus, 11> kKnownStatuses = {
    ArticleStatus::kVigueur,    ArticleStatus::kVigueurDiff, ArticleStatus::kAbroge,
    ArticleStatus::kAbrogeDiff, ArticleStatus::kModifie,     ArticleStatus::kModifieMortNe,
    ArticleStatus::kTransfere,  ArticleStatus::kPerime,      ArticleStatus::kAnnule,
    ArticleStatus::kDisjoint,   ArticleStatus::kDeplace};

// "Date de début", "date_debut" and "DATE-DEBUT" all become "datedebut".
std::string canonical_key(std::string_view key) {
  std::string out;
  for (char c : fold_for_matching(key))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

const KeyInfo* find_key(std::string_view canonical, FrontMatterKind kind) {
  for (const auto& k : kKeys)
    if (k.kind == kind && k.canonical == canonical) return &k;
  return nullptr;
}

/// One `key: value` as written, before its value is interpreted.
struct RawEntry {
  std::string key;
  int line = 0;
  int value_column = 0;
  std::string value;
};

/// A `|` or `>` block value being collected.
struct BlockScalar {
  bool active = false;
  bool folded = false;
  std::vector<std::string_view> lines;
};

void finish_block(BlockScalar& block, RawEntry& entry) {
  std::size_t indent = std::string_view::npos;
  for (auto l : block.lines) {
    if (trim_spaces(l).empty()) continue;
    std::size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    if (indent == std::string_view::npos || i < indent) indent = i;
  }
  std::string value;
  bool previous_blank = true;
  for (auto l : block.lines) {
    std::string_view content = trim_spaces(l).empty() ? std::string_view() : l.substr(indent);
    if (block.folded) {
      // '>' joins lines with spaces; a blank line is a line break.
      if (content.empty()) {
        value += '\n';
        previous_blank = true;
        continue;
      }
      if (!previous_blank) value += ' ';
      previous_blank = false;
      value += content;
    } else {
      value += content;
      value += '\n';
    }
  }
  while (!value.empty() && value.back() == '\n') value.pop_back();
  entry.value = std::move(value);
  block = BlockScalar();
}

// Reads a quoted value starting at `text[0]` (a quote). Returns false when it does not close on
// this line; `after` receives what follows the closing quote.
bool read_quoted(std::string_view text, std::string& value, std::string_view& after) {
  char quote = text[0];
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (quote == '"' && c == '\\' && i + 1 < text.size()) {
      char e = text[++i];
      value += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      continue;
    }
    if (c == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {  // '' is a quote
        value += '\'';
        ++i;
        continue;
      }
      after = text.substr(i + 1);
      return true;
    }
    value += c;
  }
  return false;
}

// A plain value ends at " #" (a YAML comment).
std::string_view strip_comment(std::string_view value) {
  for (std::size_t i = 1; i < value.size(); ++i)
    if (value[i] == '#' && (value[i - 1] == ' ' || value[i - 1] == '\t'))
      return trim_spaces_end(value.substr(0, i - 1));
  return value;
}

// Appended piecewise: `"'" + std::string(s)` trips GCC 12's -Wrestrict false positive in Release.
std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

std::string did_you_mean(std::string_view written, FrontMatterKind kind) {
  std::string canonical = canonical_key(written);
  std::size_t best = std::string::npos;
  std::string_view suggestion;
  for (const auto& k : kKeys) {
    if (k.kind != kind || k.field == Field::kIgnored) continue;
    std::size_t d = edit_distance(canonical, k.canonical);
    if (d < best) {
      best = d;
      suggestion = k.display;
    }
  }
  if (best <= 2 && best < canonical.size()) return "did you mean " + quoted(suggestion) + "?";
  return {};
}

std::string known_keys(FrontMatterKind kind) {
  std::vector<std::string_view> names;
  for (const auto& k : kKeys) {
    if (k.kind != kind || k.field == Field::kIgnored) continue;
    bool listed = false;
    for (auto n : names) listed = listed || n == k.display;
    if (!listed) names.push_back(k.display);
  }
  std::string out;
  for (auto n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

/// Reads the `key: value` lines between the two `---`, one line at a time, keeping the entries
/// as written; values are interpreted afterwards, once every line is read.
class EntryReader {
 public:
  EntryReader(const SourceText& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  void read_line(int n);
  std::vector<RawEntry> finish() {
    if (block_.active) finish_block(block_, entries_.back());
    return std::move(entries_);
  }
  bool ok() const { return ok_; }

 private:
  void fail(int line, int column, std::string message) {
    source_.error(diagnostics_, line, column, std::move(message));
    ok_ = false;
  }
  void continue_value(std::string_view more);
  bool read_value(int n, std::string_view value, RawEntry& entry);

  const SourceText& source_;
  Diagnostics& diagnostics_;
  std::vector<RawEntry> entries_;
  BlockScalar block_;
  // An indented line continues the plain value of the line just before it, and nothing else.
  bool can_continue_ = false;
  bool ok_ = true;
};

void EntryReader::read_line(int n) {
  std::string_view raw = source_.line(n);
  std::string_view t = trim_spaces(raw);
  bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
  if (block_.active) {
    if (t.empty() || indented) {
      block_.lines.push_back(raw);
      return;
    }
    finish_block(block_, entries_.back());
  }
  bool continues = can_continue_;
  can_continue_ = false;
  if (t.empty() || t[0] == '#') return;  // blank lines and comments end a continuation too
  if (indented) {
    if (continues) return continue_value(t);
    return fail(n, source_.column_of(n, t), "expected 'key: value' in front matter");
  }
  std::size_t colon = raw.find(':');
  if (colon == std::string_view::npos || trim_spaces(raw.substr(0, colon)).empty()) {
    int column =
        colon == std::string_view::npos ? source_.column_of(n, t) : source_.column(n, colon);
    return fail(n, column, "expected 'key: value' in front matter");
  }
  RawEntry entry;
  entry.key = std::string(trim_spaces(raw.substr(0, colon)));
  entry.line = n;
  std::string_view value = trim_spaces(raw.substr(colon + 1));
  entry.value_column = value.empty() ? source_.column(n, colon + 1) : source_.column_of(n, value);
  if (read_value(n, value, entry)) entries_.push_back(std::move(entry));
}

void EntryReader::continue_value(std::string_view more) {
  can_continue_ = true;
  RawEntry& last = entries_.back();
  if (!last.value.empty()) last.value += ' ';
  last.value += strip_comment(more);
}

bool EntryReader::read_value(int n, std::string_view value, RawEntry& entry) {
  if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
    std::string_view after;
    if (!read_quoted(value, entry.value, after)) {
      fail(n, entry.value_column, "unterminated quoted value");
      return false;
    }
    after = trim_spaces(after);
    if (!after.empty() && after[0] != '#') {
      fail(n, source_.column_of(n, after), "unexpected text after the quoted value");
      return false;
    }
    ++entry.value_column;  // point at the value, not at its quote
  } else if (value == "|" || value == "|-" || value == "|+" || value == ">" || value == ">-" ||
             value == ">+") {
    block_.active = true;
    block_.folded = value[0] == '>';
  } else {
    entry.value = std::string(strip_comment(value));
    can_continue_ = true;
  }
  return true;
}

/// The line that closes the front matter opened on line 1 (`---` or `...`), or 0.
int closing_line(const SourceText& source) {
  for (int n = 2; n <= source.line_count(); ++n) {
    std::string_view l = trim_spaces_end(source.line(n));
    if (l == "---" || l == "...") return n;
  }
  return 0;
}

/// The key an entry names, or null (with a warning) when it is unknown here; warns when its field
/// was given before.
const KeyInfo* recognised_key(const SourceText& source, Diagnostics& diagnostics, const RawEntry& e,
                              FrontMatterKind kind, std::vector<Field>& seen) {
  const KeyInfo* key = find_key(canonical_key(e.key), kind);
  if (!key) {
    std::vector<std::string> notes;
    if (std::string hint = did_you_mean(e.key, kind); !hint.empty()) notes.push_back(hint);
    notes.push_back("known keys here: " + known_keys(kind));
    source.warning(diagnostics, e.line, 1,
                   "unknown front matter key " + quoted(e.key) + "; ignored", std::move(notes));
    return nullptr;
  }
  bool duplicate = false;
  for (Field s : seen) duplicate = duplicate || (s == key->field && s != Field::kIgnored);
  if (duplicate)
    source.warning(diagnostics, e.line, 1,
                   "front matter key " + quoted(e.key) + " given twice; the last one is used");
  seen.push_back(key->field);
  return key;
}

bool set_status(const SourceText& source, Diagnostics& diagnostics, const RawEntry& e,
                FrontMatter& out) {
  const std::string& v = e.value;
  if (v.empty()) {
    out.status.reset();
    return true;
  }
  if (auto status = parse_status(v)) {
    out.status = *status;
    return true;
  }
  std::vector<std::string> notes;
  std::string codes;
  std::size_t best = std::string::npos;
  std::string_view suggestion;
  for (ArticleStatus s : kKnownStatuses) {
    if (!codes.empty()) codes += ", ";
    codes += status_code(s);
    std::size_t d = edit_distance(canonical_key(v), canonical_key(status_code(s)));
    if (d < best) {
      best = d;
      suggestion = status_code(s);
    }
  }
  if (best <= 2) notes.push_back("did you mean " + quoted(suggestion) + "?");
  notes.push_back("known values: " + codes + ", or French labels such as 'en vigueur'");
  source.error(diagnostics, e.line, e.value_column, "unknown état " + quoted(v), std::move(notes));
  return false;
}

bool set_date(const SourceText& source, Diagnostics& diagnostics, const RawEntry& e,
              std::optional<Date>& target) {
  if (e.value.empty()) {
    target.reset();
    return true;
  }
  target = Date::parse(e.value);
  if (target) return true;
  source.error(
      diagnostics, e.line, e.value_column,
      "invalid date " + quoted(e.value) + " for " + quoted(e.key) + ": expected YYYY-MM-DD");
  return false;
}

bool set_order(const SourceText& source, Diagnostics& diagnostics, const RawEntry& e,
               std::optional<std::int64_t>& target) {
  const std::string& v = e.value;
  if (v.empty()) {
    target.reset();
    return true;
  }
  std::int64_t order = 0;
  auto [stop, error] = std::from_chars(v.data(), v.data() + v.size(), order);
  if (error != std::errc() || stop != v.data() + v.size()) {
    source.error(diagnostics, e.line, e.value_column,
                 "invalid order " + quoted(v) + ": expected a whole number");
    return false;
  }
  target = order;
  return true;
}

/// Stores one entry's value in the field its key names; false when the value is invalid.
bool set_field(const SourceText& source, Diagnostics& diagnostics, const RawEntry& e, Field field,
               FrontMatter& out) {
  switch (field) {
    case Field::kStatus:
      return set_status(source, diagnostics, e, out);
    case Field::kStart:
      return set_date(source, diagnostics, e, out.start);
    case Field::kEnd:
      return set_date(source, diagnostics, e, out.end);
    case Field::kOrder:
      return set_order(source, diagnostics, e, out.order);
    case Field::kId:
      out.id = e.value;
      break;
    case Field::kCid:
      out.cid = e.value;
      break;
    case Field::kCode:
      out.code = e.value;
      break;
    case Field::kNum:
      out.num = e.value;
      out.num_line = e.line;
      out.num_column = e.value_column;
      break;
    case Field::kNota:
      out.nota = e.value;
      break;
    case Field::kTitle:
      out.title = e.value;
      break;
    case Field::kNature:
      out.nature = e.value;
      break;
    case Field::kType:
      out.type = e.value;
      break;
    case Field::kIgnored:
      break;
  }
  return true;
}

}  // namespace

bool parse_front_matter(const SourceText& source, FrontMatterKind kind, FrontMatter& out,
                        Diagnostics& diagnostics) {
  out = FrontMatter();
  if (trim_spaces_end(source.line(1)) != "---") return true;
  out.present = true;
  int close = closing_line(source);
  if (close == 0) {
    source.error(diagnostics, 1, 1, "unterminated front matter: no closing '---' line");
    out.body_line = source.line_count() + 1;
    return false;
  }
  out.body_line = close + 1;

  EntryReader reader(source, diagnostics);
  for (int n = 2; n < close; ++n) reader.read_line(n);
  bool ok = reader.ok();
  std::vector<Field> seen;
  for (const RawEntry& e : reader.finish()) {
    const KeyInfo* key = recognised_key(source, diagnostics, e, kind, seen);
    if (key && !set_field(source, diagnostics, e, key->field, out)) ok = false;
  }
  return ok;
}

}  // namespace legisite
