// The Légifrance addresses of LEGI/JORF identifiers and the search address for an article
// number. The identifiers used below are real ones, taken from Légifrance's own API responses in
// ../shared/corpus/legifrance-api/*.json (those responses carry ids, never page addresses).

#include "render/legifrance.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::legifrance_test {
namespace {

constexpr std::string_view kSearch =
    "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=NUM_ARTICLE&query=";

std::string search(std::string_view number) { return std::string(kSearch) + std::string(number); }

TEST_CASE("a LEGIARTI links to the code article page or the loda article page",
          "[render][legifrance]") {
  // LEGIARTI000038814944: article L822-2 of the Code de la construction et de l'habitation
  // (legifrance-api/LEGIARTI000038814944.json).
  CHECK(legifrance_url("LEGIARTI000038814944", true) ==
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038814944");
  // LEGIARTI000046790860: article 3 of décret n°2022-469, not a code
  // (legifrance-api/LEGIARTI000046790860.json).
  CHECK(legifrance_url("LEGIARTI000046790860", false) ==
        "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046790860");
  CHECK(legifrance_url("LEGIARTI000038814944", false) ==
        "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000038814944");
}

TEST_CASE("a LEGITEXT links to the code page or the loda text page", "[render][legifrance]") {
  // LEGITEXT000006074096 is the Code de la construction et de l'habitation, LEGITEXT000045464846
  // the consolidated décret n°2022-469 (textTitles of the two files above).
  CHECK(legifrance_url("LEGITEXT000006074096", true) ==
        "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074096");
  CHECK(legifrance_url("LEGITEXT000045464846", false) ==
        "https://www.legifrance.gouv.fr/loda/id/LEGITEXT000045464846");
}

TEST_CASE("JORF texts and articles link to the Journal officiel whatever in_code says",
          "[render][legifrance]") {
  // JORFTEXT000046186661 is loi n°2022-1157 and JORFARTI000046186676 its article 5
  // (legifrance-api/JORFARTI000046186676.json).
  for (bool in_code : {true, false}) {
    CHECK(legifrance_url("JORFTEXT000046186661", in_code) ==
          "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046186661");
    CHECK(legifrance_url("JORFARTI000046186676", in_code) ==
          "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000046186676");
  }
}

TEST_CASE("well-formed identifiers of other kinds have no known address", "[render][legifrance]") {
  // A section needs its text's id, and the other bases have other pages: none is guessed.
  // CETATEXT000035260342 and JORFSCTA000046186663 are real ids of legifrance-api/.
  for (bool in_code : {true, false}) {
    CHECK(legifrance_url("LEGISCTA000006108136", in_code) == "");
    CHECK(legifrance_url("JORFSCTA000046186663", in_code) == "");
    CHECK(legifrance_url("CETATEXT000035260342", in_code) == "");
    CHECK(legifrance_url("KALIARTI000005849368", in_code) == "");
  }
}

TEST_CASE("the digit run may be shorter or longer than twelve within bounds",
          "[render][legifrance]") {
  // Nine characters (one digit) is the shortest accepted, forty the longest.
  CHECK(legifrance_url("LEGIARTI1", true) ==
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI1");
  const std::string forty = "JORFTEXT" + std::string(32, '7');
  REQUIRE(forty.size() == 40);
  CHECK(legifrance_url(forty, false) == "https://www.legifrance.gouv.fr/jorf/id/" + forty);
  CHECK(legifrance_url(forty + "7", false) == "");
  CHECK(legifrance_url("LEGIARTI", true) == "");
  CHECK(legifrance_url("LEGIART1", true) == "");
  CHECK(legifrance_url("", true) == "");
  CHECK(legifrance_url("", false) == "");
}

TEST_CASE("malformed identifiers give no address", "[render][legifrance]") {
  // Wrong case or prefix, letters among the digits, padding: not an identifier.
  CHECK(legifrance_url("legiarti000038814944", true) == "");
  CHECK(legifrance_url("LegiArti000038814944", true) == "");
  CHECK(legifrance_url("LEGIARTX000038814944", true) == "");
  CHECK(legifrance_url("LEGIARTI00003881494A", true) == "");
  CHECK(legifrance_url("LEGIARTI0000388I4944", true) == "");
  CHECK(legifrance_url(" LEGIARTI000038814944", true) == "");
  CHECK(legifrance_url("LEGIARTI000038814944 ", true) == "");
  CHECK(legifrance_url("LEGIARTI000038814944\n", true) == "");
  CHECK(legifrance_url("12345678000038814944", true) == "");
  CHECK(legifrance_url("LEGIARTI-00038814944", true) == "");
  CHECK(legifrance_url("LEGIARTI+00038814944", true) == "");
  // A NUL inside the view must not cut the check short.
  CHECK(legifrance_url(std::string_view("LEGIARTI0000\0"
                                        "38814944",
                                        21),
                       true) == "");
}

TEST_CASE("identifiers that would break out of an URL or an attribute give no address",
          "[render][legifrance]") {
  // Ids come from source files; any of these in an href would change the page or the markup.
  for (const char* id : {"LEGIARTI000038814944\"", "LEGIARTI000038814944'", "LEGIARTI0000\"><b>",
                         "LEGIARTI000 38814944", "LEGIARTI000<script>", "LEGIARTI000&amp;1",
                         "LEGIARTI000/../../x", "LEGIARTI000?q=1", "LEGIARTI000#frag",
                         "LEGIARTI000%2F1", "LEGIARTI000\\1", "JORFTEXT000046186661/../x"})
    CHECK(legifrance_url(id, true) == "");
  // Non-ASCII: full-width digits, a Latin-1 byte, an accented prefix.
  CHECK(legifrance_url("LEGIARTI\xEF\xBC\x91\xEF\xBC\x92", true) == "");
  CHECK(legifrance_url("LEGIARTI00\xE9", true) == "");
  CHECK(legifrance_url("L\xC3\x89GIARTI000038814944", true) == "");
}

TEST_CASE("real article numbers are percent-encoded into the code search address",
          "[render][legifrance]") {
  CHECK(legifrance_search_url("R133-19") == search("R133-19"));
  CHECK(legifrance_search_url("LO111-3") == search("LO111-3"));
  CHECK(legifrance_search_url("L822-2") == search("L822-2"));  // legifrance-api num
  // Spaces are %20, never '+', and the dot of "L." stays.
  CHECK(legifrance_search_url("L. 133-6") == search("L.%20133-6"));
  // An annex of the Code des assurances: parentheses, an accent and an apostrophe.
  CHECK(legifrance_search_url("Annexe (1) à l'art. A931-11-17") ==
        search("Annexe%20%281%29%20%C3%A0%20l%27art.%20A931-11-17"));
  // Numbers of the corpus with accents or spaces ("Annexe 2-4" of the CASF, legi-xml/cas
  // extremes; "1er" of the Constitution; a narrow no-break space of typeset sources).
  CHECK(legifrance_search_url("Annexe 2-4") == search("Annexe%202-4"));
  CHECK(legifrance_search_url("Article 1er") == search("Article%201er"));
  CHECK(legifrance_search_url("Préambule") == search("Pr%C3%A9ambule"));
  CHECK(legifrance_search_url("L.\xE2\x80\xAF"
                              "133-6") == search("L.%E2%80%AF133-6"));
  CHECK(legifrance_search_url("D821-1_bis") == search("D821-1_bis"));
}

TEST_CASE("characters that would break the query or the markup are encoded",
          "[render][legifrance]") {
  CHECK(legifrance_search_url("\"><script>") == search("%22%3E%3Cscript%3E"));
  CHECK(legifrance_search_url("a&b=c") == search("a%26b%3Dc"));
  CHECK(legifrance_search_url("1#2?3/4") == search("1%232%3F3%2F4"));
  CHECK(legifrance_search_url("50%+'") == search("50%25%2B%27"));
  CHECK(legifrance_search_url("~\\") == search("%7E%5C"));
  CHECK(legifrance_search_url("a\nb\tc") == search("a%0Ab%09c"));
  CHECK(legifrance_search_url(std::string_view("a\0b", 3)) == search("a%00b"));
  CHECK(legifrance_search_url("\xFF\x80") == search("%FF%80"));
}

TEST_CASE("every byte outside letters digits and -._ is encoded as two capital hex digits",
          "[render][legifrance]") {
  // A whole-alphabet sweep: whatever a source file holds, the query is made of safe characters.
  constexpr char kHex[] = "0123456789ABCDEF";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool plain = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                       b == '-' || b == '.' || b == '_';
    std::string expected = plain ? std::string(1, c) : std::string{'%', kHex[b >> 4], kHex[b & 15]};
    INFO("byte " << b);
    CHECK(legifrance_search_url(std::string_view(&c, 1)) == search(expected));
  }
}

TEST_CASE("an empty article number has no search address", "[render][legifrance]") {
  CHECK(legifrance_search_url("") == "");
  // A lone space is not empty: it is searched, encoded.
  CHECK(legifrance_search_url(" ") == search("%20"));
}

}  // namespace
}  // namespace legisite::legifrance_test
