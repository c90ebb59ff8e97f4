#include <algorithm>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>

#include "model/article_number.h"
#include "model/slug.h"
#include "resolve/resolve.h"
#include "text/utf8.h"

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

// Légifrance numbers its ids in the order it creates them: of two cids, the shorter, then the
// smaller, names the older article. Articles without a cid come after.
bool older_cid(const std::string& a, const std::string& b) {
  if (a.empty() != b.empty()) return !a.empty();
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

std::string describe(const SourceLocation& where) {
  std::string out = where.file;
  if (where.line > 0) out += ':' + std::to_string(where.line);
  return out;
}

// Where an article sits, for a reader of the warning: "Partie réglementaire / Livre IV / …".
std::string place_of(const Corpus& corpus, const Article& a) {
  std::string out;
  for (SectionId s : corpus.section_path(a.section)) {
    if (!out.empty()) out += " / ";
    out += designator(corpus.section(s).title);
  }
  return out.empty() ? "the top level of the code" : out;
}

// The slug each article asks for, and the groups of homonyms (distinct articles sharing a number:
// two chapters' "Annexe I"), each in the order of its claim to the plain slug. Each homonym gets
// a page: the oldest by cid keeps the plain slug, so an article created later under the same
// number never takes an existing URL; each other one gets its cid after it
// ("annexe-i-legiarti000038137262"), which no edition changes. Homonyms without a cid come last,
// in code order, and get a numbered suffix in the clash pass.
struct WantedSlugs {
  std::unordered_map<std::uint32_t, std::string> by_article;
  std::vector<std::vector<ArticleId>> homonyms;
};

WantedSlugs wanted_slugs(const Corpus& corpus, CodeId code, const std::vector<ArticleId>& order) {
  WantedSlugs out;
  for (ArticleId id : order) {
    if (out.by_article.count(id.value)) continue;
    const Article& a = corpus.article(id);
    std::string plain = article_slug(a.number.text());
    std::span<const ArticleId> numbered = corpus.articles_numbered(code, a.number);
    if (numbered.size() < 2) {
      out.by_article[id.value] = std::move(plain);
      continue;
    }
    std::vector<ArticleId> group;
    for (ArticleId other : order)
      if (std::find(numbered.begin(), numbered.end(), other) != numbered.end())
        group.push_back(other);
    // Code order among equals (no cid): stable.
    std::stable_sort(group.begin(), group.end(), [&](ArticleId x, ArticleId y) {
      return older_cid(corpus.article(x).cid, corpus.article(y).cid);
    });
    for (ArticleId member : group) {
      const std::string& cid = corpus.article(member).cid;
      bool suffixed = member != group.front() && !cid.empty();
      out.by_article[member.value] = suffixed ? plain + '-' + slugify(cid) : plain;
    }
    out.homonyms.push_back(std::move(group));
  }
  return out;
}

// One warning per group of homonyms, at the second one, saying where each sits and its URL.
void warn_about_homonyms(const Corpus& corpus, CodeId code,
                         const std::vector<std::vector<ArticleId>>& homonyms,
                         Diagnostics& diagnostics) {
  for (const auto& group : homonyms) {
    std::vector<std::string> notes;
    for (ArticleId member : group) {
      const Article& m = corpus.article(member);
      std::string note = "'" + m.slug + "': " + m.number.text();
      if (!m.cid.empty()) note += " (" + m.cid + ")";
      note += " in " + place_of(corpus, m);
      if (!m.versions.empty()) note += ", read at " + describe(m.versions.front().origin);
      notes.push_back(std::move(note));
    }
    const Article& first = corpus.article(group[0]);
    const Article& second = corpus.article(group[1]);
    diagnostics.warning(second.versions.empty() ? SourceLocation{} : second.versions[0].origin,
                        corpus.code(code).title + " has " + std::to_string(group.size()) +
                            " distinct articles numbered " + first.number.text() +
                            "; each gets a page of its own",
                        std::move(notes));
  }
}

void assign_article_slugs(Corpus& corpus, CodeId code, Diagnostics& diagnostics) {
  // Cited-only articles are not in the table of contents; they come after, in code order.
  std::vector<ArticleId> order = corpus.articles_in_code_order(code);
  std::vector<ArticleId> cited;
  for (const Article& a : corpus.articles())
    if (a.code == code && a.cited_only) cited.push_back(a.id);
  std::sort(cited.begin(), cited.end(), [&](ArticleId x, ArticleId y) {
    return compare_code_order(corpus.article(x).number.text(), corpus.article(y).number.text()) < 0;
  });
  order.insert(order.end(), cited.begin(), cited.end());
  WantedSlugs wanted = wanted_slugs(corpus, code, order);

  // Two passes: every article that can have its own slug gets it first, so that a suffixed
  // slug ("annexe-2" for a second "Annexe") never takes the plain slug of another article
  // ("Annexe 2"), whose URL would then depend on an unrelated clash.
  std::set<std::string> taken;
  std::unordered_map<std::string, ArticleId> owner;
  std::vector<ArticleId> clashing;
  for (ArticleId id : order) {
    const std::string& slug = wanted.by_article.at(id.value);
    if (taken.insert(slug).second) {
      corpus.article(id).slug = slug;
      owner[slug] = id;
    } else {
      clashing.push_back(id);
    }
  }
  for (ArticleId id : clashing) {
    Article& a = corpus.article(id);
    const std::string& slug = wanted.by_article.at(id.value);
    a.slug = unique(slug, taken);
    const Article& first = corpus.article(owner.at(slug));
    if (first.number.key() == a.number.key()) continue;  // homonyms: one warning for the group
    diagnostics.warning(a.versions.empty() ? SourceLocation{} : a.versions.front().origin,
                        "articles " + first.number.text() + " and " + a.number.text() + " of " +
                            corpus.code(code).title + " share the URL slug '" + slug + "'; " +
                            a.number.text() + " gets '" + a.slug + "'");
  }
  warn_about_homonyms(corpus, code, wanted.homonyms, diagnostics);
}

// A name cut to fit in a file name (model/slug.h) still gives a working URL, but not the one its
// author would guess: said at its source, once per code and per article.
void warn_about_long_names(const Corpus& corpus, Diagnostics& diagnostics) {
  auto start_of = [](const std::string& name) {
    return name.size() <= 80 ? name : name.substr(0, character_start(name, 80));
  };
  for (const Code& c : corpus.codes())
    if (slug_too_long(c.title))
      diagnostics.warning(c.origin, "the title of code '" + start_of(c.title) +
                                        "…' is too long for a file name: its URL is cut to '" +
                                        c.slug + "'");
  for (const Article& a : corpus.articles())
    if (article_slug_too_long(a.number.text()))
      diagnostics.warning(a.versions.empty() ? SourceLocation{} : a.versions.front().origin,
                          "article number '" + start_of(a.number.text()) +
                              "…' is too long for a file name: its URL is cut to '" + a.slug + "'");
}

}  // namespace

void assign_permalinks(Corpus& corpus, Diagnostics& diagnostics) {
  // "static" holds the theme's files at the site root, "recherche" the search page and index,
  // "textes" the pages of amending texts (amending_texts.h).
  std::set<std::string> code_slugs = {"static", "id", "recherche", "textes"};
  for (const Code& c : corpus.codes()) {
    std::string wanted = slugify(c.title);
    if (wanted.empty()) wanted = "code";
    corpus.code(c.id).slug = unique(wanted, code_slugs);
  }

  for (const Code& c : corpus.codes()) {
    assign_article_slugs(corpus, c.id, diagnostics);

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
  warn_about_long_names(corpus, diagnostics);
}

}  // namespace legisite
