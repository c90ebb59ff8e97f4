#include "render/sitemap.h"

#include <algorithm>
#include <string_view>

#include "text/html_escape.h"

namespace legisite {

namespace {

// The last day on or before the reference date on which a version's content changed: its start,
// or its end once it has ended (its page then says so). Unknown when neither is such a day.
Date version_changed(const Version& v, Date reference) {
  Date out;
  if (v.start.is_calendar_day() && v.start <= reference) out = v.start;
  if (v.ends_on.is_calendar_day() && v.ends_on <= reference && out < v.ends_on) out = v.ends_on;
  return out;
}

Date article_changed(const Article& a, Date reference) {
  Date out;
  for (const Version& v : a.versions) out = std::max(out, version_changed(v, reference));
  return out;
}

// When each page's content last changed, from its versions' dates: a code's is its newest
// article's, the home page's its newest code's.
Date page_changed(const Corpus& corpus, const SiteOptions& options, const PagePlan& page,
                  const std::vector<Date>& code_changed) {
  const Date reference = options.reference_date;
  switch (page.kind) {
    case PageKind::kArticle:
      return article_changed(corpus.article(page.article), reference);
    case PageKind::kVersion:
    case PageKind::kVersionDiff:
      return version_changed(corpus.article(page.article).versions[page.version], reference);
    case PageKind::kCode:
    case PageKind::kCodePart:
      return code_changed[page.code.value];
    case PageKind::kHome:
      return code_changed.empty() ? Date()
                                  : *std::max_element(code_changed.begin(), code_changed.end());
    default:
      return Date();
  }
}

void append_url(std::string& out, std::string_view tag, const std::string& loc, Date lastmod) {
  out += "<";
  out += tag;
  out += "><loc>";
  append_html_escaped(out, loc);
  out += "</loc>";
  if (lastmod.known()) out += "<lastmod>" + lastmod.iso() + "</lastmod>";
  out += "</";
  out += tag;
  out += ">\n";
}

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

std::string urlset(const std::vector<std::pair<std::string, Date>>& urls, std::size_t begin,
                   std::size_t end) {
  std::string out(kXmlDeclaration);
  out += "<urlset xmlns=\"" + std::string(kNamespace) + "\">\n";
  for (std::size_t i = begin; i < end; ++i) append_url(out, "url", urls[i].first, urls[i].second);
  out += "</urlset>\n";
  return out;
}

std::string base_with_slash(const SiteOptions& options) {
  std::string base = options.base_url;
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

}  // namespace

bool absolute_base_url(const SiteOptions& options) {
  const std::string_view base = options.base_url;
  return base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0;
}

bool indexable(PageKind kind) {
  return kind == PageKind::kHome || kind == PageKind::kCode || kind == PageKind::kCodePart ||
         kind == PageKind::kArticle || kind == PageKind::kVersion ||
         kind == PageKind::kVersionDiff || kind == PageKind::kAmendingText ||
         kind == PageKind::kTextIndex;
}

std::vector<SiteFile> sitemap_files(const Corpus& corpus, const SiteOptions& options,
                                    const std::vector<PagePlan>& pages, std::size_t limit) {
  std::vector<SiteFile> files;
  const bool absolute = absolute_base_url(options);
  const std::string base = base_with_slash(options);
  files.push_back({"robots.txt", "User-agent: *\nDisallow:\n" +
                                     (absolute ? "Sitemap: " + base + "sitemap.xml\n" : "")});
  if (!absolute) return files;

  std::vector<Date> code_changed(corpus.codes().size());
  for (const Article& a : corpus.articles()) {
    Date& d = code_changed[a.code.value];
    d = std::max(d, article_changed(a, options.reference_date));
  }
  std::vector<std::pair<std::string, Date>> urls;
  for (const PagePlan& page : pages)
    if (indexable(page.kind))
      urls.emplace_back(canonical_url(options.base_url, page.path),
                        page_changed(corpus, options, page, code_changed));
  if (urls.size() <= limit) {
    files.push_back({"sitemap.xml", urlset(urls, 0, urls.size())});
    return files;
  }
  std::string index(kXmlDeclaration);
  index += "<sitemapindex xmlns=\"" + std::string(kNamespace) + "\">\n";
  for (std::size_t begin = 0, n = 1; begin < urls.size(); begin += limit, ++n) {
    const std::size_t end = std::min(urls.size(), begin + limit);
    const std::string name = "sitemap-" + std::to_string(n) + ".xml";
    Date newest;
    for (std::size_t i = begin; i < end; ++i) newest = std::max(newest, urls[i].second);
    append_url(index, "sitemap", base + name, newest);
    files.push_back({name, urlset(urls, begin, end)});
  }
  index += "</sitemapindex>\n";
  files.insert(files.begin() + 1, {"sitemap.xml", std::move(index)});
  return files;
}

}  // namespace legisite
