#pragma once
/// Front door of the render stage: turns the resolved model into pages through a Mustache theme.
/// Templates never see the model, only a view built from it; fields named *_html are the only
/// ones rendered unescaped.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "resolve/resolve.h"

namespace legisite {

/// A theme's templates and static files, checked when loaded.
class Theme {
 public:
  /// Loads `templates/*.mustache` and `static/**` from a theme folder. Reports every template
  /// that does not parse or is missing (file and message) and returns null if any is unusable.
  static std::unique_ptr<Theme> load(const FileSystem& theme_files, Diagnostics& diagnostics);
  ~Theme();
  Theme(const Theme&) = delete;
  Theme& operator=(const Theme&) = delete;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Theme(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// What a site says about itself, the same on every page.
struct SiteOptions {
  /// Prefix of canonical URLs ("https://example.org/"); "/" keeps them root-relative.
  std::string base_url = "/";
  std::string generator = "legisite";
  /// Shown in every page's header (linking home) and at the end of its <title>.
  std::string site_name = "legisite";
  /// Threads that render pages (the output does not depend on it); below 1 means 1.
  int threads = 2;
  /// The day article pages show the law of (`--date`): the version in force then, with a banner
  /// when none is. Set by the build (today by default), fixed by tests for reproducibility.
  Date reference_date = Date::from_ymd(2026, 11, 26);
  /// Version, diff, law-at-date and /id/ pages, and the links to them (`--no-history` turns them
  /// off: the law in force on reference_date only, its versions still listed with their dates).
  bool history = true;
  /// Days that get a dated table of contents besides those chosen from the days the code changed
  /// (`--toc-dates 2020-01-01,…`), and whether every such day gets one instead of the most recent
  /// (`--toc-dates all`).
  std::vector<Date> toc_dates;
  bool all_toc_dates = false;
};

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
