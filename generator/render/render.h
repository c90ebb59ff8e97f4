#pragma once
/// Front door of the render stage: turns the resolved model into pages through a Mustache theme.
/// Templates never see the model, only a view built from it; fields named *_html are the only
/// ones rendered unescaped.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "render/fingerprints.h"
#include "render/site_options.h"
#include "render/theme.h"
#include "resolve/link_graph.h"

namespace legisite {

/// The theme template the pages of `kind` are rendered with, inside the "layout" template.
std::string_view page_template(PageKind kind);

/// What render_site wrote.
struct RenderSummary {
  std::size_t pages = 0;  // rendered or carried over
  std::size_t pages_rendered = 0;
  std::size_t pages_carried = 0;  // inputs unchanged: the published site's file kept
  std::size_t files = 0;          // pages plus static files
  std::size_t bytes = 0;
};

/// What a build over a published site renders against.
struct RenderBasis {
  /// Identifies the generator's code (the digest of its executable): another program may render
  /// the same inputs differently, so it is part of every page's fingerprint.
  Digest program;
  /// The fingerprints the published site recorded (kPageInputsName); empty: every page is
  /// rendered.
  PageFingerprints published;
};

/// Writes every page (home, one per code, one per article including cited-only ones) and the
/// theme's static files to `out`. Internal links are relative and end in index.html so the site
/// works from a folder on disk as well as from a server. A page (and its data file) whose
/// fingerprint equals the one `basis.published` records for its path is not rendered: the sink
/// keeps the published file (OutputSink::keep). Every page's fingerprint is written to
/// kPageInputsName.
RenderSummary render_site(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                          const SiteOptions& options, OutputSink& out, Diagnostics& diagnostics,
                          const RenderBasis& basis = {});

/// Renders again the pages about `articles` alone (article, version, diff and identifier pages,
/// with their data files) into `out`, as render_site would: for `legisite serve`, once an edit
/// changed nothing but their texts, which no other page shows (README "Serving while editing").
/// Neither the files about the whole site (search index, feeds, open data) nor the record of
/// page inputs are written: the whole build that follows does.
RenderSummary render_article_pages(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                                   const SiteOptions& options,
                                   const std::vector<ArticleId>& articles, OutputSink& out,
                                   Diagnostics& diagnostics);

/// Renders again the pages at `paths` (site paths, "code/l1/index.html"; those the site does not
/// plan are left out), with their data files, as render_site would: for `legisite serve`, the
/// pages open in a browser once a template was edited, before the whole build renders the rest.
RenderSummary render_pages_at(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                              const SiteOptions& options, const std::vector<std::string>& paths,
                              OutputSink& out, Diagnostics& diagnostics);

}  // namespace legisite
