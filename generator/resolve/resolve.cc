#include "resolve/resolve.h"

namespace legisite {

LinkGraph resolve(Corpus& corpus, Diagnostics& diagnostics) {
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
