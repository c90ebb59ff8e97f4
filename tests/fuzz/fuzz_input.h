#pragma once
/// What every fuzz target does with its input: read it as text and print the diagnostics it
/// raised, so that the reader and the diagnostic printer (carets, notes) both run on it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "diagnostics/diagnostics.h"

namespace legisite::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void print(const Diagnostics& diagnostics) {
  volatile std::size_t length = format_all(diagnostics).size();  // the printer must not crash
  (void)length;
}

}  // namespace legisite::fuzz
