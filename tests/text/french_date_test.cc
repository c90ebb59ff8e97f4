#include "text/french_date.h"

#include <catch2/catch.hpp>

namespace legisite::french_date_test {
namespace {

TEST_CASE("French dates write the first of a month as 1er", "[text][dates]") {
  CHECK(french_date(2013, 7, 8) == "8 juillet 2013");
  CHECK(french_date(1961, 1, 1) == "1er janvier 1961");
  CHECK(french_date(2026, 2, 28) == "28 février 2026");
  CHECK(french_date(2026, 8, 15) == "15 août 2026");
  CHECK(french_date(2026, 12, 31) == "31 décembre 2026");
}

TEST_CASE("a month name is read in any case, with or without its accents", "[text][dates]") {
  CHECK(french_month("janvier") == 1);
  CHECK(french_month("Février") == 2);
  CHECK(french_month("FEVRIER") == 2);
  CHECK(french_month("aout") == 8);
  CHECK(french_month("AOÛT") == 8);
  CHECK(french_month("Décembre") == 12);
  CHECK(french_month("juil") == 0);
  CHECK(french_month("") == 0);
  for (std::size_t m = 0; m < 12; ++m) CHECK(french_month(kFrenchMonths[m]) == int(m) + 1);
}

}  // namespace
}  // namespace legisite::french_date_test
