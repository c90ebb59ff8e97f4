#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/article_number.h"
#include "model/date.h"
#include "model/ids.h"
#include "model/link.h"
#include "model/status.h"
#include "model/text_diff.h"

namespace legisite {

/// Which kind of source a version came from; merging treats two sources of one kind claiming the
/// same version as a mistake, and two kinds describing one version as corroboration.
enum class SourceFormat { kMarkdown, kMarkdownHistory, kLegiXml, kLegifranceJson };

/// A reference found in the running text of a version by the resolve stage: a run of text_html
/// the render stage makes a link of. Offsets are bytes of text_html and always delimit text
/// between two tags: never a tag, never across one, never inside an entity.
struct TextCitation {
  std::size_t begin = 0;
  std::size_t end = 0;
  /// The article cited (a range's first article); invalid for a text other than a code.
  ArticleId target;
  /// Every article of a cited range that the code has, in code order (target first); empty for a
  /// single article.
  std::vector<ArticleId> range_targets;
  /// LEGIARTI/JORFTEXT… of a text other than a code, when some metadata link of the corpus gives
  /// that text (or that article of it) an identifier; the render stage makes it a Légifrance
  /// address. Empty otherwise.
  std::string external_id;
  /// 1-based alinéa of the target the text pinpoints ("au second alinéa de l'article"), 0 if none.
  int alinea = 0;
  /// The source already links this text (a Légifrance <a> in an API text, whose href names the
  /// article by its LEGIARTI id): the render stage points that link at `target` instead of adding
  /// one.
  bool source_link = false;
  /// A bound of a range the source put in one link of its own ("<a …>A. 931-3-19 à A. 931-3-22
  /// </a>"): the render stage drops that <a> and links each bound by itself, as it links a range
  /// read in plain text.
  bool splits_source_link = false;
};

/// One dated text of an article. Validity is the half-open interval [start, end).
struct Version {
  std::string id;  // LEGIARTI… of this version when a source gives it
  Date start;      // unknown when the source does not say
  Date end;        // unknown when the source does not say; Date::no_end() when open-ended
  ArticleStatus status = ArticleStatus::kUnknown;
  bool has_text = false;
  std::string text_html;  // sanitised HTML: p, br, ul/ol/li, table parts, em/strong/sup/sub, a
  std::string nota_html;  // sanitised HTML
  std::vector<Link> links;
  /// The citations of text_html, in order of position and not overlapping; filled by the resolve
  /// stage (resolve/text_citations.cc).
  std::vector<TextCitation> text_citations;
  std::string amended_by;  // the amending text as a history log names it
  /// Tells apart two versions one source gives for the same start date (a history's file
  /// `NNN_YYYY-MM-DD_<commit>.md`: a version replaced on the day it took effect). Empty when the
  /// source has no such identity; then the start date alone identifies the version.
  std::string source_key;
  SourceFormat format = SourceFormat::kMarkdown;
  SourceLocation origin;                  // file and line this version was read from
  std::vector<SourceLocation> also_from;  // other sources that described the same version

  // Answers of the resolve stage (resolve/history.h), read by render:
  /// The URL segment of the version's page ("2013-07-08", "2013-07-08-2"), "" for none.
  std::string slug;
  /// The version (index into the article's versions) this one's diff compares with, -1 for none.
  std::int32_t diff_base = -1;
  /// The first day it no longer applies on its article's timeline (resolve/history.h,
  /// effective_end): its end when that is a real day, else what the timeline implies (the text
  /// that ended it, the start of the next version that applied); unknown while it still applies.
  Date ends_on;
  /// The diff from diff_base's text to this one, for a version with a page and a diff base; only
  /// computed for a site with history pages.
  TextDiff diff;
  /// Its state on the build's reference date (resolve/history.h, status_on): what its badge says.
  ArticleStatus status_on_reference_date = ArticleStatus::kUnknown;
};

/// One entry of a section's table of contents, in order.
struct TocEntry {
  enum class Kind { kSection, kArticle };
  Kind kind;
  std::uint32_t id;  // a SectionId or ArticleId value, by kind
};

/// A node of a code's hierarchy (Partie, Livre, Titre, Chapitre, Section…). Every code has one
/// root section with an empty title that holds its top level.
struct Section {
  SectionId id;
  CodeId code;
  SectionId parent;  // invalid for a code's root
  std::string title;
  std::string legi_id;  // LEGISCTA… when known
  /// Sort key among siblings: a source's explicit order when it has one, else insertion order.
  std::int64_t order = 0;
  std::vector<SectionId> sections;  // children, unordered until Corpus::finish_tables_of_contents
  std::vector<TocEntry> toc;        // filled by Corpus::finish_tables_of_contents
  std::string anchor;               // assigned by the resolve stage
};

/// How the version an article page shows relates to the page's reference date.
enum class Standing {
  kInForce,        // applies on the date
  kNotYetInForce,  // every version that applies starts after the date (or on an unknown date)
  kEnded,          // the last version ended on or before the date (abrogated, transferred…)
  kUndated,        // no version has a known start: the sources say nothing about time
};

/// The version to show for a date, by index into Article::versions, and why.
struct VersionOnDate {
  std::int32_t index = -1;  // -1 when the article has no version
  Standing standing = Standing::kUndated;
};

/// An article of a code: one number, every version of its text.
struct Article {
  ArticleId id;
  CodeId code;
  SectionId section;  // where its latest version sits
  ArticleNumber number;
  std::string cid;          // stable LEGIARTI identity across versions, when known
  std::int64_t order = -1;  // explicit position within its section, -1 when unknown
  std::vector<Version> versions;
  /// True for an article that no source gives but another article cites: it gets a "cited, no
  /// text in this edition" page instead of a dead link.
  bool cited_only = false;
  /// For a cited-only article, the LEGIARTI a citing link names it by (resolve/metadata_links),
  /// the address of its official text; empty when no link gave one.
  std::string cited_as_id;
  std::string slug;  // assigned by the resolve stage
  /// The version its page shows on the build's reference date (resolve/history.h).
  VersionOnDate on_reference_date;
  /// The first article that replaced this one and has a page, in code order (resolve/succession.h);
  /// invalid for none.
  ArticleId successor;
};

/// A code (Code de la sécurité sociale…).
struct Code {
  CodeId id;
  std::string title;
  std::string legi_id;  // LEGITEXT… when known
  SectionId root;
  std::string slug;  // assigned by the resolve stage
  SourceLocation origin;
  /// How current the sources of this code are, for the date every page states (README "Versions
  /// and history"): the day a dump or history says its data were taken, else the newest date of
  /// its versions (resolve/history.h, date_sources).
  Date data_date;
  enum class DataDateRule { kNone, kInSource, kFileName, kLastCommit, kNewestVersion };
  DataDateRule data_date_rule = DataDateRule::kNone;
  /// Who published the data ("Légifrance", "historique Git"…), "" when no reader says.
  std::string data_source;
};

/// A reader's date for how current `code`'s data are (a dump's, a history's last commit, DILA's
/// last change): kept when no source gave a newer one, so that of two sources of one code the
/// newer data are what pages say.
void offer_data_date(Code& code, Date date, Code::DataDateRule rule);

/// The one owner of the model: every code, section and article, looked up by id or by key.
class Corpus {
 public:
  /// The code with this title (matched ignoring case, accents and a trailing '.'), created if new.
  CodeId find_or_add_code(std::string_view title, std::string_view legi_id = {});
  CodeId find_code(std::string_view title) const;
  CodeId find_code_by_legi_id(std::string_view legi_id) const;
  /// Lets `legi_id` name `code` too, as the one code of two texts that share a title.
  void add_code_legi_id(CodeId code, std::string_view legi_id);

  /// The child of `parent` with this LEGISCTA id, else with this title (which then learns the id),
  /// created if new.
  SectionId find_or_add_section(SectionId parent, std::string_view title,
                                std::string_view legi_id = {}, std::int64_t order = -1);

  /// The article of `code` with this number; when several articles share it (homonyms: two
  /// annexes "Annexe I" of two chapters), the first one added. Callers that link to an article
  /// choose among homonyms with articles_numbered.
  ArticleId find_article(CodeId code, const ArticleNumber& number) const;
  /// Every article of `code` with this number, in the order they were added: one, none, or
  /// several distinct articles that share a label.
  std::span<const ArticleId> articles_numbered(CodeId code, const ArticleNumber& number) const;
  ArticleId find_article_by_cid(std::string_view cid) const;
  /// Adds an article without versions. Another article of `code` may have the same number: the
  /// caller (add_record) has decided they are two articles.
  ArticleId add_article(CodeId code, SectionId section, ArticleNumber number, std::string cid = {});
  /// Makes `article` findable by `cid` too (a later source gave it); the first cid an article gets
  /// becomes its Article::cid. A cid already taken keeps its article.
  void add_article_cid(ArticleId article, const std::string& cid);

  Code& code(CodeId id) { return codes_[id.value]; }
  const Code& code(CodeId id) const { return codes_[id.value]; }
  Section& section(SectionId id) { return sections_[id.value]; }
  const Section& section(SectionId id) const { return sections_[id.value]; }
  Article& article(ArticleId id) { return articles_[id.value]; }
  const Article& article(ArticleId id) const { return articles_[id.value]; }

  const std::vector<Code>& codes() const { return codes_; }
  const std::vector<Section>& sections() const { return sections_; }
  const std::vector<Article>& articles() const { return articles_; }
  std::vector<Article>& articles() { return articles_; }

  /// Removes the articles `drop` marks (indexed by ArticleId value; a shorter vector marks none)
  /// and renumbers the others, in every link and text citation too. Precondition: they are
  /// cited-only articles that no link or text citation reaches; tables of contents are not made.
  void remove_uncited(const std::vector<bool>& drop);

  /// Orders every section's children (sections by their order, articles by explicit order then
  /// code order of their numbers) into Section::toc. The resolve stage calls it, once every source
  /// is loaded.
  void finish_tables_of_contents();

  /// Articles of a code in table-of-contents order (depth first), as finish_tables_of_contents
  /// left them.
  std::vector<ArticleId> articles_in_code_order(CodeId code) const;

  /// The section path from the code's top level down to `section` (root excluded).
  std::vector<SectionId> section_path(SectionId section) const;

 private:
  std::vector<Code> codes_;
  std::vector<Section> sections_;
  std::vector<Article> articles_;
  std::unordered_map<std::string, CodeId> code_by_title_;
  std::unordered_map<std::string, CodeId> code_by_legi_id_;
  std::unordered_map<std::string, ArticleId> article_by_key_;  // code id + '\n' + number key
  /// Keys shared by several articles, each with all of them in order; rare, so kept apart.
  std::unordered_map<std::string, std::vector<ArticleId>> homonyms_by_key_;
  std::unordered_map<std::string, ArticleId> article_by_cid_;
  std::unordered_map<std::string, SectionId>
      section_by_key_;  // parent id + '\n' + title key, or + '#' + id
};

/// The key under which a code title is matched: folded, trailing punctuation dropped.
std::string code_title_key(std::string_view title);

}  // namespace legisite
