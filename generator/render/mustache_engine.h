#pragma once
/// The one door to the Mustache engine (kainjow): parse checks at theme load and rendering of
/// views. Nothing outside mustache_engine.cc sees the engine's types.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "render/theme_impl.h"
#include "render/view.h"

namespace legisite {

/// Why a template does not parse: the engine's message and, when it gives one, the byte offset.
struct TemplateSyntaxError {
  std::string message;
  std::size_t offset = 0;
  bool has_offset = false;
};

/// Parses `source`; true when it is a valid template, else fills `error`.
bool parse_template(const std::string& source, TemplateSyntaxError& error);

/// Why a page could not be rendered: the template at fault and the engine's message.
struct TemplateRenderError {
  std::string file;
  std::string message;
};

/// A theme's templates compiled for one thread. Rendering mutates an engine template (a partial
/// error is stored on it), so threads never share a set; each builds its own from the theme.
class CompiledTheme {
 public:
  /// A partial that includes itself is pasted into the templates `unrolled_levels` deep (a
  /// code's table of contents nests Partie, Livre, Titre, Chapitre, Section, Sous-section,
  /// Paragraphe, Sous-paragraphe: eight levels, plus room); deeper, the engine parses it at each
  /// use. Tests compare with 0, the engine's own way.
  explicit CompiledTheme(const Theme::Impl& theme, int unrolled_levels = 10);
  ~CompiledTheme();
  CompiledTheme(const CompiledTheme&) = delete;
  CompiledTheme& operator=(const CompiledTheme&) = delete;

  /// Renders the page template `page` with `view`, then the layout around it with the result
  /// as main_html. Returns false and fills `error` (naming the template) when the engine
  /// reports an error, which for a checked theme can only come from a partial.
  bool render_page(const std::string& page, const View& view, std::string& out,
                   TemplateRenderError& error);
  /// The same, keeping `view` to reuse the engine data built for it on the next page of the
  /// same kind (most of it has the same shape).
  bool render_page(const std::string& page, View&& view, std::string& out,
                   TemplateRenderError& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace legisite
