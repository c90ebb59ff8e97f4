#include "render/feeds.h"

#include <algorithm>
#include <tuple>

#include "render/pages.h"
#include "render/sitemap.h"
#include "render/version_pages.h"
#include "resolve/history.h"
#include "text/html_escape.h"

namespace legisite {

namespace {

/// One entry: a version that started to apply, or an article that ended, on `day`.
struct FeedEvent {
  Date day;
  ArticleId article;
  std::uint32_t version = 0;
  bool ended = false;
};

// Newest first; on one day in model order of the articles, then by version.
bool newer(const FeedEvent& a, const FeedEvent& b) {
  return std::tie(b.day, a.article, a.version, a.ended) <
         std::tie(a.day, b.article, b.version, b.ended);
}

bool in_window(Date day, const SiteOptions& options) {
  return day.is_calendar_day() && day <= options.reference_date &&
         options.reference_date.days() - day.days() < options.feed_days;
}

std::vector<FeedEvent> events_of(const Article& a, const SiteOptions& options) {
  std::vector<FeedEvent> out;
  for (std::size_t i = 0; i < a.versions.size(); ++i) {
    const Version& v = a.versions[i];
    if (never_in_force(v)) continue;
    if (in_window(v.start, options))
      out.push_back({v.start, a.id, static_cast<std::uint32_t>(i), false});
    // The end of the article itself: abrogated or transferred, with no later version.
    const bool last = i + 1 == a.versions.size();
    if (last && ends_the_article(v.status) && in_window(v.ends_on, options))
      out.push_back({v.ends_on, a.id, static_cast<std::uint32_t>(i), true});
  }
  return out;
}

// RFC 3339, as Atom's dates must be: the day at midnight UTC.
std::string atom_date(Date d) { return d.iso() + "T00:00:00Z"; }

void element(std::string& out, std::string_view tag, std::string_view text) {
  out += "<";
  out += tag;
  out += ">";
  append_html_escaped(out, text);
  out += "</";
  out += tag;
  out += ">";
}

void link(std::string& out, std::string_view rel, const std::string& href, std::string_view type) {
  out += "<link rel=\"";
  out += rel;
  out += "\" type=\"";
  out += type;
  out += "\" href=\"";
  append_html_escaped(out, href);
  out += "\"/>";
}

// What made the change: the history's message or the version's "… par" links.
std::string amending_summary(const Version& v, bool ended) {
  if (ended) {
    if (const Link* l = ending_link(v))
      return std::string(link_group_label(l->group)) + " " +
             (l->text.empty() ? l->text_title : l->text);
    return {};
  }
  if (!v.amended_by.empty()) return v.amended_by;
  std::string out;
  for (const Link& l : v.links) {
    if (l.group != LinkGroup::kCreatedBy && l.group != LinkGroup::kModifiedBy &&
        l.group != LinkGroup::kCodifiedBy && l.group != LinkGroup::kTransferredBy)
      continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (!text.empty())
      out += (out.empty() ? "" : " ; ") + std::string(link_group_label(l.group)) + " " + text;
  }
  return out;
}

void append_entry(std::string& out, const Corpus& corpus, const SiteOptions& options,
                  const FeedEvent& e) {
  const Article& a = corpus.article(e.article);
  const Version& v = a.versions[e.version];
  const Code& code = corpus.code(a.code);
  const std::string article_url = canonical_url(options.base_url, article_page_path(corpus, a));
  const bool page = options.history && !v.slug.empty();
  const std::string version_url =
      page ? canonical_url(options.base_url, version_page_path(corpus, a, v.slug)) : article_url;
  std::string title = heading_for(a.number) + " (" + code.title + ") : ";
  if (e.ended)
    title +=
        (v.status == ArticleStatus::kTransfere ? "transféré le " : "abrogé le ") + e.day.french();
  else
    title += (e.version == 0 ? "créé, en vigueur le " : "nouvelle version en vigueur le ") +
             v.start.french();
  out += "<entry>";
  // An ended article's entry is about the article page on that day; a version's about its page,
  // or, without one, about the article page from the day it started: one id per change.
  element(out, "id",
          e.ended ? article_url + "#fin-" + e.day.iso()
          : page  ? version_url
                  : article_url + "#debut-" + v.start.iso());
  element(out, "title", title);
  element(out, "updated", atom_date(e.day));
  link(out, "alternate", e.ended ? article_url : version_url, "text/html");
  if (!e.ended && page && v.diff_base >= 0)
    link(out, "related", canonical_url(options.base_url, diff_page_path(corpus, a, v.slug)),
         "text/html");
  const std::string summary = amending_summary(v, e.ended);
  if (!summary.empty()) element(out, "summary", summary);
  out += "</entry>\n";
}

std::string feed(const Corpus& corpus, const SiteOptions& options, const std::string& path,
                 const std::string& title, const std::string& page_path,
                 std::vector<FeedEvent> events) {
  std::sort(events.begin(), events.end(), newer);
  const std::string self = canonical_url(options.base_url, path);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n";
  element(out, "id", self);
  element(out, "title", title);
  // The feed changed last when its newest entry did; an empty feed is as of the reference date.
  element(out, "updated", atom_date(events.empty() ? options.reference_date : events.front().day));
  out += "<author>";
  element(out, "name", options.site_name.empty() ? options.generator : options.site_name);
  out += "</author>";
  element(out, "generator", options.generator);
  link(out, "self", self, "application/atom+xml");
  link(out, "alternate", canonical_url(options.base_url, page_path), "text/html");
  out += "\n";
  for (const FeedEvent& e : events) append_entry(out, corpus, options, e);
  out += "</feed>\n";
  return out;
}

}  // namespace

std::string code_feed_path(const Code& code) { return code.slug + "/feed.xml"; }
std::string site_feed_path() { return "feed.xml"; }

std::vector<SiteFile> feed_files(const Corpus& corpus, const SiteOptions& options) {
  std::vector<SiteFile> files;
  if (!absolute_base_url(options) || !options.reference_date.known()) return files;
  std::vector<std::vector<FeedEvent>> by_code(corpus.codes().size());
  for (const Article& a : corpus.articles()) {
    if (!has_article_page(corpus, a)) continue;
    for (const FeedEvent& e : events_of(a, options)) by_code[a.code.value].push_back(e);
  }
  std::vector<FeedEvent> all;
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    const auto& events = by_code[c.id.value];
    all.insert(all.end(), events.begin(), events.end());
    files.push_back(
        {code_feed_path(c), feed(corpus, options, code_feed_path(c), c.title + " : modifications",
                                 code_page_path(c), events)});
  }
  const std::string name = options.site_name.empty() ? "legisite" : options.site_name;
  files.push_back({site_feed_path(),
                   feed(corpus, options, site_feed_path(), name + " : modifications des codes",
                        home_page_path(), std::move(all))});
  return files;
}

}  // namespace legisite
