#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <unordered_map>

#include "resolve/resolve.h"

namespace legisite {

namespace {

// The part of a section title that designates it ("Chapitre 3 bis" of "Chapitre 3 bis :
// Dispositions communes…"): anchors stay short and survive a reworded title. Only a colon ends
// the designator: "Partie réglementaire - Décrets simples" is a name in full.
std::string designator(const std::string& title) {
  for (std::string_view sep : {" : ", ": "}) {
    auto at = title.find(sep);
    if (at != std::string::npos && at > 0) return title.substr(0, at);
  }
  return title;
}

std::string unique(const std::string& wanted, std::set<std::string>& taken) {
  if (taken.insert(wanted).second) return wanted;
  for (int n = 2;; ++n) {
    std::string candidate = wanted + "-" + std::to_string(n);
    if (taken.insert(candidate).second) return candidate;
  }
}

}  // namespace

void assign_permalinks(Corpus& corpus, Diagnostics& diagnostics) {
  // "static" holds the theme's files at the site root.
  std::set<std::string> code_slugs = {"static", "id"};
  for (const Code& c : corpus.codes()) {
    std::string wanted = slugify(c.title);
    if (wanted.empty()) wanted = "code";
    corpus.code(c.id).slug = unique(wanted, code_slugs);
  }

  for (const Code& c : corpus.codes()) {
    // Cited-only articles are not in the table of contents; they come after, in code order.
    std::vector<ArticleId> order = corpus.articles_in_code_order(c.id);
    std::vector<ArticleId> cited;
    for (const Article& a : corpus.articles())
      if (a.code == c.id && a.cited_only) cited.push_back(a.id);
    std::sort(cited.begin(), cited.end(), [&](ArticleId x, ArticleId y) {
      return compare_code_order(corpus.article(x).number.text(), corpus.article(y).number.text()) <
             0;
    });
    order.insert(order.end(), cited.begin(), cited.end());

    // Two passes: every article that can have its own slug gets it first, so that a suffixed
    // slug ("annexe-2" for a second "Annexe") never takes the plain slug of another article
    // ("Annexe 2"), whose URL would then depend on an unrelated clash.
    std::set<std::string> taken;
    std::unordered_map<std::string, ArticleId> owner;
    std::vector<ArticleId> clashing;
    for (ArticleId id : order) {
      Article& a = corpus.article(id);
      std::string wanted = article_slug(a.number.text());
      if (taken.insert(wanted).second) {
        a.slug = wanted;
        owner[wanted] = id;
      } else {
        clashing.push_back(id);
      }
    }
    for (ArticleId id : clashing) {
      Article& a = corpus.article(id);
      std::string wanted = article_slug(a.number.text());
      a.slug = unique(wanted, taken);
      const Article& first = corpus.article(owner.at(wanted));
      diagnostics.warning(a.versions.empty() ? SourceLocation{} : a.versions.front().origin,
                          "articles " + first.number.text() + " and " + a.number.text() + " of " +
                              c.title + " share the URL slug '" + wanted + "'; " + a.number.text() +
                              " gets '" + a.slug + "'");
    }

    // Section anchors are the path of designators from the top, so a section inserted before
    // another does not change the other's anchor.
    std::set<std::string> anchors;
    std::function<void(SectionId, const std::string&)> walk = [&](SectionId sid,
                                                                  const std::string& prefix) {
      for (const TocEntry& e : corpus.section(sid).toc) {
        if (e.kind != TocEntry::Kind::kSection) continue;
        Section& s = corpus.section(SectionId(e.id));
        std::string own = slugify(designator(s.title));
        if (own.size() > 48) own.resize(48);
        while (!own.empty() && own.back() == '-') own.pop_back();  // no "---" when joined
        if (own.empty()) own = "section";
        std::string wanted = prefix.empty() ? own : prefix + "--" + own;
        s.anchor = unique(wanted, anchors);
        walk(s.id, s.anchor);
      }
    };
    walk(c.root, "");
  }
}

}  // namespace legisite
