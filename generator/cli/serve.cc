#include "cli/serve.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/build.h"
#include "cli/link_report.h"
#include "cli/text_edit.h"
#include "serve/folder_watcher.h"
#include "serve/site_server.h"
#include "sources/git_repository.h"
#include "sources/sources.h"

namespace legisite {

namespace {

// Editors write a file in several steps (truncate, write, rename, chmod): the rebuild waits until
// the folders have been quiet this long.
constexpr int kSettleMilliseconds = 20;

// SIGINT and SIGTERM are read from a file descriptor by the watch loop instead of interrupting
// whichever thread they hit: blocked here, before any thread starts, they stay blocked in every
// thread the build and the server start.
int block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return ::signalfd(-1, &signals, SFD_CLOEXEC);
}

// A path as the user would type it: relative to the current folder when below it.
std::string shown_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path relative = fs::path(path).lexically_relative(fs::current_path(ec));
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

// "Changed: content/L1.md and 1 more". It names the first changed file that still exists: `sed -i`
// and many editors write a temporary file, then rename it over the one edited.
std::string changes_line(const std::vector<std::string>& changed) {
  std::vector<std::string> distinct;
  for (const std::string& path : changed)
    if (std::find(distinct.begin(), distinct.end(), path) == distinct.end())
      distinct.push_back(path);
  if (distinct.empty()) return "Changed: nothing";
  std::error_code ec;
  auto named = std::find_if(distinct.begin(), distinct.end(), [&](const std::string& path) {
    return std::filesystem::exists(path, ec);
  });
  if (named == distinct.end()) named = distinct.begin();  // only deletions
  std::string line = "Changed: " + shown_path(*named);
  if (distinct.size() > 1) line += " and " + std::to_string(distinct.size() - 1) + " more";
  return line;
}

// "0.052 s" since `started`.
std::string seconds_since(std::chrono::steady_clock::time_point started) {
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.3f s",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return seconds;
}

// One build into --out; the server is told whether there is a new site or why there is none.
// `caches` keep what this build read and compared for the next one. After the `shown` pages of an
// edit shown at once, open pages reload again only when the build rendered other pages too: the
// rest of what it writes (search index, feeds, open data) is no page's.
void build_and_announce(const BuildOptions& options, SiteServer& server, bool first,
                        RebuildCaches& caches, std::optional<std::size_t> shown = std::nullopt) {
  // An edit not shown at once: the open pages are shown as soon as the rebuild has its model,
  // before it renders every other page (from the served folder the last good build published).
  const std::string served = caches.site ? caches.site->destination : std::string();
  const auto started = std::chrono::steady_clock::now();
  if (!shown && !served.empty())
    caches.resolved = [&](const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                          const SiteOptions& site) {
      const std::size_t pages =
          show_open_pages(served, server.open_pages(), corpus, links, theme, site);
      if (pages == 0) return;
      server.announce_site();
      std::cout << "Updated " << pages << (pages == 1 ? " open page" : " open pages") << " in "
                << seconds_since(started) << "; rendering the rest." << std::endl;
    };
  Diagnostics diagnostics;
  BuildReport report = build_site(
      options, diagnostics,
      [&server, shown](const BuildReport& built) {
        if (!shown || built.pages_rendered != *shown) server.announce_site();
      },
      &caches);
  caches.resolved = nullptr;
  std::string problems = format_grouped(diagnostics);
  std::cerr << problems;
  if (first) {
    std::cout << format_link_report(report.links, kReportedPerKind)
              << format_summary(report, diagnostics, options);
  } else if (report.published) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f s", report.seconds);
    std::cout << "Rebuilt: " << report.pages << " pages in " << seconds << ", "
              << diagnostics.warning_count() << " warnings.\n";
  } else {
    std::cout << "Build failed (" << diagnostics.error_count()
              << " errors): still serving the last good site.\n";
  }
  if (options.timings) std::cout << format_timings(report);
  std::cout.flush();
  if (!report.published)
    server.announce_failure(problems.empty() ? "Nothing was published." : problems);
}

// An edit of texts alone, of the theme's static files or of its templates (on the pages open in a
// browser) is shown before the whole rebuild (cli/text_edit.h). Returns how many pages it showed;
// nothing when it left the edit to the whole rebuild.
std::optional<std::size_t> show_edit_at_once(const BuildOptions& options, SiteServer& server,
                                             RebuildCaches& caches,
                                             const std::vector<std::string>& changed) {
  const auto started = std::chrono::steady_clock::now();
  auto took = [&started] { return seconds_since(started); };
  std::size_t files = 0;
  if (show_static_edit(options, caches, changed, files)) {
    server.announce_site();
    std::cout << "Updated " << files << (files == 1 ? " static file" : " static files") << " in "
              << took() << "; rebuilding the rest." << std::endl;
    return 0;
  }
  std::size_t pages = 0;
  if (show_template_edit(options, caches, changed, server.open_pages(), pages)) {
    server.announce_site();
    std::cout << "Updated " << pages << (pages == 1 ? " open page" : " open pages") << " in "
              << took() << "; rebuilding the rest." << std::endl;
    return pages;
  }
  TextEdit edit;
  if (!show_text_edit(options, caches, changed, edit)) return std::nullopt;
  server.announce_site();
  std::string numbers;
  for (const std::string& n : edit.articles) numbers += (numbers.empty() ? "" : ", ") + n;
  std::cout << "Updated " << edit.pages << (edit.pages == 1 ? " page" : " pages") << " of "
            << numbers << " in " << took() << "; rebuilding the rest." << std::endl;
  return edit.pages;
}

// The content and the theme; for a repository read from its commits (whose folder the watcher
// leaves out, as the build does), also what a commit, a checkout or a fetch changes.
std::vector<std::string> watched_paths(const BuildOptions& options) {
  std::vector<std::string> paths{options.content, options.theme};
  if (reads_commits(options.content, options.sources)) {
    std::string error;
    if (auto repo = GitRepository::open(options.content, error))
      for (std::string& path : repo->ref_files()) paths.push_back(std::move(path));
  }
  return paths;
}

// Waits for a change below the watched folders, then for them to settle. False when a stop
// signal came instead.
bool wait_for_changes(FolderWatcher& watcher, int stop_signals, std::vector<std::string>& changed) {
  changed.clear();
  int timeout = -1;  // wait for the first change as long as it takes, then for a quiet moment
  for (;;) {
    pollfd fds[2] = {{stop_signals, POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    int ready = ::poll(fds, 2, timeout);
    if (ready < 0) continue;  // EINTR
    if (fds[0].revents & POLLIN) return false;
    if (ready == 0) {
      if (!changed.empty()) return true;
      timeout = -1;  // only ignored files moved: wait again
      continue;
    }
    for (auto& path : watcher.read_changes()) changed.push_back(std::move(path));
    timeout = kSettleMilliseconds;
  }
}

}  // namespace

int serve_site(const BuildOptions& options, const ServeOptions& serve) {
  int stop_signals = block_stop_signals();
  SiteServer server(options.out);
  std::string error;
  // An --out no build may publish into stays refused whatever the edits: serve stops at once.
  Destination destination;
  if (!check_destination(options.out, kept_folders(options), destination, error)) {
    std::cerr << options.out << ": error: " << error << '\n';
    return 1;
  }
  if (!server.bind(serve.bind, serve.port, error)) {
    std::cerr << "legisite: " << error << '\n';
    return 1;
  }
  RebuildCaches caches;
  build_and_announce(options, server, true, caches);
  std::unique_ptr<FolderWatcher> watcher =
      FolderWatcher::create(watched_paths(options), {options.out}, error);
  if (!watcher) {
    std::cerr << "legisite: " << error << '\n';
    return 1;
  }
  if (!watcher->warning().empty()) std::cerr << "legisite: warning: " << watcher->warning() << '\n';
  server.start();
  std::string host =
      serve.bind.find(':') != std::string::npos ? "[" + serve.bind + "]" : serve.bind;
  std::cout << "Serving " << options.out << "/ at http://" << host << ":" << server.port()
            << "/ — rebuilt when " << options.content << " or " << options.theme
            << " changes; Ctrl-C stops." << std::endl;

  std::vector<std::string> changed;
  while (wait_for_changes(*watcher, stop_signals, changed)) {
    std::cout << changes_line(changed) << '\n';
    const std::optional<std::size_t> shown = show_edit_at_once(options, server, caches, changed);
    build_and_announce(options, server, false, caches, shown);
  }
  server.stop();
  ::close(stop_signals);
  std::cout << "Stopped." << std::endl;
  return 0;
}

}  // namespace legisite
