#pragma once
/// Front door of the resolve stage: turns names into ids once every source is loaded. It gives
/// every metadata link and every citation in running text its target article, creates "cited,
/// no text" articles for articles of a
/// corpus code that are cited but have no source, orders tables of contents, assigns permalinks,
/// and computes who cites whom.

#include <cstdint>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/model.h"
#include "resolve/link_report.h"

namespace legisite {

/// One place that cites an article: a metadata link of one version of another article, or a
/// citation in that version's running text.
struct Backlink {
  ArticleId from;
  std::uint32_t version = 0;  // index into from's versions
  /// Index into that version's links, or, when `in_text`, into its text_citations (whose target
  /// or range_targets hold the cited article).
  std::uint32_t link = 0;
  bool in_text = false;
};

/// What resolution knows that the model does not own: the citation graph.
struct LinkGraph {
  /// Indexed by ArticleId value; each list in code order of the citing article, then version.
  std::vector<std::vector<Backlink>> cited_by;
  /// Who replaced whom (succession.h), both ways; deduplicated, each list in code order.
  std::vector<std::vector<ArticleId>> successors;    // the articles that replaced this one
  std::vector<std::vector<ArticleId>> predecessors;  // the articles this one replaced
  /// Citations that reach no article with text, leave their code open or look wrong
  /// (link_report.h), for `legisite check` and the end of the build.
  LinkReport report;
};

/// Runs the phases in order (see resolve.cc for why the order matters) and returns the graph.
LinkGraph resolve(Corpus& corpus, Diagnostics& diagnostics);

/// Phase: gives each link that names an article of a corpus code its target, creating cited-only
/// articles as needed. Exposed for tests.
void resolve_metadata_links(Corpus& corpus, Diagnostics& diagnostics);
/// Phase: finds the citations in the running text of every version and resolves them
/// (Version::text_citations), creating cited-only articles as metadata links do and expanding
/// ranges over the codes' articles in code order. What it cannot settle goes to `report`. See
/// text_citations.cc. Exposed for tests.
void resolve_text_citations(Corpus& corpus, LinkReport& report);
/// Phase: code slugs, article slugs (unique per code) and section anchors. Exposed for tests.
void assign_permalinks(Corpus& corpus, Diagnostics& diagnostics);
/// Phase: the inverse of resolved links and text citations. Exposed for tests.
LinkGraph compute_backlinks(const Corpus& corpus);

}  // namespace legisite
