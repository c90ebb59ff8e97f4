#include "text/fold.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::fold_test {
namespace {

TEST_CASE("folding for matching lower-cases and folds accents but keeps punctuation",
          "[text][fold]") {
  CHECK(fold_for_matching("Code de la Sécurité Sociale.") == "code de la securite sociale.");
  CHECK(fold_for_matching("ÉTAT") == "etat");
  CHECK(fold_for_matching("Date de début") == "date de debut");
  CHECK(fold_for_matching("cœur") == "coeur");
  CHECK(fold_for_matching("l’État") == "l’etat");  // the curly apostrophe passes through
  CHECK(fold_for_matching("日本") == "日本");
  CHECK(fold_for_matching("") == "");
}

TEST_CASE("two spellings of one code title fold to the same text", "[text][fold]") {
  CHECK(fold_for_matching("Code de la sécurité sociale") ==
        fold_for_matching("CODE DE LA SÉCURITÉ SOCIALE"));
  CHECK(fold_for_matching("code de la securite sociale") ==
        fold_for_matching("Code de la Sécurité sociale"));
}

TEST_CASE("ligatures and the sharp s fold to two letters, in either case", "[text][fold]") {
  CHECK(fold_letter(U'Æ') == "ae");
  CHECK(fold_letter(U'æ') == "ae");
  CHECK(fold_letter(U'Œ') == "oe");
  CHECK(fold_letter(U'œ') == "oe");
  CHECK(fold_letter(U'ß') == "ss");
  CHECK(fold_for_matching("ŒUVRE, Cæcum, Straße") == "oeuvre, caecum, strasse");
}

TEST_CASE("every French accented letter folds to its base letter", "[text][fold]") {
  CHECK(fold_for_matching("ÀÂÄàâäÇçÉÈÊËéèêëÎÏîïÔÖôöÙÛÜùûüŸÿ") ==
        "aaaaaacceeeeeeeeiiiioooouuuuuuyy");
  CHECK(fold_for_matching("ÁÃÅáãåÍÌíìÑñÓÒÕØóòõøÚúÝý") == "aaaaaaiiiinnoooooooouuyy");
}

TEST_CASE("letters and signs with no ASCII fold are left to the caller", "[text][fold]") {
  CHECK(fold_letter(U'a').empty());  // ASCII is lower-cased by the callers, not folded here
  CHECK(fold_letter(U'×').empty());
  CHECK(fold_letter(U'÷').empty());
  CHECK(fold_letter(U'Ð').empty());
  CHECK(fold_letter(U'Þ').empty());
  CHECK(fold_letter(U'€').empty());
  CHECK(fold_for_matching("3 × 4 €") == "3 × 4 €");
}

TEST_CASE("a byte that is not UTF-8 folds as the Latin-1 letter it would be", "[text][fold]") {
  CHECK(fold_for_matching(std::string("caf\xE9")) == "cafe");
  CHECK(fold_for_matching(std::string("\xC6")) == "ae");
  CHECK(fold_for_matching(std::string("\x80")) == "\x80");  // no letter: kept as it is
}

}  // namespace
}  // namespace legisite::fold_test

TEST_CASE("lower_french lowers French capitals and keeps their accents", "[text]") {
  CHECK(legisite::lower_french("\xC3\x89LECTION") == "\xC3\xA9lection");              // ÉLECTION
  CHECK(legisite::lower_french("\xC5\x92UVRE \xC5\xB8") == "\xC5\x93uvre \xC3\xBF");  // ŒUVRE Ÿ
  CHECK(legisite::lower_french("\xC3\x97") == "\xC3\x97");                  // × is not a letter
  CHECK(legisite::lower_french("\xC3\x9E\xC3\x80") == "\xC3\xBE\xC3\xA0");  // ÞÀ
  CHECK(legisite::lower_french("A\xFF") == "a\xFF");  // a byte that is not UTF-8 passes through
}
