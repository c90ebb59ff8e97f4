// The citation scanner on running text; every citation it finds lies inside the text.
#include <cstdlib>

#include "citations/citations.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  std::string_view text = fuzz::text_of(data, size);
  for (const Citation& citation : find_citations(text)) {
    if (citation.begin >= citation.end || citation.end > text.size()) std::abort();
    volatile std::size_t length = describe_citation(citation, text).size();
    (void)length;
  }
  return 0;
}
