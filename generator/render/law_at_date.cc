#include "render/law_at_date.h"

#include <algorithm>
#include <map>
#include <set>

#include "render/version_pages.h"
#include "render/view_model.h"
#include "resolve/history.h"
#include "text/french_typography.h"
#include "text/json_string.h"

namespace legisite {

namespace {

// A version that can be listed in a dated table: it applied on some day and has a page.
bool listed_version(const Version& v) { return !v.slug.empty() && !never_in_force(v); }

}  // namespace

DayEntry day_entry(const Article& a, Date date) {
  VersionOnDate on = version_on_date(a, date);
  if (on.standing == Standing::kInForce) {
    const Version& v = a.versions[on.index];
    if (v.start != date) return {on.index, DayChange::kNone};
    for (std::int32_t j = 0; j < on.index; ++j)
      if (listed_version(a.versions[j])) return {on.index, DayChange::kModified};
    return {on.index, DayChange::kEntered};
  }
  for (std::size_t i = a.versions.size(); i-- > 0;)
    if (listed_version(a.versions[i]) && a.versions[i].ends_on == date)
      return {static_cast<std::int32_t>(i), DayChange::kEnded};
  return {};
}

namespace {

// The mark of an entry that changed that day: {`change_token`, `change_symbol`, `change_label`}.
View day_change_view(DayChange change) {
  if (change == DayChange::kNone) return View::flag(false);
  View v;
  v.set("change_token", change == DayChange::kEntered    ? "nouveau"
                        : change == DayChange::kModified ? "modifie"
                                                         : "fin");
  v.set("change_symbol", change == DayChange::kEntered    ? "+"
                         : change == DayChange::kModified ? "±"
                                                          : "−");
  v.set("change_label", change == DayChange::kEntered    ? "nouveau ce jour"
                        : change == DayChange::kModified ? "modifié ce jour"
                                                         : "fin ce jour");
  return v;
}

struct DayCounts {
  std::size_t in_force = 0;
  std::size_t changed = 0;
};

// One section of the table as it stood on `date`: only articles in force then, each linking to
// the version that applied, and those whose last version stopped applying that day, marked;
// sections left empty are dropped. Same shape as the code page's table, so the theme's
// toc_section partial renders both.
View section_on(const Corpus& corpus, const std::string& page_path, const Section& section,
                int depth, Date date, DayCounts& counts) {
  View v;
  View& entries = v.set("entries", View::list());
  const std::size_t before = counts.in_force;
  for (const TocEntry& e : section.toc) {
    View entry;
    if (e.kind == TocEntry::Kind::kArticle) {
      const Article& a = corpus.article(ArticleId(e.id));
      if (a.cited_only || a.slug.empty()) continue;
      const DayEntry on = day_entry(a, date);
      if (on.index < 0) continue;
      const Version& version = a.versions[on.index];
      View& art = entry.set("article", View());
      art.set("number", a.number.text());
      art.set("heading", heading_for(a.number));
      art.set("href", relative_href(page_path, version_page_path(corpus, a, version.slug)));
      // Every article listed was in force that day; the state its version reached later
      // ("Modifié", "Transféré") would say something else than the page does.
      art.set_flag("status", false);
      // The version's page gives its dates and its official text, not the text itself.
      art.set_flag("no_text", !version.has_text);
      art.set("day_change", day_change_view(on.change));
      entry.set_flag("section", false);
      if (on.change != DayChange::kEnded) ++counts.in_force;
      if (on.change != DayChange::kNone) ++counts.changed;
    } else {
      DayCounts inside;
      View sub =
          section_on(corpus, page_path, corpus.section(SectionId(e.id)), depth + 1, date, inside);
      if (inside.in_force == 0 && inside.changed == 0) continue;
      counts.in_force += inside.in_force;
      counts.changed += inside.changed;
      entry.set_flag("article", false);
      entry.set("section", std::move(sub));
    }
    entries.push(std::move(entry));
  }
  v.set_flag("has_entries", !entries.items().empty());
  set_toc_section_fields(v, section, depth, counts.in_force - before);
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
      if (v.start.is_calendar_day() && v.start <= until && !never_in_force(v)) days.insert(v.start);
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

// A section for the script that builds a table for any day (law_at_date.h): its title, anchor
// and entries in order, an article as [number, heading, slug, versions], each version as
// [start, end (Version::ends_on, "" for none), folder ("" when it is the start), text (0 or 1)].
void append_section_data(std::string& out, const Corpus& corpus, const Section& section) {
  out += "{\"t\":";
  append_json_string(out, section.title.empty() ? std::string("Section") : section.title);
  out += ",\"a\":";
  append_json_string(out, section.anchor);
  out += ",\"e\":[";
  bool first = true;
  for (const TocEntry& e : section.toc) {
    std::string item;
    if (e.kind == TocEntry::Kind::kSection) {
      append_section_data(item, corpus, corpus.section(SectionId(e.id)));
    } else {
      const Article& a = corpus.article(ArticleId(e.id));
      if (a.cited_only || a.slug.empty()) continue;
      std::string versions;
      for (const Version& v : a.versions) {
        if (!listed_version(v)) continue;
        versions += versions.empty() ? "[" : ",[";
        append_json_string(versions, v.start.iso());
        versions += ",";
        append_json_string(versions, v.ends_on.is_calendar_day() ? v.ends_on.iso() : std::string());
        versions += ",";
        append_json_string(versions, v.slug == v.start.iso() ? std::string() : v.slug);
        versions += v.has_text ? ",1]" : ",0]";
      }
      if (versions.empty()) continue;  // never in any table
      item += '[';
      append_json_string(item, a.number.text());
      item += ",";
      append_json_string(item, heading_for(a.number));
      item += ",";
      append_json_string(item, a.slug);
      item += ",[" + versions + "]]";
    }
    out += first ? "" : ",";
    out += item;
    first = false;
  }
  out += "]}";
}

}  // namespace

std::string day_changes_label(std::size_t changed) {
  if (changed == 0) return "Aucun article n’a changé ce jour-là.";
  return french_number(changed) +
         (changed == 1 ? " article a changé ce jour-là." : " articles ont changé ce jour-là.");
}

Date first_day_in_force(const Corpus& corpus, CodeId code) {
  Date first;
  for (const Article& a : corpus.articles()) {
    if (a.code != code || a.cited_only || a.slug.empty()) continue;
    for (const Version& v : a.versions)
      if (listed_version(v) && (!first.known() || v.start < first)) first = v.start;
  }
  return first;
}

std::string law_at_date_script_path(const Code& code) {
  return code.slug + "/" + std::string(kLawAtDateScript);
}

std::vector<SiteFile> law_at_date_files(const Corpus& corpus, const SiteOptions& options) {
  std::vector<SiteFile> out;
  if (!options.history) return out;
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty() || dated_toc_dates(corpus, c.id, options).empty()) continue;
    std::string data = "legisiteLawAtDate(";
    append_json_string(data, c.slug);
    data += ",{\"toc\":";
    append_section_data(data, corpus, corpus.section(c.root));
    data += "});\n";
    out.push_back({law_at_date_script_path(c), std::move(data)});
  }
  return out;
}

std::vector<Date> dated_toc_dates(const Corpus& corpus, CodeId code, const SiteOptions& options) {
  std::vector<Date> changes = change_days(corpus, code, options.reference_date);
  std::vector<Date> out = options.all_toc_dates ? changes : thinned(changes);
  for (Date d : options.toc_dates)
    if (d.is_calendar_day() && d <= options.reference_date) out.push_back(d);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string dated_toc_path(const Code& code, Date date) {
  return code.slug + "/" + date.iso() + "/index.html";
}

namespace {

// The days of dated_toc_dates whose table has a page: an article numbered like a date keeps its
// URL.
std::vector<Date> dated_toc_pages(const Corpus& corpus, CodeId code, const SiteOptions& options) {
  std::set<std::string> article_slugs;
  for (const Article& a : corpus.articles())
    if (a.code == code) article_slugs.insert(a.slug);
  std::vector<Date> dates = dated_toc_dates(corpus, code, options);
  std::erase_if(dates, [&](Date d) { return article_slugs.count(d.iso()) != 0; });
  return dates;
}

// What the "go to date" form of `page_path` chooses among (the code's dated tables `dates`,
// oldest first), and what it builds the table of any other day from.
std::string date_jump_json(const Corpus& corpus, const SiteOptions& options, const Code& c,
                           const std::vector<Date>& dates, const std::string& page_path) {
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
  json += "],\"until\":";
  append_json_string(json, options.reference_date.iso());
  // The first day an article applied, for a day before any (not the first table's date), and
  // the per-article data from which the script builds the table of a day without one.
  const Date first = first_day_in_force(corpus, c.id);
  json += ",\"first\":";
  append_json_string(json, first.is_calendar_day() ? first.iso() : std::string());
  json += ",\"data\":";
  append_json_string(json, relative_href(page_path, law_at_date_script_path(c)));
  // The code's folder from this page, which the script puts before "<article>/<version>/".
  std::string base = relative_href(page_path, c.slug + "/x");
  base.pop_back();
  json += ",\"base\":";
  append_json_string(json, base);
  json += '}';
  return json;
}

}  // namespace

void plan_dated_tocs(const Corpus& corpus, const SiteOptions& options,
                     std::vector<PagePlan>& pages) {
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    for (Date d : dated_toc_pages(corpus, c.id, options)) {
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
  DayCounts counts;
  v.set("toc", section_on(corpus, page.path, corpus.section(code.root), 0, date, counts));
  v.set("articles_label",
        french_number(counts.in_force) +
            (counts.in_force == 1 ? " article en vigueur" : " articles en vigueur"));
  v.set("day_changes_label", day_changes_label(counts.changed));
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
  const std::vector<Date> dates = dated_toc_pages(corpus, code, options);
  for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
    View d;
    d.set("href", relative_href(page_path, dated_toc_path(c, *it)));
    d.set("date_iso", it->iso());
    d.set("date_french", it->french());
    list.push(std::move(d));
  }
  view.set_flag("has_dated_tocs", !list.items().empty());
  view.set("dated_tocs", std::move(list));

  // The "go to date" form chooses among the same tables and builds the table of any other day on
  // one of them.
  if (dates.empty()) {
    view.set_flag("date_jump", false);
    return;
  }
  View jump;
  jump.set("jump_kind", "code");
  jump.set("jump_label", "Table des matières au");
  jump.set("jump_list_href", "#a_une_date");
  jump.set("jump_list_label", "la liste des tables datées");
  jump.set("jump_json_html", date_jump_json(corpus, options, c, dates, page_path));
  view.set("date_jump", std::move(jump));
}

const std::vector<std::string_view>& dated_toc_field_names() {
  static const std::vector<std::string_view> kNames = {
      "dated_tocs",    "has_dated_tocs", "day_change",       "change_token",
      "change_symbol", "change_label",   "day_changes_label"};
  return kNames;
}

}  // namespace legisite
