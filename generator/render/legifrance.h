#pragma once
/// Addresses on Légifrance for identifiers we cannot link inside the site.

#include <string>
#include <string_view>

namespace legisite {

/// The Légifrance page of a LEGI/JORF identifier, or "" when `id` is not one whose address we
/// know (a LEGISCTA needs its text's id too) or is not a well-formed identifier (letters then
/// digits). `in_code` says whether the identifier belongs to a code, which picks the /codes/
/// rather than the /loda/ address of an article or text.
///   LEGIARTI -> /codes/article_lc/ID (or /loda/article_lc/ID)
///   LEGITEXT -> /codes/texte_lc/ID   (or /loda/id/ID)
///   JORFTEXT -> /jorf/id/ID,  JORFARTI -> /jorf/article_jo/ID
std::string legifrance_url(std::string_view id, bool in_code);

/// Légifrance's search of the codes for an article number ("R133-19"), the official text's
/// address when no identifier of the article is known: /search/code?…searchField=NUM_ARTICLE&
/// query=R133-19 (percent-encoded). "" for an empty number.
std::string legifrance_search_url(std::string_view number);

}  // namespace legisite
