// The diagnostics sink and its one formatter: exact output, because users read it and the
// invalid-input fixtures compare it byte for byte.

#include "diagnostics/diagnostics.h"

#include <catch2/catch.hpp>

namespace legisite::diagnostics_test {
namespace {

Diagnostic error_at(std::string file, int line, int column, std::string message) {
  return Diagnostic{
      Severity::kError, {std::move(file), line, column}, std::move(message), {}, {}, {}};
}

// ---------------------------------------------------------------------------------------------
// format_diagnostic

TEST_CASE("a diagnostic prints file, line, column, severity and message on one line",
          "[diagnostics]") {
  CHECK(format_diagnostic(error_at("code/L133-6.md", 3, 7, "unknown status 'VIGUER'")) ==
        "code/L133-6.md:3:7: error: unknown status 'VIGUER'\n");
}

TEST_CASE("content's control characters and bytes that are not UTF-8 print as escapes",
          "[diagnostics]") {
  // A title holding a terminal escape sequence (ESC [ 2 J clears the screen) and a Latin-1 byte.
  Diagnostic d = error_at("code/\x1b[2J.md", 2, 0, "unknown code title 'Code\x1b[31m rouge \xE9'");
  CHECK(format_diagnostic(d) ==
        "code/\\x1B[2J.md:2: error: unknown code title 'Code\\x1B[31m rouge \\xE9'\n");
  Diagnostic c1 = error_at("a.md", 1, 0, "next line \xC2\x85 here");  // U+0085, a C1 control
  CHECK(format_diagnostic(c1) == "a.md:1: error: next line \\u0085 here\n");
  Diagnostic accents = error_at("a.md", 1, 0, "état «\tvigueur»");  // accents and tabs stay
  CHECK(format_diagnostic(accents) == "a.md:1: error: état «\tvigueur»\n");
}

TEST_CASE("the caret stays under its column after an escaped character", "[diagnostics]") {
  Diagnostic d = error_at("a.md", 1, 4, "here");
  d.source_line =
      "a\x01"
      "bc";  // column 4 is 'c'; \x01 prints as four characters
  CHECK(format_diagnostic(d) == "a.md:1:4: error: here\n    a\\x01bc\n          ^\n");
}

TEST_CASE("a warning says warning instead of error", "[diagnostics]") {
  Diagnostic d = error_at("a.md", 1, 1, "unknown key 'foo'");
  d.severity = Severity::kWarning;
  CHECK(format_diagnostic(d) == "a.md:1:1: warning: unknown key 'foo'\n");
}

TEST_CASE("a diagnostic leaves out the column, the line or the file when they are unknown",
          "[diagnostics]") {
  CHECK(format_diagnostic(error_at("a.md", 4, 0, "m")) == "a.md:4: error: m\n");
  CHECK(format_diagnostic(error_at("a.md", 0, 0, "m")) == "a.md: error: m\n");
  CHECK(format_diagnostic(error_at("a.md", 0, 9, "m")) == "a.md: error: m\n");
  CHECK(format_diagnostic(error_at("", 0, 0, "m")) == "error: m\n");
  CHECK(format_diagnostic(error_at("", 4, 2, "m")) == "error: m\n");
}

TEST_CASE("a diagnostic shows its source line indented and a caret under the column",
          "[diagnostics]") {
  Diagnostic d = error_at("code/L1.md", 2, 7, "unknown status 'VIGUER'");
  d.source_line = "etat: VIGUER";
  CHECK(format_diagnostic(d) ==
        "code/L1.md:2:7: error: unknown status 'VIGUER'\n"
        "    etat: VIGUER\n"
        "          ^\n");
}

TEST_CASE("the caret of a diagnostic counts UTF-8 characters, not bytes", "[diagnostics]") {
  Diagnostic d = error_at("a.md", 1, 7, "unknown status 'ABROGÉ E'");
  d.source_line = "État: ABROGÉ E";  // É is two bytes; column 7 is the 'A' of ABROGÉ
  CHECK(format_diagnostic(d) ==
        "a.md:1:7: error: unknown status 'ABROGÉ E'\n"
        "    État: ABROGÉ E\n"
        "          ^\n");

  d.where.column = 14;  // the final 'E', after two two-byte characters
  CHECK(format_diagnostic(d) ==
        "a.md:1:14: error: unknown status 'ABROGÉ E'\n"
        "    État: ABROGÉ E\n"
        "                 ^\n");
}

TEST_CASE("the caret of a diagnostic keeps the tabs of its source line so it stays aligned",
          "[diagnostics]") {
  Diagnostic d = error_at("a.md", 1, 3, "m");
  d.source_line = "\t\tx";
  CHECK(format_diagnostic(d) == "a.md:1:3: error: m\n    \t\tx\n    \t\t^\n");
}

TEST_CASE("a diagnostic at column one puts the caret under the first character", "[diagnostics]") {
  Diagnostic d = error_at("a.md", 1, 1, "m");
  d.source_line = "num: ../x";
  CHECK(format_diagnostic(d) == "a.md:1:1: error: m\n    num: ../x\n    ^\n");
}

TEST_CASE("a diagnostic with a source line but no column shows the line without a caret",
          "[diagnostics]") {
  Diagnostic d = error_at("a.md", 5, 0, "m");
  d.source_line = "some line";
  CHECK(format_diagnostic(d) == "a.md:5: error: m\n    some line\n");
}

TEST_CASE("the notes of a diagnostic follow it, one per line, in order", "[diagnostics]") {
  Diagnostic d = error_at("code/L1.md", 1, 6, "unknown article 'L133-6-10'");
  d.source_line = "voir L133-6-10";
  d.notes = {"did you mean L133-6-1?", "while resolving links of L1"};
  CHECK(format_diagnostic(d) ==
        "code/L1.md:1:6: error: unknown article 'L133-6-10'\n"
        "    voir L133-6-10\n"
        "         ^\n"
        "  note: did you mean L133-6-1?\n"
        "  note: while resolving links of L1\n");
}

TEST_CASE("format_all prints every diagnostic in the order of the sink", "[diagnostics]") {
  Diagnostics sink;
  sink.error({"b.md", 2, 0}, "second", {"a note"});
  sink.warning({"a.md", 1, 0}, "first");
  CHECK(format_all(sink) == "b.md:2: error: second\n  note: a note\na.md:1: warning: first\n");
  CHECK(format_all(Diagnostics{}) == "");
}

// ---------------------------------------------------------------------------------------------
// The sink

TEST_CASE("a sink counts errors and warnings apart", "[diagnostics]") {
  Diagnostics sink;
  CHECK_FALSE(sink.has_errors());
  CHECK(sink.error_count() == 0);
  CHECK(sink.warning_count() == 0);
  sink.warning({"a.md", 1, 1}, "w1");
  sink.warning({"a.md", 2, 1}, "w2");
  CHECK_FALSE(sink.has_errors());
  sink.error({"a.md", 3, 1}, "e1", {"n"});
  CHECK(sink.has_errors());
  CHECK(sink.error_count() == 1);
  CHECK(sink.warning_count() == 2);
  REQUIRE(sink.all().size() == 3);
  CHECK(sink.all()[2].message == "e1");
  CHECK(sink.all()[2].notes == std::vector<std::string>{"n"});
  CHECK(sink.all()[2].where.line == 3);
}

TEST_CASE("report keeps the source line of a diagnostic", "[diagnostics]") {
  Diagnostics sink;
  Diagnostic d = error_at("a.md", 1, 2, "m");
  d.source_line = "xyz";
  sink.report(d);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].source_line == "xyz");
}

TEST_CASE("promoting warnings makes every diagnostic an error", "[diagnostics]") {
  Diagnostics sink;
  sink.warning({"a.md", 1, 1}, "w1");
  sink.error({"a.md", 2, 1}, "e1");
  sink.warning({"a.md", 3, 1}, "w2");
  sink.promote_warnings_to_errors();
  CHECK(sink.error_count() == 3);
  CHECK(sink.warning_count() == 0);
  CHECK(sink.has_errors());
  CHECK(format_diagnostic(sink.all()[0]) == "a.md:1:1: error: w1\n");
}

TEST_CASE("sorting orders diagnostics by file, line, column then message", "[diagnostics]") {
  Diagnostics sink;
  sink.error({"b.md", 1, 1}, "b1");
  sink.error({"a.md", 10, 1}, "a10");
  sink.error({"a.md", 2, 5}, "a2c5");
  sink.error({"a.md", 2, 3}, "z");
  sink.error({"a.md", 2, 3}, "y");
  sink.error({"", 0, 0}, "no file");
  sink.sort();
  std::vector<std::string> messages;
  for (const auto& d : sink.all()) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{"no file", "y", "z", "a2c5", "a10", "b1"});
}

TEST_CASE("sorting keeps diagnostics that compare equal in the order they were reported",
          "[diagnostics]") {
  Diagnostics sink;
  sink.error({"a.md", 1, 1}, "same", {"first"});
  sink.warning({"a.md", 1, 1}, "same", {"second"});
  sink.error({"a.md", 1, 1}, "same", {"third"});
  sink.sort();
  REQUIRE(sink.all().size() == 3);
  CHECK(sink.all()[0].notes[0] == "first");
  CHECK(sink.all()[1].notes[0] == "second");
  CHECK(sink.all()[2].notes[0] == "third");
}

TEST_CASE("absorbing a sink appends its diagnostics in order and empties it", "[diagnostics]") {
  Diagnostics main, worker;
  main.error({"a.md", 1, 1}, "main");
  worker.warning({"b.md", 1, 1}, "worker 1");
  worker.error({"c.md", 1, 1}, "worker 2", {"note"});
  main.absorb(std::move(worker));
  REQUIRE(main.all().size() == 3);
  CHECK(main.all()[0].message == "main");
  CHECK(main.all()[1].message == "worker 1");
  CHECK(main.all()[2].message == "worker 2");
  CHECK(main.all()[2].notes == std::vector<std::string>{"note"});
  CHECK(main.error_count() == 2);
  CHECK(main.warning_count() == 1);
  CHECK(worker.all().empty());  // NOLINT(bugprone-use-after-move): absorb documents it
}

// ---------------------------------------------------------------------------------------------
// edit_distance

TEST_CASE("edit_distance counts insertions, deletions and substitutions", "[diagnostics]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("L133-6", "L133-6") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("sitting", "kitten") == 3);
  CHECK(edit_distance("L133-6-1", "L133-6-10") == 1);
  CHECK(edit_distance("L133-6", "L133-6-1") == 2);
  CHECK(edit_distance("R133-2", "R*133-2") == 1);
  CHECK(edit_distance("L133-19", "L133-91") == 2);
}

}  // namespace
// ---------------------------------------------------------------------------------------------
// format_grouped

TEST_CASE("a warning repeated at many places prints once with its count and first three places",
          "[diagnostics]") {
  Diagnostics all;
  for (const char* file : {"a/1.md", "a/2.md", "b/3.md", "b/4.md", "c/5.md"})
    all.warning({file, 2, 1}, "unknown front-matter key 'Foo'", {"ignored"});
  all.warning({"a/1.md", 7, 0}, "something else");
  CHECK(format_grouped(all) ==
        "a/1.md:2:1: warning: unknown front-matter key 'Foo'\n"
        "  note: ignored\n"
        "  note: the same warning at 5 places: a/1.md:2, a/2.md:2, b/3.md:2, …; `legisite check` "
        "lists them all\n"
        "a/1.md:7: warning: something else\n");
  // `check` lists every one.
  CHECK(format_all(all).find("c/5.md:2:1: warning: unknown front-matter key 'Foo'") !=
        std::string::npos);
}

TEST_CASE("repeats are folded by severity and group, and two places are both named",
          "[diagnostics]") {
  Diagnostics all;
  all.error({"x.md", 1, 0}, "same");
  all.warning({"y.md", 1, 0}, "same");  // a warning is not a repeat of an error
  for (std::string folder : {"a", "a", "b"}) {
    Diagnostic d = error_at(folder + "/f.md", 3, 0, "no article");
    d.group = folder;
    all.report(std::move(d));
  }
  CHECK(format_grouped(all) ==
        "x.md:1: error: same\n"
        "y.md:1: warning: same\n"
        "a/f.md:3: error: no article\n"
        "  note: the same error at 2 places: a/f.md:3, a/f.md:3\n"
        "b/f.md:3: error: no article\n");
}

}  // namespace legisite::diagnostics_test
