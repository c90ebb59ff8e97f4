// Source HTML through the sanitiser; what comes out must be a fixed point of it (sanitising
// twice changes nothing), or a page could differ from what a check of it saw.
#include <cstdlib>

#include "fuzz_input.h"
#include "html/html_sanitizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string once = legisite::sanitize_html(legisite::fuzz::text_of(data, size));
  std::string twice = legisite::sanitize_html(once);
  if (once != twice) std::abort();
  return 0;
}
