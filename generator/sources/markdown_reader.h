#pragma once
/// Reader for one Légifrance Markdown article file (from-string entry point; the content layout
/// decides which files are articles and where they sit).

#include <string>
#include <string_view>

#include "diagnostics/diagnostics.h"
#include "model/article_number.h"
#include "model/corpus.h"

namespace legisite {

/// What one Markdown file says about one version of one article. Invariant after a successful
/// read: `number` is non-empty and passes problem_with().
struct MarkdownArticle {
  ArticleNumber number;
  /// The code named by `code:` front matter; "" when the file's folder decides.
  std::string code_title;
  /// The stable article id (`cid:` front matter, LEGIARTI of the article); "" when not given.
  std::string cid;
  /// Dates, état and id from the front matter; text_html and nota_html rendered and sanitised;
  /// links from the "Liens relatifs" block; origin at the article heading; format kMarkdown.
  Version version;
};

/// Reads a Markdown article:
///
///     ---                                  optional front matter (see front_matter.h)
///     État: VIGUEUR
///     Date de début: 2013-07-08
///     ---
///     # Article R133-19                    or "Article R133-19" underlined with --- or ===;
///                                          may be left out when front matter gives `num:`
///     Text of the article, in Markdown…
///
///     **Liens relatifs à cet article**     optional; see links_block.h
///
/// `file` names the source in diagnostics. Returns false, after reporting why, when the file has
/// no usable article number or its front matter is wrong; `out` is then unspecified. A UTF-8 byte
/// order mark, CR LF line ends and trailing spaces are accepted.
bool read_markdown_article(std::string_view text, const std::string& file, MarkdownArticle& out,
                           Diagnostics& diagnostics);

}  // namespace legisite
