#pragma once
/// What resolution knows that the model does not own: who cites whom, who replaced whom, and what
/// could not be settled. Read by render and the CLI.

#include <cstdint>
#include <vector>

#include "model/ids.h"
#include "resolve/amending_texts.h"
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
  /// The texts that created, modified, abrogated, transferred or codified articles, newest first
  /// (amending_texts.h).
  std::vector<AmendingText> amending_texts;
};

}  // namespace legisite
