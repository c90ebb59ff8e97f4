#include "model/link.h"

#include <array>

#include "model/slug.h"
#include "text/fold.h"

namespace legisite {

namespace {

struct GroupInfo {
  LinkGroup group;
  std::string_view label;
  std::string_view token;
};

constexpr std::array<GroupInfo, 12> kGroups = {{
    {LinkGroup::kCreatedBy, "Créé par", "cree-par"},
    {LinkGroup::kModifiedBy, "Modifié par", "modifie-par"},
    {LinkGroup::kAbrogatedBy, "Abrogé par", "abroge-par"},
    {LinkGroup::kTransferredBy, "Transféré par", "transfere-par"},
    {LinkGroup::kCodifiedBy, "Codifié par", "codifie-par"},
    {LinkGroup::kRatifiedBy, "Ratifié par", "ratifie-par"},
    {LinkGroup::kLinks, "Liens", "liens"},
    {LinkGroup::kCites, "Cite", "cite"},
    {LinkGroup::kCitedBy, "Cité par", "cite-par"},
    {LinkGroup::kOldTexts, "Anciens textes", "anciens-textes"},
    {LinkGroup::kNewTexts, "Nouveaux textes", "nouveaux-textes"},
    {LinkGroup::kOther, "Autres liens", "autres"},
}};

}  // namespace

LinkGroup link_group_from_label(std::string_view label) {
  std::string key = slugify(label);
  for (const auto& g : kGroups)
    if (g.group != LinkGroup::kOther && key == g.token) return g.group;
  // Variants seen in exports.
  if (key == "cree" || key == "creation") return LinkGroup::kCreatedBy;
  if (key == "modifie" || key == "modifications") return LinkGroup::kModifiedBy;
  if (key == "abroge" || key == "abrogation") return LinkGroup::kAbrogatedBy;
  if (key == "cites" || key == "citations") return LinkGroup::kCites;
  if (key == "lien" || key == "liens-relatifs") return LinkGroup::kLinks;
  return LinkGroup::kOther;
}

std::string_view link_group_label(LinkGroup group) {
  for (const auto& g : kGroups)
    if (g.group == group) return g.label;
  return "Autres liens";
}

std::string_view link_group_token(LinkGroup group) {
  for (const auto& g : kGroups)
    if (g.group == group) return g.token;
  return "autres";
}

std::string_view link_type_word(std::string_view token) {
  // LEGI's typelien and the API's linkType, in both forms each uses (verb and noun).
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"CREE", "Créé"},
      {"CREATION", "Créé"},
      {"MODIFIE", "Modifié"},
      {"MODIFICATION", "Modifié"},
      {"ABROGE", "Abrogé"},
      {"ABROGATION", "Abrogé"},
      {"TRANSFERE", "Transféré"},
      {"TRANSFERT", "Transféré"},
      {"DEPLACE", "Déplacé"},
      {"DEPLACEMENT", "Déplacé"},
      {"CODIFICATION", "Codifié"},
      {"CODIFIE", "Codifié"},
      {"RATIFIE", "Ratifié"},
      {"RATIFICATION", "Ratifié"},
      {"RECTIFICATION", "Rectifié"},
      {"ANNULATION", "Annulé"},
      {"DISJONCTION", "Disjoint"},
      {"PEREMPTION", "Périmé"},
      {"CITATION", "Cité"},
      {"CONCORDE", "Concordance"},
      {"CONCORDANCE", "Concordance"},
      {"SPEC_APPLI", "Application"},
      {"HISTO", "Historique"},
  };
  for (const auto& [t, word] : kWords)
    if (t == token) return word;
  return {};
}

std::string_view link_group_type_word(LinkGroup group) {
  switch (group) {
    case LinkGroup::kCreatedBy:
      return "Créé";
    case LinkGroup::kModifiedBy:
      return "Modifié";
    case LinkGroup::kAbrogatedBy:
      return "Abrogé";
    case LinkGroup::kTransferredBy:
      return "Transféré";
    case LinkGroup::kCodifiedBy:
      return "Codifié";
    case LinkGroup::kRatifiedBy:
      return "Ratifié";
    case LinkGroup::kCites:
    case LinkGroup::kCitedBy:
      return "Cité";
    default:
      return {};
  }
}

std::string_view status_mark_words(std::string_view mark) {
  // The marks Légifrance prints after a linked text, as its own pages explain them.
  if (mark == "V") return "en vigueur";
  if (mark == "VD") return "en vigueur différée";
  if (mark == "VT") return "en vigueur, avec un terme";
  if (mark == "M") return "modifié";
  if (mark == "Ab") return "abrogé";
  return {};
}

void name_bare_article(Link& link) {
  constexpr std::string_view kBare = " - art.";
  if (!link.article_number.empty() && std::string_view(link.text).ends_with(kBare))
    link.text += " " + link.article_number;
}

bool Link::names_code() const { return fold_for_matching(text_title).rfind("code", 0) == 0; }

}  // namespace legisite
