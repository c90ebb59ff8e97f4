// Word-level diffs of two versions' texts: words, French punctuation and spaces, markup kept
// well-formed, identical and empty texts.

#include "resolve/text_diff.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace legisite {
namespace {

const std::string kDelOpen = "<del><span class=\"visually-hidden\">[début de suppression] </span>";
const std::string kDelClose = "<span class=\"visually-hidden\"> [fin de suppression]</span></del>";
const std::string kInsOpen = "<ins><span class=\"visually-hidden\">[début d’ajout] </span>";
const std::string kInsClose = "<span class=\"visually-hidden\"> [fin d’ajout]</span></ins>";

std::string del(const std::string& s) { return kDelOpen + s + kDelClose; }
std::string ins(const std::string& s) { return kInsOpen + s + kInsClose; }

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
        std::vector<std::string>{"d’", "un", " ", "«", "\xC2\xA0", "mot", "\xC2\xA0", "»", " ",
                                 ":", " ", "1,5"});
  CHECK(texts("a&nbsp;;&amp;b") == std::vector<std::string>{"a", "&nbsp;", ";", "&amp;b"});
}

TEST_CASE("a changed word is shown removed then added", "[diff]") {
  TextDiff diff = diff_texts("<p>Les caisses nationales sont saisies.</p>",
                             "<p>Les caisses régionales sont saisies.</p>");
  CHECK(diff.html == "<p>Les caisses " + del("nationales") + ins("régionales") +
                         " sont saisies.</p>");
  CHECK(diff.words_added == 1);
  CHECK(diff.words_removed == 1);
  CHECK(diff_summary(diff) == "+1 mot, \u22121 mot");
}

TEST_CASE("added words are counted as words, not characters", "[diff]") {
  TextDiff diff = diff_texts("<p>Un texte.</p>", "<p>Un texte court et clair.</p>");
  CHECK(diff.html == "<p>Un texte " + ins("court et clair") + ".</p>");
  CHECK(diff.words_added == 3);
  CHECK(diff.words_removed == 0);
  CHECK(diff_summary(diff) == "+3 mots");
}

TEST_CASE("a non-breaking space before French punctuation is a space like any other", "[diff]") {
  // U+00A0, U+202F and &nbsp; against plain spaces: nothing a reader would call a change.
  CHECK(diff_texts("<p>cotisations ; voir : « ici »</p>",
                   "<p>cotisations\xE2\x80\xAF; voir&nbsp;: «\xC2\xA0ici\xC2\xA0»</p>")
            .identical());
  TextDiff diff = diff_texts("<p>cotisations ;</p>", "<p>cotisations\xC2\xA0:</p>");
  CHECK(diff.punctuation_changed);
  CHECK(diff.words_added == 0);
  CHECK(diff_summary(diff) == "ponctuation modifiée");
  CHECK(diff.html == "<p>cotisations\xC2\xA0" + del(";") + ins(":") + "</p>");
}

TEST_CASE("identical texts give the text back unmarked", "[diff]") {
  const char* text = "<p>Pour l'exercice de la mission, sont conclues :</p><ul><li>a) une</li></ul>";
  TextDiff diff = diff_texts(text, text);
  CHECK(diff.identical());
  CHECK(diff.html == text);
  CHECK(diff_summary(diff) == "texte identique");
}

TEST_CASE("an empty text against a text: everything added, or everything removed", "[diff]") {
  TextDiff added = diff_texts("", "<p>Deux mots.</p>");
  CHECK(added.html == "<p>" + ins("Deux mots.") + "</p>");
  CHECK(added.words_added == 2);
  TextDiff removed = diff_texts("<p>Deux mots.</p>", "");
  CHECK(removed.html == "<p>" + del("Deux mots.") + "</p>");  // the older paragraphs stay
  CHECK(removed.words_removed == 2);
  CHECK(diff_texts("", "").identical());
  CHECK(diff_texts("", "").html.empty());
}

TEST_CASE("marks never straddle an element boundary", "[diff]") {
  TextDiff diff = diff_texts("<p>un</p>", "<p>un</p><p>deux trois</p>");
  CHECK(diff.html == "<p>un</p><p>" + ins("deux trois") + "</p>");
  TextDiff split = diff_texts("<p>un deux</p>", "<p>un</p><p>deux</p>");
  CHECK(split.html == "<p>un</p><p>deux</p>");  // only the structure changed: no word marked
  CHECK(split.words_added == 0);
}

TEST_CASE("a text rewritten end to end still gives a bounded, balanced diff", "[diff]") {
  std::string before = "<p>", after = "<p>";
  for (int i = 0; i < 3000; ++i) {
    before += "a" + std::to_string(i) + " ";
    after += "b" + std::to_string(i) + " ";
  }
  before += "</p>";
  after += "</p>";
  TextDiff diff = diff_texts(before, after);
  CHECK(diff.words_added == 3000);
  CHECK(diff.words_removed == 3000);
  CHECK(diff.html.rfind("<p>", 0) == 0);
  CHECK(diff.html.substr(diff.html.size() - 4) == "</p>");
}

}  // namespace legisite

namespace legisite {

TEST_CASE("a word or two kept by coincidence inside a rewrite is shown rewritten", "[diff]") {
  TextDiff diff = diff_texts("<p>Les caisses de base sont saisies</p>",
                             "<p>Un arrêté de ministre fixe</p>");
  CHECK(diff.html == "<p>" + del("Les caisses de base sont saisies") +
                         ins("Un arrêté de ministre fixe") + "</p>");
  CHECK(diff.words_removed == 6);
  CHECK(diff.words_added == 5);
}

}  // namespace legisite
