#include "text/search_terms.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace legisite::search_terms_test {
namespace {

using Terms = std::vector<std::string>;

TEST_CASE("search terms fold case, accents and ligatures", "[text][search]") {
  CHECK(search_terms("Sécurité SOCIALE") == Terms{"securite", "sociale"});
  CHECK(search_terms("securite") == search_terms("SÉCURITÉ"));
  CHECK(search_terms("œuvre") == Terms{"oeuvre"});
  CHECK(search_terms("ŒUVRE") == search_terms("oeuvre"));
  CHECK(search_terms("cæcum") == Terms{"caecum"});
  CHECK(search_terms("Ça été dû") == Terms{"ca", "ete", "du"});
}

TEST_CASE("search terms are cut at every character that is not a letter or digit",
          "[text][search]") {
  CHECK(search_terms("l'article L. 133-6") == Terms{"l", "article", "l", "133", "6"});
  CHECK(search_terms("l’État, « dès » 1er") == Terms{"l", "etat", "des", "1er"});
  CHECK(search_terms("  ") == Terms{});
  CHECK(search_terms("R*133-2") == Terms{"r", "133", "2"});
  // Letters no French text uses are separators, not kept as they are.
  CHECK(search_terms("Ωmega ā") == Terms{"mega"});
}

TEST_CASE("simple French plurals share the key of their singular", "[text][search]") {
  CHECK(search_word("cotisations") == "cotisation");
  CHECK(search_word("cotisation") == "cotisation");
  CHECK(search_word("sociaux") == search_word("social"));
  CHECK(search_word("principaux") == "principal");
  CHECK(search_word("bureaux") == search_word("bureau"));
  CHECK(search_word("prix") == "pri");
  // Short words keep their last letter: "cas", "dos", "aux" stay as they are.
  CHECK(search_word("cas") == "cas");
  CHECK(search_word("aux") == "aux");
  CHECK(search_word("eaux") == "eau");
  CHECK(search_terms("Cotisations sociales") == search_terms("cotisation sociale"));
}

TEST_CASE("article numbers typed in any usual way meet the number's key", "[text][search]") {
  const std::string key = article_number_key("R133-19");
  CHECK(key == "r133-19");
  for (const char* typed : {"r133-19", "R. 133-19", "art. R133-19", "Article R 133-19",
                            "article r.133-19", "  R133‑19 ", "R133–19", "ART R133-19"})
    CHECK(article_number_key(typed) == key);
  CHECK(article_number_key("L 133-6") == "l133-6");
  CHECK(article_number_key("L. 133-6") == "l133-6");
  CHECK(article_number_key("R*133-2") == "r*133-2");
  CHECK(article_number_key("R*133-2") != article_number_key("R133-2"));
  CHECK(article_number_key("L133-6 bis") == "l133-6bis");
  CHECK(article_number_key("LO. 111-3") == "lo111-3");
  CHECK(article_number_key("Annexe I") == "annexei");
  // "art" is dropped only as a word of its own.
  CHECK(article_number_key("article") == "article");
  CHECK(article_number_key("artisans") == "artisans");
}

}  // namespace
}  // namespace legisite::search_terms_test
