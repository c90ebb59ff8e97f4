// A Légifrance JSON document (whole-code dump or getArticle response), read and then handed to
// a corpus, as a build does.
#include "fuzz_input.h"
#include "model/corpus.h"
#include "sources/legifrance_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  LegifranceJsonContent content;
  Diagnostics diagnostics;
  if (read_legifrance_json(fuzz::text_of(data, size), "code.json", content, diagnostics)) {
    Corpus corpus;
    add_legifrance_json(corpus, std::move(content), diagnostics);
  }
  fuzz::print(diagnostics);
  return 0;
}
