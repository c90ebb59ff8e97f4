#pragma once
/// The HTTP side of `legisite serve`: serves a published site folder as a host would (index.html
/// for folders, 404.html for missing pages) and keeps open pages up to date. Every HTML page it
/// sends gets the live-reload script (live_reload.h), which listens to server-sent events: a new
/// build reloads the page, a failed one shows its diagnostics over it while the last good site
/// stays served. Nothing of this reaches the folder: built sites never hold the script.

#include <memory>
#include <string>
#include <vector>

namespace legisite {

class SiteServer {
 public:
  /// Serves the files below `root` (read at each request, so a site swapped in by a build is
  /// served at once).
  explicit SiteServer(std::string root);
  ~SiteServer();
  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  /// Binds `host`:`port` (port 0: any free port). False and `error` filled when it cannot.
  bool bind(const std::string& host, int port, std::string& error);
  /// The port bound.
  int port() const;
  /// Starts answering requests on a thread of its own (after bind()).
  void start();
  /// Closes open event streams and stops answering; returns when every thread has ended.
  void stop();

  /// The site paths of the pages open in a browser ("code/l1/index.html"): those whose script
  /// holds an event stream open, sorted.
  std::vector<std::string> open_pages() const;

  /// A build published a new site: open pages reload.
  void announce_site();
  /// A build failed with `diagnostics`: open pages show them; the last good site stays served.
  void announce_failure(const std::string& diagnostics);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace legisite
