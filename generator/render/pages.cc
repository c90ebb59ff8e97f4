#include "render/pages.h"

#include <algorithm>

#include "io/file_system.h"
#include "render/version_pages.h"

namespace legisite {

namespace {

// The non-empty parts of a '/'-separated path: a page at the site's root is in no folder.
std::vector<std::string_view> path_parts(std::string_view path) {
  std::vector<std::string_view> parts = split_path(path);
  std::erase(parts, std::string_view());
  return parts;
}

}  // namespace

std::string home_page_path() { return "index.html"; }

std::string code_page_path(const Code& code) { return code.slug + "/index.html"; }

std::string code_part_path(const Code& code, const Section& part) {
  return code.slug + "/" + part.anchor + "/index.html";
}

std::string article_page_path(const Corpus& corpus, const Article& article) {
  return corpus.code(article.code).slug + "/" + article.slug + "/index.html";
}

bool has_article_page(const Corpus& corpus, const Article& article) {
  return !article.slug.empty() && !corpus.code(article.code).slug.empty();
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
  const std::string from_dir = dir_name(std::string(from_page));  // outlives the views into it
  std::vector<std::string_view> from_dirs = path_parts(from_dir);
  std::vector<std::string_view> target = path_parts(to);
  // Only the target's folders can be shared with the page's folder; its last part is a file.
  std::size_t common = 0;
  while (common < from_dirs.size() && common + 1 < target.size() &&
         from_dirs[common] == target[common])
    ++common;
  std::string href;
  for (std::size_t i = common; i < from_dirs.size(); ++i) href += "../";
  for (std::size_t i = common; i < target.size(); ++i) {
    href += target[i];
    if (i + 1 < target.size()) href += '/';
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
