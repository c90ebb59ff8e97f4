#include "render/open_data.h"

#include <algorithm>
#include <set>

#include "render/json_writer.h"
#include "render/legifrance.h"
#include "render/pages.h"
#include "render/text_links.h"
#include "render/text_pages.h"
#include "render/version_pages.h"
#include "resolve/history.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// Data files give absolute addresses (below --base-url) rather than relative ones: a client reads
// them without knowing where the file it holds came from.
std::string url_of(const SiteOptions& options, std::string_view page_path) {
  return canonical_url(options.base_url, page_path);
}

void write_date(JsonWriter& w, Date d) { w.string_or_null(d.known() ? d.iso() : std::string()); }

// The end a reader should take: the source's real end, else the one the timeline implies.
Date end_of(const Version& v) { return v.end.is_calendar_day() ? v.end : v.ends_on; }

void write_code_ref(JsonWriter& w, const SiteOptions& options, const Code& code) {
  w.begin_object();
  w.key("title").string(code.title);
  w.key("slug").string(code.slug);
  w.key("url").string(url_of(options, code_page_path(code)));
  w.end_object();
}

// {code, number, slug, url} of an article of the site, null when it has no page.
void write_article_ref(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                       ArticleId id) {
  if (!id.valid() || id.value >= corpus.articles().size() ||
      !has_article_page(corpus, corpus.article(id))) {
    w.null();
    return;
  }
  const Article& a = corpus.article(id);
  w.begin_object();
  w.key("code").string(corpus.code(a.code).slug);
  w.key("number").string(a.number.text());
  w.key("slug").string(a.slug);
  w.key("url").string(url_of(options, article_page_path(corpus, a)));
  w.end_object();
}

// The page of the version of `target` in force on `as_of`, as a version page links it; null when
// none applied then or it has no page.
void write_dated_url(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                     ArticleId target, Date as_of) {
  if (!options.history || !target.valid() || target.value >= corpus.articles().size()) {
    w.null();
    return;
  }
  // From the site's root, the relative href is the site path itself.
  DatedTarget then = dated_target(corpus, home_page_path(), corpus.article(target), as_of);
  w.string_or_null(then.version >= 0 ? url_of(options, then.href) : std::string());
}

// A link's dated page: the version its id names, as pages lead to it, else the one in force on
// `as_of`.
void write_link_dated_url(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                          const Link& l, Date as_of) {
  if (const Version* named = linked_version(corpus, options, l))
    w.string(url_of(options, version_page_path(corpus, corpus.article(l.resolved), named->slug)));
  else
    write_dated_url(w, corpus, options, l.resolved, as_of);
}

void write_link(JsonWriter& w, const Corpus& corpus, const SiteOptions& options, const Link& l,
                Date as_of) {
  w.begin_object();
  w.key("group").string(link_group_token(l.group));
  w.key("label").string(l.group == LinkGroup::kOther && !l.label.empty()
                            ? std::string_view(l.label)
                            : link_group_label(l.group));
  w.key("type").string_or_null(l.link_type);
  w.key("text").string_or_null(l.text);
  w.key("text_title").string_or_null(l.text_title);
  w.key("article_number").string_or_null(l.article_number);
  w.key("status_mark").string_or_null(l.status_mark);
  w.key("target_id").string_or_null(l.target_id);
  w.key("date");
  write_date(w, l.date);
  w.key("article");
  write_article_ref(w, corpus, options, l.resolved);
  w.key("dated_url");
  write_link_dated_url(w, corpus, options, l, as_of);
  w.key("official_url").string_or_null(legifrance_url(l.target_id, l.names_code()));
  const std::string text_page = linked_text_page(options, l);
  w.key("text_url").string_or_null(text_page.empty() ? std::string() : url_of(options, text_page));
  w.end_object();
}

void write_citation(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                    const Version& v, const TextCitation& t) {
  w.begin_object();
  const bool inside = t.begin <= t.end && t.end <= v.text_html.size();
  w.key("text").string(
      inside ? visible_text(std::string_view(v.text_html).substr(t.begin, t.end - t.begin))
             : std::string());
  w.key("article");
  write_article_ref(w, corpus, options, t.target);
  w.key("range").begin_array();
  for (ArticleId id : t.range_targets) write_article_ref(w, corpus, options, id);
  w.end_array();
  w.key("alinea");
  if (t.alinea > 0)
    w.integer(t.alinea);
  else
    w.null();
  w.key("dated_url");
  write_dated_url(w, corpus, options, t.target, v.start);
  w.key("official_url").string_or_null(legifrance_url(t.external_id, false));
  w.end_object();
}

// What made or changed this version: the history's message, else its "… par" links.
std::string amended_by(const Version& v) {
  if (!v.amended_by.empty()) return v.amended_by;
  std::string out;
  for (const Link& l : v.links) {
    if (l.group != LinkGroup::kCreatedBy && l.group != LinkGroup::kModifiedBy &&
        l.group != LinkGroup::kAbrogatedBy && l.group != LinkGroup::kTransferredBy &&
        l.group != LinkGroup::kCodifiedBy)
      continue;
    std::string text = !l.text.empty() ? l.text : l.text_title;
    if (text.empty()) continue;
    out += (out.empty() ? "" : " ; ") + std::string(link_group_label(l.group)) + " " + text;
  }
  return out;
}

void write_version(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                   const Article& a, std::size_t index) {
  const Version& v = a.versions[index];
  const bool page = options.history && !v.slug.empty();
  w.begin_object();
  w.key("index").integer(static_cast<std::int64_t>(index));
  w.key("id").string_or_null(v.id);
  w.key("slug").string_or_null(page ? v.slug : std::string());
  w.key("url").string_or_null(page ? url_of(options, version_page_path(corpus, a, v.slug))
                                   : std::string());
  w.key("diff_url")
      .string_or_null(page && v.diff_base >= 0 ? url_of(options, diff_page_path(corpus, a, v.slug))
                                               : std::string());
  w.key("start");
  write_date(w, v.start);
  w.key("end");
  write_date(w, v.end);
  w.key("ends_on");
  write_date(w, v.ends_on.is_calendar_day() ? v.ends_on : Date());
  w.key("status").string_or_null(status_code(v.status));
  w.key("state").string_or_null(status_code(v.status_on_reference_date));
  w.key("never_in_force").boolean(never_in_force(v));
  w.key("has_text").boolean(v.has_text);
  const std::string text = v.has_text ? visible_text(v.text_html) : std::string();
  // Both texts, escaped (quotes in attributes, line breaks): an eighth more is usually enough.
  const std::size_t texts = v.text_html.size() + text.size();
  w.reserve(texts + texts / 8 + 4096);
  w.key("text_html").string_or_null(v.has_text ? v.text_html : std::string());
  w.key("text").string_or_null(text);
  w.key("nota_html").string_or_null(v.nota_html);
  w.key("alineas").integer(v.has_text ? alinea_count(v.text_html) : 0);
  w.key("amended_by").string_or_null(amended_by(v));
  w.key("official_url").string_or_null(legifrance_url(v.id, true));
  w.key("links").begin_array();
  for (const Link& l : v.links)
    if (l.group != LinkGroup::kCitedBy) write_link(w, corpus, options, l, v.start);
  w.end_array();
  w.key("citations").begin_array();
  for (const TextCitation& t : v.text_citations) write_citation(w, corpus, options, v, t);
  w.end_array();
  w.end_object();
}

void write_section_path(JsonWriter& w, const Corpus& corpus, const SiteIndex& index,
                        const SiteOptions& options, const Article& a) {
  w.begin_array();
  for (SectionId sid : corpus.section_path(a.section)) {
    const Section& s = corpus.section(sid);
    w.begin_object();
    w.key("title").string(s.title);
    w.key("legi_id").string_or_null(s.legi_id);
    w.key("url").string(url_of(options, section_page_path(corpus, index, s)) + "#" + s.anchor);
    w.end_object();
  }
  w.end_array();
}

// Every LEGIARTI the article is known by: its cid, then each version's id, once each.
void write_ids(JsonWriter& w, const Article& a) {
  std::set<std::string> seen;
  w.begin_array();
  for (const std::string* id : {&a.cid, &a.cited_as_id})
    if (!id->empty() && seen.insert(*id).second) w.string(*id);
  for (const Version& v : a.versions)
    if (!v.id.empty() && seen.insert(v.id).second) w.string(v.id);
  w.end_array();
}

// "Cité par": each citing article once, in the graph's order, with the groups it cites from
// ("Texte" for its running text) and the indexes of its citing versions.
void write_cited_by(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                    const LinkGraph& graph, ArticleId id) {
  struct Citer {
    ArticleId from;
    std::vector<std::string> via;
    std::vector<std::uint32_t> versions;
  };
  std::vector<Citer> citers;
  if (id.value < graph.cited_by.size()) {
    for (const Backlink& b : graph.cited_by[id.value]) {
      if (!b.from.valid() || b.from.value >= corpus.articles().size()) continue;
      const Article& from = corpus.article(b.from);
      if (b.version >= from.versions.size()) continue;
      const Version& v = from.versions[b.version];
      if (b.link >= (b.in_text ? v.text_citations.size() : v.links.size())) continue;
      std::string via = b.in_text ? "Texte" : std::string(link_group_label(v.links[b.link].group));
      auto it = std::find_if(citers.begin(), citers.end(),
                             [&](const Citer& c) { return c.from == b.from; });
      if (it == citers.end()) it = citers.insert(citers.end(), Citer{b.from, {}, {}});
      if (std::find(it->via.begin(), it->via.end(), via) == it->via.end())
        it->via.push_back(std::move(via));
      if (std::find(it->versions.begin(), it->versions.end(), b.version) == it->versions.end())
        it->versions.push_back(b.version);
    }
  }
  w.begin_array();
  for (const Citer& c : citers) {
    w.begin_object();
    w.key("article");
    write_article_ref(w, corpus, options, c.from);
    w.key("via").begin_array();
    for (const std::string& via : c.via) w.string(via);
    w.end_array();
    w.key("versions").begin_array();
    for (std::uint32_t v : c.versions) w.integer(v);
    w.end_array();
    w.end_object();
  }
  w.end_array();
}

void write_article_list(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                        const std::vector<std::vector<ArticleId>>& lists, ArticleId id) {
  w.begin_array();
  if (id.value < lists.size())
    for (ArticleId other : lists[id.value]) write_article_ref(w, corpus, options, other);
  w.end_array();
}

std::string_view standing_token(Standing s) {
  switch (s) {
    case Standing::kInForce:
      return "in_force";
    case Standing::kNotYetInForce:
      return "not_yet_in_force";
    case Standing::kEnded:
      return "ended";
    case Standing::kUndated:
      break;
  }
  return "undated";
}

void write_header(JsonWriter& w, std::string_view schema, const SiteOptions& options,
                  std::string_view page_path) {
  w.key("schema").string(schema);
  w.key("url").string(url_of(options, page_path));
  w.key("reference_date").string(options.reference_date.iso());
}

std::string article_data(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                         const SiteOptions& options, const PagePlan& page) {
  const Article& a = corpus.article(page.article);
  const Version* shown = version_shown_on_date(a);
  JsonWriter w;
  w.begin_object();
  write_header(w, kArticleSchema, options, page.path);
  w.key("code");
  write_code_ref(w, options, corpus.code(a.code));
  w.key("number").string(a.number.text());
  w.key("heading").string(heading_for(a.number));
  w.key("slug").string(a.slug);
  w.key("cid").string_or_null(a.cid);
  w.key("ids");
  write_ids(w, a);
  w.key("cited_only").boolean(a.cited_only);
  w.key("section_path");
  write_section_path(w, corpus, index, options, a);
  w.key("state").string_or_null(shown ? status_code(shown->status_on_reference_date) : "");
  w.key("standing").string(standing_token(a.on_reference_date.standing));
  w.key("shown_version");
  if (a.on_reference_date.index >= 0)
    w.integer(a.on_reference_date.index);
  else
    w.null();
  w.key("alineas").integer(shown && shown->has_text ? alinea_count(shown->text_html) : 0);
  w.key("versions").begin_array();
  for (std::size_t i = 0; i < a.versions.size(); ++i) write_version(w, corpus, options, a, i);
  w.end_array();
  w.key("cited_by");
  write_cited_by(w, corpus, options, links, a.id);
  w.key("successors");
  write_article_list(w, corpus, options, links.successors, a.id);
  w.key("predecessors");
  write_article_list(w, corpus, options, links.predecessors, a.id);
  w.end_object();
  return w.finish();
}

std::string version_data(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const Article& a = corpus.article(page.article);
  JsonWriter w;
  w.begin_object();
  write_header(w, kVersionSchema, options, page.path);
  w.key("code");
  write_code_ref(w, options, corpus.code(a.code));
  w.key("article");
  write_article_ref(w, corpus, options, a.id);
  w.key("version");
  write_version(w, corpus, options, a, static_cast<std::size_t>(page.version));
  w.end_object();
  return w.finish();
}

void write_toc(JsonWriter& w, const Corpus& corpus, const SiteIndex& index,
               const SiteOptions& options, const Section& section) {
  w.begin_array();
  for (const TocEntry& e : section.toc) {
    if (e.kind == TocEntry::Kind::kArticle) {
      const Article& a = corpus.article(ArticleId(e.id));
      if (a.cited_only || !has_article_page(corpus, a)) continue;  // listed apart
      w.begin_object();
      w.key("type").string("article");
      w.key("number").string(a.number.text());
      w.key("slug").string(a.slug);
      w.key("url").string(url_of(options, article_page_path(corpus, a)));
      const std::int32_t on = a.on_reference_date.index;
      w.key("state").string_or_null(on >= 0 ? status_code(a.versions[on].status_on_reference_date)
                                            : std::string_view());
      w.end_object();
    } else {
      const Section& s = corpus.section(SectionId(e.id));
      w.begin_object();
      w.key("type").string("section");
      w.key("title").string(s.title);
      w.key("legi_id").string_or_null(s.legi_id);
      w.key("url").string(url_of(options, section_page_path(corpus, index, s)) + "#" + s.anchor);
      w.key("entries");
      write_toc(w, corpus, index, options, s);
      w.end_object();
    }
  }
  w.end_array();
}

std::string code_data(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
                      const PagePlan& page) {
  const Code& code = corpus.code(page.code);
  JsonWriter w;
  w.begin_object();
  write_header(w, kCodeSchema, options, page.path);
  w.key("title").string(code.title);
  w.key("slug").string(code.slug);
  w.key("legi_id").string_or_null(code.legi_id);
  w.key("official_url").string_or_null(legifrance_url(code.legi_id, true));
  w.key("data_date");
  write_date(w, code.data_date);
  w.key("data_source").string_or_null(code.data_source);
  w.key("articles_url").string(url_of(options, code.slug + "/articles.json"));
  w.key("toc");
  write_toc(w, corpus, index, options, corpus.section(code.root));
  w.key("cited_only").begin_array();
  for (const Article& a : corpus.articles())
    if (a.code == code.id && a.cited_only) write_article_ref(w, corpus, options, a.id);
  w.end_array();
  w.end_object();
  return w.finish();
}

std::string codes_data(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options) {
  JsonWriter w;
  w.begin_object();
  write_header(w, kCodesSchema, options, home_page_path());
  w.key("generator").string(options.generator);
  w.key("codes").begin_array();
  for (const Code& c : corpus.codes()) {
    if (c.slug.empty()) continue;
    w.begin_object();
    w.key("title").string(c.title);
    w.key("slug").string(c.slug);
    w.key("legi_id").string_or_null(c.legi_id);
    w.key("url").string(url_of(options, code_page_path(c)));
    w.key("data_url").string(url_of(options, code_page_path(c)) + "index.json");
    w.key("articles_url").string(url_of(options, c.slug + "/articles.json"));
    w.key("articles").integer(static_cast<std::int64_t>(index.reading_order[c.id.value].size()));
    w.key("cited_only").integer(static_cast<std::int64_t>(index.cited_only[c.id.value].size()));
    w.key("data_date");
    write_date(w, c.data_date);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

void write_compact_article(JsonWriter& w, const Corpus& corpus, const SiteOptions& options,
                           const Article& a) {
  const Version* shown = version_shown_on_date(a);
  w.begin_object();
  w.key("number").string(a.number.text());
  w.key("slug").string(a.slug);
  w.key("url").string(url_of(options, article_page_path(corpus, a)));
  w.key("cited_only").boolean(a.cited_only);
  w.key("state").string_or_null(shown ? status_code(shown->status_on_reference_date) : "");
  w.key("start");
  write_date(w, shown ? shown->start : Date());
  w.key("end");
  write_date(w, shown ? end_of(*shown) : Date());
  w.key("path").begin_array();
  for (SectionId sid : corpus.section_path(a.section)) w.string(corpus.section(sid).title);
  w.end_array();
  w.end_object();
}

std::string articles_data(const Corpus& corpus, const SiteIndex& index, const SiteOptions& options,
                          const Code& code) {
  JsonWriter w;
  w.begin_object();
  w.key("schema").string(kArticlesSchema);
  w.key("url").string(url_of(options, code.slug + "/articles.json"));
  w.key("reference_date").string(options.reference_date.iso());
  w.key("code");
  write_code_ref(w, options, code);
  w.key("articles").begin_array();
  for (const auto* list : {&index.reading_order[code.id.value], &index.cited_only[code.id.value]})
    for (ArticleId id : *list)
      if (has_article_page(corpus, corpus.article(id)))
        write_compact_article(w, corpus, options, corpus.article(id));
  w.end_array();
  w.end_object();
  return w.finish();
}

}  // namespace

bool has_page_data(PageKind kind) {
  return kind == PageKind::kArticle || kind == PageKind::kVersion || kind == PageKind::kCode ||
         kind == PageKind::kAmendingText || kind == PageKind::kTextIndex;
}

std::string page_data_path(std::string_view page_path) {
  constexpr std::string_view kHtml = ".html";
  std::string path(page_path);
  if (path.size() >= kHtml.size() &&
      path.compare(path.size() - kHtml.size(), kHtml.size(), kHtml) == 0)
    path.resize(path.size() - kHtml.size());
  return path + ".json";
}

std::string page_data(const Corpus& corpus, const SiteIndex& index, const LinkGraph& links,
                      const SiteOptions& options, const PagePlan& page) {
  switch (page.kind) {
    case PageKind::kArticle:
      return article_data(corpus, index, links, options, page);
    case PageKind::kVersion:
      return version_data(corpus, options, page);
    case PageKind::kCode:
      return code_data(corpus, index, options, page);
    case PageKind::kAmendingText:
      return text_data(corpus, links, options, page);
    case PageKind::kTextIndex:
      return text_index_data(corpus, links, options);
    default:
      return {};
  }
}

std::vector<SiteFile> site_data_files(const Corpus& corpus, const SiteIndex& index,
                                      const SiteOptions& options) {
  std::vector<SiteFile> files;
  files.push_back({"codes.json", codes_data(corpus, index, options)});
  for (const Code& c : corpus.codes())
    if (!c.slug.empty())
      files.push_back({c.slug + "/articles.json", articles_data(corpus, index, options, c)});
  return files;
}

}  // namespace legisite
