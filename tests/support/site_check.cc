#include "support/site_check.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <pugixml.hpp>
#include <set>
#include <sstream>

namespace legisite::testing {

namespace {

bool is_external(const std::string& href) {
  auto colon = href.find(':');
  auto slash = href.find('/');
  if (href.rfind("//", 0) == 0) return true;
  return colon != std::string::npos && (slash == std::string::npos || colon < slash);
}

// Resolves `href` against the folder of `page`; "" when it climbs above the site root.
std::string resolve_path(const std::string& page, const std::string& href) {
  std::vector<std::string> parts;
  std::string base = page.substr(0, page.rfind('/') == std::string::npos ? 0 : page.rfind('/'));
  std::string joined =
      href.front() == '/' ? href.substr(1) : (base.empty() ? href : base + "/" + href);
  std::stringstream in(joined);
  std::string part;
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return {};
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  if (!href.empty() && href.back() == '/') {
    if (!out.empty()) out += '/';
    out += "index.html";
  }
  if (out.empty()) out = "index.html";
  return out;
}

}  // namespace

std::vector<std::string> check_site(const SiteFiles& files) {
  std::vector<std::string> problems;
  std::map<std::string, std::set<std::string>> ids;
  std::map<std::string, pugi::xml_document> docs;
  for (const auto& file : files) {
    const std::string& path = file.first;
    const std::string& contents = file.second;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    auto& doc = docs[path];
    auto result = doc.load_buffer(contents.data(), contents.size(),
                                  pugi::parse_default | pugi::parse_doctype);
    if (!result) {
      problems.push_back(path + ": not well-formed at byte " + std::to_string(result.offset) +
                         ": " + result.description());
      continue;
    }
    auto& page_ids = ids[path];
    std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
      for (pugi::xml_node c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        if (auto id = c.attribute("id")) {
          if (!page_ids.insert(id.value()).second)
            problems.push_back(path + ": duplicate id '" + std::string(id.value()) + "'");
        }
        walk(c);
      }
    };
    walk(doc);
  }
  for (const auto& page : docs) {
    const std::string& path = page.first;
    const auto& doc = page.second;
    std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
      for (pugi::xml_node c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        for (const char* attr : {"href", "src"}) {
          std::string name = c.name();
          if (name == "link" && std::string(c.attribute("rel").value()) == "canonical") continue;
          auto a = c.attribute(attr);
          if (!a) continue;
          std::string href = a.value();
          if (href.empty()) {
            problems.push_back(path + ": empty " + attr + " on <" + name + ">");
            continue;
          }
          if (is_external(href)) continue;
          std::string target_path = path, fragment;
          auto hash = href.find('#');
          std::string file_part = hash == std::string::npos ? href : href.substr(0, hash);
          if (hash != std::string::npos) fragment = href.substr(hash + 1);
          if (!file_part.empty()) {
            target_path = resolve_path(path, file_part);
            if (target_path.empty() || !files.count(target_path)) {
              problems.push_back(path + ": link to '" + href + "': no file '" + target_path + "'");
              continue;
            }
          }
          if (!fragment.empty()) {
            auto it = ids.find(target_path);
            if (it == ids.end() || !it->second.count(fragment))
              problems.push_back(path + ": link to '" + href + "': no id '" + fragment + "' in " +
                                 target_path);
          }
        }
        walk(c);
      }
    };
    walk(doc);
  }
  return problems;
}

SiteFiles read_tree(const std::string& root) {
  namespace fs = std::filesystem;
  SiteFiles files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    files[it->path().lexically_relative(root).generic_string()] = buffer.str();
  }
  return files;
}

std::string main_region(const std::string& html) {
  auto start = html.find("<main");
  auto end = html.rfind("</main>");
  if (start == std::string::npos || end == std::string::npos || end < start) return {};
  return html.substr(start, end + 7 - start) + "\n";
}

}  // namespace legisite::testing
