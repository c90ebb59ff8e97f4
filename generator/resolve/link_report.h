#pragma once
/// What resolution could not settle cleanly, for `legisite check` and the end of every build:
/// citations that reach no article with text (unresolved), whose code the text leaves open
/// (ambiguous), or that look wrong (suspicious), each with the citing version's source and, for
/// near misses, what it probably meant. Nothing here fails a build; `--strict` decides that.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/model.h"

namespace legisite {

struct CitationFinding {
  enum class Kind { kUnresolved, kAmbiguous, kSuspicious };
  Kind kind = Kind::kUnresolved;
  /// The citing version's source: file and the line the version starts at (the CLI narrows it to
  /// the line of the citation when it can read the file).
  SourceLocation where;
  std::string code;     // the citing article's code
  std::string article;  // the citing article ("L133-19")
  Date version_start;   // the citing version's start, unknown if the source does not say
  bool in_text = true;  // running text; false for a metadata link ("Cite", LIEN, lienModifications)
  std::string cited;    // as written, on one line ("L. 999-1", "L. 133-6 à L. 133-2")
  std::string problem;  // what is wrong, one line
  std::string suggestion;  // what it probably meant ("L. 133-6-1"), for "did you mean …?"; or ""
};

/// How the citations of a build resolved, for the report's counts.
struct CitationTally {
  std::size_t in_text = 0;         // citations found in running text
  std::size_t to_articles = 0;     // ... that reach an article with text
  std::size_t to_cited_only = 0;   // ... an article of a corpus code that has no text here
  std::size_t to_other_codes = 0;  // ... an article of a code the corpus does not hold
  std::size_t to_texts = 0;        // ... a law, decree, ordinance… (not a code)
  std::size_t metadata = 0;        // metadata links that name an article of a corpus code
  std::size_t metadata_to_articles = 0;
  std::size_t metadata_to_cited_only = 0;
  /// Links the site makes from one article to another (a citation in running text or a resolved
  /// metadata link, "Cité par" entries excepted): within the citing article's code, or to another
  /// code of the site.
  std::size_t links_within_code = 0;
  std::size_t links_to_site_codes = 0;
};

struct LinkReport {
  std::vector<CitationFinding> findings;  // sorted by file, line, then citing article
  CitationTally tally;

  std::size_t count(CitationFinding::Kind kind) const;
};

/// "unresolved", "ambiguous", "suspicious".
const char* kind_name(CitationFinding::Kind kind);

/// A finding about version `version` of `citing`, its location and names filled in.
CitationFinding finding_for(const Corpus& corpus, ArticleId citing, std::size_t version,
                            CitationFinding::Kind kind);

/// The article of `code` with text whose number is a likely slip for `number`, cited by article
/// `citing`: the same characters with other punctuation ("L. 1336" for "L. 133-6") or two
/// neighbouring characters swapped ("L. 762-5" for "L. 726-5"), in the chapter of the citing
/// article (same first group of digits), when exactly one such article exists; invalid otherwise.
/// Why so narrow: most citations of an article without text are of a repealed article, and guesses
/// outside the citing chapter turn out unrelated (R211-11 citing L. 314-5 does not mean L. 341-5),
/// while inside it they are what a slip of the pen gives (D762-6 citing "D. 726-5" for D. 762-5).
/// Not any number one edit away: "L. 133-7" is a real neighbour of "L. 133-6"; nor the same number
/// under another prefix: L. 138-26 and R. 138-26 are different articles by design.
ArticleId near_miss(const Corpus& corpus, CodeId code, const ArticleNumber& number,
                    const ArticleNumber& citing);

/// What is checked of each citation in running text once resolution has its article: an article
/// without text (unresolved, with its near miss) or one not in force when the citing version took
/// effect (suspicious). Resolution runs it on every citation, as it knows the text as written.
/// Holds the near-miss index of each code, built on first use.
class CitationChecks {
 public:
  explicit CitationChecks(const Corpus& corpus);
  ~CitationChecks();
  CitationChecks(const CitationChecks&) = delete;
  CitationChecks& operator=(const CitationChecks&) = delete;

  /// `as_written` is the citation in the text's HTML ("R. 242-7 </a>à <a …>R. 242-11"), shown
  /// through visible_text only when something is reported.
  void check(ArticleId citing, std::size_t version, ArticleId target, std::string_view as_written,
             LinkReport& report);

  struct NearMissIndex;  // near_miss's index, one per code (link_report.cc)

 private:
  const Corpus& corpus_;
  std::unique_ptr<NearMissIndex> near_;
};

/// The phase run after every link and citation is resolved: adds to `report` the metadata links
/// ("Cite", "Nouveaux textes") that reach an article without text, with near misses, and the
/// metadata counts and the counts of links within and across codes.
void report_dangling_citations(const Corpus& corpus, LinkReport& report);

/// Sorts the findings into their reporting order.
void sort_findings(LinkReport& report);

}  // namespace legisite
