// The "Références" <details> block of Tricoteuses articles (sources/tricoteuses_references.h),
// read from every line a block could start on.
#include "fuzz_input.h"
#include "sources/source_text.h"
#include "sources/tricoteuses_references.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  SourceText source("fuzz.md", fuzz::text_of(data, size));
  Diagnostics diagnostics;
  int first = find_details_block(source, 1);
  if (first > 0) read_tricoteuses_references(source, first, diagnostics);
  read_tricoteuses_references(source, 1, diagnostics);
  fuzz::print(diagnostics);
  return 0;
}
