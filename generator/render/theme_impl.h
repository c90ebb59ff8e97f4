#pragma once
/// What a loaded theme holds; shared by theme loading and the renderer, not part of the API.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "render/theme.h"

namespace legisite {

/// One template file of a theme.
struct ThemeTemplate {
  std::string file;    // as diagnostics name it (the on-disk path when the theme is on disk)
  std::string source;  // the template text
};

/// A theme after Theme::load checked it: every page template and every partial they include
/// exists and parses, and the static files are read.
struct Theme::Impl {
  /// Page templates by name: "layout" (the document around every page's <main> content),
  /// "home", "code", "article".
  std::map<std::string, ThemeTemplate> templates;
  /// Partials by the name templates include them with ({{> header}}): templates/partials/*.
  std::map<std::string, ThemeTemplate> partials;
  /// Files below static/, by path relative to the theme ("static/style.css"), with contents.
  std::vector<std::pair<std::string, std::string>> static_files;
};

/// The page templates every theme must have.
inline const std::vector<std::string>& required_templates() {
  static const std::vector<std::string> kNames = {"layout", "home", "code", "article"};
  return kNames;
}

}  // namespace legisite
