#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"
#include "model/date.h"
#include "model/ids.h"

namespace legisite {

/// The labelled groups of Légifrance's "Liens relatifs à cet article". kOther keeps a label we do
/// not know: it is shown as written (and warned about), never dropped.
enum class LinkGroup {
  kCreatedBy,      // Créé par
  kModifiedBy,     // Modifié par
  kAbrogatedBy,    // Abrogé par
  kTransferredBy,  // Transféré par
  kCodifiedBy,     // Codifié par
  kRatifiedBy,     // Ratifié par
  kLinks,          // Liens (entries carry a type: "TRANSFERE: …")
  kCites,          // Cite
  kCitedBy,        // Cité par
  kOldTexts,       // Anciens textes
  kNewTexts,       // Nouveaux textes
  kOther,
};

/// Recognises a label ("Créé par", "créé par", "Cite", …); kOther when unknown.
LinkGroup link_group_from_label(std::string_view label);
/// The canonical French label of a known group ("Créé par").
std::string_view link_group_label(LinkGroup group);
/// A stable token for CSS and ids ("cree-par").
std::string_view link_group_token(LinkGroup group);

/// The French word for a link type token of Légifrance ("TRANSFERE", "CREATION", "MODIFIE"…):
/// "Transféré", "Créé", "Modifié"…; "" for a token it does not know.
std::string_view link_type_word(std::string_view token);
/// The word a known group's heading implies for its entries' type ("Modifié" for "Modifié par"),
/// "" for groups whose entries' types say more (Liens, Autres liens).
std::string_view link_group_type_word(LinkGroup group);
/// What Légifrance's state mark of a linked text means ("V" -> "en vigueur"); "" when unknown.
std::string_view status_mark_words(std::string_view mark);

struct Link;
/// Completes a text ending with a bare " - art." with the link's article_number ("… - art.
/// Annexe"): LEGI XML and the API both cut some titles there and give the article in a field of
/// its own, which Légifrance prints after "art.".
void name_bare_article(Link& link);

/// One entry of "Liens relatifs", or one LEGI LIEN / JSON lienModifications entry: a typed
/// reference to another text or to an article of a code.
struct Link {
  LinkGroup group = LinkGroup::kOther;
  std::string label;      // the group label as written ("Créé par")
  std::string link_type;  // "TRANSFERE", "MODIFIE", "CITATION"…, from a "TYPE:" prefix or typelien
  std::string text;       // the entry as written, after the type prefix and status mark
  std::string text_title;  // the cited text: "Décret n°2013-597 du 8 juillet 2013", "Code de la
                           // sécurité sociale"
  std::string article_number;  // the cited article of that text ("L133-6", "1"), may be empty
  std::string status_mark;     // "V", "VT", "Ab", "M"… without parentheses
  std::string target_id;       // LEGIARTI/LEGITEXT/JORFTEXT… when the source gives one
  std::string direction;       // LEGI "sens" / API "linkOrientation" ("source", "cible") when given
  Date date;                   // date the source attaches (dateDebutCible, datesignatexte)
  // What the source says of the linked text itself, when it says it (LEGI LIEN attributes,
  // Légifrance JSON lienModifications members); empty or unknown otherwise.
  std::string text_cid;     // JORFTEXT/LEGITEXT… of the text (cidtexte, textCid)
  std::string text_nature;  // "DECRET", "LOI"… (naturetexte, natureText)
  std::string text_nor;     // "MTSA0756880D" (nortexte; the JSON export has none)
  Date text_signed;         // signature date (datesignatexte, dateSignaTexte), never 2999-01-01
  SourceLocation where;

  /// Filled by the resolve stage: the article of the corpus this entry names, if any.
  ArticleId resolved;
  /// Filled by the resolve stage: the version of `resolved` this entry's id names (an index in
  /// its versions), or -1 when the id names the article itself or nothing.
  int resolved_version = -1;
  /// Filled by the resolve stage (resolve/amending_texts.h) for a "Créé par", "Modifié par",
  /// "Abrogé par", "Transféré par" or "Codifié par" entry (or a "Liens" entry of such a type)
  /// naming a text other than a code: the slug of that text's page, /textes/<slug>/. Empty
  /// otherwise.
  std::string amending_text_slug;

  /// True when the cited text is a code (its title starts with "Code").
  bool names_code() const;

  bool operator==(const Link&) const = default;
};

}  // namespace legisite
