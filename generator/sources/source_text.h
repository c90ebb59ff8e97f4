#pragma once
/// The text of one source file seen as lines, so that readers can point a diagnostic at a line and
/// column and show the offending line under it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "html/html_sanitizer.h"
#include "text/line_index.h"

namespace legisite {

/// A file's text split into lines (LF or CR LF; a UTF-8 byte order mark at the start is skipped).
/// Lines are numbered from 1, columns count code points from 1 (a tab is one column), matching
/// what format_diagnostic puts its caret under. Holds a view: the text must outlive it.
class SourceText {
 public:
  SourceText(std::string file, std::string_view text);

  const std::string& file() const { return file_; }
  /// The text after any byte order mark.
  std::string_view text() const { return lines_.text(); }
  int line_count() const { return lines_.line_count(); }
  /// Line `n` without its end of line (and without a trailing CR); "" when out of range.
  std::string_view line(int n) const { return lines_.line(n); }
  /// The 1-based column of byte `offset` of line `n`.
  int column(int n, std::size_t offset) const;
  /// The column of `part`, which must be a view into line `n`.
  int column_of(int n, std::string_view part) const;

  SourceLocation at(int line, int column = 0) const { return {file_, line, column}; }
  void error(Diagnostics& diagnostics, int line, int column, std::string message,
             std::vector<std::string> notes = {}) const;
  void warning(Diagnostics& diagnostics, int line, int column, std::string message,
               std::vector<std::string> notes = {}) const;

 private:
  void report(Diagnostics& diagnostics, Severity severity, int line, int column,
              std::string message, std::vector<std::string> notes) const;

  std::string file_;
  LineIndex lines_;
};

/// `text` without a UTF-8 byte order mark at its start.
std::string_view without_byte_order_mark(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view trim_spaces(std::string_view text);
/// `text` without trailing spaces and tabs.
std::string_view trim_spaces_end(std::string_view text);

/// Warns about the text sanitize_html left out of lines [from, to) of `source` (one warning per
/// kind of loss): at the first of those lines holding the tag that began it, else at `from`.
void report_html_loss(const SourceText& source, int from, int to, const HtmlLoss& loss,
                      Diagnostics& diagnostics);

}  // namespace legisite
