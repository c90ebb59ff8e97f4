// Pinpoints, the part of an article a citation names ("au 2° du I de l'article"), read directly
// rather than through find_citations. Inputs come from the Code de la sécurité sociale
// (../shared/corpus/legifrance-json/css-2026-03-14.json, "css-2026" below) where a comment names
// an article.

#include "citations/pinpoints.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace legisite::pinpoints_test {
namespace {

/// The pinpoint before the first `keyword` of `text`, looking back to its start.
Pinpoint before(std::string_view text, std::string_view keyword = "article") {
  std::size_t at = text.find(keyword);
  REQUIRE(at != std::string_view::npos);
  return pinpoint_before(text, at, 0);
}

TEST_CASE("numbers and numerals and letters are pinpoint tokens", "[citations][pinpoints]") {
  CHECK(pinpoint_token(","));
  CHECK(pinpoint_token("2°"));
  CHECK(pinpoint_token("12°"));
  CHECK(pinpoint_token("2°)"));
  CHECK(pinpoint_token("2\xC2\xBA"));  // 2º, with the ordinal indicator for °
  CHECK(pinpoint_token("1er"));
  CHECK(pinpoint_token("3e"));
  CHECK(pinpoint_token("3ème"));
  CHECK(pinpoint_token("3eme"));
  CHECK(pinpoint_token("2)"));
  CHECK(pinpoint_token("1"));  // "1 bis"
  CHECK(pinpoint_token("I"));
  CHECK(pinpoint_token("IV"));
  CHECK(pinpoint_token("XLII"));
  CHECK(pinpoint_token("a"));
  CHECK(pinpoint_token("b)"));
  CHECK(pinpoint_token("A"));  // "I A"
  CHECK_FALSE(pinpoint_token(""));
  CHECK_FALSE(pinpoint_token("2a"));
  CHECK_FALSE(pinpoint_token("2°a"));
  CHECK_FALSE(pinpoint_token("133-6"));
  CHECK_FALSE(pinpoint_token("AB"));
  CHECK_FALSE(pinpoint_token("CM"));  // C and M are no numerals here
}

TEST_CASE("two forms the comments name are not pinpoint tokens", "[citations][pinpoints]") {
  // pinpoints.cc names "I." ("as some texts write them") and "aa" among the tokens, but neither
  // branch accepts them: a roman numeral must be the whole token, and a short lower-case token
  // is one letter with an optional ')'.
  CHECK_FALSE(pinpoint_token("I."));
  CHECK_FALSE(pinpoint_token("aa"));
}

TEST_CASE("the words of pinpoints are tokens in any case and accents", "[citations][pinpoints]") {
  CHECK(pinpoint_token("alinéa"));
  CHECK(pinpoint_token("Alinéas"));
  CHECK(pinpoint_token("phrase"));
  CHECK(pinpoint_token("premier"));
  CHECK(pinpoint_token("première"));
  CHECK(pinpoint_token("second"));
  CHECK(pinpoint_token("dernier"));
  CHECK(pinpoint_token("avant-dernier"));
  CHECK(pinpoint_token("bis"));
  CHECK(pinpoint_token("quinquies"));
  CHECK(pinpoint_token("sous-paragraphe"));
  CHECK(pinpoint_token("deuxième"));
  CHECK(pinpoint_token("troisièmes"));
  CHECK(pinpoint_token("seizième"));
  CHECK(pinpoint_token("du"));
  CHECK(pinpoint_token("à"));  // à
  CHECK(pinpoint_token("l'"));
  CHECK(pinpoint_token("l\xE2\x80\x99"));  // l’
  CHECK(pinpoint_token("d'"));
  // Ordinals stop at the sixteenth; other words are not pinpoints.
  CHECK_FALSE(pinpoint_token("dix-septième"));
  CHECK_FALSE(pinpoint_token("article"));
  CHECK_FALSE(pinpoint_token("présent"));
  CHECK_FALSE(pinpoint_token("deux"));
  CHECK_FALSE(pinpoint_token("le"));
}

TEST_CASE("connectors only join the parts of a pinpoint", "[citations][pinpoints]") {
  CHECK(pinpoint_connector("du"));
  CHECK(pinpoint_connector("Du"));
  CHECK(pinpoint_connector("de"));
  CHECK(pinpoint_connector("la"));
  CHECK(pinpoint_connector("l'"));
  CHECK(pinpoint_connector("L\xE2\x80\x99"));  // L’
  CHECK(pinpoint_connector("des"));
  CHECK(pinpoint_connector("et"));
  CHECK(pinpoint_connector("ou"));
  CHECK(pinpoint_connector("au"));
  CHECK(pinpoint_connector("aux"));
  CHECK(pinpoint_connector("à"));  // à
  CHECK(pinpoint_connector(","));
  CHECK(pinpoint_connector("d'"));
  // "a" is the point a of a list, not the preposition; à is recognised only in lower case.
  CHECK_FALSE(pinpoint_connector("a"));
  CHECK_FALSE(pinpoint_connector("À"));  // À
  CHECK_FALSE(pinpoint_connector("alinéa"));
  CHECK_FALSE(pinpoint_connector("2°"));
  CHECK_FALSE(pinpoint_connector("I"));
  CHECK_FALSE(pinpoint_connector(""));
}

TEST_CASE("the alinea of a pinpoint that names one directly", "[citations][pinpoints]") {
  CHECK(alinea_of("premier alinéa") == 1);
  CHECK(alinea_of("1er alinéa") == 1);
  CHECK(alinea_of("second alinéa") == 2);
  CHECK(alinea_of("seconde alinéa") == 2);
  CHECK(alinea_of("deuxième alinéa") == 2);
  CHECK(alinea_of("Troisième alinéa") == 3);
  CHECK(alinea_of("seizième alinéa") == 16);
  CHECK(alinea_of("3e alinéa") == 3);
  CHECK(alinea_of("7ème alinéa") == 7);  // 7ème
  CHECK(alinea_of("alinéa 2") == 2);
  CHECK(alinea_of("Alinéa 12") == 12);
  CHECK(alinea_of("second, alinéa") == 2);  // a comma separates words like a space
}

TEST_CASE("a pinpoint that names no alinea directly gives zero", "[citations][pinpoints]") {
  CHECK(alinea_of("") == 0);
  CHECK(alinea_of("alinéa") == 0);
  CHECK(alinea_of("dernier alinéa") == 0);
  CHECK(alinea_of("avant-dernier alinéa") == 0);
  CHECK(alinea_of("dix-septième alinéa") == 0);
  // The alinéa of a part of the article ("du I") is not the article's.
  CHECK(alinea_of("second alinéa du I") == 0);
  CHECK(alinea_of("au second alinéa") == 0);
  CHECK(alinea_of("premiers alinéas") == 0);
  CHECK(alinea_of("2° du I") == 0);
  // After "alinéa" only digits count.
  CHECK(alinea_of("alinéa 2°") == 0);
  CHECK(alinea_of("alinéa premier") == 0);
  CHECK(alinea_of("alinéa 12345") == 0);
}

TEST_CASE("the pinpoint before de l'article is read without its connectors",
          "[citations][pinpoints]") {
  // css-2026, L131-8.
  Pinpoint part = before("au 2° du I de l'article L. 136-8 est versé");
  CHECK(part.text == "2° du I");
  CHECK(part.alinea == 0);
  // css-2026, L131-8.
  Pinpoint second = before("au second alinéa de l'article L. 137-24");
  CHECK(second.text == "second alinéa");
  CHECK(second.alinea == 2);
  // css-2026, D160-14.
  Pinpoint sentence = before("à la première phrase du deuxième alinéa de l'article L. 160-17");
  CHECK(sentence.text == "première phrase du deuxième alinéa");
  CHECK(sentence.alinea == 0);
  // css-2026, L133-4-3.
  CHECK(before("au a du 4° du III de l'article L. 136-1-1").text == "a du 4° du III");
  // css-2026, R161-76-6.
  CHECK(before("mentionnés au 1er alinéa du IV de l'article L. 161-38").text == "1er alinéa du IV");
}

TEST_CASE("a pinpoint ends at the first word that is no pinpoint token", "[citations][pinpoints]") {
  // css-2026, L162-31-1: "le" is not a token, so the pinpoint starts after it.
  Pinpoint third = before("le troisième alinéa de l'article L. 5125-18");
  CHECK(third.text == "troisième alinéa");
  CHECK(third.alinea == 3);
  // css-2026, L138-10: "deux" is not a token either.
  Pinpoint two = before("aux deux premiers alinéas de l'article L. 162-17");
  CHECK(two.text == "premiers alinéas");
  CHECK(two.alinea == 0);
  // css-2026, L114-12-3-1.
  Pinpoint last = before("au dernier alinéa de l'article L. 114-12-1");
  CHECK(last.text == "dernier alinéa");
  CHECK(last.alinea == 0);
  // css-2026, L111-11: "œuvre" ends it, and the connector "du" is stripped.
  CHECK(before("la mise en œuvre du 22° de l' article L. 162-5").text == "22°");
  // css-2026, L114-2: the apostrophe of "qu'aux" splits it, and "aux" is a connector.
  CHECK(before("ainsi qu'aux I à V de l' article L. 161-17").text == "I à V");
}

TEST_CASE("an enumeration of items is one pinpoint", "[citations][pinpoints]") {
  // css-2026, R162-54-3-1: fifteen tokens, commas included.
  CHECK(before("prévues par les 4°, 12°, 13°, 20°, 21°, 22°, 24° et 25° de l'article L. 162-5")
            .text == "4°, 12°, 13°, 20°, 21°, 22°, 24° et 25°");
  // css-2026, D173-21-3-1: "des articles" introduces the keyword too.
  CHECK(before("mentionnées aux 1°, 2°, 3° et 5° des articles R. 351-12", "articles").text ==
        "1°, 2°, 3° et 5°");
}

TEST_CASE("a pinpoint is read over sixteen tokens at most", "[citations][pinpoints]") {
  // The look-back is bounded: of nine items joined by "et", the first is beyond the sixteenth
  // token and left out.
  CHECK(before("au 1° et 2° et 3° et 4° et 5° et 6° et 7° et 8° et 9° de l'article L. 5").text ==
        "2° et 3° et 4° et 5° et 6° et 7° et 8° et 9°");
}

TEST_CASE("a pinpoint is read no further back than the floor", "[citations][pinpoints]") {
  // The parser passes the end of the previous citation as the floor.
  const std::string_view s = "au 2° du I de l'article L. 136-8";
  const std::size_t keyword = s.find("article");
  CHECK(pinpoint_before(s, keyword, s.find("I ")).text == "I");
  CHECK(pinpoint_before(s, keyword, s.find("2")).text == "2° du I");
  // With the floor on "de", the introduction is read but nothing before it.
  CHECK(pinpoint_before(s, keyword, s.find("de")).text == "");
}

TEST_CASE("a typographic apostrophe introduces the keyword too", "[citations][pinpoints]") {
  Pinpoint second = before(
      "au second alinéa de l\xE2\x80\x99"
      "article L. 5");
  CHECK(second.text == "second alinéa");
  CHECK(second.alinea == 2);
}

TEST_CASE("the keyword must be introduced by de l' or du or des", "[citations][pinpoints]") {
  // css-2026, R382-3: "à l’article" has no pinpoint.
  Pinpoint to = before(
      "mentionné à l\xE2\x80\x99"
      "article R. 123-1");
  CHECK(to.text == "");
  CHECK(to.alinea == 0);
  CHECK(before("au 2° selon l'article L. 5").text == "");
  CHECK(before("au 2° du présent article").text == "");
  // "du" right before the keyword is read like "des".
  CHECK(before("au premier alinéa du art. 5", "art.").text == "premier alinéa");
  // Nothing before the keyword.
  CHECK(pinpoint_before("article L. 5", 0, 0).text == "");
}

TEST_CASE("an introduced keyword without a pinpoint gives an empty one", "[citations][pinpoints]") {
  // css-2026, L111-2-1.
  CHECK(before("en application de l'article L. 1114-1").text == "");
  // css-2026, L131-6-2: connectors alone are no pinpoint, and an article number is no token.
  const std::string_view s = "du I de l'article L. 131-6 et de l'article L. 136-3";
  CHECK(pinpoint_before(s, s.rfind("article"), 0).text == "");
  CHECK(pinpoint_before(s, s.find("article"), 0).text == "I");
  CHECK(before("et de l'article L. 5").text == "");
}

}  // namespace
}  // namespace legisite::pinpoints_test
