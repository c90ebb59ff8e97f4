#pragma once
/// Front door of the render stage: turns the resolved model into pages through a Mustache theme.
/// Templates never see the model, only a view built from it; fields named *_html are the only
/// ones rendered unescaped.

#include <cstddef>

#include "diagnostics/diagnostics.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "render/site_options.h"
#include "render/theme.h"
#include "resolve/link_graph.h"

namespace legisite {

/// What render_site wrote.
struct RenderSummary {
  std::size_t pages = 0;
  std::size_t files = 0;  // pages plus static files
  std::size_t bytes = 0;
};

/// Writes every page (home, one per code, one per article including cited-only ones) and the
/// theme's static files to `out`. Internal links are relative and end in index.html so the site
/// works from a folder on disk as well as from a server.
RenderSummary render_site(const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                          const SiteOptions& options, OutputSink& out, Diagnostics& diagnostics);

}  // namespace legisite
