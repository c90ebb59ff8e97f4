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

/// One step of an edit script, in order of the newer text.
struct Step {
  Op op;
  std::size_t index;  // into before (kEqual, kDelete) or after (kInsert)
};

// Myers' greedy shortest edit script between a[0..n) and b[0..m); false when it needs more than
// kMaxEdits edits. `steps` comes out in order.
bool myers(const std::uint32_t* a, int n, const std::uint32_t* b, int m, std::vector<Step>& steps) {
  const int max = std::min(n + m, kMaxEdits);
  const int offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;  // trace[d]: v over k in [-d, d] before step d
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  std::vector<Step> reversed;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& before = trace[d];  // index k + d
    auto at = [&](int k) { return before[k + d]; };
    int k = x - y;
    int prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prev_x = at(prev_k);
    int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y)
      reversed.push_back({Op::kEqual, static_cast<std::size_t>(--x)}), --y;
    if (x == prev_x)
      reversed.push_back({Op::kInsert, static_cast<std::size_t>(prev_y)});
    else
      reversed.push_back({Op::kDelete, static_cast<std::size_t>(prev_x)});
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) reversed.push_back({Op::kEqual, static_cast<std::size_t>(--x)}), --y;
  steps.insert(steps.end(), reversed.rbegin(), reversed.rend());
  return true;
}

// Appends to the diff's runs: kept text joins the kept run before it, marked text goes to the
// run `open` started.
class RunWriter {
 public:
  explicit RunWriter(TextDiff& out) : out_(out) {}
  void keep(std::string_view html) {
    if (html.empty()) return;
    if (out_.runs.empty() || out_.runs.back().kind != DiffRun::Kind::kKept)
      out_.runs.push_back({DiffRun::Kind::kKept, {}});
    out_.runs.back().html += html;
  }
  void open(DiffRun::Kind kind) { out_.runs.push_back({kind, {}}); }
  void mark(std::string_view html) { out_.runs.back().html += html; }
  TextDiff& diff() { return out_; }

 private:
  TextDiff& out_;
};

// Writes one run of removed or added tokens. Tags are kept bare (ending the marked run before
// them) so the marks never straddle an element boundary.
void write_run(const std::vector<DiffToken>& tokens, const std::vector<std::size_t>& run,
               bool insertion, bool keep_tags, RunWriter& out) {
  bool is_open = false;
  std::string pending_space;  // spaces wait until a word follows, so marks hug the words
  for (std::size_t i : run) {
    const DiffToken& t = tokens[i];
    if (t.kind == Kind::kTag) {
      is_open = false;
      if (keep_tags) out.keep(t.text);
      continue;
    }
    if (t.kind == Kind::kSpace) {
      if (is_open)
        pending_space += t.text;
      else if (insertion)
        out.keep(t.text);
      continue;
    }
    if (!is_open)
      out.open(insertion ? DiffRun::Kind::kAdded : DiffRun::Kind::kRemoved), is_open = true;
    out.mark(pending_space);
    pending_space.clear();
    out.mark(t.text);
    if (t.kind == Kind::kWord)
      ++(insertion ? out.diff().words_added : out.diff().words_removed);
    else
      out.diff().punctuation_changed = true;
  }
  if (insertion) out.keep(pending_space);
}

// Semantic cleanup: an equal stretch of one or two words with changes on both sides ("de", "des
// et") is a coincidence of a rewritten sentence, not something kept; shown as kept it chops the
// change into unreadable pieces. Such stretches become removed and added again. Stretches with
// a tag stay, as tags are structure.
void merge_coincidences(const std::vector<DiffToken>& a, std::vector<Step>& steps) {
  for (int pass = 0; pass < 3; ++pass) {
    bool changed = false;
    std::vector<Step> out;
    out.reserve(steps.size());
    std::size_t j = 0;  // position in the newer text
    for (std::size_t k = 0; k < steps.size();) {
      if (steps[k].op != Op::kEqual) {
        if (steps[k].op == Op::kInsert) ++j;
        out.push_back(steps[k++]);
        continue;
      }
      std::size_t end = k;
      int words = 0;
      bool tag = false;
      while (end < steps.size() && steps[end].op == Op::kEqual) {
        const DiffToken& t = a[steps[end].index];
        words += t.kind == Kind::kWord;
        tag = tag || t.kind == Kind::kTag;
        ++end;
      }
      bool between_changes = k > 0 && end < steps.size();
      if (between_changes && !tag && words <= 2) {
        for (std::size_t e = k; e < end; ++e) out.push_back({Op::kDelete, steps[e].index});
        for (std::size_t e = k; e < end; ++e) out.push_back({Op::kInsert, j++});
        changed = true;
      } else {
        for (std::size_t e = k; e < end; ++e) out.push_back(steps[e]), ++j;
      }
      k = end;
    }
    steps = std::move(out);
    if (!changed) break;
  }
}

}  // namespace

std::vector<DiffToken> tokenize_for_diff(std::string_view html) {
  std::vector<DiffToken> tokens;
  std::size_t word_start = std::string_view::npos;
  auto end_word = [&](std::size_t at) {
    if (word_start != std::string_view::npos)
      tokens.push_back({Kind::kWord, html.substr(word_start, at - word_start)});
    word_start = std::string_view::npos;
  };
  auto push = [&](Kind kind, std::size_t at, std::size_t length) {
    // Runs of space merge into one token, so "a  b" and "a b" compare equal.
    if (kind == Kind::kSpace && !tokens.empty() && tokens.back().kind == Kind::kSpace &&
        tokens.back().text.data() + tokens.back().text.size() == html.data() + at) {
      tokens.back().text =
          html.substr(tokens.back().text.data() - html.data(), tokens.back().text.size() + length);
      return;
    }
    tokens.push_back({kind, html.substr(at, length)});
  };
  std::size_t i = 0;
  while (i < html.size()) {
    unsigned char c = static_cast<unsigned char>(html[i]);
    if (c == '<') {
      end_word(i);
      std::size_t close = html.find('>', i);
      std::size_t length = close == std::string_view::npos ? html.size() - i : close + 1 - i;
      push(Kind::kTag, i, length);
      i += length;
    } else if (is_space(html[i])) {
      end_word(i);
      push(Kind::kSpace, i, 1);
      ++i;
    } else if (c == '&') {
      std::size_t semi = html.find(';', i);
      std::size_t length = semi != std::string_view::npos && semi - i <= 10 ? semi + 1 - i : 1;
      if (is_space_entity(html.substr(i, length))) {
        end_word(i);
        push(Kind::kSpace, i, length);
      } else if (length > 1 && html.substr(i, length) != "&#39;" &&
                 html.substr(i, length) != "&quot;") {
        if (word_start == std::string_view::npos) word_start = i;  // "&amp;" and letters
      } else if (html.substr(i, length) == "&#39;" && word_start != std::string_view::npos) {
        end_word(i + length);  // an escaped apostrophe ends its word, like a raw one
      } else {
        end_word(i);
        push(Kind::kPunctuation, i, length);
      }
      i += length;
    } else if (c >= 0x80) {
      std::size_t length = decode_utf8(html, i).length;
      std::string_view ch = html.substr(i, length);
      if (space_len(html, i) == length) {
        end_word(i);
        push(Kind::kSpace, i, length);
      } else if (ch == "\xE2\x80\x99") {  // ’ closes "d’", "l’"
        if (word_start != std::string_view::npos)
          end_word(i + length);
        else
          push(Kind::kPunctuation, i, length);
      } else if (is_unicode_punctuation(ch)) {
        end_word(i);
        push(Kind::kPunctuation, i, length);
      } else if (word_start == std::string_view::npos) {
        word_start = i;
      }
      i += length;
    } else if (is_alnum(html[i])) {
      if (word_start == std::string_view::npos) word_start = i;
      ++i;
    } else if (c == '\'' && word_start != std::string_view::npos) {
      end_word(i + 1);
      ++i;
    } else if ((c == '-' || c == '.' || c == ',') && word_start != std::string_view::npos &&
               i + 1 < html.size() && is_alnum(html[i + 1]) &&
               (c == '-' || (is_digit(html[i - 1]) && is_digit(html[i + 1])))) {
      // "133-6-1", "L133-19" and "1,5" or "1.000" are one word; "L." before a space is not.
      ++i;
    } else {
      end_word(i);
      push(Kind::kPunctuation, i, 1);
      ++i;
    }
  }
  end_word(html.size());
  return tokens;
}

TextDiff diff_texts(std::string_view before, std::string_view after) {
  const std::vector<DiffToken> a = tokenize_for_diff(before);
  const std::vector<DiffToken> b = tokenize_for_diff(after);
  // The newer text gives the structure; an emptied text keeps the older one's so its removed
  // paragraphs stay paragraphs.
  const bool keep_before_tags =
      std::none_of(b.begin(), b.end(), [](const DiffToken& t) { return t.kind != Kind::kSpace; });

  // Tokens become numbers, equal when the tokens compare equal (every run of space is one
  // number): Myers' inner loop then compares integers, not strings.
  std::unordered_map<std::string_view, std::uint32_t> numbers;
  auto number = [&](const DiffToken& t) -> std::uint32_t {
    if (t.kind == Kind::kSpace) return 0;
    return numbers.try_emplace(t.text, static_cast<std::uint32_t>(numbers.size() + 1))
        .first->second;
  };
  std::vector<std::uint32_t> na, nb;
  na.reserve(a.size());
  nb.reserve(b.size());
  for (const DiffToken& t : a) na.push_back(number(t));
  for (const DiffToken& t : b) nb.push_back(number(t));

  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && na[prefix] == nb[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         na[a.size() - 1 - suffix] == nb[b.size() - 1 - suffix])
    ++suffix;

  std::vector<Step> steps;
  for (std::size_t i = 0; i < prefix; ++i) steps.push_back({Op::kEqual, i});
  const int n = static_cast<int>(a.size() - prefix - suffix);
  const int m = static_cast<int>(b.size() - prefix - suffix);
  std::vector<Step> middle;
  if (myers(na.data() + prefix, n, nb.data() + prefix, m, middle)) {
    for (Step s : middle) {
      // Equal and deleted steps index `before`, inserted ones `after`: both are offset by prefix.
      s.index += prefix;
      steps.push_back(s);
    }
  } else {
    for (int i = 0; i < n; ++i) steps.push_back({Op::kDelete, prefix + i});
    for (int j = 0; j < m; ++j) steps.push_back({Op::kInsert, prefix + j});
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) steps.push_back({Op::kEqual, i});
  merge_coincidences(a, steps);

  // Equal steps write the newer text's token (its spacing wins); each run of changes writes its
  // removals, then its additions.
  TextDiff out;
  RunWriter writer(out);
  std::size_t j = 0;  // position in b
  std::vector<std::size_t> removed, added;
  auto flush = [&] {
    write_run(a, removed, false, keep_before_tags, writer);
    write_run(b, added, true, true, writer);
    removed.clear();
    added.clear();
  };
  for (const Step& s : steps) {
    if (s.op == Op::kEqual) {
      flush();
      writer.keep(b[j++].text);
    } else if (s.op == Op::kDelete) {
      removed.push_back(s.index);
    } else {
      added.push_back(s.index);
      ++j;
    }
  }
  flush();
  return out;
}

}  // namespace legisite
