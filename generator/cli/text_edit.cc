#include "cli/text_edit.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <utility>
#include <variant>

#include "output/site_patch.h"
#include "render/alineas.h"
#include "render/render.h"
#include "render/theme_impl.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "sources/legi_xml.h"
#include "sources/markdown_reader.h"

namespace legisite {

namespace {

/// One changed file: the version it gave, what it read before and what it reads now.
struct EditedText {
  ArticleId article;
  std::size_t version = 0;
  std::string path;
  Version before, now;
  // The new reading, which the next edit compares with: a Markdown or a LEGI XML file's.
  std::shared_ptr<ParsedMarkdown> markdown;
  std::shared_ptr<ParsedLegi> legi;
};

// The path below `folder` (the content or the theme) of a path the watcher gave; "" when it is not
// below it.
std::string content_path(const std::string& folder, const std::string& changed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path relative = fs::absolute(changed, ec)
                          .lexically_normal()
                          .lexically_relative(fs::absolute(folder, ec).lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || *relative.begin() == ".") return "";
  return relative.generic_string();
}

Version without_text(Version v) {
  v.text_html.clear();
  v.nota_html.clear();
  for (Link& link : v.links) link.where = {};  // lines below a longer text move
  return v;
}

// Whether two readings of one file differ in their text and nota alone.
bool same_but_text(const MarkdownArticle& a, const MarkdownArticle& b) {
  if (!(a.number == b.number) || a.code_title != b.code_title || a.cid != b.cid) return false;
  const Version x = without_text(a.version), y = without_text(b.version);
  return x.id == y.id && x.start == y.start && x.end == y.end && x.status == y.status &&
         x.has_text == y.has_text && x.links == y.links && x.amended_by == y.amended_by &&
         x.source_key == y.source_key && x.format == y.format && x.origin == y.origin &&
         x.also_from == y.also_from;
}

// Whether two readings of one LEGI ARTICLE file differ in their text and nota alone (the lines
// of what follows them aside).
bool same_but_text(const LegiArticle& a, const LegiArticle& b) {
  auto entries_alike = [](const std::vector<LegiEntry>& x, const std::vector<LegiEntry>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const LegiEntry& e, const LegiEntry& f) {
                        return e.kind == f.kind && e.id == f.id && e.number == f.number &&
                               e.title == f.title && e.state == f.state && e.start == f.start &&
                               e.end == f.end && e.level == f.level && e.origin == f.origin;
                      });
  };
  const ArticleRecord &x = a.record, &y = b.record;
  return x.code_title == y.code_title && x.code_legi_id == y.code_legi_id &&
         x.section_path == y.section_path && x.cid == y.cid && x.order == y.order &&
         same_but_text(MarkdownArticle{x.number, "", "", x.version},
                       MarkdownArticle{y.number, "", "", y.version}) &&
         a.ancien_id == b.ancien_id && a.nature == b.nature && a.type == b.type &&
         entries_alike(a.versions, b.versions);
}

// The version of `corpus` read from `path` alone, with the text `reading` gave it.
bool find_version(const Corpus& corpus, const std::string& path, const Version& reading,
                  ArticleId& article, std::size_t& version) {
  std::size_t found = 0;
  for (const Article& a : corpus.articles())
    for (std::size_t v = 0; v < a.versions.size(); ++v)
      if (a.versions[v].origin.file == path) {
        article = a.id;
        version = v;
        ++found;
      }
  if (found != 1) return false;
  const Version& v = corpus.article(article).versions[version];
  return v.also_from.empty() && v.text_html == reading.text_html &&
         v.nota_html == reading.nota_html;
}

bool same_backlinks(const std::vector<Backlink>& a, const std::vector<Backlink>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Backlink& x, const Backlink& y) {
                      return x.from == y.from && x.version == y.version && x.link == y.link &&
                             x.in_text == y.in_text;
                    });
}

void add_once(std::vector<ArticleId>& ids, ArticleId id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// What a page of another article shows of a text's citations: whom they cite, in order.
bool same_targets(const std::vector<TextCitation>& a, const std::vector<TextCitation>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].target != b[i].target || a[i].range_targets != b[i].range_targets ||
        a[i].external_id != b[i].external_id || a[i].alinea != b[i].alinea ||
        a[i].source_link != b[i].source_link || a[i].splits_source_link != b[i].splits_source_link)
      return false;
  return true;
}

// Whether a citation in some text names an alinéa of `article` ("au deuxième alinéa de
// l'article L. 311-3").
bool alineas_cited(const Corpus& corpus, const LinkGraph& links, ArticleId article) {
  if (article.value >= links.cited_by.size()) return false;
  for (const Backlink& b : links.cited_by[article.value])
    if (b.in_text && corpus.article(b.from).versions[b.version].text_citations[b.link].alinea > 0)
      return true;
  return false;
}

// The articles a text's citations name, each once, in order.
std::vector<ArticleId> targets(const std::vector<TextCitation>& citations) {
  std::vector<ArticleId> out;
  for (const TextCitation& t : citations) {
    if (t.target.valid()) add_once(out, t.target);
    for (ArticleId id : t.range_targets) add_once(out, id);
  }
  return out;
}

// A Markdown file of the kept site read again, into `edit`; false when it reads as more than a
// new text.
bool read_markdown_edit(const FileSystem& content, const RebuildCaches& caches,
                        const std::string& path, EditedText& edit) {
  const auto before = caches.sources.markdown.last_reading(path);
  if (!before || !before->parsed || !before->diagnostics.empty()) return false;
  auto reading = std::make_shared<ParsedMarkdown>();
  std::string text, error;
  Diagnostics diagnostics;
  if (!content.read_file(path, text, error)) return false;
  reading->parsed = read_markdown_article(text, path, reading->article, diagnostics);
  if (!reading->parsed || !diagnostics.all().empty() ||
      !same_but_text(before->article, reading->article))
    return false;
  edit.before = before->article.version;
  edit.now = reading->article.version;
  edit.markdown = std::move(reading);
  return true;
}

// A LEGI XML ARTICLE file of the kept site read again, into `edit`; false when it reads as more
// than a new text.
bool read_legi_edit(const FileSystem& content, const RebuildCaches& caches, const std::string& path,
                    EditedText& edit) {
  const auto before = caches.sources.legi.last_reading(path);
  if (!before || !before->document || !before->diagnostics.empty()) return false;
  const auto* was = std::get_if<LegiArticle>(&*before->document);
  auto reading = std::make_shared<ParsedLegi>();
  std::string text, error;
  Diagnostics diagnostics;
  if (!was || !content.read_file(path, text, error)) return false;
  reading->document = parse_legi_document(text, path, diagnostics);
  const auto* is = reading->document ? std::get_if<LegiArticle>(&*reading->document) : nullptr;
  if (!is || !diagnostics.all().empty() || !same_but_text(*was, *is)) return false;
  edit.before = was->record.version;
  edit.now = is->record.version;
  edit.legi = std::move(reading);
  return true;
}

// The files of `changed` that are texts of the kept site, read again; false when one is not.
bool read_edits(const BuildOptions& options, RebuildCaches& caches,
                const std::vector<std::string>& changed, std::vector<EditedText>& edits) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options.content, ec)) return false;  // a dump
  const DiskFileSystem content(options.content);
  const Corpus& corpus = caches.site->corpus;
  for (const std::string& full : changed) {
    const std::string path = content_path(options.content, full);
    if (path.empty()) return false;  // the theme, or the content folder itself
    // An editor's scratch file, already gone: nothing the build reads.
    if (!caches.sources.markdown.last_reading(path) && !caches.sources.legi.last_reading(path) &&
        !std::filesystem::exists(full, ec))
      continue;
    EditedText edit;
    edit.path = path;
    const bool read = path.ends_with(".xml") ? read_legi_edit(content, caches, path, edit)
                                             : read_markdown_edit(content, caches, path, edit);
    if (!read || !find_version(corpus, path, edit.before, edit.article, edit.version)) return false;
    if (alinea_count(edit.now.text_html) != alinea_count(edit.before.text_html) &&
        alineas_cited(corpus, caches.site->links, edit.article))
      return false;  // the citation's page checks the alinéa it names against the count
    // Two versions of one commit with the same text are one (markdown_history.h).
    const auto& versions = corpus.article(edit.article).versions;
    for (std::size_t v = 0; v < versions.size(); ++v)
      if (v != edit.version && versions[v].text_html == edit.now.text_html) return false;
    edits.push_back(std::move(edit));
  }
  return !edits.empty();
}

}  // namespace

bool show_text_edit(const BuildOptions& options, RebuildCaches& caches,
                    const std::vector<std::string>& changed, TextEdit& edit) {
  edit = {};
  if (!caches.site || caches.site->destination.empty()) return false;
  std::vector<EditedText> edits;
  if (!read_edits(options, caches, changed, edits)) return false;

  // From here the kept model changes: it is dropped unless the edit can be shown this way.
  std::shared_ptr<BuiltSite> site = std::move(caches.site);
  Corpus& corpus = site->corpus;
  const std::size_t articles = corpus.articles().size();
  std::vector<ArticleId> edited, cited;
  bool citations_changed = false;
  for (EditedText& e : edits) {
    Version& version = corpus.article(e.article).versions[e.version];
    const std::vector<TextCitation> before = std::move(version.text_citations);
    version.text_html = e.now.text_html;
    version.nota_html = e.now.nota_html;
    LinkReport report;  // the whole build that follows reports
    resolve_version_citations(corpus, e.article, e.version, report);
    if (corpus.articles().size() != articles) return false;  // a cited-only article was created
    add_once(edited, e.article);
    if (same_targets(before, version.text_citations)) continue;
    // Who cites whom changed: the articles cited before or now list who cites them.
    const std::vector<ArticleId> now = targets(version.text_citations);
    for (ArticleId id : targets(before)) {
      // One no longer cited may have no other citation left: the whole build would drop it.
      if (corpus.article(id).cited_only && std::find(now.begin(), now.end(), id) == now.end())
        return false;
      add_once(cited, id);
    }
    for (ArticleId id : now) add_once(cited, id);
    citations_changed = true;
  }
  if (citations_changed) {
    std::vector<std::vector<Backlink>> cited_by = compute_backlinks(corpus).cited_by;
    // Only the lists that changed: a citation moved within the text moves no one's.
    std::erase_if(cited, [&](ArticleId id) {
      return same_backlinks(cited_by[id.value], site->links.cited_by[id.value]);
    });
    site->links.cited_by = std::move(cited_by);
  }
  for (ArticleId id : edited)
    answer_article_for_date(corpus.article(id), site->options.reference_date, site->options.history,
                            &caches.diffs);
  std::vector<ArticleId> rendered_articles = edited;
  for (ArticleId id : cited) add_once(rendered_articles, id);
  SitePatch patch(site->destination);
  Diagnostics diagnostics;
  const RenderSummary rendered = render_article_pages(
      corpus, site->links, *site->theme, site->options, rendered_articles, patch, diagnostics);
  if (diagnostics.has_errors()) return false;
  // The next edit compares with what this one read.
  for (EditedText& e : edits) {
    if (e.markdown) caches.sources.markdown.remember(e.path, std::move(e.markdown));
    if (e.legi) caches.sources.legi.remember(e.path, std::move(e.legi));
  }
  for (ArticleId id : rendered_articles) edit.articles.push_back(corpus.article(id).number.text());
  edit.pages = rendered.pages;
  caches.site = std::move(site);
  return true;
}

bool show_static_edit(const BuildOptions& options, RebuildCaches& caches,
                      const std::vector<std::string>& changed, std::size_t& files) {
  files = 0;
  if (!caches.site || caches.site->destination.empty()) return false;
  const auto& statics = caches.site->theme->impl().static_files;
  const DiskFileSystem theme(options.theme);
  std::vector<std::pair<std::string, std::string>> copies;
  for (const std::string& full : changed) {
    const std::string path = content_path(options.theme, full);
    const bool known = std::any_of(statics.begin(), statics.end(),
                                   [&](const auto& file) { return file.first == path; });
    std::string contents, error;
    if (!known || !theme.read_file(path, contents, error)) return false;
    copies.emplace_back(path, std::move(contents));
  }
  SitePatch patch(caches.site->destination);
  for (const auto& [path, contents] : copies) {
    std::string error;
    if (!patch.write(path, contents, error)) return false;
    ++files;
  }
  return files > 0;
}

namespace {

// Whether two themes have the same templates, partials and static files by name.
bool same_files(const Theme::Impl& a, const Theme::Impl& b) {
  auto names = [](const auto& map) {
    std::vector<std::string> out;
    for (const auto& [name, file] : map) out.push_back(name);
    return out;
  };
  return names(a.templates) == names(b.templates) && names(a.partials) == names(b.partials) &&
         names(a.static_files) == names(b.static_files);
}

}  // namespace

bool show_template_edit(const BuildOptions& options, RebuildCaches& caches,
                        const std::vector<std::string>& changed,
                        const std::vector<std::string>& open_pages, std::size_t& pages) {
  pages = 0;
  if (!caches.site || caches.site->destination.empty() || open_pages.empty()) return false;
  for (const std::string& full : changed)
    if (!content_path(options.theme, full).starts_with("templates/")) return false;
  Diagnostics diagnostics;
  std::unique_ptr<Theme> theme = Theme::load(DiskFileSystem(options.theme), diagnostics);
  if (!theme || diagnostics.has_errors() || !same_files(theme->impl(), caches.site->theme->impl()))
    return false;
  pages = show_open_pages(caches.site->destination, open_pages, caches.site->corpus,
                          caches.site->links, *theme, caches.site->options);
  if (pages == 0) return false;
  caches.site->theme = std::move(theme);  // later edits of texts render with it
  return true;
}

std::size_t show_open_pages(const std::string& site, const std::vector<std::string>& open_pages,
                            const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                            const SiteOptions& options) {
  if (open_pages.empty()) return 0;
  // Rendered in memory first: a template that fails on one page leaves the served site whole.
  Diagnostics diagnostics;
  MemoryOutput rendered;
  const RenderSummary summary =
      render_pages_at(corpus, links, theme, options, open_pages, rendered, diagnostics);
  if (diagnostics.has_errors()) return 0;
  SitePatch patch(site);
  for (const auto& [path, contents] : rendered.files()) {
    std::string error;
    patch.write(path, contents, error);  // a page the site lacks yet is the whole build's to add
  }
  return summary.pages;
}

}  // namespace legisite
