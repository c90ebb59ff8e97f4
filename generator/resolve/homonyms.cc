#include "resolve/homonyms.h"

#include <span>
#include <vector>

namespace legisite {

namespace {

std::size_t shared_sections(const std::vector<SectionId>& a, const std::vector<SectionId>& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

CitedArticle cited_article(const Corpus& corpus, CodeId code, const ArticleNumber& number,
                           SectionId from) {
  std::span<const ArticleId> numbered = corpus.articles_numbered(code, number);
  CitedArticle out;
  out.candidates = numbered.size();
  if (numbered.size() == 1) out.article = numbered[0];
  if (numbered.size() < 2) return out;
  const std::vector<SectionId> citing =
      from.valid() ? corpus.section_path(from) : std::vector<SectionId>{};
  std::size_t best = 0;
  std::size_t at_best = 0;  // how many candidates share `best` sections with the citing one
  for (ArticleId id : numbered) {
    std::size_t shared = shared_sections(citing, corpus.section_path(corpus.article(id).section));
    if (at_best == 0 || shared > best) {
      best = shared;
      at_best = 1;
      out.article = id;
    } else if (shared == best) {
      ++at_best;
    }
  }
  if (at_best > 1) out.article = ArticleId();
  return out;
}

}  // namespace legisite
