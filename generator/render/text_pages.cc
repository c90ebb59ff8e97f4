#include "render/text_pages.h"

#include <map>

#include "render/json_writer.h"
#include "render/legifrance.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/structured_data.h"
#include "render/version_pages.h"
#include "render/view_model.h"

namespace legisite {

namespace {

// What the text did, as the heading of a group of its page.
std::string_view effect_heading(LinkGroup g) {
  switch (g) {
    case LinkGroup::kCreatedBy:
      return "Articles créés";
    case LinkGroup::kModifiedBy:
      return "Articles modifiés";
    case LinkGroup::kAbrogatedBy:
      return "Articles abrogés";
    case LinkGroup::kTransferredBy:
      return "Articles transférés";
    default:
      return "Articles codifiés";
  }
}

// The effects of a text grouped by code (corpus order), then by effect (the order of
// LinkGroup), each group keeping the text's order of effects.
std::map<std::uint32_t, std::map<int, std::vector<const TextEffect*>>> grouped(
    const Corpus& corpus, const AmendingText& text) {
  std::map<std::uint32_t, std::map<int, std::vector<const TextEffect*>>> out;
  for (const TextEffect& e : text.effects)
    if (has_article_page(corpus, corpus.article(e.article)))
      out[corpus.article(e.article).code.value][static_cast<int>(e.group)].push_back(&e);
  return out;
}

View effect_view(const Corpus& corpus, const SiteOptions& options, const std::string& path,
                 const TextEffect& e) {
  const Article& a = corpus.article(e.article);
  const Version& v = a.versions[e.version];
  View out;
  out.set("heading", heading_for(a.number));
  out.set("href", relative_href(path, article_page_path(corpus, a)));
  const bool page = options.history && !v.slug.empty();
  out.set("version_href",
          page ? relative_href(path, version_page_path(corpus, a, v.slug)) : std::string());
  out.set("diff_href", page && v.diff_base >= 0
                           ? relative_href(path, diff_page_path(corpus, a, v.slug))
                           : std::string());
  out.set("start_french", v.start.is_calendar_day() ? v.start.french() : std::string());
  out.set("start_iso", v.start.is_calendar_day() ? v.start.iso() : std::string());
  out.set("provision", e.provision);
  // An abrogation or a transfer applied when the version stopped applying.
  const bool ends = e.group == LinkGroup::kAbrogatedBy || e.group == LinkGroup::kTransferredBy;
  out.set("ended_french", ends && v.ends_on.is_calendar_day() ? v.ends_on.french() : std::string());
  out.set("ended_iso", ends && v.ends_on.is_calendar_day() ? v.ends_on.iso() : std::string());
  out.set("ended_word", e.group == LinkGroup::kAbrogatedBy ? "abrogé le" : "transféré le");
  return out;
}

// What the sources say of the text itself, in every data file that names it.
void write_text_facts(JsonWriter& w, const AmendingText& text) {
  w.key("title").string(text.title);
  w.key("slug").string(text.slug);
  w.key("kind").string_or_null(text.kind);
  w.key("number").string_or_null(text.number);
  w.key("date").string_or_null(text.date.known() ? text.date.iso() : std::string());
  w.key("legi_id").string_or_null(text.legi_id);
  w.key("nature").string_or_null(text.nature);
  w.key("nor").string_or_null(text.nor);
  w.key("eli").string_or_null(text.eli);
}

// schema.org Legislation for a text's page: its ELI as identifier when known, else its
// JORFTEXT/LEGITEXT id; Légifrance's addresses as sameAs.
std::string text_json_ld(const SiteOptions& options, const std::string& path,
                         const AmendingText& text) {
  const std::string url = canonical_url(options.base_url, path);
  JsonWriter w;
  begin_legislation(w, url, text.title);
  if (!text.kind.empty()) w.key("legislationType").string(text.kind);
  w.key("legislationJurisdiction").string("FR");
  const std::string& id = !text.eli.empty() ? text.eli : text.legi_id;
  if (!id.empty()) w.key("legislationIdentifier").string(id);
  if (text.date.is_calendar_day()) w.key("legislationDate").string(text.date.iso());
  const std::string official = legifrance_url(text.legi_id, false);
  if (!text.eli.empty() || !official.empty()) {
    w.key("sameAs").begin_array();
    if (!text.eli.empty()) w.string(text.eli);
    if (!official.empty()) w.string(official);
    w.end_array();
  }
  w.end_object();
  return script_safe_json(w.finish());
}

std::string effects_label(std::size_t n) {
  return count_label(n, "version d’article", "versions d’articles");
}

}  // namespace

std::string text_page_path(std::string_view slug) {
  return "textes/" + std::string(slug) + "/index.html";
}
std::string text_page_path(const AmendingText& text) { return text_page_path(text.slug); }
std::string text_index_path() { return "textes/index.html"; }

std::string linked_text_page(const SiteOptions& options, const Link& link) {
  if (!options.history || link.amending_text_slug.empty()) return {};
  return text_page_path(link.amending_text_slug);
}

bool has_text_pages(const LinkGraph& links, const SiteOptions& options) {
  return options.history && !links.amending_texts.empty();
}

void plan_text_pages(const LinkGraph& links, const SiteOptions& options,
                     std::vector<PagePlan>& pages) {
  if (!has_text_pages(links, options)) return;
  pages.push_back({PageKind::kTextIndex, CodeId(), ArticleId(), text_index_path()});
  for (std::size_t i = 0; i < links.amending_texts.size(); ++i) {
    PagePlan p{PageKind::kAmendingText, CodeId(), ArticleId(),
               text_page_path(links.amending_texts[i])};
    p.text = static_cast<std::int32_t>(i);
    pages.push_back(std::move(p));
  }
}

View text_view(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options,
               const PagePlan& page) {
  const AmendingText& text = links.amending_texts[page.text];
  View v;
  add_layout(v, options, page.path, "texte", site_title(options, text.title),
             text.title +
                 " : les articles des codes qu’il a créés, modifiés, abrogés ou "
                 "transférés.");
  v.set("json_ld_html", text_json_ld(options, page.path, text));
  v.set("text_title", text.title);
  v.set("index_href", relative_href(page.path, text_index_path()));
  v.set("legifrance_href", legifrance_url(text.legi_id, false));
  v.set("eli", text.eli);
  View& codes = v.set("text_codes", View::list());
  std::size_t shown = 0;
  for (const auto& [code_value, groups] : grouped(corpus, text)) {
    const Code& code = corpus.code(CodeId(code_value));
    View c;
    c.set("code_title", code.title);
    c.set("code_href", relative_href(page.path, code_page_path(code)));
    View& list = c.set("effect_groups", View::list());
    for (const auto& [group, effects] : groups) {
      View g;
      g.set("label", std::string(effect_heading(static_cast<LinkGroup>(group))));
      View& entries = g.set("entries", View::list());
      for (const TextEffect* e : effects) entries.push(effect_view(corpus, options, page.path, *e));
      shown += effects.size();
      list.push(std::move(g));
    }
    codes.push(std::move(c));
  }
  v.set("effects_label", effects_label(shown));
  return v;
}

std::size_t listed_effects(const Corpus& corpus, const AmendingText& text) {
  std::size_t n = 0;
  for (const TextEffect& e : text.effects) n += has_article_page(corpus, corpus.article(e.article));
  return n;
}

View text_index_view(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options) {
  const std::string path = text_index_path();
  View v;
  add_layout(v, options, path, "textes", site_title(options, "Textes modificatifs"),
             "Les textes qui ont créé, modifié, abrogé ou transféré les articles des codes.");
  v.set("effects_label", count_label(links.amending_texts.size(), "texte", "textes"));
  View& list = v.set("texts", View::list());
  for (const AmendingText& t : links.amending_texts) {
    View e;
    e.set("text_title", t.title);
    e.set("href", relative_href(path, text_page_path(t)));
    e.set("count_label", effects_label(listed_effects(corpus, t)));
    list.push(std::move(e));
  }
  return v;
}

std::string text_data(const Corpus& corpus, const LinkGraph& links, const SiteOptions& options,
                      const PagePlan& page) {
  const AmendingText& text = links.amending_texts[page.text];
  JsonWriter w;
  w.begin_object();
  w.key("schema").string(kTextSchema);
  w.key("url").string(canonical_url(options.base_url, page.path));
  w.key("reference_date").string(options.reference_date.iso());
  write_text_facts(w, text);
  w.key("official_url").string_or_null(legifrance_url(text.legi_id, false));
  w.key("effects").begin_array();
  for (const TextEffect& e : text.effects) {
    const Article& a = corpus.article(e.article);
    if (!has_article_page(corpus, a)) continue;
    const Version& v = a.versions[e.version];
    const bool vpage = options.history && !v.slug.empty();
    w.begin_object();
    w.key("effect").string(link_group_token(e.group));
    w.key("code").string(corpus.code(a.code).slug);
    w.key("number").string(a.number.text());
    w.key("url").string(canonical_url(options.base_url, article_page_path(corpus, a)));
    w.key("version").integer(e.version);
    w.key("provision").string_or_null(e.provision);
    w.key("start").string_or_null(v.start.known() ? v.start.iso() : std::string());
    w.key("ends_on").string_or_null(v.ends_on.known() ? v.ends_on.iso() : std::string());
    w.key("version_url")
        .string_or_null(vpage
                            ? canonical_url(options.base_url, version_page_path(corpus, a, v.slug))
                            : std::string());
    w.key("diff_url")
        .string_or_null(vpage && v.diff_base >= 0
                            ? canonical_url(options.base_url, diff_page_path(corpus, a, v.slug))
                            : std::string());
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

std::string text_index_data(const Corpus& corpus, const LinkGraph& links,
                            const SiteOptions& options) {
  JsonWriter w;
  w.begin_object();
  w.key("schema").string(kTextsSchema);
  w.key("url").string(canonical_url(options.base_url, text_index_path()));
  w.key("reference_date").string(options.reference_date.iso());
  w.key("texts").begin_array();
  for (const AmendingText& t : links.amending_texts) {
    w.begin_object();
    write_text_facts(w, t);
    w.key("url").string(canonical_url(options.base_url, text_page_path(t)));
    w.key("effects").integer(static_cast<std::int64_t>(listed_effects(corpus, t)));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

void add_text_index_link(View& home, const LinkGraph& links, const SiteOptions& options) {
  if (!has_text_pages(links, options)) return;
  home.set("texts_href", relative_href(home_page_path(), text_index_path()));
  home.set("texts_label", count_label(links.amending_texts.size(), "texte", "textes"));
}

const std::vector<std::string_view>& text_field_names() {
  static const std::vector<std::string_view> kNames = {
      "text_title", "index_href", "effects_label", "text_codes", "effect_groups", "version_href",
      "diff_href",  "texts",      "count_label",   "eli",        "ended_french",  "ended_iso",
      "ended_word", "provision",  "texts_href",    "texts_label"};
  return kNames;
}

}  // namespace legisite
