#include "resolve/resolve.h"

#include "resolve/amending_texts.h"
#include "resolve/history.h"
#include "resolve/succession.h"

namespace legisite {

LinkGraph resolve(Corpus& corpus, Diagnostics& diagnostics, std::size_t jobs) {
  // Timelines first: they reorder each article's versions (and fill their ends and states), and
  // every later phase that records a version by its index (backlinks) or reads its dates must see
  // the final order. Nothing they do depends on links, tables of contents or slugs.
  build_timelines(corpus, diagnostics);
  // A code whose sources do not say how current they are is dated by its versions' dates.
  date_sources(corpus);
  // Links first: resolving may create cited-only articles, which need a place in the tables of
  // contents and a permalink like every other article.
  resolve_metadata_links(corpus, diagnostics);
  // Citations in running text too, for the same reason. Their order against metadata links
  // changes no target: both find an article before creating one, and a cited-only article never
  // counts as one the citing code has (text_citations.cc), whoever created it.
  LinkReport report;
  resolve_text_citations(corpus, report, jobs);
  // A cited-only article exists for what cites it: one that no recorded link or citation reaches
  // (its citation stayed the source's link to another code, or overlapped another) goes before it
  // takes a place in a table of contents or a slug.
  drop_uncited_articles(corpus);
  // Tables of contents before permalinks: slug collisions are settled in code order, so the
  // article that keeps the plain slug does not depend on which source was read first.
  corpus.finish_tables_of_contents();
  assign_permalinks(corpus, diagnostics);
  // Backlinks last: they are the inverse of the resolved links and text citations, listed in code
  // order.
  LinkGraph graph = compute_backlinks(corpus);
  // Succession reads the same resolved links, and code order for its lists and cycle paths.
  compute_succession(corpus, graph, diagnostics);
  date_transfers(corpus, graph.successors);
  // Version pages once their dates are final and every article has its slug: render reads them.
  record_version_pages(corpus, graph.successors);
  // The texts that amended the codes, with what each did: their pages list versions, so they
  // come once versions have their final order and pages.
  graph.amending_texts = collect_amending_texts(corpus);
  // The link report last: whether a target has text is settled only once every citation is.
  report_dangling_citations(corpus, report);
  sort_findings(report);
  graph.report = std::move(report);
  return graph;
}

}  // namespace legisite
