// What search engines and feed readers read (README "For developers"): sitemap.xml and
// robots.txt by the sitemaps.org protocol, Atom feeds by RFC 4287. Each file is parsed as XML and
// checked against its protocol (namespaces, required elements, dates, limits), and every address
// it gives must be a file of the built site.

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "cli/build.h"
#include "render/feeds.h"
#include "render/sitemap.h"

namespace sitemap_feeds_test {

using namespace legisite;

namespace {

constexpr const char* kBase = "https://example.org/droit/";

std::map<std::string, std::string> build(const std::string& content, int feed_days = 90,
                                         const std::string& base_url = kBase, bool history = true) {
  DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/" + content);
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  MemoryOutput out;
  Diagnostics diagnostics;
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  options.base_url = base_url;
  options.feed_days = feed_days;
  options.history = history;
  build_into(files, theme, options, out, diagnostics);
  return out.files();
}

// The site file an absolute address below kBase names ("…/l1/" -> "l1/index.html"); "" when it
// is not below kBase.
std::string site_path(std::string url) {
  const std::string base = kBase;
  if (url.rfind(base, 0) != 0) return {};
  url = url.substr(base.size());
  if (auto hash = url.find('#'); hash != std::string::npos) url.resize(hash);
  if (url.empty() || url.back() == '/') url += "index.html";
  return url;
}

void parse(pugi::xml_document& doc, const std::string& text) {
  pugi::xml_parse_result r = doc.load_string(text.c_str());
  INFO(r.description() << " at offset " << r.offset);
  REQUIRE(r);
}

// RFC 3339 date-time as Atom wants it (RFC 4287 section 3.3).
bool rfc3339(const std::string& s) {
  static const std::regex kDateTime(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
  return std::regex_match(s, kDateTime);
}

// Checks one Atom feed and returns its entries' (updated, alternate link) in document order.
std::vector<std::pair<std::string, std::string>> check_feed(
    const std::map<std::string, std::string>& site, const std::string& path) {
  INFO("feed " << path);
  REQUIRE(site.count(path) == 1);
  pugi::xml_document doc;
  parse(doc, site.at(path));
  pugi::xml_node feed = doc.child("feed");
  REQUIRE(feed);
  CHECK(std::string(feed.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  // atom:feed has exactly one id, title and updated, an author, and a self link to itself.
  for (const char* one : {"id", "title", "updated"}) {
    INFO(one);
    CHECK(std::distance(feed.children(one).begin(), feed.children(one).end()) == 1);
  }
  CHECK(std::string(feed.child_value("id")) == kBase + path);
  CHECK(rfc3339(feed.child_value("updated")));
  CHECK(std::string(feed.child("author").child_value("name")) != "");
  CHECK(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value() ==
        kBase + path);
  CHECK(site.count(site_path(
            feed.find_child_by_attribute("link", "rel", "alternate").attribute("href").value())) ==
        1);
  std::vector<std::pair<std::string, std::string>> entries;
  std::set<std::string> ids;
  for (pugi::xml_node entry : feed.children("entry")) {
    const std::string id = entry.child_value("id");
    INFO("entry " << id);
    CHECK(ids.insert(id).second);  // ids are unique within a feed
    CHECK(id.rfind("https://", 0) == 0);
    CHECK(std::string(entry.child_value("title")) != "");
    CHECK(rfc3339(entry.child_value("updated")));
    std::string alternate;
    for (pugi::xml_node link : entry.children("link")) {
      const std::string href = link.attribute("href").value();
      CHECK(site.count(site_path(href)) == 1);
      if (std::string(link.attribute("rel").value()) == "alternate") alternate = href;
    }
    CHECK(alternate != "");
    entries.emplace_back(entry.child_value("updated"), alternate);
  }
  // Newest first, and the feed is as new as its newest entry.
  for (std::size_t i = 1; i < entries.size(); ++i) CHECK(entries[i - 1].first >= entries[i].first);
  if (!entries.empty()) CHECK(entries.front().first == feed.child_value("updated"));
  return entries;
}

}  // namespace

TEST_CASE(
    "the sitemap lists every indexable page of the demo with its lastmod, robots.txt names it",
    "[sitemap]") {
  const auto site = build("content");
  REQUIRE(site.count("robots.txt") == 1);
  CHECK(site.at("robots.txt") ==
        "User-agent: *\nDisallow:\nSitemap: https://example.org/droit/sitemap.xml\n");
  pugi::xml_document doc;
  parse(doc, site.at("sitemap.xml"));
  pugi::xml_node urlset = doc.child("urlset");
  REQUIRE(urlset);
  CHECK(std::string(urlset.attribute("xmlns").value()) ==
        "http://www.sitemaps.org/schemas/sitemap/0.9");
  std::set<std::string> listed;
  static const std::regex kW3cDate(R"(\d{4}-\d{2}-\d{2})");
  for (pugi::xml_node url : urlset.children("url")) {
    const std::string loc = url.child_value("loc");
    INFO(loc);
    const std::string path = site_path(loc);
    CHECK(site.count(path) == 1);
    CHECK(listed.insert(path).second);
    const std::string lastmod = url.child_value("lastmod");
    if (!lastmod.empty()) {
      CHECK(std::regex_match(lastmod, kW3cDate));
      CHECK(lastmod <= "2026-11-26");
    }
  }
  CHECK(listed.size() <= kSitemapLimit);
  // Every page but the identifier redirects, the dated tables (those say noindex), the search
  // page and the 404 page.
  for (const auto& [path, html] : site) {
    if (!path.ends_with(".html")) continue;
    INFO(path);
    const bool noindex =
        html.find("<meta name=\"robots\" content=\"noindex\" />") != std::string::npos;
    if (path == "404.html" || path.rfind("recherche/", 0) == 0) continue;  // no content of its own
    CHECK(listed.count(path) == !noindex);
  }
  CHECK(listed.count("code-de-la-securite-sociale/index.html") == 1);
}

TEST_CASE("past the limit, sitemap.xml is an index of sitemap files of at most the limit each",
          "[sitemap]") {
  Corpus corpus;
  CodeId code = corpus.find_or_add_code("Code de test");
  corpus.code(code).slug = "code-de-test";
  std::vector<PagePlan> pages;
  for (int i = 0; i < 25; ++i)
    pages.push_back({PageKind::kCode, code, ArticleId(), "p" + std::to_string(i) + "/index.html"});
  SiteOptions options;
  options.base_url = kBase;
  options.reference_date = Date::from_ymd(2026, 11, 26);
  const std::vector<SiteFile> files = sitemap_files(corpus, options, pages, 10);
  std::map<std::string, std::string> by_path;
  for (const SiteFile& f : files) by_path[f.path] = f.contents;
  REQUIRE(by_path.size() == 5);  // robots.txt, the index, three sitemaps of 10, 10 and 5
  pugi::xml_document index;
  parse(index, by_path.at("sitemap.xml"));
  std::vector<std::string> parts;
  for (pugi::xml_node s : index.child("sitemapindex").children("sitemap"))
    parts.push_back(s.child_value("loc"));
  CHECK(parts == std::vector<std::string>{kBase + std::string("sitemap-1.xml"),
                                          kBase + std::string("sitemap-2.xml"),
                                          kBase + std::string("sitemap-3.xml")});
  std::size_t total = 0;
  for (const char* name : {"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"}) {
    pugi::xml_document doc;
    parse(doc, by_path.at(name));
    const auto urls = doc.child("urlset").children("url");
    const auto n = static_cast<std::size_t>(std::distance(urls.begin(), urls.end()));
    CHECK(n <= 10);
    total += n;
  }
  CHECK(total == 25);
}

TEST_CASE("without an absolute base URL there is no sitemap nor feed, and robots.txt names none",
          "[sitemap][feeds]") {
  const auto site = build("tests/golden/seed/content", 90, "/");
  CHECK(site.at("robots.txt") == "User-agent: *\nDisallow:\n");
  CHECK(site.count("sitemap.xml") == 0);
  CHECK(site.count("feed.xml") == 0);
  CHECK(site.at("index.html").find("application/atom+xml") == std::string::npos);
}

TEST_CASE("the Atom feeds of the demo are valid, newest first, and link versions and diffs",
          "[feeds]") {
  // Every change of the demo, not only the last 90 days': the whole history in the feed.
  const auto site = build("content", 36525);
  const auto all = check_feed(site, "feed.xml");
  const auto code = check_feed(site, "code-de-la-securite-sociale/feed.xml");
  CHECK(all == code);  // one code: the site's feed is the code's
  CHECK(all.size() > 100);
  CHECK(site.at("index.html")
            .find("<link rel=\"alternate\" type=\"application/atom+xml\" "
                  "href=\"feed.xml\"") != std::string::npos);
  CHECK(site.at("code-de-la-securite-sociale/index.html")
            .find("href=\"feed.xml\" title=\"Modifications\"") != std::string::npos);
}

// Without version pages, each entry still names one change: two versions of an article in the
// window are two entries, not one entry's revisions (RFC 4287 section 4.1.1).
TEST_CASE("without history pages, each change of an article is an entry of its own", "[feeds]") {
  const auto site = build("content", 36525, kBase, false);
  const auto all = check_feed(site, "feed.xml");
  CHECK(all.size() > 100);
  CHECK(site.at("feed.xml")
            .find("<id>https://example.org/droit/code-de-la-securite-sociale/r133-19/"
                  "#debut-2013-07-08</id>") != std::string::npos);
}

TEST_CASE(
    "a feed covers the days up to the reference date: a transfer and the version that took "
    "over",
    "[feeds]") {
  // The history book: L1 is transferred to L2 on 2017-05-10. A window of 5,000 days before
  // 2026-11-26 starts in 2013: it holds L1's 2013 version and the transfer, not the 2005 version.
  const auto site = build("tests/golden/history/content", 5000);
  const std::string feed = site.at("code-de-test-historique/feed.xml");
  check_feed(site, "code-de-test-historique/feed.xml");
  CHECK(feed.find("<id>https://example.org/droit/code-de-test-historique/l1/2013-07-08/</id>") !=
        std::string::npos);
  CHECK(feed.find("l1/2005-08-12/</id>") == std::string::npos);
  CHECK(feed.find("Article L1 (Code de test historique) : transféré le") != std::string::npos);
  CHECK(feed.find(
            "<link rel=\"related\" type=\"text/html\" "
            "href=\"https://example.org/droit/code-de-test-historique/l1/2013-07-08/diff/\"/>") !=
        std::string::npos);
  // 90 days: nothing in the book changed then.
  CHECK(build("tests/golden/history/content", 90)
            .at("code-de-test-historique/feed.xml")
            .find("<entry>") == std::string::npos);
}

}  // namespace sitemap_feeds_test
