// The Latin ordinals that number inserted articles, shared by the citation grammar and the model.

#include "text/latin_ordinals.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::latin_ordinals_test {
namespace {

TEST_CASE("latin ordinals rank in the order they number articles", "[text][latin-ordinals]") {
  CHECK(latin_ordinal_rank("bis") == 1);
  CHECK(latin_ordinal_rank("ter") == 2);
  CHECK(latin_ordinal_rank("decies") == 9);
  CHECK(latin_ordinal_rank("septdecies") == 16);
  CHECK(latin_ordinal_rank("novodecies") == 18);
  CHECK(latin_ordinal_rank("vicies") == 19);
  CHECK(latin_ordinal_rank("quatervicies") == 23);
  CHECK(latin_ordinal_rank("tricies") == 29);
}

TEST_CASE("a variant spelling ranks as its word and case is ignored", "[text][latin-ordinals]") {
  CHECK(latin_ordinal_rank("novies") == latin_ordinal_rank("nonies"));
  CHECK(latin_ordinal_rank("sedecies") == latin_ordinal_rank("sexdecies"));
  CHECK(latin_ordinal_rank("BIS") == 1);
  CHECK(latin_ordinal_rank("Vicies") == 19);
}

TEST_CASE("other words are no latin ordinal", "[text][latin-ordinals]") {
  for (std::string word : {"", "b", "bi", "bisx", "terre", "A", "du", "vicie", "quaterviciess"}) {
    INFO(word);
    CHECK(latin_ordinal_rank(word) == 0);
  }
}

TEST_CASE("every spelling listed for scanners is lower case and has a rank",
          "[text][latin-ordinals]") {
  CHECK(latin_ordinals().size() >= 30);
  for (std::string_view spelling : latin_ordinals()) {
    INFO(spelling);
    CHECK(latin_ordinal_rank(spelling) > 0);
    for (char c : spelling) CHECK((c >= 'a' && c <= 'z'));
  }
}

}  // namespace
}  // namespace legisite::latin_ordinals_test
