#include "resolve/succession.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace legisite {

bool names_successor(const Link& link) {
  if (link.group == LinkGroup::kNewTexts || link.group == LinkGroup::kTransferredBy) return true;
  // The API writes participles (TRANSFERE, DEPLACE), LEGI nouns (TRANSFERT, DEPLACEMENT).
  return link.link_type == "TRANSFERE" || link.link_type == "TRANSFERT" ||
         link.link_type == "DEPLACE" || link.link_type == "DEPLACEMENT";
}

bool names_predecessor(const Link& link) { return link.group == LinkGroup::kOldTexts; }

namespace {

// Where a cycle is reported: the first version of the article it starts at, else (a cited-only
// article has no version) the link that leads back to it.
SourceLocation where_of(const Article& article, const SourceLocation& fallback) {
  for (const Version& v : article.versions)
    if (!v.origin.file.empty()) return v.origin;
  return fallback;
}

// Articles in code order, so lists and the cycle walk do not depend on the order sources were
// read, with each article's position in it. Articles outside every table of contents (none
// expected) go last.
struct CodeOrder {
  std::vector<ArticleId> articles;
  std::vector<std::uint32_t> rank;  // by article id
};

CodeOrder code_order(const Corpus& corpus) {
  const std::size_t n = corpus.articles().size();
  CodeOrder order{{}, std::vector<std::uint32_t>(n, static_cast<std::uint32_t>(n))};
  order.articles.reserve(n);
  for (const Code& c : corpus.codes())
    for (ArticleId id : corpus.articles_in_code_order(c.id))
      if (id.value < n && order.rank[id.value] == n) {
        order.rank[id.value] = static_cast<std::uint32_t>(order.articles.size());
        order.articles.push_back(id);
      }
  for (std::uint32_t a = 0; a < n; ++a)
    if (order.rank[a] == n) order.articles.push_back(ArticleId(a));
  return order;
}

// Successor edges by article, each with the link that gave it first.
using Edges = std::vector<std::vector<std::pair<ArticleId, const Link*>>>;

// Both directions of one fact may be written twice (the old article's "Nouveaux textes" and the
// new one's "Anciens textes"): edges are collected, then deduplicated. The link that gave an
// edge first is kept as a place to report a cycle through a cited-only article.
Edges succession_edges(const Corpus& corpus, const CodeOrder& order) {
  const std::size_t n = order.rank.size();
  Edges edges(n);
  for (ArticleId from : order.articles)
    for (const Version& v : corpus.article(from).versions)
      for (const Link& l : v.links) {
        ArticleId to = l.resolved;
        // An article that names itself says nothing about succession.
        if (!to.valid() || to.value >= n || to == from) continue;
        if (names_successor(l))
          edges[from.value].emplace_back(to, &l);
        else if (names_predecessor(l))
          edges[to.value].emplace_back(from, &l);
      }
  for (auto& e : edges) {
    std::stable_sort(e.begin(), e.end(), [&](const auto& x, const auto& y) {
      return order.rank[x.first.value] < order.rank[y.first.value];
    });
    e.erase(std::unique(e.begin(), e.end(),
                        [](const auto& x, const auto& y) { return x.first == y.first; }),
            e.end());
  }
  return edges;
}

// A depth-first walk in code order; an edge back to an article still on the path closes a cycle,
// reported with the path from that article. Each edge is followed once, so each cycle is
// reported once. Iterative: chains of renumberings can be long.
void report_cycles(const Corpus& corpus, const CodeOrder& order, const Edges& edges,
                   Diagnostics& diagnostics) {
  enum : std::uint8_t { kNew, kOnPath, kDone };
  std::vector<std::uint8_t> state(edges.size(), kNew);
  struct Frame {
    ArticleId id;
    std::size_t next = 0;  // next edge to follow
  };
  for (ArticleId root : order.articles) {
    if (state[root.value] != kNew) continue;
    std::vector<Frame> path = {{root}};
    state[root.value] = kOnPath;
    while (!path.empty()) {
      Frame& top = path.back();
      const auto& e = edges[top.id.value];
      if (top.next == e.size()) {
        state[top.id.value] = kDone;
        path.pop_back();
        continue;
      }
      auto [to, link] = e[top.next++];
      if (state[to.value] == kNew) {
        state[to.value] = kOnPath;
        path.push_back({to});
      } else if (state[to.value] == kOnPath) {
        auto start = std::find_if(path.begin(), path.end(),
                                  [target = to](const Frame& f) { return f.id == target; });
        const Article& first = corpus.article(to);
        std::string cycle;
        for (auto f = start; f != path.end(); ++f)
          cycle += corpus.article(f->id).number.text() + " -> ";
        cycle += first.number.text();
        diagnostics.warning(where_of(first, link->where),
                            "article " + first.number.text() + ": succession cycle " + cycle);
      }
    }
  }
}

}  // namespace

void compute_succession(const Corpus& corpus, LinkGraph& out, Diagnostics& diagnostics) {
  const CodeOrder order = code_order(corpus);
  const Edges edges = succession_edges(corpus, order);
  const std::size_t n = edges.size();
  out.successors.assign(n, {});
  out.predecessors.assign(n, {});
  for (std::uint32_t a = 0; a < n; ++a)
    for (const auto& [to, link] : edges[a]) {
      out.successors[a].push_back(to);
      out.predecessors[to.value].push_back(ArticleId(a));
    }
  for (auto& list : out.predecessors)
    std::sort(list.begin(), list.end(),
              [&](ArticleId x, ArticleId y) { return order.rank[x.value] < order.rank[y.value]; });
  report_cycles(corpus, order, edges, diagnostics);
}

}  // namespace legisite
