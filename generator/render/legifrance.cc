#include "render/legifrance.h"

namespace legisite {

namespace {

constexpr std::string_view kSite = "https://www.legifrance.gouv.fr";

// Eight capital letters then twelve digits in practice; accept any digit run so that a shorter
// identifier from an old export still links, but nothing that could break out of an href.
bool well_formed(std::string_view id) {
  if (id.size() < 9 || id.size() > 40) return false;
  for (std::size_t i = 0; i < 8; ++i)
    if (id[i] < 'A' || id[i] > 'Z') return false;
  for (std::size_t i = 8; i < id.size(); ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  return true;
}

}  // namespace

std::string legifrance_url(std::string_view id, bool in_code) {
  if (!well_formed(id)) return {};
  std::string_view kind = id.substr(0, 8);
  std::string_view path;
  if (kind == "LEGIARTI")
    path = in_code ? "/codes/article_lc/" : "/loda/article_lc/";
  else if (kind == "LEGITEXT")
    path = in_code ? "/codes/texte_lc/" : "/loda/id/";
  else if (kind == "JORFTEXT")
    path = "/jorf/id/";
  else if (kind == "JORFARTI")
    path = "/jorf/article_jo/";
  else
    return {};
  std::string url(kSite);
  url += path;
  url += id;
  return url;
}

std::string legifrance_search_url(std::string_view number) {
  if (number.empty()) return {};
  std::string url(kSite);
  url += "/search/code?tab_selection=code&searchField=NUM_ARTICLE&query=";
  constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : number) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

}  // namespace legisite
