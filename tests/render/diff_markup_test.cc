// How a diff reads on a page: <del>/<ins> marks opened and closed by visually hidden labels, and
// the one-line summary of the versions list.

#include "render/diff_markup.h"

#include <catch2/catch.hpp>
#include <string>

#include "resolve/text_diff.h"

namespace legisite::diff_markup_test {
namespace {

const std::string kDelOpen = "<del><span class=\"visually-hidden\">[début de suppression] </span>";
const std::string kDelClose = "<span class=\"visually-hidden\"> [fin de suppression]</span></del>";
const std::string kInsOpen = "<ins><span class=\"visually-hidden\">[début d’ajout] </span>";
const std::string kInsClose = "<span class=\"visually-hidden\"> [fin d’ajout]</span></ins>";

std::string del(const std::string& s) { return kDelOpen + s + kDelClose; }
std::string ins(const std::string& s) { return kInsOpen + s + kInsClose; }

}  // namespace

TEST_CASE("a changed word is marked removed then added, each mark labelled", "[render][diff]") {
  TextDiff diff = diff_texts("<p>Les caisses nationales sont saisies.</p>",
                             "<p>Les caisses régionales sont saisies.</p>");
  CHECK(diff_html(diff) ==
        "<p>Les caisses " + del("nationales") + ins("régionales") + " sont saisies.</p>");
  CHECK(diff_summary(diff) == "+1 mot, \u22121 mot");
}

TEST_CASE("a mark closes before a tag and opens again after it", "[render][diff]") {
  TextDiff diff = diff_texts("<p>Deux mots.</p><p>Trois</p>", "");
  CHECK(diff_html(diff) == "<p>" + del("Deux mots.") + "</p><p>" + del("Trois") + "</p>");
  CHECK(diff_summary(diff) == "\u22123 mots");
}

TEST_CASE("the summary counts words, or says punctuation or nothing changed", "[render][diff]") {
  CHECK(diff_summary(diff_texts("<p>Un texte.</p>", "<p>Un texte court et clair.</p>")) ==
        "+3 mots");
  CHECK(diff_summary(diff_texts("<p>cotisations ;</p>", "<p>cotisations\xC2\xA0:</p>")) ==
        "ponctuation modifiée");
  const char* text = "<p>Pour l'exercice de la mission :</p>";
  TextDiff same = diff_texts(text, text);
  CHECK(diff_summary(same) == "texte identique");
  CHECK(diff_html(same) == text);
}

}  // namespace legisite::diff_markup_test
