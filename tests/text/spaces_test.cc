#include "text/spaces.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::spaces_test {
namespace {

TEST_CASE("the spaces of French legal texts are recognised with their length", "[text][spaces]") {
  CHECK(space_len(" ", 0) == 1);
  CHECK(space_len("\f", 0) == 1);
  CHECK(space_len("\xC2\xA0", 0) == 2);      // no-break space
  CHECK(space_len("\xE2\x80\xAF", 0) == 3);  // narrow no-break space
  CHECK(space_len("\xE2\x80\x89", 0) == 3);  // thin space
  CHECK(space_len("\xE2\x80\x8B", 0) == 3);  // zero-width space
  CHECK(space_len("\xE2\x80\x99", 0) == 0);  // ’ is no space
  CHECK(space_len("\xC2", 0) == 0);          // truncated
  CHECK(space_len("a", 0) == 0);
  CHECK(space_len("a", 1) == 0);  // past the end
}

TEST_CASE("the space that ends before an offset is recognised with its length", "[text][spaces]") {
  CHECK(space_before("a b", 2) == 1);
  CHECK(space_before("a\xC2\xA0", 3) == 2);
  CHECK(space_before("a\xE2\x80\xAF", 4) == 3);
  CHECK(space_before("a\xE2\x80\x99", 4) == 0);  // ’ is no space
  CHECK(space_before("ab", 2) == 0);
  CHECK(space_before(" ", 0) == 0);  // nothing before the start
}

TEST_CASE("runs of spaces of any kind collapse into one", "[text][spaces]") {
  CHECK(collapse_spaces("L.\xC2\xA0 133-6\n\t1") == "L. 133-6 1");
  CHECK(skip_spaces(" \xE2\x80\xAF"
                    "x",
                    0) == 4);
}

}  // namespace
}  // namespace legisite::spaces_test
