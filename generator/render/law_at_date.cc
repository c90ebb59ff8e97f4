#include "render/law_at_date.h"

#include <algorithm>
#include <map>
#include <set>

#include "render/version_pages.h"
#include "render/view_model.h"
#include "resolve/history.h"
#include "text/french_typography.h"

namespace legisite {

namespace {

bool real_day(Date d) { return d.known() && !d.is_deferred() && !d.is_no_end(); }

// One section of the table as it stood on `date`: only articles in force then, each linking to
// the version that applied; sections left empty are dropped. Same shape as the code page's
// table, so the theme's toc_section partial renders both.
View section_on(const Corpus& corpus, const std::string& page_path, const Section& section,
                int depth, Date date, std::size_t& articles) {
  View v;
  View& entries = v.set("entries", View::list());
  const std::size_t before = articles;
  for (const TocEntry& e : section.toc) {
    View entry;
    if (e.kind == TocEntry::Kind::kArticle) {
      const Article& a = corpus.article(ArticleId(e.id));
      if (a.cited_only || a.slug.empty()) continue;
      VersionOnDate on = version_on_date(a, date);
      if (on.standing != Standing::kInForce) continue;
      const std::string& slug = a.versions[on.index].slug;
      View& art = entry.set("article", View());
      art.set("number", a.number.text());
      art.set("heading", heading_for(a.number));
      art.set("href", relative_href(page_path, slug.empty() ? corpus.code(a.code).slug + "/" +
                                                                  a.slug + "/index.html"
                                                            : version_page_path(corpus, a, slug)));
      // Every article listed was in force that day; the state its version reached later
      // ("Modifié", "Transféré") would say something else than the page does.
      art.set_flag("status", false);
      // The version's page gives its dates and its official text, not the text itself.
      art.set_flag("no_text", !a.versions[on.index].has_text);
      entry.set_flag("section", false);
      ++articles;
    } else {
      std::size_t inside = 0;
      View sub =
          section_on(corpus, page_path, corpus.section(SectionId(e.id)), depth + 1, date, inside);
      if (inside == 0) continue;
      articles += inside;
      entry.set_flag("article", false);
      entry.set("section", std::move(sub));
    }
    entries.push(std::move(entry));
  }
  v.set_flag("has_entries", !entries.items().empty());
  set_toc_section_fields(v, section, depth, articles - before);
  return v;
}

}  // namespace

namespace {

// Every day on which a version of the code's articles started to apply, up to `until`.
std::vector<Date> change_days(const Corpus& corpus, CodeId code, Date until) {
  std::set<Date> days;
  for (const Article& a : corpus.articles()) {
    if (a.code != code || a.cited_only) continue;
    for (const Version& v : a.versions)
      if (real_day(v.start) && v.start <= until && !never_in_force(v)) days.insert(v.start);
  }
  return {days.begin(), days.end()};
}

// Keeps the last change of each of the kMaxDatedTocs most recent years when there are more days.
std::vector<Date> thinned(std::vector<Date> out) {
  if (out.size() <= kMaxDatedTocs) return out;
  // The last change of each year: the law as the year ended (or as it stands, for this year).
  std::map<int, Date> last_of_year;
  for (Date d : out) last_of_year[d.year()] = d;
  out.clear();
  for (auto it = last_of_year.rbegin(); it != last_of_year.rend() && out.size() < kMaxDatedTocs;
       ++it)
    out.push_back(it->second);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Date> dated_toc_dates(const Corpus& corpus, CodeId code, const SiteOptions& options) {
  std::vector<Date> changes = change_days(corpus, code, options.reference_date);
  std::vector<Date> out = options.all_toc_dates ? changes : thinned(changes);
  for (Date d : options.toc_dates)
    if (real_day(d) && d <= options.reference_date) out.push_back(d);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string dated_toc_path(const Code& code, Date date) {
  return code.slug + "/" + date.iso() + "/index.html";
}

void plan_dated_tocs(const Corpus& corpus, const SiteOptions& options,
                     std::vector<PagePlan>& pages) {
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    std::set<std::string> article_slugs;
    for (const Article& a : corpus.articles())
      if (a.code == c.id) article_slugs.insert(a.slug);
    for (Date d : dated_toc_dates(corpus, c.id, options)) {
      if (article_slugs.count(d.iso())) continue;  // an article numbered like a date keeps its URL
      PagePlan p(PageKind::kCodeAtDate, c.id, ArticleId(), dated_toc_path(c, d));
      p.identifier = d.iso();
      pages.push_back(std::move(p));
    }
  }
}

View dated_toc_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Code& code = corpus.code(page.code);
  const Date date = *Date::parse(page.identifier);
  View v;
  add_layout(
      v, options, page.path, "code-at-date",
      site_title(options, code.title + " au " + date.french()),
      code.title + " : table des matières des articles en vigueur le " + date.french() + ".");

  v.set("code_title", code.title);
  v.set("code_href", relative_href(page.path, code_page_path(code)));
  v.set("date_iso", date.iso());
  v.set("date_french", date.french());
  std::size_t articles = 0;
  v.set("toc", section_on(corpus, page.path, corpus.section(code.root), 0, date, articles));
  v.set("articles_label",
        french_number(articles) + (articles == 1 ? " article en vigueur" : " articles en vigueur"));
  add_dated_tocs(v, corpus, options, page.code, page.path);
  return v;
}

void add_dated_tocs(View& view, const Corpus& corpus, const SiteOptions& options, CodeId code,
                    const std::string& page_path) {
  View list = View::list();
  if (!options.history) {
    view.set_flag("has_dated_tocs", false);
    view.set("dated_tocs", std::move(list));
    view.set_flag("date_jump", false);
    return;
  }
  const Code& c = corpus.code(code);
  std::set<std::string> article_slugs;
  for (const Article& a : corpus.articles())
    if (a.code == code) article_slugs.insert(a.slug);
  const std::vector<Date> changes = change_days(corpus, code, options.reference_date);
  std::vector<Date> dates = dated_toc_dates(corpus, code, options);
  std::erase_if(dates, [&](Date d) { return article_slugs.count(d.iso()) != 0; });
  for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
    View d;
    d.set("href", relative_href(page_path, dated_toc_path(c, *it)));
    d.set("date_iso", it->iso());
    d.set("date_french", it->french());
    list.push(std::move(d));
  }
  view.set_flag("has_dated_tocs", !list.items().empty());
  view.set("dated_tocs", std::move(list));

  // The "go to date" form chooses among the same tables, oldest first. "complete" tells the
  // script that every change is published, so that the table before a day is the law that day.
  if (dates.empty()) {
    view.set_flag("date_jump", false);
    return;
  }
  std::string json = "{\"tables\":[";
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const std::string to = dated_toc_path(c, dates[i]);
    json += i ? ",{\"date\":" : "{\"date\":";
    append_json_string(json, dates[i].iso());
    json += ",\"href\":";
    append_json_string(json, relative_href(page_path, to));
    if (to == page_path) json += ",\"self\":true";
    json += '}';
  }
  json += "],\"complete\":";
  json +=
      std::includes(dates.begin(), dates.end(), changes.begin(), changes.end()) ? "true" : "false";
  json += ",\"until\":";
  append_json_string(json, options.reference_date.iso());
  json += '}';
  View jump;
  jump.set("jump_kind", "code");
  jump.set("jump_label", "Table des matières au");
  jump.set("jump_list_href", "#a_une_date");
  jump.set("jump_list_label", "la liste des tables datées");
  jump.set("jump_json_html", std::move(json));
  view.set("date_jump", std::move(jump));
}

const std::vector<std::string_view>& dated_toc_field_names() {
  static const std::vector<std::string_view> kNames = {"dated_tocs", "has_dated_tocs"};
  return kNames;
}

}  // namespace legisite
