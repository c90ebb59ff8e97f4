#include "sources/source_text.h"

#include <algorithm>

#include "text/ascii.h"

namespace legisite {

std::string_view without_byte_order_mark(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

SourceText::SourceText(std::string file, std::string_view text)
    : file_(std::move(file)), lines_(without_byte_order_mark(text)) {}

int SourceText::column(int n, std::size_t offset) const { return column_in(line(n), offset); }

int SourceText::column_of(int n, std::string_view part) const {
  std::string_view text = line(n);
  if (part.data() < text.data() || part.data() > text.data() + text.size()) return 1;
  return column(n, static_cast<std::size_t>(part.data() - text.data()));
}

void SourceText::error(Diagnostics& diagnostics, int line, int column, std::string message,
                       std::vector<std::string> notes) const {
  report(diagnostics, Severity::kError, line, column, std::move(message), std::move(notes));
}

void SourceText::warning(Diagnostics& diagnostics, int line, int column, std::string message,
                         std::vector<std::string> notes) const {
  report(diagnostics, Severity::kWarning, line, column, std::move(message), std::move(notes));
}

void SourceText::report(Diagnostics& diagnostics, Severity severity, int line, int column,
                        std::string message, std::vector<std::string> notes) const {
  Diagnostic d;
  d.severity = severity;
  d.where = at(line, column);
  d.message = std::move(message);
  d.source_line = std::string(this->line(line));
  d.notes = std::move(notes);
  diagnostics.report(std::move(d));
}

std::string_view trim_spaces_end(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string_view trim_spaces(std::string_view text) {
  text = trim_spaces_end(text);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

namespace {

// The first line in [from, to) holding `tag` (case aside), or `from`.
int line_holding(const SourceText& source, int from, int to, std::string_view tag) {
  for (int n = from; n < to && n <= source.line_count(); ++n)
    if (lower(source.line(n)).find(tag) != std::string::npos) return n;
  return from;
}

}  // namespace

void report_html_loss(const SourceText& source, int from, int to, const HtmlLoss& loss,
                      Diagnostics& diagnostics) {
  if (loss.empty()) return;
  for (auto& [message, note] : loss.messages()) {
    int line = from;
    if (!message.starts_with("HTML nested"))
      line = line_holding(source, from, to,
                          loss.element.starts_with('<') ? loss.element : "<" + loss.element);
    source.warning(diagnostics, std::min(line, source.line_count()), 1, message, {note});
  }
}

}  // namespace legisite
