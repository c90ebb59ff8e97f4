#include "resolve/text_diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "text/ascii.h"
#include "text/spaces.h"
#include "text/utf8.h"

namespace legisite {

namespace {

using Kind = DiffToken::Kind;

// Beyond this many edits the middle of two texts is shown as replaced whole: the trace Myers keeps
// grows with the square of the edits, and a text rewritten end to end gains nothing from a finer
// script.
constexpr int kMaxEdits = 1500;
// Each edit may extend a snake along the whole texts: the comparisons are counted too, so that two
// long texts sharing their words (every snake short but many) stay bounded. A count, not a time:
// the same texts give the same page on any machine.
constexpr std::size_t kMaxComparisons = 20'000'000;

// Multi-byte punctuation French texts use: guillemets, dashes, ellipsis, curly quotes.
bool is_unicode_punctuation(std::string_view s) {
  return s == "\xC2\xAB" || s == "\xC2\xBB" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94" ||
         s == "\xE2\x80\xA6" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x98";
}

bool is_space_entity(std::string_view e) {
  return e == "&nbsp;" || e == "&#160;" || e == "&#xa0;" || e == "&#xA0;" || e == "&#8239;" ||
         e == "&#x202f;" || e == "&#x202F;";
}

/// What an edit script does with one token.
enum class Op : std::uint8_t { kEqual, kDelete, kInsert };

/// One step of an edit script, in order of the newer text: indexes of the token in `before`
/// (kEqual, kDelete) and in `after` (kEqual, kInsert).
struct Step {
  Op op;
  std::size_t a = 0;
  std::size_t b = 0;
};

// Myers' greedy shortest edit script between a[0..n) and b[0..m); false when it needs more than
// kMaxEdits edits or kMaxComparisons comparisons. `steps` comes out in order, indexes relative to a
// and b.
bool myers(const std::uint32_t* a, int n, const std::uint32_t* b, int m, std::vector<Step>& steps) {
  const int max = std::min(n + m, kMaxEdits);
  const int offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;  // trace[d]: v over k in [-d, d] before step d
  int found = -1;
  std::size_t comparisons = 0;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      const int start = x;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      comparisons += static_cast<std::size_t>(x - start) + 1;
      if (comparisons > kMaxComparisons) return false;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  auto at = [](int i) { return static_cast<std::size_t>(i); };
  std::vector<Step> reversed;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& before = trace[d];  // index k + d
    auto v_at = [&](int k) { return before[k + d]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && v_at(k - 1) < v_at(k + 1))) ? k + 1 : k - 1;
    int prev_x = v_at(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) --x, --y, reversed.push_back({Op::kEqual, at(x), at(y)});
    if (x == prev_x)
      reversed.push_back({Op::kInsert, 0, at(prev_y)});
    else
      reversed.push_back({Op::kDelete, at(prev_x), 0});
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) --x, --y, reversed.push_back({Op::kEqual, at(x), at(y)});
  steps.insert(steps.end(), reversed.rbegin(), reversed.rend());
  return true;
}

// Semantic cleanup: an equal stretch of one or two words with changes on both sides ("de", "des
// et", a lone "-") is a coincidence of a rewritten sentence, not something kept; shown as kept it
// chops the change into unreadable pieces. Such stretches become removed and added again.
// Stretches with a tag stay, as tags are structure. Spaces are not in the script, so a change of
// spacing alone never counts as a change on either side.
void merge_coincidences(const std::vector<DiffToken>& a, std::vector<Step>& steps) {
  for (int pass = 0; pass < 3; ++pass) {
    bool changed = false;
    std::vector<Step> out;
    out.reserve(steps.size());
    for (std::size_t k = 0; k < steps.size();) {
      if (steps[k].op != Op::kEqual) {
        out.push_back(steps[k++]);
        continue;
      }
      std::size_t end = k;
      int words = 0;
      bool tag = false;
      while (end < steps.size() && steps[end].op == Op::kEqual) {
        const DiffToken& t = a[steps[end].a];
        words += t.kind == Kind::kWord;
        tag = tag || t.kind == Kind::kTag;
        ++end;
      }
      bool between_changes = k > 0 && end < steps.size();
      if (between_changes && !tag && words <= 2) {
        for (std::size_t e = k; e < end; ++e) out.push_back({Op::kDelete, steps[e].a, 0});
        for (std::size_t e = k; e < end; ++e) out.push_back({Op::kInsert, 0, steps[e].b});
        changed = true;
      } else {
        out.insert(out.end(), steps.begin() + static_cast<std::ptrdiff_t>(k),
                   steps.begin() + static_cast<std::ptrdiff_t>(end));
      }
      k = end;
    }
    steps = std::move(out);
    if (!changed) break;
  }
}

// Writes the runs of a diff from its edit script. The newer text is written whole, in order,
// its spacing kept; removed runs go where their tokens sat between the newer text's tokens.
class DiffWriter {
 public:
  DiffWriter(std::string_view before, std::string_view after, const std::vector<DiffToken>& a,
             const std::vector<DiffToken>& b, bool keep_before_tags, TextDiff& out)
      : before_(before),
        after_(after),
        a_(a),
        b_(b),
        out_(out),
        keep_before_tags_(keep_before_tags) {}

  // One step of the script, in order; a change waits until the next kept token (or finish).
  void step(const Step& s) {
    if (s.op == Op::kDelete) return removed_.push_back(s.a);
    if (s.op == Op::kInsert) return added_.push_back(s.b);
    if (removed_.empty() && added_.empty()) count_spacing(s);
    flush(s.b);
    keep_b_until(s.b + 1);
    last_ = s;
    has_last_ = true;
  }
  void finish() {
    flush(b_.size());
    keep_b_until(b_.size());
  }

 private:
  bool visible(const DiffToken& t) const { return t.kind != Kind::kTag && t.kind != Kind::kSpace; }

  // Two tokens kept in a row, one text with a space between them and the other without ("I.-"
  // and "I. -"): a change of spacing, not shown, counted for the note that says so.
  void count_spacing(const Step& s) {
    if (!has_last_ || !visible(a_[s.a]) || !visible(a_[last_.a])) return;
    if ((s.a - last_.a > 1) != (s.b - last_.b > 1)) ++out_.spacing_changes;
  }

  std::size_t b_offset(std::size_t index) const {
    return index < b_.size() ? static_cast<std::size_t>(b_[index].text.data() - after_.data())
                             : after_.size();
  }

  void keep(std::string_view html, std::size_t offset) {
    if (html.empty()) return;
    if (out_.runs.empty() || out_.runs.back().kind != DiffRun::Kind::kKept)
      out_.runs.push_back({DiffRun::Kind::kKept, {}, offset, offset});
    out_.runs.back().html += html;
  }
  void keep_b_until(std::size_t end) {
    for (; next_b_ < end && next_b_ < b_.size(); ++next_b_)
      keep(b_[next_b_].text, b_offset(next_b_));
  }

  // The change collected since the last kept token: the newer text's spaces before it, what was
  // removed, then what was added.
  void flush(std::size_t next_kept) {
    if (removed_.empty() && added_.empty()) return;
    keep_b_until(added_.empty() ? next_kept : added_.front());
    if (!removed_.empty()) write(a_, before_, removed_.front(), removed_.back() + 1, false);
    if (!added_.empty()) {
      write(b_, after_, added_.front(), added_.back() + 1, true);
      next_b_ = added_.back() + 1;
    }
    removed_.clear();
    added_.clear();
  }

  // Writes tokens [from, to) of one text as marked runs. Tags are kept bare (the older text's
  // only when the newer one is empty), ending the marked run before them, so marks never straddle
  // an element boundary; spaces inside a run are marked, spaces around it are not.
  void write(const std::vector<DiffToken>& tokens, std::string_view text, std::size_t from,
             std::size_t to, bool insertion) {
    const auto kind = insertion ? DiffRun::Kind::kAdded : DiffRun::Kind::kRemoved;
    const std::size_t position = b_offset(next_b_);
    bool is_open = false;
    std::string_view pending;  // spaces wait until a word follows, so marks hug the words
    auto offset = [&](std::string_view s) {
      return static_cast<std::size_t>(s.data() - text.data());
    };
    for (std::size_t i = from; i < to; ++i) {
      const DiffToken& t = tokens[i];
      if (t.kind == Kind::kSpace) {
        if (is_open)
          pending = pending.empty() ? t.text
                                    : text.substr(offset(pending),
                                                  offset(t.text) + t.text.size() - offset(pending));
        else if (insertion)
          keep(t.text, offset(t.text));
        continue;
      }
      if (t.kind == Kind::kTag) {
        out_.structure_changed = true;
        is_open = false;
        if (insertion) keep(pending, offset(pending));
        pending = {};
        if (insertion || keep_before_tags_) keep(t.text, insertion ? offset(t.text) : position);
        continue;
      }
      if (!is_open) {
        out_.runs.push_back({kind, {}, offset(t.text), insertion ? offset(t.text) : position});
        is_open = true;
      }
      out_.runs.back().html.append(pending).append(t.text);
      pending = {};
      if (t.kind == Kind::kWord)
        ++(insertion ? out_.words_added : out_.words_removed);
      else
        out_.punctuation_changed = true;
    }
    if (insertion && !pending.empty()) keep(pending, offset(pending));
  }

  std::string_view before_, after_;
  const std::vector<DiffToken>& a_;
  const std::vector<DiffToken>& b_;
  TextDiff& out_;
  const bool keep_before_tags_;
  std::vector<std::size_t> removed_, added_;
  std::size_t next_b_ = 0;  // the first token of `after` not written yet
  Step last_{Op::kEqual};   // the last kept token
  bool has_last_ = false;
};

// Texts that differ past the budget: no runs, the page shows both versions whole. The counts are
// those of the differing middle, removed whole and added whole, for the summaries.
TextDiff beyond_budget(const std::vector<DiffToken>& a, const std::vector<std::size_t>& ia,
                       std::size_t a_from, std::size_t a_to, const std::vector<DiffToken>& b,
                       const std::vector<std::size_t>& ib, std::size_t b_from, std::size_t b_to) {
  TextDiff out;
  out.beyond_budget = true;
  auto count = [&out](const std::vector<DiffToken>& tokens, const std::vector<std::size_t>& index,
                      std::size_t from, std::size_t to, std::size_t& words) {
    for (std::size_t i = from; i < to; ++i) {
      const Kind kind = tokens[index[i]].kind;
      words += kind == Kind::kWord;
      out.punctuation_changed = out.punctuation_changed || kind == Kind::kPunctuation;
      out.structure_changed = out.structure_changed || kind == Kind::kTag;
    }
  };
  count(a, ia, a_from, a_to, out.words_removed);
  count(b, ib, b_from, b_to, out.words_added);
  return out;
}

// Cuts HTML into diff tokens, one character or markup at a time; a word runs from `word_start`
// until something ends it.
struct DiffTokenizer {
  std::string_view html;
  std::vector<DiffToken> tokens;
  std::size_t word_start = std::string_view::npos;

  bool in_word() const { return word_start != std::string_view::npos; }
  void start_word(std::size_t at) {
    if (!in_word()) word_start = at;
  }
  void end_word(std::size_t at) {
    if (in_word()) tokens.push_back({Kind::kWord, html.substr(word_start, at - word_start)});
    word_start = std::string_view::npos;
  }
  // Ends the word before a token of `kind`, then adds it.
  void token(Kind kind, std::size_t at, std::size_t length) {
    end_word(at);
    // Runs of space merge into one token, so "a  b" and "a b" compare equal.
    if (kind == Kind::kSpace && !tokens.empty() && tokens.back().kind == Kind::kSpace &&
        tokens.back().text.data() + tokens.back().text.size() == html.data() + at) {
      tokens.back().text =
          html.substr(tokens.back().text.data() - html.data(), tokens.back().text.size() + length);
      return;
    }
    tokens.push_back({kind, html.substr(at, length)});
  }

  // Each reads what starts at `i` and returns its length.
  std::size_t tag(std::size_t i) {
    std::size_t close = html.find('>', i);
    std::size_t length = close == std::string_view::npos ? html.size() - i : close + 1 - i;
    token(Kind::kTag, i, length);
    return length;
  }
  std::size_t entity(std::size_t i) {
    std::size_t semi = html.find(';', i);
    std::size_t length = semi != std::string_view::npos && semi - i <= 10 ? semi + 1 - i : 1;
    const std::string_view text = html.substr(i, length);
    if (is_space_entity(text))
      token(Kind::kSpace, i, length);
    else if (length > 1 && text != "&#39;" && text != "&quot;")
      start_word(i);  // "&amp;" and letters
    else if (text == "&#39;" && in_word())
      end_word(i + length);  // an escaped apostrophe ends its word, like a raw one
    else
      token(Kind::kPunctuation, i, length);
    return length;
  }
  std::size_t non_ascii(std::size_t i) {
    std::size_t length = decode_utf8(html, i).length;
    std::string_view ch = html.substr(i, length);
    if (space_len(html, i) == length)
      token(Kind::kSpace, i, length);
    else if (ch == "\xE2\x80\x99" && in_word())  // ’ closes "d’", "l’"
      end_word(i + length);
    else if (ch == "\xE2\x80\x99" || is_unicode_punctuation(ch))
      token(Kind::kPunctuation, i, length);
    else
      start_word(i);
    return length;
  }
  std::size_t ascii(std::size_t i) {
    const char c = html[i];
    if (is_space(c)) {
      token(Kind::kSpace, i, 1);
    } else if (is_alnum(c)) {
      start_word(i);
    } else if (c == '\'' && in_word()) {
      end_word(i + 1);
    } else if ((c == '-' || c == '.' || c == ',') && in_word() && i + 1 < html.size() &&
               is_alnum(html[i + 1]) &&
               (c == '-' || (is_digit(html[i - 1]) && is_digit(html[i + 1])))) {
      // "133-6-1", "L133-19" and "1,5" or "1.000" are one word; "L." before a space is not.
    } else {
      token(Kind::kPunctuation, i, 1);
    }
    return 1;
  }
};

}  // namespace

std::vector<DiffToken> tokenize_for_diff(std::string_view html) {
  DiffTokenizer t{html, {}};
  for (std::size_t i = 0; i < html.size();) {
    const unsigned char c = static_cast<unsigned char>(html[i]);
    if (c == '<')
      i += t.tag(i);
    else if (c == '&')
      i += t.entity(i);
    else if (c >= 0x80)
      i += t.non_ascii(i);
    else
      i += t.ascii(i);
  }
  t.end_word(html.size());
  return std::move(t.tokens);
}

TextDiff diff_texts(std::string_view before, std::string_view after) {
  const std::vector<DiffToken> a = tokenize_for_diff(before);
  const std::vector<DiffToken> b = tokenize_for_diff(after);
  // The newer text gives the structure; an emptied text keeps the older one's so its removed
  // paragraphs stay paragraphs.
  const bool keep_before_tags =
      std::none_of(b.begin(), b.end(), [](const DiffToken& t) { return t.kind != Kind::kSpace; });

  // Only words, punctuation and tags are compared: spaces are the newer text's, so "I.-" and
  // "I. -" (or two spaces and one) differ in spacing only, which the note of the diff counts.
  // Tokens become numbers, equal when the tokens are: Myers' inner loop compares integers.
  std::unordered_map<std::string_view, std::uint32_t> numbers;
  std::vector<std::uint32_t> na, nb;
  std::vector<std::size_t> ia, ib;  // where each compared token sits in a and b
  auto number = [&](const std::vector<DiffToken>& tokens, std::vector<std::uint32_t>& n,
                    std::vector<std::size_t>& index) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].kind == Kind::kSpace) continue;
      n.push_back(numbers.try_emplace(tokens[i].text, static_cast<std::uint32_t>(numbers.size()))
                      .first->second);
      index.push_back(i);
    }
  };
  number(a, na, ia);
  number(b, nb, ib);

  std::size_t prefix = 0;
  while (prefix < na.size() && prefix < nb.size() && na[prefix] == nb[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < na.size() - prefix && suffix < nb.size() - prefix &&
         na[na.size() - 1 - suffix] == nb[nb.size() - 1 - suffix])
    ++suffix;

  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) steps.push_back({Op::kEqual, i, i});
  const int n = static_cast<int>(na.size() - prefix - suffix);
  const int m = static_cast<int>(nb.size() - prefix - suffix);
  std::vector<Step> middle;
  if (!myers(na.data() + prefix, n, nb.data() + prefix, m, middle))
    return beyond_budget(a, ia, prefix, ia.size() - suffix, b, ib, prefix, ib.size() - suffix);
  for (Step s : middle) steps.push_back({s.op, s.a + prefix, s.b + prefix});
  for (std::size_t i = 0; i < suffix; ++i)
    steps.push_back({Op::kEqual, na.size() - suffix + i, nb.size() - suffix + i});
  // From positions among compared tokens to positions in the texts.
  for (Step& s : steps) {
    if (s.op != Op::kInsert) s.a = ia[s.a];
    if (s.op != Op::kDelete) s.b = ib[s.b];
  }
  merge_coincidences(a, steps);

  TextDiff out;
  DiffWriter writer(before, after, a, b, keep_before_tags, out);
  for (const Step& s : steps) writer.step(s);
  writer.finish();
  return out;
}

}  // namespace legisite
