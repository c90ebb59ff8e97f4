#include "resolve/resolve.h"

#include "resolve/history.h"

namespace legisite {

LinkGraph resolve(Corpus& corpus, Diagnostics& diagnostics) {
  // Timelines first: they reorder each article's versions (and fill their ends and states), and
  // every later phase that records a version by its index (backlinks) or reads its dates must see
  // the final order. Nothing they do depends on links, tables of contents or slugs.
  build_timelines(corpus, diagnostics);
  // Links first: resolving may create cited-only articles, which need a place in the tables of
  // contents and a permalink like every other article.
  resolve_metadata_links(corpus, diagnostics);
  // Tables of contents before permalinks: slug collisions are settled in code order, so the
  // article that keeps the plain slug does not depend on which source was read first.
  corpus.finish_tables_of_contents();
  assign_permalinks(corpus, diagnostics);
  // Backlinks last: they are the inverse of the resolved links and are listed in code order.
  return compute_backlinks(corpus);
}

}  // namespace legisite
