#pragma once
/// Pinpoints: the part of an article a citation names, as French drafting writes it before "de
/// l'article" ("au 2° du I", "au second alinéa", "à la première phrase du deuxième alinéa") or
/// after the number ("(6°)", ", 1er et 2° alinéas,").

#include <cstddef>
#include <string>
#include <string_view>

namespace legisite {

/// Whether `token` can be part of a pinpoint: "2°", "I", "a", "a)", "1er", "premier", "alinéa",
/// "du", ",".
bool pinpoint_token(std::string_view token);

/// Whether `token` only joins pinpoint parts ("du", "de la", "au", "à", ","): such words are
/// stripped from a pinpoint's ends.
bool pinpoint_connector(std::string_view token);

/// The alinéa a pinpoint names directly ("second alinéa" -> 2, "alinéa 2", "3e alinéa"), 0 if
/// none or if the alinéa belongs to a part of the article ("second alinéa du I").
int alinea_of(std::string_view pinpoint);

/// A pinpoint as written and its alinéa (see alinea_of).
struct Pinpoint {
  std::string text;
  int alinea = 0;
};

/// Looks back from an "article" keyword at `keyword_begin` of `text` for the pinpoint it
/// introduces ("au 2° du I de l'article" -> "2° du I"), reading no further back than `floor`.
/// Empty when the keyword is not introduced by "de l'", "du" or "des", or nothing pinpoints.
Pinpoint pinpoint_before(std::string_view text, std::size_t keyword_begin, std::size_t floor);

}  // namespace legisite
