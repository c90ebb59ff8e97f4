// legisite_refbench: measures the citation parser against the links Légifrance itself put in the
// running text of a whole code (Légifrance API JSON, the consult/code tree).
//
// For each article, the raw texteHtml is turned into plain text with Légifrance's <a> tags removed
// (their text kept), remembering where each link's text sits. The parser runs on that text, and
// each Légifrance link to an article of a code (affichCodeArticle: cidTexte = the code's
// LEGITEXT, idArticle = the article) is matched with the parser's citations that overlap its text:
// it is found when one of them names the same code and the same article number (a range matches
// on either bound, as Légifrance links a range to its first article or each bound apart).
//
// The number a link targets comes from the dump itself when the article is in it (idArticle is
// the id or a version id of an article of the dump), else from the link's title attribute
// ("Code du travail - art. L1221-3 (V)"), else from its text. The code comes from cidTexte; the
// parser's code names are mapped to LEGITEXT ids by the table below.
//
// Usage: legisite_refbench [JSON] [OUT_DIR]
//   JSON defaults to ../shared/corpus/legifrance-json/css-2026-03-14.json from the source root,
//   OUT_DIR to bench/. Writes OUT_DIR/references-misses.txt (every miss, by category) and
//   OUT_DIR/out/references-extras.txt (every citation at a place Légifrance did not link) and
//   OUT_DIR/out/references-sample.txt (a fixed sample of 100 of them, for review).

#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "citations/citations.h"
#include "model/article_number.h"

namespace fs = std::filesystem;
using legisite::ArticleNumber;
using legisite::Citation;
using legisite::CitationKind;
using legisite::CodeDesignation;

namespace {

// LEGITEXT ids of the codes the Code de la sécurité sociale cites, by the titles our parser gives
// (kCodeTitles in citations.cc). "Code rural" names both the old code and the current one.
const std::multimap<std::string, std::string>& code_ids() {
  static const std::multimap<std::string, std::string> kIds = {
      {"Code de la sécurité sociale", "LEGITEXT000006073189"},
      {"Code de la santé publique", "LEGITEXT000006072665"},
      {"Code du travail", "LEGITEXT000006072050"},
      {"Code de l'action sociale et des familles", "LEGITEXT000006074069"},
      {"Code général des impôts", "LEGITEXT000006069577"},
      {"Code rural et de la pêche maritime", "LEGITEXT000006071367"},
      {"Code rural", "LEGITEXT000006071367"},
      {"Code rural", "LEGITEXT000006071366"},
      {"Code des assurances", "LEGITEXT000006073984"},
      {"Code de commerce", "LEGITEXT000005634379"},
      {"Code monétaire et financier", "LEGITEXT000006072026"},
      {"Code pénal", "LEGITEXT000006070719"},
      {"Code de la consommation", "LEGITEXT000006069565"},
      {"Code civil", "LEGITEXT000006070721"},
      {"Code de justice administrative", "LEGITEXT000006070933"},
      {"Code des pensions civiles et militaires de retraite", "LEGITEXT000006070302"},
      {"Code des transports", "LEGITEXT000023086525"},
      {"Code de la mutualité", "LEGITEXT000006074067"},
      {"Code de la construction et de l'habitation", "LEGITEXT000006074096"},
      {"Code de l'éducation", "LEGITEXT000006071191"},
      {"Code général des collectivités territoriales", "LEGITEXT000006070633"},
      {"Code de procédure civile", "LEGITEXT000006070716"},
      {"Code des pensions militaires d'invalidité et des victimes de guerre",
       "LEGITEXT000006074068"},
      {"Code des pensions militaires d'invalidité et des victimes de la guerre",
       "LEGITEXT000006074068"},
      {"Code de procédure pénale", "LEGITEXT000006071154"},
      {"Code des procédures civiles d'exécution", "LEGITEXT000025024948"},
      {"Code du sport", "LEGITEXT000006071318"},
      {"Code de l'organisation judiciaire", "LEGITEXT000006071164"},
      {"Code de la propriété intellectuelle", "LEGITEXT000006069414"},
      {"Code de la défense", "LEGITEXT000006071307"},
      {"Code pénitentiaire", "LEGITEXT000045476241"},
      {"Code des juridictions financières", "LEGITEXT000006070249"},
      {"Code du service national", "LEGITEXT000006071335"},
      {"Code des postes et des communications électroniques", "LEGITEXT000006070987"},
      {"Code de la sécurité intérieure", "LEGITEXT000025503132"},
      {"Code du tourisme", "LEGITEXT000006074073"},
      {"Code de l'entrée et du séjour des étrangers et du droit d'asile", "LEGITEXT000006070158"},
      {"Code électoral", "LEGITEXT000006070239"},
      {"Code des impositions sur les biens et services", "LEGITEXT000044595989"},
      {"Code de l'aviation civile", "LEGITEXT000006074234"},
      {"Code des relations entre le public et l'administration", "LEGITEXT000031366350"},
      {"Code de la justice pénale des mineurs", "LEGITEXT000039086952"},
      {"Code de la recherche", "LEGITEXT000006071190"},
      {"Code des marchés publics", "LEGITEXT000005627819"},
      {"Livre des procédures fiscales", "LEGITEXT000006069583"},
      {"Code général des impôts, annexe II", "LEGITEXT000006069569"},
      {"Code général des impôts, annexe III", "LEGITEXT000006069574"},
      {"Code de l'environnement", "LEGITEXT000006074220"},
      {"Code de l'urbanisme", "LEGITEXT000006074075"},
      {"Code de la route", "LEGITEXT000006074228"},
      {"Code général de la fonction publique", "LEGITEXT000044416551"},
      {"Code de la commande publique", "LEGITEXT000037701019"},
      {"Code des communes", "LEGITEXT000006070162"},
      {"Code de l'énergie", "LEGITEXT000023983208"},
  };
  return kIds;
}

/// A link Légifrance put in an article's text, located in our plain text.
struct SourceLink {
  std::size_t begin = 0, end = 0;  // plain-text range of its text
  std::string href, title, text;
  std::string kind;         // affichCodeArticle, affichTexteArticle, affichTexte, affichCode…
  std::string code_id;      // cidTexte
  std::string number;       // normalised article number targeted, "" when unknown
  std::string text_number;  // the number its text names, when it differs from `number`
  bool matched = false;
};

/// One article's text as the bench sees it.
struct ArticleText {
  std::string number;
  std::string plain;
  std::vector<SourceLink> links;
};

std::string attribute(const std::string& tag, const std::string& name) {
  std::size_t at = tag.find(name + "=");
  if (at == std::string::npos) return {};
  at += name.size() + 1;
  if (at >= tag.size()) return {};
  char quote = tag[at];
  if (quote != '"' && quote != '\'') return {};
  std::size_t end = tag.find(quote, at + 1);
  return end == std::string::npos ? std::string() : tag.substr(at + 1, end - at - 1);
}

std::string query_value(const std::string& href, const std::string& key) {
  std::size_t at = href.find(key + "=");
  if (at == std::string::npos) return {};
  at += key.size() + 1;
  std::size_t end = href.find('&', at);
  return href.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// Plain text of raw texteHtml: tags removed, <br> as line breaks, block boundaries as kBlockBreak
// (as the resolve stage does), the text of <a> elements kept and located. The dump has no character
// entities.
ArticleText plain_text_of(const std::string& html) {
  ArticleText out;
  std::string& plain = out.plain;
  bool in_link = false;
  SourceLink current;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      plain += html[i++];
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string::npos) break;
    std::string tag = html.substr(i, close - i + 1);
    std::string name;
    for (std::size_t k = 1;
         k < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[k])) || tag[k] == '/'); ++k)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(tag[k])));
    if (name == "a") {
      in_link = true;
      current = SourceLink{};
      current.begin = plain.size();
      current.href = attribute(tag, "href");
      current.title = attribute(tag, "title");
    } else if (name == "/a") {
      if (in_link) {
        current.end = plain.size();
        current.text = plain.substr(current.begin, current.end - current.begin);
        out.links.push_back(current);
      }
      in_link = false;
    } else if (name == "br") {
      if (!plain.empty() && plain.back() != '\n' && plain.back() != legisite::kBlockBreak)
        plain += '\n';
    } else if (name == "p" || name == "/p" || name == "td" || name == "/td" || name == "th" ||
               name == "/th" || name == "tr" || name == "/tr" || name == "div" || name == "/div" ||
               name == "li" || name == "/li" || name == "table" || name == "/table" ||
               name == "center" || name == "/center") {
      if (!plain.empty() && plain.back() == '\n')
        plain.back() = legisite::kBlockBreak;
      else if (!plain.empty() && plain.back() != legisite::kBlockBreak)
        plain += legisite::kBlockBreak;
    }
    i = close + 1;
  }
  return out;
}

// The article number a link's title or text names: the one after "article(s)" when there is
// one ("2 de l'article 287" names 287), else the first that looks like one.
std::string number_in(const std::string& s) {
  static const std::string kSuffix =
      R"((?:[\s-]+(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies|duodecies|terdecies|quaterdecies|quindecies|sexdecies|septdecies|[A-Z]{1,3}\b)(?:-\d+)?)*)";
  static const std::regex kPrefixed(R"((LO|L\.\s*O\.|L|R|D|A)\s*\*?\s*\.?\s*\*?\s*(\d+(?:-\d+)*)" +
                                    kSuffix + ")");
  static const std::regex kBare(R"((?:^|[^\w°])(\d+(?:-\d+)*)" + kSuffix + R"()(?![\w°]))");
  static const std::regex kAfterArticle(R"([Aa]rt(?:icles?|\.)\s+)");
  std::string text = s;
  std::smatch m;
  if (std::regex_search(s, m, kAfterArticle)) text = m.suffix().str();
  if (std::regex_search(text, m, kPrefixed)) {
    std::string prefix = m[1].str();
    if (prefix.size() > 2) prefix = "LO";
    std::string full = m[0].str();
    std::string rest = full.substr(full.find_first_of("0123456789"));
    if (full.find('*') != std::string::npos) prefix += '*';
    return ArticleNumber(prefix + rest).text();
  }
  if (std::regex_search(text, m, kBare)) {
    std::string full = m[0].str();
    return ArticleNumber(full.substr(full.find_first_of("0123456789"))).text();
  }
  return {};
}

std::string key(const std::string& number) { return ArticleNumber(number).key(); }

std::set<std::string> ids_of(const Citation& c, const std::string& citing_code,
                             const std::string& citing_article,
                             const std::set<std::string>& citing_numbers) {
  std::set<std::string> ids;
  std::optional<std::string_view> cited =
      legisite::cited_code_title(c, "Code de la sécurité sociale", ArticleNumber(citing_article),
                                 citing_numbers.count(c.number.key()) > 0);
  if (!cited) return ids;
  std::string title(*cited);
  if (title.empty()) {
    ids.insert(citing_code);
    return ids;
  }
  auto [from, to] = code_ids().equal_range(title);
  for (auto it = from; it != to; ++it) ids.insert(it->second);
  return ids;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == legisite::kBlockBreak) c = ' ';
  return s;
}

// A window of text around [begin, end), the range in brackets.
std::string context(const std::string& plain, std::size_t begin, std::size_t end) {
  std::size_t from = begin > 90 ? begin - 90 : 0;
  std::size_t to = std::min(plain.size(), end + 90);
  while (from > 0 && (static_cast<unsigned char>(plain[from]) & 0xC0) == 0x80) --from;
  while (to < plain.size() && (static_cast<unsigned char>(plain[to]) & 0xC0) == 0x80) ++to;
  return one_line(plain.substr(from, begin - from) + "[[" + plain.substr(begin, end - begin) +
                  "]]" + plain.substr(end, to - end));
}

void collect(const rapidjson::Value& node, std::vector<const rapidjson::Value*>& articles) {
  if (!node.IsObject()) return;
  auto type = node.FindMember("type");
  if (type != node.MemberEnd() && type->value.IsString() &&
      std::string(type->value.GetString()) == "article") {
    auto data = node.FindMember("data");
    if (data != node.MemberEnd() && data->value.IsObject()) articles.push_back(&data->value);
  }
  auto children = node.FindMember("children");
  if (children != node.MemberEnd() && children->value.IsArray())
    for (const auto& child : children->value.GetArray()) collect(child, articles);
}

std::string string_member(const rapidjson::Value& v, const char* name) {
  auto it = v.FindMember(name);
  return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path source_root = fs::path(LEGISITE_SOURCE_DIR);
  fs::path json_path = argc > 1
                           ? fs::path(argv[1])
                           : source_root / "../shared/corpus/legifrance-json/css-2026-03-14.json";
  fs::path out_dir = argc > 2 ? fs::path(argv[2]) : source_root / "bench";
  std::ifstream in(json_path, std::ios::binary);
  if (!in) {
    std::cerr << "legisite_refbench: cannot read " << json_path << "\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string json = buffer.str();
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError()) {
    std::cerr << "legisite_refbench: " << json_path << " is not well-formed JSON\n";
    return 2;
  }
  std::string citing_code = doc.IsObject() && doc.HasMember("data") && doc["data"].IsObject()
                                ? string_member(doc["data"], "cid")
                                : std::string();
  if (citing_code.empty()) citing_code = string_member(doc["data"], "id");
  std::vector<const rapidjson::Value*> nodes;
  collect(doc, nodes);

  // Every id of an article of the dump (its id, cid, version ids) -> its number.
  std::unordered_map<std::string, std::string> number_of_id;
  for (const auto* a : nodes) {
    std::string num = string_member(*a, "num");
    for (const char* field : {"id", "cid"}) number_of_id.emplace(string_member(*a, field), num);
    auto versions = a->FindMember("articleVersions");
    if (versions != a->MemberEnd() && versions->value.IsArray())
      for (const auto& v : versions->value.GetArray())
        if (v.IsObject()) number_of_id.emplace(string_member(v, "id"), num);
  }

  std::set<std::string> citing_numbers;  // keys of the dump's article numbers
  for (const auto* a : nodes) citing_numbers.insert(ArticleNumber(string_member(*a, "num")).key());

  std::vector<ArticleText> texts;
  std::size_t html_bytes = 0;
  for (const auto* a : nodes) {
    std::string html = string_member(*a, "texteHtml");
    html_bytes += html.size();
    ArticleText t = plain_text_of(html);
    t.number = string_member(*a, "num");
    for (SourceLink& link : t.links) {
      std::string path = link.href.substr(0, link.href.find('?'));
      link.kind = path.substr(path.rfind('/') + 1);
      link.code_id = query_value(link.href, "cidTexte");
      if (link.kind != "affichCodeArticle.do") continue;
      std::string id = query_value(link.href, "idArticle");
      if (auto it = number_of_id.find(id); it != number_of_id.end() && link.code_id == citing_code)
        link.number = ArticleNumber(it->second).text();
      else if (std::size_t art = link.title.find(" - art. "); art != std::string::npos)
        link.number = number_in(link.title.substr(art + 8));
      if (link.number.empty()) link.number = number_in(link.text);
      if (std::string named = number_in(link.text);
          !named.empty() && key(named) != key(link.number))
        link.text_number = named;
    }
    texts.push_back(std::move(t));
  }

  // Parse every text, timed alone.
  std::vector<std::vector<Citation>> found(texts.size());
  std::size_t plain_bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    found[i] = legisite::find_citations(texts[i].plain);
    plain_bytes += texts[i].plain.size();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Match.
  struct Miss {
    std::string category, line;
  };
  std::vector<Miss> misses;
  std::size_t truth = 0, truth_found = 0, unusable = 0, other_links = 0, other_found = 0;
  std::size_t source_errors = 0;
  std::size_t agree = 0, disagree = 0, extra = 0, unlinked = 0, cited_total = 0;
  std::vector<std::string> extras, disagreements;
  std::map<std::string, std::size_t> extra_by_designation;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const ArticleText& t = texts[i];
    const auto& cites = found[i];
    auto overlapping = [&](std::size_t b, std::size_t e) {
      std::vector<const Citation*> hits;
      for (const Citation& c : cites)
        if (c.begin < e && b < c.end) hits.push_back(&c);
      return hits;
    };
    std::vector<bool> citation_agrees(cites.size(), false), citation_overlaps(cites.size(), false);
    std::vector<std::vector<std::size_t>> links_of(cites.size());  // overlapped links, by index
    std::vector<bool> link_found(t.links.size(), false);
    for (std::size_t li = 0; li < t.links.size(); ++li) {
      const SourceLink& link = t.links[li];
      auto hits = overlapping(link.begin, link.end);
      for (const Citation* c : hits) {
        citation_overlaps[c - cites.data()] = true;
        links_of[c - cites.data()].push_back(li);
      }
      if (link.kind != "affichCodeArticle.do") {
        ++other_links;
        bool any = false;
        for (const Citation* c : hits) any |= c->kind != CitationKind::kCodeArticle;
        other_found += any;
        continue;
      }
      if (link.text.find_first_not_of(" \n\t") == std::string::npos) {
        ++unusable;
        misses.push_back(
            {"unusable ground truth: a link with no text",
             t.number + "\t" + link.code_id + "\t" + context(t.plain, link.begin, link.end)});
        continue;
      }
      if (link.number.empty() || link.code_id.size() != 20) {
        ++unusable;
        misses.push_back(
            {"unusable ground truth (no article number or a truncated code id)",
             t.number + "\t" + link.code_id + "\t" + context(t.plain, link.begin, link.end)});
        continue;
      }
      ++truth;
      bool ok = false;
      // Of several citations over one link, the one that comes closest explains the miss.
      std::string why = "not found";
      int why_rank = 0;
      auto explain = [&](int rank, std::string reason) {
        if (rank > why_rank) {
          why_rank = rank;
          why = std::move(reason);
        }
      };
      for (const Citation* c : hits) {
        if (c->kind != CitationKind::kCodeArticle) {
          explain(1, "taken for another text's article");
          continue;
        }
        auto same_number = [&](const std::string& number) {
          std::string k = key(number);
          auto annex = [](std::string k2) {
            return k2.rfind("ANNEXE", 0) == 0 ? k2.substr(6) : k2;
          };
          return k == c->number.key() || (c->is_range() && k == c->last.key()) ||
                 annex(c->number.key()) == k;
        };
        bool number_ok = same_number(link.number);
        bool code_ok = ids_of(*c, citing_code, t.number, citing_numbers).count(link.code_id) > 0;
        if (number_ok && code_ok) {
          ok = true;
          citation_agrees[c - cites.data()] = true;
        } else if (!number_ok && !link.text_number.empty() && same_number(link.text_number) &&
                   code_ok) {
          explain(5, "source error: the link's text names " + link.text_number +
                         ", its target is " + link.number);
        } else if (!number_ok) {
          explain(2, "other number (" + c->number.text() + ")");
        } else if (
            (c->designation == CodeDesignation::kNamed ||
             c->designation == CodeDesignation::kSameCode) &&
            !c->code_title.empty() && link.code_id == citing_code &&
            std::regex_search(
                t.plain.substr(c->end, 40),
                std::regex(
                    R"(^\s*(du|de la|de l'|des)\s+([Cc]ode|[Ll]ivre|même code)|^\s*dudit code)"))) {
          explain(4, "source error: the text names " + c->code_title +
                         ", the link goes to the citing code");
        } else {
          explain(3, "other code (" +
                         (c->code_title.empty() ? std::string("citing code") : c->code_title) +
                         ")");
        }
      }
      if (ok) {
        ++truth_found;
        link_found[li] = true;
      } else {
        std::string category =
            why.rfind("other number", 0) == 0 ? "other number"
            : why.rfind("other code", 0) == 0 ? "other code"
            : why.rfind("source error: the link's text", 0) == 0
                ? "source error: the link's target is not the article its text names"
            : why.rfind("source error: the text names", 0) == 0
                ? "source error: the link goes to the citing code, the text names another"
                : why;
        if (category.rfind("source error", 0) == 0) ++source_errors;
        misses.push_back({category, t.number + "\t" + link.code_id + " " + link.number + "\t" +
                                        why + "\t" + context(t.plain, link.begin, link.end)});
      }
    }
    for (std::size_t c = 0; c < cites.size(); ++c) {
      if (cites[c].kind != CitationKind::kCodeArticle) continue;
      ++cited_total;
      // A citation that shares a link's text with another citation that matches it ("articles
      // R. 243-29 et R. 243-30" linked once, to R. 243-29) is not contradicted by that link.
      bool shared =
          citation_overlaps[c] && std::all_of(links_of[c].begin(), links_of[c].end(),
                                              [&](std::size_t li) { return link_found[li]; });
      if (citation_agrees[c]) {
        ++agree;
      } else if (citation_overlaps[c] && !shared) {
        ++disagree;
        disagreements.push_back(t.number + "\t" + legisite::describe_citation(cites[c], t.plain) +
                                "\t" + context(t.plain, cites[c].begin, cites[c].end));
      } else if (ids_of(cites[c], citing_code, t.number, citing_numbers).empty()) {
        ++unlinked;  // no code we can tell: the site leaves it plain text
      } else {
        ++extra;
        ++extra_by_designation[cites[c].designation == CodeDesignation::kNamed      ? "named code"
                               : cites[c].designation == CodeDesignation::kSameCode ? "même code"
                               : cites[c].designation == CodeDesignation::kThisCode ? "présent code"
                                                                                    : "implicit"];
        extras.push_back(t.number + "\t" + legisite::describe_citation(cites[c], t.plain) + "\t" +
                         context(t.plain, cites[c].begin, cites[c].end));
      }
    }
  }

  std::sort(misses.begin(), misses.end(),
            [](const Miss& a, const Miss& b) { return a.category < b.category; });
  std::map<std::string, std::size_t> by_category;
  for (const Miss& m : misses) ++by_category[m.category];
  fs::create_directories(out_dir / "out");
  {
    std::ofstream out(out_dir / "references-misses.txt");
    out << "# Légifrance links to code articles the parser did not find (legisite_refbench).\n"
        << "# article\tcode number\twhy\tcontext ([[link text]])\n";
    std::string category;
    for (const Miss& m : misses) {
      if (m.category != category) {
        category = m.category;
        out << "\n## " << category << " (" << by_category[category] << ")\n";
      }
      out << m.line << "\n";
    }
  }
  {
    std::ofstream out(out_dir / "out" / "references-extras.txt");
    for (const auto& e : extras) out << e << "\n";
  }
  {
    std::ofstream out(out_dir / "out" / "references-disagreements.txt");
    for (const auto& e : disagreements) out << e << "\n";
  }
  {
    // Every k-th extra: a fixed sample that covers the whole code.
    std::ofstream out(out_dir / "out" / "references-sample.txt");
    std::size_t step = std::max<std::size_t>(1, extras.size() / 100);
    for (std::size_t i = 0, n = 0; i < extras.size() && n < 100; i += step, ++n)
      out << n + 1 << "\t" << extras[i] << "\n";
  }

  auto pct = [](std::size_t a, std::size_t b) {
    char s[32];
    std::snprintf(s, sizeof s, "%.2f%%",
                  b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0);
    return std::string(s);
  };
  std::cout << "articles: " << texts.size() << ", texteHtml " << html_bytes / 1000
            << " kB, plain text " << plain_bytes / 1000 << " kB\n"
            << "Légifrance links: code articles " << truth + unusable << " (" << unusable
            << " unusable), other texts " << other_links << "\n"
            << "recall on code articles: " << truth_found << "/" << truth << " = "
            << pct(truth_found, truth) << "\n"
            << "recall without the " << source_errors
            << " links whose own text contradicts them: " << truth_found << "/"
            << truth - source_errors << " = " << pct(truth_found, truth - source_errors) << "\n"
            << "precision where Légifrance linked: " << agree << "/" << agree + disagree << " = "
            << pct(agree, agree + disagree) << "\n"
            << "code-article citations found: " << cited_total << " (" << agree << " agree, "
            << disagree << " disagree, " << extra << " where Légifrance has no link, " << unlinked
            << " left unlinked: no code to tell)\n"
            << "links to other texts with a text citation found: " << other_found << "/"
            << other_links << "\n"
            << "extra citations by designation:";
  for (const auto& [k, v] : extra_by_designation) std::cout << " " << k << " " << v << ";";
  std::cout << "\nmisses by category:";
  for (const auto& [k, v] : by_category) std::cout << "\n  " << v << "\t" << k;
  char speed[64];
  std::snprintf(speed, sizeof speed, "%.3f s (%.0f MB/s)", seconds,
                static_cast<double>(plain_bytes) / 1e6 / seconds);
  std::cout << "\nparser time: " << speed << "\n";
  return 0;
}
