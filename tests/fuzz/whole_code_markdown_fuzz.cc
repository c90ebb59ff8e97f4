// An Archéo Lex code in one Markdown file (sources/whole_code_markdown.h): headings at any level,
// articles, and the text between them.
#include "fuzz_input.h"
#include "sources/whole_code_markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  std::string_view text = fuzz::text_of(data, size);
  (void)is_whole_code_markdown(text);
  std::vector<ArticleRecord> records;
  Diagnostics diagnostics;
  MarkdownHtmlCache cache;
  read_whole_code_markdown(text, "code.md", "Code", {{"Partie", "", -1}}, records, diagnostics,
                           &cache);
  fuzz::print(diagnostics);
  return 0;
}
