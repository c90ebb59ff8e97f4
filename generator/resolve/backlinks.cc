#include <algorithm>

#include "resolve/resolve.h"

namespace legisite {

void drop_uncited_articles(Corpus& corpus) {
  std::vector<bool> drop(corpus.articles().size(), false);
  for (const Article& a : corpus.articles()) drop[a.id.value] = a.cited_only;
  auto cites = [&](ArticleId to) {
    if (to.valid() && to.value < drop.size()) drop[to.value] = false;
  };
  for (const Article& a : corpus.articles())
    for (const Version& v : a.versions) {
      // A "Cité par" entry says the other article cites this one: it is no reason for a page
      // that says it is cited.
      for (const Link& link : v.links)
        if (link.group != LinkGroup::kCitedBy) cites(link.resolved);
      for (const TextCitation& t : v.text_citations) {
        cites(t.target);
        for (ArticleId to : t.range_targets) cites(to);
      }
    }
  for (Article& a : corpus.articles())
    for (Version& v : a.versions)
      for (Link& link : v.links)
        if (link.resolved.valid() && drop[link.resolved.value]) {
          link.resolved = ArticleId();
          link.resolved_version = -1;
        }
  corpus.remove_uncited(drop);
}

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
          graph.cited_by[to.value].push_back({from, v, l, false});
        }
        // Citations in the text, each cited article once per version: a citation split around a
        // tag, or the same article cited twice, is one backlink (the first place).
        const auto& cites = a.versions[v].text_citations;
        for (std::uint32_t t = 0; t < cites.size(); ++t) {
          auto add = [&](ArticleId to) {
            if (!to.valid() || to == from || to.value >= graph.cited_by.size()) return;
            auto& list = graph.cited_by[to.value];
            for (auto it = list.rbegin(); it != list.rend() && it->from == from && it->version == v;
                 ++it)
              if (it->in_text) return;
            list.push_back({from, v, t, true});
          };
          if (cites[t].range_targets.empty())
            add(cites[t].target);
          else
            for (ArticleId to : cites[t].range_targets) add(to);
        }
      }
    }
  }
  return graph;
}

}  // namespace legisite
