#include "render/alineas.h"

#include <vector>

namespace legisite {

namespace {

/// One piece of sanitised HTML: a run of text or one tag, with the element's name.
struct Token {
  enum Kind { kText, kOpen, kClose, kVoid };
  Kind kind = kText;
  std::string_view source;  // as written
  std::string_view name;    // empty for text
};

std::vector<Token> tokenize(std::string_view html) {
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      std::size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      tokens.push_back({Token::kText, html.substr(i, next - i), {}});
      i = next;
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string_view::npos) {  // not from the sanitiser: keep it as text
      tokens.push_back({Token::kText, html.substr(i), {}});
      break;
    }
    std::string_view tag = html.substr(i + 1, close - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    std::string_view name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /\t\n"));
    Token::Kind kind = closing ? Token::kClose : Token::kOpen;
    if (!closing && (name == "br" || name == "img" || name == "wbr" || name == "hr" ||
                     (!tag.empty() && tag.back() == '/')))
      kind = Token::kVoid;
    tokens.push_back({kind, html.substr(i, close + 1 - i), name});
    i = close + 1;
  }
  return tokens;
}

// Tags that end one alinéa and let the next begin: blocks, and the line break.
bool is_boundary(std::string_view name) {
  static constexpr std::string_view kNames[] = {"p",     "li",         "br",  "div", "ul", "ol",
                                                "table", "blockquote", "pre", "h1",  "h2", "h3",
                                                "h4",    "h5",         "h6",  "dl",  "dt", "dd"};
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// A run of tokens between two boundaries, outside any table: [first, last) of the tokens.
struct Segment {
  std::size_t first = 0, last = 0;
  bool has_text = false;  // an alinéa
  bool has_tag = false;
};

// Calls `on_structure(i)` for each token that is a boundary or inside a table, and
// `on_segment(segment)` for each run of other tokens, in order.
template <typename OnStructure, typename OnSegment>
void walk(const std::vector<Token>& tokens, OnStructure on_structure, OnSegment on_segment) {
  int table_depth = 0;
  Segment segment;
  auto flush = [&](std::size_t at) {
    segment.last = at;
    if (segment.first < segment.last) on_segment(segment);
    segment = Segment{at + 1};
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    bool table_tag = t.kind != Token::kText && t.name == "table";
    if (table_depth > 0 || table_tag || (t.kind != Token::kText && is_boundary(t.name))) {
      flush(i);
      if (table_tag && t.kind == Token::kOpen) ++table_depth;
      if (table_tag && t.kind == Token::kClose && table_depth > 0) --table_depth;
      on_structure(i);
      continue;
    }
    if (t.kind == Token::kText)
      segment.has_text = segment.has_text || !is_blank(t.source);
    else
      segment.has_tag = true;
  }
  flush(tokens.size());
}

/// An inline element open where an alinéa ends, to be closed there and opened again in the next.
struct OpenInline {
  std::string_view start_tag, name;
  std::size_t start_end = 0;  // where its start tag ends in the output
  bool reopened = false;      // the start tag written is ours, not the source's
};

class AlineaWriter {
 public:
  explicit AlineaWriter(std::string_view html) : tokens_(tokenize(html)) {
    out_.reserve(html.size() + 512);
  }

  std::string run() {
    int table_depth = 0;
    walk(
        tokens_,
        [&](std::size_t i) {
          const Token& t = tokens_[i];
          const bool table = t.kind != Token::kText && t.name == "table";
          // A table cannot sit in an alinéa's span: a table of the text (not one nested in
          // another) gets an anchor of its own, #tableau-N, highlighted as an alinéa is.
          if (table && t.kind == Token::kOpen && table_depth++ == 0) {
            out_ += "<table id=\"";
            out_ += table_anchor(++tables_);
            out_ += '"';
            out_ += t.source.substr(6);
            return;
          }
          if (table && t.kind == Token::kClose && table_depth > 0) --table_depth;
          out_ += t.source;
        },
        [&](const Segment& s) { write(s); });
    return std::move(out_);
  }

 private:
  void write(const Segment& s) {
    std::size_t i = s.first;
    if (!s.has_tag && !s.has_text) {  // blank text between blocks
      for (; i < s.last; ++i) out_ += tokens_[i].source;
      return;
    }
    // Leading white space stays outside the alinéa.
    for (; i < s.last && tokens_[i].kind == Token::kText && is_blank(tokens_[i].source); ++i)
      out_ += tokens_[i].source;
    Token first = i < s.last ? tokens_[i] : Token{};
    if (i < s.last && first.kind == Token::kText) {
      std::size_t lead = first.source.find_first_not_of(" \t\r\n");
      out_ += first.source.substr(0, lead);
      first.source.remove_prefix(lead);
    }
    if (s.has_text) out_ += "<span class=\"alinea\" id=\"" + alinea_anchor(++count_) + "\">";
    for (OpenInline& o : open_) {
      out_ += o.start_tag;
      o.start_end = out_.size();
    }
    if (i < s.last) write(first);
    for (++i; i < s.last; ++i) write(tokens_[i]);
    // Close what is still open (dropping a start tag with nothing after it), to open it again in
    // the next alinéa.
    for (std::size_t k = open_.size(); k-- > 0;) {
      OpenInline& o = open_[k];
      if (out_.size() == o.start_end)
        out_.resize(out_.size() - o.start_tag.size());
      else
        out_.append("</").append(o.name).append(">");
      o.reopened = true;
    }
    if (s.has_text) out_ += "</span>";
  }

  void write(const Token& t) {
    if (t.kind == Token::kOpen) {
      out_ += t.source;
      open_.push_back({t.source, t.name, out_.size(), false});
      return;
    }
    if (t.kind == Token::kClose && !open_.empty() && open_.back().name == t.name) {
      const OpenInline& o = open_.back();
      if (o.reopened && out_.size() == o.start_end)
        out_.resize(out_.size() - o.start_tag.size());  // an element reopened for nothing
      else
        out_ += t.source;
      open_.pop_back();
      return;
    }
    out_ += t.source;
  }

  std::vector<Token> tokens_;
  std::vector<OpenInline> open_;
  std::string out_;
  int count_ = 0;
  int tables_ = 0;
};

}  // namespace

std::string alinea_anchor(int alinea) { return "alinea-" + std::to_string(alinea); }

std::string table_anchor(int table) { return "tableau-" + std::to_string(table); }

std::string with_alinea_anchors(std::string_view html) { return AlineaWriter(html).run(); }

int alinea_count(std::string_view html) {
  int count = 0;
  walk(
      tokenize(html), [](std::size_t) {}, [&](const Segment& s) { count += s.has_text; });
  return count;
}

}  // namespace legisite
