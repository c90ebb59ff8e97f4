#pragma once
/// Which article a citation means when a code has several articles of one number (homonyms:
/// the Code du travail's "Annexe I" of the equal-pay chapter and of the optical-radiation one).

#include <cstddef>

#include "model/corpus.h"

namespace legisite {

/// The article of `code` numbered `number` that a citation from an article sitting in `from`
/// names, and how many articles have that number.
struct CitedArticle {
  ArticleId article;  // invalid when none has the number, or when the citation is ambiguous
  std::size_t candidates = 0;

  bool ambiguous() const { return candidates > 1 && !article.valid(); }
};

/// The only article of that number; among homonyms, the one whose section path shares the most
/// sections with `from` ("l'annexe I figurant à la fin du présent chapitre" is that chapter's),
/// none when two share as many (a citation from another chapter, or another code): such a
/// citation is left unlinked and reported as ambiguous rather than guessed.
CitedArticle cited_article(const Corpus& corpus, CodeId code, const ArticleNumber& number,
                           SectionId from);

}  // namespace legisite
