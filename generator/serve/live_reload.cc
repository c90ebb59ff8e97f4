#include "serve/live_reload.h"

namespace legisite {

std::string_view live_reload_script() {
  // Plain JavaScript, no framework: the page listens to the build's events and asks nothing else.
  return R"js(// Live reload of `legisite serve`: never part of a built site.
(function () {
  "use strict";
  var tag = document.currentScript;
  var build = Number(tag ? tag.getAttribute("data-build") : 0);
  var panel = null;
  function show(text) {
    if (!panel) {
      panel = document.createElement("pre");
      panel.id = "legisite-build-failed";
      panel.setAttribute("role", "alert");
      panel.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;" +
        "overflow:auto;margin:0;padding:1em;background:#2b0a0a;color:#ffe4e4;" +
        "font:13px/1.4 monospace;white-space:pre-wrap;z-index:2147483647";
      document.body.appendChild(panel);
    }
    panel.textContent = "legisite serve: the build failed; this page is from the last good " +
      "build.\n\n" + text;
  }
  function hide() {
    if (panel) panel.remove();
    panel = null;
  }
  var events = new EventSource("/__legisite/events?page=" +
    encodeURIComponent(location.pathname));
  events.addEventListener("built", function (event) {
    if (Number(event.data) !== build) location.reload();
    else hide();
  });
  events.addEventListener("failed", function (event) { show(event.data); });
})();
)js";
}

std::string with_live_reload(std::string html, unsigned long build) {
  std::string tag = "<script src=\"" + std::string(kLiveReloadScriptPath) + "\" data-build=\"" +
                    std::to_string(build) + "\"></script>\n";
  std::size_t body = html.rfind("</body>");
  html.insert(body == std::string::npos ? html.size() : body, tag);
  return html;
}

bool safe_request_path(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos)
    return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string page_at(std::string_view location) {
  if (!safe_request_path(location) || location.find_first_of("?#") != std::string_view::npos)
    return "";
  std::string path(location.substr(1));
  // A folder is served by its index.html, as a host does; a path without a slash is redirected
  // to the folder.
  if (path.empty() || path.back() == '/') return path + "index.html";
  if (!path.ends_with(".html")) return path + "/index.html";
  return path;
}

std::string server_sent_event(std::string_view name, std::string_view data) {
  std::string out = "event: " + std::string(name) + "\n";
  // Text ending with a line break has no empty last line.
  while (!data.empty() && (data.back() == '\n' || data.back() == '\r')) data.remove_suffix(1);
  // A line break of any kind ends a data line: \r\n, \n and \r all split.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= data.size(); ++i) {
    if (i < data.size() && data[i] != '\n' && data[i] != '\r') continue;
    out += "data: ";
    out.append(data.substr(start, i - start));
    out += '\n';
    if (i + 1 < data.size() && data[i] == '\r' && data[i + 1] == '\n') ++i;
    start = i + 1;
  }
  return out + "\n";
}

}  // namespace legisite
