// One DILA LEGI XML file of any of the four kinds (pugixml, then the LEGI reader).
#include "fuzz_input.h"
#include "sources/legi_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  Diagnostics diagnostics;
  parse_legi_document(fuzz::text_of(data, size), "LEGIARTI000000000001.xml", diagnostics);
  fuzz::print(diagnostics);
  return 0;
}
