#include "diagnostics/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace legisite {

void Diagnostics::report(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }

void Diagnostics::error(SourceLocation where, std::string message, std::vector<std::string> notes) {
  report({Severity::kError, std::move(where), std::move(message), {}, std::move(notes)});
}

void Diagnostics::warning(SourceLocation where, std::string message,
                          std::vector<std::string> notes) {
  report({Severity::kWarning, std::move(where), std::move(message), {}, std::move(notes)});
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

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += d.where.file;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::kError ? "error: " : "warning: ";
  out += d.message;
  out += '\n';
  if (!d.source_line.empty()) {
    out += "    " + d.source_line + '\n';
    if (d.where.column > 0) {
      // The caret sits under the column-th character, counting UTF-8 code points, not bytes.
      std::string pad;
      int seen = 0;
      for (unsigned char c : d.source_line) {
        if (seen >= d.where.column - 1) break;
        if ((c & 0xC0) != 0x80) {
          pad += c == '\t' ? '\t' : ' ';
          ++seen;
        }
      }
      out += "    " + pad + "^\n";
    }
  }
  for (const auto& note : d.notes) out += "  note: " + note + '\n';
  return out;
}

std::string format_all(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.all()) out += format_diagnostic(d);
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
