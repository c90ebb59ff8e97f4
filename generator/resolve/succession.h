#pragma once
/// Successors and predecessors: which article replaced which, from the metadata links that say so
/// ("Nouveaux textes", "Anciens textes", transfers and moves), once links are resolved.

#include "diagnostics/diagnostics.h"
#include "model/model.h"
#include "resolve/link_graph.h"

namespace legisite {

/// True when a link of `from`'s metadata, resolved to another article, names the article that
/// replaced `from`: a "Nouveaux textes" entry, "Transféré par", or a TRANSFERE / TRANSFERT /
/// DEPLACE / DEPLACEMENT link (README "Link directions": the other side of an amending link acts
/// on this article, so when it is an article of a code, it is where this one went).
bool names_successor(const Link& link);
/// True when a resolved link names the article that `from` replaced: an "Anciens textes" entry.
bool names_predecessor(const Link& link);

/// Phase: fills graph.successors and graph.predecessors from resolved metadata links.
/// Needs tables of contents finished (code order). Warns once per cycle, with the whole path
/// ("article A: succession cycle A -> B -> A"), at the first version of the article the walk in
/// code order reached first.
void compute_succession(const Corpus& corpus, LinkGraph& graph, Diagnostics& diagnostics);

}  // namespace legisite
