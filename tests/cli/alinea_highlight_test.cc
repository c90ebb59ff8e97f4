// Alinéas (issue 13, point 3): on every page of the css-2026 site that shows a text, the element
// each #alinea-N names holds exactly that alinéa's text, nothing of its neighbours. The expected
// alinéas are read from the page's own text the way a reader sees it: break the text at every
// paragraph, list item, heading, quotation and <br>, leave tables aside (a table starts no
// alinéa), keep the pieces with text. Skipped with a message when ../shared/corpus is absent (a
// failure under CI=true).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "cli/build.h"
#include "support/environment.h"

namespace alinea_highlight_test {

using namespace legisite;

namespace {

std::string collapsed(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool breaks_lines(const std::string& name) {
  for (const char* n :
       {"p", "li", "br", "ul", "ol", "div", "blockquote", "pre", "h3", "h4", "h5", "h6"})
    if (name == n) return true;
  return false;
}

/// The alinéas of a text as a reader splits it, and the element of each anchor as the page has it.
struct PageAlineas {
  std::vector<std::string> expected;
  std::vector<std::string> anchored;  // text of #alinea-1, #alinea-2…; "" for a missing one
  std::size_t anchors = 0, nested = 0, misnamed = 0;
  std::string line;

  void end_line() {
    std::string text = collapsed(line);
    if (!text.empty()) expected.push_back(text);
    line.clear();
  }

  void read(pugi::xml_node node, int table_depth, int inside_anchor) {
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_pcdata) {
        if (table_depth == 0) line += c.value();
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string name = c.name();
      std::string id = c.attribute("id").value();
      if (id.rfind("alinea-", 0) == 0) {
        ++anchors;
        if (inside_anchor) ++nested;
        if (name != "span" || std::string(c.attribute("class").value()) != "alinea") ++misnamed;
        std::size_t n = std::stoul(id.substr(7));
        if (anchored.size() < n) anchored.resize(n);
        anchored[n - 1] = collapsed(text_of(c));
      }
      bool table = name == "table";
      bool boundary = table || breaks_lines(name);
      if (boundary && table_depth == 0) end_line();
      read(c, table_depth + table, inside_anchor + (id.rfind("alinea-", 0) == 0));
      if (boundary && table_depth == 0) end_line();
    }
  }

  static std::string text_of(pugi::xml_node node) {
    std::string text;
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_pcdata)
        text += c.value();
      else if (c.type() == pugi::node_element)
        text += text_of(c);
    }
    return text;
  }
};

}  // namespace

TEST_CASE("every alinéa anchor of css-2026 names an element holding exactly that alinéa",
          "[alineas][slow]") {
  const std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/legifrance-json";
  if (!std::filesystem::exists(dir + "/css-2026-03-14.json")) {
    legisite::testing::skip_because_missing(dir + "/css-2026-03-14.json");
    return;
  }
  DiskFileSystem content(dir, "css-2026-03-14.json");
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  MemoryOutput out;
  Diagnostics diagnostics;
  build_into(content, theme, options, out, diagnostics);
  REQUIRE(diagnostics.error_count() == 0);
  std::size_t pages = 0, article_anchors = 0, anchors = 0, wrong = 0;
  for (const auto& [path, html] : out.files()) {
    if (html.find("id=\"alinea-") == std::string::npos) continue;
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_doctype));
    pugi::xml_node text = doc.find_node([](pugi::xml_node n) {
      return std::string(n.name()) == "section" &&
             std::string(n.attribute("class").value()) == "article-text";
    });
    REQUIRE(text);
    PageAlineas page;
    page.read(text, 0, 0);
    page.end_line();
    ++pages;
    anchors += page.anchors;
    if (std::count(path.begin(), path.end(), '/') == 2) article_anchors += page.anchors;
    bool ok = page.nested == 0 && page.misnamed == 0 && page.anchors == page.expected.size() &&
              page.anchored == page.expected;
    if (ok) continue;
    if (++wrong <= 10) {
      std::string first_difference;
      for (std::size_t i = 0; i < page.expected.size(); ++i)
        if (i >= page.anchored.size() || page.anchored[i] != page.expected[i]) {
          first_difference = "alinéa " + std::to_string(i + 1) + ": expected \"" +
                             page.expected[i] + "\", anchored \"" +
                             (i < page.anchored.size() ? page.anchored[i] : "") + "\"";
          break;
        }
      UNSCOPED_INFO(path << ": " << page.anchors << " anchors for " << page.expected.size()
                         << " alinéas, " << page.nested << " nested, " << page.misnamed
                         << " not a span.alinea; " << first_difference);
    }
  }
  CHECK(wrong == 0);
  CHECK(article_anchors == 30646);  // every alinéa of the 7,372 article pages
  CHECK(pages > 14000);             // and of each version page that has a text
  CHECK(anchors > article_anchors);
}

}  // namespace alinea_highlight_test
