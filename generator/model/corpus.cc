#include "model/corpus.h"

#include <algorithm>
#include <functional>

#include "text/ascii.h"
#include "text/fold.h"

namespace legisite {

std::string code_title_key(std::string_view title) {
  // An apostrophe separates words like a space: "Code de l'action sociale" == "l action".
  std::string folded = fold_for_matching(title);
  std::replace(folded.begin(), folded.end(), '\'', ' ');
  std::string key = collapse_whitespace(folded);
  while (!key.empty() && (key.back() == '.' || key.back() == ' ' || key.back() == ','))
    key.pop_back();
  return key;
}

CodeId Corpus::find_or_add_code(std::string_view title, std::string_view legi_id) {
  if (!legi_id.empty()) {
    if (auto id = find_code_by_legi_id(legi_id); id.valid()) return id;
  }
  std::string key = code_title_key(title);
  if (auto it = code_by_title_.find(key); it != code_by_title_.end()) {
    Code& existing = codes_[it->second.value];
    if (existing.legi_id.empty() && !legi_id.empty()) {
      existing.legi_id = std::string(legi_id);
      code_by_legi_id_.emplace(existing.legi_id, existing.id);
    }
    return it->second;
  }
  CodeId id(static_cast<std::uint32_t>(codes_.size()));
  SectionId root(static_cast<std::uint32_t>(sections_.size()));
  sections_.push_back(Section{root, id, SectionId(), "", "", 0, {}, {}, ""});
  std::string t(title);
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  Code code;
  code.id = id;
  code.title = t;
  code.legi_id = std::string(legi_id);
  code.root = root;
  codes_.push_back(std::move(code));
  code_by_title_.emplace(std::move(key), id);
  if (!legi_id.empty()) code_by_legi_id_.emplace(std::string(legi_id), id);
  return id;
}

CodeId Corpus::find_code(std::string_view title) const {
  auto it = code_by_title_.find(code_title_key(title));
  return it == code_by_title_.end() ? CodeId() : it->second;
}

void Corpus::add_code_legi_id(CodeId code, std::string_view legi_id) {
  code_by_legi_id_.emplace(std::string(legi_id), code);
}

CodeId Corpus::find_code_by_legi_id(std::string_view legi_id) const {
  auto it = code_by_legi_id_.find(std::string(legi_id));
  return it == code_by_legi_id_.end() ? CodeId() : it->second;
}

SectionId Corpus::find_or_add_section(SectionId parent, std::string_view title,
                                      std::string_view legi_id, std::int64_t order) {
  // Sections are known by LEGISCTA id when a source gives one, and always by title, so that a
  // Markdown folder and the same section read from LEGI XML or the API (with its id) meet.
  const std::string prefix = std::to_string(parent.value) + '\n';
  std::string id_key;
  if (!legi_id.empty()) {
    id_key = prefix;
    id_key += '#';
    id_key += legi_id;
    if (auto it = section_by_key_.find(id_key); it != section_by_key_.end()) return it->second;
  }
  // Folding the title is the expensive part: only when the id did not settle it.
  std::string title_key = prefix + code_title_key(title);
  if (auto it = section_by_key_.find(title_key); it != section_by_key_.end()) {
    Section& same_title = sections_[it->second.value];
    if (legi_id.empty()) return same_title.id;
    if (same_title.legi_id.empty()) {
      same_title.legi_id = std::string(legi_id);
      section_by_key_.emplace(std::move(id_key), same_title.id);
      return same_title.id;
    }
    // Same title, another id: two distinct sections (a section replaced by a new one).
  }
  SectionId id(static_cast<std::uint32_t>(sections_.size()));
  Section& p = sections_[parent.value];
  std::int64_t effective_order = order >= 0 ? order : static_cast<std::int64_t>(p.sections.size());
  CodeId code = p.code;
  p.sections.push_back(id);
  sections_.push_back(Section{
      id, code, parent, std::string(title), std::string(legi_id), effective_order, {}, {}, ""});
  section_by_key_.emplace(std::move(title_key), id);  // keeps the first section of a title
  if (!id_key.empty()) section_by_key_.emplace(std::move(id_key), id);
  return id;
}

ArticleId Corpus::find_article(CodeId code, const ArticleNumber& number) const {
  auto it = article_by_key_.find(std::to_string(code.value) + '\n' + number.key());
  return it == article_by_key_.end() ? ArticleId() : it->second;
}

std::span<const ArticleId> Corpus::articles_numbered(CodeId code,
                                                     const ArticleNumber& number) const {
  std::string key = std::to_string(code.value) + '\n' + number.key();
  if (auto it = homonyms_by_key_.find(key); it != homonyms_by_key_.end()) return it->second;
  auto it = article_by_key_.find(key);
  if (it == article_by_key_.end()) return {};
  return {&it->second, 1};  // map nodes do not move: the span stays valid until the next add
}

ArticleId Corpus::find_article_by_cid(std::string_view cid) const {
  auto it = article_by_cid_.find(std::string(cid));
  return it == article_by_cid_.end() ? ArticleId() : it->second;
}

ArticleId Corpus::add_article(CodeId code, SectionId section, ArticleNumber number,
                              std::string cid) {
  ArticleId id(static_cast<std::uint32_t>(articles_.size()));
  std::string key = std::to_string(code.value) + '\n' + number.key();
  if (auto [first, added] = article_by_key_.emplace(key, id); !added) {
    std::vector<ArticleId>& all = homonyms_by_key_[key];
    if (all.empty()) all.push_back(first->second);
    all.push_back(id);
  }
  if (!cid.empty()) article_by_cid_.emplace(cid, id);
  Article a;
  a.id = id;
  a.code = code;
  a.section = section;
  a.number = std::move(number);
  a.cid = std::move(cid);
  articles_.push_back(std::move(a));
  return id;
}

void Corpus::add_article_cid(ArticleId article, const std::string& cid) {
  if (cid.empty()) return;
  article_by_cid_.emplace(cid, article);
  if (articles_[article.value].cid.empty()) articles_[article.value].cid = cid;
}

void Corpus::remove_uncited(const std::vector<bool>& drop) {
  if (std::find(drop.begin(), drop.end(), true) == drop.end()) return;
  std::vector<ArticleId> renumbered(articles_.size());
  std::vector<Article> kept;
  kept.reserve(articles_.size());
  for (Article& a : articles_) {
    if (a.id.value < drop.size() && drop[a.id.value]) continue;
    renumbered[a.id.value] = ArticleId(static_cast<std::uint32_t>(kept.size()));
    kept.push_back(std::move(a));
    kept.back().id = renumbered[kept.back().id.value];
  }
  articles_ = std::move(kept);
  auto renumber = [&](ArticleId& id) {
    if (id.valid() && id.value < renumbered.size()) id = renumbered[id.value];
  };
  for (Article& a : articles_)
    for (Version& v : a.versions) {
      for (Link& link : v.links) renumber(link.resolved);
      for (TextCitation& t : v.text_citations) {
        renumber(t.target);
        for (ArticleId& id : t.range_targets) renumber(id);
      }
    }
  for (auto* index : {&article_by_key_, &article_by_cid_})
    for (auto it = index->begin(); it != index->end();) {
      renumber(it->second);
      it = it->second.valid() ? std::next(it) : index->erase(it);
    }
}

void Corpus::finish_tables_of_contents() {
  std::vector<std::vector<ArticleId>> by_section(sections_.size());
  // Cited-only articles have no place in the hierarchy: they are listed apart.
  for (const auto& a : articles_)
    if (!a.cited_only) by_section[a.section.value].push_back(a.id);
  for (auto& s : sections_) {
    // Sections and articles share one order when a source gives explicit positions (the API's
    // intOrdre); otherwise sections keep insertion order and articles follow in code order.
    struct Keyed {
      std::int64_t order;
      int kind;  // articles without explicit order after everything ordered
      std::string_view number;
      TocEntry entry;
    };
    std::vector<Keyed> keyed;
    for (SectionId c : s.sections)
      keyed.push_back({sections_[c.value].order, 0, {}, {TocEntry::Kind::kSection, c.value}});
    for (ArticleId a : by_section[s.id.value]) {
      const Article& art = articles_[a.value];
      keyed.push_back({art.order >= 0 ? art.order : INT64_MAX,
                       1,
                       art.number.text(),
                       {TocEntry::Kind::kArticle, a.value}});
    }
    bool explicit_order = std::any_of(by_section[s.id.value].begin(), by_section[s.id.value].end(),
                                      [&](ArticleId a) { return articles_[a.value].order >= 0; });
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& x, const Keyed& y) {
      if (!explicit_order && x.kind != y.kind)
        return x.kind > y.kind;  // articles before subsections
      if (x.order != y.order) return x.order < y.order;
      if (x.kind != y.kind) return x.kind > y.kind;
      if (x.kind == 1) return compare_section_order(x.number, y.number) < 0;
      return false;
    });
    s.toc.clear();
    for (const auto& k : keyed) s.toc.push_back(k.entry);
  }
}

std::vector<ArticleId> Corpus::articles_in_code_order(CodeId code) const {
  std::vector<ArticleId> out;
  std::function<void(SectionId)> walk = [&](SectionId id) {
    for (const auto& e : sections_[id.value].toc) {
      if (e.kind == TocEntry::Kind::kArticle)
        out.push_back(ArticleId(e.id));
      else
        walk(SectionId(e.id));
    }
  };
  walk(codes_[code.value].root);
  return out;
}

std::vector<SectionId> Corpus::section_path(SectionId section) const {
  std::vector<SectionId> path;
  for (SectionId s = section; s.valid() && sections_[s.value].parent.valid();
       s = sections_[s.value].parent)
    path.push_back(s);
  std::reverse(path.begin(), path.end());
  return path;
}

void offer_data_date(Code& code, Date date, Code::DataDateRule rule) {
  if (!date.known() || date < code.data_date) return;
  code.data_date = date;
  code.data_date_rule = rule;
}

}  // namespace legisite
