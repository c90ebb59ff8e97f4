#include "text/line_index.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::line_index_test {
namespace {

TEST_CASE("a line index gives each numbered line without its end of line", "[text][lines]") {
  const std::string text = "first\nsecond\n\nfourth";
  LineIndex lines(text);
  CHECK(lines.line_count() == 4);
  CHECK(lines.line(1) == "first");
  CHECK(lines.line(2) == "second");
  CHECK(lines.line(3) == "");
  CHECK(lines.line(4) == "fourth");
}

TEST_CASE("a line index drops the carriage return of CRLF lines", "[text][lines]") {
  const std::string text = "---\r\ntitle: Code\r\n---\r\nlast";
  LineIndex lines(text);
  CHECK(lines.line(1) == "---");
  CHECK(lines.line(2) == "title: Code");
  CHECK(lines.line(3) == "---");
  CHECK(lines.line(4) == "last");
}

TEST_CASE("a line out of range is empty, and a final line break starts no line", "[text][lines]") {
  const std::string text = "one\ntwo\n";
  LineIndex lines(text);
  CHECK(lines.line_count() == 2);
  CHECK(lines.line(0) == "");
  CHECK(lines.line(-3) == "");
  CHECK(lines.line(3) == "");  // the empty line after the final newline
  CHECK(lines.line(4) == "");
  CHECK(LineIndex("").line_count() == 1);
  CHECK(LineIndex("").line(1) == "");
  CHECK(LineIndex("\n").line_count() == 1);
}

TEST_CASE("an offset is placed on its line, and its column counts code points", "[text][lines]") {
  const std::string text = "ab\nécu x\n\tz\n";
  LineIndex lines(text);
  CHECK(lines.line_of(0) == 1);
  CHECK(lines.column_of(0) == 1);
  CHECK(lines.line_of(2) == 1);  // the line break belongs to the line it ends
  CHECK(lines.column_of(2) == 3);
  CHECK(lines.line_of(3) == 2);
  CHECK(lines.column_of(text.find('x')) == 5);  // é is two bytes, one column
  CHECK(lines.line_of(text.find('z')) == 3);
  CHECK(lines.column_of(text.find('z')) == 2);  // a tab is one column
  // Past a final line break, a parser's "unexpected end" sits at the start of a line of its own.
  CHECK(lines.line_of(text.size()) == 4);
  CHECK(lines.column_of(text.size()) == 1);
  CHECK(lines.line_start(2) == 3);
  CHECK(lines.line_end(2) == text.find('\t') - 1);
}

TEST_CASE("a column is one plus the code points before an offset", "[text][lines]") {
  CHECK(column_in("abc", 0) == 1);
  CHECK(column_in("abc", 2) == 3);
  CHECK(column_in("ééx", 4) == 3);
  CHECK(column_in("ab", 10) == 3);  // past the end: the end
}

}  // namespace
}  // namespace legisite::line_index_test
