#include "sources/markdown_html.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

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

// Finishing a document parses its inlines, and cmark-gfm brackets that with changes to a
// process-wide table of special characters: it adds the extensions' characters (":" and "w" for
// autolinks, "~" for strikethrough) before, and removes them after. Two documents finished at
// once would see the other's removal halfway through and lose their autolinks at random (a
// whole-history build came out different from one run to the next). Block parsing and HTML
// rendering stay parallel.
std::mutex& inline_parsing() {
  static std::mutex mutex;
  return mutex;
}

bool is_entity_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// The autolink extension takes a bare URL's characters as written, before entities are decoded,
// so "?a=1&amp;b=2" (how the Légifrance exports write an ampersand) became a link to "…&amp;b=2"
// shown as "&amp;". Inside bare URLs "&amp;" is written "&" instead, which Markdown reads the
// same in text that is not a link; an "&amp;" that would then spell another entity stays.
std::string ampersands_in_bare_urls(std::string_view markdown) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = 0; at < markdown.size();) {
    std::size_t start = markdown.find_first_of("hw", at);
    if (start == std::string_view::npos) break;
    std::string_view rest = markdown.substr(start);
    bool url =
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    if (!url || (start > 0 && is_entity_name_char(markdown[start - 1]))) {
      at = start + 1;
      continue;
    }
    std::size_t end = markdown.find_first_of(" \t\r\n<>\"", start);
    if (end == std::string_view::npos) end = markdown.size();
    for (std::size_t amp = markdown.find("&amp;", start); amp < end;
         amp = markdown.find("&amp;", amp + 1)) {
      std::size_t name = amp + 5, semicolon = name;
      while (semicolon < end && is_entity_name_char(markdown[semicolon])) ++semicolon;
      if (semicolon > name && semicolon < end && markdown[semicolon] == ';') continue;
      out.append(markdown, copied, amp + 1 - copied);  // keeps the "&"
      copied = amp + 5;
    }
    at = end;
  }
  if (copied == 0) return std::string(markdown);
  out.append(markdown, copied, std::string_view::npos);
  return out;
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
  const std::string text = ampersands_in_bare_urls(markdown);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    std::lock_guard<std::mutex> lock(inline_parsing());
    document.reset(cmark_parser_finish(parser.get()));
  }
  if (!document) return {};
  // The renderer needs the same extension list as the parser, or tables render as paragraphs.
  std::unique_ptr<char, HtmlDeleter> html(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string();
}

}  // namespace legisite
