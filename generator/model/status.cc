#include "model/status.h"

#include <array>

#include "text/fold.h"

namespace legisite {

namespace {

struct StatusInfo {
  ArticleStatus status;
  std::string_view code;
  std::string_view label;
  std::string_view token;
  std::string_view french_key;  // folded French wording accepted in front matter
};

constexpr std::array<StatusInfo, 12> kStatuses = {{
    {ArticleStatus::kUnknown, "", "État inconnu", "inconnu", "inconnu"},
    {ArticleStatus::kVigueur, "VIGUEUR", "En vigueur", "vigueur", "en vigueur"},
    {ArticleStatus::kVigueurDiff, "VIGUEUR_DIFF", "En vigueur différée", "vigueur-diff",
     "en vigueur differee"},
    {ArticleStatus::kAbroge, "ABROGE", "Abrogé", "abroge", "abroge"},
    {ArticleStatus::kAbrogeDiff, "ABROGE_DIFF", "Abrogation différée", "abroge-diff",
     "abrogation differee"},
    {ArticleStatus::kModifie, "MODIFIE", "Modifié", "modifie", "modifie"},
    {ArticleStatus::kModifieMortNe, "MODIFIE_MORT_NE", "Modifié, jamais entré en vigueur",
     "modifie-mort-ne", "modifie mort ne"},
    {ArticleStatus::kTransfere, "TRANSFERE", "Transféré", "transfere", "transfere"},
    {ArticleStatus::kPerime, "PERIME", "Périmé", "perime", "perime"},
    {ArticleStatus::kAnnule, "ANNULE", "Annulé", "annule", "annule"},
    {ArticleStatus::kDisjoint, "DISJOINT", "Disjoint", "disjoint", "disjoint"},
    {ArticleStatus::kDeplace, "DEPLACE", "Déplacé", "deplace", "deplace"},
}};

const StatusInfo& info(ArticleStatus s) {
  for (const auto& i : kStatuses)
    if (i.status == s) return i;
  return kStatuses[0];
}

}  // namespace

std::optional<ArticleStatus> parse_status(std::string_view text) {
  std::string folded = fold_for_matching(text);
  // Trim and turn '_' into ' ' so "VIGUEUR_DIFF" and "vigueur diff" meet.
  std::string key;
  for (char c : folded) key += c == '_' ? ' ' : c;
  while (!key.empty() && key.back() == ' ') key.pop_back();
  while (!key.empty() && key.front() == ' ') key.erase(key.begin());
  for (const auto& i : kStatuses) {
    if (i.status == ArticleStatus::kUnknown) continue;
    std::string code = fold_for_matching(i.code);
    for (auto& c : code)
      if (c == '_') c = ' ';
    // The label a page shows must read back ("Modifié, jamais entré en vigueur").
    if (key == code || key == i.french_key || key == fold_for_matching(i.label)) return i.status;
  }
  if (key == "vigueur differee" || key == "en vigueur diff") return ArticleStatus::kVigueurDiff;
  if (key == "abroge differe" || key == "abrogee")
    return key == "abrogee" ? ArticleStatus::kAbroge : ArticleStatus::kAbrogeDiff;
  return std::nullopt;
}

std::string_view status_code(ArticleStatus s) { return info(s).code; }
std::string_view status_label(ArticleStatus s) { return info(s).label; }
std::string_view status_token(ArticleStatus s) { return info(s).token; }

}  // namespace legisite
