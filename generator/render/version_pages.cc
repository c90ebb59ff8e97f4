#include "render/version_pages.h"

#include <algorithm>
#include <set>

#include "render/cite.h"
#include "render/diff_markup.h"
#include "render/legifrance.h"
#include "render/pages.h"
#include "render/text_links.h"
#include "render/text_pages.h"
#include "render/view_model.h"
#include "render/wording.h"
#include "resolve/history.h"
#include "text/french_typography.h"
#include "text/json_string.h"

namespace legisite {

namespace {

// The dates of one version, every case spelt out: LEGI's sentinels become words, not years.
View dates_view(const Version& v) {
  View out;
  bool never = never_in_force(v);
  // The MODIFIE_MORT_NE label already says it.
  out.set_flag("never_in_force", never && v.status != ArticleStatus::kModifieMortNe);
  out.set("start_iso", v.start.is_calendar_day() ? v.start.iso() : std::string());
  out.set("start_french", v.start.is_calendar_day() ? v.start.french() : std::string());
  out.set("start_words", v.start.is_deferred() ? "entrée en vigueur différée, date inconnue"
                         : v.start.known()     ? ""
                                               : "date de début inconnue");
  // A source that wrote no end, or "no end" for a version a later one replaced, leaves the
  // timeline's end (Version::ends_on) to say when it stopped applying, marked as deduced.
  const bool derived = !v.end.is_calendar_day() && v.ends_on.is_calendar_day();
  const Date end = derived ? v.ends_on : v.end;
  out.set("end_iso", end.is_calendar_day() ? end.iso() : std::string());
  out.set("end_french", end.is_calendar_day() ? end.french() : std::string());
  out.set_flag("end_derived", derived);
  out.set("end_words", derived               ? ""
                       : v.end.is_no_end()   ? "sans date de fin"
                       : v.end.is_deferred() ? "fin différée, date inconnue"
                       : v.end.known()       ? ""
                                             : "date de fin inconnue");
  return out;
}

// A link to the page of version `index` (false when it has none).
View version_link(const Corpus& corpus, const std::string& from, const Article& article,
                  std::int32_t index) {
  if (index < 0 || article.versions[index].slug.empty()) return View::flag(false);
  const Version& v = article.versions[index];
  View out;
  out.set("href", relative_href(from, version_page_path(corpus, article, v.slug)));
  out.set("label",
          v.start.is_calendar_day() ? "version du " + v.start.french() : std::string("version"));
  return out;
}

std::string article_path(const Corpus& corpus, const Article& a) {
  return corpus.code(a.code).slug + "/" + a.slug + "/index.html";
}

// The links of one version, each resolved one leading to the version of its target that was in
// force when this version started (the law it cited then), with the target's article page as the
// way to the current text. Who cites this version ("Cité par") is the article page's business.
View dated_links(const Corpus& corpus, const SiteOptions& options, const std::string& from,
                 const Version& version) {
  View entries = View::list();
  for (const Link& l : version.links) {
    if (l.group == LinkGroup::kCitedBy) continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (!l.article_number.empty() && l.text.empty())
      text += (text.empty() ? "art. " : " - art. ") + l.article_number;
    if (text.empty()) text = l.target_id;
    View e;
    // Under "Liens" the entry's own type says more than the group ("Déplacé", "Transféré").
    std::string_view type = l.group == LinkGroup::kLinks ? link_type_word(l.link_type) : "";
    e.set("label", !type.empty() ? std::string(type)
                   : l.group == LinkGroup::kOther && !l.label.empty()
                       ? l.label
                       : std::string(link_group_label(l.group)));
    e.set("text", without_empty_parentheses(text));
    std::string href, current_href, as_of;
    if (l.resolved.valid() && l.resolved.value < corpus.articles().size()) {
      const Article& target = corpus.article(l.resolved);
      DatedTarget then = dated_target(corpus, from, target, version.start);
      href = std::move(then.href);
      // The version the link's id names, when it names one, rather than the one in force then.
      if (const Version* named = linked_version(corpus, options, l)) {
        href = relative_href(from, version_page_path(corpus, target, named->slug));
        current_href = std::move(then.current_href);
        as_of = named->start.french();
      } else if (then.version >= 0) {
        current_href = std::move(then.current_href);
        as_of = version.start.french();
      }
    }
    bool external = false;
    if (const std::string text_page = linked_text_page(options, l);
        href.empty() && !text_page.empty())
      href = relative_href(from, text_page);
    if (href.empty()) {
      href = legifrance_url(l.target_id, l.names_code());
      external = !href.empty();
    }
    e.set("href", std::move(href));
    e.set_flag("external", external);
    e.set("as_of_french", std::move(as_of));
    e.set("current_href", std::move(current_href));
    entries.push(std::move(e));
  }
  return entries;
}

// The first day a version no longer applies, from the timeline (Version::ends_on, which the
// version list, the state and the dated tables read too), "" for none.
std::string jump_end(const Version& v) {
  return v.ends_on.is_calendar_day() ? v.ends_on.iso() : std::string();
}

bool valid_identifier(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

}  // namespace

// What made or changed this version: the history's commit message, else the "Créé par",
// "Modifié par", "Abrogé par", "Transféré par" entries of its links.
std::string version_amended_by(const Version& v) {
  if (!v.amended_by.empty()) return without_empty_parentheses(v.amended_by);
  std::string out;
  for (const Link& l : v.links) {
    if (l.group != LinkGroup::kCreatedBy && l.group != LinkGroup::kModifiedBy &&
        l.group != LinkGroup::kAbrogatedBy && l.group != LinkGroup::kTransferredBy)
      continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (text.empty()) continue;
    out += (out.empty() ? "" : " ; ") + std::string(link_group_label(l.group)) + " " + text;
  }
  return french_spacing(without_empty_parentheses(out));
}

std::string version_page_path(const Corpus& corpus, const Article& article,
                              const std::string& version_slug) {
  return corpus.code(article.code).slug + "/" + article.slug + "/" + version_slug + "/index.html";
}

std::string diff_page_path(const Corpus& corpus, const Article& article,
                           const std::string& version_slug) {
  return corpus.code(article.code).slug + "/" + article.slug + "/" + version_slug +
         "/diff/index.html";
}

const Version* linked_version(const Corpus& corpus, const SiteOptions& options, const Link& link) {
  if (!options.history || link.resolved_version < 0 || !link.resolved.valid() ||
      link.resolved.value >= corpus.articles().size())
    return nullptr;
  const Article& target = corpus.article(link.resolved);
  if (!has_article_page(corpus, target) ||
      std::size_t(link.resolved_version) >= target.versions.size())
    return nullptr;
  const Version& v = target.versions[std::size_t(link.resolved_version)];
  return v.slug.empty() || !v.start.is_calendar_day() ? nullptr : &v;
}

DatedTarget dated_target(const Corpus& corpus, std::string_view from, const Article& target,
                         Date as_of) {
  DatedTarget out;
  if (!has_article_page(corpus, target)) return out;
  out.current_href = relative_href(from, article_path(corpus, target));
  out.href = out.current_href;
  if (!as_of.is_calendar_day()) return out;
  VersionOnDate then = version_on_date(target, as_of);
  if (then.standing != Standing::kInForce) return out;  // its page says why none applied
  const std::string& slug = target.versions[then.index].slug;
  if (slug.empty()) return out;
  out.href = relative_href(from, version_page_path(corpus, target, slug));
  out.version = then.index;
  return out;
}

View cited_articles(const Corpus& corpus, const std::string& from, const Article& citing,
                    const Version& version, Date as_of) {
  View entries = View::list();
  std::set<std::uint32_t> seen;
  auto add = [&](ArticleId id) {
    if (!id.valid() || id.value >= corpus.articles().size() || !seen.insert(id.value).second)
      return;
    const Article& target = corpus.article(id);
    DatedTarget then = dated_target(corpus, from, target, as_of);
    if (then.href.empty()) return;  // no page: the text leaves it unlinked too
    View e;
    e.set("heading", heading_for(target.number));
    e.set("other_code",
          target.code == citing.code ? std::string() : corpus.code(target.code).title);
    e.set("href", then.href);
    std::string label, note;
    if (then.version >= 0) {
      const Version& v = target.versions[then.version];
      label = "version du " + v.start.french();
      if (!v.has_text) note = "texte non disponible dans cette édition";
    } else if (target.cited_only) {
      note = "cité, sans texte dans cette édition";
    } else if (as_of.is_calendar_day() &&
               std::any_of(target.versions.begin(), target.versions.end(),
                           [](const Version& v) { return v.start.is_calendar_day(); })) {
      note = "aucune version en vigueur le " + as_of.french();
    }
    e.set("cited_version_label", std::move(label));
    e.set("cited_note", std::move(note));
    e.set("current_href", then.version >= 0 ? then.current_href : std::string());
    entries.push(std::move(e));
  };
  for (const TextCitation& t : version.text_citations) {
    if (t.range_targets.empty())
      add(t.target);
    else
      for (ArticleId id : t.range_targets) add(id);
  }
  return entries;
}

std::string id_page_path(const std::string& identifier) {
  return "id/" + identifier + "/index.html";
}

void plan_history_pages(const Corpus& corpus, std::vector<PagePlan>& pages) {
  std::set<std::string> ids;
  std::vector<PagePlan> redirects;
  for (const Article& a : corpus.articles()) {
    if (!has_article_page(corpus, a)) continue;
    if (valid_identifier(a.cid) && ids.insert(a.cid).second) {
      PagePlan p{PageKind::kIdRedirect, a.code, a.id, id_page_path(a.cid)};
      p.target = article_path(corpus, a);
      p.identifier = a.cid;
      redirects.push_back(std::move(p));
    }
  }
  for (const Article& a : corpus.articles()) {
    if (!has_article_page(corpus, a)) continue;
    for (std::size_t i = 0; i < a.versions.size(); ++i) {
      const auto index = static_cast<std::int32_t>(i);
      const std::string& slug = a.versions[i].slug;
      if (!slug.empty()) {
        PagePlan p{PageKind::kVersion, a.code, a.id, version_page_path(corpus, a, slug)};
        p.version = index;
        pages.push_back(std::move(p));
        if (a.versions[i].diff_base >= 0) {
          PagePlan d{PageKind::kVersionDiff, a.code, a.id, diff_page_path(corpus, a, slug)};
          d.version = index;
          pages.push_back(std::move(d));
        }
      }
      const std::string& id = a.versions[i].id;
      if (valid_identifier(id) && ids.insert(id).second) {
        PagePlan p{PageKind::kIdRedirect, a.code, a.id, id_page_path(id)};
        p.version = index;
        p.target = slug.empty() ? article_path(corpus, a) : version_page_path(corpus, a, slug);
        p.identifier = id;
        redirects.push_back(std::move(p));
      }
    }
  }
  for (PagePlan& p : redirects) pages.push_back(std::move(p));
}

void add_date_jump(View& view, const Corpus& corpus, const SiteOptions& options,
                   const Article& article, const std::string& page_path) {
  // The form chooses among version pages: none without history pages or without a dated version.
  // Each entry gives the version's folder only when it is not its start date (same-day
  // versions), and the addresses are "base" + folder + "/index.html": an article with n versions
  // repeats its list on n + 1 pages, which on a whole code is most of what the form costs.
  std::string json;
  const bool on_version_page = page_path != article_path(corpus, article);
  std::string self;
  if (options.history) {
    for (const Version& v : article.versions) {
      if (v.slug.empty() || never_in_force(v)) continue;
      if (version_page_path(corpus, article, v.slug) == page_path) self = v.slug;
      json += json.empty() ? "" : ",";
      json += "{\"start\":";
      append_json_string(json, v.start.iso());
      json += ",\"end\":";
      append_json_string(json, jump_end(v));
      if (v.slug != v.start.iso()) {
        json += ",\"slug\":";
        append_json_string(json, v.slug);
      }
      if (!v.has_text) json += ",\"text\":false";
      json += '}';
    }
  }
  if (json.empty()) {
    view.set_flag("date_jump", false);
    return;
  }
  std::string head = "{\"base\":";
  append_json_string(head, on_version_page ? "../" : "");
  if (!self.empty()) {
    head += ",\"self\":";
    append_json_string(head, self);
  }
  json = head + ",\"versions\":[" + json + "]}";
  View jump;
  jump.set("jump_kind", "article");
  jump.set("jump_label", "Texte en vigueur le");
  // Without JavaScript, ?date= is not applied: the notice leads to the list of versions.
  jump.set("jump_list_href", on_version_page ? "../index.html#versions" : "#versions");
  jump.set("jump_list_label", "la liste des versions");
  jump.set("jump_json_html", std::move(json));
  view.set("date_jump", std::move(jump));
}

const Version* version_shown_on_date(const Article& article) {
  const VersionOnDate& on = article.on_reference_date;
  return on.index < 0 ? nullptr : &article.versions[on.index];
}

View version_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  const Code& code = corpus.code(article.code);
  const Version& v = article.versions[page.version];
  const std::string heading = heading_for(article.number);
  const std::string when = v.start.is_calendar_day() ? "version du " + v.start.french() : "version";
  View view;
  add_layout(view, options, page.path, "version",
             site_title(options, heading + ", " + when + " — " + code.title),
             heading + " du " + code.title + ", " + when + ".");
  view.set("heading", heading);
  view.set("version_label", when);
  view.set("code_title", code.title);
  view.set("code_href", relative_href(page.path, code_page_path(code)));
  view.set("article_href", relative_href(page.path, article_path(corpus, article)));
  view.set("status", status_view(v.status_on_reference_date));
  view.set("dates", dates_view(v));
  view.set("amended_by", version_amended_by(v));
  view.set("text_html",
           v.has_text ? linked_text_html(corpus, page.path, v, v.start) : std::string());
  view.set("nota_html", v.nota_html);
  view.set_flag("has_text", v.has_text);
  const View& cited =
      view.set("cited_articles",
               v.has_text ? cited_articles(corpus, page.path, article, v, v.start) : View::list());
  view.set_flag("has_cited_articles", !cited.items().empty());
  view.set("cited_as_of_french", v.start.is_calendar_day() ? v.start.french() : std::string());
  add_official_link(view, article, &v, true);
  add_citation(view, corpus, options, article, &v, page.path);
  const View& links = view.set("version_links", dated_links(corpus, options, page.path, v));
  view.set_flag("has_version_links", !links.items().empty());
  const auto count = static_cast<std::int32_t>(article.versions.size());
  std::int32_t prev = page.version - 1;
  while (prev >= 0 && article.versions[prev].slug.empty()) --prev;
  std::int32_t next = page.version + 1;
  while (next < count && article.versions[next].slug.empty()) ++next;
  view.set("prev", version_link(corpus, page.path, article, prev));
  view.set("next",
           next < count ? version_link(corpus, page.path, article, next) : View::flag(false));
  add_date_jump(view, corpus, options, article, page.path);
  view.set("diff_href", v.diff_base >= 0
                            ? relative_href(page.path, diff_page_path(corpus, article, v.slug))
                            : std::string());
  return view;
}

namespace {

// "3 changements", "alinéas 2, 5 et 7".
std::string counted(std::size_t n, const char* one, const char* many) {
  return french_number(n) + " " + (n == 1 ? one : many);
}
std::string alinea_list(const std::vector<int>& alineas) {
  std::string out = alineas.size() == 1 ? "alinéa " : "alinéas ";
  for (std::size_t i = 0; i < alineas.size(); ++i)
    out += (i == 0 ? "" : i + 1 == alineas.size() ? " et " : ", ") + std::to_string(alineas[i]);
  return out;
}

// The compared text of a diff page, its changes counted and listed for the navigation, and the
// note on spacing it does not mark. Citations lead where they do on each version's page: removed
// text to the law of the older version's first day, the rest to the newer one's.
void add_diff_text(View& view, const Corpus& corpus, const std::string& page_path,
                   const Version& before, const Version& after) {
  view.set_flag("beyond_budget", after.diff.beyond_budget);
  view.set_flag("word_by_word", !after.diff.beyond_budget);
  // Past the budget, both texts whole, their citations linked, without alinéa anchors (one page
  // cannot hold two "alinea-1").
  auto whole = [&](const Version& v) {
    return after.diff.beyond_budget
               ? splice_links(v.text_html, citation_links(corpus, page_path, v, v.start))
               : std::string();
  };
  view.set("before_html", whole(before));
  view.set("after_html", whole(after));
  if (after.diff.beyond_budget) {
    view.set("diff_html", std::string());
    view.set_flag("has_changes", false);
    view.set_flag("has_folds", false);
    view.set("changes_words", std::string());
    view.set("alineas_words", std::string());
    view.set("changes", View::list());
    view.set("last_change", std::string());
    view.set("spacing_note", std::string());
    return;
  }
  DiffTexts texts{before.text_html, after.text_html,
                  citation_links(corpus, page_path, before, before.start),
                  citation_links(corpus, page_path, after, after.start)};
  DiffPage text = diff_page(after.diff, texts);
  view.set("diff_html", std::move(text.html));
  view.set_flag("has_changes", text.changes > 0);
  view.set_flag("has_folds", text.folds > 0);
  view.set("changes_words", counted(text.changes, "changement", "changements"));
  view.set("alineas_words",
           text.changed_alineas.empty() ? std::string() : alinea_list(text.changed_alineas));
  View changes = View::list();
  // Beyond a few dozen, numbered links are noise: the first and the last are enough.
  constexpr std::size_t kListed = 40;
  for (std::size_t n = 1; n <= text.changes; ++n) {
    if (text.changes > kListed && n > 1 && n < text.changes) continue;
    View c;
    c.set("n", std::to_string(n));
    c.set_flag("last", n == text.changes);
    changes.push(std::move(c));
  }
  view.set("changes", std::move(changes));
  view.set("last_change", std::to_string(text.changes));  // a fragment, not words
  const std::size_t spacing = after.diff.spacing_changes;
  view.set("spacing_note",
           spacing == 0 ? std::string()
                        : counted(spacing, "différence", "différences") +
                              " d’espacement seul (une espace ajoutée ou retirée, comme « I.- » "
                              "devenu « I. - ») " +
                              (spacing == 1 ? "n’est pas marquée." : "ne sont pas marquées."));
}

}  // namespace

View diff_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  const Code& code = corpus.code(article.code);
  const Version& after = article.versions[page.version];
  const std::int32_t base = after.diff_base;
  const std::string heading = heading_for(article.number);
  View view;
  add_layout(view, options, page.path, "diff",
             site_title(options, heading + ", modifications du " + after.start.french() + " — " +
                                     code.title),
             heading + " du " + code.title + " : ce qui a changé le " + after.start.french() + ".");
  view.set("heading", heading);
  view.set("code_title", code.title);
  view.set("code_href", relative_href(page.path, code_page_path(code)));
  view.set("article_href", relative_href(page.path, article_path(corpus, article)));
  view.set("after", version_link(corpus, page.path, article, page.version));
  view.set("before", version_link(corpus, page.path, article, base));
  view.set("summary", diff_summary(after.diff));
  add_diff_text(view, corpus, page.path, article.versions[base], after);
  view.set("amended_by", version_amended_by(after));
  return view;
}

View id_redirect_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  View view;
  add_layout(view, options, page.path, "redirect", site_title(options, page.identifier),
             "Identifiant Légifrance " + page.identifier + ".");
  // A permalink stands for the page it leads to, as Hugo's alias pages do: search engines are
  // sent there, not to the identifier's address.
  view.set("canonical_url", canonical_url(options.base_url, page.target));
  const std::string href = relative_href(page.path, page.target);
  view.set("redirect_href", href);
  view.set("href", href);
  view.set("identifier", page.identifier);
  std::string label = heading_for(article.number) + " du " + corpus.code(article.code).title;
  if (page.version >= 0 && page.target != article_path(corpus, article)) {
    const Version& v = article.versions[page.version];
    label += ", version du " + v.start.french();
  }
  view.set("label", std::move(label));
  return view;
}

namespace {

// The slug of a version's page as this site links it: none without history pages.
const std::string& linked_slug(const SiteOptions& options, const Version& v) {
  static const std::string kNone;
  return options.history ? v.slug : kNone;
}

/// What the article page's banner says: its wording (null for no banner), its words when they
/// are not the wording's own, and the date that follows them.
struct BannerFacts {
  const wording::Banner* wording = nullptr;
  std::string words;
  Date when;
};

// The version shown ended on or before the reference date: how, and the article that replaced it.
BannerFacts ended_banner(const Corpus& corpus, const Article& article, const Version& shown,
                         const std::string& page_path, View& banner) {
  const bool transferred = shown.status == ArticleStatus::kTransfere;
  const bool abrogated = shown.status_on_reference_date == ArticleStatus::kAbroge;
  BannerFacts f;
  f.wording = transferred ? &wording::kTransferred
              : abrogated ? &wording::kAbrogated
                          : &wording::kEnded;
  f.words = f.wording->words;
  f.when = shown.end;
  // No end date (an export that names the transferring text but not when it applied): the text
  // that ended it is what there is to say.
  if (!f.when.is_calendar_day()) {
    f.words = transferred ? wording::kTransferredUndated
              : abrogated ? wording::kAbrogatedUndated
                          : wording::kEndedUndated;
    if (const Link* ending = ending_link(shown); ending && !ending->text_title.empty())
      f.words += " par " + ending->text_title;
  }
  if (article.successor.valid()) {
    const Article& next = corpus.article(article.successor);
    View s;
    s.set("href", relative_href(page_path, article_path(corpus, next)));
    s.set("label", heading_for(next.number) +
                       (next.code == article.code ? "" : " du " + corpus.code(next.code).title));
    banner.set("successor", std::move(s));
  }
  return f;
}

// The version shown is in force: a banner only when a later version is already published (when
// the text shown stops applying), or when this edition lacks the text in force (a dump taken
// before a deferred version began to apply), leading to the latest text there is.
BannerFacts in_force_banner(const Corpus& corpus, const Article& article, std::size_t index,
                            const SiteOptions& options, const std::string& page_path,
                            View& banner) {
  BannerFacts f;
  for (std::size_t i = index + 1; i < article.versions.size(); ++i) {
    const Version& later = article.versions[i];
    // Only a version still to come is news; one that began and ended before the reference date
    // (a transfer the source dates between two open-ended versions) is history.
    if (never_in_force(later) || !later.start.known() ||
        (!later.start.is_deferred() && later.start <= options.reference_date))
      continue;
    f.wording = &wording::kUpcoming;
    f.words = later.start.is_deferred() ? wording::kUpcomingUndated : wording::kUpcoming.words;
    f.when = later.start;
    if (!linked_slug(options, later).empty())
      banner.set("upcoming",
                 version_link(corpus, page_path, article, static_cast<std::int32_t>(i)));
    return f;
  }
  const Version& shown = article.versions[index];
  if (shown.has_text) return f;
  for (std::size_t i = index; i-- > 0;) {
    const Version& earlier = article.versions[i];
    if (!earlier.has_text || never_in_force(earlier)) continue;
    f.wording = &wording::kNoText;
    f.words = wording::kNoText.words;
    f.when = shown.start;
    if (!linked_slug(options, earlier).empty())
      banner.set("earlier", version_link(corpus, page_path, article, static_cast<std::int32_t>(i)));
    return f;
  }
  return f;
}

// The banner says why the text shown is not simply "the law today"; false when it is.
View banner_view(const Corpus& corpus, const SiteOptions& options, const Article& article,
                 const std::string& page_path) {
  const VersionOnDate& on = article.on_reference_date;
  if (on.index < 0) return View::flag(false);
  const Version& shown = article.versions[on.index];
  View banner;
  BannerFacts f;
  switch (on.standing) {
    case Standing::kEnded:
      f = ended_banner(corpus, article, shown, page_path, banner);
      break;
    case Standing::kNotYetInForce:
      f.wording = &wording::kNotYetInForce;
      f.words = shown.start.is_deferred() ? wording::kDeferredStart : wording::kNotYetInForce.words;
      f.when = shown.start;
      break;
    case Standing::kInForce:
      f = in_force_banner(corpus, article, static_cast<std::size_t>(on.index), options, page_path,
                          banner);
      break;
    case Standing::kUndated:
      break;
  }
  if (!f.wording) return View::flag(false);
  banner.set("kind", std::string(f.wording->kind));
  banner.set("title", std::string(f.wording->title));
  banner.set("words", std::move(f.words));
  banner.set("date_iso", f.when.is_calendar_day() ? f.when.iso() : std::string());
  banner.set("date_french", f.when.is_calendar_day() ? f.when.french() : std::string());
  banner.set("reference_french", options.reference_date.french());
  return banner;
}

// Every version, newest first as Légifrance lists them, with its page and diff when the site has
// them.
View version_rows(const Corpus& corpus, const SiteOptions& options, const Article& article,
                  const std::string& page_path) {
  View rows = View::list();
  for (std::size_t i = article.versions.size(); i-- > 0;) {
    const Version& v = article.versions[i];
    const std::string& slug = linked_slug(options, v);
    View row;
    row.set("status", status_view(v.status_on_reference_date));
    row.set("dates", dates_view(v));
    row.set_flag("current", static_cast<std::int32_t>(i) == article.on_reference_date.index);
    row.set("href", slug.empty()
                        ? std::string()
                        : relative_href(page_path, version_page_path(corpus, article, slug)));
    row.set_flag("has_text", v.has_text);
    row.set("amended_by", version_amended_by(v));
    const bool has_diff = !slug.empty() && v.diff_base >= 0;
    row.set("summary", has_diff ? diff_summary(v.diff) : std::string());
    row.set("diff_href", has_diff ? relative_href(page_path, diff_page_path(corpus, article, slug))
                                  : std::string());
    rows.push(std::move(row));
  }
  return rows;
}

}  // namespace

void add_history(View& view, const Corpus& corpus, const SiteOptions& options,
                 const Article& article, const std::string& page_path) {
  view.set("banner", banner_view(corpus, options, article, page_path));
  View rows = version_rows(corpus, options, article, page_path);
  // One version without any page says nothing the header does not.
  const std::size_t count = rows.items().size();
  bool worth = count > 1 || (count == 1 && !linked_slug(options, article.versions[0]).empty());
  view.set("versions", std::move(rows));
  view.set_flag("has_versions", worth);
}

const std::vector<std::string_view>& history_field_names() {
  static const std::vector<std::string_view> kNames = {"banner",
                                                       "kind",
                                                       "words",
                                                       "date_iso",
                                                       "date_french",
                                                       "reference_french",
                                                       "successor",
                                                       "upcoming",
                                                       "dates",
                                                       "never_in_force",
                                                       "start_words",
                                                       "end_words",
                                                       "end_derived",
                                                       "has_text",
                                                       "summary",
                                                       "diff_href",
                                                       "version_label",
                                                       "article_href",
                                                       "amended_by",
                                                       "before",
                                                       "after",
                                                       "diff_html",
                                                       "has_changes",
                                                       "has_folds",
                                                       "changes_words",
                                                       "alineas_words",
                                                       "changes",
                                                       "n",
                                                       "last",
                                                       "last_change",
                                                       "spacing_note",
                                                       "beyond_budget",
                                                       "word_by_word",
                                                       "before_html",
                                                       "after_html",
                                                       "redirect_href",
                                                       "identifier",
                                                       "version_links",
                                                       "has_version_links",
                                                       "as_of_french",
                                                       "current_href",
                                                       "earlier",
                                                       "cited_articles",
                                                       "has_cited_articles",
                                                       "cited_version_label",
                                                       "cited_note",
                                                       "cited_as_of_french",
                                                       "date_jump",
                                                       "jump_kind",
                                                       "jump_label",
                                                       "jump_json_html",
                                                       "jump_list_href",
                                                       "jump_list_label"};
  return kNames;
}

}  // namespace legisite
