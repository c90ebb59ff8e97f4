// Word-level diffs of two versions' texts: words, French punctuation and spaces, markup kept
// well-formed, identical and empty texts. Runs are shown as [-removed-]{+added+}; their markup on a
// page is tests/render/diff_markup_test.cc.

#include "resolve/text_diff.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace legisite::text_diff_test {
namespace {

// The runs written as git's word diff writes them: [-removed-]{+added+}, kept text as it is.
std::string marked(const TextDiff& diff) {
  std::string out;
  for (const DiffRun& run : diff.runs) {
    if (run.kind == DiffRun::Kind::kRemoved)
      out += "[-" + run.html + "-]";
    else if (run.kind == DiffRun::Kind::kAdded)
      out += "{+" + run.html + "+}";
    else
      out += run.html;
  }
  return out;
}

std::string del(const std::string& s) { return "[-" + s + "-]"; }
std::string ins(const std::string& s) { return "{+" + s + "+}"; }

std::vector<std::string> texts(std::string_view html) {
  std::vector<std::string> out;
  for (const DiffToken& t : tokenize_for_diff(html)) out.emplace_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("tokens are tags, words, punctuation marks and spaces", "[diff]") {
  CHECK(texts("<p>l'article L. 133-6 ;</p>") ==
        std::vector<std::string>{"<p>", "l'", "article", " ", "L", ".", " ", "133-6", " ", ";",
                                 "</p>"});
  CHECK(texts("d’un «\xC2\xA0mot\xC2\xA0» : 1,5") ==
        std::vector<std::string>{"d’", "un", " ", "«", "\xC2\xA0", "mot", "\xC2\xA0", "»", " ", ":",
                                 " ", "1,5"});
  CHECK(texts("a&nbsp;;&amp;b") == std::vector<std::string>{"a", "&nbsp;", ";", "&amp;b"});
}

TEST_CASE("a changed word is shown removed then added", "[diff]") {
  TextDiff diff = diff_texts("<p>Les caisses nationales sont saisies.</p>",
                             "<p>Les caisses régionales sont saisies.</p>");
  CHECK(marked(diff) ==
        "<p>Les caisses " + del("nationales") + ins("régionales") + " sont saisies.</p>");
  CHECK(diff.words_added == 1);
  CHECK(diff.words_removed == 1);
}

TEST_CASE("added words are counted as words, not characters", "[diff]") {
  TextDiff diff = diff_texts("<p>Un texte.</p>", "<p>Un texte court et clair.</p>");
  CHECK(marked(diff) == "<p>Un texte " + ins("court et clair") + ".</p>");
  CHECK(diff.words_added == 3);
  CHECK(diff.words_removed == 0);
}

TEST_CASE("a non-breaking space before French punctuation is a space like any other", "[diff]") {
  // U+00A0, U+202F and &nbsp; against plain spaces: nothing a reader would call a change.
  CHECK(diff_texts("<p>cotisations ; voir : « ici »</p>",
                   "<p>cotisations\xE2\x80\xAF; voir&nbsp;: «\xC2\xA0ici\xC2\xA0»</p>")
            .identical());
  TextDiff diff = diff_texts("<p>cotisations ;</p>", "<p>cotisations\xC2\xA0:</p>");
  CHECK(diff.punctuation_changed);
  CHECK(diff.words_added == 0);
  CHECK(marked(diff) == "<p>cotisations\xC2\xA0" + del(";") + ins(":") + "</p>");
}

TEST_CASE("identical texts give the text back unmarked", "[diff]") {
  const char* text =
      "<p>Pour l'exercice de la mission, sont conclues :</p><ul><li>a) une</li></ul>";
  TextDiff diff = diff_texts(text, text);
  CHECK(diff.identical());
  CHECK(marked(diff) == text);
}

TEST_CASE("an empty text against a text: everything added, or everything removed", "[diff]") {
  TextDiff added = diff_texts("", "<p>Deux mots.</p>");
  CHECK(marked(added) == "<p>" + ins("Deux mots.") + "</p>");
  CHECK(added.words_added == 2);
  TextDiff removed = diff_texts("<p>Deux mots.</p>", "");
  CHECK(marked(removed) == "<p>" + del("Deux mots.") + "</p>");  // the older paragraphs stay
  CHECK(removed.words_removed == 2);
  CHECK(diff_texts("", "").identical());
  CHECK(diff_texts("", "").runs.empty());
}

TEST_CASE("marks never straddle an element boundary", "[diff]") {
  TextDiff diff = diff_texts("<p>un</p>", "<p>un</p><p>deux trois</p>");
  CHECK(marked(diff) == "<p>un</p><p>" + ins("deux trois") + "</p>");
  TextDiff split = diff_texts("<p>un deux</p>", "<p>un</p><p>deux</p>");
  CHECK(marked(split) == "<p>un</p><p>deux</p>");  // only the structure changed: no word marked
  CHECK(split.words_added == 0);
}

TEST_CASE("a text rewritten end to end past the edit budget: no runs, the words counted",
          "[diff]") {
  std::string before = "<p>", after = "<p>";
  for (int i = 0; i < 3000; ++i) {
    before += "a" + std::to_string(i) + " ";
    after += "b" + std::to_string(i) + " ";
  }
  before += "</p>";
  after += "</p>";
  TextDiff diff = diff_texts(before, after);
  CHECK(diff.beyond_budget);
  CHECK(diff.runs.empty());
  CHECK(diff.words_added == 3000);
  CHECK(diff.words_removed == 3000);
  CHECK_FALSE(diff.structure_changed);
}

TEST_CASE("long texts sharing their words go past the comparison budget", "[diff]") {
  // Few edits each, but snakes everywhere: the edit count alone would not stop it.
  const char* const words[] = {"le", "la", "de", "et"};
  std::string before = "<p>début ", after = "<p>début ";
  for (int i = 0; i < 200000; ++i) {
    before += words[(i * 7 + i / 3) % 4];
    after += words[(i * 5 + i / 2) % 4];
    before += ' ';
    after += ' ';
  }
  before += "fin</p>";
  after += "fin</p>";
  TextDiff diff = diff_texts(before, after);
  CHECK(diff.beyond_budget);
  CHECK(diff.runs.empty());
  // Only the common start and end ("début", a first word or two, "fin") are left out.
  CHECK(diff.words_removed > 199000);
  CHECK(diff.words_removed <= 200000);
  CHECK(diff.words_added > 199000);
  CHECK(diff.words_added <= 200000);
  // A small change stays word by word, within the budget.
  TextDiff small = diff_texts("<p>un deux trois</p>", "<p>un quatre trois</p>");
  CHECK_FALSE(small.beyond_budget);
  CHECK(marked(small) == "<p>un " + del("deux") + ins("quatre") + " trois</p>");
}

}  // namespace legisite::text_diff_test

namespace legisite::text_diff_test {

TEST_CASE("a word or two kept by coincidence inside a rewrite is shown rewritten", "[diff]") {
  TextDiff diff =
      diff_texts("<p>Les caisses de base sont saisies</p>", "<p>Un arrêté de ministre fixe</p>");
  CHECK(marked(diff) == "<p>" + del("Les caisses de base sont saisies") +
                            ins("Un arrêté de ministre fixe") + "</p>");
  CHECK(diff.words_removed == 6);
  CHECK(diff.words_added == 5);
}

}  // namespace legisite::text_diff_test

namespace legisite::text_diff_test {

TEST_CASE("a change of spacing alone is not marked, and is counted", "[diff]") {
  // css-history, A931-10-18: 002_1998-03-27 has "I. - Le montant", 003_2006-12-21 "I.-Le montant".
  TextDiff diff = diff_texts("<p>I. - Le montant des participations</p>",
                             "<p>I.-Le montant des participations</p>");
  CHECK(marked(diff) == "<p>I.-Le montant des participations</p>");
  CHECK(diff.identical());
  CHECK(diff.spacing_changes == 2);
  TextDiff spaces =
      diff_texts("<p>un  texte\n sur deux lignes</p>", "<p>un texte sur deux lignes</p>");
  CHECK(spaces.identical());
  CHECK(spaces.spacing_changes == 0);  // the same words, the same gaps: not even spacing
  TextDiff both = diff_texts("<p>I. - Le taux est fixé</p>", "<p>I.-Le taux est relevé</p>");
  CHECK(marked(both) == "<p>I.-Le taux est " + del("fixé") + ins("relevé") + "</p>");
  CHECK(both.spacing_changes == 2);
}

TEST_CASE("each run knows where it comes from and where it sits in the newer text", "[diff]") {
  const std::string before = "<p>Les caisses nationales sont saisies.</p>";
  const std::string after = "<p>Les caisses régionales, elles, sont saisies.</p>";
  TextDiff diff = diff_texts(before, after);
  REQUIRE(diff.runs.size() == 4);
  for (const DiffRun& run : diff.runs) {
    const std::string& text = run.kind == DiffRun::Kind::kRemoved ? before : after;
    CHECK(text.substr(run.offset, run.html.size()) == run.html);
  }
  CHECK(diff.runs[1].kind == DiffRun::Kind::kRemoved);
  CHECK(diff.runs[1].position == after.find("régionales"));
  CHECK(diff.runs[2].html == "régionales, elles,");
  CHECK(diff.runs[2].position == diff.runs[2].offset);
}

}  // namespace legisite::text_diff_test
