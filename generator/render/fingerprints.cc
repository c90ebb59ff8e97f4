#include "render/fingerprints.h"

#include <algorithm>

#include "parallel/parallel.h"
#include "render/alineas.h"
#include "render/theme_impl.h"

namespace legisite {

namespace {

// Changes whenever what a fingerprint covers changes, so that records of older rules are not
// trusted.
constexpr std::string_view kRules = "legisite page inputs 3";

Hasher& add_date(Hasher& h, Date d) { return h.add(static_cast<std::uint64_t>(d.days())); }

Hasher& add_int(Hasher& h, std::int64_t n) { return h.add(static_cast<std::uint64_t>(n)); }

void add_link(Hasher& h, const Link& l) {
  add_int(h, static_cast<int>(l.group));
  h.add(l.label).add(l.link_type).add(l.text).add(l.text_title).add(l.article_number);
  h.add(l.status_mark).add(l.target_id).add(l.direction);
  add_date(h, l.date);
  h.add(l.text_cid).add(l.text_nature).add(l.text_nor);
  add_date(h, l.text_signed);
  h.add(l.resolved.value).add(l.amending_text_slug);
}

// What other pages may show about a version: everything but its text, its nota and what is
// computed from them (citations, diff). Where it was read from is shown nowhere.
void add_version_entry(Hasher& h, const Version& v) {
  h.add(v.id);
  add_date(h, v.start);
  add_date(h, v.end);
  add_int(h, static_cast<int>(v.status));
  h.add(v.has_text);
  h.add(v.links.size());
  for (const Link& l : v.links) add_link(h, l);
  h.add(v.amended_by).add(v.source_key);
  add_int(h, static_cast<int>(v.format));
  h.add(v.slug);
  add_int(h, v.diff_base);
  add_date(h, v.ends_on);
  add_int(h, static_cast<int>(v.status_on_reference_date));
}

// What tables, feeds and other articles' pages may show about an article.
Digest entry_digest(const Article& a) {
  Hasher h;
  h.add(a.id.value).add(a.code.value).add(a.section.value).add(a.number.text()).add(a.cid);
  add_int(h, a.order);
  h.add(a.cited_only).add(a.cited_as_id).add(a.slug);
  add_int(h, a.on_reference_date.index);
  add_int(h, static_cast<int>(a.on_reference_date.standing));
  h.add(a.successor.value);
  h.add(a.versions.size());
  for (const Version& v : a.versions) add_version_entry(h, v);
  return h.finish();
}

// All of an article's data: its entry, then its texts and what resolve computed from them.
Digest own_digest(const Article& a, const Digest& entry) {
  Hasher h;
  h.add(entry);
  for (const Version& v : a.versions) {
    h.add(v.text_html).add(v.nota_html);
    h.add(v.text_citations.size());
    for (const TextCitation& t : v.text_citations) {
      h.add(t.begin).add(t.end).add(t.target.value).add(t.range_targets.size());
      for (ArticleId r : t.range_targets) h.add(r.value);
      h.add(t.external_id);
      add_int(h, t.alinea);
      h.add(t.source_link).add(t.splits_source_link);
    }
    const TextDiff& d = v.diff;
    h.add(d.runs.size()).add(d.words_added).add(d.words_removed).add(d.punctuation_changed);
    h.add(d.spacing_changes).add(d.structure_changed).add(d.beyond_budget);
  }
  return h.finish();
}

void add_options(Hasher& h, const SiteOptions& o) {
  h.add(o.base_url).add(o.generator).add(o.site_name);
  add_date(h, o.reference_date);
  h.add(o.history).add(o.data_files);
  add_int(h, o.feed_days);
  h.add(o.toc_dates.size());
  for (Date d : o.toc_dates) add_date(h, d);
  h.add(o.all_toc_dates).add(o.toc_split);
}

void add_theme(Hasher& h, const Theme& theme) {
  const Theme::Impl& t = theme.impl();
  for (const auto* templates : {&t.templates, &t.partials}) {
    h.add(templates->size());
    for (const auto& [name, file] : *templates) h.add(name).add(file.file).add(file.source);
  }
  h.add(t.static_files.size());
  for (const auto& [path, contents] : t.static_files) h.add(path).add(contents);
}

// Codes, sections and amending texts, whole: tables, breadcrumbs and text pages show them.
void add_structure(Hasher& h, const Corpus& corpus, const LinkGraph& links) {
  h.add(corpus.codes().size());
  for (const Code& c : corpus.codes()) {
    h.add(c.id.value).add(c.title).add(c.legi_id).add(c.root.value).add(c.slug);
    add_date(h, c.data_date);
    add_int(h, static_cast<int>(c.data_date_rule));
    h.add(c.data_source);
  }
  h.add(corpus.sections().size());
  for (const Section& s : corpus.sections()) {
    h.add(s.id.value).add(s.code.value).add(s.parent.value).add(s.title).add(s.legi_id);
    add_int(h, s.order);
    h.add(s.sections.size());
    for (SectionId child : s.sections) h.add(child.value);
    h.add(s.toc.size());
    for (const TocEntry& e : s.toc) add_int(h, static_cast<int>(e.kind)).add(e.id);
    h.add(s.anchor);
  }
  h.add(links.amending_texts.size());
  for (const AmendingText& t : links.amending_texts) {
    h.add(t.title).add(t.kind).add(t.number);
    add_date(h, t.date);
    h.add(t.legi_id).add(t.nature).add(t.nor).add(t.eli).add(t.slug).add(t.effects.size());
    for (const TextEffect& e : t.effects)
      add_int(h.add(e.article.value).add(e.version), static_cast<int>(e.group));
  }
}

// What a link to an alinéa of `target` depends on beyond its entry: how many alinéas each of
// its versions has (text_links.h links the alinéa only when the cited version has it).
void add_alinea_counts(Hasher& h, const Article& target) {
  for (const Version& v : target.versions) h.add(v.has_text ? alinea_count(v.text_html) : 0);
}

// What the pages about article `a` are made from besides the site's basis (which holds every
// article's entry): all of its own data, and the alinéa counts of the articles its text
// pinpoints. Its own page (`with_graph`) also lists who cites it, replaced it or was replaced
// by it; its version, diff and identifier pages are built without the link graph.
Digest article_scope(const Corpus& corpus, const Article& a, const LinkGraph& links,
                     const std::vector<Digest>& own, bool with_graph) {
  Hasher h;
  h.add(own[a.id.value]).add(with_graph);
  std::vector<std::uint32_t> pinpointed;
  for (const Version& v : a.versions)
    for (const TextCitation& t : v.text_citations)
      if (t.alinea > 0 && t.target.valid() && t.target.value < own.size())
        pinpointed.push_back(t.target.value);
  std::sort(pinpointed.begin(), pinpointed.end());
  pinpointed.erase(std::unique(pinpointed.begin(), pinpointed.end()), pinpointed.end());
  h.add(pinpointed.size());
  for (std::uint32_t id : pinpointed) add_alinea_counts(h.add(id), corpus.article(ArticleId(id)));
  const std::uint32_t id = a.id.value;
  if (!with_graph) return h.finish();
  if (id < links.cited_by.size()) {
    h.add(links.cited_by[id].size());
    for (const Backlink& b : links.cited_by[id])
      h.add(b.from.value).add(b.version).add(b.link).add(b.in_text);
  }
  for (const auto* lists : {&links.successors, &links.predecessors}) {
    const std::size_t n = id < lists->size() ? (*lists)[id].size() : 0;
    h.add(n);
    for (std::size_t i = 0; i < n; ++i) h.add((*lists)[id][i].value);
  }
  return h.finish();
}

constexpr std::size_t kChunk = 64;

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

std::vector<Digest> page_fingerprints(const Corpus& corpus, const LinkGraph& links,
                                      const Theme& theme, const SiteOptions& options,
                                      const Digest& program, const std::vector<PagePlan>& pages) {
  const auto& articles = corpus.articles();
  std::vector<Digest> entries(articles.size()), own(articles.size());
  for_each_chunk(options.jobs, articles.size(), kChunk, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      entries[i] = entry_digest(articles[i]);
      own[i] = own_digest(articles[i], entries[i]);
    }
  });
  Hasher basis;
  basis.add(kRules).add(program);
  add_options(basis, options);
  add_theme(basis, theme);
  add_structure(basis, corpus, links);
  basis.add(entries.size());
  for (const Digest& d : entries) basis.add(d);
  const Digest site = basis.finish();

  // Per article: the scope of its own page, then that of its other pages.
  std::vector<Digest> page_scopes(articles.size()), other_scopes(articles.size());
  for_each_chunk(options.jobs, articles.size(), kChunk, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      page_scopes[i] = article_scope(corpus, articles[i], links, own, true);
      other_scopes[i] = article_scope(corpus, articles[i], links, own, false);
    }
  });
  std::vector<Digest> out(pages.size());
  for_each_chunk(options.jobs, pages.size(), kChunk * 4, [&](const Chunk& c) {
    for (std::size_t i = c.begin; i < c.end; ++i) {
      const PagePlan& p = pages[i];
      Hasher h;
      h.add(site);
      add_int(h, static_cast<int>(p.kind));
      h.add(p.code.value).add(p.article.value).add(p.path);
      add_int(h, p.version);
      h.add(p.target).add(p.identifier);
      add_int(h, p.text);
      h.add(p.section.value);
      if (p.article.valid() && p.article.value < articles.size())
        h.add(p.kind == PageKind::kArticle ? page_scopes[p.article.value]
                                           : other_scopes[p.article.value]);
      out[i] = h.finish();
    }
  });
  return out;
}

}  // namespace legisite
