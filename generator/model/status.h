#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace legisite {

/// An article version's legal state, LEGI's ETAT values. kUnknown when no source said.
enum class ArticleStatus {
  kUnknown,
  kVigueur,        // in force
  kVigueurDiff,    // in force later (deferred)
  kAbroge,         // repealed
  kAbrogeDiff,     // repeal deferred
  kModifie,        // replaced by a later version
  kModifieMortNe,  // never entered into force
  kTransfere,      // moved to another number
  kPerime,
  kAnnule,
  kDisjoint,
  kDeplace,
};

/// Parses an ETAT value ("VIGUEUR", "ABROGE_DIFF", …) or its French label ("en vigueur", "abrogé",
/// "transféré", "vigueur différée", …), case- and accent-insensitively.
std::optional<ArticleStatus> parse_status(std::string_view text);
/// The LEGI code ("VIGUEUR").
std::string_view status_code(ArticleStatus status);
/// The French label a reader sees ("En vigueur", "Abrogé").
std::string_view status_label(ArticleStatus status);
/// A CSS-friendly token ("vigueur", "abroge").
std::string_view status_token(ArticleStatus status);

}  // namespace legisite
