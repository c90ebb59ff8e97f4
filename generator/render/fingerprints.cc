#include "render/fingerprints.h"

#include <algorithm>
#include <set>

#include "parallel/parallel.h"
#include "render/alineas.h"
#include "render/law_at_date.h"
#include "render/render.h"
#include "render/search_index.h"
#include "render/template_check.h"
#include "render/text_pages.h"
#include "render/theme_impl.h"

namespace legisite {

namespace {

// Changes whenever what a fingerprint covers changes, so that records of older rules are not
// trusted.
constexpr std::string_view kRules = "legisite page inputs 11";

Hasher& add_date(Hasher& h, Date d) { return h.add(static_cast<std::uint64_t>(d.days())); }

Hasher& add_int(Hasher& h, std::int64_t n) { return h.add(static_cast<std::uint64_t>(n)); }

// Articles are named in fingerprints by a key of what identifies them on pages (code, slug,
// number, identifiers), never by their id: ids are positions in the corpus, which an article
// added or removed shifts for every article after it.
using ArticleKeys = std::vector<Digest>;

void add_article(Hasher& h, ArticleId id, const ArticleKeys& keys) {
  const bool known = id.valid() && id.value < keys.size();
  h.add(known);
  if (known) h.add(keys[id.value]);
}

// Each function below names every field of the type it hashes in one structured binding, so
// that a field added to a model type fails to compile here ("decomposes into N elements") until
// it is hashed or deliberately left out: a fingerprint that misses a field shown on pages would
// let a build carry over a stale page. Fields left out are named with a trailing underscore.

void add_link(Hasher& h, const Link& l, const ArticleKeys& keys) {
  const auto& [group, label, link_type, text, text_title, article_number, status_mark, target_id,
               direction, date, text_cid, text_nature, text_nor, text_signed, where_, resolved,
               resolved_version, amending_text_slug] = l;
  add_int(h, static_cast<int>(group));
  h.add(label).add(link_type).add(text).add(text_title).add(article_number);
  h.add(status_mark).add(target_id).add(direction);
  add_date(h, date);
  h.add(text_cid).add(text_nature).add(text_nor);
  add_date(h, text_signed);
  add_article(h, resolved, keys);
  add_int(h, resolved_version);
  h.add(amending_text_slug);
}

// What other pages may show about a version: everything but its text, its nota and what is
// computed from them (citations, diff). Where it was read from is shown nowhere.
void add_version_entry(Hasher& h, const Version& v, const ArticleKeys& keys) {
  const auto& [id, start, end, status, has_text, text_html_, nota_html_, links, text_citations_,
               amended_by, source_key, format, origin_, also_from_, slug, diff_base, ends_on, diff_,
               status_on_reference_date] = v;
  h.add(id);
  add_date(h, start);
  add_date(h, end);
  add_int(h, static_cast<int>(status));
  h.add(has_text);
  h.add(links.size());
  for (const Link& l : links) add_link(h, l, keys);
  h.add(amended_by).add(source_key);
  add_int(h, static_cast<int>(format));
  h.add(slug);
  add_int(h, diff_base);
  add_date(h, ends_on);
  add_int(h, static_cast<int>(status_on_reference_date));
}

Digest article_key(const Article& a) {
  Hasher h;
  h.add(a.code.value).add(a.slug).add(a.number.text()).add(a.cid).add(a.cited_as_id);
  return h.finish();
}

// What tables, feeds and other articles' pages may show about an article. Its section, by
// anchor and title: section ids shift as sections are added.
Digest entry_digest(const Corpus& corpus, const Article& a, const ArticleKeys& keys) {
  const auto& [id_, code, section, number, cid, order, versions, cited_only, cited_as_id, slug,
               on_reference_date, successor] = a;
  const auto& [on_index, on_standing] = on_reference_date;
  Hasher h;
  h.add(code.value).add(number.text()).add(cid);
  h.add(section.valid());
  if (section.valid()) h.add(corpus.section(section).anchor).add(corpus.section(section).title);
  add_int(h, order);
  h.add(cited_only).add(cited_as_id).add(slug);
  add_int(h, on_index);
  add_int(h, static_cast<int>(on_standing));
  add_article(h, successor, keys);
  h.add(versions.size());
  for (const Version& v : versions) add_version_entry(h, v, keys);
  return h.finish();
}

void add_citation(Hasher& h, const TextCitation& t, const ArticleKeys& keys) {
  const auto& [begin, end, target, range_targets, external_id, alinea, source_link,
               splits_source_link] = t;
  h.add(begin).add(end);
  add_article(h, target, keys);
  h.add(range_targets.size());
  for (ArticleId r : range_targets) add_article(h, r, keys);
  h.add(external_id);
  add_int(h, alinea);
  h.add(source_link).add(splits_source_link);
}

// A diff's runs are made from the texts of the version and of its base, which the page's
// fingerprint covers: their count stands for them.
void add_diff(Hasher& h, const TextDiff& d) {
  const auto& [runs, words_added, words_removed, punctuation_changed, spacing_changes,
               structure_changed, beyond_budget] = d;
  h.add(runs.size()).add(words_added).add(words_removed).add(punctuation_changed);
  h.add(spacing_changes).add(structure_changed).add(beyond_budget);
}

// All of an article's data: its entry, then its texts and what resolve computed from them.
Digest own_digest(const Article& a, const Digest& entry, const ArticleKeys& keys) {
  Hasher h;
  h.add(entry);
  for (const Version& v : a.versions) {
    h.add(v.text_html).add(v.nota_html);
    h.add(v.text_citations.size());
    for (const TextCitation& t : v.text_citations) add_citation(h, t, keys);
    add_diff(h, v.diff);
  }
  return h.finish();
}

// `jobs` does not change the output (SiteOptions). Some options show on a few pages alone, whose
// own scopes cover what they show: `feed_days` on the feeds, which every build writes, and the
// choice of dated tables (`toc_dates`, `all_toc_dates`) on the code's page and its dated tables,
// which hash the days planned (dated_list). Changing one of those renders no other page again.
void add_options(Hasher& h, const SiteOptions& o) {
  const auto& [base_url, generator, site_name, jobs_, reference_date, history, data_files,
               feed_days_, toc_dates_, all_toc_dates_, toc_split] = o;
  h.add(base_url).add(generator).add(site_name);
  add_date(h, reference_date);
  h.add(history).add(data_files).add(toc_split);
}

// The theme as every page sees it: the names of its templates, partials and static files, which
// decide what the site plans and links. A page holds no static file's bytes: a stylesheet edited
// renders no page again.
void add_theme_names(Hasher& h, const Theme& theme) {
  const Theme::Impl& t = theme.impl();
  for (const auto* templates : {&t.templates, &t.partials}) {
    h.add(templates->size());
    for (const auto& [name, file_] : *templates) h.add(name);
  }
  h.add(t.static_files.size());
  for (const auto& [path, contents_] : t.static_files) h.add(path);
}

// Adds to `names` the partials `source` includes, and those they include; every partial when a
// template changes its delimiters, which scan_template does not follow.
void add_included_partials(const Theme::Impl& t, std::string_view source,
                           std::set<std::string>& names) {
  std::vector<std::string_view> pending{source};
  while (!pending.empty()) {
    std::vector<TemplateTag> tags;
    const bool followed = scan_template(pending.back(), tags);
    pending.pop_back();
    if (!followed) {
      for (const auto& [name, partial_] : t.partials) names.insert(name);
      return;
    }
    for (const TemplateTag& tag : tags) {
      auto it = t.partials.find(tag.name);
      if (tag.kind == TemplateTag::Kind::kPartial && it != t.partials.end() &&
          names.insert(tag.name).second)
        pending.push_back(it->second.source);
    }
  }
}

// What the pages of one kind are rendered with: their template and the layout, with the partials
// those include. A template edited renders again only the pages that use it.
Digest kind_templates(const Theme& theme, PageKind kind) {
  const Theme::Impl& t = theme.impl();
  Hasher h;
  std::set<std::string> partials;
  for (std::string_view name : {page_template(kind), std::string_view("layout")}) {
    h.add(name);
    auto it = t.templates.find(std::string(name));
    if (it == t.templates.end()) continue;
    h.add(it->second.file).add(it->second.source);
    add_included_partials(t, it->second.source, partials);
  }
  for (const std::string& name : partials) {
    const ThemeTemplate& partial = t.partials.at(name);
    h.add(name).add(partial.file).add(partial.source);
  }
  return h.finish();
}

void add_code(Hasher& h, const Code& c) {
  const auto& [id, title, legi_id, root, slug, origin_, data_date, data_date_rule, data_source] = c;
  h.add(id.value).add(title).add(legi_id).add(root.value).add(slug);
  add_date(h, data_date);
  add_int(h, static_cast<int>(data_date_rule));
  h.add(data_source);
}

// What every page naming a text shows of it.
void add_text_facts(Hasher& h, const AmendingText& t) {
  const auto& [title, kind, number, date, legi_id, nature, nor, eli, slug, effects_] = t;
  h.add(title).add(kind).add(number);
  add_date(h, date);
  h.add(legi_id).add(nature).add(nor).add(eli).add(slug);
}

void add_amending_text(Hasher& h, const AmendingText& t, const ArticleKeys& keys) {
  add_text_facts(h, t);
  h.add(t.effects.size());
  for (const TextEffect& e : t.effects) {
    const auto& [article, version, group, provision] = e;
    add_article(h, article, keys);
    add_int(h.add(version), static_cast<int>(group)).add(provision);
  }
}

// What a link to an alinéa of `target` depends on beyond its entry: how many alinéas each of
// its versions has (text_links.h links the alinéa only when the cited version has it).
void add_alinea_counts(Hasher& h, const Article& target) {
  for (const Version& v : target.versions) h.add(v.has_text ? alinea_count(v.text_html) : 0);
}

// Adds the entry of each article of `ids`, once each, as a set: the order in which a page shows
// them comes from data hashed beside (its links, its citations, the link graph's lists).
void add_entries(Hasher& h, const std::vector<std::uint32_t>& ids,
                 const std::vector<Digest>& entries) {
  std::vector<Digest> shown;
  for (std::uint32_t id : ids)
    if (id < entries.size()) shown.push_back(entries[id]);
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  h.add(shown.size());
  for (const Digest& d : shown) h.add(d);
}

// The breadcrumb of an article's page and its data file: each section above it, with the page
// of the table that lists it (its code's, or its part's when the code's table is split).
void add_section_path(Hasher& h, const Corpus& corpus, const SiteIndex& index, const Article& a) {
  const std::vector<SectionId> path = corpus.section_path(a.section);
  h.add(path.size());
  for (SectionId id : path) {
    const Section& s = corpus.section(id);
    h.add(s.title).add(s.legi_id).add(s.anchor);
    const SectionId part = part_of(index, s);
    h.add(part.valid());
    if (part.valid()) h.add(corpus.section(part).anchor);
  }
}

// Previous and next article in its code's reading order, as its page links them.
void add_neighbours(Hasher& h, const SiteIndex& index, const Article& a, const ArticleKeys& keys,
                    std::vector<std::uint32_t>& shown) {
  const std::uint32_t at =
      a.id.value < index.position.size() ? index.position[a.id.value] : SiteIndex::kNoPosition;
  const auto& order = index.reading_order[a.code.value];
  const bool placed = at != SiteIndex::kNoPosition;
  h.add(placed).add(order.size() > 1);
  const ArticleId prev = placed && at > 0 ? order[at - 1] : ArticleId();
  const ArticleId next = placed && at + 1 < order.size() ? order[at + 1] : ArticleId();
  for (ArticleId id : {prev, next}) {
    add_article(h, id, keys);
    if (id.valid()) shown.push_back(id.value);
  }
}

// What the pages about article `a` are made from besides the site's shared basis: all of its
// own data; the entries of the articles they show something of (those its links and its text
// cite, its successor) and the alinéa counts of those its text pinpoints. Its own page
// (`with_graph`) also shows who cites it, replaced it or was replaced by it (and their
// entries), its previous and next articles and its sections; its version, diff and identifier
// pages are built without the link graph and the site index.
Digest article_scope(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                     const ArticleKeys& keys, const std::vector<Digest>& entries,
                     const std::vector<Digest>& own, const Article& a, bool with_graph) {
  Hasher h;
  h.add(own[a.id.value]).add(with_graph);
  std::vector<std::uint32_t> shown, pinpointed;
  auto show = [&](ArticleId id) {
    if (id.valid()) shown.push_back(id.value);
  };
  for (const Version& v : a.versions) {
    for (const Link& l : v.links) show(l.resolved);
    for (const TextCitation& t : v.text_citations) {
      show(t.target);
      for (ArticleId r : t.range_targets) show(r);
      if (t.alinea > 0 && t.target.valid() && t.target.value < own.size())
        pinpointed.push_back(t.target.value);
    }
  }
  show(a.successor);
  std::sort(pinpointed.begin(), pinpointed.end());
  pinpointed.erase(std::unique(pinpointed.begin(), pinpointed.end()), pinpointed.end());
  h.add(pinpointed.size());
  for (std::uint32_t id : pinpointed)
    add_alinea_counts(h.add(keys[id]), corpus.article(ArticleId(id)));
  const std::uint32_t id = a.id.value;
  if (with_graph) {
    const std::size_t citers = id < links.cited_by.size() ? links.cited_by[id].size() : 0;
    h.add(citers);
    for (std::size_t i = 0; i < citers; ++i) {
      const auto& [from, version, link, in_text] = links.cited_by[id][i];
      add_article(h, from, keys);
      h.add(version).add(link).add(in_text);
      show(from);
    }
    for (const auto* lists : {&links.successors, &links.predecessors}) {
      const std::size_t n = id < lists->size() ? (*lists)[id].size() : 0;
      h.add(n);
      for (std::size_t i = 0; i < n; ++i) {
        add_article(h, (*lists)[id][i], keys);
        show((*lists)[id][i]);
      }
    }
    add_neighbours(h, index, a, keys, shown);
    add_section_path(h, corpus, index, a);
  }
  add_entries(h, shown, entries);
  return h.finish();
}

// What an amending text's page shows besides the shared basis: the text, and the entries of
// the articles whose versions it lists.
void add_text_scope(Hasher& h, const AmendingText& text, const ArticleKeys& keys,
                    const std::vector<Digest>& entries) {
  add_amending_text(h, text, keys);
  std::vector<std::uint32_t> listed;
  for (const TextEffect& e : text.effects)
    if (e.article.valid()) listed.push_back(e.article.value);
  add_entries(h, listed, entries);
}

// Marks framing a walk of a table, so that an article the table leaves out adds nothing and the
// rest stays unambiguous.
constexpr std::uint64_t kSectionBegin = 1, kSectionEnd = 2, kArticleLine = 3;

// A section of a table and everything below it, as tables show them: titles and anchors, and
// for each article what `add_line` adds (nothing for one the table leaves out). Sections and
// articles go by anchor and key, never by id, which an addition elsewhere shifts.
template <class AddLine>
void add_table_section(Hasher& h, const Corpus& corpus, const Section& s, const AddLine& add_line) {
  // Ids and orders are positions; children are walked through `toc`.
  const auto& [id_, code_, parent_, title, legi_id, order_, sections_, toc, anchor] = s;
  h.add(kSectionBegin).add(title).add(legi_id).add(anchor);
  for (const TocEntry& e : toc) {
    if (e.kind == TocEntry::Kind::kSection)
      add_table_section(h, corpus, corpus.section(SectionId(e.id)), add_line);
    else
      add_line(h, corpus.article(ArticleId(e.id)));
  }
  h.add(kSectionEnd);
}

// How a code's table is split: the title and anchor of each part with a page of its own. The
// code's page links them; each part's page links those before and after it.
void add_parts(Hasher& h, const Corpus& corpus, const SiteIndex& index, CodeId code) {
  const std::vector<SectionId>& parts = index.table_parts[code.value];
  h.add(parts.size());
  for (SectionId id : parts) h.add(corpus.section(id).title).add(corpus.section(id).anchor);
}

// The days of a code's dated tables, which its page and each of them list, and the first day of
// its date form.
Digest dated_list(const Corpus& corpus, const SiteOptions& options, const Code& code,
                  const std::vector<PagePlan>& pages) {
  Hasher h;
  if (!options.history) return h.finish();
  add_date(h, first_day_in_force(corpus, code.id));
  for (const PagePlan& p : pages)
    if (p.kind == PageKind::kCodeAtDate && p.code == code.id) h.add(p.identifier);
  return h.finish();
}

// What a table of contents shows of an article (toc_section_view, the code's data file, the
// lists of cited-only articles), its place aside: its number, its address and its state on the
// reference date; not its versions' dates, texts or links.
void add_table_entry(Hasher& h, const Article& a) {
  h.add(kArticleLine).add(a.number.text()).add(a.slug).add(a.cited_only);
  const std::int32_t on = a.on_reference_date.index;
  add_int(h, on >= 0 ? static_cast<int>(a.versions[on].status_on_reference_date) : -1);
}

// What a code's page and its data file show besides the shared basis: the whole table with
// every article's table entry (the data file lists them all, a part's articles too), how it is
// split, its cited-only articles and its dated tables.
Digest code_scope(const Corpus& corpus, const SiteIndex& index, const Code& code,
                  const Digest& dated) {
  Hasher h;
  h.add(dated);
  add_parts(h, corpus, index, code.id);
  h.add(index.reading_order[code.id.value].size());
  auto entry = [](Hasher& hh, const Article& a) { add_table_entry(hh, a); };
  add_table_section(h, corpus, corpus.section(code.root), entry);
  for (const Article& a : corpus.articles())
    if (a.code == code.id && a.cited_only) entry(h, a);
  return h.finish();
}

// What the page of one part of a split table shows: the sections above it (its breadcrumb), the
// parts around it, and the part itself with every article's table entry.
Digest part_scope(const Corpus& corpus, const SiteIndex& index, const PagePlan& page) {
  const Section& part = corpus.section(page.section);
  Hasher h;
  add_parts(h, corpus, index, page.code);
  for (SectionId id : corpus.section_path(part.parent))
    h.add(corpus.section(id).title).add(corpus.section(id).anchor);
  add_table_section(h, corpus, part, [](Hasher& hh, const Article& a) { add_table_entry(hh, a); });
  return h.finish();
}

// What the table of a day shows: the code's dated tables, and each article in force that day
// (or whose last version ended that day) with the version it links to and how it changed that
// day; not the other versions' dates, nor the state the article reached later.
Digest dated_scope(const Corpus& corpus, const ArticleKeys& keys, const Digest& dated,
                   const PagePlan& page) {
  const Date date = Date::parse(page.identifier).value_or(Date());
  Hasher h;
  h.add(dated);
  add_table_section(h, corpus, corpus.section(corpus.code(page.code).root),
                    [&](Hasher& hh, const Article& a) {
                      if (a.cited_only || a.slug.empty()) return;
                      const DayEntry on = day_entry(a, date);
                      if (on.index < 0) return;
                      const Version& v = a.versions[on.index];
                      // The key names the article's number and slug.
                      hh.add(kArticleLine).add(keys[a.id.value]).add(v.slug).add(v.has_text);
                      add_int(hh, static_cast<int>(on.change));
                    });
  return h.finish();
}

// What the list of texts and its data file show: each text's facts and how many of its effects
// have a page.
Digest text_index_scope(const Corpus& corpus, const LinkGraph& links) {
  Hasher h;
  h.add(links.amending_texts.size());
  for (const AmendingText& t : links.amending_texts) {
    add_text_facts(h, t);
    h.add(listed_effects(corpus, t));
  }
  return h.finish();
}

// What the home page shows besides the shared basis: how many articles each code has, with text
// and cited only, and how many texts the list of texts has.
Digest home_scope(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                  const SiteOptions& options) {
  Hasher h;
  for (const Code& c : corpus.codes())
    h.add(index.reading_order[c.id.value].size()).add(index.cited_only[c.id.value].size());
  h.add(has_text_pages(links, options) ? links.amending_texts.size() : 0);
  return h.finish();
}

constexpr std::size_t kArticlesPerChunk = 64;

// What each article is, by ArticleId: how fingerprints name it, its entry (what tables and other
// articles' pages show of it) and all of its own data.
struct ArticleDigests {
  ArticleKeys keys;
  std::vector<Digest> entries, own;
};

ArticleDigests article_digests(const Corpus& corpus, std::size_t jobs) {
  const auto& articles = corpus.articles();
  ArticleDigests d{ArticleKeys(articles.size()), std::vector<Digest>(articles.size()),
                   std::vector<Digest>(articles.size())};
  for_each_chunk(jobs, articles.size(), kArticlesPerChunk, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) d.keys[i] = article_key(articles[i]);
  });
  for_each_chunk(jobs, articles.size(), kArticlesPerChunk, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      d.entries[i] = entry_digest(corpus, articles[i], d.keys);
      d.own[i] = own_digest(articles[i], d.entries[i], d.keys);
    }
  });
  return d;
}

// What the pages about each article show besides the shared basis, by ArticleId: its own page,
// and its other pages (versions, diffs, identifier redirects).
struct ArticleScopes {
  std::vector<Digest> page, other;
};

ArticleScopes article_scopes(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                             const ArticleDigests& a, std::size_t jobs) {
  const auto& articles = corpus.articles();
  ArticleScopes s{std::vector<Digest>(articles.size()), std::vector<Digest>(articles.size())};
  for_each_chunk(jobs, articles.size(), kArticlesPerChunk, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      s.page[i] = article_scope(corpus, index, links, a.keys, a.entries, a.own, articles[i], true);
      s.other[i] =
          article_scope(corpus, index, links, a.keys, a.entries, a.own, articles[i], false);
    }
  });
  return s;
}

// What every page depends on besides `data` (the program and the options): the names in the
// theme and the codes (every page may link a code's page or name its title and edition).
Digest shared_basis(const Corpus& corpus, const Theme& theme, const Digest& data) {
  Hasher h;
  h.add(data);
  add_theme_names(h, theme);
  h.add(corpus.codes().size());
  for (const Code& c : corpus.codes()) add_code(h, c);
  return h.finish();
}

// The scopes of the pages about no one article or text, those of one code by CodeId.
struct TableScopes {
  std::vector<Digest> dated, codes;
  Digest home, search, texts;
};

TableScopes table_scopes(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                         const SiteOptions& options, const std::vector<PagePlan>& pages) {
  TableScopes t;
  t.dated.resize(corpus.codes().size());
  t.codes.resize(corpus.codes().size());
  for (const Code& c : corpus.codes()) {
    t.dated[c.id.value] = dated_list(corpus, options, c, pages);
    t.codes[c.id.value] = code_scope(corpus, index, c, t.dated[c.id.value]);
  }
  t.home = home_scope(corpus, index, links, options);
  t.search = Hasher().add(search_has_versions(corpus, options)).finish();
  t.texts = text_index_scope(corpus, links);
  return t;
}

// What a page about no one article or text shows besides the shared basis.
Digest table_scope(const Corpus& corpus, const SiteIndex& index, const ArticleKeys& keys,
                   const TableScopes& t, const PagePlan& p) {
  switch (p.kind) {
    case PageKind::kCode:
      return t.codes[p.code.value];
    case PageKind::kCodePart:
      return part_scope(corpus, index, p);
    case PageKind::kCodeAtDate:
      return dated_scope(corpus, keys, t.dated[p.code.value], p);
    case PageKind::kHome:
      return t.home;
    case PageKind::kSearch:
      return t.search;
    case PageKind::kTextIndex:
      return t.texts;
    case PageKind::kNotFound:
    case PageKind::kArticle:  // these four and a text's page have scopes of their own
    case PageKind::kVersion:
    case PageKind::kVersionDiff:
    case PageKind::kIdRedirect:
    case PageKind::kAmendingText:
      break;
  }
  return Hasher().finish();
}

}  // namespace

std::string format_page_inputs(const PageFingerprints& pages) {
  std::string out;
  out.reserve(pages.size() * 120);
  for (const auto& [path, digest] : pages) {
    out += path;
    out += '\t';
    out += digest.hex();
    out += '\n';
  }
  return out;
}

std::optional<PageFingerprints> parse_page_inputs(std::string_view text) {
  PageFingerprints out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) return std::nullopt;
    auto digest = Digest::from_hex(line.substr(tab + 1));
    if (!digest) return std::nullopt;
    out.emplace(std::string(line.substr(0, tab)), *digest);
  }
  return out;
}

SiteFingerprints site_fingerprints(const Corpus& corpus, const SiteIndex& index,
                                   const LinkGraph& links, const Theme& theme,
                                   const SiteOptions& options, const Digest& program,
                                   const std::vector<PagePlan>& pages) {
  // The graph's and the index's fields, named so that a new one is weighed here (the guard
  // above): article_scope hashes what article pages show of them (citers, successions, reading
  // order, each section's table part); the link report is shown on no page; the amending
  // texts on their own pages and on the list of texts; the cited-only lists and the table parts
  // on the table pages (code_scope, part_scope) and the home page.
  [[maybe_unused]] const auto& [cited_by_, successors_, predecessors_, report_, amending_texts_] =
      links;
  [[maybe_unused]] const auto& [reading_order_, cited_only_, position_, table_parts_, table_part_] =
      index;
  const auto& articles = corpus.articles();
  const ArticleDigests a = article_digests(corpus, options.jobs);
  Hasher data_basis;
  data_basis.add(kRules).add(program);
  add_options(data_basis, options);
  const Digest data = data_basis.finish();
  const Digest shared = shared_basis(corpus, theme, data);
  std::vector<Digest> templates(static_cast<std::size_t>(PageKind::kNotFound) + 1);
  for (std::size_t k = 0; k < templates.size(); ++k)
    templates[k] = kind_templates(theme, static_cast<PageKind>(k));
  const TableScopes tables = table_scopes(corpus, index, links, options, pages);

  const ArticleScopes scopes = article_scopes(corpus, index, links, a, options.jobs);
  SiteFingerprints prints;
  prints.articles.resize(articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i)
    prints.articles[i] = Hasher().add(data).add(a.own[i]).finish();
  std::vector<Digest>& out = prints.pages;
  out.resize(pages.size());
  // A page's fingerprint is a few hashes of digests made above: far cheaper than an article's.
  constexpr std::size_t kPagesPerTask = 256;
  for_each_chunk(options.jobs, pages.size(), kPagesPerTask, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      // A part's page goes by its path and scope, not by its section's id (a position).
      const auto& [kind, code, article, path, version, target, identifier, text, section_] =
          pages[i];
      const bool about_article = article.valid() && article.value < articles.size();
      const bool about_text = kind == PageKind::kAmendingText && text >= 0 &&
                              static_cast<std::size_t>(text) < links.amending_texts.size();
      // The article's and the text's positions are left out (an article or a text added before
      // them shifts them): the path and the scope say what the page is about.
      Hasher h;
      h.add(shared).add(templates[static_cast<std::size_t>(kind)]);
      add_int(h, static_cast<int>(kind));
      h.add(code.value).add(path);
      add_int(h, version);
      h.add(target).add(identifier);
      if (about_article)
        h.add(kind == PageKind::kArticle ? scopes.page[article.value]
                                         : scopes.other[article.value]);
      else if (about_text)
        add_text_scope(h, links.amending_texts[text], a.keys, a.entries);
      else
        h.add(table_scope(corpus, index, a.keys, tables, pages[i]));
      out[i] = h.finish();
    }
  });
  return prints;
}

}  // namespace legisite
