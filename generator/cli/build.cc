#include "cli/build.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <thread>

#include "cli/link_report.h"
#include "cli/program_identity.h"
#include "digest/digest.h"
#include "model/model.h"
#include "output/output.h"
#include "render/render.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "sources/source_record.h"
#include "sources/sources.h"

namespace legisite {

namespace {

std::string human_bytes(std::size_t bytes) {
  char buffer[32];
  if (bytes >= 1024 * 1024)
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else
    std::snprintf(buffer, sizeof buffer, "%.1f kB", static_cast<double>(bytes) / 1024.0);
  return buffer;
}

// Today in UTC: the default reference date of article pages.
Date today() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return Date::from_days(
      static_cast<std::int32_t>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24));
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Identifies this program in the records it writes: another program may render or compare
// the same inputs differently.
Digest program_digest() { return Hasher().add(program_identity()).finish(); }

// Writes one of the records a build keeps for the next build over the site it publishes (`what`
// names it in an error), dated `*dated` when not null (OutputSink::write_dated).
void write_record(const char* name, const std::string& record, const std::int64_t* dated,
                  const char* what, OutputSink& out, Diagnostics& diagnostics,
                  BuildReport& report) {
  std::string error;
  if (dated ? out.write_dated(name, record, *dated, error) : out.write(name, record, error)) {
    ++report.files;
    report.bytes += record.size();
  } else if (!error.empty()) {
    diagnostics.error({name, 0, 0},
                      std::string("cannot write the record of ") + what + ": " + error);
  }
}

/// Measures one phase into the report when it goes out of scope.
class PhaseTimer {
 public:
  PhaseTimer(BuildReport& report, const char* name)
      : report_(report), name_(name), started_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    report_.phases.emplace_back(
        name_, std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
  }

 private:
  BuildReport& report_;
  const char* name_;
  std::chrono::steady_clock::time_point started_;
};

// --strict: warnings are errors, and so is a link report with anything in it.
void apply_strict(const BuildOptions& options, const BuildReport& report,
                  Diagnostics& diagnostics) {
  if (options.strict) {
    diagnostics.promote_warnings_to_errors();
    if (std::size_t n = report.links.findings.size(); n > 0)
      diagnostics.error({},
                        plural(n, "citation", "citations") +
                            " unresolved, ambiguous or suspicious (--strict; see the link report)");
  }
  diagnostics.sort();
}

// The content tree `options.content` names: a folder, or one file; null (and an error) if neither.
std::unique_ptr<DiskFileSystem> open_content(const BuildOptions& options,
                                             Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(options.content, ec)) {
    fs::path p(options.content);
    return std::make_unique<DiskFileSystem>(
        p.has_parent_path() ? p.parent_path().string() : std::string("."), p.filename().string());
  }
  if (fs::is_directory(options.content, ec))
    return std::make_unique<DiskFileSystem>(options.content);
  diagnostics.error({options.content, 0, 0}, "content folder or file not found");
  return nullptr;
}

// Sources -> model -> resolve, each timed, with the corpus's counts in the report.
LinkGraph read_and_resolve(const FileSystem& content, std::size_t jobs,
                           const SourceOptions& sources, Corpus& corpus, BuildReport& report,
                           Diagnostics& diagnostics, SourceCache* cache = nullptr) {
  {
    PhaseTimer timer(report, "sources");
    const LoadSummary loaded = load_sources(content, corpus, diagnostics, jobs, sources, cache);
    report.source_files = loaded.files_read;
    report.source_files_unchanged = loaded.files_unchanged;
  }
  LinkGraph graph;
  {
    PhaseTimer timer(report, "resolve");
    graph = resolve(corpus, diagnostics, jobs);
  }
  report.codes = corpus.codes().size();
  for (const Article& a : corpus.articles()) {
    if (a.cited_only)
      ++report.cited_only;
    else
      ++report.articles;
    report.versions += a.versions.size();
  }
  return graph;
}

}  // namespace

BuildReport check_into(const FileSystem& content, Diagnostics& diagnostics, std::size_t jobs,
                       const SourceOptions& sources) {
  BuildReport report;
  Corpus corpus;
  report.links = read_and_resolve(content, jobs, sources, corpus, report, diagnostics).report;
  narrow_lines(content, report.links, 0);
  return report;
}

BuildReport check_sources(const BuildOptions& options, Diagnostics& diagnostics) {
  auto started = std::chrono::steady_clock::now();
  BuildReport report;
  if (auto content = open_content(options, diagnostics))
    report = check_into(*content, diagnostics, options.jobs, options.sources);
  apply_strict(options, report, diagnostics);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

namespace {

std::string read_record(const std::string& destination, const char* name) {
  std::string text, error;
  return DiskFileSystem(destination).read_file(name, text, error) ? text : std::string();
}

// The readings the site in `destination` recorded of its sources, into `cache`.
void read_published_sources(const std::string& destination, SourceCache& cache) {
  std::int64_t dated = 0;
  if (file_mtime_ns(destination + "/" + kSourceRecordName, dated))
    read_source_record(read_record(destination, kSourceRecordName), program_digest().hex(), dated,
                       cache);
}

// Fills `records` with what the site published in `destination` recorded of its pages' inputs,
// of its sources' readings (into `sources`, unless it holds some already) and, unless serve's
// cache holds the last build's diffs (all the record could give), of its diffs; they stay empty
// when it has none this program can read (every page is rendered, every source read, every pair
// of texts compared then).
void read_published_records(const std::string& destination, const RebuildCaches* caches,
                            SourceCache& sources, PublishedRecords& records) {
  records.pages =
      parse_page_inputs(read_record(destination, kPageInputsName)).value_or(PageFingerprints{});
  if (!caches || caches->diffs.size() == 0)
    records.diffs = DiffRecord::parse(read_record(destination, kDiffRecordName), program_digest());
  if (sources.size() == 0) read_published_sources(destination, sources);
}

// What the build tells render about the site as a whole, from its options: today unless --date.
SiteOptions site_options(const BuildOptions& options) {
  SiteOptions site;
  site.base_url = options.base_url;
  site.reference_date = options.date.known() ? options.date : today();
  site.history = options.history;
  site.data_files = options.data_files;
  site.feed_days = options.feed_days;
  site.toc_dates = options.toc_dates;
  site.all_toc_dates = options.all_toc_dates;
  site.toc_split = options.toc_split;
  site.jobs = options.jobs;
  return site;
}

// The previous site stays until a complete new one exists; with errors, only --keep-going
// publishes (what could be built, the exit status still failing), never an empty site over one
// with pages. A site whose writing stopped (disk full) is never complete, even with --keep-going.
void publish_if_complete(const BuildOptions& options, StagedSite& staged, BuildReport& report,
                         Diagnostics& diagnostics,
                         const std::function<void(const BuildReport&)>& published,
                         RebuildCaches* caches) {
  const bool complete =
      !staged.stopped() && report.pages > 0 && (report.articles > 0 || !staged.replaces_pages());
  if (!complete || (diagnostics.has_errors() && !options.keep_going)) return;
  PhaseTimer timer(report, "publish");
  std::string error;
  if (!staged.publish(error)) {
    diagnostics.error({options.out, 0, 0}, error);
    return;
  }
  report.published = true;
  report.files_written = staged.changes().written;
  report.files_unchanged = staged.changes().unchanged;
  report.files_deleted = staged.changes().deleted;
  if (caches && caches->site) caches->site->destination = staged.destination_path();
  if (published) published(report);
}

}  // namespace

BuildReport build_into(const FileSystem& content, const FileSystem& theme_files,
                       const BuildOptions& options, OutputSink& out, Diagnostics& diagnostics,
                       const PublishedRecords& published, RebuildCaches* caches) {
  BuildReport report;
  // The last build's model is no use to this one: not kept beside the new one.
  if (caches) caches->site.reset();
  // The theme first: a broken template makes every page useless, so say so before reading a
  // whole code.
  std::unique_ptr<Theme> theme;
  {
    PhaseTimer timer(report, "theme");
    theme = Theme::load(theme_files, diagnostics);
  }

  Corpus corpus;
  SourceCache* sources = caches ? &caches->sources : published.sources.get();
  const std::int64_t read_from = stamp_clock_now();
  LinkGraph graph = read_and_resolve(content, options.jobs, options.sources, corpus, report,
                                     diagnostics, sources);
  // Not narrowed to each citation's line, unlike `check`: re-reading a whole-code dump for five
  // lines would cost a tenth of the build.
  report.links = std::move(graph.report);
  if (!theme) return report;
  // Dated when this build started reading: the stamps it trusts (source_record.h).
  if (sources)
    write_record(kSourceRecordName, format_source_record(*sources, program_digest().hex()),
                 &read_from, "sources", out, diagnostics, report);
  // Recorded, the readings are of no more use to a build without serve's caches: the model holds
  // what they gave.
  if (sources && !caches) sources->clear();

  const SiteOptions site = site_options(options);
  // What pages show depends on the reference date, known only now: the version each article
  // page shows then and, for a site with history pages, the diffs. Render only reads them.
  {
    PhaseTimer timer(report, "history");
    answer_for_date(corpus, site.reference_date, site.history, site.jobs,
                    caches ? &caches->diffs : nullptr, &published.diffs);
    report_diffs_beyond_budget(corpus, diagnostics);
  }
  if (caches && caches->resolved && !diagnostics.has_errors())
    caches->resolved(corpus, graph, *theme, site);
  RenderSummary rendered;
  {
    PhaseTimer timer(report, "render");
    // Written once serve has shown the open pages: hashing every pair of texts does not delay them.
    if (site.history)
      write_record(kDiffRecordName, format_diff_record(corpus, program_digest()), nullptr, "diffs",
                   out, diagnostics, report);
    RenderBasis basis;
    basis.program = program_digest();
    basis.published = published.pages;
    rendered = render_site(corpus, graph, *theme, site, out, diagnostics, basis);
  }
  if (caches)
    caches->site = std::make_shared<BuiltSite>(
        BuiltSite{std::move(corpus), std::move(graph), std::move(theme), site, ""});
  report.pages = rendered.pages;
  report.pages_rendered = rendered.pages_rendered;
  report.pages_carried = rendered.pages_carried;
  report.files += rendered.files;
  report.bytes += rendered.bytes;
  return report;
}

std::vector<KeptFolder> kept_folders(const BuildOptions& options) {
  std::error_code ec;
  // A repository read from its commits never reads its working tree: a site may go there.
  return {{options.content,
           std::filesystem::is_regular_file(options.content, ec) ? "the content file"
                                                                 : "the content folder",
           !reads_commits(options.content, options.sources)},
          {options.theme, "the theme folder", true}};
}

BuildReport build_site(const BuildOptions& options, Diagnostics& diagnostics,
                       const std::function<void(const BuildReport&)>& published,
                       RebuildCaches* caches) {
  namespace fs = std::filesystem;
  auto started = std::chrono::steady_clock::now();
  BuildReport report;

  std::error_code ec;
  std::unique_ptr<DiskFileSystem> content = open_content(options, diagnostics);
  if (!fs::is_directory(options.theme, ec))
    diagnostics.error({options.theme, 0, 0}, "theme folder not found");

  // --out is refused before any work when publishing there could destroy something.
  std::string error;
  std::unique_ptr<StagedSite> staged;
  PublishedRecords records;
  {
    // The published site's manifests, page inputs, diffs and sources' readings: what an
    // incremental build starts from.
    PhaseTimer timer(report, "records");
    if (content)
      staged = StagedSite::create(options.out, error, kept_folders(options), !options.clean);
    if (!caches) records.sources = std::make_shared<SourceCache>();
    SourceCache& sources = caches ? caches->sources : *records.sources;
    if (staged && !options.clean)
      read_published_records(staged->destination_path(), caches, sources, records);
  }
  if (content && !staged) diagnostics.error({options.out, 0, 0}, error);
  // Staging folders of killed builds go in the background: they must not delay this one.
  std::thread sweeper;
  if (staged) sweeper = std::thread([&staged] { staged->remove_leftovers(); });

  if (staged && fs::is_directory(options.theme, ec)) {
    DiskFileSystem theme(options.theme);
    BuildReport built = build_into(*content, theme, options, *staged, diagnostics, records, caches);
    built.phases.insert(built.phases.begin(), report.phases.begin(), report.phases.end());
    report = std::move(built);
  }
  // An empty or unreadable content folder must not wipe a good site.
  if (staged && report.articles == 0 && staged->replaces_pages())
    diagnostics.error({options.out, 0, 0}, "no article found in " + options.content +
                                               ": the site in --out is kept "
                                               "rather than replaced by an empty one");
  apply_strict(options, report, diagnostics);

  if (staged) publish_if_complete(options, *staged, report, diagnostics, published, caches);
  // The site in --out is not made from what this build read: no edit may patch it.
  if (caches && !report.published) caches->site.reset();
  if (sweeper.joinable()) sweeper.join();
  staged.reset();  // discards the staging folder when not published
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

std::string format_timings(const BuildReport& report) {
  std::string out;
  for (const auto& [name, seconds] : report.phases) {
    char line[64];
    std::snprintf(line, sizeof line, "  %-8s %7.3f s\n", name.c_str(), seconds);
    out += line;
  }
  return out;
}

namespace {

// "1 code, 7372 articles (22203 versions, 289 cited-only articles)".
std::string corpus_counts(const BuildReport& r) {
  return plural(r.codes, "code", "codes") + ", " + plural(r.articles, "article", "articles") +
         " (" + plural(r.versions, "version", "versions") + ", " +
         plural(r.cited_only, "cited-only article", "cited-only articles") + ")";
}

// " in 1.23 s: 0 errors, 2 warnings".
std::string time_and_problems(const BuildReport& r, const Diagnostics& diagnostics) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", r.seconds);
  return std::string(" in ") + seconds + ": " +
         plural(diagnostics.error_count(), "error", "errors") + ", " +
         plural(diagnostics.warning_count(), "warning", "warnings");
}

}  // namespace

std::string format_summary(const BuildReport& r, const Diagnostics& diagnostics,
                           const BuildOptions& options) {
  std::string out = "Built " + corpus_counts(r) + ", " + plural(r.pages, "page", "pages") + " (" +
                    human_bytes(r.bytes) + ")" + time_and_problems(r, diagnostics) + ".\n";
  if (r.published) {
    out += "Site written to " + options.out + "/ (sources: " + std::to_string(r.source_files) +
           " read, " + std::to_string(r.source_files_unchanged) +
           " unchanged; pages: " + std::to_string(r.pages_rendered) + " re-rendered, " +
           std::to_string(r.pages_carried) +
           " carried over; files: " + std::to_string(r.files_written) + " written, " +
           std::to_string(r.files_unchanged) + " unchanged, " + std::to_string(r.files_deleted) +
           " deleted) — open " + options.out + "/index.html in a browser.\n";
  } else {
    out += "Nothing published: " + options.out + "/ is left as it was";
    out += diagnostics.has_errors() ? " (fix the errors above, or use --keep-going).\n" : ".\n";
  }
  return out;
}

std::string format_check_summary(const BuildReport& r, const Diagnostics& diagnostics) {
  return "Checked " + corpus_counts(r) + time_and_problems(r, diagnostics) + "; nothing written.\n";
}

int exit_status(const Diagnostics& diagnostics) { return diagnostics.has_errors() ? 1 : 0; }

}  // namespace legisite
