#include "text/line_index.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace legisite {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  if (text.empty()) return;
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin;
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));)
    starts_.push_back(static_cast<std::size_t>(++p - begin));
}

int LineIndex::line_count() const {
  bool final_break = !text_.empty() && text_.back() == '\n';
  return static_cast<int>(starts_.size()) - (final_break ? 1 : 0);
}

std::size_t LineIndex::line_end(int n) const {
  auto next = static_cast<std::size_t>(n);
  return next < starts_.size() ? starts_[next] - 1 : text_.size();
}

int LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

int LineIndex::column_of(std::size_t offset) const {
  int n = line_of(offset);
  std::size_t start = line_start(n);
  return column_in(text_.substr(start), offset - start);
}

std::string_view LineIndex::line(int n) const {
  if (n < 1 || static_cast<std::size_t>(n) > starts_.size()) return {};
  std::size_t start = line_start(n);
  std::string_view result = text_.substr(start, line_end(n) - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

int column_in(std::string_view line, std::size_t offset) {
  return 1 + static_cast<int>(count_code_points(line.substr(0, std::min(offset, line.size()))));
}

}  // namespace legisite
