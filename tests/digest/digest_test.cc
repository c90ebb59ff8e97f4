#include "digest/digest.h"

#include <catch2/catch.hpp>

namespace digest_test {

using namespace legisite;

TEST_CASE("digest_of gives the SHA-256 every tool gives", "[digest]") {
  // FIPS 180-2, appendix B.1 and the empty message.
  CHECK(digest_of("abc").hex() ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(digest_of("").hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("Hasher frames each value", "[digest]") {
  Digest ab_c = Hasher().add("ab").add("c").finish();
  Digest a_bc = Hasher().add("a").add("bc").finish();
  CHECK(ab_c != a_bc);
  CHECK(ab_c == Hasher().add("ab").add("c").finish());
  CHECK(Hasher().add(std::uint64_t{1}).finish() != Hasher().add(std::uint64_t{2}).finish());
  CHECK(Hasher().add(digest_of("x")).finish() != Hasher().add(digest_of("y")).finish());
}

TEST_CASE("Digest::from_hex reads what hex writes and nothing else", "[digest]") {
  Digest d = digest_of("abc");
  REQUIRE(Digest::from_hex(d.hex()));
  CHECK(*Digest::from_hex(d.hex()) == d);
  CHECK_FALSE(Digest::from_hex("abc"));
  CHECK_FALSE(Digest::from_hex(std::string(64, 'g')));
  CHECK_FALSE(Digest::from_hex(std::string(64, 'A')));  // hex() writes lowercase only
}

}  // namespace digest_test
