#include "sources/source_text.h"

namespace legisite {

SourceText::SourceText(std::string file, std::string_view text) : file_(std::move(file)) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  text_ = text;
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
}

std::string_view SourceText::line(int n) const {
  if (n < 1 || n > line_count()) return {};
  std::size_t start = starts_[n - 1];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  std::string_view result = text_.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

int SourceText::column(int n, std::size_t offset) const {
  std::string_view text = line(n);
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

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

}  // namespace legisite
