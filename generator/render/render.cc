#include "render/render.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <utility>

#include "parallel/parallel.h"
#include "render/edition.h"
#include "render/feeds.h"
#include "render/law_at_date.h"
#include "render/mustache_engine.h"
#include "render/not_found.h"
#include "render/open_data.h"
#include "render/pages.h"
#include "render/search_index.h"
#include "render/sitemap.h"
#include "render/structured_data.h"
#include "render/text_pages.h"
#include "render/theme_impl.h"
#include "render/version_compare.h"
#include "render/version_pages.h"
#include "render/view_model.h"
#include "text/french_typography.h"

namespace legisite {

namespace {

// Pages are handed out in small chunks: big enough that threads rarely meet on the counter,
// small enough that one slow page (a whole code's table of contents) does not leave the other
// threads idle for long.
constexpr std::size_t kPagesPerChunk = 16;

/// What every page builder may read: the model, what resolve answered, the render options and
/// the facts computed once before rendering.
struct SiteInputs {
  const Corpus& corpus;
  const SiteIndex& index;
  const LinkGraph& links;
  const SiteOptions& options;
};

/// How one kind of page is made: the theme template it is rendered with and its view builder.
struct PageRecipe {
  PageKind kind;
  const char* template_name;
  View (*view)(const SiteInputs& site, const PagePlan& page);
};

// One entry per page kind, indexed by PageKind (checked below).
constexpr PageRecipe kRecipes[] = {
    {PageKind::kHome, "home",
     [](const SiteInputs& s, const PagePlan&) {
       View v = home_view(s.corpus, s.index, s.options);
       add_text_index_link(v, s.links, s.options);
       return v;
     }},
    {PageKind::kCode, "code",
     [](const SiteInputs& s, const PagePlan& p) {
       return code_view(s.corpus, s.index, s.options, p.code);
     }},
    {PageKind::kCodePart, "code_part",
     [](const SiteInputs& s, const PagePlan& p) {
       return code_part_view(s.corpus, s.index, s.options, p);
     }},
    {PageKind::kArticle, "article",
     [](const SiteInputs& s, const PagePlan& p) {
       return article_view(s.corpus, s.index, s.links, s.options, p.article);
     }},
    {PageKind::kVersion, "version",
     [](const SiteInputs& s, const PagePlan& p) { return version_view(s.corpus, s.options, p); }},
    {PageKind::kVersionDiff, "diff",
     [](const SiteInputs& s, const PagePlan& p) { return diff_view(s.corpus, s.options, p); }},
    {PageKind::kIdRedirect, "redirect",
     [](const SiteInputs& s, const PagePlan& p) {
       return id_redirect_view(s.corpus, s.options, p);
     }},
    {PageKind::kCodeAtDate, "code_at_date",
     [](const SiteInputs& s, const PagePlan& p) { return dated_toc_view(s.corpus, s.options, p); }},
    {PageKind::kAmendingText, "texte",
     [](const SiteInputs& s, const PagePlan& p) {
       return text_view(s.corpus, s.links, s.options, p);
     }},
    {PageKind::kTextIndex, "textes",
     [](const SiteInputs& s, const PagePlan&) {
       return text_index_view(s.corpus, s.links, s.options);
     }},
    {PageKind::kSearch, "search",
     [](const SiteInputs& s, const PagePlan&) { return search_view(s.corpus, s.options); }},
    {PageKind::kNotFound, "not_found",
     [](const SiteInputs& s, const PagePlan&) { return not_found_view(s.corpus, s.options); }},
};

constexpr bool recipes_in_kind_order() {
  for (std::size_t i = 0; i < std::size(kRecipes); ++i)
    if (static_cast<std::size_t>(kRecipes[i].kind) != i) return false;
  return std::size(kRecipes) == static_cast<std::size_t>(PageKind::kNotFound) + 1;
}
static_assert(recipes_in_kind_order(), "kRecipes has one entry per PageKind, in enum order");

const PageRecipe& recipe_for(PageKind kind) { return kRecipes[static_cast<std::size_t>(kind)]; }

/// What one chunk of pages gave: counts, and its problems in page order.
struct ChunkResult {
  std::size_t pages = 0;  // rendered
  std::size_t carried = 0;
  std::size_t files = 0;  // every file written, pages included
  std::size_t bytes = 0;
  std::vector<Diagnostic> problems;
  /// The pages and search shards written or kept, with their fingerprints (for the next build).
  std::vector<std::pair<std::string, Digest>> recorded;
};

// Writes one file and counts it. A failure is a problem to report, except once writing has
// stopped for good: the first failure said why, and the same words on every file say nothing.
bool write_counted(OutputSink& out, const std::string& path, const std::string& contents,
                   const char* what, ChunkResult& result) {
  std::string error;
  if (!out.write(path, contents, error)) {
    if (!error.empty()) {
      Diagnostic d;
      d.where.file = path;
      d.message = std::string("cannot write ") + what + ": " + error;
      result.problems.push_back(std::move(d));
    }
    return false;
  }
  ++result.files;
  result.bytes += contents.size();
  return true;
}

// Keeps one file of the published site in place of writing it, counted.
bool keep_counted(OutputSink& out, const std::string& path, ChunkResult& result) {
  std::size_t size = 0;
  std::string error;
  if (!out.keep(path, size, error)) return false;
  ++result.files;
  result.bytes += size;
  return true;
}

// The same engine error on every page of one kind says one thing: report it once, counted.
void report_merged(std::vector<Diagnostic> problems, Diagnostics& diagnostics) {
  std::vector<Diagnostic> merged;
  std::vector<std::size_t> repeats;
  for (Diagnostic& d : problems) {
    auto it = std::find_if(merged.begin(), merged.end(), [&](const Diagnostic& m) {
      return m.message == d.message && m.where.file == d.where.file;
    });
    if (it == merged.end()) {
      merged.push_back(std::move(d));
      repeats.push_back(0);
    } else {
      ++repeats[it - merged.begin()];
    }
  }
  for (std::size_t i = 0; i < merged.size(); ++i) {
    if (repeats[i] > 0)
      merged[i].notes.push_back("the same happened on " + std::to_string(repeats[i]) +
                                (repeats[i] == 1 ? " other page" : " other pages"));
    diagnostics.report(std::move(merged[i]));
  }
}

// Every page of the site, in the order they are written.
std::vector<PagePlan> plan_site(const Corpus& corpus, const SiteIndex& index,
                                const LinkGraph& links, const Theme& theme,
                                const SiteOptions& options, Diagnostics& diagnostics) {
  std::vector<PagePlan> planned = plan_pages(corpus, diagnostics, options.history);
  plan_table_parts(corpus, index, planned);
  // Which dates get a table of contents depends on the reference date, a render option.
  if (options.history) plan_dated_tocs(corpus, options, planned);
  plan_text_pages(links, options, planned);
  // The search page and the 404 page are the theme's choice: a theme without their templates
  // has none.
  if (theme.impl().templates.count("search"))
    planned.push_back({PageKind::kSearch, CodeId(), ArticleId(), search_page_path()});
  if (theme.impl().templates.count("not_found"))
    planned.push_back({PageKind::kNotFound, CodeId(), ArticleId(), not_found_page_path()});
  return planned;
}

/// What writing a page reads besides the page itself; shared by every thread.
struct PageContext {
  const SiteInputs& site;
  OutputSink& out;
  bool feeds;    // the home and code pages link their feed
  bool compare;  // the theme compares versions: article pages get their versions.js
};

// Writes (or, when `keep`, keeps) the versions.js of an article page; true when there is none.
// The per-article texts of "Comparer deux versions" serve only the theme's script that reads
// them. They are made of what the article page's fingerprint covers (its article's data, texts
// included, and what every page shows of the articles they cite), so they are carried over with
// the page.
bool versions_file(const PageContext& c, const PagePlan& page, bool keep, ChunkResult& result) {
  if (!c.compare || page.kind != PageKind::kArticle) return true;
  const Article& article = c.site.corpus.article(page.article);
  const std::vector<std::int32_t> versions = comparable_versions(article, c.site.options);
  if (versions.empty()) return true;
  const std::string path = versions_script_path(page.path);
  return (keep && keep_counted(c.out, path, result)) ||
         write_counted(c.out, path, versions_script(c.site.corpus, article, versions, page.path),
                       "data file", result);
}

// Counts a page kept from the published site and keeps its data files; true when all of them
// were kept (or, for a data file, written again).
bool keep_page_files(const PageContext& c, const PagePlan& page, ChunkResult& result) {
  ++result.carried;
  const SiteInputs& s = c.site;
  const std::string data_path = page_data_path(page.path);
  // A data file that cannot be kept is written: it does not depend on the page's HTML.
  const bool data = s.options.data_files && has_page_data(page.kind);
  const bool data_kept =
      !data || keep_counted(c.out, data_path, result) ||
      write_counted(c.out, data_path, page_data(s.corpus, s.index, s.links, s.options, page),
                    "data file", result);
  return versions_file(c, page, true, result) && data_kept;
}

// Renders one page and writes it with its data files; true when every one was written.
bool write_page(const PageContext& c, CompiledTheme& compiled, const PagePlan& page,
                ChunkResult& result) {
  const SiteInputs& s = c.site;
  const bool data = s.options.data_files && has_page_data(page.kind);
  const PageRecipe& recipe = recipe_for(page.kind);
  View view = recipe.view(s, page);
  view.set("edition", edition_view(s.corpus, s.options, page));
  add_search_box(view, s.corpus, s.options, page);
  // The page's JSON sits in its folder, under the same name (README "For developers").
  if (data) view.set("json_href", "index.json");
  if (c.feeds && (page.kind == PageKind::kHome || page.kind == PageKind::kCode))
    view.set("feed_href", "feed.xml");  // the site's feed, or the code's, in the same folder
  // A dated table copies the code's table for another day: not for search engines.
  view.set_flag("noindex", page.kind == PageKind::kCodeAtDate);
  add_structured_data(view, s.corpus, s.options, page);
  std::string html;
  TemplateRenderError template_error;
  if (!compiled.render_page(recipe.template_name, std::move(view), html, template_error)) {
    Diagnostic d;
    d.where.file = template_error.file;
    d.message = "template error: " + template_error.message;
    d.notes.push_back("while rendering " + page.path);
    result.problems.push_back(std::move(d));
    return false;
  }
  // Typography that needs markup is set on the finished page: the generated words and the law's
  // text alike, outside attributes and scripts (french_typography.h).
  superscript_ordinals(html);
  if (!write_counted(c.out, page.path, html, "page", result)) return false;
  ++result.pages;
  const bool data_written =
      !data ||
      write_counted(c.out, page_data_path(page.path),
                    page_data(s.corpus, s.index, s.links, s.options, page), "data file", result);
  return versions_file(c, page, false, result) && data_written;
}

bool theme_compares_versions(const Theme& theme) {
  const auto& statics = theme.impl().static_files;
  return std::any_of(statics.begin(), statics.end(),
                     [](const auto& file) { return file.first == "static/compare-versions.js"; });
}

// Whether the published site recorded the file at `path` as made from `inputs`.
bool published_as(const RenderBasis& basis, const std::string& path, const Digest& inputs) {
  auto it = basis.published.find(path);
  return it != basis.published.end() && it->second == inputs;
}

// Adds up the chunks' counts and reports their problems.
RenderSummary sum_up(std::vector<ChunkResult>& results, Diagnostics& diagnostics) {
  RenderSummary summary;
  std::vector<Diagnostic> problems;
  for (ChunkResult& r : results) {
    summary.pages += r.pages + r.carried;
    summary.pages_rendered += r.pages;
    summary.pages_carried += r.carried;
    summary.files += r.files;
    summary.bytes += r.bytes;
    for (Diagnostic& d : r.problems) problems.push_back(std::move(d));
  }
  report_merged(std::move(problems), diagnostics);
  return summary;
}

// Files about the whole site, once every page is planned: they list those pages. Each kind
// comes from one function (search_index.h, open_data.h, sitemap.h, feeds.h). `articles` are the
// articles' fingerprints, by which the search index's shards are kept.
ChunkResult write_site_files(const Corpus& corpus, const SiteIndex& index, const Theme& theme,
                             const SiteOptions& options, const std::vector<PagePlan>& pages,
                             const std::vector<Digest>& articles, const RenderBasis& basis,
                             OutputSink& out) {
  ChunkResult site_files;
  if (theme.impl().templates.count("search")) {  // the search page and every box load the index
    const SearchReuse reuse{articles, [&](const std::string& path, const Digest& inputs) {
                              return published_as(basis, path, inputs) &&
                                     keep_counted(out, path, site_files);
                            }};
    for (const SearchFile& f : search_index_files(corpus, options, &reuse)) {
      const bool complete =
          f.kept || write_counted(out, f.path, f.contents, "search index", site_files);
      if (complete && f.inputs) site_files.recorded.emplace_back(f.path, *f.inputs);
    }
  }
  std::vector<SiteFile> listings;
  if (options.data_files) listings = site_data_files(corpus, index, options);
  for (SiteFile& file : sitemap_files(corpus, options, pages)) listings.push_back(std::move(file));
  for (SiteFile& file : feed_files(corpus, options)) listings.push_back(std::move(file));
  for (SiteFile& file : law_at_date_files(corpus, options)) listings.push_back(std::move(file));
  for (const SiteFile& file : listings)
    write_counted(out, file.path, file.contents, "data file", site_files);
  // Static files keep their path below the theme: static/style.css -> static/style.css.
  for (const auto& [path, contents] : theme.impl().static_files)
    write_counted(out, path, contents, "static file", site_files);
  return site_files;
}

}  // namespace

std::string_view page_template(PageKind kind) { return recipe_for(kind).template_name; }

RenderSummary render_site(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                          const SiteOptions& options, OutputSink& out, Diagnostics& diagnostics,
                          const RenderBasis& basis) {
  // Everything threads share is computed here and only read afterwards: the page list, the
  // reading order of each code (prev/next), the parts of split tables and the model itself. A
  // big code's table is split into one page per part when the theme can show them.
  const bool parts = theme.impl().templates.count("code_part") > 0;
  const SiteIndex index = index_site(corpus, parts ? options.toc_split : 0);
  const std::vector<PagePlan> pages = plan_site(corpus, index, links, theme, options, diagnostics);
  const SiteInputs site{corpus, index, links, options};
  const PageContext context{site, out, absolute_base_url(options), theme_compares_versions(theme)};
  const SiteFingerprints prints =
      site_fingerprints(corpus, index, links, theme, options, basis.program, pages);
  const std::vector<Digest>& fingerprints = prints.pages;

  // The engine's templates are not shareable: each thread compiles its own, once.
  std::vector<std::optional<CompiledTheme>> compiled(
      worker_count(options.jobs, pages.size(), kPagesPerChunk));
  auto render_chunk = [&](const Chunk& chunk) {
    ChunkResult result;
    if (!compiled[chunk.worker]) compiled[chunk.worker].emplace(theme.impl());
    for (std::size_t i = chunk.begin; i < chunk.end && !out.stopped(); ++i) {
      const PagePlan& page = pages[i];
      // A page the published site has as this build would render it is kept.
      const bool complete =
          published_as(basis, page.path, fingerprints[i]) && keep_counted(out, page.path, result)
              ? keep_page_files(context, page, result)
              : write_page(context, *compiled[chunk.worker], page, result);
      if (complete) result.recorded.emplace_back(page.path, fingerprints[i]);
    }
    return result;
  };
  std::vector<ChunkResult> results =
      map_chunks<ChunkResult>(options.jobs, pages.size(), kPagesPerChunk, render_chunk);

  ChunkResult site_files =
      write_site_files(corpus, index, theme, options, pages, prints.articles, basis, out);
  // The fingerprints of the pages and search shards, for the next build over this site.
  PageFingerprints recorded;
  for (auto& [path, digest] : site_files.recorded) recorded.emplace(std::move(path), digest);
  for (ChunkResult& r : results)
    for (auto& [path, digest] : r.recorded) recorded.emplace(std::move(path), digest);
  write_counted(out, kPageInputsName, format_page_inputs(recorded), "record of page inputs",
                site_files);

  results.push_back(std::move(site_files));
  return sum_up(results, diagnostics);
}

namespace {

// Renders again the planned pages `wanted` selects, as render_site would, without the files
// about the whole site nor the record of page inputs.
RenderSummary render_selected(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                              const SiteOptions& options,
                              const std::function<bool(const PagePlan&)>& wanted, OutputSink& out,
                              Diagnostics& diagnostics) {
  const bool parts = theme.impl().templates.count("code_part") > 0;
  const SiteIndex index = index_site(corpus, parts ? options.toc_split : 0);
  Diagnostics planning;  // said by the build that published the site
  std::vector<PagePlan> pages;
  for (PagePlan& page : plan_site(corpus, index, links, theme, options, planning))
    if (wanted(page)) pages.push_back(std::move(page));
  const SiteInputs site{corpus, index, links, options};
  const PageContext context{site, out, absolute_base_url(options), theme_compares_versions(theme)};
  CompiledTheme compiled(theme.impl());
  std::vector<ChunkResult> results(1);
  for (const PagePlan& page : pages)
    if (!out.stopped()) write_page(context, compiled, page, results[0]);
  return sum_up(results, diagnostics);
}

}  // namespace

RenderSummary render_article_pages(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                                   const SiteOptions& options,
                                   const std::vector<ArticleId>& articles, OutputSink& out,
                                   Diagnostics& diagnostics) {
  auto wanted = [&](const PagePlan& page) {
    const bool about_article = page.kind == PageKind::kArticle || page.kind == PageKind::kVersion ||
                               page.kind == PageKind::kVersionDiff ||
                               page.kind == PageKind::kIdRedirect;
    return about_article &&
           std::find(articles.begin(), articles.end(), page.article) != articles.end();
  };
  return render_selected(corpus, links, theme, options, wanted, out, diagnostics);
}

RenderSummary render_pages_at(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                              const SiteOptions& options, const std::vector<std::string>& paths,
                              OutputSink& out, Diagnostics& diagnostics) {
  auto wanted = [&](const PagePlan& page) {
    return std::find(paths.begin(), paths.end(), page.path) != paths.end();
  };
  return render_selected(corpus, links, theme, options, wanted, out, diagnostics);
}

}  // namespace legisite
