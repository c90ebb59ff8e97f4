#pragma once
/// How readers hand what they read to the model: one ArticleRecord per article version read, added
/// to the Corpus by add_record, which groups versions by article identity and checks for clashes.

#include <cstddef>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/corpus.h"

namespace legisite {

/// How deep sections may nest below a code, as folders do (io/file_system.h kMaxFolderDepth):
/// readers stop there with an error naming the file and the depth, so that no stage walks a
/// section tree deeper than this.
inline constexpr std::size_t kMaxSectionDepth = 200;

/// One level of the section path an article version sits in.
struct SectionRef {
  std::string title;
  std::string legi_id;      // LEGISCTA… when known
  std::int64_t order = -1;  // explicit position among siblings when known

  bool operator==(const SectionRef&) const = default;
};

/// What a reader knows about one version of one article.
struct ArticleRecord {
  std::string code_title;
  std::string code_legi_id;
  std::vector<SectionRef> section_path;  // from the code's top level down
  ArticleNumber number;
  std::string cid;  // stable article identity (LEGIARTI of the article) when known
  std::int64_t order = -1;
  Version version;
};

/// What add_record did with a record's version.
enum class RecordOutcome {
  kAdded,     // a new version of a new or known article
  kMerged,    // a version the corpus already had, described again (another snapshot or format)
  kRejected,  // a version another Markdown file already gave: reported as an error and dropped
};

/// Adds one version to the corpus, creating its code, sections and article as needed. Versions of
/// one article are grouped by identity: the same cid or version id; never two different cids
/// (two articles may share a number: each is an article of its own); else code, section and
/// number, or code and number alone when that names one article a source without ids could not
/// place alike (another format's section titles, or one side without a cid). Two Markdown
/// files claiming the same version (same id, history file name or start date) is an error and the
/// second is dropped; any other repeat of a version (two snapshots, two formats) is merged —
/// text, links and the better-informed end and state kept — with a warning when texts differ. The
/// article moves to the section of its latest version. A section path deeper than
/// kMaxSectionDepth is an error naming the record's file; the article goes in its section at that
/// depth.
RecordOutcome add_record(Corpus& corpus, ArticleRecord record, Diagnostics& diagnostics);

/// Where the last record went: a reader adding many records in a row (the versions of one
/// article follow each other, with one section path) passes the same one to each, and a record
/// placed like the one before needs no lookup.
struct LastPlacement {
  std::string code_title;
  std::string code_legi_id;
  std::vector<SectionRef> section_path;
  CodeId code;
  SectionId section;
};

/// add_record, placing the record as `last` says when its code and section path are the same.
RecordOutcome add_record(Corpus& corpus, ArticleRecord record, Diagnostics& diagnostics,
                         LastPlacement& last);

}  // namespace legisite
