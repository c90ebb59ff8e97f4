#pragma once
/// Front door of the resolve stage: turns names into ids once every source is loaded. It gives
/// every metadata link and every citation in running text its target article, creates "cited,
/// no text" articles for articles of a
/// corpus code that are cited but have no source, orders tables of contents, assigns permalinks,
/// and computes who cites whom.

#include <cstddef>

#include "diagnostics/diagnostics.h"
#include "model/model.h"
#include "resolve/link_graph.h"
#include "resolve/link_report.h"

namespace legisite {

/// Runs the phases in order (see resolve.cc for why the order matters) and returns the graph.
/// The phases that read every text do so on `jobs` threads (`-j`); the result does not depend on
/// it.
LinkGraph resolve(Corpus& corpus, Diagnostics& diagnostics, std::size_t jobs = 1);

/// Phase: gives each link that names an article of a corpus code its target, creating cited-only
/// articles as needed. Exposed for tests.
void resolve_metadata_links(Corpus& corpus, Diagnostics& diagnostics);
/// Phase: finds the citations in the running text of every version and resolves them
/// (Version::text_citations), creating cited-only articles as metadata links do and expanding
/// ranges over the codes' articles in code order. What it cannot settle goes to `report`. See
/// text_citations.cc. Texts are read on `jobs` threads. Exposed for tests.
void resolve_text_citations(Corpus& corpus, LinkReport& report, std::size_t jobs = 1);
/// The same for one version alone, against the articles the corpus has: what the whole phase
/// gives that version, as long as it creates no cited-only article (serve, which edits one text
/// this way, refuses an edit that does: see cli/text_edit.h).
void resolve_version_citations(Corpus& corpus, ArticleId article, std::size_t version,
                               LinkReport& report);
/// Phase: removes the cited-only articles that no link or text citation reaches (a citation that
/// created one may have stayed the source's link to another text). Exposed for tests.
void drop_uncited_articles(Corpus& corpus);
/// Phase: code slugs, article slugs (unique per code) and section anchors. Exposed for tests.
void assign_permalinks(Corpus& corpus, Diagnostics& diagnostics);
/// Phase: the inverse of resolved links and text citations. Exposed for tests.
LinkGraph compute_backlinks(const Corpus& corpus);

}  // namespace legisite
