#include "serve/site_server.h"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "serve/live_reload.h"

namespace legisite {

namespace {

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".svg", "image/svg+xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
  };
  for (const auto& [suffix, type] : kTypes) {
    std::string_view s(suffix);
    if (path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0)
      return type;
  }
  return "application/octet-stream";
}

bool read_whole_file(const std::filesystem::path& path, std::string& contents) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  contents = buffer.str();
  return true;
}

// How long an event stream waits before a comment line: a closed tab is noticed at the next
// write, which frees its thread.
constexpr auto kKeepAlive = std::chrono::seconds(15);

}  // namespace

struct SiteServer::State {
  std::string root;
  httplib::Server http;
  std::thread thread;
  int port = 0;

  std::mutex mutex;
  std::condition_variable changed;
  unsigned long build = 0;   // good builds announced
  unsigned long serial = 0;  // announcements of any kind
  std::string failure;       // the last build's diagnostics when it failed
  bool stopping = false;
  std::map<std::string, int> open;  // site paths of the pages with an event stream open

  void serve_file(const httplib::Request& request, httplib::Response& response);
  void serve_events(const httplib::Request& request, httplib::Response& response);
  unsigned long current_build() {
    std::lock_guard<std::mutex> lock(mutex);
    return build;
  }
};

void SiteServer::State::serve_file(const httplib::Request& request, httplib::Response& response) {
  namespace fs = std::filesystem;
  response.set_header("Cache-Control", "no-store");
  const std::string& path = request.path;
  if (path == kLiveReloadScriptPath) {
    response.set_content(std::string(live_reload_script()), content_type(".js"));
    return;
  }
  std::string contents;
  fs::path file = fs::path(root) / (path.size() > 1 ? path.substr(1) : std::string());
  std::error_code ec;
  if (!safe_request_path(path)) {
    response.status = 400;
    response.set_content("bad path\n", content_type(".txt"));
    return;
  }
  if (path.back() != '/' && fs::is_directory(file, ec)) {
    // Relative links inside a folder's index.html need the slash, as on any host.
    response.set_redirect(path + "/", 301);
    return;
  }
  if (path.back() == '/') file /= "index.html";
  std::string type = content_type(file.string());
  if (!read_whole_file(file, contents)) {
    response.status = 404;
    type = content_type(".html");
    if (!read_whole_file(fs::path(root) / "404.html", contents))
      contents = "<!DOCTYPE html>\n<html><body><p>Not found.</p></body></html>\n";
  }
  if (type.rfind("text/html", 0) == 0) contents = with_live_reload(contents, current_build());
  response.set_content(contents, type);
}

void SiteServer::State::serve_events(const httplib::Request& request, httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  const std::string page = page_at(request.get_param_value("page"));
  if (!page.empty()) {
    std::lock_guard<std::mutex> lock(mutex);
    ++open[page];
  }
  // The first call sends the state as it is; each later one waits for the next announcement.
  response.set_chunked_content_provider(
      "text/event-stream",
      [this, seen = ~0UL](std::size_t, httplib::DataSink& sink) mutable {
        std::string message;
        {
          std::unique_lock<std::mutex> lock(mutex);
          changed.wait_for(lock, kKeepAlive, [&] { return stopping || serial != seen; });
          if (stopping) return false;
          if (serial == seen) {
            message = ": still here\n\n";
          } else {
            seen = serial;
            message = server_sent_event("built", std::to_string(build));
            if (!failure.empty()) message += server_sent_event("failed", failure);
          }
        }
        return sink.is_writable() && sink.write(message.data(), message.size());
      },
      [this, page](bool) {
        if (page.empty()) return;
        std::lock_guard<std::mutex> lock(mutex);
        if (--open[page] <= 0) open.erase(page);
      });
}

SiteServer::SiteServer(std::string root) : state_(std::make_unique<State>()) {
  state_->root = std::move(root);
  State* state = state_.get();
  // Each open page holds one thread with its event stream: more than the library's default of
  // eight, so that a few tabs cannot starve the page requests.
  state->http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  state->http.set_keep_alive_timeout(1);
  // SO_REUSEADDR only: the library's default adds SO_REUSEPORT, with which a second server on a
  // busy port would start and share its requests with the first instead of failing.
  state->http.set_socket_options([](int socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  state->http.Get(std::string(kLiveReloadEventsPath),
                  [state](const httplib::Request& request, httplib::Response& response) {
                    state->serve_events(request, response);
                  });
  state->http.Get(".*", [state](const httplib::Request& request, httplib::Response& response) {
    state->serve_file(request, response);
  });
}

SiteServer::~SiteServer() { stop(); }

bool SiteServer::bind(const std::string& host, int port, std::string& error) {
  if (port == 0) {
    state_->port = state_->http.bind_to_any_port(host);
    if (state_->port > 0) return true;
  } else if (state_->http.bind_to_port(host, port)) {
    state_->port = port;
    return true;
  }
  error = "cannot listen on " + host + ":" + std::to_string(port) +
          " (address in use, or not an address of this machine?)";
  return false;
}

int SiteServer::port() const { return state_->port; }

void SiteServer::start() {
  State* state = state_.get();
  state->thread = std::thread([state] { state->http.listen_after_bind(); });
}

void SiteServer::stop() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->stopping = true;
  }
  state_->changed.notify_all();
  state_->http.stop();
  if (state_->thread.joinable()) state_->thread.join();
}

std::vector<std::string> SiteServer::open_pages() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  std::vector<std::string> out;
  for (const auto& [page, streams] : state_->open) out.push_back(page);
  return out;
}

void SiteServer::announce_site() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    ++state_->build;
    ++state_->serial;
    state_->failure.clear();
  }
  state_->changed.notify_all();
}

void SiteServer::announce_failure(const std::string& diagnostics) {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    ++state_->serial;
    state_->failure = diagnostics.empty() ? "The build failed." : diagnostics;
  }
  state_->changed.notify_all();
}

}  // namespace legisite
