#include "text/latin_ordinals.h"

#include <array>

#include "text/ascii.h"

namespace legisite {

namespace {

struct Ordinal {
  std::string_view spelling;
  int rank;
};

// "bis" is the second article of its number, so the ranks are the Latin numbers less one.
constexpr std::array<Ordinal, 34> kOrdinals = {{
    {"bis", 1},         {"ter", 2},           {"quater", 3},        {"quinquies", 4},
    {"sexies", 5},      {"septies", 6},       {"octies", 7},        {"nonies", 8},
    {"novies", 8},      {"decies", 9},        {"undecies", 10},     {"duodecies", 11},
    {"terdecies", 12},  {"quaterdecies", 13}, {"quindecies", 14},   {"sexdecies", 15},
    {"sedecies", 15},   {"septdecies", 16},   {"octodecies", 17},   {"duodevicies", 17},
    {"novodecies", 18}, {"undevicies", 18},   {"vicies", 19},       {"unvicies", 20},
    {"duovicies", 21},  {"tervicies", 22},    {"quatervicies", 23}, {"quinvicies", 24},
    {"sexvicies", 25},  {"septvicies", 26},   {"octovicies", 27},   {"novovicies", 28},
    {"tricies", 29},    {"untricies", 30},
}};

constexpr std::array<std::string_view, kOrdinals.size()> spellings() {
  std::array<std::string_view, kOrdinals.size()> out{};
  for (std::size_t i = 0; i < kOrdinals.size(); ++i) out[i] = kOrdinals[i].spelling;
  return out;
}

constexpr auto kSpellings = spellings();

}  // namespace

std::span<const std::string_view> latin_ordinals() { return kSpellings; }

int latin_ordinal_rank(std::string_view word) {
  for (const Ordinal& ordinal : kOrdinals)
    if (word.size() == ordinal.spelling.size() && starts_with_ignoring_case(word, ordinal.spelling))
      return ordinal.rank;
  return 0;
}

}  // namespace legisite
