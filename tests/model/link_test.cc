// The groups of "Liens relatifs à cet article", however an export spells their labels.

#include "model/link.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace legisite::link_test {
namespace {

struct Expected {
  LinkGroup group;
  const char* label;
  const char* token;
};

const std::vector<Expected>& known_groups() {
  static const std::vector<Expected> all = {
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
  };
  return all;
}

TEST_CASE("every link group has its French label and token", "[model][link]") {
  for (const auto& e : known_groups()) {
    INFO(e.label);
    CHECK(link_group_label(e.group) == e.label);
    CHECK(link_group_token(e.group) == e.token);
  }
  CHECK(link_group_label(LinkGroup::kOther) == "Autres liens");
  CHECK(link_group_token(LinkGroup::kOther) == "autres");
}

TEST_CASE("every canonical label is recognised", "[model][link]") {
  for (const auto& e : known_groups()) {
    INFO(e.label);
    CHECK(link_group_from_label(e.label) == e.group);
  }
}

TEST_CASE("labels are recognised whatever their case, accents and punctuation", "[model][link]") {
  CHECK(link_group_from_label("créé par") == LinkGroup::kCreatedBy);
  CHECK(link_group_from_label("CRÉÉ PAR") == LinkGroup::kCreatedBy);
  CHECK(link_group_from_label("Cree par") == LinkGroup::kCreatedBy);
  CHECK(link_group_from_label("  Modifié par :") == LinkGroup::kModifiedBy);
  CHECK(link_group_from_label("**Abrogé par**") == LinkGroup::kAbrogatedBy);
  CHECK(link_group_from_label("CITÉ PAR") == LinkGroup::kCitedBy);
  CHECK(link_group_from_label("cite") == LinkGroup::kCites);
}

TEST_CASE("Cite and Cité par are different groups", "[model][link]") {
  CHECK(link_group_from_label("Cite") == LinkGroup::kCites);
  CHECK(link_group_from_label("Cité par") == LinkGroup::kCitedBy);
  CHECK(link_group_from_label("Cité") == LinkGroup::kCites);
}

TEST_CASE("label variants seen in exports are recognised", "[model][link]") {
  CHECK(link_group_from_label("Créé") == LinkGroup::kCreatedBy);
  CHECK(link_group_from_label("Création") == LinkGroup::kCreatedBy);
  CHECK(link_group_from_label("Modifié") == LinkGroup::kModifiedBy);
  CHECK(link_group_from_label("Modifications") == LinkGroup::kModifiedBy);
  CHECK(link_group_from_label("Abrogé") == LinkGroup::kAbrogatedBy);
  CHECK(link_group_from_label("Abrogation") == LinkGroup::kAbrogatedBy);
  CHECK(link_group_from_label("Cités") == LinkGroup::kCites);
  CHECK(link_group_from_label("Citations") == LinkGroup::kCites);
  CHECK(link_group_from_label("Lien") == LinkGroup::kLinks);
  CHECK(link_group_from_label("Liens relatifs") == LinkGroup::kLinks);
}

TEST_CASE("an unknown label is kept as another group, never mistaken for a known one",
          "[model][link]") {
  CHECK(link_group_from_label("") == LinkGroup::kOther);
  CHECK(link_group_from_label("Autres liens") == LinkGroup::kOther);
  CHECK(link_group_from_label("autres") == LinkGroup::kOther);
  CHECK(link_group_from_label("Versions") == LinkGroup::kOther);
  CHECK(link_group_from_label("Créé par ordonnance") == LinkGroup::kOther);
  CHECK(link_group_from_label("par") == LinkGroup::kOther);
}

TEST_CASE("link group tokens are distinct", "[model][link]") {
  std::set<std::string> tokens;
  for (const auto& e : known_groups()) CHECK(tokens.insert(std::string(e.token)).second);
  CHECK(tokens.insert("autres").second);
}

TEST_CASE("a link names a code when its text's title starts with Code", "[model][link]") {
  Link link;
  link.text_title = "Code de la sécurité sociale";
  CHECK(link.names_code());
  link.text_title = "CODE DE LA SÉCURITÉ SOCIALE";
  CHECK(link.names_code());
  link.text_title = "code du travail";
  CHECK(link.names_code());
  link.text_title = "Décret n°2013-597 du 8 juillet 2013";
  CHECK_FALSE(link.names_code());
  link.text_title = "Loi n° 2004-810 du 13 août 2004 relative à l'assurance maladie (Code)";
  CHECK_FALSE(link.names_code());
  link.text_title = "";
  CHECK_FALSE(link.names_code());
}

TEST_CASE("a new link is unresolved and of no known group", "[model][link]") {
  Link link;
  CHECK(link.group == LinkGroup::kOther);
  CHECK_FALSE(link.resolved.valid());
  CHECK_FALSE(link.date.known());
}

}  // namespace
}  // namespace legisite::link_test
