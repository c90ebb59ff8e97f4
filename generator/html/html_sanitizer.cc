#include "html/html_sanitizer.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "text/ascii.h"
#include "text/html_entities.h"
#include "text/html_escape.h"
#include "text/utf8.h"

// One linear pass: a tokenizer reads text, tags and comments left to right, and an open-element
// stack decides what to write. Nothing is ever re-scanned except (once) a run of text wrapped into
// a paragraph after the fact, so the cost stays linear on any input, and the stack is capped so
// that deep nesting cannot make end-tag lookups quadratic. Output is made of escaped text and
// whitelisted tags only, so it is safe even where our parse differs from a browser's.
//
// Choices (the header gives the contract):
// - <b> -> strong, <i>/<cite>/<dfn>/<var> -> em, <strike>/<del> -> s, <ins> -> u,
//   <tt>/<kbd>/<samp> -> code.
// - <h1> and <h2> -> h3: the page template owns h1 and h2 (code and article titles), so a heading
//   inside an article's text starts at h3; h3-h6 are kept as they are.
// - <div>, <center>, <section>, <dl>, <hr>, … are dropped, but their boundaries split the loose
// text
//   of the enclosing block (root, li, td, th, blockquote) into paragraphs:
//   "<div>a</div><div>b</div>"
//   -> "<p>a</p><p>b</p>". Loose text with no such boundary is left as it is ("a <b>b</b>" ->
//   "a <strong>b</strong>"), so callers that pass an inline fragment get an inline fragment back.
// - Implied end tags as HTML has them for what matters to well-formedness: a block closes an open
//   p, li closes the previous li, td/th/tr/tbody close their previous siblings, a closes an open a.
//   Table parts outside any table are dropped (their text kept), as browsers do; a cell with no row
//   gets one.
// - Text is kept as written (no whitespace collapsing) except that CR LF and CR become LF, control
//   characters XML forbids are dropped and invalid UTF-8 becomes U+FFFD; spaces ending a link's
//   text move after the link, and go before a comma, a full stop or a closing parenthesis.

namespace legisite {

namespace {

/// What the sanitizer does with an element.
enum class Kind {
  kUnknown,       // dropped, text kept
  kInline,        // em, strong, sup, sub, u, s, code
  kLink,          // a
  kBreak,         // br
  kParagraph,     // p
  kBlock,         // ul, ol, blockquote, pre, h3-h6
  kHeading,       // h1-h6 (a kBlock that also closes an open heading)
  kListItem,      // li
  kTable,         // table
  kTableSection,  // thead, tbody, tfoot
  kRow,           // tr
  kCell,          // td, th
  kBoundary,      // div and friends: dropped, but a paragraph break
  kDropContent,   // dropped with everything inside
  kRawDrop,       // raw-text elements (script, style…): dropped with their content, unparsed
};

/// An input tag name, the tag written for it ("" when none) and its kind.
struct ElementInfo {
  std::string_view input;
  std::string_view output;
  Kind kind;
};

// clang-format off
constexpr std::array<ElementInfo, 76> kElements = {{
    {"p", "p", Kind::kParagraph},         {"br", "br", Kind::kBreak},
    {"em", "em", Kind::kInline},          {"i", "em", Kind::kInline},
    {"cite", "em", Kind::kInline},        {"dfn", "em", Kind::kInline},
    {"var", "em", Kind::kInline},         {"strong", "strong", Kind::kInline},
    {"b", "strong", Kind::kInline},       {"sup", "sup", Kind::kInline},
    {"sub", "sub", Kind::kInline},        {"u", "u", Kind::kInline},
    {"ins", "u", Kind::kInline},          {"s", "s", Kind::kInline},
    {"strike", "s", Kind::kInline},       {"del", "s", Kind::kInline},
    {"code", "code", Kind::kInline},      {"tt", "code", Kind::kInline},
    {"kbd", "code", Kind::kInline},       {"samp", "code", Kind::kInline},
    {"a", "a", Kind::kLink},              {"ul", "ul", Kind::kBlock},
    {"ol", "ol", Kind::kBlock},           {"blockquote", "blockquote", Kind::kBlock},
    {"pre", "pre", Kind::kBlock},         {"listing", "pre", Kind::kBlock},
    {"h1", "h3", Kind::kHeading},         {"h2", "h3", Kind::kHeading},
    {"h3", "h3", Kind::kHeading},         {"h4", "h4", Kind::kHeading},
    {"h5", "h5", Kind::kHeading},         {"h6", "h6", Kind::kHeading},
    {"li", "li", Kind::kListItem},        {"table", "table", Kind::kTable},
    {"thead", "thead", Kind::kTableSection}, {"tbody", "tbody", Kind::kTableSection},
    {"tfoot", "tfoot", Kind::kTableSection}, {"tr", "tr", Kind::kRow},
    {"td", "td", Kind::kCell},            {"th", "th", Kind::kCell},
    {"div", "", Kind::kBoundary},         {"center", "", Kind::kBoundary},
    {"section", "", Kind::kBoundary},     {"article", "", Kind::kBoundary},
    {"header", "", Kind::kBoundary},      {"footer", "", Kind::kBoundary},
    {"main", "", Kind::kBoundary},        {"nav", "", Kind::kBoundary},
    {"aside", "", Kind::kBoundary},       {"address", "", Kind::kBoundary},
    {"figure", "", Kind::kBoundary},      {"figcaption", "", Kind::kBoundary},
    {"dl", "", Kind::kBoundary},          {"dt", "", Kind::kBoundary},
    {"dd", "", Kind::kBoundary},          {"hr", "", Kind::kBoundary},
    {"form", "", Kind::kBoundary},        {"fieldset", "", Kind::kBoundary},
    {"summary", "", Kind::kBoundary},     {"svg", "", Kind::kDropContent},      {"math", "", Kind::kDropContent},
    {"object", "", Kind::kDropContent},   {"applet", "", Kind::kDropContent},
    {"template", "", Kind::kDropContent}, {"select", "", Kind::kDropContent},
    {"frameset", "", Kind::kDropContent}, {"audio", "", Kind::kDropContent},
    {"video", "", Kind::kDropContent},    {"script", "", Kind::kRawDrop},
    {"style", "", Kind::kRawDrop},        {"iframe", "", Kind::kRawDrop},
    {"noscript", "", Kind::kRawDrop},     {"noembed", "", Kind::kRawDrop},
    {"noframes", "", Kind::kRawDrop},     {"textarea", "", Kind::kRawDrop},
    // A source's apparatus folded away beside the law (Tricoteuses' "Références" and "Autres
    // formats"), never the law's text: read as text, its "Code électoral - article L558-37"
    // became citations of the citing code.
    {"details", "", Kind::kDropContent},
    // <embed> is void: dropping the tag is dropping it "with its content". <title> and <xmp> are
    // raw text whose content would otherwise leak into the article.
}};
// clang-format on
constexpr std::array<ElementInfo, 3> kMoreRawDrop = {{{"title", "", Kind::kRawDrop},
                                                      {"xmp", "", Kind::kRawDrop},
                                                      {"plaintext", "", Kind::kRawDrop}}};

// Deep enough for any real table-in-list-in-table; past it, start tags are dropped (text kept).
constexpr std::size_t kMaxDepth = 128;
// How much of a left-out text a diagnostic quotes.
constexpr std::size_t kExcerptBytes = 60;

const ElementInfo& element_info(std::string_view name) {
  static constexpr ElementInfo kUnknownElement = {"", "", Kind::kUnknown};
  for (const auto& e : kElements)
    if (e.input == name) return e;
  for (const auto& e : kMoreRawDrop)
    if (e.input == name) return e;
  return kUnknownElement;
}

// Appends one code point if XML 1.0 allows it in text; drops the C0 controls it forbids and turns
// the non-characters U+FFFE/U+FFFF into U+FFFD.
void append_xml_char(std::string& out, std::uint32_t cp) {
  if (cp < 0x20 && cp != '\t' && cp != '\n') return;
  if (cp == 0xFFFE || cp == 0xFFFF) cp = 0xFFFD;
  append_utf8(out, cp);
}

// Appends `raw` decoded (entities when `decode`), with CR LF -> LF, invalid UTF-8 -> U+FFFD and
// forbidden controls dropped. Not escaped.
void append_clean_text(std::string& out, std::string_view raw, bool decode) {
  for (std::size_t i = 0; i < raw.size();) {
    // Runs of ASCII that need nothing done are appended whole: most of a French legal text.
    std::size_t run = i;
    while (run < raw.size()) {
      unsigned char c = static_cast<unsigned char>(raw[run]);
      if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n') || (c == '&' && decode)) break;
      ++run;
    }
    if (run > i) {
      out.append(raw.data() + i, run - i);
      i = run;
      continue;
    }
    unsigned char b = static_cast<unsigned char>(raw[i]);
    if (b == '&' && decode) {
      std::string decoded;
      std::size_t consumed = 0;
      if (decode_html_entity(raw.substr(i), decoded, consumed)) {
        append_clean_text(out, decoded,
                          false);  // one level only: decoded text has no '&' to expand
        i += consumed;
        continue;
      }
    }
    if (b == '\r') {
      out += '\n';
      i += i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      continue;
    }
    Utf8Char c = decode_utf8(raw, i);
    std::uint32_t cp = c.valid ? c.code_point : 0xFFFD;
    std::size_t len = c.length;
    if (len > 1 && cp != 0xFFFE && cp != 0xFFFF)
      out.append(raw.data() + i, len);  // valid UTF-8 encodes itself
    else
      append_xml_char(out, cp);
    i += len;
  }
}

}  // namespace

namespace {

// The href to keep, or "" when the link must go: only http, https, mailto, relative URLs and
// fragments survive. Browsers ignore tabs and newlines inside a scheme and leading control
// characters, so the scheme is checked on the value with all of those removed.
std::string safe_href(std::string_view raw) {
  std::string decoded;
  append_clean_text(decoded, raw, true);
  std::string value;
  for (char c : decoded)
    if (c != '\t' && c != '\n') value += c;
  std::size_t begin = 0, end = value.size();
  while (begin < end && value[begin] == ' ') ++begin;
  while (end > begin && value[end - 1] == ' ') --end;
  value = value.substr(begin, end - begin);
  if (value.empty()) return {};
  std::size_t stop = value.find_first_of(":/?#");
  if (stop != std::string::npos && value[stop] == ':') {
    std::string scheme;
    for (std::size_t i = 0; i < stop; ++i) scheme += lower(value[i]);
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return {};
  }
  return value;
}

// colspan/rowspan: a small positive whole number, written without leading zeros; "" otherwise.
std::string safe_span(std::string_view raw) {
  std::string value = decode_html_entities(raw);
  std::size_t begin = 0, end = value.size();
  while (begin < end && is_html_space(value[begin])) ++begin;
  while (end > begin && is_html_space(value[end - 1])) --end;
  while (begin + 1 < end && value[begin] == '0') ++begin;
  if (begin == end || end - begin > 4) return {};
  for (std::size_t i = begin; i < end; ++i)
    if (value[i] < '0' || value[i] > '9') return {};
  if (end - begin == 1 && value[begin] == '0') return {};
  return value.substr(begin, end - begin);
}

/// The attributes of one tag that some kept element may carry.
struct Attributes {
  // Only the attributes some element keeps; the first occurrence wins, as in HTML.
  std::string href, colspan, rowspan;
  bool has_href = false, has_colspan = false, has_rowspan = false;
};

/// An open element. The root frame (empty name) stands for the fragment itself.
struct Frame {
  std::string_view name;
  Kind kind = Kind::kUnknown;
  /// root, li, td, th, blockquote: blocks whose loose text div boundaries split into paragraphs.
  bool flow = false;
  /// A div boundary was seen here: loose text now opens an implicit paragraph.
  bool div_mode = false;
  /// Where the current run of loose inline content started in the output, or npos.
  std::size_t run_start = std::string::npos;
  /// Where the element's content starts in the output.
  std::size_t content_start = 0;
};

/// One sanitizing pass over one input: tokenizer state, output and open-element stack.
class Sanitizer {
 public:
  Sanitizer(std::string_view in, HtmlLoss* loss) : in_(in), loss_(loss) {
    Frame root;
    root.flow = true;
    stack_.push_back(root);
    out_.reserve(in.size() + in.size() / 8);
  }

  std::string run() {
    while (pos_ < in_.size()) {
      if (in_[pos_] == '<') {
        markup();
      } else {
        std::size_t next = in_.find('<', pos_);
        if (next == std::string_view::npos) next = in_.size();
        text(in_.substr(pos_, next - pos_));
        pos_ = next;
      }
    }
    while (stack_.size() > 1) pop();
    return std::move(out_);
  }

 private:
  // --- tokenizer -------------------------------------------------------------------------------

  bool starts_with_ci(std::size_t at, std::string_view word) const {
    if (at + word.size() > in_.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (lower(in_[at + i]) != word[i]) return false;
    return true;
  }

  // Skips to just past the next '>' (or to the end).
  void skip_past_gt() {
    std::size_t gt = in_.find('>', pos_);
    pos_ = gt == std::string_view::npos ? in_.size() : gt + 1;
  }

  void skip_comment() {  // pos_ at "<!--"
    pos_ += 4;
    if (pos_ < in_.size() && in_[pos_] == '>') {  // "<!-->"
      ++pos_;
      return;
    }
    if (in_.substr(pos_, 2) == "->") {  // "<!--->"
      pos_ += 2;
      return;
    }
    std::size_t end = in_.find("-->", pos_);
    if (end == std::string_view::npos) {
      dropped_text(in_.substr(pos_));
      dropped("!--", true);
    }
    pos_ = end == std::string_view::npos ? in_.size() : end + 3;
  }

  // --- what is left out ------------------------------------------------------------------------

  // Text inside an element being dropped: kept aside (the start of it) when it shows anything.
  void dropped_text(std::string_view raw) {
    if (!loss_ || raw.find_first_not_of(" \t\n\r\f") == std::string_view::npos) return;
    dropped_visible_ = true;
    if (dropped_excerpt_.size() > kExcerptBytes) return;
    std::string decoded;
    append_clean_text(decoded, raw.substr(0, 4 * kExcerptBytes), true);
    // Texts between tags are apart: "<text>b</text><p>c" reads "b c".
    if (!dropped_excerpt_.empty() && dropped_excerpt_.back() != ' ') dropped_excerpt_ += ' ';
    for (char c : decoded) {
      if (!is_html_space(c))
        dropped_excerpt_ += c;
      else if (!dropped_excerpt_.empty() && dropped_excerpt_.back() != ' ')
        dropped_excerpt_ += ' ';
    }
  }

  // The element whose dropped_text() calls came before is over; a loss if any of it showed.
  void dropped(std::string_view element, bool unclosed) {
    if (!loss_ || !dropped_visible_) return;
    dropped_visible_ = false;
    std::string excerpt = std::move(dropped_excerpt_);
    dropped_excerpt_.clear();
    // A browser never shows what these hold: dropping it loses nothing, unless one is never
    // closed and takes the rest of the text with it.
    if (!unclosed && (element == "script" || element == "style" || element == "template" ||
                      element == "iframe" || element == "noembed" || element == "noframes"))
      return;
    ++loss_->elements;
    // An unclosed element ends the text: it takes the place of any earlier, smaller loss.
    if (!loss_->element.empty() && !unclosed) return;
    while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
    if (excerpt.size() > kExcerptBytes) {
      excerpt.resize(character_start(excerpt, kExcerptBytes));
      excerpt += "…";
    }
    loss_->element = element;
    loss_->unclosed = unclosed;
    loss_->excerpt = std::move(excerpt);
  }

  std::string read_name() {
    std::string name;
    while (pos_ < in_.size() && !is_html_space(in_[pos_]) && in_[pos_] != '/' && in_[pos_] != '>')
      name += lower(in_[pos_++]);
    return name;
  }

  // Reads attributes up to and including '>'. Returns false at the end of input inside the tag,
  // which HTML treats as "drop the tag".
  bool read_attributes(Attributes& attrs, bool& self_closing) {
    self_closing = false;
    while (true) {
      while (pos_ < in_.size() && is_html_space(in_[pos_])) ++pos_;
      if (pos_ >= in_.size()) return false;
      if (in_[pos_] == '>') {
        ++pos_;
        return true;
      }
      if (in_[pos_] == '/') {
        ++pos_;
        if (pos_ < in_.size() && in_[pos_] == '>') {
          self_closing = true;
          ++pos_;
          return true;
        }
        continue;
      }
      std::string name(1, lower(in_[pos_++]));  // may be '=': HTML reads it as a name character
      while (pos_ < in_.size() && !is_html_space(in_[pos_]) && in_[pos_] != '/' &&
             in_[pos_] != '>' && in_[pos_] != '=')
        name += lower(in_[pos_++]);
      while (pos_ < in_.size() && is_html_space(in_[pos_])) ++pos_;
      std::string_view value;
      if (pos_ < in_.size() && in_[pos_] == '=') {
        ++pos_;
        while (pos_ < in_.size() && is_html_space(in_[pos_])) ++pos_;
        if (pos_ >= in_.size()) return false;
        if (in_[pos_] == '"' || in_[pos_] == '\'') {
          std::size_t close = in_.find(in_[pos_], pos_ + 1);
          if (close == std::string_view::npos) return false;
          value = in_.substr(pos_ + 1, close - pos_ - 1);
          pos_ = close + 1;
        } else {
          std::size_t start = pos_;
          while (pos_ < in_.size() && !is_html_space(in_[pos_]) && in_[pos_] != '>') ++pos_;
          value = in_.substr(start, pos_ - start);
        }
      }
      if (name == "href" && !attrs.has_href) {
        attrs.has_href = true;
        attrs.href = std::string(value);
      } else if (name == "colspan" && !attrs.has_colspan) {
        attrs.has_colspan = true;
        attrs.colspan = std::string(value);
      } else if (name == "rowspan" && !attrs.has_rowspan) {
        attrs.has_rowspan = true;
        attrs.rowspan = std::string(value);
      }
    }
  }

  void markup() {  // pos_ at '<'
    if (starts_with_ci(pos_, "<!--")) {
      skip_comment();
      return;
    }
    char next = pos_ + 1 < in_.size() ? in_[pos_ + 1] : '\0';
    if (next == '!' || next == '?') {  // doctype, CDATA, processing instruction: bogus comments
      skip_past_gt();
      return;
    }
    if (next == '/') {
      char after = pos_ + 2 < in_.size() ? in_[pos_ + 2] : '\0';
      if (!is_alpha(after)) {
        // "</>" is ignored; "</ …>" and "</3>" are bogus comments; a lone "</" at the end is text.
        if (pos_ + 2 >= in_.size()) {
          text(in_.substr(pos_));
          pos_ = in_.size();
        } else {
          skip_past_gt();
        }
        return;
      }
      pos_ += 2;
      std::string name = read_name();
      Attributes ignored;
      bool self_closing = false;
      std::size_t tag_start = pos_;
      if (!read_attributes(ignored, self_closing)) {
        dropped_text(in_.substr(tag_start));
        dropped("</" + name, true);
        pos_ = in_.size();
        return;
      }
      end_tag(element_info(name));
      return;
    }
    if (!is_alpha(next)) {  // "a < b": a literal '<'
      text(in_.substr(pos_, 1));
      ++pos_;
      return;
    }
    ++pos_;
    std::string name = read_name();
    Attributes attrs;
    bool self_closing = false;
    std::size_t tag_start = pos_;
    if (!read_attributes(attrs, self_closing)) {
      dropped_text(in_.substr(tag_start));
      dropped("<" + name, true);
      pos_ = in_.size();
      return;
    }
    start_tag(name, element_info(name), attrs, self_closing);
  }

  // Raw-text element: its content is not markup and ends at the first "</name".
  void skip_raw_text(std::string_view name) {
    const std::size_t start = pos_;
    while (pos_ < in_.size()) {
      std::size_t lt = in_.find("</", pos_);
      if (lt == std::string_view::npos) break;
      pos_ = lt + 2;
      if (starts_with_ci(pos_, name)) {
        std::size_t after = pos_ + name.size();
        if (after >= in_.size() || is_html_space(in_[after]) || in_[after] == '/' ||
            in_[after] == '>') {
          dropped_text(in_.substr(start, lt - start));
          dropped(name, false);
          pos_ = after;
          skip_past_gt();
          return;
        }
      }
    }
    dropped_text(in_.substr(start));
    dropped(name, true);
    pos_ = in_.size();
  }

  // Dropped element with ordinary content: tags are still read (so quoted '>' and nesting of the
  // same element are understood) but nothing is written until its matching end tag.
  void skip_element(std::string_view name) {
    // <details> is a source's apparatus, left out on purpose: not a loss.
    const bool counts = name != "details";
    std::size_t depth = 1;
    while (pos_ < in_.size()) {
      std::size_t lt = in_.find('<', pos_);
      if (lt == std::string_view::npos) break;
      if (counts) dropped_text(in_.substr(pos_, lt - pos_));
      pos_ = lt;
      if (starts_with_ci(pos_, "<!--")) {
        skip_comment();
        continue;
      }
      char next = pos_ + 1 < in_.size() ? in_[pos_ + 1] : '\0';
      bool end = next == '/';
      if (!is_alpha(end ? (pos_ + 2 < in_.size() ? in_[pos_ + 2] : '\0') : next)) {
        ++pos_;
        continue;
      }
      pos_ += end ? 2 : 1;
      std::string tag = read_name();
      Attributes ignored;
      bool self_closing = false;
      if (!read_attributes(ignored, self_closing)) break;
      if (tag != name) continue;
      if (!end && !self_closing) ++depth;
      if (end && --depth == 0) {
        if (counts) dropped(name, false);
        return;
      }
    }
    if (counts) {
      if (pos_ < in_.size() && in_.find('<', pos_) == std::string_view::npos)
        dropped_text(in_.substr(pos_));
      dropped(name, true);
    }
    pos_ = in_.size();
  }

  // --- tree building ---------------------------------------------------------------------------

  static bool is_flow(std::string_view name) {
    return name == "li" || name == "td" || name == "th" || name == "blockquote";
  }

  bool push(std::string_view name, Kind kind, std::string_view attributes = {}) {
    if (stack_.size() >= kMaxDepth) {
      if (loss_) ++loss_->too_deep;
      return false;
    }
    out_ += '<';
    out_ += name;
    out_ += attributes;
    out_ += '>';
    Frame frame;
    frame.name = name;
    frame.kind = kind;
    frame.flow = is_flow(name);
    frame.content_start = out_.size();
    stack_.push_back(frame);
    if (kind == Kind::kParagraph) ++open_paragraphs_;
    return true;
  }

  void pop() {
    // A link whose text ends in a space ("L. 212-1 </a>, L. 213-1" in Légifrance's texts) shows
    // a space before the comma: the space moves after the link, where text() drops it before
    // a comma, a full stop or a closing parenthesis.
    std::size_t spaces = 0;
    if (stack_.back().kind == Kind::kLink) {
      const std::size_t start = stack_.back().content_start;
      while (out_.size() - spaces > start && out_[out_.size() - spaces - 1] == ' ') ++spaces;
      if (out_.size() - spaces == start) spaces = 0;  // a link of spaces alone is left as it is
      out_.resize(out_.size() - spaces);
    }
    out_ += "</";
    out_ += stack_.back().name;
    out_ += '>';
    if (spaces > 0) {
      out_ += ' ';
      space_after_link_ = out_.size();
    }
    if (stack_.back().kind == Kind::kParagraph) --open_paragraphs_;
    stack_.pop_back();
  }

  void pop_to_above(std::size_t index) {
    while (stack_.size() > index + 1) pop();
  }

  // Index of the nearest open element called `name`, searching down from the top and giving up at
  // any element named in `barriers`; 0 (the root) when not found.
  std::size_t find_open(std::string_view name,
                        std::initializer_list<std::string_view> barriers) const {
    for (std::size_t i = stack_.size() - 1; i > 0; --i) {
      if (stack_[i].name == name) return i;
      for (auto b : barriers)
        if (stack_[i].name == b) return 0;
    }
    return 0;
  }

  std::size_t find_kind(Kind kind, std::size_t above = 0) const {
    for (std::size_t i = stack_.size() - 1; i > above; --i)
      if (stack_[i].kind == kind) return i;
    return 0;
  }

  void close_paragraph() {
    if (open_paragraphs_ == 0) return;  // the common case, without a walk down the stack
    if (std::size_t p = find_open("p", {"td", "th", "table", "li", "blockquote"})) {
      pop_to_above(p);
      pop();
    }
  }

  // Before inline content: inside a block split by div boundaries, open an implicit paragraph;
  // otherwise remember where this run of loose content began, in case a boundary follows.
  void ensure_inline_context() {
    Frame& top = stack_.back();
    if (!top.flow) return;
    if (top.div_mode) {
      push("p", Kind::kParagraph);
      return;
    }
    if (top.run_start == std::string::npos) top.run_start = out_.size();
  }

  void block_started() {
    Frame& top = stack_.back();
    if (top.flow) top.run_start = std::string::npos;
  }

  // A div boundary: the loose content before it becomes a paragraph, and so will what follows.
  void paragraph_break() {
    Frame& top = stack_.back();
    if (!top.flow) return;
    if (top.run_start != std::string::npos) {
      // The run holds only whole elements (its container is on top), so wrapping it is safe; each
      // run is wrapped at most once, which keeps the pass linear.
      out_.insert(top.run_start, "<p>");
      out_ += "</p>";
      top.run_start = std::string::npos;
    }
    top.div_mode = true;
  }

  void text(std::string_view raw) {
    std::string decoded;
    append_clean_text(decoded, raw, true);
    if (decoded.empty()) return;
    bool blank = decoded.find_first_not_of(" \t\n\f") == std::string::npos;
    if (!blank) ensure_inline_context();
    if (out_.size() == space_after_link_ && decoded.find_first_of(",.)") == 0) out_.pop_back();
    append_html_escaped(out_, decoded);
  }

  void start_tag(std::string_view name, const ElementInfo& info, const Attributes& attrs,
                 bool self_closing) {
    switch (info.kind) {
      case Kind::kUnknown:
        return;
      case Kind::kRawDrop:
        skip_raw_text(name);
        return;
      case Kind::kDropContent:
        if (!self_closing) skip_element(name);
        return;
      case Kind::kBreak:
        ensure_inline_context();
        out_ += "<br />";
        return;
      case Kind::kBoundary:
        close_paragraph();
        paragraph_break();
        return;
      case Kind::kInline:
        ensure_inline_context();
        push(info.output, info.kind);
        return;
      case Kind::kLink: {
        std::string href = attrs.has_href ? safe_href(attrs.href) : std::string();
        if (href.empty()) return;  // a link to nowhere (or to javascript:) keeps only its text
        if (std::size_t open = find_open("a", {"td", "th", "table"})) {
          pop_to_above(open);
          pop();
        }
        ensure_inline_context();
        std::string attributes = " href=\"";
        append_html_escaped(attributes, href);
        attributes += '"';
        push(info.output, info.kind, attributes);
        return;
      }
      case Kind::kParagraph:
      case Kind::kBlock:
      case Kind::kTable:
        close_paragraph();
        block_started();
        push(info.output, info.kind);
        return;
      case Kind::kHeading:
        close_paragraph();
        if (stack_.back().kind == Kind::kHeading) pop();
        block_started();
        push(info.output, info.kind);
        return;
      case Kind::kListItem: {
        for (std::size_t i = stack_.size() - 1; i > 0; --i) {
          Kind k = stack_[i].kind;
          if (k == Kind::kListItem) {
            pop_to_above(i);
            pop();
            break;
          }
          if (k != Kind::kInline && k != Kind::kLink && k != Kind::kParagraph) break;
        }
        close_paragraph();
        block_started();
        push(info.output, info.kind);
        return;
      }
      case Kind::kTableSection: {
        std::size_t table = find_kind(Kind::kTable);
        if (!table) return;
        pop_to_above(table);
        push(info.output, info.kind);
        return;
      }
      case Kind::kRow: {
        std::size_t table = find_kind(Kind::kTable);
        if (!table) return;
        std::size_t section = find_kind(Kind::kTableSection, table);
        pop_to_above(section ? section : table);
        push(info.output, info.kind);
        return;
      }
      case Kind::kCell: {
        std::size_t table = find_kind(Kind::kTable);
        if (!table) return;
        if (std::size_t row = find_kind(Kind::kRow, table)) {
          pop_to_above(row);
        } else {
          std::size_t section = find_kind(Kind::kTableSection, table);
          pop_to_above(section ? section : table);
          if (!push("tr", Kind::kRow)) return;
        }
        std::string attributes;
        std::string colspan = attrs.has_colspan ? safe_span(attrs.colspan) : std::string();
        std::string rowspan = attrs.has_rowspan ? safe_span(attrs.rowspan) : std::string();
        if (!colspan.empty()) attributes += " colspan=\"" + colspan + '"';
        if (!rowspan.empty()) attributes += " rowspan=\"" + rowspan + '"';
        push(info.output, info.kind, attributes);
        return;
      }
    }
  }

  void end_tag(const ElementInfo& info) {
    std::size_t open = 0;
    switch (info.kind) {
      case Kind::kUnknown:
      case Kind::kRawDrop:
      case Kind::kDropContent:
        return;
      case Kind::kBreak:  // browsers read </br> as <br>
        ensure_inline_context();
        out_ += "<br />";
        return;
      case Kind::kBoundary:
        close_paragraph();
        paragraph_break();
        return;
      case Kind::kParagraph:
        close_paragraph();
        return;
      case Kind::kCell:
        open = find_open(info.output, {"tr", "table"});
        break;
      case Kind::kRow:
      case Kind::kTableSection:
        open = find_open(info.output, {"table"});
        break;
      case Kind::kTable:
        open = find_open(info.output, {});
        break;
      case Kind::kListItem:
        open = find_open(info.output, {"ul", "ol", "td", "th", "table"});
        break;
      case Kind::kHeading:
        // </h2> closes an <h4>, as in HTML: any open heading.
        for (std::size_t i = stack_.size() - 1; i > 0 && !open; --i) {
          if (stack_[i].kind == Kind::kHeading) open = i;
          std::string_view n = stack_[i].name;
          if (n == "td" || n == "th" || n == "table") break;
        }
        break;
      case Kind::kInline:
      case Kind::kLink:
      case Kind::kBlock:
        open = find_open(info.output, {"td", "th", "table"});
        break;
    }
    if (open) {
      pop_to_above(open);
      pop();
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::string out_;
  std::vector<Frame> stack_;
  std::size_t open_paragraphs_ = 0;
  /// The output's size just after the space a link's text ended with, moved after the link.
  std::size_t space_after_link_ = std::string::npos;
  HtmlLoss* loss_;
  bool dropped_visible_ = false;
  std::string dropped_excerpt_;
};

// How a message names what was left out: an element, a comment, or a tag with no '>'.
std::string quoted(const std::string& element) {
  if (element == "!--") return "a comment (<!--)";
  if (element.starts_with('<')) return "the tag " + element + " (no '>')";
  return "<" + element + ">";
}

}  // namespace

std::string sanitize_html(std::string_view html) { return Sanitizer(html, nullptr).run(); }

std::string sanitize_html(std::string_view html, HtmlLoss& loss) {
  loss = HtmlLoss();
  return Sanitizer(html, &loss).run();
}

std::string sanitize_legifrance_html(std::string_view html, HtmlLoss& loss) {
  constexpr std::string_view kSite = "https://www.legifrance.gouv.fr";
  std::string absolute;
  std::size_t copied = 0;
  for (std::size_t at = html.find("href="); at != std::string_view::npos;
       at = html.find("href=", at + 5)) {
    std::size_t value = at + 5;
    if (value < html.size() && (html[value] == '\'' || html[value] == '"')) ++value;
    if (value + 1 >= html.size() || html[value] != '/' || html[value + 1] == '/') continue;
    absolute.append(html.substr(copied, value - copied));
    absolute.append(kSite);
    copied = value;
  }
  if (copied == 0) return sanitize_html(html, loss);  // copied only when it has such a link
  absolute.append(html.substr(copied));
  return sanitize_html(absolute, loss);
}

std::vector<std::pair<std::string, std::string>> HtmlLoss::messages() const {
  std::vector<std::pair<std::string, std::string>> out;
  if (elements > 0) {
    std::string message = unclosed
                              ? quoted(element) + " is never closed: the text after it is left out"
                              : "the text inside " + quoted(element) + " is left out";
    std::string note = "left out: \"" + excerpt + "\"";
    if (elements > 1) note += " and the text of " + std::to_string(elements - 1) + " more";
    out.emplace_back(std::move(message), std::move(note));
  }
  if (too_deep > 0)
    out.emplace_back("HTML nested more than " + std::to_string(kMaxDepth) +
                         " elements deep: the deeper tags are dropped, their text kept",
                     std::to_string(too_deep) + " tags dropped");
  return out;
}

}  // namespace legisite
