#pragma once
/// The build, as one short function per medium: load sources -> build the model -> resolve ->
/// render -> publish. Nothing here prints; the report goes back to main.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"
#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "output/destination.h"
#include "render/fingerprints.h"
#include "render/site_options.h"
#include "render/theme.h"
#include "resolve/diff_cache.h"
#include "resolve/diff_record.h"
#include "resolve/link_graph.h"
#include "resolve/link_report.h"
#include "sources/source_cache.h"

namespace legisite {

struct BuildReport {
  /// Source files read, and article files whose reading serve's caches kept because they did not
  /// change (not read).
  std::size_t source_files = 0;
  std::size_t source_files_unchanged = 0;
  std::size_t codes = 0;
  std::size_t articles = 0;  // with text in this edition
  std::size_t cited_only = 0;
  std::size_t versions = 0;
  std::size_t pages = 0;
  /// Of those pages: rendered, and carried over from the published site (inputs unchanged).
  std::size_t pages_rendered = 0;
  std::size_t pages_carried = 0;
  std::size_t files = 0;
  std::size_t bytes = 0;
  bool published = false;
  /// When published: files written (new or changed), linked unchanged from the previous site,
  /// and the previous site's files the new one lacks.
  std::size_t files_written = 0;
  std::size_t files_unchanged = 0;
  std::size_t files_deleted = 0;
  double seconds = 0;
  /// Wall time of each phase, in order ("theme", "sources", "resolve", "render", "publish"), for
  /// `--timings`: where a slow build spends its time.
  std::vector<std::pair<std::string, double>> phases;
  /// How citations resolved and what could not be settled. For `check`, each finding carries the
  /// line of the citation itself; for a build, the line its version starts at.
  LinkReport links;
};

/// How many findings of each kind the end of a build lists (`legisite check` lists all).
constexpr std::size_t kReportedPerKind = 5;

/// The model, answers and theme a build rendered, and where it published them.
struct BuiltSite {
  Corpus corpus;
  LinkGraph links;  // without its report
  std::unique_ptr<Theme> theme;
  SiteOptions options;
  std::string destination;  // the published folder; "" until published
};

/// What `legisite serve` keeps from one rebuild to the next, so that what did not change is not
/// read, parsed nor compared again: the readings of unchanged source files, the diffs of
/// unchanged pairs of texts. A build with them gives the same site and the same diagnostics as
/// one without; `build` keeps only the readings, in a record beside the site it publishes.
struct RebuildCaches {
  SourceCache sources;
  DiffCache diffs;
  /// What the site in --out was made from, while it is the last build's (null once a build
  /// failed): an edit of texts alone updates its pages at once (cli/text_edit.h).
  std::shared_ptr<BuiltSite> site;
  /// Called by a build once its model is read, resolved and answered without error, before its
  /// pages are rendered: serve shows the pages open in a browser from it at once.
  std::function<void(const Corpus&, const LinkGraph&, const Theme&, const SiteOptions&)> resolved;
};

/// What the site in --out recorded of the build that made it: a build over it starts from them.
struct PublishedRecords {
  PageFingerprints pages;  // render/fingerprints.h
  DiffRecord diffs;        // resolve/diff_record.h
  /// The readings of its source files (sources/source_record.h), for a build without serve's
  /// caches: it records what it reads in it. Null: nothing is recorded.
  std::shared_ptr<SourceCache> sources;
};

/// Builds from in-memory or on-disk trees into any sink; used by tests and by build_site. The
/// pages whose fingerprints equal those `published` records are kept by the sink, not rendered;
/// the pairs of texts whose diffs it records are not compared again.
BuildReport build_into(const FileSystem& content, const FileSystem& theme,
                       const BuildOptions& options, OutputSink& out, Diagnostics& diagnostics,
                       const PublishedRecords& published = {}, RebuildCaches* caches = nullptr);

/// The folders options.out may neither be, contain nor (for the folders the build reads) lie
/// inside: the content and the theme (output/destination.h).
std::vector<KeptFolder> kept_folders(const BuildOptions& options);

/// Builds from the disk per `options`, publishing into options.out when the build succeeds (or
/// with --keep-going). Diagnostics come back sorted; --strict has already been applied.
/// `published`, when given, is called with the report so far as soon as the new site is in place,
/// before the old one is deleted (`legisite serve` reloads the open pages then).
BuildReport build_site(const BuildOptions& options, Diagnostics& diagnostics,
                       const std::function<void(const BuildReport&)>& published = nullptr,
                       RebuildCaches* caches = nullptr);

/// `legisite check`: reads and resolves `content` without rendering or writing anything, on
/// `jobs` threads.
BuildReport check_into(const FileSystem& content, Diagnostics& diagnostics, std::size_t jobs = 1,
                       const SourceOptions& sources = {});
/// The same from the disk per `options`; with --strict, warnings and findings become errors.
BuildReport check_sources(const BuildOptions& options, Diagnostics& diagnostics);

/// One line per phase with its wall time (`--timings`).
std::string format_timings(const BuildReport& report);

/// The one-paragraph summary printed at the end of a build.
std::string format_summary(const BuildReport& report, const Diagnostics& diagnostics,
                           const BuildOptions& options);

/// The one line printed at the end of `legisite check`.
std::string format_check_summary(const BuildReport& report, const Diagnostics& diagnostics);

/// 0 when the build succeeded, 1 when it reported errors.
int exit_status(const Diagnostics& diagnostics);

}  // namespace legisite
