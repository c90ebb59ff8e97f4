#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace legisite {

/// Index of an entity in the Corpus that owns it. Entities refer to each other by id, never by
/// pointer, so the model can grow (vectors reallocate) and be walked in any order.
template <class Tag>
struct Id {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t value = kNone;

  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : value(v) {}
  constexpr bool valid() const { return value != kNone; }
  friend constexpr auto operator<=>(const Id&, const Id&) = default;
};

using CodeId = Id<struct CodeTag>;
using SectionId = Id<struct SectionTag>;
using ArticleId = Id<struct ArticleTag>;

}  // namespace legisite
