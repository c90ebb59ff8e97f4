// Phase: citations in running text. For every version with text, the plain text of its HTML is
// read by the citation parser (citations.h); each citation is resolved to an article of the
// corpus (a cited-only one when the code is in the corpus but the article is not, as metadata
// links do), a range to every article the code has between its bounds in code order, a text
// other than a code to the identifier a metadata link gives it, if any. What resolves is recorded
// on the version as TextCitations, offsets into text_html, for the render stage to make links of
// and for backlinks.
//
// Links the source already has (Légifrance's <a href="…idArticle=LEGIARTI…">) are not parsed for
// new links (an <a> cannot hold another); when their LEGIARTI is a version or an article of the
// corpus they are recorded with source_link set, so that the page points them inside the site
// and the cited article lists the citer. Their text still feeds the parser, so that "du même
// code" after a link knows the code the link named.

#include "resolve/text_citations.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "citations/citations.h"
#include "citations/code_titles.h"
#include "citations/french_text.h"
#include "citations/legal_texts.h"
#include "model/article_number.h"
#include "parallel/parallel.h"
#include "resolve/homonyms.h"
#include "resolve/link_report.h"
#include "resolve/resolve.h"
#include "text/ascii.h"
#include "text/spaces.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

bool is_block(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",  "br", "li",         "ul",  "ol", "table", "thead", "tbody", "tfoot", "tr", "td",
      "th", "h3", "blockquote", "pre", "h4", "h5",    "h6",    "div",   "hr",    "h1", "h2"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

// The value of attribute `name` in a start tag, as written.
std::string attribute(std::string_view tag, std::string_view name) {
  for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    std::size_t eq = at + name.size();
    bool starts = at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    if (!starts || eq >= tag.size() || tag[eq] != '=') continue;
    std::size_t open = eq + 1;
    if (open >= tag.size()) return {};
    char quote = tag[open];
    if (quote != '"' && quote != '\'') return {};
    std::size_t close = tag.find(quote, open + 1);
    if (close == std::string_view::npos) return {};
    return std::string(tag.substr(open + 1, close - open - 1));
  }
  return {};
}

// The LEGITEXT of the code a link of the source names ("…?cidTexte=LEGITEXT000006072665&…"),
// or "".
std::string_view code_of_href(std::string_view href) {
  std::size_t at = href.find("cidTexte=LEGITEXT");
  if (at == std::string_view::npos) return {};
  at += 9;
  std::size_t end = at + 8;
  while (end < href.size() && href[end] >= '0' && href[end] <= '9') ++end;
  return href.substr(at, end - at);
}

// Whether offset `at` of `html` falls strictly inside an entity ("&am|p;").
bool inside_entity(std::string_view html, std::size_t at, std::size_t floor) {
  for (std::size_t k = at; k > floor && at - k < 10;) {
    --k;
    if (html[k] == ';') return false;
    if (html[k] == '&') return k < at;
  }
  return false;
}

// The LEGIARTI identifier a source link names ("…idArticle=LEGIARTI…", "/article_lc/LEGIARTI…"),
// or "".
std::string legiarti_of(std::string_view href) {
  std::size_t at = href.find("LEGIARTI");
  if (at == std::string_view::npos) return {};
  std::size_t end = at + 8;
  while (end < href.size() && is_digit(href[end])) ++end;
  return std::string(href.substr(at, end - at));
}

// Whether a source link may name an article of the code whose LEGITEXT is `code_id`: its
// "cidTexte=" is that code, or it names no text, or the code's id is unknown.
bool anchors_code(std::string_view href, std::string_view code_id) {
  std::size_t at = href.find("cidTexte=");
  if (at == std::string_view::npos || code_id.empty()) return true;
  std::string_view named = href.substr(at + 9, code_id.size() + 1);
  return named.substr(0, code_id.size()) == code_id &&
         (named.size() == code_id.size() || !is_digit(named.back()));
}

}  // namespace

PlainText plain_text_of(std::string_view html) {
  PlainText out;
  out.text.reserve(html.size());
  std::size_t link = PlainText::kNoLink;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      std::size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      out.segments.push_back({out.text.size(), i, next - i, link});
      out.text.append(html.substr(i, next - i));
      i = next;
      continue;
    }
    std::size_t close = html.find('>', i);
    if (close == std::string_view::npos) break;  // not sanitised output; keep what we have
    std::string_view tag = html.substr(i + 1, close - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    std::size_t n = closing ? 1 : 0;
    std::string name;
    while (n < tag.size() && is_alnum(tag[n])) name += lower(tag[n++]);
    if (name == "a") {
      if (!closing) {
        out.links.push_back({attribute(tag, "href"), close + 1, close + 1});
        link = out.links.size() - 1;
      } else if (link != PlainText::kNoLink) {
        out.links[link].text_end = i;
        link = PlainText::kNoLink;
      }
    } else if (name == "br") {
      if (!out.text.empty() && out.text.back() != '\n' && out.text.back() != kBlockBreak)
        out.text += '\n';
    } else if (is_block(name) && !out.text.empty() && out.text.back() != kBlockBreak) {
      // The line breaks between blocks are in no segment: one may become a block break.
      if (out.text.back() == '\n' &&
          (out.segments.empty() ||
           out.segments.back().plain + out.segments.back().size < out.text.size()))
        out.text.back() = kBlockBreak;
      else
        out.text += kBlockBreak;
    }
    i = close + 1;
  }
  if (link != PlainText::kNoLink) out.links[link].text_end = html.size();
  return out;
}

std::vector<TextSegment> PlainText::html_ranges(std::size_t begin, std::size_t end) const {
  std::vector<TextSegment> ranges;
  // The first segment that ends after `begin`.
  auto it =
      std::upper_bound(segments.begin(), segments.end(), begin,
                       [](std::size_t at, const TextSegment& s) { return at < s.plain + s.size; });
  for (; it != segments.end() && it->plain < end; ++it) {
    const TextSegment& s = *it;
    std::size_t lo = std::max(begin, s.plain) - s.plain;
    std::size_t hi = std::min(end, s.plain + s.size) - s.plain;
    // The HTML of this segment is its text as written, so offsets carry over.
    std::string_view html(text.data() + s.plain, s.size);
    // Out of any entity first, then off the spaces.
    if (inside_entity(html, lo, 0)) {
      std::size_t semicolon = html.find(';', lo);
      lo = semicolon == std::string_view::npos ? hi : std::min(hi, semicolon + 1);
    }
    if (inside_entity(html, hi, lo)) hi = html.rfind('&', hi - 1);
    while (lo < hi && space_len(html, lo) > 0) lo += space_len(html, lo);
    while (hi > lo && space_before(html, hi) > 0) hi -= space_before(html, hi);
    if (lo >= hi) continue;
    ranges.push_back({s.plain + lo, s.html + lo, hi - lo, s.link});
  }
  return ranges;
}

namespace {

// The code the source's own link around citation `c` names, if any.
std::string_view anchored_code(const PlainText& plain, const Citation& c) {
  for (const TextSegment& r : plain.html_ranges(c.begin, c.end))
    if (r.link != PlainText::kNoLink) return code_of_href(plain.links[r.link].href);
  return {};
}

// More than this is a misread range ("L. 1 à L. 9999"), not a list worth showing.
constexpr std::size_t kMaxRange = 500;
// One version citing more absent articles than this is a table or a hostile file, not law to give
// a page each: the rest are left unlinked and reported once.
constexpr std::size_t kMaxCitedOnlyPerVersion = 500;

// Whether a range runs from an R article to a D one or back ("D. 1221-23 à R. 1221-26"): then it
// runs over the one sequence a recodified code's regulatory part numbers both in.
bool across_regulatory_letters(const ArticleNumber& first, const ArticleNumber& last) {
  const std::string_view from = number_prefix(first.text()), to = number_prefix(last.text());
  return from != to && (from == "R" || from == "D") && (to == "R" || to == "D");
}

// Whether a range's first bound comes before its last.
bool bounds_in_order(const ArticleNumber& first, const ArticleNumber& last) {
  if (across_regulatory_letters(first, last))
    return compare_section_order(first.text(), last.text()) < 0;
  return compare_code_order(first.text(), last.text()) < 0;
}

/// Articles in code order of their numbers; also compares an article with a number.
struct CodeOrderLess {
  using is_transparent = void;
  const Corpus* corpus;
  std::string_view number(ArticleId a) const { return corpus->article(a).number.text(); }
  bool operator()(ArticleId a, ArticleId b) const {
    return compare_code_order(number(a), number(b)) < 0;
  }
  bool operator()(ArticleId a, std::string_view n) const {
    return compare_code_order(number(a), n) < 0;
  }
  bool operator()(std::string_view n, ArticleId a) const {
    return compare_code_order(n, number(a)) < 0;
  }
};

/// What every resolver of a run reads and none changes: versions by id (for the source's own
/// links) and the identifiers metadata links give other texts.
struct CitationIndexes {
  std::unordered_map<std::string, ArticleId> article_by_version_id;
  /// "décret|2013-597" -> a text's id; "décret|2013-597|1" -> an article's id.
  std::unordered_map<std::string, std::string> external_ids;

  CitationIndexes(const Corpus& corpus, std::size_t jobs);
};

/// Resolves the citations of versions, keeping what it learns across them: each code's articles
/// in code order (for ranges). It may add cited-only articles, which later citations then find,
/// so versions are resolved one after another, in order.
class TextCitationResolver {
 public:
  TextCitationResolver(Corpus& corpus, const CitationIndexes& indexes, LinkReport& report)
      : corpus_(corpus), indexes_(indexes), report_(report), checks_(corpus) {}

  /// `plain` and `citations` are those of the version's text.
  void resolve_version(ArticleId citing, std::size_t version_index, const PlainText& plain,
                       const std::vector<Citation>& citations);

 private:
  ArticleId article_of_source_link(std::string_view href) const;
  bool code_has(CodeId code, const ArticleNumber& number) const;
  bool numbers_alike(CodeId code, const ArticleNumber& number);
  ArticleNumber as_numbered_in(CodeId code, const ArticleNumber& number) const;
  ArticleId find_or_add(CodeId code, const ArticleNumber& number);
  bool over_cited_only_limit(CodeId code, const ArticleNumber& number, const Citation& c);
  std::optional<std::vector<ArticleId>> range(CodeId code, const ArticleNumber& first,
                                              const ArticleNumber& last);
  // Both return the article a range's last bound names, or an invalid id when `c` is no range
  // or that bound gets no link of its own.
  ArticleId resolve_code_article(ArticleId citing_id, std::size_t version_index, const Citation& c,
                                 std::string_view plain, std::string_view anchored_code,
                                 TextCitation& out);
  ArticleId resolve_in_code(CodeId code, const Citation& c, ArticleId citing_id,
                            std::size_t version_index, std::string_view plain, TextCitation& out);
  ArticleId last_bound(CodeId code, const Citation& c, ArticleId citing_id, TextCitation& out);
  /// The source's own links of a version: the article each names, and whether it gave its
  /// identifier to a cited-only article.
  struct SourceLinks {
    std::vector<ArticleId> targets;
    std::vector<bool> named;
  };
  // Each article a version cites, once, with the citation as written, for the link report's
  // checks.
  struct CitedOnce {
    std::vector<std::pair<ArticleId, std::string_view>> cited;
    std::unordered_set<std::uint32_t> seen;
    void note(ArticleId target, std::string_view as_written) {
      if (seen.insert(target.value).second) cited.emplace_back(target, as_written);
    }
  };
  SourceLinks source_links(const PlainText& plain, const std::string& html,
                           std::vector<TextCitation>& found) const;
  void resolve_citation(ArticleId citing_id, std::size_t version_index, const PlainText& plain,
                        const std::vector<Citation>& citations, const Citation& c,
                        SourceLinks& source, CitedOnce& cited, std::vector<TextCitation>& found);
  void report_over_limit(ArticleId citing_id, std::size_t version_index, const PlainText& plain);
  bool split_source_link(const PlainText& plain, SourceLinks& source,
                         const std::vector<Citation>& citations, const Citation& c,
                         const TextCitation& resolved, ArticleId last,
                         std::vector<TextCitation>& found);
  void name_by_link(const PlainText& plain, SourceLinks& source, std::size_t link,
                    ArticleId target);
  void add_pieces(const PlainText& plain, SourceLinks& source, const TextCitation& resolved,
                  std::size_t begin, std::size_t end, std::vector<TextCitation>& found);
  void report(ArticleId citing_id, std::size_t version_index, CitationFinding::Kind kind,
              const Citation& c, std::string_view plain, std::string problem,
              std::string suggestion = {});
  std::string external_id(const Citation& c) const;
  const std::multiset<ArticleId, CodeOrderLess>& in_code_order(CodeId code);

  Corpus& corpus_;
  const CitationIndexes& indexes_;
  LinkReport& report_;
  CitationChecks checks_;
  /// The identifiers of source links given to cited-only articles (Article::cid), each once.
  std::unordered_set<std::string> given_ids_;
  /// Per code, its articles sorted in code order of their numbers; built on first use. A set, so
  /// that each cited-only article added later goes in its place in logarithmic time.
  std::unordered_map<std::uint32_t, std::multiset<ArticleId, CodeOrderLess>> code_order_;
  /// Per code, how many of its articles' numbers have each shape (number_shape), and in all;
  /// built on first use.
  struct ShapeCounts {
    std::map<NumberShape, std::size_t> by_shape;
    std::size_t articles = 0;
  };
  std::unordered_map<std::uint32_t, ShapeCounts> shapes_;
  /// Cited-only articles the current version has created, and the citations left unlinked past
  /// kMaxCitedOnlyPerVersion (the first of them kept for the report).
  std::size_t created_in_version_ = 0;
  std::size_t over_limit_ = 0;
  std::optional<Citation> first_over_limit_;
};

// The first word of a text's kind, folded: "loi organique" and "loi" are both laws.
std::string kind_key(std::string_view kind) {
  std::string folded = french_text::fold_title(kind, 40, nullptr);
  return folded.substr(0, folded.find(' '));
}

// The key a metadata link to another text gives its identifier under, if any, added to `found`.
void external_key(const Link& link, std::vector<std::pair<std::string, std::string>>& found) {
  if (link.target_id.size() < 9 || link.names_code()) return;
  ExternalText text;
  std::size_t start = french_text::skip_spaces(link.text_title, 0);
  if (match_legal_text(link.text_title, start, text) == french_text::npos || text.number.empty())
    return;
  std::string key = kind_key(text.kind) + '|' + text.number;
  std::string_view kind = std::string_view(link.target_id).substr(0, 8);
  if (!link.article_number.empty() && (kind == "LEGIARTI" || kind == "JORFARTI"))
    found.emplace_back(key + '|' + ArticleNumber(link.article_number).key(), link.target_id);
  else if (kind == "LEGITEXT" || kind == "JORFTEXT")
    found.emplace_back(std::move(key), link.target_id);
}

CitationIndexes::CitationIndexes(const Corpus& corpus, std::size_t jobs) {
  // Reading the titles of every metadata link is the costly part: chunks of articles are read on
  // `jobs` threads, and the identifiers indexed in article order, as if by one.
  using Keys = std::vector<std::pair<std::string, std::string>>;
  const auto& articles = corpus.articles();
  constexpr std::size_t kChunk = 256;
  for (Keys& keys : map_chunks<Keys>(jobs, articles.size(), kChunk, [&](const Chunk& chunk) {
         Keys found;
         for (std::size_t a = chunk.begin; a < chunk.end; ++a)
           for (const Version& v : articles[a].versions)
             for (const Link& link : v.links) external_key(link, found);
         return found;
       }))
    for (auto& [key, id] : keys) external_ids.emplace(std::move(key), std::move(id));
  for (const Article& a : articles)
    for (const Version& v : a.versions)
      if (!v.id.empty()) article_by_version_id.emplace(v.id, a.id);
}

std::string TextCitationResolver::external_id(const Citation& c) const {
  if (c.text.number.empty()) return {};
  std::string key = kind_key(c.text.kind) + '|' + c.text.number;
  if (c.kind == CitationKind::kExternalArticle) key += '|' + c.number.key();
  auto it = indexes_.external_ids.find(key);
  return it == indexes_.external_ids.end() ? std::string() : it->second;
}

// The article a source link names by "idArticle=LEGIARTI…" (the Légifrance addresses the API
// reader writes) or "/article_lc/LEGIARTI…": a version or an article of the corpus.
ArticleId TextCitationResolver::article_of_source_link(std::string_view href) const {
  std::string id = legiarti_of(href);
  if (id.empty()) return {};
  if (auto it = indexes_.article_by_version_id.find(id); it != indexes_.article_by_version_id.end())
    return it->second;
  return corpus_.find_article_by_cid(id);
}

// Whether `code` has an article of that number with a source (cited-only ones do not count:
// which citations created them first must not change how later ones resolve).
bool TextCitationResolver::code_has(CodeId code, const ArticleNumber& number) const {
  ArticleId found = corpus_.find_article(code, number);
  return found.valid() && !corpus_.article(found).cited_only;
}

// Whether `code` numbers articles in the shape of `number`: at least one in a hundred of them, so
// that an odd number ("D432" in a code of "D432-1") does not make a shape the code's. Cited-only
// articles are left out, as in code_has.
bool TextCitationResolver::numbers_alike(CodeId code, const ArticleNumber& number) {
  auto [it, inserted] = shapes_.try_emplace(code.value);
  ShapeCounts& counts = it->second;
  if (inserted)
    for (const Article& a : corpus_.articles())
      if (a.code == code && !a.cited_only) {
        ++counts.by_shape[number_shape(a.number.text())];
        ++counts.articles;
      }
  auto found = counts.by_shape.find(number_shape(number.text()));
  return found != counts.by_shape.end() && found->second * 100 >= counts.articles;
}

// "R. 2122-3" is the article `code` numbers "R*2122-3" when it has no "R2122-3", and the other
// way round (with_star_toggled).
ArticleNumber TextCitationResolver::as_numbered_in(CodeId code, const ArticleNumber& number) const {
  if (code_has(code, number)) return number;
  ArticleNumber toggled = with_star_toggled(number);
  return !toggled.empty() && code_has(code, toggled) ? toggled : number;
}

ArticleId TextCitationResolver::find_or_add(CodeId code, const ArticleNumber& number) {
  if (ArticleId found = corpus_.find_article(code, number); found.valid()) return found;
  if (!problem_with(number.text()).empty()) return {};
  ArticleId created = corpus_.add_article(code, corpus_.code(code).root, number);
  corpus_.article(created).cited_only = true;
  ++created_in_version_;
  // Keep the code's order current for later ranges (after its homonyms, as a stable sort would).
  if (auto it = code_order_.find(code.value); it != code_order_.end()) it->second.insert(created);
  return created;
}

// Whether citation `c` would create one cited-only article more than a version may: then it is
// counted, to be reported once for the version, and left unlinked.
bool TextCitationResolver::over_cited_only_limit(CodeId code, const ArticleNumber& number,
                                                 const Citation& c) {
  if (created_in_version_ < kMaxCitedOnlyPerVersion || corpus_.find_article(code, number).valid() ||
      !problem_with(number.text()).empty())
    return false;
  if (over_limit_++ == 0) first_over_limit_ = c;
  return true;
}

const std::multiset<ArticleId, CodeOrderLess>& TextCitationResolver::in_code_order(CodeId code) {
  auto [it, inserted] = code_order_.try_emplace(code.value, CodeOrderLess{&corpus_});
  // A multiset places each after its equals: homonyms stay in corpus order.
  if (inserted)
    for (const Article& a : corpus_.articles())
      if (a.code == code) it->second.insert(a.id);
  return it->second;
}

// Every article of `code` from `first` to `last` in code order: the code's real articles, so gaps
// are skipped and inserted ones ("L. 133-6 bis", "L. 133-6-1-1") included; nullopt over
// kMaxRange. Cited-only articles between the bounds are not members: which ones exist depends on
// the citations read before, and so on the order of the sources.
std::optional<std::vector<ArticleId>> TextCitationResolver::range(CodeId code,
                                                                  const ArticleNumber& first,
                                                                  const ArticleNumber& last) {
  if (across_regulatory_letters(first, last)) {
    // The R articles between the two numbers and the D ones, merged along the sequence.
    const std::string_view from = number_without_prefix(first.text());
    const std::string_view to = number_without_prefix(last.text());
    std::vector<ArticleId> out;
    for (const std::string letter : {"R", "D"}) {
      auto part = range(code, ArticleNumber(letter + std::string(from)),
                        ArticleNumber(letter + std::string(to)));
      if (!part) return std::nullopt;
      out.insert(out.end(), part->begin(), part->end());
    }
    std::stable_sort(out.begin(), out.end(), [&](ArticleId a, ArticleId b) {
      return compare_section_order(corpus_.article(a).number.text(),
                                   corpus_.article(b).number.text()) < 0;
    });
    if (out.size() > kMaxRange) return std::nullopt;
    return out;
  }
  const auto& order = in_code_order(code);
  std::vector<ArticleId> out;
  for (auto it = order.lower_bound(std::string_view(first.text()));
       it != order.end() &&
       compare_code_order(corpus_.article(*it).number.text(), last.text()) <= 0;
       ++it) {
    if (corpus_.article(*it).cited_only) continue;
    if (out.size() == kMaxRange) return std::nullopt;
    out.push_back(*it);
  }
  return out;
}

void TextCitationResolver::report(ArticleId citing_id, std::size_t version_index,
                                  CitationFinding::Kind kind, const Citation& c,
                                  std::string_view plain, std::string problem,
                                  std::string suggestion) {
  CitationFinding f = finding_for(corpus_, citing_id, version_index, kind);
  f.cited = visible_text(plain.substr(c.begin, c.end - c.begin));
  f.problem = std::move(problem);
  f.suggestion = std::move(suggestion);
  report_.findings.push_back(std::move(f));
}

// Holds no reference into the corpus across find_or_add: adding a cited-only article may move
// every article in memory.
ArticleId TextCitationResolver::resolve_code_article(ArticleId citing_id, std::size_t version_index,
                                                     const Citation& c, std::string_view plain,
                                                     std::string_view anchored_code,
                                                     TextCitation& out) {
  using Kind = CitationFinding::Kind;
  const CodeId citing_code = corpus_.article(citing_id).code;
  // The source anchored the citation to another code: it is that code's article, whatever the
  // sentence seems to say, and never one of the citing code.
  if (!anchored_code.empty() && anchored_code != corpus_.code(citing_code).legi_id) {
    CodeId anchored = corpus_.find_code_by_legi_id(anchored_code);
    if (!anchored.valid()) {
      ++report_.tally.to_other_codes;
      return {};
    }
    if (anchored != citing_code)
      return resolve_in_code(anchored, c, citing_id, version_index, plain, out);
  }
  const ArticleNumber citing_number = corpus_.article(citing_id).number;
  const bool citing_has_it = code_has(citing_code, as_numbered_in(citing_code, c.number));
  std::optional<std::string_view> title =
      cited_code_title(c, corpus_.code(citing_code).title, citing_number, citing_has_it,
                       !citing_has_it && numbers_alike(citing_code, c.number));
  if (!title) {
    report(citing_id, version_index, Kind::kAmbiguous, c, plain,
           "no code named, and " + corpus_.code(citing_code).title + " has no article " +
               c.number.text() + ": the numbering of another code? Left unlinked");
    return {};
  }
  if (title->empty() && c.carried_back && !c.code_title.empty() &&
      corpus_.find_code(c.code_title) != citing_code)
    report(citing_id, version_index, Kind::kAmbiguous, c, plain,
           "the sentence names " + c.code_title + " after it; linked to " +
               corpus_.code(citing_code).title + ", which has an article " + c.number.text());
  CodeId code = title->empty() ? citing_code : corpus_.find_code(*title);
  if (!code.valid()) {
    // A code the corpus does not have: plain text, which is only a problem for a title no one
    // knows (a typo, most of the time).
    if (is_known_code_title(*title) || names_local_code(*title) || *title == kConstitution) {
      ++report_.tally.to_other_codes;
    } else {
      std::vector<std::string> corpus_titles;
      for (const Code& known : corpus_.codes()) corpus_titles.push_back(known.title);
      std::string guess = closest_code_title(*title, corpus_titles);
      report(citing_id, version_index, Kind::kUnresolved, c, plain,
             "\"" + std::string(*title) + "\" is not a code legisite knows; left unlinked", guess);
    }
    return {};
  }
  return resolve_in_code(code, c, citing_id, version_index, plain, out);
}

// The article (or the range) `c` names in `code`, a code of the corpus: a cited-only article when
// the code has no such article.
ArticleId TextCitationResolver::resolve_in_code(CodeId code, const Citation& c, ArticleId citing_id,
                                                std::size_t version_index, std::string_view plain,
                                                TextCitation& out) {
  using Kind = CitationFinding::Kind;
  ArticleNumber number = c.number;
  // "l'annexe à l'article A. 931-11-17": the annex when the code has it, else the article.
  constexpr std::string_view kAnnexOf = "Annexe \xC3\xA0 l'article ";
  // (Never an annex created here: it is kept only when the code already has it.)
  if (number.text().rfind(kAnnexOf, 0) == 0 && !corpus_.find_article(code, number).valid())
    number = ArticleNumber(number.text().substr(kAnnexOf.size()));
  // "l'article 1er" of a code that numbers it "1" (the Constitution, the Code civil).
  if (number.text() == "1er" && !corpus_.find_article(code, number).valid() &&
      corpus_.find_article(code, ArticleNumber("1")).valid())
    number = ArticleNumber("1");
  number = as_numbered_in(code, number);
  CitedArticle cited = cited_article(corpus_, code, number, corpus_.article(citing_id).section);
  if (cited.ambiguous()) {
    report(citing_id, version_index, Kind::kAmbiguous, c, plain,
           std::to_string(cited.candidates) + " distinct articles of " + corpus_.code(code).title +
               " are numbered " + number.text() +
               ", none in the citing article's chapter more than the others; left unlinked");
    return {};
  }
  if (!cited.article.valid() && over_cited_only_limit(code, number, c)) return {};
  out.target = cited.article.valid() ? cited.article : find_or_add(code, number);
  if (!out.target.valid()) {
    report(citing_id, version_index, Kind::kUnresolved, c, plain,
           "'" + number.text() + "' cannot be an article number: " + problem_with(number.text()));
    return {};
  }
  if (corpus_.article(out.target).cited_only)
    ++report_.tally.to_cited_only;
  else
    ++report_.tally.to_articles;
  if (!c.is_range()) return {};
  if (!bounds_in_order(number, c.last)) {
    report(citing_id, version_index, Kind::kSuspicious, c, plain,
           "a range whose bounds are not in code order (" + number.text() + " to " + c.last.text() +
               "); only its first article is linked");
    return {};
  }
  std::optional<std::vector<ArticleId>> members = range(code, number, c.last);
  if (!members) {
    report(citing_id, version_index, Kind::kSuspicious, c, plain,
           "a range of more than " + std::to_string(kMaxRange) + " articles (" + number.text() +
               " to " + c.last.text() + "); only its first article is linked");
    return {};
  }
  out.range_targets = std::move(*members);
  if (out.range_targets.empty() || out.range_targets.front() != out.target) {
    out.range_targets.insert(out.range_targets.begin(), out.target);
    out.range_targets.erase(std::unique(out.range_targets.begin(), out.range_targets.end()),
                            out.range_targets.end());
  }
  return last_bound(code, c, citing_id, out);
}

// The article the last bound of range `c` names, as Légifrance links it: the code's article of
// that number, else a cited-only one as a single citation of it would get (then the range's last
// member, so that "Articles cités" lists what the text links). Invalid when ambiguous or over the
// version's limit of cited-only articles.
ArticleId TextCitationResolver::last_bound(CodeId code, const Citation& c, ArticleId citing_id,
                                           TextCitation& out) {
  const ArticleNumber last = as_numbered_in(code, c.last);
  CitedArticle cited = cited_article(corpus_, code, last, corpus_.article(citing_id).section);
  ArticleId bound = cited.article;
  if (!bound.valid()) {
    if (cited.ambiguous() || over_cited_only_limit(code, last, c)) return {};
    bound = find_or_add(code, last);
  }
  if (bound.valid() && corpus_.article(bound).cited_only &&
      std::find(out.range_targets.begin(), out.range_targets.end(), bound) ==
          out.range_targets.end())
    out.range_targets.push_back(bound);
  return bound;
}

// Records `resolved` on the pieces of HTML that [begin, end) of the plain text covers: new links
// outside the source's links, and inside them what the source link lacks (see below).
void TextCitationResolver::add_pieces(const PlainText& plain, SourceLinks& source,
                                      const TextCitation& resolved, std::size_t begin,
                                      std::size_t end, std::vector<TextCitation>& found) {
  for (const TextSegment& r : plain.html_ranges(begin, end)) {
    if (r.link != PlainText::kNoLink) {
      // Inside a link of the source: it keeps its own target; ours only adds what it knows
      // of a range and an alinéa when both name the same article.
      for (TextCitation& t : found)
        if (t.source_link && t.target == resolved.target && t.begin <= r.html &&
            r.html < plain.links[r.link].text_end && t.range_targets.empty()) {
          t.range_targets = resolved.range_targets;
          t.alinea = resolved.alinea;
        }
      // Another article of the code the link names (one the corpus lacks, a repealed one, or
      // the second of "R. 931-2-2 et R. 931-2-3" in one link) is still cited: recorded, so
      // that it lists this citer.
      const ArticleId anchored = source.targets[r.link];
      const CodeId code =
          resolved.target.valid() ? corpus_.article(resolved.target).code : CodeId();
      if (code.valid() && resolved.target != anchored &&
          (anchored.valid() ? corpus_.article(anchored).code == code
                            : anchors_code(plain.links[r.link].href, corpus_.code(code).legi_id))) {
        TextCitation piece = resolved;
        piece.begin = r.html;
        piece.end = r.html + r.size;
        piece.source_link = true;
        found.push_back(std::move(piece));
        if (anchored.valid())
          source.named[r.link] = true;
        else
          name_by_link(plain, source, r.link, resolved.target);
      }
      continue;
    }
    TextCitation piece = resolved;
    piece.begin = r.html;
    piece.end = r.html + r.size;
    found.push_back(std::move(piece));
  }
}

// When range `c` is the only citation of a link of the source, which holds nothing but text and
// names an article of the range's code or no article of the corpus ("<a …>A. 931-3-19 à
// A. 931-3-22</a>"), puts one link per bound instead of that link's, as for a range read in plain
// text, and says so.
bool TextCitationResolver::split_source_link(const PlainText& plain, SourceLinks& source,
                                             const std::vector<Citation>& citations,
                                             const Citation& c, const TextCitation& resolved,
                                             ArticleId last, std::vector<TextCitation>& found) {
  const std::vector<TextSegment> first = plain.html_ranges(c.begin, c.first_end());
  const std::vector<TextSegment> second = plain.html_ranges(c.last_begin(), c.end);
  if (first.size() != 1 || second.size() != 1 || first[0].link == PlainText::kNoLink ||
      first[0].link != second[0].link)
    return false;
  const std::size_t l = first[0].link;
  const SourceAnchor& anchor = plain.links[l];
  const ArticleId anchored = source.targets[l];
  const CodeId code = corpus_.article(resolved.target).code;
  if (anchored.valid() ? corpus_.article(anchored).code != code
                       : !anchors_code(anchor.href, corpus_.code(code).legi_id))
    return false;
  // The link's text is one segment (no tag inside), and no other citation touches it.
  std::vector<const TextSegment*> inside;
  for (const TextSegment& s : plain.segments)
    if (s.link == l) inside.push_back(&s);
  if (inside.size() != 1 || inside[0]->html != anchor.text_begin ||
      inside[0]->html + inside[0]->size != anchor.text_end)
    return false;
  const std::size_t from = inside[0]->plain, to = from + inside[0]->size;
  for (const Citation& other : citations)
    if (&other != &c && other.begin < to && other.end > from) return false;
  std::erase_if(
      found, [&](const TextCitation& t) { return t.source_link && t.begin == anchor.text_begin; });
  if (!anchored.valid()) name_by_link(plain, source, l, resolved.target);
  const std::pair<TextSegment, ArticleId> bounds[] = {{first[0], resolved.target},
                                                      {second[0], last}};
  for (const auto& [piece, target] : bounds) {
    TextCitation t = resolved;
    t.target = target;
    t.begin = piece.html;
    t.end = piece.html + piece.size;
    t.splits_source_link = true;
    found.push_back(std::move(t));
  }
  return true;
}

// The identifier of source link `link`, which names no article of the corpus, leads the page
// without text of `target` to Légifrance (and /id/ to it); only the first article a link names
// takes it. It does not resolve other links: Légifrance gives one identifier to an article
// renumbered since ("L. 652-1" and "L. 723-1"), and a few links hold the wrong one; their text
// decides.
void TextCitationResolver::name_by_link(const PlainText& plain, SourceLinks& source,
                                        std::size_t link, ArticleId target_id) {
  std::string id = legiarti_of(plain.links[link].href);
  Article& target = corpus_.article(target_id);
  if (!source.named[link] && target.cited_only && target.cid.empty() && !id.empty() &&
      given_ids_.insert(id).second)
    target.cid = id;
  source.named[link] = true;
}

// The source's own links that name an article of the corpus, each also a citation of its text.
TextCitationResolver::SourceLinks TextCitationResolver::source_links(
    const PlainText& plain, const std::string& html, std::vector<TextCitation>& found) const {
  SourceLinks source{std::vector<ArticleId>(plain.links.size()),
                     std::vector<bool>(plain.links.size(), false)};
  for (std::size_t l = 0; l < plain.links.size(); ++l) {
    const SourceAnchor& anchor = plain.links[l];
    source.targets[l] = article_of_source_link(anchor.href);
    if (!source.targets[l].valid() || anchor.text_end <= anchor.text_begin) continue;
    // The first run of text inside the <a>: offsets must not cross a tag, even there.
    std::size_t end = std::min(anchor.text_end, html.find('<', anchor.text_begin));
    if (end <= anchor.text_begin) continue;
    TextCitation t;
    t.begin = anchor.text_begin;
    t.end = end;
    t.target = source.targets[l];
    t.source_link = true;
    found.push_back(std::move(t));
  }
  return source;
}

void TextCitationResolver::resolve_citation(ArticleId citing_id, std::size_t version_index,
                                            const PlainText& plain,
                                            const std::vector<Citation>& citations,
                                            const Citation& c, SourceLinks& source,
                                            CitedOnce& cited, std::vector<TextCitation>& found) {
  ++report_.tally.in_text;
  TextCitation resolved;
  resolved.alinea = c.alinea;
  ArticleId last;
  if (c.kind == CitationKind::kCodeArticle) {
    last = resolve_code_article(citing_id, version_index, c, plain.text, anchored_code(plain, c),
                                resolved);
  } else {
    ++report_.tally.to_texts;
    resolved.external_id = external_id(c);
  }
  if (!resolved.target.valid() && resolved.external_id.empty()) return;
  if (resolved.target.valid())
    cited.note(resolved.target, std::string_view(plain.text).substr(c.begin, c.end - c.begin));
  if (!c.is_range() || !resolved.target.valid()) {
    add_pieces(plain, source, resolved, c.begin, c.end, found);
    return;
  }
  // A range of a code's articles: each bound a link to its own article, as Légifrance links
  // them, and "à" none; both carry the members, which the page lists.
  if (last.valid())
    cited.note(last, std::string_view(plain.text).substr(c.last_begin(), c.end - c.last_begin()));
  if (last.valid() && split_source_link(plain, source, citations, c, resolved, last, found)) return;
  add_pieces(plain, source, resolved, c.begin, c.first_end(), found);
  if (!last.valid()) return;
  TextCitation to_last = resolved;
  to_last.target = last;
  add_pieces(plain, source, to_last, c.last_begin(), c.end, found);
}

void TextCitationResolver::report_over_limit(ArticleId citing_id, std::size_t version_index,
                                             const PlainText& plain) {
  if (!first_over_limit_) return;
  report(citing_id, version_index, CitationFinding::Kind::kSuspicious, *first_over_limit_,
         plain.text,
         "this version cites more than " + std::to_string(kMaxCitedOnlyPerVersion) +
             " articles their code does not have: " + std::to_string(kMaxCitedOnlyPerVersion) +
             " get a page without text, the other " + std::to_string(over_limit_) +
             " citations of absent articles are left unlinked");
}

void TextCitationResolver::resolve_version(ArticleId citing_id, std::size_t version_index,
                                           const PlainText& plain,
                                           const std::vector<Citation>& citations) {
  // No reference into the corpus is held across resolution, which may add articles.
  const std::string& html = corpus_.article(citing_id).versions[version_index].text_html;
  created_in_version_ = 0;
  over_limit_ = 0;
  first_over_limit_.reset();
  std::vector<TextCitation> found;
  SourceLinks source = source_links(plain, html, found);
  CitedOnce cited;
  for (const Citation& c : citations)
    resolve_citation(citing_id, version_index, plain, citations, c, source, cited, found);
  report_over_limit(citing_id, version_index, plain);
  for (const TextCitation& t : found)
    if (t.source_link)
      cited.note(t.target, std::string_view(html).substr(t.begin, t.end - t.begin));
  for (const auto& [target, as_written] : cited.cited)
    checks_.check(citing_id, version_index, target, as_written, report_);

  std::stable_sort(found.begin(), found.end(),
                   [](const TextCitation& a, const TextCitation& b) { return a.begin < b.begin; });
  // Not overlapping: a later one that starts inside an earlier one is dropped.
  std::vector<TextCitation> kept;
  for (TextCitation& t : found)
    if (kept.empty() || t.begin >= kept.back().end) kept.push_back(std::move(t));
  corpus_.article(citing_id).versions[version_index].text_citations = std::move(kept);
}

// Per code, whether it numbers articles without prefix (the Constitution, the Code civil, the
// legislative parts of the Code pénal and the Code de procédure pénale): at least one in ten of
// its articles with a source, among those whose number starts with a digit or a prefix ("L. 1",
// "R* 2", "LO 3"). A code numbered with prefixes throughout, but for an odd bare number, cites
// bare numbers only as articles of other texts.
std::vector<bool> codes_numbered_without_prefix(const Corpus& corpus) {
  struct Counts {
    std::size_t bare = 0;
    std::size_t prefixed = 0;
  };
  std::vector<Counts> counts(corpus.codes().size());
  for (const Article& a : corpus.articles()) {
    const std::string& n = a.number.text();
    if (a.cited_only || n.empty()) continue;
    if (!number_prefix(n).empty())  // "L1", "LO111-3", "R*133-2"; not "PREAMBULE", "Annexe I"
      ++counts[a.code.value].prefixed;
    else if (is_digit(n[0]))
      ++counts[a.code.value].bare;
  }
  std::vector<bool> out(counts.size());
  for (std::size_t c = 0; c < counts.size(); ++c)
    out[c] = counts[c].bare > 0 && counts[c].bare * 10 >= counts[c].bare + counts[c].prefixed;
  return out;
}

}  // namespace

void resolve_text_citations(Corpus& corpus, LinkReport& report, std::size_t jobs) {
  // Reading the texts is pure and most of the work: chunks of versions are read on `jobs`
  // threads. Resolving may add cited-only articles, which later citations then find: it runs in
  // order, on one thread.
  struct Parsed {
    ArticleId article;
    std::size_t version = 0;
    PlainText plain;
    std::vector<Citation> citations;
  };
  std::vector<Parsed> parsed;
  for (const Article& a : corpus.articles())
    for (std::size_t v = 0; v < a.versions.size(); ++v)
      if (a.versions[v].has_text && !a.versions[v].text_html.empty())
        parsed.push_back({a.id, v, {}, {}});
  const std::vector<bool> bare = codes_numbered_without_prefix(corpus);
  // Texts are handed out in small chunks: their lengths vary a lot.
  constexpr std::size_t kChunk = 32;
  for_each_chunk(jobs, parsed.size(), kChunk, [&](const Chunk& chunk) {
    for (std::size_t i = chunk.begin; i < chunk.end; ++i) {
      Parsed& p = parsed[i];
      p.plain = plain_text_of(corpus.article(p.article).versions[p.version].text_html);
      p.citations = find_citations(p.plain.text,
                                   {.bare_numbers = bare[corpus.article(p.article).code.value]});
    }
  });
  const CitationIndexes indexes(corpus, jobs);
  TextCitationResolver resolver(corpus, indexes, report);
  for (Parsed& p : parsed) {
    resolver.resolve_version(p.article, p.version, p.plain, p.citations);
    p = {};  // the plain text of a whole code is worth giving back as we go
  }
}

void resolve_version_citations(Corpus& corpus, ArticleId article, std::size_t version,
                               LinkReport& report) {
  Version& v = corpus.article(article).versions[version];
  v.text_citations.clear();
  if (!v.has_text || v.text_html.empty()) return;
  const PlainText plain = plain_text_of(v.text_html);
  const std::vector<Citation> citations = find_citations(
      plain.text,
      {.bare_numbers = codes_numbered_without_prefix(corpus)[corpus.article(article).code.value]});
  const CitationIndexes indexes(corpus, 1);
  TextCitationResolver(corpus, indexes, report).resolve_version(article, version, plain, citations);
}

}  // namespace legisite
