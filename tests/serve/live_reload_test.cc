#include "serve/live_reload.h"

#include <catch2/catch.hpp>
#include <string>

namespace live_reload_test {

using namespace legisite;

TEST_CASE("the live-reload tag goes before the page's last </body>, with the build number",
          "[serve]") {
  CHECK(with_live_reload("<html><body><p>x</p></body></html>\n", 7) ==
        "<html><body><p>x</p><script src=\"/__legisite/live-reload.js\" data-build=\"7\">"
        "</script>\n</body></html>\n");
  // A page without </body> (a fragment) gets it at the end.
  CHECK(with_live_reload("<p>x</p>", 1) ==
        "<p>x</p><script src=\"/__legisite/live-reload.js\" data-build=\"1\"></script>\n");
  // "</body>" quoted inside the text comes before the real one: the last one wins.
  CHECK(with_live_reload("<body><pre>&lt;/body&gt; </body></pre></body>", 2)
            .rfind("</script>\n</body>") != std::string::npos);
}

TEST_CASE("a server-sent event carries each line of its data on a data: line", "[serve]") {
  CHECK(server_sent_event("built", "3") == "event: built\ndata: 3\n\n");
  CHECK(server_sent_event("failed", "a.md:1:1: error: x\n    y\n    ^\n") ==
        "event: failed\ndata: a.md:1:1: error: x\ndata:     y\ndata:     ^\n\n");
  // \r\n and a lone \r end lines too: neither may reach the stream inside a data line.
  CHECK(server_sent_event("failed", "a\r\nb\rc") == "event: failed\ndata: a\ndata: b\ndata: c\n\n");
  CHECK(server_sent_event("failed", "a\n\nb") == "event: failed\ndata: a\ndata: \ndata: b\n\n");
  CHECK(server_sent_event("built", "") == "event: built\ndata: \n\n");
}

TEST_CASE("the page a browser shows is named by its site path, a folder by its index.html",
          "[serve]") {
  CHECK(page_at("/") == "index.html");
  CHECK(page_at("/code-de-test/l1/") == "code-de-test/l1/index.html");
  CHECK(page_at("/code-de-test/l1/index.html") == "code-de-test/l1/index.html");
  CHECK(page_at("/code-de-test/l1") == "code-de-test/l1/index.html");  // redirected to the folder
  // Nothing a page of a site is named by: no page is rendered for it.
  CHECK(page_at("").empty());
  CHECK(page_at("code-de-test/l1/").empty());
  CHECK(page_at("/../etc/passwd").empty());
  CHECK(page_at("/a/./b/").empty());
  CHECK(page_at("/a/?x=1").empty());
  CHECK(page_at("/a\\..\\b/").empty());
}

TEST_CASE("a request path is served only below the site's root", "[serve]") {
  CHECK(safe_request_path("/"));
  CHECK(safe_request_path("/code/l1/index.html"));
  CHECK(safe_request_path("/a..b/"));  // dots inside a name are a name
  CHECK_FALSE(safe_request_path(""));
  CHECK_FALSE(safe_request_path("code/"));
  CHECK_FALSE(safe_request_path("/../x"));
  CHECK_FALSE(safe_request_path("/a/.."));
  CHECK_FALSE(safe_request_path("/a/./b"));
  CHECK_FALSE(safe_request_path("/a\\b"));
  CHECK_FALSE(safe_request_path(std::string("/a\0b", 4)));
}

}  // namespace live_reload_test
