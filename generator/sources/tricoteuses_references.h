#pragma once
/// The `<details>` blocks that end a Tricoteuses Markdown file (git.tricoteuses.fr): "Références"
/// lists the article's links in both directions, "Autres formats" points at other exports. They
/// are metadata: read here line by line, never rendered as the article's text.
///
///     <details>
///       <summary><h2>Références</h2></summary>
///       ### Articles faisant référence à l'article          links seen from the other article
///       <ul><li>
///         <a href="…/LEGIARTI000019238745…">Loi … - article 4 ENTIEREMENT_MODIF</a> MODIFIE source
///       </li></ul>
///       ### Références faites par l'article                 links seen from this article
///       <ul><li>
///         2008-07-23 MODIFIE cible <a href="…">Loi … - article 4 ENTIEREMENT_MODIF</a>
///       </li></ul>
///     </details>

#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/link.h"

namespace legisite {

class SourceText;

/// The first line at or after `first_line` that opens a `<details>` block at the left margin
/// (up to three spaces), 0 when there is none: where the article's text ends.
int find_details_block(const SourceText& source, int first_line);

/// Reads every "Références" block from `from_line` to the end of the file into links, one per list
/// item: its type (CITATION, MODIFIE, CREATION, CONCORDANCE, SPEC_APPLI…) in link_type, its
/// direction seen from this article in `direction` (an item of a "… faisant référence …" list is
/// written from the other article's side: its `source`/`cible` is turned round), its date, and
/// its anchor's text and target id as parse_link_entry reads them, without the trailing state
/// words ("AUTONOME VIGUEUR, en vigueur depuis le …"). The group comes from
/// tricoteuses_link_group. The same link listed in both directions is kept once. An item with
/// no type is warned about and skipped; other blocks ("Autres formats") are skipped.
std::vector<Link> read_tricoteuses_references(const SourceText& source, int from_line,
                                              Diagnostics& diagnostics);

/// Légifrance's group for a LEGI link of `type` whose direction, seen from the article, is
/// `direction` ("source" or "cible"). Checked on the Constitution's files, where each link is
/// listed from both sides: CITATION source = the article cites the other ("Cite"), cible = it is
/// cited ("Cité par"); a participle (MODIFIE, CREE, ABROGE, CODIFIE, TRANSFERE, RATIFIE) with cible
/// and a noun (MODIFICATION, CREATION, ABROGATION, CODIFICATION, TRANSFERT, RATIFICATION) with
/// source = the other text acts on the article ("Modifié par", "Créé par"…; article 11 is
/// "MODIFIE cible" and article 88-3 "MODIFICATION source" of the amending law's article);
/// CONCORDANCE source = "Nouveaux textes", cible = "Anciens textes" (as LEGI XML reads it);
/// anything else (DEPLACE, SPEC_APPLI, TXT_ASSOCIE, PILOTE_SUIVEUR, APPLICATION, the other
/// direction of an amendment) is shown under "Liens" with its type.
LinkGroup tricoteuses_link_group(std::string_view type, std::string_view direction);

}  // namespace legisite
