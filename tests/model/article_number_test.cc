// Article numbers: one spelling per article, a safe file and URL name, and the order of a code.

#include "model/article_number.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/environment.h"

namespace legisite::article_number_test {
namespace {

// ---------------------------------------------------------------------------------------------
// Normalisation and key

TEST_CASE("the dot and space after a prefix letter are dropped", "[model][article-number]") {
  CHECK(ArticleNumber("L. 133-6").text() == "L133-6");
  CHECK(ArticleNumber("L.133-6").text() == "L133-6");
  CHECK(ArticleNumber("L 133-6").text() == "L133-6");
  CHECK(ArticleNumber("R.133-2").text() == "R133-2");
  CHECK(ArticleNumber("D. 242-6-1").text() == "D242-6-1");
  CHECK(ArticleNumber("LO. 111-3").text() == "LO111-3");
  CHECK(ArticleNumber("LO 111-3").text() == "LO111-3");
}

TEST_CASE("a star after a prefix letter is kept and the space after it dropped",
          "[model][article-number]") {
  CHECK(ArticleNumber("R* 133-2").text() == "R*133-2");
  CHECK(ArticleNumber("R*133-2").text() == "R*133-2");
  CHECK(ArticleNumber("R*. 133-2").text() == "R*133-2");
  CHECK(ArticleNumber("D* 242-6").text() == "D*242-6");
}

TEST_CASE("the star after a prefix is toggled: added before a digit and removed",
          "[model][article-number]") {
  CHECK(with_star_toggled(ArticleNumber("R. 2122-3")).text() == "R*2122-3");
  CHECK(with_star_toggled(ArticleNumber("R*2122-3")).text() == "R2122-3");
  CHECK(with_star_toggled(ArticleNumber("LO. 111-3")).text() == "LO*111-3");
  CHECK(with_star_toggled(ArticleNumber("D* 133-2")).text() == "D133-2");
  // Nothing to toggle: no prefix, a word, or no digit after the prefix.
  CHECK(with_star_toggled(ArticleNumber("1er")).empty());
  CHECK(with_star_toggled(ArticleNumber("Annexe 2")).empty());
  CHECK(with_star_toggled(ArticleNumber("R")).empty());
  CHECK(with_star_toggled(ArticleNumber("R*")).empty());
  CHECK(with_star_toggled(ArticleNumber()).empty());
}

TEST_CASE("whitespace in an article number is trimmed and collapsed to one space",
          "[model][article-number]") {
  CHECK(ArticleNumber("  L133-6   bis  ").text() == "L133-6 bis");
  CHECK(ArticleNumber("L133-6\tbis").text() == "L133-6 bis");
  CHECK(ArticleNumber("L861-11 ").text() == "L861-11");
  CHECK(ArticleNumber("\r\nAnnexe\n2\r\nbis\n").text() == "Annexe 2 bis");
  CHECK(ArticleNumber("L. \t 133-6").text() == "L133-6");  // spaces collapse before the dot goes
}

TEST_CASE("a full stop at the end of an article number is dropped", "[model][article-number]") {
  // css-history holds both "Article R755-13." and "Article R755-13": one article.
  CHECK(ArticleNumber("R755-13.").text() == "R755-13");
  CHECK(ArticleNumber("R755-13. ").text() == "R755-13");
  CHECK(ArticleNumber("R755-13.") == ArticleNumber("R755-13"));
  CHECK(ArticleNumber("L. ").text() == "L");
  CHECK(ArticleNumber(".").text() == "");
}

TEST_CASE("numbers without a prefix, or whose words are not prefixes, are left as written",
          "[model][article-number]") {
  CHECK(ArticleNumber("L133-6-1").text() == "L133-6-1");
  CHECK(ArticleNumber("1").text() == "1");
  CHECK(ArticleNumber("Annexe 2 bis").text() == "Annexe 2 bis");
  CHECK(ArticleNumber("ANNEXE 2").text() == "ANNEXE 2");
  CHECK(ArticleNumber("Annexe à l'article D461-1").text() == "Annexe à l'article D461-1");
  CHECK(ArticleNumber("").text() == "");
  CHECK(ArticleNumber("").empty());
  CHECK_FALSE(ArticleNumber("L1").empty());
}

TEST_CASE("the key of a number ignores case and spaces", "[model][article-number]") {
  CHECK(ArticleNumber("L133-6").key() == "L133-6");
  CHECK(ArticleNumber("l133-6").key() == "L133-6");
  CHECK(ArticleNumber("L. 133-6").key() == "L133-6");
  CHECK(ArticleNumber("L133-6 bis").key() == "L133-6BIS");
  CHECK(ArticleNumber("Annexe").key() == ArticleNumber("ANNEXE").key());
  CHECK(ArticleNumber("l133-6") == ArticleNumber("L. 133-6"));
  CHECK_FALSE(ArticleNumber("L133-6") == ArticleNumber("L133-6-1"));
  CHECK_FALSE(ArticleNumber("R133-2") == ArticleNumber("R*133-2"));
}

// ---------------------------------------------------------------------------------------------
// problem_with

TEST_CASE("numbers that would escape or break a file path are refused", "[model][article-number]") {
  CHECK(problem_with("../../x") == "an article number cannot start with '.'");
  CHECK(problem_with("..") == "an article number cannot start with '.'");
  CHECK(problem_with(".hidden") == "an article number cannot start with '.'");
  CHECK(problem_with("a/b") == "an article number cannot contain '/' or '\\'");
  CHECK(problem_with("L1/../../etc") == "an article number cannot contain '/' or '\\'");
  CHECK(problem_with("a\\b") == "an article number cannot contain '/' or '\\'");
  CHECK(problem_with("/etc/passwd") == "an article number cannot contain '/' or '\\'");
}

TEST_CASE("numbers with control characters are refused", "[model][article-number]") {
  for (std::string n : {std::string("L1\n"), std::string("L1\tbis"),
                        std::string("L\x01"
                                    "1"),
                        std::string("L1\x7F"), std::string("L1\0", 3), std::string("\x1B[31mL1")}) {
    INFO(n);
    CHECK(problem_with(n) == "an article number cannot contain control characters");
  }
}

TEST_CASE("an empty, overlong or letterless number is refused", "[model][article-number]") {
  CHECK(problem_with("") == "the article number is empty");
  CHECK(problem_with(std::string(201, '1')) == "the article number is longer than 200 characters");
  CHECK(problem_with(std::string(200, '1')) == "");
  CHECK(problem_with("-") == "an article number needs at least one letter or digit");
  CHECK(problem_with(" ") == "an article number needs at least one letter or digit");
  CHECK(problem_with("°") == "an article number needs at least one letter or digit");
}

TEST_CASE("real article numbers are accepted", "[model][article-number]") {
  for (const char* n : {"L133-6", "L133-6-1", "R*133-2", "R133-19", "LO111-3", "Annexe 2 bis",
                        "L133-6 bis", "1", "Annexe I à l'art. R434-32 (10)",
                        "Annexe II : Tableau n° 99", "R243-59-6-A", "L766-8-1 A", "*"}) {
    INFO(n);
    CHECK(problem_with(n) == "");
  }
}

// ---------------------------------------------------------------------------------------------
// compare_code_order

int sign(int x) { return (x > 0) - (x < 0); }

TEST_CASE("numbers sort as a code prints them, digit runs by value", "[model][article-number]") {
  const std::vector<std::string> ordered = {"L133-6",  "L133-6-1", "L133-6-8-4", "L133-7",
                                            "L133-10", "L134-1",   "L1000"};
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    for (std::size_t j = 0; j < ordered.size(); ++j) {
      INFO(ordered[i] << " vs " << ordered[j]);
      CHECK(sign(compare_code_order(ordered[i], ordered[j])) == (i < j ? -1 : i > j ? 1 : 0));
    }
  }
}

TEST_CASE("latin ordinals sort in their order, not alphabetically", "[model][article-number]") {
  const std::vector<std::string> ordered = {"L133-6",         "L133-6 bis",       "L133-6 ter",
                                            "L133-6 quater",  "L133-6 quinquies", "L133-6 sexies",
                                            "L133-6 septies", "L133-6 octies",    "L133-6 nonies",
                                            "L133-6 decies",  "L133-6-1",         "L133-7"};
  for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
    INFO(ordered[i] << " < " << ordered[i + 1]);
    CHECK(compare_code_order(ordered[i], ordered[i + 1]) < 0);
    CHECK(compare_code_order(ordered[i + 1], ordered[i]) > 0);
  }
  CHECK(compare_code_order("Annexe 2 bis", "Annexe 2 ter") < 0);
  CHECK(compare_code_order("Annexe 2 quater", "Annexe 2 ter") > 0);
}

TEST_CASE("a number's prefix is its capitals before a digit or a star", "[model][article-number]") {
  CHECK(number_prefix("R1221-26") == "R");
  CHECK(number_prefix("LO111-3") == "LO");
  CHECK(number_prefix("R*2122-3") == "R");
  CHECK(number_without_prefix("R*2122-3") == "2122-3");
  CHECK(number_without_prefix("LO111-3") == "111-3");
  for (const char* none : {"1240", "Annexe 2", "DR", "D", "Décret", "", "LOI 1"}) {
    INFO(none);
    CHECK(number_prefix(none).empty());
    CHECK(number_without_prefix(none) == std::string_view(none));
  }
}

// css-history's Chapitre 1er Bis of Livre 1 holds L111-8 to L111-10 and LO111-3 to LO111-10-2;
// Légifrance (css-2026-03-14.json) lists them by number.
TEST_CASE("a number's shape is its prefix and the digits of its first group",
          "[model][article-number]") {
  CHECK(number_shape("L162-31-1") == NumberShape{"L", 3, true});
  CHECK(number_shape("R*4113-5") == NumberShape{"R", 4, true});
  CHECK(number_shape("1404") == NumberShape{"", 4, false});
  CHECK(number_shape("171-7") == NumberShape{"", 3, true});
  CHECK(number_shape("L320") == NumberShape{"L", 3, false});
  CHECK(number_shape("Annexe 2") == NumberShape{"", 1, false});
  CHECK(number_shape("Annexe (1) à l'art. A931-11-17") == NumberShape{"", 1, false});
  CHECK(number_shape("Préambule") == NumberShape{"", 0, false});
  CHECK(number_shape("2 bis") == NumberShape{"", 1, false});
  CHECK(number_shape("12-") == NumberShape{"", 2, true});
}

TEST_CASE("a section lists its articles by number whatever their prefix",
          "[model][article-number]") {
  const std::vector<std::string> ordered = {"L111-2-3", "LO111-3",  "LO111-3-1", "LO111-4",
                                            "L111-8",   "LO111-8",  "L111-9",    "L111-9-1",
                                            "L111-10",  "LO111-10", "LO111-10-1"};
  for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
    INFO(ordered[i] << " < " << ordered[i + 1]);
    CHECK(compare_section_order(ordered[i], ordered[i + 1]) < 0);
    CHECK(compare_section_order(ordered[i + 1], ordered[i]) > 0);
  }
  // The Code du travail's regulatory part: R and D in one sequence, a star among them.
  CHECK(compare_section_order("R1221-22", "D1221-23") < 0);
  CHECK(compare_section_order("D1221-25", "R1221-26") < 0);
  CHECK(compare_section_order("R*4626-26", "D4626-31") < 0);
  CHECK(compare_section_order("Annexe 1", "Annexe 2") < 0);
  // Other prefixes number apart: legislative before regulatory, whatever the numbers.
  CHECK(compare_section_order("L931-1", "R815-2") < 0);
  CHECK(compare_section_order("A111-1", "L742-10") < 0);
}

TEST_CASE("latin ordinals past twenty sort after the earlier ones", "[model][article-number]") {
  // The Code général des impôts' 199 series: "vicies" and later come after "novodecies".
  const std::vector<std::string> ordered = {"199",
                                            "199 bis",
                                            "199 novies",
                                            "199 undecies A",
                                            "199 septdecies",
                                            "199 novodecies",
                                            "199 vicies",
                                            "199 unvicies",
                                            "199 quatervicies",
                                            "199 septvicies",
                                            "199 tricies",
                                            "199-1"};
  for (std::size_t i = 0; i + 1 < ordered.size(); ++i) {
    INFO(ordered[i] << " < " << ordered[i + 1]);
    CHECK(compare_code_order(ordered[i], ordered[i + 1]) < 0);
    CHECK(compare_code_order(ordered[i + 1], ordered[i]) > 0);
  }
  CHECK(compare_code_order("199 novies", "199 nonies") != 0);  // two spellings, two articles
}

TEST_CASE("a starred number and the plain number are distinct and ordered consistently",
          "[model][article-number]") {
  int forward = compare_code_order("R133-2", "R*133-2");
  int backward = compare_code_order("R*133-2", "R133-2");
  CHECK(forward != 0);
  CHECK(sign(forward) == -sign(backward));
}

TEST_CASE("a starred number sorts among its plain neighbours, not before every plain number",
          "[model][article-number]") {
  // R* articles (décrets en Conseil d'État et Conseil des ministres) share the numbering of the
  // plain R articles around them.
  CHECK(compare_code_order("R133-1", "R*133-2") < 0);
  CHECK(compare_code_order("R*133-2", "R133-3") < 0);
  CHECK(compare_code_order("R*133-2", "R111-1") > 0);
  CHECK(compare_code_order("R*133-2", "R*133-10") < 0);
  std::vector<std::string> numbers = {"R133-3", "R*133-2", "R111-1", "R133-1", "R*122-1"};
  std::sort(numbers.begin(), numbers.end(), [](const std::string& a, const std::string& b) {
    return compare_code_order(a, b) < 0;
  });
  CHECK(numbers == std::vector<std::string>{"R111-1", "R*122-1", "R133-1", "R*133-2", "R133-3"});
}

TEST_CASE("latin ordinals in capitals sort like lower-case ones", "[model][article-number]") {
  CHECK(compare_code_order("TABLEAU 20 BIS", "TABLEAU 20 TER") < 0);
  CHECK(compare_code_order("TABLEAU 20 QUATER", "TABLEAU 20 TER") > 0);
  CHECK(compare_code_order("L1 Quater", "L1 ter") > 0);
}

TEST_CASE("a word after a number sorts before an ordinal after it", "[model][article-number]") {
  // Folder and section titles go through this order too.
  CHECK(compare_code_order("Titre 1 Généralités", "Titre 1 bis Dispositions") < 0);
  CHECK(compare_code_order("Titre 1 dispositions", "Titre 1 bis") < 0);
  CHECK(compare_code_order("Chapitre 3 Bis", "Chapitre 3") > 0);
  CHECK(compare_code_order("Chapitre 3 Bis", "Chapitre 4") < 0);
  CHECK(compare_code_order("L161-17 A", "L161-17 bis") < 0);
}

TEST_CASE("code and section orders are strict weak orders, even where ordinals meet other words",
          "[model][article-number]") {
  // std::sort needs this: an inconsistent comparator is undefined behaviour, not just a bad order.
  const std::vector<std::string> numbers = {"L1",
                                            "L1 bis",
                                            "L1 ter",
                                            "L1 quater",
                                            "L1 A",
                                            "L1 S",
                                            "L1 r",
                                            "L1 B",
                                            "L1-1",
                                            "L1-1 A",
                                            "R*1",
                                            "R1",
                                            "R1 bis",
                                            "Annexe",
                                            "ANNEXE",
                                            "1",
                                            "",
                                            "L133-06",
                                            "L133-6",
                                            "TABLEAU 20 BIS",
                                            "TABLEAU 20 ter",
                                            "L1 sexies",
                                            "L1 quinquies",
                                            "L1 Section",
                                            "L 1",
                                            "L1.",
                                            "L1-A",
                                            "LO1",
                                            "D1",
                                            "D*1-1",
                                            "1-1"};
  for (auto order : {compare_code_order, compare_section_order}) {
    auto cmp = [&](const std::string& a, const std::string& b) { return sign(order(a, b)); };
    for (const auto& a : numbers) {
      for (const auto& b : numbers) {
        INFO(a << " vs " << b);
        REQUIRE(cmp(a, b) == -cmp(b, a));
        for (const auto& c : numbers) {
          INFO(" and " << c);
          if (cmp(a, b) < 0 && cmp(b, c) < 0) REQUIRE(cmp(a, c) < 0);
          if (cmp(a, b) == 0 && cmp(b, c) == 0) REQUIRE(cmp(a, c) == 0);
          if (cmp(a, b) == 0 && cmp(b, c) < 0) REQUIRE(cmp(a, c) < 0);
        }
      }
    }
  }
}

TEST_CASE("leading zeros do not change the value of a digit run", "[model][article-number]") {
  CHECK(compare_code_order("L133-06", "L133-6") == 0);
  CHECK(compare_code_order("L133-09", "L133-10") < 0);
}

TEST_CASE("equal numbers compare equal and a prefix sorts first", "[model][article-number]") {
  CHECK(compare_code_order("L133-6", "L133-6") == 0);
  CHECK(compare_code_order("", "") == 0);
  CHECK(compare_code_order("", "L1") < 0);
  CHECK(compare_code_order("L1", "") > 0);
  CHECK(compare_code_order("L", "LO") < 0);
  CHECK(compare_code_order("L111-3", "LO111-3") < 0);
}

TEST_CASE("sorting with compare_code_order gives the code's order", "[model][article-number]") {
  std::vector<std::string> numbers = {"L133-10", "L133-6-1",   "L133-7",     "L133-6 ter",
                                      "L133-6",  "L133-6 bis", "L133-6-8-4", "L133-6-8"};
  std::sort(numbers.begin(), numbers.end(), [](const std::string& a, const std::string& b) {
    return compare_code_order(a, b) < 0;
  });
  CHECK(numbers == std::vector<std::string>{"L133-6", "L133-6 bis", "L133-6 ter", "L133-6-1",
                                            "L133-6-8", "L133-6-8-4", "L133-7", "L133-10"});
}

// ---------------------------------------------------------------------------------------------
// article_slug

TEST_CASE("an article slug is the lower-case number", "[model][article-number]") {
  CHECK(article_slug("R133-19") == "r133-19");
  CHECK(article_slug("L133-6-1") == "l133-6-1");
  CHECK(article_slug("LO111-3") == "lo111-3");
  CHECK(article_slug("1") == "1");
}

TEST_CASE("a star in an article number keeps its slug distinct from the plain number",
          "[model][article-number]") {
  CHECK(article_slug("R*133-2") == "r-star-133-2");
  CHECK(article_slug("R133-2") == "r133-2");
  CHECK(article_slug("R*133-2") != article_slug("R133-2"));
  CHECK(article_slug("*") == "star");
}

TEST_CASE("spaces, accents and punctuation in an article number become single dashes",
          "[model][article-number]") {
  CHECK(article_slug("L133-6 bis") == "l133-6-bis");
  CHECK(article_slug("Annexe I à l'art. R434-32 (10)") == "annexe-i-a-l-art-r434-32-10");
  CHECK(article_slug("Annexe II : Tableau n° 99") == "annexe-ii-tableau-n-99");
  CHECK(article_slug("Annexe à l'article A931-11-9 (1er alinéa)  Annexe I") ==
        "annexe-a-l-article-a931-11-9-1er-alinea-annexe-i");
}

TEST_CASE("the slug of a hostile number is still a single safe path segment",
          "[model][article-number]") {
  CHECK(article_slug("../../x") == "x");
  CHECK(article_slug("a/b") == "a-b");
  CHECK(article_slug("..") == "article");
  CHECK(article_slug("") == "article");
  for (const char* n : {"../../x", "..\\..\\etc", "<script>", "L1\n", "%2e%2e"}) {
    std::string slug = article_slug(n);
    INFO(n << " -> " << slug);
    CHECK_FALSE(slug.empty());
    CHECK(slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    CHECK(slug.front() != '-');
    CHECK(slug.back() != '-');
  }
}

// Every "num" value of an article object of a Légifrance JSON dump, by a plain scan: in these
// dumps only article objects have a "num" field.
std::vector<std::string> scan_article_numbers(const std::string& json) {
  std::vector<std::string> numbers;
  const std::string marker = "\"num\":";
  for (std::size_t at = json.find(marker); at != std::string::npos; at = json.find(marker, at)) {
    at += marker.size();
    while (at < json.size() && (json[at] == ' ' || json[at] == '\n' || json[at] == '\t')) ++at;
    if (at >= json.size() || json[at] != '"') continue;  // null or a number: not an article's
    std::string value;
    for (++at; at < json.size() && json[at] != '"'; ++at) {
      if (json[at] == '\\' && at + 1 < json.size()) ++at;  // \" and \\ only; none other seen
      value += json[at];
    }
    numbers.push_back(value);
  }
  return numbers;
}

TEST_CASE("no two article numbers of the real Code de la sécurité sociale share a slug",
          "[model][article-number][real-corpus][slow]") {
  const std::string path = LEGISITE_SHARED_DIR "/corpus/legifrance-json/css-2026-03-14.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    legisite::testing::skip_because_missing(path);
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> numbers = scan_article_numbers(buffer.str());
  REQUIRE(numbers.size() > 7000);  // 7,372 articles in this snapshot

  std::map<std::string, std::string> key_by_slug;
  std::size_t distinct = 0;
  for (const std::string& raw : numbers) {
    ArticleNumber number(raw);
    INFO("number '" << raw << "'");
    CHECK(problem_with(number.text()) == "");
    const std::string slug = article_slug(number.text());
    auto [it, inserted] = key_by_slug.emplace(slug, number.key());
    if (inserted) {
      ++distinct;
    } else {
      INFO("slug '" << slug << "' already taken by key '" << it->second << "'");
      CHECK(it->second == number.key());
    }
  }
  CHECK(distinct > 7000);
}

TEST_CASE("no two article numbers of the real css-history folders share a slug",
          "[model][article-number][real-corpus][slow]") {
  namespace fs = std::filesystem;
  const fs::path root = LEGISITE_SHARED_DIR "/corpus/css-history/history";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    legisite::testing::skip_because_missing(root.string());
    return;
  }
  std::map<std::string, std::string> key_by_slug;
  std::size_t folders = 0;
  for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (!it->is_directory() || name.rfind("Article ", 0) != 0) continue;
    ++folders;
    ArticleNumber number(name.substr(8));
    INFO("folder '" << name << "'");
    CHECK(problem_with(number.text()) == "");
    auto [at, inserted] = key_by_slug.emplace(article_slug(number.text()), number.key());
    if (!inserted) CHECK(at->second == number.key());
  }
  CHECK(folders > 12000);  // 12,382 article folders
  CHECK(key_by_slug.size() > 10000);
}

}  // namespace
}  // namespace legisite::article_number_test
