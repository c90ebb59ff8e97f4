#include "render/cite.h"

#include "render/pages.h"
#include "render/version_pages.h"
#include "text/ascii.h"

namespace legisite {
namespace {

// How a sentence names the code: "du code de la sécurité sociale", "du livre des procédures
// fiscales", "de la Constitution du 4 octobre 1958"; another title follows a comma.
std::string of_code(std::string_view title) {
  for (std::string_view noun : {"Code ", "Livre "})
    if (title.substr(0, noun.size()) == noun)
      return "du " + std::string(1, lower(noun[0])) + std::string(title.substr(1));
  if (title.substr(0, 12) == "Constitution") return "de la " + std::string(title);
  return ", " + std::string(title);
}

}  // namespace

std::string citation_text(const Article& article, const Code& code, const Version* version) {
  std::string text = heading_for(article.number);
  std::string code_words = of_code(code.title);
  text += code_words[0] == ',' ? code_words : " " + code_words;
  if (version && version->start.known() && !version->start.is_deferred())
    text += ", dans sa version du " + version->start.french();
  return text;
}

void add_citation(View& view, const Corpus& corpus, const SiteOptions& options,
                  const Article& article, const Version* version, const std::string& page_path) {
  const Code& code = corpus.code(article.code);
  const std::string target = version && !version->slug.empty()
                                 ? version_page_path(corpus, article, version->slug)
                                 : article_page_path(corpus, article);
  View cite;
  cite.set("cite_text", citation_text(article, code, version));
  // A root-relative base ("/", the default) would lose the site's folder when read from disk.
  const bool absolute = options.base_url.find("://") != std::string::npos;
  cite.set("cite_href",
           absolute ? canonical_url(options.base_url, target) : relative_href(page_path, target));
  view.set("cite", std::move(cite));
}

const std::vector<std::string_view>& citation_field_names() {
  static const std::vector<std::string_view> kNames = {"cite", "cite_text", "cite_href"};
  return kNames;
}

}  // namespace legisite
