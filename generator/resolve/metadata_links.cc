#include <string>
#include <unordered_map>

#include "resolve/homonyms.h"
#include "resolve/resolve.h"

namespace legisite {

namespace {

/// An article and one of its versions.
struct VersionOf {
  ArticleId article;
  int version = -1;
};

// The article and version holding each version id the sources give (LEGIARTI…): links name a
// version.
std::unordered_map<std::string, VersionOf> articles_by_version_id(const Corpus& corpus) {
  std::unordered_map<std::string, VersionOf> out;
  for (const Article& a : corpus.articles())
    for (std::size_t v = 0; v < a.versions.size(); ++v)
      if (!a.versions[v].id.empty()) out.emplace(a.versions[v].id, VersionOf{a.id, int(v)});
  return out;
}

// Resolves one link of an article sitting in `from`; returns the article it names (and the
// version, when the link's id is a version's), creating a cited-only article when the code is
// in the corpus but the article is not. An id the site holds (an article's cid or one of its
// versions' ids) decides; else the text's title names a
// code of the site (a code, the Constitution, any text published as one) and the number an
// article of it. A number several articles share names the one nearest the citing article, none
// when that is a tie.
VersionOf target_of(Corpus& corpus, const std::unordered_map<std::string, VersionOf>& by_version,
                    const Link& link, SectionId from, Diagnostics& diagnostics) {
  if (!link.target_id.empty()) {
    if (ArticleId by_id = corpus.find_article_by_cid(link.target_id); by_id.valid()) return {by_id};
    if (auto it = by_version.find(link.target_id); it != by_version.end()) return it->second;
  }
  if (link.article_number.empty()) return {};
  CodeId code = corpus.find_code(link.text_title);
  if (!code.valid()) return {};  // a text we do not publish: a link to Légifrance, or plain text
  ArticleNumber number(link.article_number);
  CitedArticle cited = cited_article(corpus, code, number, from);
  if (cited.candidates > 0) return {cited.article};
  if (std::string problem = problem_with(number.text()); !problem.empty()) {
    diagnostics.warning(link.where, "cannot link to article '" + link.article_number + "' of " +
                                        corpus.code(code).title + ": " + problem);
    return {};
  }
  ArticleId created = corpus.add_article(code, corpus.code(code).root, number);
  corpus.article(created).cited_only = true;
  return {created};
}

}  // namespace

void resolve_metadata_links(Corpus& corpus, Diagnostics& diagnostics) {
  // Indices, not references: add_article may grow the vector while we walk it.
  const std::size_t loaded = corpus.articles().size();
  const std::unordered_map<std::string, VersionOf> by_version = articles_by_version_id(corpus);
  for (std::size_t a = 0; a < loaded; ++a) {
    const std::size_t versions = corpus.articles()[a].versions.size();
    for (std::size_t v = 0; v < versions; ++v) {
      const std::size_t links = corpus.articles()[a].versions[v].links.size();
      for (std::size_t l = 0; l < links; ++l) {
        Link copy = corpus.articles()[a].versions[v].links[l];
        const auto [target, version] =
            target_of(corpus, by_version, copy, corpus.articles()[a].section, diagnostics);
        corpus.articles()[a].versions[v].links[l].resolved = target;
        corpus.articles()[a].versions[v].links[l].resolved_version = version;
        // A cited-only article has no id of its own: the first citing link's is where its
        // official text is.
        if (target.valid() && corpus.article(target).cited_only &&
            corpus.article(target).cited_as_id.empty() && copy.target_id.starts_with("LEGIARTI"))
          corpus.article(target).cited_as_id = copy.target_id;
      }
    }
  }
}

}  // namespace legisite
