// The citation parser against its specification, tests/citations/citations_spec.md (cmark's spec
// style): each example is an input, a line holding ".", then the citations the parser must find,
// one a line as describe_citation writes them. A failure names the example and its line.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "citations/citations.h"

namespace legisite::citations_spec_test {
namespace {

const char* const kSpec = LEGISITE_SOURCE_DIR "/tests/citations/citations_spec.md";
const std::string kFence(32, '`');

/// One example of the spec: where it starts, its input and the citations it must yield.
struct SpecExample {
  int number = 0;
  int line = 0;  // line of the opening fence
  std::string input;
  std::string expected;  // one citation a line, each ending in '\n'
  bool bare = false;     // "example bare": read as in a code numbered without prefix
};

std::vector<SpecExample> read_spec(const std::string& path) {
  std::ifstream in(path);
  std::vector<SpecExample> examples;
  std::string line;
  int at = 0;
  enum class State { kProse, kInput, kExpected } state = State::kProse;
  SpecExample current;
  bool first_input_line = true;
  while (std::getline(in, line)) {
    ++at;
    switch (state) {
      case State::kProse:
        if (line == kFence + " example" || line == kFence + " example bare") {
          current = SpecExample{static_cast<int>(examples.size()) + 1, at, "", "",
                                line == kFence + " example bare"};
          first_input_line = true;
          state = State::kInput;
        }
        break;
      case State::kInput:
        if (line == ".") {
          state = State::kExpected;
        } else {
          if (!first_input_line) current.input += '\n';
          current.input += line;
          first_input_line = false;
        }
        break;
      case State::kExpected:
        if (line == kFence) {
          examples.push_back(current);
          state = State::kProse;
        } else {
          current.expected += line + '\n';
        }
        break;
    }
  }
  return examples;
}

std::string found_in(const std::string& input, bool bare) {
  std::string out;
  for (const Citation& c : find_citations(input, {.bare_numbers = bare}))
    out += describe_citation(c, input) + '\n';
  return out;
}

TEST_CASE("every example of the citations spec yields exactly its citations", "[citations][spec]") {
  std::vector<SpecExample> examples = read_spec(kSpec);
  // The spec is the test: it must stay a real one.
  REQUIRE(examples.size() >= 80);
  std::size_t negative = 0;
  for (const SpecExample& e : examples) negative += e.expected.empty();
  CHECK(negative >= 15);
  std::size_t failed = 0;
  for (const SpecExample& e : examples) {
    std::string got = found_in(e.input, e.bare);
    if (got == e.expected) continue;
    ++failed;
    FAIL_CHECK("example " << e.number << " (citations_spec.md:" << e.line << ")\n--- input\n"
                          << e.input << "\n--- expected\n"
                          << e.expected << "--- found\n"
                          << got);
  }
  INFO(failed << " of " << examples.size() << " examples failed");
  CHECK(failed == 0);
}

TEST_CASE("citations cover their text and come in order of position", "[citations]") {
  for (const SpecExample& e : read_spec(kSpec)) {
    std::size_t previous = 0;
    for (const Citation& c : find_citations(e.input, {.bare_numbers = e.bare})) {
      INFO("example " << e.number);
      CHECK(c.begin < c.end);
      CHECK(c.end <= e.input.size());
      CHECK(c.begin >= previous);
      previous = c.begin;
    }
  }
}

TEST_CASE("a citation's number is normalised and its range bound too", "[citations]") {
  std::string text = "aux articles L. 133-6-1 à L. 133-6-5";
  auto found = find_citations(text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].number_text == "L. 133-6-1");
  CHECK(found[0].number.text() == "L133-6-1");
  CHECK(found[0].last_text == "L. 133-6-5");
  CHECK(found[0].last.text() == "L133-6-5");
  CHECK(found[0].is_range());
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "L. 133-6-1 à L. 133-6-5");
}

TEST_CASE("the code a citation names depends on what the citing code has", "[citations]") {
  const char* const css = "Code de la sécurité sociale";
  ArticleNumber citing("L162-31-1");
  auto carried = find_citations(
      "de l'article L. 431-1 et aux articles L. 751-8 du code rural et de la pêche maritime");
  REQUIRE(carried.size() == 2);
  CHECK(cited_code_title(carried[0], css, citing, true) == "");
  CHECK(cited_code_title(carried[0], css, citing, false) == "Code rural et de la pêche maritime");
  CHECK(cited_code_title(carried[1], css, citing, true) == "Code rural et de la pêche maritime");

  auto context =
      find_citations("du code de la santé publique : a) L'article L. 4113-5 et L. 162-1");
  REQUIRE(context.size() == 2);
  CHECK(cited_code_title(context[0], css, citing, false) == "Code de la santé publique");
  CHECK(cited_code_title(context[0], css, citing, true) == "");
  // Shaped like the citing article's number: a repealed article of the citing code, more likely.
  CHECK(cited_code_title(context[1], css, citing, false) == "");

  // Thousands in a code numbered in hundreds, after only the citing code was named: no code.
  auto quoted =
      find_citations("le code de la sécurité sociale ; c) Articles L. 1221-10 et L. 922-2");
  REQUIRE(quoted.size() == 2);
  CHECK_FALSE(cited_code_title(quoted[0], css, ArticleNumber("R133-33"), false).has_value());
  CHECK(cited_code_title(quoted[1], css, ArticleNumber("R133-33"), false) == "");

  // No hyphen ("L. 320", the old code du travail) in a code whose numbers have one.
  auto old_number =
      find_citations("du code du travail. Par l'article L. 320 et l'article L. 133-7");
  REQUIRE(old_number.size() == 2);
  CHECK(cited_code_title(old_number[0], css, ArticleNumber("L133-5-5"), false) ==
        "Code du travail");
  CHECK(cited_code_title(old_number[1], css, ArticleNumber("L133-5-5"), false) == "");

  // A code whose articles are numbered without hyphen (the Code civil's "146" and "1404", cited
  // by its "171-7" and "222") keeps such numbers: a missing one is more likely repealed.
  const char* const civil = "Code civil";
  auto plain = find_citations("au regard des articles 146 et 180 ; suivant l'article 1404",
                              CitationOptions{true});
  REQUIRE(plain.size() == 3);
  CHECK_FALSE(cited_code_title(plain[0], civil, ArticleNumber("171-7"), false).has_value());
  CHECK(cited_code_title(plain[0], civil, ArticleNumber("171-7"), false, true) == "");
  // Thousands without a hyphen are not the recodified codes' numbering.
  CHECK(cited_code_title(plain[2], civil, ArticleNumber("222"), false) == "");

  auto present = find_citations("l'article L. 5 du présent code");
  REQUIRE(present.size() == 1);
  CHECK(cited_code_title(present[0], css, citing, false) == "");
}

TEST_CASE("the parser reads a long text in one pass", "[citations]") {
  // Quadratic behaviour would show here: 20 000 citations and 200 000 words without any.
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += "au second alinéa de l'article L. " + std::to_string(100 + i % 800) +
            "-1 du code de la santé publique, et des cotisations dues par les assurés sociaux ; ";
  auto found = find_citations(text);
  CHECK(found.size() == 20000);
}

}  // namespace
}  // namespace legisite::citations_spec_test
