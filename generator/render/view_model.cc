#include "render/view_model.h"

#include <algorithm>
#include <map>

#include "render/cite.h"
#include "render/edition.h"
#include "render/law_at_date.h"
#include "render/legifrance.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/text_links.h"
#include "render/text_pages.h"
#include "render/version_compare.h"
#include "render/version_pages.h"
#include "render/wording.h"
#include "resolve/history.h"
#include "text/fold.h"
#include "text/french_typography.h"

namespace legisite {

namespace {

// Folder of the theme's static files, as written by render_site.
constexpr std::string_view kStaticDir = "static/";

// A code's top level is h2 under the page's h1, and each level one more, down to h5: deeper
// levels (sous-sections, paragraphes) are list items of their own titled lists, not headings,
// so that heading levels never skip and a long table is not a flood of h6.
constexpr int kDeepestHeadingDepth = 4;
std::string heading_level(int depth) { return std::to_string(depth + 1); }

// The dates of a version as a phrase in pieces, so that templates can wrap each date in <time>:
// "en vigueur depuis le <8 juillet 2013>", "du <12 août 2005> au <8 juillet 2013>". False when
// no date is known.
View period_view(const Version& version) {
  // The end the timeline gives (Version::ends_on) when the source wrote none or "no end": the
  // list of versions below says the same.
  const Date last = version.end.is_calendar_day() ? version.end : version.ends_on;
  bool start = version.start.known() && !version.start.is_deferred();
  bool end = last.is_calendar_day();
  if (!start && !end) return View::flag(false);
  bool in_force = version.status_on_reference_date == ArticleStatus::kVigueur;
  bool deferred = version.status_on_reference_date == ArticleStatus::kVigueurDiff;
  View v;
  std::string since = in_force   ? "en vigueur depuis le"
                      : deferred ? "en vigueur à compter du"
                      : end      ? "du"
                                 : "à compter du";
  // The separator before the end date travels with its words: there is none without a start.
  std::string until = !start ? "jusqu’au" : (in_force || deferred) ? ", jusqu’au" : " au";
  v.set("since_words", start ? since : std::string());
  v.set("start_iso", start ? version.start.iso() : std::string());
  v.set("start_french", start ? version.start.french() : std::string());
  v.set("until_words", end ? until : std::string());
  v.set("end_iso", end ? last.iso() : std::string());
  v.set("end_french", end ? last.french() : std::string());
  return v;
}

// The type an entry of "Liens relatifs" shows before its text, in French: none when its group's
// heading already says it ("MODIFIE" under "Modifié par"), Légifrance's token otherwise unknown.
std::string link_type_shown(const Link& link) {
  std::string_view word = link_type_word(link.link_type);
  std::string_view implied = link_group_type_word(link.group);
  if (!word.empty()) return word == implied ? std::string() : std::string(word);
  // A type already written in words (Markdown exports: "Modifié par") is shown unless the
  // heading says it.
  if (fold_for_matching(link.link_type) == fold_for_matching(link_group_label(link.group)))
    return {};
  return link.link_type;
}

// One entry of "Liens relatifs": a link to the cited article's page when the corpus has it, a
// link to Légifrance when the source gave an identifier, else the text as written.
View link_entry_view(const Corpus& corpus, const SiteOptions& options, const std::string& page_path,
                     const Link& link) {
  std::string text = link.text;
  if (text.empty()) {
    text = link.text_title;
    if (!link.article_number.empty())
      text += (text.empty() ? "art. " : " - art. ") + link.article_number;
  }
  if (text.empty()) text = link.target_id;
  std::string href, version_french;
  bool external = false;
  if (link.resolved.valid() && link.resolved.value < corpus.articles().size()) {
    const Article& target = corpus.article(link.resolved);
    // A link whose id names one version of the article (Légifrance's "Cite" lists several of
    // one article) leads to that version, dated, so that the entries differ.
    if (const Version* named = linked_version(corpus, options, link)) {
      href = relative_href(page_path, version_page_path(corpus, target, named->slug));
      version_french = named->start.french();
    } else if (has_article_page(corpus, target)) {
      href = relative_href(page_path, article_page_path(corpus, target));
    }
  }
  // A text that amended the code has its own page, listing what it did, in a site with history.
  if (const std::string text_page = linked_text_page(options, link);
      href.empty() && !text_page.empty())
    href = relative_href(page_path, text_page);
  if (href.empty()) {
    href = legifrance_url(link.target_id, link.names_code());
    external = !href.empty();
  }
  View v;
  v.set("link_type", link_type_shown(link));
  v.set("text", without_empty_parentheses(text));
  v.set("href", std::move(href));
  v.set("version_french", std::move(version_french));
  v.set_flag("external", external);
  std::string_view mark_words = status_mark_words(link.status_mark);
  v.set("status_mark", mark_words.empty() ? link.status_mark : std::string(mark_words));
  return v;
}

View link_groups_view(const Corpus& corpus, const SiteOptions& options,
                      const std::string& page_path, const Version& version) {
  // Known groups in the canonical order of LinkGroup; unknown labels after them, each its own
  // group in the order first met, shown as written.
  struct Bucket {
    LinkGroup group;
    std::string label;
    std::vector<const Link*> links;
  };
  std::vector<Bucket> buckets;
  for (const Link& link : version.links) {
    std::string label =
        link.group == LinkGroup::kOther
            ? (link.label.empty() ? std::string(link_group_label(link.group)) : link.label)
            : std::string(link_group_label(link.group));
    auto it = std::find_if(buckets.begin(), buckets.end(), [&](const Bucket& b) {
      return b.group == link.group && b.label == label;
    });
    if (it == buckets.end()) {
      buckets.push_back({link.group, std::move(label), {}});
      it = buckets.end() - 1;
    }
    it->links.push_back(&link);
  }
  std::stable_sort(buckets.begin(), buckets.end(), [](const Bucket& a, const Bucket& b) {
    return static_cast<int>(a.group) < static_cast<int>(b.group);
  });
  View groups = View::list();
  for (const Bucket& b : buckets) {
    View g;
    g.set("label", b.label);
    g.set("token", std::string(link_group_token(b.group)));
    View& entries = g.set("entries", View::list());
    for (const Link* link : b.links)
      entries.push(link_entry_view(corpus, options, page_path, *link));
    groups.push(std::move(g));
  }
  return groups;
}

// What the headings and state marks of a version's "Liens relatifs" mean, for those it has.
View link_legend_view(const Version& version) {
  View legend = View::list();
  auto add = [&](std::string term, std::string_view words) {
    for (const View& item : legend.items())
      if (item.text_of("term") == term) return;
    View item;
    item.set("term", std::move(term));
    item.set("words", std::string(words));
    legend.push(std::move(item));
  };
  std::vector<LinkGroup> groups;
  for (const Link& link : version.links) groups.push_back(link.group);
  std::sort(groups.begin(), groups.end());
  for (LinkGroup g : groups) add(std::string(link_group_label(g)), wording::link_group_meaning(g));
  for (const Link& link : version.links) {
    if (link.status_mark.empty()) continue;
    std::string_view words = status_mark_words(link.status_mark);
    add("(" + (words.empty() ? link.status_mark : std::string(words)) + ")",
        words.empty() ? wording::kUnknownStatusMark : wording::kStatusMark);
  }
  return legend;
}

// "Cité par": every article of the corpus whose links or text cite this one, grouped by code (its
// own code first, then the others in corpus order), each citing article once with the groups it
// cites from ("Cite", "Nouveaux textes", and "Texte" for a citation in its running text, listed
// last). When the citing article's citing versions applied: "depuis le 1er janvier 2026", "du 8
// juillet 2013 au 9 mai 2017" (first start to the end of the last one), "" when no start is known.
std::string citing_period(const Article& from, const std::vector<std::uint32_t>& versions) {
  Date first, until;
  bool open = false;
  for (std::uint32_t index : versions) {
    const Version& v = from.versions[index];
    if (!v.start.known() || v.start.is_deferred()) continue;
    if (!first.known() || v.start < first) first = v.start;
    if (Date end = applies_until(v); !end.known())
      open = true;
    else if (!until.known() || until < end)
      until = end;
  }
  if (!first.known()) return {};
  if (open || !until.known()) return "depuis le " + first.french();
  return "du " + first.french() + " au " + until.french();
}

// One article citing the article a page is about: how (each metadata group's label, "Texte"
// for its text) and in which of its versions.
struct Citer {
  ArticleId from;
  std::vector<std::pair<int, std::string>> via;  // (group order, label), deduplicated below
  std::vector<std::uint32_t> versions;           // the citing versions, as backlinks list them
};

// Who cites `article`, by the citer's code, each citer once, in the order of its first backlink.
std::map<std::uint32_t, std::vector<Citer>> citers_by_code(const Corpus& corpus,
                                                           const LinkGraph& graph,
                                                           ArticleId article) {
  // Citations in the text come after every metadata group.
  constexpr int kTextOrder = static_cast<int>(LinkGroup::kOther) + 1;
  std::map<std::uint32_t, std::vector<Citer>> by_code;
  for (const Backlink& b : graph.cited_by[article.value]) {
    if (!b.from.valid() || b.from.value >= corpus.articles().size()) continue;
    const Article& from = corpus.article(b.from);
    if (b.version >= from.versions.size()) continue;
    const Version& version = from.versions[b.version];
    if (b.link >= (b.in_text ? version.text_citations.size() : version.links.size())) continue;
    int order = kTextOrder;
    std::string label = "Texte";
    if (!b.in_text) {
      const Link& link = version.links[b.link];
      order = static_cast<int>(link.group);
      label = link.group == LinkGroup::kOther && !link.label.empty()
                  ? link.label
                  : std::string(link_group_label(link.group));
    }
    auto& citers = by_code[from.code.value];
    auto it = std::find_if(citers.begin(), citers.end(),
                           [&](const Citer& c) { return c.from == b.from; });
    if (it == citers.end()) {
      citers.push_back({b.from, {}, {}});
      it = citers.end() - 1;
    }
    it->via.emplace_back(order, std::move(label));
    if (std::find(it->versions.begin(), it->versions.end(), b.version) == it->versions.end())
      it->versions.push_back(b.version);
  }
  return by_code;
}

View citer_view(const Corpus& corpus, const std::string& page_path, Citer& c) {
  const Article& from = corpus.article(c.from);
  std::sort(c.via.begin(), c.via.end());
  c.via.erase(std::unique(c.via.begin(), c.via.end()), c.via.end());
  std::string via;
  for (const auto& [order, label] : c.via) via += (via.empty() ? "" : ", ") + label;
  View e;
  e.set("number", from.number.text());
  e.set("heading", heading_for(from.number));
  e.set("href", from.slug.empty() ? std::string()
                                  : relative_href(page_path, article_page_path(corpus, from)));
  e.set("via", std::move(via));
  e.set("cited_when", citing_period(from, c.versions));
  return e;
}

View cited_by_view(const Corpus& corpus, const LinkGraph& graph, const std::string& page_path,
                   ArticleId article) {
  View groups = View::list();
  if (article.value >= graph.cited_by.size()) return groups;
  std::map<std::uint32_t, std::vector<Citer>> by_code = citers_by_code(corpus, graph, article);
  // The article's own code first, then the others in corpus order.
  const std::uint32_t own = corpus.article(article).code.value;
  std::vector<std::uint32_t> codes;
  if (by_code.count(own)) codes.push_back(own);
  for (const auto& entry : by_code)
    if (entry.first != own) codes.push_back(entry.first);
  for (std::uint32_t code_value : codes) {
    const Code& code = corpus.code(CodeId(code_value));
    View g;
    g.set("code_title", code.title);
    g.set("code_href", relative_href(page_path, code_page_path(code)));
    View& entries = g.set("entries", View::list());
    for (Citer& c : by_code[code_value]) entries.push(citer_view(corpus, page_path, c));
    groups.push(std::move(g));
  }
  return groups;
}

// "Remplacé par" / "Remplace": the articles of a succession list (LinkGraph::successors or
// predecessors), in the graph's code order; the code is named when it is not the page's own.
View succession_view(const Corpus& corpus, const std::string& page_path, const Article& article,
                     const std::vector<std::vector<ArticleId>>& lists) {
  View entries = View::list();
  if (article.id.value >= lists.size()) return entries;
  for (ArticleId id : lists[article.id.value]) {
    if (!id.valid() || id.value >= corpus.articles().size()) continue;
    const Article& other = corpus.article(id);
    View e;
    e.set("number", other.number.text());
    e.set("heading", heading_for(other.number));
    e.set("href", other.slug.empty() ? std::string()
                                     : relative_href(page_path, article_page_path(corpus, other)));
    e.set("other_code", other.code == article.code ? std::string() : corpus.code(other.code).title);
    entries.push(std::move(e));
  }
  return entries;
}

View neighbour_view(const Corpus& corpus, const std::string& page_path, ArticleId id) {
  const Article& a = corpus.article(id);
  View v;
  v.set("number", a.number.text());
  v.set("heading", heading_for(a.number));
  v.set("href", relative_href(page_path, article_page_path(corpus, a)));
  return v;
}

// How many articles a table lists in `section` and below (the articles with a page).
std::size_t listed_articles(const Corpus& corpus, const Section& section) {
  std::size_t n = 0;
  for (const TocEntry& e : section.toc) {
    if (e.kind == TocEntry::Kind::kSection) {
      n += listed_articles(corpus, corpus.section(SectionId(e.id)));
    } else {
      const Article& a = corpus.article(ArticleId(e.id));
      n += !a.cited_only && !a.slug.empty();
    }
  }
  return n;
}

// A part of a split code, as its code's table lists it: a link to its own page.
View toc_part_view(const Corpus& corpus, const SiteIndex& index, const std::string& page_path,
                   const Section& part, int depth, std::size_t& articles) {
  View v;
  const std::size_t listed = listed_articles(corpus, part);
  set_toc_section_fields(v, part, depth, listed);
  v.set("href", section_href(corpus, index, page_path, part));
  articles += listed;
  return v;
}

// A code's table of contents, or a part's: the law on the reference date, like the article pages
// it links to. A part of a split code below `section` is a link to its own page.
View toc_section_view(const Corpus& corpus, const SiteIndex& index, const std::string& page_path,
                      const Section& section, int depth, std::size_t& articles) {
  View v;
  View& entries = v.set("entries", View::list());
  std::size_t listed = 0;
  for (const TocEntry& e : section.toc) {
    View entry;
    if (e.kind == TocEntry::Kind::kArticle) {
      const Article& a = corpus.article(ArticleId(e.id));
      if (a.cited_only || a.slug.empty()) continue;  // listed apart; never a dead link
      View& art = entry.set("article", View());
      art.set("number", a.number.text());
      art.set("heading", heading_for(a.number));
      art.set("href", relative_href(page_path, article_page_path(corpus, a)));
      art.set("status", state_view(a, a.on_reference_date));
      art.set_flag("no_text", false);     // the article page says itself when it lacks the text
      art.set_flag("day_change", false);  // marks of a dated table (law_at_date.h)
      entry.set_flag("section", false);
      entry.set_flag("part", false);
      ++listed;
    } else if (const Section& s = corpus.section(SectionId(e.id));
               part_of(index, s) == s.id && section.id != s.id) {
      entry.set_flag("article", false);
      entry.set_flag("section", false);
      entry.set("part", toc_part_view(corpus, index, page_path, s, depth + 1, listed));
    } else {
      entry.set_flag("article", false);
      entry.set_flag("part", false);
      entry.set("section", toc_section_view(corpus, index, page_path, s, depth + 1, listed));
    }
    entries.push(std::move(entry));
  }
  v.set_flag("has_entries", !entries.items().empty());
  set_toc_section_fields(v, section, depth, listed);
  articles += listed;
  return v;
}

// The summary at the top of a code's table: its top-level sections and the level below (the
// Parties and their Livres), each linking to its place in the table, or to its own page.
View toc_summary_view(const Corpus& corpus, const SiteIndex& index, const std::string& page_path,
                      const Section& root) {
  View list = View::list();
  auto item = [&](const Section& s) {
    View v;
    v.set("title", s.title.empty() ? std::string("Section") : s.title);
    const bool own_page = part_of(index, s).valid();
    v.set("href", own_page ? section_href(corpus, index, page_path, s) : "#" + s.anchor);
    return v;
  };
  for (const TocEntry& e : root.toc) {
    if (e.kind != TocEntry::Kind::kSection) continue;
    const Section& top = corpus.section(SectionId(e.id));
    View v = item(top);
    View& parts = v.set("parts", View::list());
    for (const TocEntry& c : top.toc)
      if (c.kind == TocEntry::Kind::kSection) parts.push(item(corpus.section(SectionId(c.id))));
    v.set_flag("has_parts", !parts.items().empty());
    list.push(std::move(v));
  }
  return list;
}

// The sections above a page, from the code's top level down to `innermost`, each linking the
// table page that lists it.
View breadcrumb_view(const Corpus& corpus, const SiteIndex& index, const std::string& path,
                     SectionId innermost) {
  View crumbs = View::list();
  for (SectionId sid : corpus.section_path(innermost)) {
    const Section& s = corpus.section(sid);
    View crumb;
    crumb.set("title", s.title.empty() ? std::string("Section") : s.title);
    crumb.set("href", section_href(corpus, index, path, s));
    crumbs.push(std::move(crumb));
  }
  return crumbs;
}

// The articles that replaced `article` and those it replaced.
void add_successions(View& v, const Corpus& corpus, const LinkGraph& links, const std::string& path,
                     const Article& article) {
  const View& successors =
      v.set("successors", succession_view(corpus, path, article, links.successors));
  const View& predecessors =
      v.set("predecessors", succession_view(corpus, path, article, links.predecessors));
  v.set_flag("has_successors", !successors.items().empty());
  v.set_flag("has_predecessors", !predecessors.items().empty());
  v.set_flag("has_succession", !successors.items().empty() || !predecessors.items().empty());
}

// Previous and next in reading order; cited-only articles have no place in it.
void add_neighbours(View& v, const Corpus& corpus, const SiteIndex& index, const std::string& path,
                    ArticleId article_id) {
  std::uint32_t at = article_id.value < index.position.size() ? index.position[article_id.value]
                                                              : SiteIndex::kNoPosition;
  const auto& order = index.reading_order[corpus.article(article_id).code.value];
  bool placed = at != SiteIndex::kNoPosition;
  v.set("prev", placed && at > 0 ? neighbour_view(corpus, path, order[at - 1]) : View::flag(false));
  v.set("next", placed && at + 1 < order.size() ? neighbour_view(corpus, path, order[at + 1])
                                                : View::flag(false));
  v.set_flag("has_neighbours", placed && order.size() > 1);
}

}  // namespace

View status_view(ArticleStatus status) {
  View v;
  v.set("status_label", std::string(status_label(status)));
  v.set("status_token", std::string(status_token(status)));
  v.set_flag("status_known", status != ArticleStatus::kUnknown);
  return v;
}

void set_toc_section_fields(View& view, const Section& section, int depth, std::size_t articles) {
  view.set("title", section.title.empty() ? std::string("Section") : section.title);
  view.set("anchor", section.anchor);
  view.set("level", depth <= kDeepestHeadingDepth ? heading_level(depth) : std::string());
  view.set_flag("toc_heading", depth <= kDeepestHeadingDepth);
  // The Parties stay open; every deeper level is folded, so that the table first reads as its
  // summary and a keyboard does not go through every link to reach the end of the page.
  view.set_flag("toc_open", depth <= 1);
  view.set("toc_count", count_label(articles, "article", "articles"));
}

void add_layout(View& view, const SiteOptions& options, const std::string& page_path,
                const char* kind, std::string title, std::string description) {
  view.set("page_kind", kind);
  view.set("page_title", std::move(title));
  view.set("description", std::move(description));
  view.set("canonical_url", canonical_url(options.base_url, page_path));
  view.set("site_name", options.site_name);
  view.set("generator", options.generator);
  view.set("home_href", relative_href(page_path, home_page_path()));
  // A folder prefix rather than one file's href, so a theme can link any of its static files.
  std::string static_href = relative_href(page_path, std::string(kStaticDir) + "x");
  static_href.pop_back();
  view.set("static_href", std::move(static_href));
}

std::string site_title(const SiteOptions& options, std::string page) {
  return options.site_name.empty() ? page : page + " — " + options.site_name;
}

std::string count_label(std::size_t n, std::string_view one, std::string_view many) {
  std::string out = french_number(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

void plan_table_parts(const Corpus& corpus, const SiteIndex& index, std::vector<PagePlan>& pages) {
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;  // reported by plan_pages
    for (SectionId part : index.table_parts[c.id.value]) {
      PagePlan p(PageKind::kCodePart, c.id, ArticleId(), code_part_path(c, corpus.section(part)));
      p.section = part;
      pages.push_back(std::move(p));
    }
  }
}

std::string section_page_path(const Corpus& corpus, const SiteIndex& index,
                              const Section& section) {
  const Code& code = corpus.code(section.code);
  const SectionId part = part_of(index, section);
  return part.valid() ? code_part_path(code, corpus.section(part)) : code_page_path(code);
}

std::string section_href(const Corpus& corpus, const SiteIndex& index, std::string_view from_page,
                         const Section& section) {
  // A part is its page's subject: its address is the page's.
  const bool part = part_of(index, section) == section.id;
  return relative_href(from_page, section_page_path(corpus, index, section),
                       part ? std::string_view() : std::string_view(section.anchor));
}

namespace {

// Splits the table of each code that lists more than `toc_split` articles: each section of the
// second level (a Livre under its Partie) gets a page, which lists every section below it.
void split_tables(const Corpus& corpus, std::size_t toc_split, SiteIndex& index) {
  index.table_parts.resize(corpus.codes().size());
  index.table_part.assign(corpus.sections().size(), SectionId());
  if (toc_split == 0) return;
  for (const Code& c : corpus.codes()) {
    if (index.reading_order[c.id.value].size() <= toc_split) continue;
    for (const TocEntry& top : corpus.section(c.root).toc) {
      if (top.kind != TocEntry::Kind::kSection) continue;
      for (const TocEntry& e : corpus.section(SectionId(top.id)).toc) {
        if (e.kind != TocEntry::Kind::kSection) continue;
        const SectionId part(e.id);
        index.table_parts[c.id.value].push_back(part);
        std::vector<SectionId> below = {part};  // the part and every section under it
        while (!below.empty()) {
          const Section& s = corpus.section(below.back());
          below.pop_back();
          index.table_part[s.id.value] = part;
          for (const TocEntry& sub : s.toc)
            if (sub.kind == TocEntry::Kind::kSection) below.push_back(SectionId(sub.id));
        }
      }
    }
  }
}

}  // namespace

SiteIndex index_site(const Corpus& corpus, std::size_t toc_split) {
  SiteIndex index;
  index.reading_order.resize(corpus.codes().size());
  index.cited_only.resize(corpus.codes().size());
  index.position.assign(corpus.articles().size(), SiteIndex::kNoPosition);
  for (const Code& c : corpus.codes()) {
    auto& order = index.reading_order[c.id.value];
    for (ArticleId id : corpus.articles_in_code_order(c.id)) {
      if (corpus.article(id).cited_only || index.position[id.value] != SiteIndex::kNoPosition)
        continue;
      index.position[id.value] = static_cast<std::uint32_t>(order.size());
      order.push_back(id);
    }
  }
  for (const Article& a : corpus.articles())
    if (a.cited_only) index.cited_only[a.code.value].push_back(a.id);
  for (auto& list : index.cited_only)
    std::stable_sort(list.begin(), list.end(), [&](ArticleId x, ArticleId y) {
      return compare_code_order(corpus.article(x).number.text(), corpus.article(y).number.text()) <
             0;
    });
  split_tables(corpus, toc_split, index);
  return index;
}

View state_view(const Article& article, VersionOnDate on) {
  // The state of the version the article page shows, as resolve answered it (status_on): the
  // page's badge, its banner, its list of versions and this table say one thing.
  if (on.index < 0) return status_view(ArticleStatus::kUnknown);
  return status_view(article.versions[on.index].status_on_reference_date);
}

const Version* displayed_version(const Article& article) {
  // A source that gives text for one version only (the API's current one) may also list a later,
  // deferred version without text: the page then shows the text it has, as Légifrance does,
  // and the later version stays in the list of versions.
  const Version* latest = nullptr;
  const Version* latest_with_text = nullptr;
  for (const Version& v : article.versions) {
    if (!latest || !(v.start < latest->start)) latest = &v;
    if (v.has_text && (!latest_with_text || !(v.start < latest_with_text->start)))
      latest_with_text = &v;
  }
  return latest_with_text ? latest_with_text : latest;
}

View home_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options) {
  const std::string path = home_page_path();
  View v;
  add_layout(v, options, path, "home", options.site_name.empty() ? "Codes" : options.site_name,
             "Codes juridiques français, article par article, avec leurs versions et leurs liens.");
  View& codes = v.set("codes", View::list());
  std::size_t total = 0;
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    std::size_t articles = index.reading_order[c.id.value].size();
    std::size_t cited = index.cited_only[c.id.value].size();
    total += articles;
    View code;
    code.set("title", c.title);
    code.set("href", relative_href(path, code_page_path(c)));
    code.set("articles_label", count_label(articles, "article", "articles"));
    code.set("cited_only_label", cited == 0 ? std::string()
                                            : count_label(cited, "article cité sans texte",
                                                          "articles cités sans texte"));
    codes.push(std::move(code));
  }
  v.set_flag("has_codes", !codes.items().empty());
  v.set("summary_label", count_label(codes.items().size(), "code", "codes") + ", " +
                             count_label(total, "article", "articles"));
  return v;
}

View code_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
               CodeId code_id) {
  const Code& code = corpus.code(code_id);
  const std::string path = code_page_path(code);
  View v;
  add_layout(v, options, path, "code", site_title(options, code.title),
             code.title + " : table des matières.");
  v.set("code_title", code.title);
  v.set("legifrance_href", legifrance_url(code.legi_id, true));
  v.set("articles_label",
        count_label(index.reading_order[code_id.value].size(), "article", "articles"));
  std::size_t listed = 0;
  v.set("toc", toc_section_view(corpus, index, path, corpus.section(code.root), 0, listed));
  const View& summary =
      v.set("summary", toc_summary_view(corpus, index, path, corpus.section(code.root)));
  v.set_flag("has_summary", !summary.items().empty());
  View& cited = v.set("cited_only_articles", View::list());
  for (ArticleId id : index.cited_only[code_id.value]) {
    const Article& a = corpus.article(id);
    if (a.slug.empty()) continue;
    View e;
    e.set("number", a.number.text());
    e.set("heading", heading_for(a.number));
    e.set("href", relative_href(path, article_page_path(corpus, a)));
    cited.push(std::move(e));
  }
  v.set_flag("has_cited_only", !cited.items().empty());
  v.set("cited_only_label", count_label(cited.items().size(), "article", "articles"));
  add_dated_tocs(v, corpus, options, code_id, path);  // the law as it stood on other dates
  return v;
}

View code_part_view(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
                    const PagePlan& page) {
  const Code& code = corpus.code(page.code);
  const Section& part = corpus.section(page.section);
  const std::string& path = page.path;
  const std::string title = part.title.empty() ? std::string("Section") : part.title;
  View v;
  add_layout(v, options, path, "code-part", site_title(options, title + " — " + code.title),
             code.title + " : " + title + ", table des matières.");
  v.set("code_title", code.title);
  v.set("code_href", relative_href(path, code_page_path(code)));
  v.set("legifrance_href", legifrance_url(code.legi_id, true));
  v.set("title", title);
  v.set("anchor", part.anchor);
  v.set("breadcrumb", breadcrumb_view(corpus, index, path, part.parent));
  std::size_t listed = 0;
  v.set("toc", toc_section_view(corpus, index, path, part, 0, listed));
  v.set("articles_label", count_label(listed, "article", "articles"));
  // The parts before and after this one, as a reader turns the pages of the code's table.
  const std::vector<SectionId>& parts = index.table_parts[code.id.value];
  const auto at = std::find(parts.begin(), parts.end(), part.id);
  auto neighbour = [&](const char* name, const SectionId* id) {
    if (!id) {
      v.set_flag(name, false);
      return;
    }
    const Section& s = corpus.section(*id);
    View n;
    n.set("title", s.title.empty() ? std::string("Section") : s.title);
    n.set("href", section_href(corpus, index, path, s));
    v.set(name, std::move(n));
  };
  const bool listed_part = at != parts.end();
  neighbour("previous_part", listed_part && at != parts.begin() ? &*(at - 1) : nullptr);
  neighbour("next_part", listed_part && at + 1 != parts.end() ? &*(at + 1) : nullptr);
  v.set_flag("has_part_nav", parts.size() > 1);
  return v;
}

View article_view(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                  const SiteOptions& options, ArticleId article_id) {
  const Article& article = corpus.article(article_id);
  const Code& code = corpus.code(article.code);
  const std::string path = article_page_path(corpus, article);
  const std::string heading = heading_for(article.number);
  View v;
  add_layout(v, options, path, "article", site_title(options, heading + " — " + code.title),
             heading + " — " + code.title + ".");
  v.set("number", article.number.text());
  v.set("heading", heading);
  v.set("code_title", code.title);
  v.set("code_href", relative_href(path, code_page_path(code)));
  v.set_flag("cited_only", article.cited_only);
  add_official_link(v, article, version_shown_on_date(article), false);

  v.set("breadcrumb", breadcrumb_view(corpus, index, path, article.section));

  // The version in force on the reference date (README "Versions"), not merely the latest.
  const Version* shown = version_shown_on_date(article);
  v.set("status", status_view(shown ? shown->status_on_reference_date : ArticleStatus::kUnknown));
  v.set("period", shown ? period_view(*shown) : View::flag(false));
  v.set("text_html",
        shown && shown->has_text ? linked_text_html(corpus, path, *shown) : std::string());
  v.set("nota_html", shown ? shown->nota_html : std::string());
  // What the text cites, each member of a range too, leading to the article pages (the law on
  // the reference date, as this page shows it).
  const View& cited =
      v.set("cited_articles", shown && shown->has_text
                                  ? cited_articles(corpus, path, article, *shown, Date())
                                  : View::list());
  v.set_flag("has_cited_articles", !cited.items().empty());
  add_citation(v, corpus, options, article, shown, path);

  // The banner, and the list of versions with their pages and diffs.
  add_history(v, corpus, options, article, path);
  add_date_jump(v, corpus, options, article, path);
  add_version_compare(v, options, article);

  const View& groups =
      v.set("link_groups", shown ? link_groups_view(corpus, options, path, *shown) : View::list());
  v.set_flag("has_links", !groups.items().empty());
  const View& legend = v.set("link_legend", shown ? link_legend_view(*shown) : View::list());
  v.set_flag("has_link_legend", !legend.items().empty());

  const View& citers = v.set("cited_by", cited_by_view(corpus, links, path, article_id));
  v.set_flag("has_cited_by", !citers.items().empty());

  add_successions(v, corpus, links, path, article);
  add_neighbours(v, corpus, index, path, article_id);
  return v;
}

void add_official_link(View& view, const Article& article, const Version* version,
                       bool version_page) {
  // The version's own text when the source gives its id; else the article's (its cid, its
  // latest version's id, the id a citing link gave a cited-only article); else a search.
  std::string href = version ? legifrance_url(version->id, true) : std::string();
  std::string label = version_page && !href.empty() ? "Cette version sur Légifrance"
                                                    : "Texte officiel sur Légifrance";
  if (href.empty()) href = legifrance_url(article.cid, true);
  if (const Version* latest = displayed_version(article); href.empty() && latest)
    href = legifrance_url(latest->id, true);
  if (href.empty()) href = legifrance_url(article.cited_as_id, true);
  if (href.empty()) {
    label = "Rechercher l’article sur Légifrance";
    href = legifrance_search_url(article.number.text());
  }
  view.set("legifrance_href", std::move(href));
  view.set("legifrance_label", std::move(label));
}

const std::vector<std::string_view>& view_field_names() {
  static const std::vector<std::string_view> kNames = {
      // layout
      "page_kind", "page_title", "description", "canonical_url", "site_name", "generator",
      "home_href", "static_href", "main_html", "json_href", "feed_href", "noindex", "json_ld_html",
      // home
      "codes", "has_codes", "summary_label", "title", "href", "articles_label", "cited_only_label",
      // code
      "code_title", "legifrance_href", "legifrance_label", "toc", "no_text", "anchor", "level",
      "toc_heading", "toc_open", "toc_count", "summary", "has_summary", "parts", "has_parts",
      "part", "previous_part", "next_part", "has_part_nav", "entries", "has_entries", "article",
      "section", "cited_only_articles", "has_cited_only",
      // article
      "number", "heading", "code_href", "cited_only", "breadcrumb", "status", "status_label",
      "status_token", "status_known", "period", "since_words", "start_iso", "start_french",
      "until_words", "end_iso", "end_french", "text_html", "nota_html", "versions", "current",
      "has_versions", "link_groups", "has_links", "label", "token", "link_type", "text", "external",
      "status_mark", "cited_by", "has_cited_by", "via", "cited_when", "prev", "next", "link_legend",
      "has_link_legend", "term", "words", "has_neighbours", "successors", "predecessors",
      "has_successors", "has_predecessors", "has_succession", "other_code", "version_french"};
  static const std::vector<std::string_view> kAll = [] {
    std::vector<std::string_view> all = kNames;
    all.insert(all.end(), history_field_names().begin(), history_field_names().end());
    all.insert(all.end(), dated_toc_field_names().begin(), dated_toc_field_names().end());
    all.insert(all.end(), edition_field_names().begin(), edition_field_names().end());
    all.insert(all.end(), search_field_names().begin(), search_field_names().end());
    all.insert(all.end(), citation_field_names().begin(), citation_field_names().end());
    all.insert(all.end(), text_field_names().begin(), text_field_names().end());
    all.insert(all.end(), version_compare_field_names().begin(),
               version_compare_field_names().end());
    return all;
  }();
  return kAll;
}

}  // namespace legisite
