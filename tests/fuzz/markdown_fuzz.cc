// A Markdown article file: front matter, heading, body (cmark-gfm), links block.
#include "fuzz_input.h"
#include "sources/markdown_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  MarkdownArticle article;
  Diagnostics diagnostics;
  read_markdown_article(fuzz::text_of(data, size), "code/Article 1.md", article, diagnostics);
  fuzz::print(diagnostics);
  return 0;
}
