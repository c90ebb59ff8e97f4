#include "resolve/amending_texts.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "citations/legal_texts.h"
#include "model/slug.h"
#include "text/fold.h"

namespace legisite {

namespace {

// What the text a link names did to the version: its group, or for a "Liens" entry a transfer
// ("TRANSFERE: Décret n°2017-864…", as Légifrance lists transfers) when the article is the one
// transferred (TRANSFERE seen from the article, TRANSFERT from the text, or no direction given);
// kOther for a link that names no amending text. Other types under "Liens" (MODIFIE seen from
// the article that did the modifying) are this article acting on another, not a text on it.
LinkGroup effect_of(const Link& l) {
  switch (l.group) {
    case LinkGroup::kCreatedBy:
    case LinkGroup::kModifiedBy:
    case LinkGroup::kAbrogatedBy:
    case LinkGroup::kTransferredBy:
    case LinkGroup::kCodifiedBy:
      return l.group;
    case LinkGroup::kLinks:
      if (l.link_type == "TRANSFERE" && (l.direction.empty() || l.direction == "cible"))
        return LinkGroup::kTransferredBy;
      if (l.link_type == "TRANSFERT" && (l.direction.empty() || l.direction == "source"))
        return LinkGroup::kTransferredBy;
      return LinkGroup::kOther;
    default:
      return LinkGroup::kOther;
  }
}

bool iso_day(std::string_view w) {
  if (w.size() != 10 || w[4] != '-' || w[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (w[i] < '0' || w[i] > '9') return false;
  return true;
}

// LEGI XML labels older texts "Décret 52-751 1952-06-26" or "Arrêté 2000-04-04": the kind, the
// number without "n°" when there is one, the signature date in ISO form, sometimes followed by an
// article ("art. 4 I 2°"), where it was published ("JORF 29 juin 1952 rectificatif…") or a remark
// ("(validation)"). Fills the same designation in the citation grammar's form ("Décret n°
// 52-751", "Arrêté du 4 avril 2000") and the date, and returns the end of the date in `title`;
// npos for any other title.
std::size_t legi_label(std::string_view title, std::string& designation, std::string& iso) {
  std::size_t previous = std::string_view::npos;  // start of the word before
  std::size_t at = 0;
  while (at < title.size()) {
    std::size_t end = title.find(' ', at);
    if (end == std::string_view::npos) end = title.size();
    const std::string_view word = title.substr(at, end - at);
    if (iso_day(word) && previous != std::string_view::npos) {
      const auto day = Date::parse(word);
      if (!day) return std::string_view::npos;
      iso = std::string(word);
      if (previous > 0 && title[previous] >= '0' && title[previous] <= '9')
        designation = std::string(title.substr(0, previous)) + "n° " +
                      std::string(title.substr(previous, at - 1 - previous));
      else
        designation = std::string(title.substr(0, at)) + "du " + day->french();
      return end;
    }
    previous = at;
    at = end + 1;
  }
  return std::string_view::npos;
}

// A state mark closing a title, " (V)", " (VT)", " (Ab)": Légifrance's, not the text's.
void drop_status_mark(std::string& title) {
  const std::size_t open = title.rfind(" (");
  if (open == std::string::npos || title.back() != ')') return;
  const std::string_view mark = std::string_view(title).substr(open + 2, title.size() - open - 3);
  if (mark.empty() || mark.size() > 4) return;
  for (char c : mark)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return;
  title.resize(open);
}

// "Décret n°2013-597 du 8 juillet 2013 - art. 1" or "Décret n°85-1353 du 17 décembre 1985 (V)"
// -> the text's title alone; a LEGI label cut after its date ("Ordonnance 2000-1223 2000-12-14 art.
// 4 I 2° JORF 16 décembre 2000…" -> "Ordonnance 2000-1223 2000-12-14").
std::string title_of(const Link& l) {
  std::string title = !l.text_title.empty() ? l.text_title : l.text;
  if (auto at = title.find(" - art"); at != std::string::npos) title.resize(at);
  std::string designation, iso;
  if (auto end = legi_label(title, designation, iso); end != std::string::npos) title.resize(end);
  while (!title.empty() && (title.back() == ' ' || title.back() == '.')) title.pop_back();
  drop_status_mark(title);
  return title;
}

bool is_text_id(const std::string& id) {
  return id.rfind("JORFTEXT", 0) == 0 || id.rfind("LEGITEXT", 0) == 0;
}

// The text's own id: the link's text id, else its target when that names a text (LEGI gives a
// text's id as the target of a link to the whole text).
std::string text_id_of(const Link& l) {
  if (is_text_id(l.text_cid)) return l.text_cid;
  return is_text_id(l.target_id) ? l.target_id : std::string();
}

ExternalText read_title(std::string_view title) {
  ExternalText t;
  if (match_legal_text(title, 0, t) != std::string::npos) return t;
  std::string designation, iso;
  if (legi_label(title, designation, iso) != std::string::npos &&
      match_legal_text(designation, 0, t) != std::string::npos) {
    t.date_iso = iso;
    return t;
  }
  return ExternalText{};
}

Date title_date(const ExternalText& t, std::string_view title) {
  if (auto d = Date::parse(t.date_iso)) return *d;
  // A title the text grammar does not read may still end in "du 8 juillet 2013".
  for (std::size_t at = title.rfind(" du "); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : title.rfind(" du ", at - 1)) {
    std::string iso;
    if (match_french_date(title, at + 4, iso) != std::string_view::npos)
      if (auto d = Date::parse(iso)) return *d;
  }
  return {};
}

// One link read as naming an amending text.
struct Naming {
  LinkGroup effect = LinkGroup::kOther;
  std::string title;
  std::string key;
  std::string id;
};

std::optional<Naming> naming_of(const Link& l) {
  Naming n;
  n.effect = effect_of(l);
  if (n.effect == LinkGroup::kOther || l.names_code() || l.resolved.valid()) return std::nullopt;
  n.title = title_of(l);
  if (n.title.empty()) return std::nullopt;
  n.key = amending_text_key(n.title);
  n.id = text_id_of(l);
  return n;
}

// The texts found so far, by id and by key.
struct TextIndex {
  std::vector<AmendingText> texts;
  std::vector<std::vector<Link*>> links_of;  // per text, the links naming it
  std::map<std::string, std::size_t> by_id, by_key;

  // The id decides when there is one; a key shared by texts of different ids stays apart.
  std::size_t find_or_add(const Naming& n) {
    if (!n.id.empty())
      if (auto it = by_id.find(n.id); it != by_id.end()) return it->second;
    if (auto it = by_key.find(n.key); it != by_key.end()) {
      const std::string& known = texts[it->second].legi_id;
      if (n.id.empty() || known.empty() || known == n.id) return it->second;
    }
    texts.emplace_back();
    links_of.emplace_back();
    by_key.emplace(n.key, texts.size() - 1);
    return texts.size() - 1;
  }
};

// What one more link teaches about its text: the fullest spelling, the id, the kind, number and
// date (the signature date a source gives wins over a title's), the nature and NOR.
void learn(AmendingText& t, const Link& l, const Naming& n) {
  if (n.title.size() > t.title.size()) t.title = n.title;
  if (t.kind.empty() || t.number.empty() || !t.date.known()) {
    const ExternalText read = read_title(n.title);
    if (t.kind.empty()) t.kind = read.kind;
    if (t.number.empty() && read.kind == t.kind) t.number = read.number;
    if (!t.date.known()) t.date = title_date(read, n.title);
  }
  if (l.text_signed.known() && !l.text_signed.is_deferred()) t.date = l.text_signed;
  if (t.nature.empty()) t.nature = l.text_nature;
  if (t.nor.empty()) t.nor = l.text_nor;
}

// Slugs oldest first (the texts come newest first): the older of two texts of one name keeps the
// plain form, so a text added to the sources later never moves an existing page.
void assign_slugs(std::vector<AmendingText>& texts) {
  std::map<std::string, int> used;
  for (auto it = texts.rbegin(); it != texts.rend(); ++it) {
    AmendingText& t = *it;
    std::string base = !t.kind.empty() && !t.number.empty() ? slugify(t.kind + " " + t.number)
                       : !t.kind.empty() && t.date.known()  ? slugify(t.kind + " " + t.date.iso())
                                                            : slugify(t.title);
    if (base.size() > 80) base.resize(80);
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty()) base = "texte";
    int& n = used[base];
    t.slug = ++n == 1 ? base : base + "-" + std::to_string(n);
  }
}

}  // namespace

std::string text_eli(std::string_view nature, Date signed_on, std::string_view nor) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"LOI", "loi"}, {"ORDONNANCE", "ordonnance"}, {"DECRET", "decret"}, {"ARRETE", "arrete"}};
  std::string_view type;
  for (const auto& [n, t] : kTypes)
    if (n == nature) type = t;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  bool nor_ok = nor.size() == 12 && upper(nor[11]);
  for (std::size_t i = 0; nor_ok && i < 11; ++i) nor_ok = i < 4 ? upper(nor[i]) : digit(nor[i]);
  if (type.empty() || !nor_ok || !signed_on.known() || signed_on.is_no_end() ||
      signed_on.is_deferred())
    return {};
  const std::string iso = signed_on.iso();  // YYYY-MM-DD
  const int month = std::stoi(iso.substr(5, 2));
  const int day = std::stoi(iso.substr(8, 2));
  return "https://www.legifrance.gouv.fr/eli/" + std::string(type) + "/" + iso.substr(0, 4) + "/" +
         std::to_string(month) + "/" + std::to_string(day) + "/" + std::string(nor) + "/jo/texte";
}

std::string amending_text_key(std::string_view title) {
  const ExternalText t = read_title(title);
  if (!t.kind.empty() && !t.number.empty()) return t.kind + "|" + t.number;
  if (!t.kind.empty() && !t.date_iso.empty()) return t.kind + "|" + t.date_iso;
  return "titre|" + fold_for_matching(title);
}

std::vector<AmendingText> collect_amending_texts(Corpus& corpus) {
  TextIndex index;
  for (Article& a : corpus.articles()) {
    for (std::size_t v = 0; v < a.versions.size(); ++v) {
      for (Link& l : a.versions[v].links) {
        const std::optional<Naming> n = naming_of(l);
        if (!n) continue;
        const std::size_t i = index.find_or_add(*n);
        AmendingText& t = index.texts[i];
        if (!n->id.empty() && t.legi_id.empty()) {
          t.legi_id = n->id;
          index.by_id.emplace(n->id, i);
        }
        learn(t, l, *n);
        t.effects.push_back({a.id, static_cast<std::uint32_t>(v), n->effect, l.article_number});
        index.links_of[i].push_back(&l);
      }
    }
  }
  std::vector<AmendingText>& texts = index.texts;
  std::vector<std::vector<Link*>>& links_of = index.links_of;
  // Newest first, then by title: the order of the index page, and of slug collisions.
  std::vector<std::size_t> order(texts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return std::tie(texts[y].date, texts[x].title) < std::tie(texts[x].date, texts[y].title);
  });
  std::vector<AmendingText> sorted;
  std::vector<std::vector<Link*>> sorted_links;
  for (std::size_t i : order) {
    sorted.push_back(std::move(texts[i]));
    sorted_links.push_back(std::move(links_of[i]));
  }
  assign_slugs(sorted);
  for (AmendingText& t : sorted) t.eli = text_eli(t.nature, t.date, t.nor);
  for (std::size_t i = 0; i < sorted.size(); ++i)
    for (Link* l : sorted_links[i]) l->amending_text_slug = sorted[i].slug;
  return sorted;
}

}  // namespace legisite
