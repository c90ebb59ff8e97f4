#include "render/pages.h"

#include <algorithm>

#include "render/version_pages.h"

namespace legisite {

std::string home_page_path() { return "index.html"; }

std::string code_page_path(const Code& code) { return code.slug + "/index.html"; }

std::string article_page_path(const Corpus& corpus, const Article& article) {
  return corpus.code(article.code).slug + "/" + article.slug + "/index.html";
}

std::vector<PagePlan> plan_pages(const Corpus& corpus, Diagnostics& diagnostics,
                                 bool with_history) {
  std::vector<PagePlan> pages;
  pages.push_back({PageKind::kHome, CodeId(), ArticleId(), home_page_path()});
  std::vector<bool> code_ok(corpus.codes().size(), false);
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) {
      diagnostics.error(c.origin, "code '" + c.title + "' has no URL slug; its pages are skipped",
                        {"while planning pages (was the resolve stage run?)"});
      continue;
    }
    code_ok[c.id.value] = true;
    pages.push_back({PageKind::kCode, c.id, ArticleId(), code_page_path(c)});
  }
  // Articles in model order, which does not depend on threads; render order does not matter to
  // the output, only to how evenly the work is spread.
  for (const Article& a : corpus.articles()) {
    if (!code_ok[a.code.value]) continue;
    if (a.slug.empty()) {
      diagnostics.error(a.versions.empty() ? SourceLocation{} : a.versions.front().origin,
                        "article " + a.number.text() + " has no URL slug; its page is skipped",
                        {"while planning pages (was the resolve stage run?)"});
      continue;
    }
    pages.push_back({PageKind::kArticle, a.code, a.id, article_page_path(corpus, a)});
  }
  // After every article page: the history pages hang below them and redirect to them.
  if (with_history) plan_history_pages(corpus, pages);
  return pages;
}

std::string relative_href(std::string_view from_page, std::string_view to,
                          std::string_view fragment) {
  // Part by part, without splitting either path into a list: pages compute dozens of these, a
  // code's table of contents one per article.
  constexpr auto npos = std::string_view::npos;
  const std::size_t last_slash = from_page.rfind('/');
  const std::string_view from_dir = last_slash == npos ? std::string_view() : from_page.substr(0, last_slash);
  // The next part (between slashes, never empty) of `path` from `at`, moving `at` past it.
  auto next_part = [](std::string_view path, std::size_t& at, std::string_view& part) {
    while (at < path.size() && path[at] == '/') ++at;
    if (at >= path.size()) return false;
    std::size_t end = std::min(path.find('/', at), path.size());
    part = path.substr(at, end - at);
    at = end;
    return true;
  };
  auto more_parts = [](std::string_view path, std::size_t at) {
    return path.find_first_not_of('/', at) != npos;
  };
  // Only the target's folders can be shared with the page's folder; its last part is a file.
  std::size_t in_from = 0, in_to = 0;
  for (;;) {
    std::size_t from_next = in_from, to_next = in_to;
    std::string_view from_part, to_part;
    if (!next_part(from_dir, from_next, from_part) || !next_part(to, to_next, to_part) ||
        !more_parts(to, to_next) || from_part != to_part)
      break;
    in_from = from_next;
    in_to = to_next;
  }
  std::string href;
  href.reserve(to.size() - in_to + 3 * 4 + fragment.size() + 1);
  std::string_view part;
  while (next_part(from_dir, in_from, part)) href += "../";
  bool first = true;
  while (next_part(to, in_to, part)) {
    if (!first) href += '/';
    href += part;
    first = false;
  }
  if (!fragment.empty()) {
    href += '#';
    href += fragment;
  }
  return href;
}

std::string canonical_url(std::string_view base_url, std::string_view page_path) {
  std::string url(base_url.empty() ? "/" : base_url);
  if (url.back() != '/') url += '/';
  std::string_view folder = page_path;
  constexpr std::string_view kIndex = "index.html";
  if (folder.size() >= kIndex.size() && folder.substr(folder.size() - kIndex.size()) == kIndex)
    folder.remove_suffix(kIndex.size());
  url += folder;
  return url;
}

}  // namespace legisite
