#include "resolve/link_report.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "citations/french_text.h"
#include "resolve/history.h"
#include "text/visible_text.h"

namespace legisite {

namespace {

// The number without its punctuation: "L133-6-1" and "L. 1336-1" are both "L13361".
std::string squashed(std::string_view number) {
  std::string out;
  for (char c : number)
    if (c != '-' && c != '.' && c != ' ') out += lower(c);
  return out;
}

// The first group of digits of a number, its chapter in the codes' numbering: "133" of "L133-6"
// and of "R133-19".
std::string_view chapter_of(std::string_view number) {
  std::size_t begin = number.find_first_of("0123456789");
  if (begin == std::string_view::npos) return {};
  std::size_t end = number.find_first_not_of("0123456789", begin);
  return number.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

}  // namespace

/// Near misses of one code, from an index built on first use: a build asks for many.
struct CitationChecks::NearMissIndex {
 public:
  explicit NearMissIndex(const Corpus& corpus) : corpus_(corpus) {}

  ArticleId find(CodeId code, const ArticleNumber& number, const ArticleNumber& citing) {
    const std::string_view chapter = chapter_of(citing.text());
    std::vector<ArticleId> candidates;
    auto consider = [&](ArticleId a) {
      if (a.valid() && !corpus_.article(a).cited_only && !(corpus_.article(a).number == number) &&
          chapter_of(corpus_.article(a).number.text()) == chapter &&
          std::find(candidates.begin(), candidates.end(), a) == candidates.end())
        candidates.push_back(a);
    };
    const std::string& text = number.text();
    // "L. 162-1-1" beside an article L162-1 is how codes insert articles: a real (repealed)
    // article, not a slip for L162-11.
    if (std::size_t dash = text.rfind('-');
        dash != std::string::npos && dash > 0 &&
        corpus_.find_article(code, ArticleNumber(text.substr(0, dash))).valid())
      return {};
    const auto& by_squashed = index(code);
    if (auto it = by_squashed.find(squashed(text)); it != by_squashed.end())
      for (ArticleId a : it->second) consider(a);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] == text[i + 1]) continue;
      std::string swapped = text;
      std::swap(swapped[i], swapped[i + 1]);
      consider(corpus_.find_article(code, ArticleNumber(swapped)));
    }
    return candidates.size() == 1 ? candidates.front() : ArticleId();
  }

 private:
  const std::unordered_map<std::string, std::vector<ArticleId>>& index(CodeId code) {
    auto [it, inserted] = by_code_.try_emplace(code.value);
    if (inserted)
      for (const Article& a : corpus_.articles())
        if (a.code == code && !a.cited_only) it->second[squashed(a.number.text())].push_back(a.id);
    return it->second;
  }

  const Corpus& corpus_;
  std::unordered_map<std::uint32_t, std::unordered_map<std::string, std::vector<ArticleId>>>
      by_code_;
};

namespace {

// Why citing `target` from a version in force from `day` is odd ("was not yet in force on …"),
// or "" when it is not: the target had no version in force that day, all of its known versions
// starting later or having ended before. Not version_on_date's reading: a day in a gap between
// two versions is neither, and a version without a known start leaves the day open.
std::string not_in_force_on(const Article& target, Date day) {
  if (!day.known() || day.is_deferred() || day.is_no_end() || target.versions.empty()) return {};
  Date first_start, last_end;
  bool open_ended = false;
  for (const Version& v : target.versions) {
    if (never_in_force(v)) continue;
    if (!v.start.known() || v.start.is_deferred()) return {};  // cannot tell
    if (v.start <= day &&
        (!v.end.known() || v.end.is_no_end() || v.end.is_deferred() || day < v.end))
      return {};
    if (!first_start.known() || v.start < first_start) first_start = v.start;
    if (!v.end.known() || v.end.is_no_end() || v.end.is_deferred())
      open_ended = true;
    else if (!last_end.known() || last_end < v.end)
      last_end = v.end;
  }
  if (!first_start.known()) return {};
  if (day < first_start)
    return "was not yet in force on " + day.iso() + " (its first version starts on " +
           first_start.iso() + ")";
  if (!open_ended && last_end.known() && last_end <= day)
    return "was no longer in force on " + day.iso() + " (its last version ended on " +
           last_end.iso() + ")";
  return {};
}

std::string display_number(const Corpus& corpus, ArticleId article, CodeId citing_code) {
  const Article& a = corpus.article(article);
  std::string out = a.number.text();
  if (a.code != citing_code) out += " (" + corpus.code(a.code).title + ")";
  return out;
}

}  // namespace

std::size_t LinkReport::count(CitationFinding::Kind kind) const {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const CitationFinding& f) { return f.kind == kind; }));
}

const char* kind_name(CitationFinding::Kind kind) {
  switch (kind) {
    case CitationFinding::Kind::kUnresolved:
      return "unresolved";
    case CitationFinding::Kind::kAmbiguous:
      return "ambiguous";
    case CitationFinding::Kind::kSuspicious:
      return "suspicious";
  }
  return "unresolved";
}

CitationFinding finding_for(const Corpus& corpus, ArticleId citing, std::size_t version,
                            CitationFinding::Kind kind) {
  const Article& a = corpus.article(citing);
  const Version& v = a.versions[version];
  CitationFinding f;
  f.kind = kind;
  f.where = v.origin;
  f.code = corpus.code(a.code).title;
  f.article = a.number.text();
  f.version_start = v.start;
  return f;
}

ArticleId near_miss(const Corpus& corpus, CodeId code, const ArticleNumber& number,
                    const ArticleNumber& citing) {
  return CitationChecks::NearMissIndex(corpus).find(code, number, citing);
}

namespace {

CitationFinding no_text_finding(const Corpus& corpus, ArticleId citing, std::size_t version,
                                ArticleId target, std::string cited, ArticleId guess) {
  const Article& t = corpus.article(target);
  CitationFinding f = finding_for(corpus, citing, version, CitationFinding::Kind::kUnresolved);
  f.cited = std::move(cited);
  f.problem = "no text of article " + t.number.text() + " in this edition of " +
              corpus.code(t.code).title + " (it gets a \"cited, no text\" page)";
  if (guess.valid()) f.suggestion = display_number(corpus, guess, corpus.article(citing).code);
  return f;
}

}  // namespace

CitationChecks::CitationChecks(const Corpus& corpus)
    : corpus_(corpus), near_(std::make_unique<NearMissIndex>(corpus)) {}

CitationChecks::~CitationChecks() = default;

void CitationChecks::check(ArticleId citing, std::size_t v, ArticleId target_id,
                           std::string_view as_written, LinkReport& report) {
  const Article& target = corpus_.article(target_id);
  if (target.cited_only) {
    report.findings.push_back(
        no_text_finding(corpus_, citing, v, target_id, visible_text(as_written),
                        near_->find(target.code, target.number, corpus_.article(citing).number)));
    return;
  }
  const Version& version = corpus_.article(citing).versions[v];
  if (target_id == citing || never_in_force(version)) return;
  if (std::string why = not_in_force_on(target, version.start); !why.empty()) {
    CitationFinding f = finding_for(corpus_, citing, v, CitationFinding::Kind::kSuspicious);
    f.cited = visible_text(as_written);
    f.problem = display_number(corpus_, target_id, corpus_.article(citing).code) + " " + why;
    report.findings.push_back(std::move(f));
  }
}

void report_dangling_citations(const Corpus& corpus, LinkReport& report) {
  CitationChecks::NearMissIndex near(corpus);
  auto count_link = [&](const Article& from, ArticleId to) {
    if (!to.valid() || to == from.id) return;
    ++(corpus.article(to).code == from.code ? report.tally.links_within_code
                                            : report.tally.links_to_site_codes);
  };
  for (const Article& a : corpus.articles()) {
    for (std::size_t v = 0; v < a.versions.size(); ++v) {
      const Version& version = a.versions[v];
      for (const TextCitation& t : version.text_citations) count_link(a, t.target);
      for (const Link& link : version.links) {
        if (link.group != LinkGroup::kCitedBy) count_link(a, link.resolved);
        // A link naming an article of a code of the site (resolve_metadata_links' rule).
        if (link.group == LinkGroup::kCitedBy || link.article_number.empty()) continue;
        if (!corpus.find_code(link.text_title).valid()) continue;
        ++report.tally.metadata;
        if (!link.resolved.valid()) continue;
        if (!corpus.article(link.resolved).cited_only) {
          ++report.tally.metadata_to_articles;
          continue;
        }
        ++report.tally.metadata_to_cited_only;
        // Only what this article says it cites or is replaced by: "Anciens textes" and the like
        // name articles that are expected to be gone.
        if (link.group != LinkGroup::kCites && link.group != LinkGroup::kNewTexts) continue;
        const Article& t = corpus.article(link.resolved);
        CitationFinding f = no_text_finding(corpus, a.id, v, link.resolved,
                                            std::string(link_group_label(link.group)) + ": " +
                                                link.text_title + " " + link.article_number,
                                            near.find(t.code, t.number, a.number));
        f.in_text = false;
        if (!link.where.file.empty()) f.where = link.where;
        report.findings.push_back(std::move(f));
      }
    }
  }
}

void sort_findings(LinkReport& report) {
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const CitationFinding& x, const CitationFinding& y) {
                     return std::tie(x.where.file, x.where.line, x.code, x.article, x.kind) <
                            std::tie(y.where.file, y.where.line, y.code, y.article, y.kind);
                   });
}

}  // namespace legisite
