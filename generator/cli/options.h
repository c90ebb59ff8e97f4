#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/date.h"
#include "parallel/parallel.h"
#include "sources/sources.h"

namespace legisite {

/// What `legisite build` (or `legisite check`, which uses content, strict and date) was asked to
/// do.
struct BuildOptions {
  std::string content = "content";
  std::string theme = "themes/default";
  std::string out = "site";
  std::string base_url = "/";
  bool strict = false;      // warnings and link-report findings fail the build
  bool keep_going = false;  // publish even when there are errors (the exit status still says so)
  bool timings = false;     // print each phase's wall time
  bool clean = false;       // write every file, none linked from the published site
  bool history = true;      // --no-history: no version, diff, law-at-date, /id/ or text pages
  bool data_files = true;   // --no-json: no JSON data files beside pages or about the site
  int feed_days = 90;       // --feed-days: the change feeds cover the days up to --date
  /// `--toc-dates`: days that get a dated table of contents too, or every day the code changed
  /// (`all`) instead of the most recent ones.
  std::vector<Date> toc_dates;
  bool all_toc_dates = false;
  /// `--toc-split`: a code's table of contents listing more articles than this is published as
  /// one page per second-level section (Livre); 0 keeps every table on one page.
  std::size_t toc_split = 1000;
  /// `-j`, `--jobs`: threads for the phases that spread their work (reading a whole code or a
  /// history, citations, rendering); the output is the same for every value, 1 runs all on the
  /// calling thread.
  std::size_t jobs = default_jobs();
  /// `--commits`, `--no-git`: how a git repository given as --content is read.
  SourceOptions sources;
  /// `--date`: the day article pages show the law of. Unknown means today (UTC), which the CLI
  /// fills in; tests pass a fixed day so that pages do not change with the calendar.
  Date date;
};

/// Where `legisite serve` listens: loopback by default, so that a preview is not published to
/// the network by accident.
struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8000;  // 0: any free port (the one chosen is printed)
};

/// The parsed command line.
struct CommandLine {
  enum class Command { kBuild, kCheck, kServe, kHelp, kVersion };
  Command command = Command::kHelp;
  BuildOptions build;
  ServeOptions serve;
};

/// Parses argv[1..]. Returns false and fills `error` on a usage mistake.
bool parse_command_line(const std::vector<std::string>& args, CommandLine& out, std::string& error);

/// The text of `legisite --help`.
std::string usage_text();

/// The version string ("legisite 0.1.0").
std::string version_text();

}  // namespace legisite
