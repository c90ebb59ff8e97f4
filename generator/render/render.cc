#include "render/render.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>
#include <utility>

#include "render/law_at_date.h"
#include "render/mustache_engine.h"
#include "render/pages.h"
#include "render/theme_impl.h"
#include "render/version_pages.h"
#include "render/view_model.h"

namespace legisite {

namespace {

// Pages are handed out in small batches: big enough that threads rarely meet on the counter,
// small enough that one slow page (a whole code's table of contents) does not leave the other
// thread idle for long.
constexpr std::size_t kBatch = 16;

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
     [](const SiteInputs& s, const PagePlan&) { return home_view(s.corpus, s.index, s.options); }},
    {PageKind::kCode, "code",
     [](const SiteInputs& s, const PagePlan& p) {
       return code_view(s.corpus, s.index, s.options, p.code);
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
     [](const SiteInputs& s, const PagePlan& p) { return id_redirect_view(s.corpus, s.options, p); }},
    {PageKind::kCodeAtDate, "code_at_date",
     [](const SiteInputs& s, const PagePlan& p) { return dated_toc_view(s.corpus, s.options, p); }},
};

constexpr bool recipes_in_kind_order() {
  for (std::size_t i = 0; i < std::size(kRecipes); ++i)
    if (static_cast<std::size_t>(kRecipes[i].kind) != i) return false;
  return std::size(kRecipes) == static_cast<std::size_t>(PageKind::kCodeAtDate) + 1;
}
static_assert(recipes_in_kind_order(), "kRecipes has one entry per PageKind, in enum order");

const PageRecipe& recipe_for(PageKind kind) { return kRecipes[static_cast<std::size_t>(kind)]; }

/// What one thread did: counts, and its diagnostics keyed by page index so that they can be
/// merged in page order whatever thread rendered which page.
struct WorkerResult {
  std::size_t pages = 0;
  std::size_t bytes = 0;
  std::vector<std::pair<std::size_t, Diagnostic>> problems;
};

// The same engine error on every page of one kind says one thing: report it once, counted.
void report_merged(std::vector<std::pair<std::size_t, Diagnostic>> problems,
                   Diagnostics& diagnostics) {
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Diagnostic> merged;
  std::vector<std::size_t> repeats;
  for (auto& [page, d] : problems) {
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

}  // namespace

RenderSummary render_site(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                          const SiteOptions& options, OutputSink& out, Diagnostics& diagnostics) {
  RenderSummary summary;
  // Everything threads share is computed here and only read afterwards: the page list, the
  // reading order of each code (prev/next) and the model itself.
  const std::vector<PagePlan> pages = [&] {
    std::vector<PagePlan> planned = plan_pages(corpus, diagnostics, options.history);
    // Which dates get a table of contents depends on the reference date, a render option.
    if (options.history) plan_dated_tocs(corpus, options, planned);
    return planned;
  }();
  const SiteIndex index = index_site(corpus);
  const SiteInputs site{corpus, index, links, options};

  std::atomic<std::size_t> next_batch{0};
  auto work = [&](WorkerResult& result) {
    CompiledTheme compiled(theme.impl());  // the engine's templates are not shareable
    std::string html, error;
    TemplateRenderError template_error;
    for (;;) {
      std::size_t begin = next_batch.fetch_add(kBatch);
      if (begin >= pages.size()) break;
      for (std::size_t i = begin; i < std::min(begin + kBatch, pages.size()); ++i) {
        const PagePlan& page = pages[i];
        const PageRecipe& recipe = recipe_for(page.kind);
        if (!compiled.render_page(recipe.template_name, recipe.view(site, page), html,
                                  template_error)) {
          Diagnostic d;
          d.where.file = template_error.file;
          d.message = "template error: " + template_error.message;
          d.notes.push_back("while rendering " + page.path);
          result.problems.emplace_back(i, std::move(d));
          continue;
        }
        if (!out.write(page.path, html, error)) {
          Diagnostic d;
          d.where.file = page.path;
          d.message = "cannot write page: " + error;
          result.problems.emplace_back(i, std::move(d));
          continue;
        }
        ++result.pages;
        result.bytes += html.size();
      }
    }
  };

  std::size_t thread_count = static_cast<std::size_t>(std::max(1, options.threads));
  // A helper that would find no batch left is not worth starting.
  thread_count = std::min(thread_count, (pages.size() + kBatch - 1) / kBatch);
  thread_count = std::max<std::size_t>(1, thread_count);
  std::vector<WorkerResult> results(thread_count);
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < thread_count; ++t) helpers.emplace_back(work, std::ref(results[t]));
  work(results[0]);
  for (auto& h : helpers) h.join();

  std::vector<std::pair<std::size_t, Diagnostic>> problems;
  for (WorkerResult& r : results) {
    summary.pages += r.pages;
    summary.bytes += r.bytes;
    for (auto& p : r.problems) problems.push_back(std::move(p));
  }
  report_merged(std::move(problems), diagnostics);

  // Static files keep their path below the theme: static/style.css -> static/style.css.
  std::string error;
  for (const auto& [path, contents] : theme.impl().static_files) {
    if (!out.write(path, contents, error)) {
      diagnostics.error({path, 0, 0}, "cannot write static file: " + error);
      continue;
    }
    ++summary.files;
    summary.bytes += contents.size();
  }
  summary.files += summary.pages;
  return summary;
}

}  // namespace legisite
