// Article states: LEGI's ETAT codes and the French words a front matter may use instead.

#include "model/status.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace legisite::status_test {
namespace {

struct Expected {
  ArticleStatus status;
  const char* code;
  const char* label;
  const char* token;
};

const std::vector<Expected>& every_status() {
  static const std::vector<Expected> all = {
      {ArticleStatus::kVigueur, "VIGUEUR", "En vigueur", "vigueur"},
      {ArticleStatus::kVigueurDiff, "VIGUEUR_DIFF", "En vigueur différée", "vigueur-diff"},
      {ArticleStatus::kAbroge, "ABROGE", "Abrogé", "abroge"},
      {ArticleStatus::kAbrogeDiff, "ABROGE_DIFF", "Abrogation différée", "abroge-diff"},
      {ArticleStatus::kModifie, "MODIFIE", "Modifié", "modifie"},
      {ArticleStatus::kModifieMortNe, "MODIFIE_MORT_NE", "Modifié, jamais entré en vigueur",
       "modifie-mort-ne"},
      {ArticleStatus::kTransfere, "TRANSFERE", "Transféré", "transfere"},
      {ArticleStatus::kPerime, "PERIME", "Périmé", "perime"},
      {ArticleStatus::kAnnule, "ANNULE", "Annulé", "annule"},
      {ArticleStatus::kDisjoint, "DISJOINT", "Disjoint", "disjoint"},
      {ArticleStatus::kDeplace, "DEPLACE", "Déplacé", "deplace"},
  };
  return all;
}

TEST_CASE("every ETAT code has its code, French label and token", "[model][status]") {
  for (const auto& e : every_status()) {
    INFO(e.code);
    CHECK(status_code(e.status) == e.code);
    CHECK(status_label(e.status) == e.label);
    CHECK(status_token(e.status) == e.token);
  }
}

TEST_CASE("every ETAT code parses back to its state", "[model][status]") {
  for (const auto& e : every_status()) {
    INFO(e.code);
    CHECK(parse_status(e.code) == e.status);
  }
}

TEST_CASE("every French label parses back to its state", "[model][status]") {
  for (const auto& e : every_status()) {
    INFO(e.label);
    CHECK(parse_status(e.label) == e.status);
  }
}

TEST_CASE("states parse without regard to case, accents or surrounding spaces", "[model][status]") {
  CHECK(parse_status("vigueur") == ArticleStatus::kVigueur);
  CHECK(parse_status("en vigueur") == ArticleStatus::kVigueur);
  CHECK(parse_status("EN VIGUEUR") == ArticleStatus::kVigueur);
  CHECK(parse_status("  En vigueur  ") == ArticleStatus::kVigueur);
  CHECK(parse_status("abrogé") == ArticleStatus::kAbroge);
  CHECK(parse_status("ABROGÉ") == ArticleStatus::kAbroge);
  CHECK(parse_status("Abroge") == ArticleStatus::kAbroge);
  CHECK(parse_status("abrogée") == ArticleStatus::kAbroge);
  CHECK(parse_status("transféré") == ArticleStatus::kTransfere);
  CHECK(parse_status("modifie_mort_ne") == ArticleStatus::kModifieMortNe);
  CHECK(parse_status("Modifié mort né") == ArticleStatus::kModifieMortNe);
}

TEST_CASE("deferred states parse from their code and their French wordings", "[model][status]") {
  CHECK(parse_status("VIGUEUR_DIFF") == ArticleStatus::kVigueurDiff);
  CHECK(parse_status("vigueur diff") == ArticleStatus::kVigueurDiff);
  CHECK(parse_status("vigueur différée") == ArticleStatus::kVigueurDiff);
  CHECK(parse_status("en vigueur différée") == ArticleStatus::kVigueurDiff);
  CHECK(parse_status("en vigueur diff") == ArticleStatus::kVigueurDiff);
  CHECK(parse_status("ABROGE_DIFF") == ArticleStatus::kAbrogeDiff);
  CHECK(parse_status("abrogé différé") == ArticleStatus::kAbrogeDiff);
  CHECK(parse_status("abrogation différée") == ArticleStatus::kAbrogeDiff);
}

TEST_CASE("an unknown state does not parse", "[model][status]") {
  for (const char* text : {"", "   ", "VIGUER", "inconnu", "État inconnu", "en", "ABROGE DIFF X",
                           "vigueur,", "abrogé par"}) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_status(text).has_value());
  }
}

TEST_CASE("the unknown state has a label but no code", "[model][status]") {
  CHECK(status_code(ArticleStatus::kUnknown) == "");
  CHECK(status_label(ArticleStatus::kUnknown) == "État inconnu");
  CHECK(status_token(ArticleStatus::kUnknown) == "inconnu");
}

TEST_CASE("state tokens are distinct and safe in CSS class names", "[model][status]") {
  std::set<std::string> tokens;
  for (const auto& e : every_status()) {
    std::string token(status_token(e.status));
    INFO(token);
    CHECK(tokens.insert(token).second);
    CHECK(token.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos);
  }
}

}  // namespace
}  // namespace legisite::status_test
