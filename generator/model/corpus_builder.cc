#include "model/corpus_builder.h"

#include <algorithm>

#include "text/visible_text.h"

namespace legisite {

namespace {

std::string describe(const SourceLocation& where) {
  std::string out = where.file;
  if (where.line > 0) out += ':' + std::to_string(where.line);
  return out;
}

// Codes are one per title (pages are addressed by the title's slug), so two texts that share one
// are read as one code. Said once, at the first article of the second text, which from then on
// names that code too.
void report_shared_title(Corpus& corpus, CodeId code, const ArticleRecord& record,
                         Diagnostics& diagnostics) {
  const std::string& id = record.code_legi_id;
  const Code& c = corpus.code(code);
  if (id.empty() || c.legi_id.empty() || id == c.legi_id || corpus.find_code_by_legi_id(id).valid())
    return;
  diagnostics.warning(record.version.origin,
                      "text " + id + " has the title of text " + c.legi_id + ", " + c.title +
                          ": both are read as one code",
                      {c.legi_id + " first read at " + describe(c.origin)});
  corpus.add_code_legi_id(code, id);
}

bool same_version(const Version& a, const Version& b) {
  if (!a.id.empty() && !b.id.empty()) return a.id == b.id;
  if (a.format == b.format && !a.source_key.empty() && !b.source_key.empty())
    return a.source_key == b.source_key;
  return a.start == b.start;  // both unknown counts as the same claim
}

bool still_open(const Version& v) {
  return v.status == ArticleStatus::kVigueur || v.status == ArticleStatus::kVigueurDiff;
}

bool same_link(const Link& a, const Link& b) {
  return a.group == b.group && a.link_type == b.link_type && a.text_title == b.text_title &&
         a.article_number == b.article_number && a.target_id == b.target_id;
}

void merge_into(Version& kept, Version&& other) {
  if (kept.id.empty()) kept.id = other.id;
  // Two snapshots of one version: the later one knows when it ended and how, the earlier one
  // still saw it in force. A known ending wins over "no end" and over an in-force state.
  bool other_knows_more =
      other.end.known() && !other.end.is_no_end() && (!kept.end.known() || kept.end.is_no_end());
  if (!kept.end.known() || other_knows_more) kept.end = other.end;
  if (kept.status == ArticleStatus::kUnknown ||
      (still_open(kept) && other.status != ArticleStatus::kUnknown && !still_open(other)))
    kept.status = other.status;
  if (!kept.has_text && other.has_text) {
    kept.has_text = true;
    kept.text_html = std::move(other.text_html);
  }
  if (kept.nota_html.empty()) kept.nota_html = std::move(other.nota_html);
  if (kept.amended_by.empty()) kept.amended_by = std::move(other.amended_by);
  for (auto& link : other.links) {
    bool known = std::any_of(kept.links.begin(), kept.links.end(),
                             [&](const Link& l) { return same_link(l, link); });
    if (!known) kept.links.push_back(std::move(link));
  }
  kept.also_from.push_back(other.origin);
}

bool holds_version(const Article& article, const std::string& version_id) {
  return !version_id.empty() && std::any_of(article.versions.begin(), article.versions.end(),
                                            [&](const Version& v) { return v.id == version_id; });
}

bool has_format(const Article& article, SourceFormat format) {
  return std::any_of(article.versions.begin(), article.versions.end(),
                     [&](const Version& v) { return v.format == format; });
}

// The article a record's version belongs to, invalid for a new one. A stable id decides: the
// same cid, or the same version id (LEGI XML names no article, and the id legisite infers for it
// is often not the API's cid). Two different cids are two articles, whatever their numbers. Without
// an id on one side, the number decides within the record's section; across sections only when
// the number names one candidate and the two descriptions cannot be compared by place (one has an
// id and the other not, or they come from two formats, whose section titles differ): two
// cid-less articles of one format in two sections (two Markdown folders) are two articles.
ArticleId identify(const Corpus& corpus, const ArticleRecord& record, CodeId code,
                   SectionId section) {
  if (!record.cid.empty()) {
    if (ArticleId by_cid = corpus.find_article_by_cid(record.cid); by_cid.valid()) return by_cid;
  }
  ArticleId in_section;
  ArticleId elsewhere;
  int elsewhere_count = 0;
  for (ArticleId id : corpus.articles_numbered(code, record.number)) {
    const Article& a = corpus.article(id);
    if (holds_version(a, record.version.id)) return id;
    if (!record.cid.empty() && !a.cid.empty()) continue;  // two ids: two articles
    if (a.section == section) {
      if (!in_section.valid()) in_section = id;
      continue;
    }
    bool comparable_by_place =
        record.cid.empty() && a.cid.empty() && has_format(a, record.version.format);
    if (!comparable_by_place) {
      elsewhere = id;
      ++elsewhere_count;
    }
  }
  if (in_section.valid()) return in_section;
  return elsewhere_count == 1 ? elsewhere : ArticleId();
}

// Sections nest at most kMaxSectionDepth levels: a deeper article is placed in its section at
// that level.
void cap_section_depth(ArticleRecord& record, Diagnostics& diagnostics) {
  if (record.section_path.size() <= kMaxSectionDepth) return;
  diagnostics.error(record.version.origin,
                    "article " + record.number.text() + " sits " +
                        std::to_string(record.section_path.size()) +
                        " sections deep, more than the " + std::to_string(kMaxSectionDepth) +
                        " levels sections may nest; placed in its section at level " +
                        std::to_string(kMaxSectionDepth));
  record.section_path.resize(kMaxSectionDepth);
}

// The code and section `record` names, found or added; `last` spares the lookups for the next
// record of the same section, as readers give a section's articles one after another.
std::pair<CodeId, SectionId> place_record(Corpus& corpus, const ArticleRecord& record,
                                          Diagnostics& diagnostics, LastPlacement& last) {
  if (last.code.valid() && record.code_title == last.code_title &&
      record.code_legi_id == last.code_legi_id && record.section_path == last.section_path)
    return {last.code, last.section};
  const CodeId code = corpus.find_or_add_code(record.code_title, record.code_legi_id);
  if (corpus.code(code).origin.file.empty()) corpus.code(code).origin = record.version.origin;
  report_shared_title(corpus, code, record, diagnostics);
  SectionId section = corpus.code(code).root;
  for (const auto& level : record.section_path)
    section = corpus.find_or_add_section(section, level.title, level.legi_id, level.order);
  last = {record.code_title, record.code_legi_id, record.section_path, code, section};
  return {code, section};
}

// A version `article` already has, given again by `incoming`.
RecordOutcome add_repeated_version(const Article& article, Version& existing, Version&& incoming,
                                   Diagnostics& diagnostics) {
  std::string when =
      incoming.start.known() ? "version of " + incoming.start.iso() : "undated version";
  // Hand-written Markdown claiming one version twice is a mistake in the content; official
  // formats repeating a version (two snapshots of one code, XML beside JSON) corroborate it.
  if (existing.format == incoming.format && incoming.format == SourceFormat::kMarkdown) {
    diagnostics.error(incoming.origin,
                      "article " + article.number.text() + ": " + when +
                          " is already given by another source; this one is ignored",
                      {"first given at " + describe(existing.origin)});
    return RecordOutcome::kRejected;
  }
  if (existing.has_text && incoming.has_text &&
      visible_text(existing.text_html) != visible_text(incoming.text_html)) {
    diagnostics.warning(incoming.origin,
                        "article " + article.number.text() + ", " + when + ": text differs from " +
                            describe(existing.origin) + "; keeping the first",
                        {"both sources describe the same version"});
  }
  merge_into(existing, std::move(incoming));
  return RecordOutcome::kMerged;
}

}  // namespace

RecordOutcome add_record(Corpus& corpus, ArticleRecord record, Diagnostics& diagnostics) {
  LastPlacement none;
  return add_record(corpus, std::move(record), diagnostics, none);
}

RecordOutcome add_record(Corpus& corpus, ArticleRecord record, Diagnostics& diagnostics,
                         LastPlacement& last) {
  cap_section_depth(record, diagnostics);
  const auto [code, section] = place_record(corpus, record, diagnostics, last);
  ArticleId id = identify(corpus, record, code, section);
  if (!id.valid()) {
    id = corpus.add_article(code, section, record.number, record.cid);
    corpus.article(id).order = record.order;
    corpus.article(id).versions.push_back(std::move(record.version));
    return RecordOutcome::kAdded;
  }

  // Index the cid too, not just store it: links name articles by cid.
  corpus.add_article_cid(id, record.cid);
  Article& article = corpus.article(id);
  for (auto& existing : article.versions)
    if (same_version(existing, record.version))
      return add_repeated_version(article, existing, std::move(record.version), diagnostics);
  // The newest version decides where the article sits in the table of contents.
  bool newest = std::all_of(article.versions.begin(), article.versions.end(),
                            [&](const Version& v) { return v.start <= record.version.start; });
  if (newest) {
    article.section = section;
    if (record.order >= 0) article.order = record.order;
  }
  article.versions.push_back(std::move(record.version));
  return RecordOutcome::kAdded;
}

}  // namespace legisite
