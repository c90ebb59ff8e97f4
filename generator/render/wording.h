#pragma once
/// The French words pages say that are not in a template: phrases built from data (counts, dates,
/// states), gathered here so that wording is changed in one place, next to the templates.

#include <string_view>

namespace legisite::wording {

// Visually hidden labels around a diff's marks, so a change is not told by colour or
// strike-through alone.
inline constexpr std::string_view kAddedStart = "[début d’ajout] ";
inline constexpr std::string_view kAddedEnd = " [fin d’ajout]";
inline constexpr std::string_view kRemovedStart = "[début de suppression] ";
inline constexpr std::string_view kRemovedEnd = " [fin de suppression]";

// A diff's summary: "+12 mots, −3 mots", or one of these.
inline constexpr std::string_view kWord = " mot";
inline constexpr std::string_view kWords = " mots";
inline constexpr std::string_view kPunctuationChanged = "ponctuation modifiée";
inline constexpr std::string_view kTextIdentical = "texte identique";
inline constexpr std::string_view kSpacingChanged = "espacement seul modifié";
inline constexpr std::string_view kAlineasChanged = "mêmes mots, découpage en alinéas modifié";

// The article page's banner, when the text shown is not simply the law of the reference date.
struct Banner {
  std::string_view kind;  // the theme's class token
  std::string_view title;
  std::string_view words;  // followed by the date, when there is one
};
inline constexpr Banner kTransferred = {"transfere", "Article transféré", "Transféré le"};
inline constexpr Banner kAbrogated = {"abroge", "Article abrogé", "Abrogé le"};
inline constexpr Banner kEnded = {"fin", "Article qui n’est plus en vigueur",
                                  "Plus en vigueur depuis le"};
// The same without an end date: the text that ended it follows (" par <texte>") when known.
inline constexpr std::string_view kTransferredUndated = "Transféré";
inline constexpr std::string_view kAbrogatedUndated = "Abrogé";
inline constexpr std::string_view kEndedUndated = "Plus en vigueur";
inline constexpr Banner kNotYetInForce = {"differe", "Pas encore en vigueur",
                                          "Entrera en vigueur le"};
inline constexpr std::string_view kDeferredStart = "Entrée en vigueur différée, date inconnue";
inline constexpr Banner kUpcoming = {"differe", "Nouvelle version à venir",
                                     "Une nouvelle version entrera en vigueur le"};
inline constexpr std::string_view kUpcomingUndated =
    "Une nouvelle version entrera en vigueur à une date encore inconnue";
inline constexpr Banner kNoText = {"sans-texte", "Texte non disponible",
                                   "Cette édition ne contient pas le texte en vigueur depuis le"};

}  // namespace legisite::wording
