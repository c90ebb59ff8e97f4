// The front matter of Markdown articles and of folders' _index.md.
#include "fuzz_input.h"
#include "sources/front_matter.h"
#include "sources/source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  SourceText source("fuzz.md", fuzz::text_of(data, size));
  for (FrontMatterKind kind : {FrontMatterKind::kArticle, FrontMatterKind::kIndex}) {
    FrontMatter front;
    Diagnostics diagnostics;
    parse_front_matter(source, kind, front, diagnostics);
    fuzz::print(diagnostics);
  }
  return 0;
}
