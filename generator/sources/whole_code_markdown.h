#pragma once
/// Reader for a whole code in one Markdown file, as Archéo Lex writes it
/// (`code_de_la_propriété_intellectuelle.md`, from-string entry point):
///
///     # Partie législative
///     ## Première partie : La propriété littéraire et artistique
///     ### Livre Ier : Le droit d'auteur
///     …
///     ###### Article L111-1
///     Text of the article…
///     ######### Article L132-17-1        headings go deeper than Markdown's six levels
///
/// Every heading that is not an article opens a section at its level (closing the deeper ones);
/// an `Article <NUM>` heading opens an article in the sections open above it, whose text runs to
/// the next heading.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/corpus_builder.h"

namespace legisite {

/// Whether `text` holds a whole code: at least two `#… Article <NUM>` headings, or one under a
/// heading that is not an article's (a code left with one article is still a code).
bool is_whole_code_markdown(std::string_view text);

/// Rendered article texts by their Markdown, shared by the reads of successive states of one code
/// (a git history): an article unchanged between two commits is rendered once.
using MarkdownHtmlCache = std::unordered_map<std::string, std::string>;

/// Reads every article of `text` into `out` (one record per article, in file order) with
/// `code_title` as their code and `sections_above` (the folders the file sits in) above the
/// file's own headings; sections and articles are ordered as the file gives them. Versions have
/// no dates, no state and no links: the file says none. An article heading whose number is not
/// valid ("Article ../x") is reported (file and line) and its text skipped; "Article" alone is a
/// section's title. `cache` may be null.
void read_whole_code_markdown(std::string_view text, const std::string& file,
                              const std::string& code_title,
                              const std::vector<SectionRef>& sections_above,
                              std::vector<ArticleRecord>& out, Diagnostics& diagnostics,
                              MarkdownHtmlCache* cache = nullptr);

/// A code's title from its file name: "code_de_la_propriété_intellectuelle.md" -> "Code de la
/// propriété intellectuelle".
std::string code_title_from_file_name(std::string_view name);

}  // namespace legisite
