#include "render/diff_markup.h"

#include <algorithm>

#include "render/wording.h"
#include "text/ascii.h"
#include "text/french_typography.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

void append_mark(std::string& out, DiffRun::Kind kind, std::string_view html,
                 std::size_t change = 0) {
  const bool removed = kind == DiffRun::Kind::kRemoved;
  const char* tag = removed ? "del" : "ins";
  out.append("<").append(tag);
  if (change > 0) out.append(" id=\"changement-").append(std::to_string(change)).append("\"");
  out.append("><span class=\"visually-hidden\">")
      .append(removed ? wording::kRemovedStart : wording::kAddedStart)
      .append("</span>")
      .append(html)
      .append("<span class=\"visually-hidden\">")
      .append(removed ? wording::kRemovedEnd : wording::kAddedEnd)
      .append("</span></")
      .append(tag)
      .append(">");
}

bool is_block(std::string_view name) {
  return name == "p" || name == "ul" || name == "ol" || name == "table" || name == "div" ||
         name == "blockquote" || name == "pre" || name == "dl" ||
         (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6');
}

bool is_void(std::string_view name) {
  return name == "br" || name == "hr" || name == "img" || name == "wbr";
}

/// A top-level piece of a text: a block element whole, or what lies between two of them.
struct Piece {
  std::size_t begin, end;
};

// `html` cut at the start and end of its top-level block elements; the pieces cover it.
std::vector<Piece> top_level_pieces(std::string_view html) {
  std::vector<Piece> pieces;
  std::size_t piece_start = 0;
  int depth = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i)) {
    std::size_t close = html.find('>', i);
    if (close == std::string_view::npos) break;
    std::string_view tag = html.substr(i + 1, close - i - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    std::string_view name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /\t\n"));
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (depth == 0 && !closing && is_block(name) && i > piece_start) {
      pieces.push_back({piece_start, i});
      piece_start = i;
    }
    if (!is_void(name) && !self_closing) depth += closing ? -1 : 1;
    if (depth < 0) depth = 0;
    i = close + 1;
    if (depth == 0 && closing && is_block(name)) {
      pieces.push_back({piece_start, i});
      piece_start = i;
    }
  }
  if (piece_start < html.size()) pieces.push_back({piece_start, html.size()});
  return pieces;
}

std::size_t word_count(std::string_view visible) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : visible) {
    const bool letter = is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter || (in_word && c != ' ');
  }
  return words;
}

// The links of `links` that fall in [begin, end) of their text, cut to it, offsets rebased.
std::vector<TextLink> links_in(const std::vector<TextLink>& links, std::size_t begin,
                               std::size_t end) {
  std::vector<TextLink> out;
  for (const TextLink& l : links) {
    if (l.end <= begin || l.begin >= end) continue;
    TextLink cut = l;
    cut.begin = std::max(l.begin, begin) - begin;
    cut.end = std::min(l.end, end) - begin;
    out.push_back(std::move(cut));
  }
  return out;
}

bool is_slice(std::string_view text, const DiffRun& run) {
  return run.offset <= text.size() && text.substr(run.offset, run.html.size()) == run.html;
}

/// A stretch of unchanged pieces to fold: [begin, end) of the newer text.
struct Fold {
  std::size_t begin, end;
};

// Whether a marked run touches [begin, end) of the newer text (a removal at its end counts for
// the last piece only).
bool changed(const TextDiff& diff, Piece p, std::size_t text_size) {
  for (const DiffRun& run : diff.runs) {
    if (run.kind == DiffRun::Kind::kKept) continue;
    const std::size_t from = run.position;
    const std::size_t to = run.kind == DiffRun::Kind::kAdded ? from + run.html.size() : from;
    if ((from < p.end && to >= p.begin && (to > p.begin || from == p.begin)) ||
        (from == text_size && p.end == text_size))
      return true;
  }
  return false;
}

// The stretches to fold: in each run of unchanged pieces, from its first long piece to its last
// (short pieces at either end stay, as the context of the changes around them).
std::vector<Fold> folds(const TextDiff& diff, std::string_view after) {
  std::vector<Fold> out;
  const std::vector<Piece> pieces = top_level_pieces(after);
  std::size_t first_long = std::string_view::npos, last_long_end = 0;
  auto close = [&] {
    if (first_long != std::string_view::npos) out.push_back({first_long, last_long_end});
    first_long = std::string_view::npos;
  };
  for (const Piece& p : pieces) {
    if (changed(diff, p, after.size())) {
      close();
      continue;
    }
    if (visible_text(after.substr(p.begin, p.end - p.begin)).size() <= kFoldCharacters) continue;
    if (first_long == std::string_view::npos) first_long = p.begin;
    last_long_end = p.end;
  }
  close();
  return out;
}

std::string fold_summary(std::string_view after, const Fold& f) {
  const int first = alinea_count(after.substr(0, f.begin)) + 1;
  const int last = alinea_count(after.substr(0, f.end));
  const std::size_t words = word_count(visible_text(after.substr(f.begin, f.end - f.begin)));
  std::string out;
  if (last > first)
    out = "Alinéas " + std::to_string(first) + " à " + std::to_string(last) + " inchangés";
  else if (last == first)
    out = "Alinéa " + std::to_string(first) + " inchangé";
  else
    out = "Passage inchangé";
  return out + " (" + french_number(words) + (words == 1 ? " mot)" : " mots)");
}

/// Writes a diff page's text run by run.
class PageWriter {
 public:
  PageWriter(const TextDiff& diff, const DiffTexts& texts, DiffPage& out)
      : texts_(texts), out_(out), folds_(folds(diff, texts.after)) {
    out_.folds = folds_.size();
  }

  void run(const DiffRun& r) {
    if (r.kind == DiffRun::Kind::kKept) return kept(r);
    boundaries_until(r.position + 1);  // a fold that ends where this run sits
    // Its alinéa: the newer text's alinéa in which the run sits. A change ends with its alinéa.
    const std::size_t at = std::min(r.position + 1, texts_.after.size());
    const int alinea = alinea_count(texts_.after.substr(0, at));
    if (!in_change_ || (alinea > 0 && alinea != last_alinea_)) {
      in_change_ = true;
      ++out_.changes;
      change_id_ = out_.changes;
    }
    if (alinea > 0 && alinea != last_alinea_) {
      last_alinea_ = alinea;
      out_.changed_alineas.push_back(alinea);
      out_.html += "<span class=\"diff-alinea\">al.\u00A0" + std::to_string(alinea) + "</span>";
    }
    const bool removed = r.kind == DiffRun::Kind::kRemoved;
    const std::string_view text = removed ? texts_.before : texts_.after;
    const std::vector<TextLink>& links = removed ? texts_.before_links : texts_.after_links;
    std::string inner =
        is_slice(text, r)
            ? splice_links(r.html, links_in(links, r.offset, r.offset + r.html.size()))
            : r.html;
    append_mark(out_.html, r.kind, inner, change_id_);
    change_id_ = 0;
  }
  void finish() { boundaries_until(texts_.after.size() + 1); }

 private:
  // Kept text: cut where a fold opens or closes, its citations made links.
  void kept(const DiffRun& r) {
    if (!visible_text(r.html).empty()) in_change_ = false;
    if (!is_slice(texts_.after, r)) {
      out_.html += r.html;
      return;
    }
    std::size_t at = r.offset;
    const std::size_t end = r.offset + r.html.size();
    while (at < end) {
      boundaries_until(at + 1);
      std::size_t cut = std::min(end, next_boundary());
      out_.html +=
          splice_links(texts_.after.substr(at, cut - at), links_in(texts_.after_links, at, cut));
      at = cut;
    }
  }

  std::size_t next_boundary() const {
    if (fold_ >= folds_.size()) return std::string_view::npos;
    return open_ ? folds_[fold_].end : folds_[fold_].begin;
  }
  // Opens and closes the folds whose boundary comes before `limit`.
  void boundaries_until(std::size_t limit) {
    while (fold_ < folds_.size() && next_boundary() < limit) {
      if (!open_) {
        out_.html += "<details class=\"diff-unchanged\"><summary>" +
                     fold_summary(texts_.after, folds_[fold_]) + "</summary>";
        open_ = true;
      } else {
        out_.html += "</details>";
        open_ = false;
        ++fold_;
      }
    }
  }

  const DiffTexts& texts_;
  DiffPage& out_;
  std::vector<Fold> folds_;
  std::size_t fold_ = 0;
  bool open_ = false;
  bool in_change_ = false;
  std::size_t change_id_ = 0;
  int last_alinea_ = 0;
};

}  // namespace

std::string diff_html(const TextDiff& diff) {
  std::string out;
  for (const DiffRun& run : diff.runs)
    if (run.kind == DiffRun::Kind::kKept)
      out += run.html;
    else
      append_mark(out, run.kind, run.html);
  return out;
}

DiffPage diff_page(const TextDiff& diff, const DiffTexts& texts) {
  DiffPage out;
  PageWriter writer(diff, texts, out);
  for (const DiffRun& run : diff.runs) writer.run(run);
  writer.finish();
  return out;
}

std::string diff_summary(const TextDiff& diff) {
  if (diff.words_added == 0 && diff.words_removed == 0)
    return std::string(diff.punctuation_changed   ? wording::kPunctuationChanged
                       : diff.structure_changed   ? wording::kAlineasChanged
                       : diff.spacing_changes > 0 ? wording::kSpacingChanged
                                                  : wording::kTextIdentical);
  std::string out;
  auto words = [&out](std::size_t n) {
    out.append(french_number(n)).append(n == 1 ? wording::kWord : wording::kWords);
  };
  if (diff.words_added > 0) out.append("+"), words(diff.words_added);
  if (diff.words_removed > 0) {
    if (!out.empty()) out.append(", ");
    out.append("\u2212");  // a minus sign, not a hyphen
    words(diff.words_removed);
  }
  return out;
}

}  // namespace legisite
