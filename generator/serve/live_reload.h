#pragma once
/// What `legisite serve` adds to the pages it sends, and only to those: a script that follows the
/// build through server-sent events. Pure text functions, so they are tested without a server.

#include <string>
#include <string_view>

namespace legisite {

/// Where the script and the event stream live; no page of a site has these paths (sites hold
/// slugs of [a-z0-9-] and static/).
constexpr std::string_view kLiveReloadScriptPath = "/__legisite/live-reload.js";
constexpr std::string_view kLiveReloadEventsPath = "/__legisite/events";

/// The script: reloads the page when a build newer than `data-build` is published, shows a
/// failed build's diagnostics in a panel over the page (and hides it when a build succeeds). It
/// opens the event stream with `?page=` and its own path, so that serve knows which pages are open.
std::string_view live_reload_script();

/// `html` with the script's tag before its last `</body>` (at the end when it has none);
/// `build` is the number of the build the page comes from.
std::string with_live_reload(std::string html, unsigned long build);

/// Whether a request path (decoded from %XX already) names a file below the site's root: it
/// starts with "/" and has no "." or ".." segment, NUL nor backslash.
bool safe_request_path(std::string_view path);

/// The site path of the page a browser shows at `location` (its URL's path, as the script sends
/// it: "/", "/code/l1/", "/code/l1/index.html"): "index.html", "code/l1/index.html". "" for a path
/// that is not safe_request_path, or with a query, which no page has.
std::string page_at(std::string_view location);

/// One server-sent event: `event: <name>` then each line of `data` as a `data:` line (line breaks
/// at its end dropped).
std::string server_sent_event(std::string_view name, std::string_view data);

}  // namespace legisite
