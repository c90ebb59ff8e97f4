#include "render/structured_data.h"

#include "render/legifrance.h"
#include "render/pages.h"
#include "render/version_pages.h"
#include "text/utf8.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// schema.org's LegalForceStatus for a state on the reference date.
std::string_view legal_force(ArticleStatus state) {
  switch (state) {
    case ArticleStatus::kVigueur:
    case ArticleStatus::kAbrogeDiff:  // in force until its repeal applies
      return "https://schema.org/InForce";
    case ArticleStatus::kUnknown:
      return {};
    default:
      return "https://schema.org/NotInForce";
  }
}

// The texts that made this version what it is ("Créé par", "Modifié par", "Codifié par"): what a
// consolidated text consolidates. Nothing when the sources name none.
void write_consolidates(JsonWriter& w, const Version& v) {
  std::vector<const Link*> texts;
  for (const Link& l : v.links)
    if ((l.group == LinkGroup::kCreatedBy || l.group == LinkGroup::kModifiedBy ||
         l.group == LinkGroup::kCodifiedBy) &&
        !(l.text_title.empty() && l.text.empty()))
      texts.push_back(&l);
  if (texts.empty()) return;
  w.key("legislationConsolidates").begin_array();
  for (const Link* link : texts) {
    const Link& l = *link;
    const std::string& name = !l.text_title.empty() ? l.text_title : l.text;
    w.begin_object();
    w.key("@type").string("Legislation");
    w.key("name").string(name);
    const std::string url = legifrance_url(l.target_id, false);
    if (!url.empty()) w.key("sameAs").string(url);
    w.end_object();
  }
  w.end_array();
}

void write_code(JsonWriter& w, const SiteOptions& options, const Code& code) {
  w.key("isPartOf").begin_object();
  w.key("@type").string("Legislation");
  w.key("name").string(code.title);
  w.key("url").string(canonical_url(options.base_url, code_page_path(code)));
  if (!code.legi_id.empty()) w.key("legislationIdentifier").string(code.legi_id);
  w.end_object();
}

}  // namespace

// JSON inside <script>: no '<' may open a tag there, no '&' start a reference in XHTML.
std::string script_safe_json(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c != '\n')
      out += c;
  }
  return out;
}

void begin_legislation(JsonWriter& w, const std::string& url, const std::string& name) {
  w.begin_object();
  w.key("@context").string("https://schema.org");
  w.key("@type").string("Legislation");
  w.key("@id").string(url);
  w.key("url").string(url);
  w.key("name").string(name);
  w.key("inLanguage").string("fr");
}

std::string legislation_json_ld(const Corpus& corpus, const SiteOptions& options,
                                const Article& article, std::int32_t version, bool version_page) {
  const Code& code = corpus.code(article.code);
  if (article.slug.empty() || code.slug.empty()) return {};
  const Version* v = version >= 0 ? &article.versions[version] : nullptr;
  const std::string page = version_page && v ? version_page_path(corpus, article, v->slug)
                                             : article_page_path(corpus, article);
  const std::string url = canonical_url(options.base_url, page);
  JsonWriter w;
  begin_legislation(w, url, heading_for(article.number) + ", " + code.title);
  w.key("legislationType").string("article de code");
  w.key("legislationJurisdiction").string("FR");
  // The version's LEGIARTI on its page, else the article's own; else its number in its code.
  std::string id = version_page && v && !v->id.empty() ? v->id : article.cid;
  if (id.empty() && v) id = v->id;
  w.key("legislationIdentifier").string(id.empty() ? article.number.text() : id);
  // When the article was created (its first dated version), and the version shown.
  for (const Version& first : article.versions)
    if (first.start.is_calendar_day()) {
      w.key("legislationDate").string(first.start.iso());
      break;
    }
  if (v && v->start.is_calendar_day()) w.key("legislationDateVersion").string(v->start.iso());
  if (v && !legal_force(v->status_on_reference_date).empty())
    w.key("legislationLegalForce").string(legal_force(v->status_on_reference_date));
  write_code(w, options, code);
  if (v) write_consolidates(w, *v);
  std::string official = v ? legifrance_url(v->id, true) : std::string();
  if (official.empty()) official = legifrance_url(article.cid, true);
  if (!official.empty()) w.key("sameAs").string(official);
  w.end_object();
  return script_safe_json(w.finish());
}

void add_structured_data(View& view, const Corpus& corpus, const SiteOptions& options,
                         const PagePlan& page) {
  if (page.kind != PageKind::kArticle && page.kind != PageKind::kVersion) return;
  const Article& article = corpus.article(page.article);
  const bool version_page = page.kind == PageKind::kVersion;
  const std::int32_t shown = version_page ? page.version : article.on_reference_date.index;
  view.set("json_ld_html", legislation_json_ld(corpus, options, article, shown, version_page));
  if (shown < 0) return;
  std::string description = page_description(corpus, article, article.versions[shown]);
  if (!description.empty()) view.set("description", std::move(description));
}

std::string page_description(const Corpus& corpus, const Article& article, const Version& v) {
  if (!v.has_text) return {};
  // The first alinéa: the text up to the end of the first block or line that has text.
  std::string first;
  std::size_t from = 0;
  while (first.empty() && from < v.text_html.size()) {
    std::size_t end = v.text_html.size();
    for (const char* stop : {"</p>", "</li>", "<br"}) {
      const std::size_t at = v.text_html.find(stop, from);
      if (at != std::string::npos && at < end) end = at;
    }
    first = visible_text(std::string_view(v.text_html).substr(from, end - from));
    from = v.text_html.find('>', end);
    from = from == std::string::npos ? v.text_html.size() : from + 1;
  }
  constexpr std::size_t kLength = 160;
  if (first.size() > kLength) {
    std::size_t cut = first.rfind(' ', kLength);
    if (cut == std::string::npos || cut < kLength / 2) cut = character_start(first, kLength);
    first = first.substr(0, cut) + "…";
  }
  return heading_for(article.number) + ", " + corpus.code(article.code).title + " : " + first;
}

}  // namespace legisite
