#pragma once
/// Test support: checks a produced site the way a browser would follow it. Every HTML page must
/// parse (the theme writes XML-compatible HTML), every internal href/src must name a produced
/// file, and every #fragment an id in that file.

#include <map>
#include <string>
#include <vector>

namespace legisite::testing {

/// path -> contents, as MemoryOutput keeps them or read_tree returns them.
using SiteFiles = std::map<std::string, std::string>;

/// Every problem found, one line each ("a/index.html: link to 'b/index.html#x': no id 'x'").
std::vector<std::string> check_site(const SiteFiles& files);

/// Reads every file below `root` (paths relative to it).
SiteFiles read_tree(const std::string& root);

/// The `<main …>…</main>` region of a page, or "" when it has none.
std::string main_region(const std::string& html);

}  // namespace legisite::testing
