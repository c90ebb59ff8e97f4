// Real data: the cited-only pages of the whole Code de la sécurité sociale (css-2026-03-14.json),
// read as parsed HTML. Each lists at least one citing article whose page links to it, and the
// code's table of contents lists them apart from its structure, collapsed. Skipped with a message
// when ../shared/corpus is absent (a failure under CI=true).

#include <catch2/catch.hpp>
#include <filesystem>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "cli/build.h"
#include "support/environment.h"

namespace cited_only_test {

using namespace legisite;

namespace {

const std::string kCode = "code-de-la-securite-sociale/";

bool has_class(pugi::xml_node n, const char* name) {
  std::string classes = std::string(" ") + n.attribute("class").value() + " ";
  return classes.find(std::string(" ") + name + " ") != std::string::npos;
}

// The first element below `root` (itself included) of that tag name and class.
pugi::xml_node find_element(pugi::xml_node root, const char* tag, const char* cls) {
  return root.find_node([&](pugi::xml_node n) {
    return std::string(n.name()) == tag && (cls == nullptr || has_class(n, cls));
  });
}

// Every href of an <a> below `root`, as site paths (resolved against the page's folder, without
// fragment).
std::set<std::string> links_below(pugi::xml_node root, const std::string& page) {
  std::set<std::string> out;
  std::filesystem::path folder = std::filesystem::path(page).parent_path();
  for (pugi::xpath_node a : root.select_nodes(".//a[@href]")) {
    std::string href = a.node().attribute("href").value();
    if (href.find("://") != std::string::npos) continue;
    href = href.substr(0, href.find('#'));
    out.insert((folder / href).lexically_normal().generic_string());
  }
  return out;
}

pugi::xml_document parse(const std::string& html) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype));
  return doc;
}

}  // namespace

TEST_CASE(
    "every cited-only page of the CSS lists a citing article that links to it, and the "
    "table of contents lists them apart, collapsed",
    "[whole-code][cited-only][slow]") {
  std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/legifrance-json";
  if (!std::filesystem::exists(dir + "/css-2026-03-14.json")) {
    legisite::testing::skip_because_missing(dir + "/css-2026-03-14.json");
    return;
  }
  DiskFileSystem content(dir, "css-2026-03-14.json");
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.history = false;  // the article pages are the pages that cite
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildReport report = build_into(content, theme, options, out, diagnostics);
  REQUIRE(diagnostics.error_count() == 0);
  REQUIRE(report.cited_only > 0);

  std::set<std::string> stubs;
  for (const auto& [path, html] : out.files())
    if (html.find("class=\"article article-cited-only\"") != std::string::npos) stubs.insert(path);
  CHECK(stubs.size() == report.cited_only);

  for (const std::string& stub : stubs) {
    INFO(stub);
    pugi::xml_document doc = parse(out.files().at(stub));
    pugi::xml_node cited_by = find_element(doc, "section", "cited-by");
    REQUIRE(cited_by);
    std::set<std::string> citers = links_below(cited_by, stub);
    for (auto it = citers.begin(); it != citers.end();)
      it = it->rfind(kCode, 0) == 0 && *it != kCode + "index.html" ? std::next(it)
                                                                   : citers.erase(it);
    REQUIRE_FALSE(citers.empty());
    bool linked = false;
    for (const std::string& citer : citers) {
      REQUIRE(out.files().count(citer) == 1);
      pugi::xml_document page = parse(out.files().at(citer));
      linked = linked || links_below(page, citer).count(stub) == 1;
    }
    CHECK(linked);
  }

  // The table of contents: the code's structure, then the cited-only articles in a section of
  // their own, last, collapsed.
  const std::string toc_path = kCode + "index.html";
  pugi::xml_document toc = parse(out.files().at(toc_path));
  pugi::xml_node main = find_element(toc, "main", nullptr);
  pugi::xml_node structure = find_element(main, "nav", "toc");
  pugi::xml_node apart = find_element(main, "section", "cited-only");
  REQUIRE(structure);
  REQUIRE(apart);
  CHECK(main.last_child() == apart);
  pugi::xml_node details = apart.child("details");
  REQUIRE(details);
  CHECK_FALSE(details.attribute("open"));
  CHECK(details.child("summary"));
  CHECK(links_below(details, toc_path) == stubs);
  for (const std::string& in_structure : links_below(structure, toc_path)) {
    INFO(in_structure);
    CHECK(stubs.count(in_structure) == 0);
  }
}

}  // namespace cited_only_test
