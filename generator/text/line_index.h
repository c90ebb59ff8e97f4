#pragma once
/// Byte offsets turned into lines and columns, as diagnostics show them.

#include <cstddef>
#include <string_view>
#include <vector>

namespace legisite {

/// Where each line of a text starts: at 0 and after each LF (a CR before the LF belongs to no
/// line), so an offset just past a final line break is on a line of its own. Lines are numbered
/// from 1; columns count code points from 1 (a tab is one column), as
/// format_diagnostic places its caret. Holds a view: the text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::string_view text() const { return text_; }
  /// Lines holding text: a final line break ends the last line rather than starting one.
  int line_count() const;
  /// The byte offset where line `n` starts (1 <= n <= line_count() + 1).
  std::size_t line_start(int n) const { return starts_[static_cast<std::size_t>(n - 1)]; }
  /// The offset of the line break that ends line `n`, or the text's size for the last line.
  std::size_t line_end(int n) const;
  /// The line holding byte `offset` (an offset past the end is on the last line).
  int line_of(std::size_t offset) const;
  /// The column of byte `offset`, on the line that holds it.
  int column_of(std::size_t offset) const;
  /// Line `n` without its line break (and without a trailing CR); "" when out of range.
  std::string_view line(int n) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

/// The 1-based column of byte `offset` of `line` (code points before it, plus one).
int column_in(std::string_view line, std::size_t offset);

}  // namespace legisite
