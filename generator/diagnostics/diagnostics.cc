#include "diagnostics/diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include "text/utf8.h"

namespace legisite {

void Diagnostics::report(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::error(SourceLocation where, std::string message, std::vector<std::string> notes) {
  report({Severity::kError, std::move(where), std::move(message), {}, std::move(notes), {}});
}

void Diagnostics::warning(SourceLocation where, std::string message,
                          std::vector<std::string> notes) {
  report({Severity::kWarning, std::move(where), std::move(message), {}, std::move(notes), {}});
}

void Diagnostics::absorb(Diagnostics&& other) {
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                std::make_move_iterator(other.items_.end()));
  other.items_.clear();
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

void Diagnostics::promote_warnings_to_errors() {
  for (auto& d : items_) d.severity = Severity::kError;
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.message) <
           std::tie(b.where.file, b.where.line, b.where.column, b.message);
  });
}

namespace {

// How one character of content is printed to a terminal: as itself, or as an escape when it is a
// control character (which could move the cursor or recolour the log) or not UTF-8.
std::string printed(std::string_view text, std::size_t at, std::size_t& length) {
  Utf8Char ch = decode_utf8(text, at);
  length = ch.length;
  char32_t cp = ch.code_point;
  bool control = cp < 0x20 ? cp != '\t' : (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F));
  if (ch.valid && !control) return std::string(text.substr(at, ch.length));
  char escape[12];
  if (ch.valid && cp >= 0x80)
    std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
  else
    std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(cp));
  return escape;
}

// `text` as printed; `pad` (when given) receives blanks as wide as its first `columns` characters,
// to put a caret under the next one.
std::string printable(std::string_view text, int columns = 0, std::string* pad = nullptr) {
  std::string out;
  int seen = 0;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    std::string shown = printed(text, i, length);
    if (pad && seen < columns) {
      if (shown == "\t")
        *pad += '\t';
      else
        pad->append(shown.size() > length ? shown.size() : 1, ' ');
    }
    ++seen;
    out += shown;
  }
  return out;
}

}  // namespace

// Everything a diagnostic quotes from content goes through printable(): file names, messages
// (which quote numbers and titles) and source lines.
std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += printable(d.where.file);
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::kError ? "error: " : "warning: ";
  out += printable(d.message);
  out += '\n';
  if (!d.source_line.empty()) {
    // The caret sits under the column-th character, counting UTF-8 code points, not bytes.
    std::string pad;
    out += "    " + printable(d.source_line, d.where.column - 1, &pad) + '\n';
    if (d.where.column > 0) out += "    " + pad + "^\n";
  }
  for (const auto& note : d.notes) out += "  note: " + printable(note) + '\n';
  return out;
}

std::string format_all(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format_diagnostic(d);
  return out;
}

namespace {

std::string place_of(const SourceLocation& where) {
  std::string out = where.file;
  if (where.line > 0) out += ':' + std::to_string(where.line);
  return out;
}

// The note added under the first of several diagnostics saying the same thing.
std::string repeats_note(const std::vector<Diagnostic>& all, const std::vector<std::size_t>& same) {
  const char* what = all[same.front()].severity == Severity::kError ? "error" : "warning";
  std::string out =
      "the same " + std::string(what) + " at " + std::to_string(same.size()) + " places: ";
  for (std::size_t i = 0; i < same.size() && i < kPlacesNamed; ++i)
    out += (i ? ", " : "") + place_of(all[same[i]].where);
  if (same.size() > kPlacesNamed) out += ", …; `legisite check` lists them all";
  return out;
}

}  // namespace

std::string format_grouped(const Diagnostics& diagnostics) {
  const std::vector<Diagnostic>& all = diagnostics.all();
  std::vector<std::string> keys;
  keys.reserve(all.size());
  std::unordered_map<std::string, std::vector<std::size_t>> places;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Diagnostic& d = all[i];
    keys.push_back((d.severity == Severity::kError ? "E" : "W") + d.group + '\n' + d.message);
    places[keys.back()].push_back(i);
  }
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::vector<std::size_t>& same = places[keys[i]];
    if (same.front() != i) continue;
    if (same.size() == 1) {
      out += format_diagnostic(all[i]);
      continue;
    }
    Diagnostic first = all[i];
    first.notes.push_back(repeats_note(all, same));
    out += format_diagnostic(first);
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace legisite
