#include "render/version_pages.h"

#include <algorithm>
#include <set>

#include "render/legifrance.h"
#include "render/text_links.h"
#include "render/view_model.h"
#include "resolve/history.h"
#include "resolve/text_diff.h"

namespace legisite {

namespace {




bool real_day(Date d) { return d.known() && !d.is_deferred() && !d.is_no_end(); }

// The dates of one version, every case spelt out: LEGI's sentinels become words, not years.
View dates_view(const Version& v) {
  View out;
  bool never = never_in_force(v);
  // The MODIFIE_MORT_NE label already says it.
  out.set_flag("never_in_force", never && v.status != ArticleStatus::kModifieMortNe);
  out.set("start_iso", real_day(v.start) ? v.start.iso() : std::string());
  out.set("start_french", real_day(v.start) ? v.start.french() : std::string());
  out.set("start_words", v.start.is_deferred() ? "entrée en vigueur différée, date inconnue"
                         : v.start.known()     ? ""
                                               : "date de début inconnue");
  out.set("end_iso", real_day(v.end) ? v.end.iso() : std::string());
  out.set("end_french", real_day(v.end) ? v.end.french() : std::string());
  out.set("end_words", v.end.is_no_end()     ? "sans date de fin"
                       : v.end.is_deferred() ? "fin différée, date inconnue"
                       : v.end.known()       ? ""
                                             : "date de fin inconnue");
  return out;
}

// What made or changed this version: the history's commit message, else the "Créé par",
// "Modifié par", "Abrogé par", "Transféré par" entries of its links.
std::string amended_by(const Version& v) {
  if (!v.amended_by.empty()) return v.amended_by;
  std::string out;
  for (const Link& l : v.links) {
    if (l.group != LinkGroup::kCreatedBy && l.group != LinkGroup::kModifiedBy &&
        l.group != LinkGroup::kAbrogatedBy && l.group != LinkGroup::kTransferredBy)
      continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (text.empty()) continue;
    out += (out.empty() ? "" : " ; ") + std::string(link_group_label(l.group)) + " " + text;
  }
  return out;
}

View version_link(const Corpus& corpus, const std::string& from, const Article& article,
                  const std::vector<std::string>& slugs, std::int32_t index) {
  if (index < 0 || slugs[index].empty()) return View::flag(false);
  const Version& v = article.versions[index];
  View out;
  out.set("href", relative_href(from, version_page_path(corpus, article, slugs[index])));
  out.set("label", real_day(v.start) ? "version du " + v.start.french() : std::string("version"));
  return out;
}

std::string article_path(const Corpus& corpus, const Article& a) {
  return corpus.code(a.code).slug + "/" + a.slug + "/index.html";
}

// The links of one version, each resolved one leading to the version of its target that was in
// force when this version started (the law it cited then), with the target's article page as the
// way to the current text. Who cites this version ("Cité par") is the article page's business.
View dated_links(const Corpus& corpus, const std::string& from, const Version& version) {
  View entries = View::list();
  for (const Link& l : version.links) {
    if (l.group == LinkGroup::kCitedBy) continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (!l.article_number.empty() && l.text.empty())
      text += (text.empty() ? "art. " : " - art. ") + l.article_number;
    if (text.empty()) text = l.target_id;
    View e;
    e.set("label", l.group == LinkGroup::kOther && !l.label.empty()
                       ? l.label
                       : std::string(link_group_label(l.group)));
    e.set("text", std::move(text));
    std::string href, current_href, as_of;
    if (l.resolved.valid() && l.resolved.value < corpus.articles().size()) {
      DatedTarget then = dated_target(corpus, from, corpus.article(l.resolved), version.start);
      href = std::move(then.href);
      if (then.version >= 0) {
        current_href = std::move(then.current_href);
        as_of = version.start.french();
      }
    }
    bool external = false;
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

// "Articles cités": every article the version's text cites (each member of a range), once, in
// the order of the text, with where dated_target leads (the version in force on the version's
// first day) and the article page for the text in force now. Other texts are left to the links in
// the text.
View cited_articles(const Corpus& corpus, const std::string& from, const Article& citing,
                    const Version& version) {
  View entries = View::list();
  std::set<std::uint32_t> seen;
  auto add = [&](ArticleId id) {
    if (!id.valid() || id.value >= corpus.articles().size() || !seen.insert(id.value).second) return;
    const Article& target = corpus.article(id);
    DatedTarget then = dated_target(corpus, from, target, version.start);
    if (then.href.empty()) return;  // no page: the text leaves it unlinked too
    View e;
    e.set("heading", heading_for(target.number));
    e.set("other_code", target.code == citing.code ? std::string() : corpus.code(target.code).title);
    e.set("href", then.href);
    std::string label, note;
    if (then.version >= 0) {
      const Version& v = target.versions[then.version];
      label = "version du " + v.start.french();
      if (!v.has_text) note = "texte non disponible dans cette édition";
    } else if (target.cited_only) {
      note = "cité, sans texte dans cette édition";
    } else if (real_day(version.start) &&
               std::any_of(target.versions.begin(), target.versions.end(),
                           [](const Version& v) { return real_day(v.start); })) {
      note = "aucune version en vigueur le " + version.start.french();
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

// The day a version stops applying as version_on_date reads its dates, "" for none.
std::string jump_end(const Version& v) {
  Date until = applies_until(v);
  return until.known() ? until.iso() : std::string();
}

bool valid_identifier(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

}  // namespace

std::string version_page_path(const Corpus& corpus, const Article& article,
                              const std::string& version_slug) {
  return corpus.code(article.code).slug + "/" + article.slug + "/" + version_slug + "/index.html";
}

std::string diff_page_path(const Corpus& corpus, const Article& article,
                           const std::string& version_slug) {
  return corpus.code(article.code).slug + "/" + article.slug + "/" + version_slug +
         "/diff/index.html";
}

DatedTarget dated_target(const Corpus& corpus, std::string_view from, const Article& target,
                         Date as_of) {
  DatedTarget out;
  if (target.slug.empty() || corpus.code(target.code).slug.empty()) return out;
  out.current_href = relative_href(from, article_path(corpus, target));
  out.href = out.current_href;
  if (!real_day(as_of)) return out;
  VersionOnDate then = version_on_date(target, as_of);
  if (then.standing != Standing::kInForce) return out;  // its page says why none applied
  const std::string slug = version_slug(target, static_cast<std::size_t>(then.index));
  if (slug.empty()) return out;
  out.href = relative_href(from, version_page_path(corpus, target, slug));
  out.version = then.index;
  return out;
}

std::string id_page_path(const std::string& identifier) { return "id/" + identifier + "/index.html"; }

void plan_history_pages(const Corpus& corpus, std::vector<PagePlan>& pages) {
  std::set<std::string> ids;
  std::vector<PagePlan> redirects;
  auto has_page = [&](const Article& a) {
    return !a.slug.empty() && !corpus.code(a.code).slug.empty();
  };
  for (const Article& a : corpus.articles()) {
    if (!has_page(a)) continue;
    if (valid_identifier(a.cid) && ids.insert(a.cid).second) {
      PagePlan p{PageKind::kIdRedirect, a.code, a.id, id_page_path(a.cid)};
      p.target = article_path(corpus, a);
      p.identifier = a.cid;
      redirects.push_back(std::move(p));
    }
  }
  for (const Article& a : corpus.articles()) {
    if (!has_page(a)) continue;
    const std::vector<std::string> slugs = version_slugs(a);
    for (std::size_t i = 0; i < a.versions.size(); ++i) {
      const auto index = static_cast<std::int32_t>(i);
      if (!slugs[i].empty()) {
        PagePlan p{PageKind::kVersion, a.code, a.id, version_page_path(corpus, a, slugs[i])};
        p.version = index;
        pages.push_back(std::move(p));
        if (diff_base(a, i) >= 0) {
          PagePlan d{PageKind::kVersionDiff, a.code, a.id, diff_page_path(corpus, a, slugs[i])};
          d.version = index;
          pages.push_back(std::move(d));
        }
      }
      const std::string& id = a.versions[i].id;
      if (valid_identifier(id) && ids.insert(id).second) {
        PagePlan p{PageKind::kIdRedirect, a.code, a.id, id_page_path(id)};
        p.version = index;
        p.target = slugs[i].empty() ? article_path(corpus, a) : version_page_path(corpus, a, slugs[i]);
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
    const std::vector<std::string> slugs = version_slugs(article);
    for (std::size_t i = 0; i < article.versions.size(); ++i) {
      const Version& v = article.versions[i];
      if (slugs[i].empty() || never_in_force(v)) continue;
      if (version_page_path(corpus, article, slugs[i]) == page_path) self = slugs[i];
      json += json.empty() ? "" : ",";
      json += "{\"start\":";
      append_json_string(json, v.start.iso());
      json += ",\"end\":";
      append_json_string(json, jump_end(v));
      if (slugs[i] != v.start.iso()) {
        json += ",\"slug\":";
        append_json_string(json, slugs[i]);
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
  jump.set("jump_json_html", std::move(json));
  view.set("date_jump", std::move(jump));
}

const Version* version_shown_on_date(const Article& article, const SiteOptions& options) {
  VersionOnDate on = version_on_date(article, options.reference_date);
  return on.index < 0 ? nullptr : &article.versions[on.index];
}

View version_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  const Code& code = corpus.code(article.code);
  const Version& v = article.versions[page.version];
  const std::vector<std::string> slugs = version_slugs(article);
  const std::string heading = heading_for(article.number);
  const std::string when = real_day(v.start) ? "version du " + v.start.french() : "version";
  View view;
  add_layout(view, options, page.path, "version", site_title(options, heading + ", " + when + " — " + code.title),
             heading + " du " + code.title + ", " + when + ".");
  view.set("heading", heading);
  view.set("version_label", when);
  view.set("code_title", code.title);
  view.set("code_href", relative_href(page.path, code_page_path(code)));
  view.set("article_href", relative_href(page.path, article_path(corpus, article)));
  view.set("status", status_view(v.status));
  view.set("dates", dates_view(v));
  view.set("amended_by", amended_by(v));
  view.set("text_html",
           v.has_text ? linked_text_html(corpus, options, page.path, v, v.start) : std::string());
  view.set("nota_html", v.nota_html);
  const View& cited =
      view.set("cited_articles", v.has_text ? cited_articles(corpus, page.path, article, v)
                                            : View::list());
  view.set_flag("has_cited_articles", !cited.items().empty());
  view.set("cited_as_of_french", real_day(v.start) ? v.start.french() : std::string());
  view.set("legifrance_href", legifrance_url(v.id, true));
  const View& links = view.set("version_links", dated_links(corpus, page.path, v));
  view.set_flag("has_version_links", !links.items().empty());
  std::int32_t prev = page.version - 1;
  while (prev >= 0 && slugs[prev].empty()) --prev;
  std::int32_t next = page.version + 1;
  while (next < static_cast<std::int32_t>(slugs.size()) && slugs[next].empty()) ++next;
  view.set("prev", version_link(corpus, page.path, article, slugs, prev));
  view.set("next", next < static_cast<std::int32_t>(slugs.size())
                       ? version_link(corpus, page.path, article, slugs, next)
                       : View::flag(false));
  add_date_jump(view, corpus, options, article, page.path);
  bool has_diff = diff_base(article, page.version) >= 0;
  view.set("diff_href", has_diff ? relative_href(page.path, diff_page_path(corpus, article,
                                                                           slugs[page.version]))
                                 : std::string());
  return view;
}

View diff_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  const Code& code = corpus.code(article.code);
  const std::vector<std::string> slugs = version_slugs(article);
  const Version& after = article.versions[page.version];
  const std::int32_t base = diff_base(article, page.version);
  const Version& before = article.versions[base];
  const std::string heading = heading_for(article.number);
  TextDiff diff = diff_texts(before.text_html, after.text_html);
  View view;
  add_layout(view, options, page.path, "diff",
             site_title(options, heading + ", modifications du " + after.start.french() + " — " +
                                     code.title),
             heading + " du " + code.title + " : ce qui a changé le " + after.start.french() + ".");
  view.set("heading", heading);
  view.set("code_title", code.title);
  view.set("code_href", relative_href(page.path, code_page_path(code)));
  view.set("article_href", relative_href(page.path, article_path(corpus, article)));
  view.set("after", version_link(corpus, page.path, article, slugs, page.version));
  view.set("before", version_link(corpus, page.path, article, slugs, base));
  view.set("summary", diff_summary(diff));
  view.set("diff_html", std::move(diff.html));
  view.set("amended_by", amended_by(after));
  return view;
}

View id_redirect_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& article = corpus.article(page.article);
  View view;
  add_layout(view, options, page.path, "redirect", site_title(options, page.identifier),
             "Identifiant Légifrance " + page.identifier + ".");
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

void add_history(View& view, const Corpus& corpus, const LinkGraph& links,
                 const SiteOptions& options, const Article& article, const std::string& page_path) {
  const VersionOnDate on = version_on_date(article, options.reference_date);
  // Without history pages, versions are listed without links (and without diff summaries).
  const std::vector<std::string> slugs =
      options.history ? version_slugs(article) : std::vector<std::string>(article.versions.size());

  // The banner says why the text shown is not simply "the law today".
  View banner = View::flag(false);
  if (on.index >= 0) {
    const Version& shown = article.versions[on.index];
    View b;
    std::string kind, title, words;
    Date when;
    if (on.standing == Standing::kEnded) {
      when = shown.end;
      if (shown.status == ArticleStatus::kTransfere) {
        kind = "transfere", title = "Article transféré", words = "Transféré le";
      } else if (shown.status == ArticleStatus::kAbroge ||
                 shown.status == ArticleStatus::kAbrogeDiff) {
        kind = "abroge", title = "Article abrogé", words = "Abrogé le";
      } else {
        kind = "fin", title = "Article qui n’est plus en vigueur", words = "Plus en vigueur depuis le";
      }
      // No end date (an export that names the transferring text but not when it applied): the
      // text that ended it is what there is to say.
      if (!real_day(when)) {
        words = kind == "transfere" ? "Transféré" : kind == "abroge" ? "Abrogé" : "Plus en vigueur";
        if (const Link* ending = ending_link(shown); ending && !ending->text_title.empty())
          words += " par " + ending->text_title;
      }
      // The first successor with a page (resolve/succession.h lists them in code order).
      const Article* next = nullptr;
      if (article.id.value < links.successors.size())
        for (ArticleId id : links.successors[article.id.value])
          if (!corpus.article(id).slug.empty()) {
            next = &corpus.article(id);
            break;
          }
      if (next) {
        View s;
        s.set("href", relative_href(page_path, article_path(corpus, *next)));
        s.set("label", heading_for(next->number) +
                           (next->code == article.code ? "" : " du " + corpus.code(next->code).title));
        b.set("successor", std::move(s));
      }
    } else if (on.standing == Standing::kNotYetInForce) {
      kind = "differe", title = "Pas encore en vigueur";
      when = shown.start;
      words = shown.start.is_deferred() ? "Entrée en vigueur différée, date inconnue"
                                        : "Entrera en vigueur le";
    } else if (on.standing == Standing::kInForce) {
      // A later version already published: say when the text shown stops applying.
      for (std::size_t i = on.index + 1; i < article.versions.size(); ++i) {
        const Version& later = article.versions[i];
        if (never_in_force(later) || !later.start.known()) continue;
        kind = "differe", title = "Nouvelle version à venir";
        when = later.start;
        words = later.start.is_deferred()
                    ? "Une nouvelle version entrera en vigueur à une date encore inconnue"
                    : "Une nouvelle version entrera en vigueur le";
        if (!slugs[i].empty())
          b.set("upcoming", version_link(corpus, page_path, article, slugs, static_cast<std::int32_t>(i)));
        break;
      }
      // A dump that gives only an older text (the API's, taken before a deferred version began
      // to apply): say so, and lead to the latest text there is.
      if (kind.empty() && !shown.has_text) {
        for (std::size_t i = static_cast<std::size_t>(on.index); i-- > 0;) {
          if (!article.versions[i].has_text || never_in_force(article.versions[i])) continue;
          kind = "sans-texte", title = "Texte non disponible";
          when = shown.start;
          words = "Cette édition ne contient pas le texte en vigueur depuis le";
          if (!slugs[i].empty())
            b.set("earlier", version_link(corpus, page_path, article, slugs, static_cast<std::int32_t>(i)));
          break;
        }
      }
    }
    if (!kind.empty()) {
      b.set("kind", kind);
      b.set("title", title);
      b.set("words", words);
      b.set("date_iso", real_day(when) ? when.iso() : std::string());
      b.set("date_french", real_day(when) ? when.french() : std::string());
      b.set("reference_french", options.reference_date.french());
      banner = std::move(b);
    }
  }
  view.set("banner", std::move(banner));

  // Newest first, as Légifrance lists them.
  View rows = View::list();
  for (std::size_t i = article.versions.size(); i-- > 0;) {
    const Version& v = article.versions[i];
    View row;
    row.set("status", status_view(v.status));
    row.set("dates", dates_view(v));
    row.set_flag("current", static_cast<std::int32_t>(i) == on.index);
    row.set("href", slugs[i].empty()
                        ? std::string()
                        : relative_href(page_path, version_page_path(corpus, article, slugs[i])));
    row.set_flag("has_text", v.has_text);
    row.set("amended_by", amended_by(v));
    std::string summary, diff_href;
    if (!slugs[i].empty()) {
      std::int32_t base = diff_base(article, i);
      if (base >= 0) {
        summary = diff_summary(diff_texts(article.versions[base].text_html, v.text_html));
        diff_href = relative_href(page_path, diff_page_path(corpus, article, slugs[i]));
      }
    }
    row.set("summary", std::move(summary));
    row.set("diff_href", std::move(diff_href));
    rows.push(std::move(row));
  }
  // One version without any page says nothing the header does not.
  bool worth = rows.items().size() > 1 || (rows.items().size() == 1 && !slugs[0].empty());
  view.set("versions", std::move(rows));
  view.set_flag("has_versions", worth);
}

const std::vector<std::string_view>& history_field_names() {
  static const std::vector<std::string_view> kNames = {
      "banner", "kind", "words", "date_iso", "date_french", "reference_french", "successor",
      "upcoming", "dates", "never_in_force", "start_words", "end_words", "has_text", "summary",
      "diff_href", "version_label", "article_href", "amended_by", "before", "after", "diff_html",
      "redirect_href", "identifier", "version_links", "has_version_links", "as_of_french",
      "current_href", "earlier", "cited_articles", "has_cited_articles", "cited_version_label",
      "cited_note", "cited_as_of_french", "date_jump", "jump_kind", "jump_label",
      "jump_json_html"};
  return kNames;
}

}  // namespace legisite
