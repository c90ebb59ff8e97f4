#include <algorithm>

#include "resolve/resolve.h"

namespace legisite {

LinkGraph compute_backlinks(const Corpus& corpus) {
  LinkGraph graph;
  graph.cited_by.resize(corpus.articles().size());
  // Citing articles are listed in code order, so walk codes in order and each code's articles in
  // table-of-contents order.
  for (const Code& c : corpus.codes()) {
    for (ArticleId from : corpus.articles_in_code_order(c.id)) {
      const Article& a = corpus.article(from);
      for (std::uint32_t v = 0; v < a.versions.size(); ++v) {
        const auto& links = a.versions[v].links;
        for (std::uint32_t l = 0; l < links.size(); ++l) {
          // "Cité par" entries point the other way: they say the target cites this article.
          if (links[l].group == LinkGroup::kCitedBy) continue;
          ArticleId to = links[l].resolved;
          if (!to.valid() || to == from) continue;
          graph.cited_by[to.value].push_back({from, v, l});
        }
      }
    }
  }
  return graph;
}

}  // namespace legisite
