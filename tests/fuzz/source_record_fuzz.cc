// A site's record of its sources' readings (.legisite-sources), damaged or written by hand: what
// it gives is recorded again whole, and the diagnostics it holds, reported again by a build, print.
#include <limits>
#include <string>

#include "fuzz_input.h"
#include "sources/source_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace legisite;
  // The input follows the head format_source_record writes (less the two empty counts and the
  // absent git reading after it), so that every input reaches the readings.
  static const std::string head = [] {
    const std::string empty = format_source_record(SourceCache(), "fuzz");
    return empty.substr(0, empty.size() - 3);
  }();
  constexpr std::int64_t kLater = std::numeric_limits<std::int64_t>::max();  // trusts every stamp
  SourceCache cache;
  if (read_source_record(head + std::string(fuzz::text_of(data, size)), "fuzz", kLater, cache) == 0)
    return 0;
  Diagnostics diagnostics;
  for (const auto& reading : cache.markdown.recorded())
    for (const Diagnostic& d : reading.parsed->diagnostics) diagnostics.report(d);
  for (const auto& reading : cache.legi.recorded())
    for (const Diagnostic& d : reading.parsed->diagnostics) diagnostics.report(d);
  if (cache.git)
    for (const Diagnostic& d : cache.git->reported) diagnostics.report(d);
  fuzz::print(diagnostics);
  SourceCache again;
  if (read_source_record(format_source_record(cache, "fuzz"), "fuzz", kLater, again) !=
      cache.size())
    __builtin_trap();
  return 0;
}
