#pragma once
/// The French words pages say that are not in a template: phrases built from data (counts, dates,
/// states), gathered here so that wording is changed in one place, next to the templates.

#include <string_view>

#include "model/link.h"

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

// The legend of "Liens relatifs": what each heading means for the article (or version) shown.
constexpr std::string_view link_group_meaning(LinkGroup group) {
  switch (group) {
    case LinkGroup::kCreatedBy:
      return "le texte qui a créé cet article.";
    case LinkGroup::kModifiedBy:
      return "les textes qui ont modifié cet article.";
    case LinkGroup::kAbrogatedBy:
      return "le texte qui a abrogé cet article.";
    case LinkGroup::kTransferredBy:
      return "le texte qui a transféré cet article (il figure désormais ailleurs, sous un autre "
             "numéro ou dans un autre code).";
    case LinkGroup::kCodifiedBy:
      return "le texte qui a inséré cet article dans le code (codification).";
    case LinkGroup::kRatifiedBy:
      return "le texte qui a ratifié l’ordonnance dont l’article est issu.";
    case LinkGroup::kLinks:
      return "d’autres liens que donne Légifrance, chacun précédé de son type (Déplacé, Transféré, "
             "Rectifié…).";
    case LinkGroup::kCites:
      return "les textes que cet article cite.";
    case LinkGroup::kCitedBy:
      return "les textes qui citent cet article.";
    case LinkGroup::kOldTexts:
      return "les textes dont cet article reprend les dispositions.";
    case LinkGroup::kNewTexts:
      return "les textes qui reprennent les dispositions de cet article.";
    case LinkGroup::kOther:
      return "des liens que Légifrance range sous ce titre.";
  }
  return {};
}
// After a linked text, in parentheses: its state as Légifrance gives it.
inline constexpr std::string_view kStatusMark = "l’état du texte lié, selon Légifrance.";
inline constexpr std::string_view kUnknownStatusMark =
    "l’état du texte lié, abrégé ainsi par Légifrance (abréviation qu’elle n’explique pas).";

}  // namespace legisite::wording
