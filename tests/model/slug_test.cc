// Slugs and title matching: stable lower-case ASCII URLs, and titles that match however a source
// spells them.

#include "model/slug.h"

#include <catch2/catch.hpp>
#include <string>

namespace legisite::slug_test {
namespace {

TEST_CASE("a code title becomes a lower-case ASCII slug with accents folded", "[model][slug]") {
  CHECK(slugify("Code de la sécurité sociale") == "code-de-la-securite-sociale");
  CHECK(slugify("Code des relations entre le public et l'administration") ==
        "code-des-relations-entre-le-public-et-l-administration");
  CHECK(slugify("Code général des impôts") == "code-general-des-impots");
}

TEST_CASE("ligatures fold to two letters", "[model][slug]") {
  CHECK(slugify("Œuvres du cœur") == "oeuvres-du-coeur");
  CHECK(slugify("Ægide et curriculum vitæ") == "aegide-et-curriculum-vitae");
  CHECK(slugify("Straße") == "strasse");
}

TEST_CASE("every French accented capital and small letter folds to its base letter",
          "[model][slug]") {
  CHECK(slugify("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ") == "aaaceeeeiioouuuy");
  CHECK(slugify("àâäçéèêëîïôöùûüÿ") == "aaaceeeeiioouuuy");
  CHECK(slugify("ÁÃÅÑÒÓÕØÚÝáãåñòóõøúý") == "aaanoooouyaaanoooouy");
}

TEST_CASE("runs of punctuation and spaces become one dash, none at either end", "[model][slug]") {
  CHECK(slugify("Livre I : Généralités - Dispositions communes") ==
        "livre-i-generalites-dispositions-communes");
  CHECK(slugify("  --Titre 3--  ") == "titre-3");
  CHECK(slugify("a...b") == "a-b");
  CHECK(slugify("l’article (1er alinéa)") == "l-article-1er-alinea");
  CHECK(slugify("n° 99") == "n-99");
}

TEST_CASE("a title with no letter or digit has an empty slug", "[model][slug]") {
  CHECK(slugify("") == "");
  CHECK(slugify(" - : ") == "");
  CHECK(slugify("«»") == "");
}

TEST_CASE("letters outside French are dropped from slugs like punctuation", "[model][slug]") {
  CHECK(slugify("Code 日本 civil") == "code-civil");
  CHECK(slugify("Łódź") == "od");  // Ł and ź are not folded; ó is
  CHECK(slugify("Ωmega") == "mega");
}

TEST_CASE("a byte that is not UTF-8 is read as Latin-1, so a Latin-1 title still slugs",
          "[model][slug]") {
  CHECK(slugify(std::string("caf\xE9")) == "cafe");  // é in Latin-1
  CHECK(slugify(std::string("S\xE9"
                            "curit\xE9 sociale")) == "securite-sociale");
  CHECK(slugify(std::string("a\xFF"
                            "b")) == "ayb");         // ÿ in Latin-1
  CHECK(slugify(std::string("caf\xC3")) == "cafa");  // truncated é: Ã
}

TEST_CASE("stray bytes that are no letter in Latin-1 either are dropped from slugs",
          "[model][slug]") {
  CHECK(slugify(std::string("\x80\x80x")) == "x");  // lone continuation bytes
  CHECK(slugify(std::string("a\xAB"
                            "b\xBB")) == "a-b");  // « » in Latin-1
  std::string all_bytes;
  for (int c = 1; c < 256; ++c) all_bytes += static_cast<char>(c);
  std::string slug = slugify(all_bytes);
  CHECK(slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
  CHECK(slug.front() != '-');
  CHECK(slug.back() != '-');
}

TEST_CASE("a slug too long for a file name is cut and keeps apart by a hash of the whole",
          "[model][slug]") {
  std::string title = "Code " + std::string(300, 'x');
  std::string slug = slugify(title);
  CHECK(slug.size() == kMaxSlugBytes);
  CHECK(slug.starts_with("code-xxxx"));
  CHECK(slug[kMaxSlugBytes - 9] == '-');
  CHECK(slug == slugify(title));                       // stable
  CHECK(slug != slugify(title + " y"));                // differing at the end only
  CHECK(slugify(std::string(300, '-') + "a") == "a");  // what is cut is the slug, not the title
  // A cut that falls after a dash does not leave two.
  std::string words;
  for (int i = 0; i < 60; ++i) words += "ab ";
  CHECK(slugify(words).find("--") == std::string::npos);
  CHECK(slugify(std::string(kMaxSlugBytes, 'a')) == std::string(kMaxSlugBytes, 'a'));
}

}  // namespace
}  // namespace legisite::slug_test
