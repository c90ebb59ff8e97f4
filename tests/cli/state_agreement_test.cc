// One state per article, everywhere (issue 13, point 2): on every article page of the shared
// dumps and of the css-history site, the badge under the title, the banner, the current entry of
// the list of versions, the page of that version and the article's entry in its code's table of
// contents say the same thing on the build's date. Pages are read as HTML text, the way a reader
// sees them. Skipped with a message when ../shared/corpus is absent (a failure under CI=true).

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "cli/build.h"
#include "support/environment.h"

namespace state_agreement_test {

using namespace legisite;

namespace {

// The token of the first `<span class="status status-TOKEN"` at or after `from`, "" for none
// before `until`.
std::string status_after(const std::string& html, std::size_t from,
                         std::size_t until = std::string::npos) {
  static const std::string kMark = "<span class=\"status status-";
  std::size_t at = html.find(kMark, from);
  if (at == std::string::npos || at >= until) return {};
  at += kMark.size();
  return html.substr(at, html.find('"', at) - at);
}

// The value of the attribute that follows `mark` (a prefix ending inside it), "" for none.
std::string value_after(const std::string& html, const std::string& mark, std::size_t from = 0) {
  std::size_t at = html.find(mark, from);
  if (at == std::string::npos) return {};
  at += mark.size();
  return html.substr(at, html.find('"', at) - at);
}

struct PageStates {
  std::string pill;          // the badge under the title
  std::string banner;        // the banner's kind ("abroge", "transfere", "fin", "differe"…)
  std::string banner_title;  // its title ("Pas encore en vigueur", "Nouvelle version à venir"…)
  std::string current;       // the current entry of the list of versions
  std::string current_href;  // its version page, relative to the article page
  std::size_t in_force = 0;  // entries of the list marked in force
};

PageStates read_article_page(const std::string& html) {
  PageStates s;
  std::size_t state = html.find("<p class=\"article-state\">");
  if (state != std::string::npos) s.pill = status_after(html, state, html.find("</p>", state));
  // The stale-data notice is the layout's, not the article's banner.
  for (std::size_t at = html.find("<div class=\"notice notice-"); at != std::string::npos;
       at = html.find("<div class=\"notice notice-", at + 1)) {
    std::string kind = value_after(html, "<div class=\"notice notice-", at);
    if (kind == "cited-only") continue;
    s.banner = kind;
    std::size_t title = html.find("<p class=\"notice-title\">", at);
    if (title != std::string::npos) {
      title += 24;
      s.banner_title = html.substr(title, html.find('<', title) - title);
    }
    break;
  }
  // The versions table: one row per version below its header.
  std::size_t list = html.find("<table class=\"version-list\">");
  if (list != std::string::npos) list = html.find("<tbody>", list);
  if (list != std::string::npos) {
    std::size_t end = html.find("</tbody>", list);
    for (std::size_t li = html.find("<tr", list); li != std::string::npos && li < end;
         li = html.find("<tr", li + 1)) {
      std::size_t close = html.find("</tr>", li);
      std::string token = status_after(html, li, close);
      if (token == "vigueur" || token == "abroge-diff") ++s.in_force;
      if (html.compare(li, 28, "<tr class=\"version-current\">") != 0) continue;
      s.current = token;
      std::size_t link = html.find("\">voir cette version</a>", li);
      if (link != std::string::npos && link < close) {
        std::size_t href = html.rfind("<a href=\"", link) + 9;
        s.current_href = html.substr(href, link - href);
      }
    }
  }
  return s;
}

// Which states each banner may stand above: a banner tells the same story as the badge.
bool banner_agrees(const PageStates& s) {
  if (s.banner.empty()) return s.pill != "abroge" && s.pill != "transfere";
  if (s.banner == "abroge") return s.pill == "abroge";
  if (s.banner == "transfere") return s.pill == "transfere";
  if (s.banner == "fin") return s.pill != "vigueur" && s.pill != "vigueur-diff";
  if (s.banner == "differe" && s.banner_title == "Pas encore en vigueur")
    return s.pill == "vigueur-diff";
  return s.pill == "vigueur" || s.pill == "abroge-diff";  // a later version, a text not here
}

// "code/slug/" -> state token, from every code's table of contents (its page, or its Livres'
// pages when the table is split).
std::map<std::string, std::string> toc_states(const MemoryOutput& out) {
  std::map<std::string, std::string> states;
  // An entry's class also names its state (toc-state-…), for the table's filter.
  static const std::string kEntry = "<li class=\"toc-article";
  for (const auto& [path, html] : out.files()) {
    std::size_t slash = path.find('/');
    if (slash == std::string::npos) continue;
    const std::string code = path.substr(0, slash + 1);
    const std::string rest = path.substr(slash);
    const bool livre = rest.find("--") != std::string::npos &&
                       rest.find('/', 1) + 11 == rest.size() && rest.ends_with("/index.html");
    if (rest != "/index.html" && !livre) continue;
    for (std::size_t at = html.find(kEntry); at != std::string::npos;
         at = html.find(kEntry, at + 1)) {
      std::string href = value_after(html, "<a href=\"", at);  // "slug/index.html"
      if (livre) href = href.substr(3);                        // "../slug/index.html"
      states[code + href.substr(0, href.size() - 10)] =
          status_after(html, at, html.find("</li>", at));
    }
  }
  return states;
}

// Builds `file` below the shared corpus folder (the whole folder when `file` is empty) on
// 2026-11-26 and checks every article page; the number of article pages checked, 0 when the
// corpus is absent.
std::size_t check_corpus(const std::string& folder, const std::string& file) {
  const std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/" + folder;
  if (!std::filesystem::exists(dir + "/" + file)) {
    legisite::testing::skip_because_missing(dir + "/" + file);
    return 0;
  }
  DiskFileSystem content = file.empty() ? DiskFileSystem(dir) : DiskFileSystem(dir, file);
  DiskFileSystem theme(std::string(LEGISITE_SOURCE_DIR) + "/themes/default");
  BuildOptions options;
  options.date = Date::from_ymd(2026, 11, 26);
  MemoryOutput out;
  Diagnostics diagnostics;
  build_into(content, theme, options, out, diagnostics);
  REQUIRE(diagnostics.error_count() == 0);
  const auto toc = toc_states(out);
  std::size_t checked = 0, disagreements = 0;
  for (const auto& [path, html] : out.files()) {
    if (html.find("<body class=\"page page-article\">") == std::string::npos) continue;
    if (html.find("article-cited-only") != std::string::npos) continue;  // no state to agree on
    ++checked;
    const std::string folder_path = path.substr(0, path.size() - 10);  // "code/slug/"
    PageStates s = read_article_page(html);
    std::string version_pill;
    if (!s.current_href.empty()) {
      const std::string& page = out.files().at(folder_path + s.current_href);
      std::size_t state = page.find("<p class=\"article-state\">");
      version_pill = status_after(page, state, page.find("</p>", state));
    }
    auto entry = toc.find(folder_path);
    const std::string toc_state = entry == toc.end() ? std::string() : entry->second;
    bool agree = !s.pill.empty() && (s.current.empty() || s.current == s.pill) &&
                 (s.current_href.empty() || version_pill == s.pill) && toc_state == s.pill &&
                 banner_agrees(s) && s.in_force <= 1;
    if (agree) continue;
    if (++disagreements <= 10)
      UNSCOPED_INFO(path << ": badge " << s.pill << ", banner " << s.banner << " ("
                         << s.banner_title << "), current version " << s.current << ", its page "
                         << version_pill << ", table " << toc_state << ", " << s.in_force
                         << " versions in force");
  }
  CHECK(disagreements == 0);
  return checked;
}

}  // namespace

TEST_CASE("one state per article: badge, banner, versions and table agree on css-2026",
          "[state-agreement][slow]") {
  CHECK(check_corpus("legifrance-json", "css-2026-03-14.json") >= 7372);
}

TEST_CASE("one state per article: badge, banner, versions and table agree on the Code du travail",
          "[state-agreement][slow]") {
  CHECK(check_corpus("legifrance-json", "code-du-travail-2026-03-27.json") >= 11545);
}

TEST_CASE("one state per article: badge, banner, versions and table agree on the CRPA",
          "[state-agreement][slow]") {
  CHECK(check_corpus("legifrance-json", "crpa-2026-03-14.json") >= 474);
}

TEST_CASE("one state per article: badge, banner, versions and table agree on css-history",
          "[state-agreement][slow]") {
  CHECK(check_corpus("css-history", "") >= 10190);
}

}  // namespace state_agreement_test
