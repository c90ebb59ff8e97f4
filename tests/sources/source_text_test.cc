// SourceText: how every reader numbers lines and columns, and the diagnostics it makes. Those
// numbers are what a user looks for in an editor, so each rule is pinned on exact values, most
// of them on the seed /work/shared/seeds/R133-19.md.

#include "sources/source_text.h"

#include <catch2/catch.hpp>
#include <climits>
#include <string>
#include <vector>

#include "support/environment.h"

namespace legisite::source_text_test {
namespace {

using Lines = std::vector<std::string>;

const std::string kBom = "\xEF\xBB\xBF";

/// The seed article, read once: SourceText holds a view, so the text must outlive every case.
const std::string& seed() {
  static const std::string text =
      legisite::testing::read_file(LEGISITE_SHARED_DIR "/seeds/R133-19.md");
  return text;
}

/// Every line of `source`, 1 to line_count().
Lines lines_of(const SourceText& source) {
  Lines out;
  for (int n = 1; n <= source.line_count(); ++n) out.emplace_back(source.line(n));
  return out;
}

/// A line with a warning about it, as report_html_loss gave it.
struct Warned {
  int line;
  std::string message;
};

// ---------------------------------------------------------------------------------------------
// Lines

TEST_CASE("lines end at LF or CR LF and a last line needs no line break",
          "[sources][source_text]") {
  const std::string mixed = "a\nb\r\nc";
  SourceText source("mixed.md", mixed);
  CHECK(source.file() == "mixed.md");
  CHECK(source.text() == mixed);
  CHECK(source.line_count() == 3);
  CHECK(lines_of(source) == Lines{"a", "b", "c"});

  // A final line break ends the last line rather than starting another.
  const std::string ended = "a\r\nb\r\n";
  CHECK(lines_of(SourceText("ended.md", ended)) == Lines{"a", "b"});
  const std::string blank = "\n\n";
  CHECK(lines_of(SourceText("blank.md", blank)) == Lines{"", ""});
}

TEST_CASE("an empty text has one empty line", "[sources][source_text]") {
  // A diagnostic about an empty file then still has a line 1 to point at.
  const std::string empty, newline = "\n";
  CHECK(SourceText("empty.md", empty).line_count() == 1);
  CHECK(SourceText("empty.md", empty).line(1).empty());
  CHECK(SourceText("newline.md", newline).line_count() == 1);
  SourceText mark_only("bom.md", kBom);
  CHECK(mark_only.text().empty());
  CHECK(mark_only.line_count() == 1);
}

TEST_CASE("a lone CR ends no line and a CR is dropped only at the end of a line",
          "[sources][source_text]") {
  // CommonMark also ends a line at a lone CR; LineIndex does not, so a file saved with old Mac
  // line ends is one line to every reader. Pinned as the rule SourceText states (LF or CR LF).
  const std::string lone = "a\rb";
  CHECK(lines_of(SourceText("lone.md", lone)) == Lines{"a\rb"});
  const std::string last = "a\r";
  CHECK(lines_of(SourceText("last.md", last)) == Lines{"a"});
  const std::string doubled = "a\r\r\n";
  CHECK(lines_of(SourceText("doubled.md", doubled)) == Lines{"a\r"});
  const std::string empty_line = "a\r\n\r\nb";
  CHECK(lines_of(SourceText("empty-line.md", empty_line)) == Lines{"a", "", "b"});
}

TEST_CASE("lines are numbered from 1 and a line out of range is empty", "[sources][source_text]") {
  REQUIRE_FALSE(seed().empty());
  SourceText source("R133-19.md", seed());
  CHECK(source.line_count() == 51);  // 51 lines, the last ended by a line break
  CHECK(source.line(1) == "# Article R133-19");
  CHECK(source.line(2) == "");
  CHECK(source.line(34) == "\t**Créé par**:");
  CHECK(source.line(51) == "\t  - Code de la sécurité sociale. - art. R133-2-10 (V)");
  for (int n : {0, -1, 52, 53, INT_MAX, INT_MIN}) {
    INFO(n);
    CHECK(source.line(n).empty());
  }
  const std::string unended = "a\nb";
  SourceText open_end("unended.md", unended);
  CHECK(open_end.line(2) == "b");
  CHECK(open_end.line(3).empty());
}

// ---------------------------------------------------------------------------------------------
// Byte order mark

TEST_CASE("without_byte_order_mark removes one UTF-8 mark at the start and nothing else",
          "[sources][source_text]") {
  CHECK(without_byte_order_mark(kBom + "abc") == "abc");
  CHECK(without_byte_order_mark("abc") == "abc");
  CHECK(without_byte_order_mark("") == "");
  CHECK(without_byte_order_mark(kBom) == "");
  CHECK(without_byte_order_mark(kBom + kBom + "x") == kBom + "x");
  CHECK(without_byte_order_mark("x" + kBom) == "x" + kBom);
  CHECK(without_byte_order_mark("\xEF\xBB") == "\xEF\xBB");    // a mark cut short
  CHECK(without_byte_order_mark("\xFF\xFEx") == "\xFF\xFEx");  // UTF-16's mark is not UTF-8's
  const std::string text = kBom + "abc";
  CHECK(without_byte_order_mark(text).data() == text.data() + 3);  // a view, not a copy
}

TEST_CASE("a byte order mark at the start is neither a character of line 1 nor a column",
          "[sources][source_text]") {
  const std::string text = kBom + "# Article R133-19\nsuite";
  SourceText source("bom.md", text);
  CHECK(source.text() == "# Article R133-19\nsuite");
  CHECK(source.text().data() == text.data() + 3);
  CHECK(source.line(1) == "# Article R133-19");
  CHECK(source.column_of(1, source.line(1).substr(10)) == 11);
  Diagnostics diagnostics;
  source.error(diagnostics, 1, 11, "unknown article");
  REQUIRE(diagnostics.all().size() == 1);
  CHECK(diagnostics.all()[0].source_line == "# Article R133-19");
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "bom.md:1:11: error: unknown article\n    # Article R133-19\n              ^\n");

  // A second mark is text: one character, one column.
  const std::string twice = kBom + kBom + "x";
  SourceText doubled("twice.md", twice);
  CHECK(doubled.line(1) == kBom + "x");
  CHECK(doubled.column_of(1, doubled.line(1).substr(3)) == 2);
}

// ---------------------------------------------------------------------------------------------
// Columns

TEST_CASE("columns count code points from 1 with a tab as one column", "[sources][source_text]") {
  REQUIRE_FALSE(seed().empty());
  SourceText source("R133-19.md", seed());
  // "\t**Créé par**:": é is two bytes, the tab one column.
  CHECK(source.column(34, 0) == 1);
  CHECK(source.column(34, 3) == 4);    // C
  CHECK(source.column(34, 10) == 9);   // p, after two two-byte characters
  CHECK(source.column(34, 16) == 15);  // just past the end
  CHECK(source.column(34, 99) == 15);  // far past it: the end
  // Line 3: "L. 133-6" is at byte 84, after "défini à".
  CHECK(source.column(3, 84) == 83);

  const std::string scroll = "\xF0\x9F\x93\x9C L1\r\nab\r\n";  // a four-byte character, CR LF
  SourceText other("scroll.md", scroll);
  CHECK(other.column(1, 5) == 3);
  CHECK(other.column(2, 2) == 3);
  CHECK(other.column(2, 3) == 3);  // the CR is no column: it is not on the line
}

TEST_CASE("column_of gives the column of a part of a line and 1 for a part from elsewhere",
          "[sources][source_text]") {
  REQUIRE_FALSE(seed().empty());
  SourceText source("R133-19.md", seed());
  const std::string_view line3 = source.line(3);
  const std::string_view reference = line3.substr(84, 8);
  REQUIRE(reference == "L. 133-6");
  CHECK(source.column_of(3, reference) == 83);
  CHECK(source.column_of(3, line3) == 1);
  CHECK(source.column_of(3, line3.substr(line3.size())) == 126);  // the end of the line
  const std::string_view line5 = source.line(5);
  CHECK(source.column_of(5, line5.substr(line5.size())) == 29);
  // A part of another line, or of another string, is not placed at all.
  CHECK(source.column_of(3, source.line(4).substr(20)) == 1);
  CHECK(source.column_of(4, line3.substr(84)) == 1);
  const std::string copy = "L. 133-6";
  CHECK(source.column_of(3, copy) == 1);
  CHECK(source.column_of(99, reference) == 1);  // a line out of range
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

TEST_CASE("error and warning report the file and line and column with the line and notes",
          "[sources][source_text]") {
  REQUIRE_FALSE(seed().empty());
  SourceText source("code/R133-19.md", seed());
  Diagnostics diagnostics;
  source.error(diagnostics, 3, 83, "unknown article L. 133-6", {"did you mean L133-6?"});
  source.warning(diagnostics, 34, 4, "heading in bold");
  REQUIRE(diagnostics.all().size() == 2);
  CHECK(diagnostics.error_count() == 1);
  CHECK(diagnostics.warning_count() == 1);

  const Diagnostic& error = diagnostics.all()[0];
  CHECK(error.severity == Severity::kError);
  CHECK(error.where == SourceLocation{"code/R133-19.md", 3, 83});
  CHECK(error.message == "unknown article L. 133-6");
  CHECK(error.source_line == source.line(3));
  CHECK(error.notes == Lines{"did you mean L133-6?"});
  CHECK(error.group.empty());

  const Diagnostic& warning = diagnostics.all()[1];
  CHECK(warning.severity == Severity::kWarning);
  CHECK(warning.where == SourceLocation{"code/R133-19.md", 34, 4});
  CHECK(warning.source_line == "\t**Créé par**:");
  CHECK(warning.notes.empty());
  // The caret goes under C: the tab is copied so that it lines up whatever the tab width.
  CHECK(format_diagnostic(warning) ==
        "code/R133-19.md:34:4: warning: heading in bold\n    \t**Créé par**:\n    \t  ^\n");
  CHECK(format_diagnostic(error).ends_with("et dans le respect des compétences\n" +
                                           std::string(4 + 82, ' ') +
                                           "^\n  note: did you mean L133-6?\n"));
}

TEST_CASE("a diagnostic at column 0 or on a line out of range shows what there is",
          "[sources][source_text]") {
  const std::string text = "respectifs, sont conclues : \r\nfin\r\n";  // from the seed, line 5
  SourceText source("crlf.md", text);
  CHECK(source.at(1) == SourceLocation{"crlf.md", 1, 0});
  CHECK(source.at(2, 3) == SourceLocation{"crlf.md", 2, 3});
  Diagnostics diagnostics;
  source.error(diagnostics, 1, 0, "no column");
  source.error(diagnostics, 7, 1, "past the end");
  source.warning(diagnostics, 0, 0, "no line");
  REQUIRE(diagnostics.all().size() == 3);
  CHECK(diagnostics.all()[0].source_line == "respectifs, sont conclues : ");  // no CR
  CHECK(format_diagnostic(diagnostics.all()[0]) ==
        "crlf.md:1: error: no column\n    respectifs, sont conclues : \n");
  CHECK(diagnostics.all()[1].where == SourceLocation{"crlf.md", 7, 1});
  CHECK(diagnostics.all()[1].source_line.empty());
  CHECK(format_diagnostic(diagnostics.all()[1]) == "crlf.md:7:1: error: past the end\n");
  CHECK(format_diagnostic(diagnostics.all()[2]) == "crlf.md: warning: no line\n");
}

// ---------------------------------------------------------------------------------------------
// Spaces

TEST_CASE("trim_spaces removes spaces and tabs at both ends and nothing else",
          "[sources][source_text]") {
  REQUIRE_FALSE(seed().empty());
  SourceText source("R133-19.md", seed());
  // The seed's lines end with a space before their line break, and its links are indented by tab.
  const std::string_view line5 = source.line(5);
  CHECK(trim_spaces_end(line5) == "respectifs, sont conclues :");
  CHECK(trim_spaces_end(line5).data() == line5.data());
  CHECK(trim_spaces(source.line(34)) == "**Créé par**:");
  CHECK(trim_spaces(source.line(51)) == "- Code de la sécurité sociale. - art. R133-2-10 (V)");
  CHECK(trim_spaces(source.line(51)).data() == source.line(51).data() + 3);
  CHECK(trim_spaces_end("\t  - x") == "\t  - x");

  CHECK(trim_spaces(" \t a  \t b \t ") == "a  \t b");
  CHECK(trim_spaces(" \t ") == "");
  CHECK(trim_spaces_end(" \t ") == "");
  CHECK(trim_spaces("") == "");
  // Only ASCII spaces and tabs: a no-break space is text, and line breaks are a caller's.
  CHECK(trim_spaces("\xC2\xA0"
                    "a\xC2\xA0") ==
        "\xC2\xA0"
        "a\xC2\xA0");
  CHECK(trim_spaces("\na\r\n") == "\na\r\n");
  CHECK(trim_spaces("\fa\v") == "\fa\v");
}

// ---------------------------------------------------------------------------------------------
// What the HTML sanitizer left out

/// A Markdown article holding HTML, lines 1 to 7.
const std::string kHtmlArticle =
    "# Article L1\n"
    "\n"
    "Texte <b>gras</b>.\n"
    "<SVG width=\"10\">\n"
    "<text>x</text></svg>\n"
    "<!-- note -->\n"
    "fin\n";

std::vector<Warned> warned(int from, int to, const HtmlLoss& loss,
                           std::vector<std::string>* notes = nullptr) {
  SourceText source("html.md", kHtmlArticle);
  Diagnostics diagnostics;
  report_html_loss(source, from, to, loss, diagnostics);
  std::vector<Warned> out;
  for (const Diagnostic& d : diagnostics.all()) {
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.where.file == "html.md");
    CHECK(d.where.column == 1);
    CHECK(d.source_line == source.line(d.where.line));
    out.push_back({d.where.line, d.message});
    if (notes) notes->insert(notes->end(), d.notes.begin(), d.notes.end());
  }
  return out;
}

HtmlLoss text_left_out(std::string element, std::size_t elements = 1) {
  HtmlLoss loss;
  loss.element = std::move(element);
  loss.excerpt = "x";
  loss.elements = elements;
  return loss;
}

TEST_CASE("report_html_loss warns at the first line of its range holding the tag",
          "[sources][source_text]") {
  std::vector<std::string> notes;
  std::vector<Warned> found = warned(3, 8, text_left_out("svg", 3), &notes);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 4);  // <SVG: tags are found whatever their case
  CHECK(found[0].message == "the text inside <svg> is left out");
  CHECK(notes == Lines{"left out: \"x\" and the text of 2 more"});

  found = warned(3, 8, text_left_out("!--"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 6);
  CHECK(found[0].message == "the text inside a comment (<!--) is left out");

  HtmlLoss unclosed = text_left_out("<svg");  // a tag never ended by '>'
  unclosed.unclosed = true;
  found = warned(1, 8, unclosed);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 4);
  CHECK(found[0].message == "the tag <svg (no '>') is never closed: the text after it is left out");
}

TEST_CASE("report_html_loss warns at the start of its range when no line of it holds the tag",
          "[sources][source_text]") {
  // A closing tag is not the tag; `to` is past the range.
  std::vector<Warned> found = warned(5, 8, text_left_out("svg"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 5);
  found = warned(1, 4, text_left_out("svg"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 1);
  // A range past the end is brought back to the last line, which has a source line to show.
  found = warned(9, 12, text_left_out("svg"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 7);
}

TEST_CASE("report_html_loss warns once per kind of loss and nesting at the start of the range",
          "[sources][source_text]") {
  CHECK(warned(1, 8, HtmlLoss()).empty());

  HtmlLoss deep;
  deep.too_deep = 3;
  std::vector<std::string> notes;
  std::vector<Warned> found = warned(3, 8, deep, &notes);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 3);
  CHECK(found[0].message ==
        "HTML nested more than 128 elements deep: the deeper tags are dropped, their text kept");
  CHECK(notes == Lines{"3 tags dropped"});

  HtmlLoss both = text_left_out("svg");
  both.too_deep = 1;
  found = warned(3, 8, both);
  REQUIRE(found.size() == 2);
  CHECK(found[0].line == 4);
  CHECK(found[0].message == "the text inside <svg> is left out");
  CHECK(found[1].line == 3);
  CHECK(found[1].message.starts_with("HTML nested more than 128 elements deep"));
}

TEST_CASE("report_html_loss places what sanitize_html really left out", "[sources][source_text]") {
  HtmlLoss loss;
  sanitize_html(std::string_view(kHtmlArticle).substr(kHtmlArticle.find("Texte")), loss);
  std::vector<std::string> notes;
  std::vector<Warned> found = warned(3, 8, loss, &notes);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 4);
  CHECK(found[0].message == "the text inside <svg> is left out");
  CHECK(notes == Lines{"left out: \"x\""});
}

}  // namespace
}  // namespace legisite::source_text_test
