// What article and version pages tell search engines (README "For developers"): schema.org
// Legislation as JSON-LD, parsed on every article and version page of the demo, and a
// description from the first alinéa.

#include "render/structured_data.h"

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "cli/build.h"

namespace structured_data_test {

using namespace legisite;

namespace {

std::map<std::string, std::string> build_demo() {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/content");
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.base_url = "https://example.org/";
  build_into(files, theme, options, out, diagnostics);
  return out.files();
}

std::string text_of(const rapidjson::Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

}  // namespace

TEST_CASE("every article and version page of the demo carries schema.org Legislation as JSON-LD",
          "[structured-data]") {
  const auto site = build_demo();
  std::size_t pages = 0, in_force = 0, consolidating = 0;
  for (const auto& [path, html] : site) {
    const bool article = html.find("class=\"page page-article\"") != std::string::npos;
    const bool version = html.find("class=\"page page-version\"") != std::string::npos;
    if (!article && !version) continue;
    INFO(path);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(html.c_str()));
    pugi::xml_node head = doc.child("html").child("head");
    pugi::xml_node script = head.find_child_by_attribute("script", "type", "application/ld+json");
    REQUIRE(script);
    rapidjson::Document ld;
    ld.Parse(script.child_value());
    REQUIRE_FALSE(ld.HasParseError());
    REQUIRE(ld.IsObject());
    CHECK(text_of(ld, "@context") == "https://schema.org");
    CHECK(text_of(ld, "@type") == "Legislation");
    // The JSON-LD names the page by its canonical address.
    const std::string canonical =
        head.find_child_by_attribute("link", "rel", "canonical").attribute("href").value();
    CHECK(text_of(ld, "url") == canonical);
    CHECK(canonical == "https://example.org/" + path.substr(0, path.size() - 10));
    CHECK(text_of(ld, "legislationJurisdiction") == "FR");
    CHECK(text_of(ld, "legislationIdentifier") != "");
    CHECK(text_of(ld, "name").rfind("Article ", 0) == 0);
    REQUIRE(ld.HasMember("isPartOf"));
    CHECK(text_of(ld["isPartOf"], "name") == "Code de la sécurité sociale");
    CHECK(text_of(ld["isPartOf"], "url") == "https://example.org/code-de-la-securite-sociale/");
    const std::string force = text_of(ld, "legislationLegalForce");
    CHECK((force == "" || force == "https://schema.org/InForce" ||
           force == "https://schema.org/NotInForce"));
    in_force += force == "https://schema.org/InForce";
    for (const char* date : {"legislationDate", "legislationDateVersion"})
      if (ld.HasMember(date)) CHECK(Date::parse(text_of(ld, date)));
    if (version) {
      // The version's folder is its start date (and -2… for a second version that day).
      const std::string folder = path.substr(0, path.size() - 11);
      CHECK(text_of(ld, "legislationDateVersion") == folder.substr(folder.rfind('/') + 1, 10));
    }
    if (ld.HasMember("legislationConsolidates")) {
      const auto& texts = ld["legislationConsolidates"];
      REQUIRE(texts.IsArray());
      CHECK_FALSE(texts.Empty());
      for (const auto& t : texts.GetArray()) CHECK(text_of(t, "name") != "");
      ++consolidating;
    }
    // The description starts with the article's heading and code.
    const std::string description =
        head.find_child_by_attribute("meta", "name", "description").attribute("content").value();
    CHECK(description.rfind(text_of(ld, "name").substr(0, 8), 0) == 0);
    ++pages;
  }
  CHECK(pages > 150);
  CHECK(in_force > 10);
  CHECK(consolidating > 0);
}

TEST_CASE("the description is the first alinéa, cut at a word", "[structured-data]") {
  Corpus corpus;
  CodeId code = corpus.find_or_add_code("Code de la sécurité sociale");
  ArticleId id = corpus.add_article(code, corpus.code(code).root, ArticleNumber("R133-19"));
  Version v;
  v.has_text = true;
  v.text_html = "<p>Premier alinéa, court.</p><p>Second alinéa.</p>";
  CHECK(page_description(corpus, corpus.article(id), v) ==
        "Article R133-19, Code de la sécurité sociale : Premier alinéa, court.");
  v.text_html = "<p></p><ul><li>Un <em>item</em> ;</li><li>deux.</li></ul>";
  CHECK(page_description(corpus, corpus.article(id), v) ==
        "Article R133-19, Code de la sécurité sociale : Un item ;");
  std::string longer = "<p>";
  for (int i = 0; i < 40; ++i) longer += "mot" + std::to_string(i) + " ";
  v.text_html = longer + "</p>";
  const std::string d = page_description(corpus, corpus.article(id), v);
  CHECK(d.size() < 220);
  CHECK(d.ends_with(" mot27…"));  // the last word that ends within 160 characters
  v.has_text = false;
  CHECK(page_description(corpus, corpus.article(id), v) == "");
}

}  // namespace structured_data_test
