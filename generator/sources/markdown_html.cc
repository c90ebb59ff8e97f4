#include "sources/markdown_html.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <array>
#include <memory>
#include <mutex>

namespace legisite {

namespace {

/// RAII for the three C resources a conversion holds: parser, document tree, rendered HTML.
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
/// Frees a document tree.
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
/// Frees rendered HTML.
struct HtmlDeleter {
  // cmark_render_html allocates with the default allocator, so it must free with it too.
  void operator()(char* html) const { cmark_get_default_mem_allocator()->free(html); }
};

constexpr std::array<const char*, 3> kExtensions = {"table", "strikethrough", "autolink"};

// The extension registry is process-wide inside cmark-gfm and its registration is not guarded
// there, so it happens exactly once even when several threads render at the same time.
void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  register_extensions_once();
  const int options = CMARK_OPT_UNSAFE;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  if (!parser) return {};
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), extension);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  if (!document) return {};
  // The renderer needs the same extension list as the parser, or tables render as paragraphs.
  std::unique_ptr<char, HtmlDeleter> html(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace legisite
