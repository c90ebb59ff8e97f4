#pragma once
/// The texts that made the codes what they are (README "For developers"): every décret, loi,
/// ordonnance… that a "Créé par", "Modifié par", "Abrogé par", "Transféré par" or "Codifié par"
/// link names, with every article version it created, modified, abrogated, transferred or
/// codified. Each gets a page, /textes/<slug>/, which those links lead to.
///
/// A text is identified by its JORFTEXT/LEGITEXT id when a link gives one, else by its kind and
/// number ("Décret n° 2013-597" and "Décret n°2013-597 du 8 juillet 2013" are one text; a loi and
/// a décret of the same number are two), else by its kind and date, else by its folded title.

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace legisite {

/// One thing a text did to one version of an article.
struct TextEffect {
  ArticleId article;
  std::uint32_t version = 0;  // index into the article's versions
  LinkGroup group = LinkGroup::kCreatedBy;
  std::string provision;  // the text's article that did it ("39", "Annexe"), "" when not named
};

struct AmendingText {
  std::string title;    // the longest spelling the links give, without " - art. N"
  std::string kind;     // "décret", "loi"…, "" when the title is not read as a text
  std::string number;   // "2013-597", "" when none
  Date date;            // of the text, from its title ("du 8 juillet 2013") or the links
  std::string legi_id;  // JORFTEXT/LEGITEXT… when a link gives one
  std::string nature;   // "DECRET", "LOI"… as the source gives it, "" when none does
  std::string nor;      // "MTSA0756880D" when a source gives it (LEGI XML), else ""
  std::string eli;      // Légifrance's ELI of the text when derivable (text_eli), else ""
  std::string slug;     // its page's folder below textes/
  std::vector<TextEffect> effects;  // in model order of the articles, then of their versions
};

/// Phase, once timelines are final: gathers the texts, orders them (by date, newest first, then
/// title), gives each a unique slug (oldest first, so that a newer text of the same name takes
/// the suffix and older pages keep their address) and sets Link::amending_text_slug on every
/// link that names one.
std::vector<AmendingText> collect_amending_texts(Corpus& corpus);

/// The ELI Légifrance gives a text published in the Journal officiel,
/// "https://www.legifrance.gouv.fr/eli/<type>/<yyyy>/<m>/<d>/<NOR>/jo/texte", when its nature is
/// one of LOI, ORDONNANCE, DECRET, ARRETE (types loi, ordonnance, decret, arrete), its date is
/// known and its NOR is well formed (four letters, seven digits, a letter); "" otherwise. Month
/// and day have no leading zero, as in Légifrance's own ELI (TEXTE_VERSION's ID_ELI).
std::string text_eli(std::string_view nature, Date signed_on, std::string_view nor);

/// The normalised identity of a title when no id is known ("décret|2013-597",
/// "arrêté|2010-05-05", or "titre|<folded title>"). Exposed for tests.
std::string amending_text_key(std::string_view title);

}  // namespace legisite
