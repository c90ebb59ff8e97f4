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

// Each function below names every field of the type it hashes in one structured binding, so
// that a field added to a model type fails to compile here ("decomposes into N elements") until
// it is hashed or deliberately left out: a fingerprint that misses a field shown on pages would
// let a build carry over a stale page. Fields left out are named with a trailing underscore.

void add_link(Hasher& h, const Link& l) {
  const auto& [group, label, link_type, text, text_title, article_number, status_mark, target_id,
               direction, date, text_cid, text_nature, text_nor, text_signed, where_, resolved,
               amending_text_slug] = l;
  add_int(h, static_cast<int>(group));
  h.add(label).add(link_type).add(text).add(text_title).add(article_number);
  h.add(status_mark).add(target_id).add(direction);
  add_date(h, date);
  h.add(text_cid).add(text_nature).add(text_nor);
  add_date(h, text_signed);
  h.add(resolved.value).add(amending_text_slug);
}

// What other pages may show about a version: everything but its text, its nota and what is
// computed from them (citations, diff). Where it was read from is shown nowhere.
void add_version_entry(Hasher& h, const Version& v) {
  const auto& [id, start, end, status, has_text, text_html_, nota_html_, links, text_citations_,
               amended_by, source_key, format, origin_, also_from_, slug, diff_base, ends_on, diff_,
               status_on_reference_date] = v;
  h.add(id);
  add_date(h, start);
  add_date(h, end);
  add_int(h, static_cast<int>(status));
  h.add(has_text);
  h.add(links.size());
  for (const Link& l : links) add_link(h, l);
  h.add(amended_by).add(source_key);
  add_int(h, static_cast<int>(format));
  h.add(slug);
  add_int(h, diff_base);
  add_date(h, ends_on);
  add_int(h, static_cast<int>(status_on_reference_date));
}

// What tables, feeds and other articles' pages may show about an article.
Digest entry_digest(const Article& a) {
  const auto& [id, code, section, number, cid, order, versions, cited_only, cited_as_id, slug,
               on_reference_date, successor] = a;
  const auto& [on_index, on_standing] = on_reference_date;
  Hasher h;
  h.add(id.value).add(code.value).add(section.value).add(number.text()).add(cid);
  add_int(h, order);
  h.add(cited_only).add(cited_as_id).add(slug);
  add_int(h, on_index);
  add_int(h, static_cast<int>(on_standing));
  h.add(successor.value);
  h.add(versions.size());
  for (const Version& v : versions) add_version_entry(h, v);
  return h.finish();
}

void add_citation(Hasher& h, const TextCitation& t) {
  const auto& [begin, end, target, range_targets, external_id, alinea, source_link,
               splits_source_link] = t;
  h.add(begin).add(end).add(target.value).add(range_targets.size());
  for (ArticleId r : range_targets) h.add(r.value);
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
Digest own_digest(const Article& a, const Digest& entry) {
  Hasher h;
  h.add(entry);
  for (const Version& v : a.versions) {
    h.add(v.text_html).add(v.nota_html);
    h.add(v.text_citations.size());
    for (const TextCitation& t : v.text_citations) add_citation(h, t);
    add_diff(h, v.diff);
  }
  return h.finish();
}

// `jobs` does not change the output (SiteOptions).
void add_options(Hasher& h, const SiteOptions& o) {
  const auto& [base_url, generator, site_name, jobs_, reference_date, history, data_files,
               feed_days, toc_dates, all_toc_dates, toc_split] = o;
  h.add(base_url).add(generator).add(site_name);
  add_date(h, reference_date);
  h.add(history).add(data_files);
  add_int(h, feed_days);
  h.add(toc_dates.size());
  for (Date d : toc_dates) add_date(h, d);
  h.add(all_toc_dates).add(toc_split);
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

void add_code(Hasher& h, const Code& c) {
  const auto& [id, title, legi_id, root, slug, origin_, data_date, data_date_rule, data_source] = c;
  h.add(id.value).add(title).add(legi_id).add(root.value).add(slug);
  add_date(h, data_date);
  add_int(h, static_cast<int>(data_date_rule));
  h.add(data_source);
}

void add_section(Hasher& h, const Section& s) {
  const auto& [id, code, parent, title, legi_id, order, sections, toc, anchor] = s;
  h.add(id.value).add(code.value).add(parent.value).add(title).add(legi_id);
  add_int(h, order);
  h.add(sections.size());
  for (SectionId child : sections) h.add(child.value);
  h.add(toc.size());
  for (const TocEntry& e : toc) {
    const auto& [kind, entry] = e;
    add_int(h, static_cast<int>(kind)).add(entry);
  }
  h.add(anchor);
}

void add_amending_text(Hasher& h, const AmendingText& t) {
  const auto& [title, kind, number, date, legi_id, nature, nor, eli, slug, effects] = t;
  h.add(title).add(kind).add(number);
  add_date(h, date);
  h.add(legi_id).add(nature).add(nor).add(eli).add(slug).add(effects.size());
  for (const TextEffect& e : effects) {
    const auto& [article, version, group] = e;
    add_int(h.add(article.value).add(version), static_cast<int>(group));
  }
}

// Codes, sections and amending texts, whole: tables, breadcrumbs and text pages show them.
void add_structure(Hasher& h, const Corpus& corpus, const LinkGraph& links) {
  h.add(corpus.codes().size());
  for (const Code& c : corpus.codes()) add_code(h, c);
  h.add(corpus.sections().size());
  for (const Section& s : corpus.sections()) add_section(h, s);
  h.add(links.amending_texts.size());
  for (const AmendingText& t : links.amending_texts) add_amending_text(h, t);
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
    for (const Backlink& b : links.cited_by[id]) {
      const auto& [from, version, link, in_text] = b;
      h.add(from.value).add(version).add(link).add(in_text);
    }
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
      const auto& [kind, code, article, path, version, target, identifier, text, section] =
          pages[i];
      Hasher h;
      h.add(site);
      add_int(h, static_cast<int>(kind));
      h.add(code.value).add(article.value).add(path);
      add_int(h, version);
      h.add(target).add(identifier);
      add_int(h, text);
      h.add(section.value);
      if (article.valid() && article.value < articles.size())
        h.add(kind == PageKind::kArticle ? page_scopes[article.value]
                                         : other_scopes[article.value]);
      out[i] = h.finish();
    }
  });
  return out;
}

}  // namespace legisite
