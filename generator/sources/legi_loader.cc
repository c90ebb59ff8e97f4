#include "sources/legi_loader.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "parallel/parallel.h"
#include "sources/legi_xml.h"
#include "sources/source_cache.h"

namespace legisite {

namespace {

/// Groups article version ids that some file's VERSIONS list ties together (union-find), so that
/// a file whose list is stale or partial still meets the others.
class VersionGroups {
 public:
  std::size_t index_of(const std::string& id) {
    auto [it, added] = index_.try_emplace(id, parent_.size());
    if (added) {
      parent_.push_back(parent_.size());
      ids_.push_back(id);
      starts_.emplace_back();
    }
    return it->second;
  }

  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

  // A version's own file dates it better than another file's LIEN_ART, which may be stale.
  void date(std::size_t i, Date start, bool authoritative) {
    auto& [date, sure] = starts_[i];
    if (sure && !authoritative) return;
    if (authoritative || !date.known()) date = start, sure = authoritative;
  }

  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }

  // Each group's identity: its earliest version (by start date, then id; undated last), which is
  // how Légifrance's API names an article (`cid`).
  std::vector<std::string> identities() {
    std::vector<std::optional<std::tuple<bool, Date, std::string>>> best(parent_.size());
    for (std::size_t i = 0; i < parent_.size(); ++i) {
      Date d = starts_[i].first;
      auto key = std::make_tuple(!d.known(), d, ids_[i]);
      auto& b = best[root(i)];
      if (!b || key < *b) b = key;
    }
    std::vector<std::string> out(parent_.size());
    for (std::size_t i = 0; i < parent_.size(); ++i) out[i] = std::get<2>(*best[root(i)]);
    return out;
  }

  const std::string& id(std::size_t i) const { return ids_[i]; }
  std::size_t size() const { return parent_.size(); }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::size_t> parent_;
  std::vector<std::string> ids_;
  std::vector<std::pair<Date, bool>> starts_;
};

/// What the SECTION_TA, TEXTELR and TEXTE_VERSION files say about the tree, by LEGI id.
struct Tables {
  // LEGITEXT (id or cid) -> title, with the start of the TEXTE_VERSION it came from: the
  // latest version of a text names it.
  std::unordered_map<std::string, std::pair<Date, std::string>> text_titles;
  // LEGITEXT id -> cid, where a TEXTELR or TEXTE_VERSION gives two: an article naming its text
  // by either is in one code.
  std::unordered_map<std::string, std::string> text_cids;
  // LEGISCTA -> title: SECTION_TA's TITRE_TA (priority 2) over a parent's LIEN_SECTION_TA text
  // (priority 1).
  std::unordered_map<std::string, std::pair<int, std::string>> section_titles;
  // LEGISCTA -> position among its parent's children.
  std::unordered_map<std::string, std::int64_t> section_positions;
  // parent LEGISCTA (or LEGITEXT for a text's top level) + '\n' + LEGIARTI -> position.
  std::unordered_map<std::string, std::int64_t> article_positions;

  void add_title(const std::string& section, int priority, const std::string& title) {
    if (section.empty() || title.empty()) return;
    auto [it, added] = section_titles.try_emplace(section, priority, title);
    if (!added && it->second.first < priority) it->second = {priority, title};
  }

  // Positions index the list as written, sections and articles together: the model orders a
  // section's subsections and articles on one key.
  void add_children(const std::string& parent, const std::vector<LegiEntry>& children) {
    for (std::size_t i = 0; i < children.size(); ++i) {
      const LegiEntry& child = children[i];
      auto position = static_cast<std::int64_t>(i);
      if (child.kind == LegiEntry::Kind::kSection) {
        section_positions.try_emplace(child.id, position);
        add_title(child.id, 1, child.title);
      } else {
        article_positions.try_emplace(parent + '\n' + child.id, position);
      }
    }
  }

  // LEGITEXT (id or cid) and the DERNIERE_MODIFICATION a TEXTELR or TEXTE_VERSION gives.
  std::vector<std::pair<std::string, Date>> text_dates;

  void add_text_date(const std::string& id, Date modified) {
    if (id.empty() || modified.is_no_end() || modified.is_deferred()) return;
    text_dates.emplace_back(id, modified);
  }

  void add_text_title(const std::string& id, Date start, const std::string& title) {
    if (id.empty() || title.empty()) return;
    auto [it, added] = text_titles.try_emplace(id, start, title);
    if (!added && it->second.first <= start) it->second = {start, title};
  }

  void add_section(const LegiSection& section) {
    add_title(section.id, 2, section.title);
    add_children(section.id, section.children);
  }

  // A text is named by its id or its cid: what its TEXTELR and TEXTE_VERSION say goes under both.
  void add_structure(const LegiTextStructure& structure) {
    add_children(structure.cid, structure.children);
    if (structure.id != structure.cid) {
      add_children(structure.id, structure.children);
      text_cids.emplace(structure.id, structure.cid);
    }
    add_text_date(structure.id, structure.last_modified);
    add_text_date(structure.cid, structure.last_modified);
  }

  void add_text_version(const LegiTextVersion& version) {
    const std::string& title = version.title.empty() ? version.full_title : version.title;
    add_text_title(version.id, version.start, title);
    add_text_title(version.cid, version.start, title);
    if (version.id != version.cid) text_cids.emplace(version.id, version.cid);
    add_text_date(version.id, version.last_modified);
    add_text_date(version.cid, version.last_modified);
  }

  // The names the tables give `record`'s text and sections, and its sections' positions.
  void name(ArticleRecord& record) const {
    if (auto it = text_cids.find(record.code_legi_id); it != text_cids.end())
      record.code_legi_id = it->second;
    if (auto it = text_titles.find(record.code_legi_id); it != text_titles.end())
      record.code_title = it->second.second;
    for (SectionRef& level : record.section_path) {
      if (auto it = section_titles.find(level.legi_id); it != section_titles.end())
        level.title = it->second.second;
      if (auto it = section_positions.find(level.legi_id); it != section_positions.end())
        level.order = it->second;
    }
  }
};

// Every version an ARTICLE file names (its own and its VERSIONS list) is of one article.
void join_versions(VersionGroups& groups, const LegiArticle& article) {
  std::size_t own = groups.index_of(article.record.version.id);
  groups.date(own, article.record.version.start, true);
  for (const LegiEntry& v : article.versions) {
    if (v.id.empty()) continue;
    std::size_t other = groups.index_of(v.id);
    groups.date(other, v.start, false);
    groups.join(own, other);
  }
}

// The parent lists every version of the article (`versions`, indexes of `groups`); the first one
// listed places it.
void order_by_lists(ArticleRecord& record, const Tables& tables, const VersionGroups& groups,
                    const std::vector<std::size_t>& versions) {
  const std::string& parent =
      record.section_path.empty() ? record.code_legi_id : record.section_path.back().legi_id;
  for (std::size_t member : versions) {
    auto it = tables.article_positions.find(parent + '\n' + groups.id(member));
    if (it != tables.article_positions.end() && (record.order < 0 || it->second < record.order))
      record.order = it->second;
  }
}

// A code with a TEXTELR or TEXTE_VERSION is dated by DILA's last change to it, and its source
// named.
void date_legi_codes(Corpus& corpus, const std::vector<std::pair<std::string, Date>>& text_dates) {
  for (const auto& [id, modified] : text_dates) {
    const CodeId found = corpus.find_code_by_legi_id(id);
    if (!found.valid()) continue;
    Code& code = corpus.code(found);
    if (code.data_source.empty()) code.data_source = "DILA, base LEGI";
    offer_data_date(code, modified, Code::DataDateRule::kInSource);
  }
}

// Every file of `xml_paths` read and parsed on `jobs` threads (or its reading taken from `cache`),
// in path order: nullopt for a file that could not be read or understood, reported. Each chunk
// reports into its own sink, absorbed in chunk order: the diagnostics come out in path order
// whatever the thread count.
std::vector<std::optional<LegiDocument>> parse_legi_files(const FileSystem& files,
                                                          const std::vector<std::string>& xml_paths,
                                                          std::size_t jobs, SourceCache* cache,
                                                          Diagnostics& diagnostics,
                                                          LoadSummary& summary) {
  struct Parsed {
    Diagnostics diagnostics;
    LoadSummary counts;
  };
  std::vector<std::optional<LegiDocument>> documents(xml_paths.size());
  // Small files: a chunk of them costs far more than taking it from the counter.
  constexpr std::size_t kChunk = 64;
  auto parsed = map_chunks<Parsed>(jobs, xml_paths.size(), kChunk, [&](const Chunk& chunk) {
    Parsed p;
    for (std::size_t i = chunk.begin; i < chunk.end; ++i) {
      LegiFile file = read_legi_file(files, xml_paths[i], cache, p.diagnostics);
      if (!file.opened) continue;
      ++(file.cached ? p.counts.files_unchanged : p.counts.files_read);
      documents[i] = std::move(file.document);
    }
    return p;
  });
  for (Parsed& p : parsed) {
    diagnostics.absorb(std::move(p.diagnostics));
    summary += p.counts;
  }
  return documents;
}

}  // namespace

LoadSummary load_legi_files(const FileSystem& files, const std::vector<std::string>& xml_paths,
                            Corpus& corpus, Diagnostics& diagnostics, std::size_t jobs,
                            SourceCache* cache) {
  LoadSummary summary;
  Tables tables;
  VersionGroups groups;
  std::vector<LegiArticle> articles;

  // Phase 1: every file, in path order. Articles wait for the tables: titles and the order of
  // children live in SECTION_TA and TEXTELR files, which a path-ordered walk meets after
  // `article/`.
  for (std::optional<LegiDocument>& document :
       parse_legi_files(files, xml_paths, jobs, cache, diagnostics, summary)) {
    if (!document) continue;
    if (auto* article = std::get_if<LegiArticle>(&*document)) {
      join_versions(groups, *article);
      articles.push_back(std::move(*article));
    } else if (auto* section = std::get_if<LegiSection>(&*document)) {
      tables.add_section(*section);
    } else if (auto* structure = std::get_if<LegiTextStructure>(&*document)) {
      tables.add_structure(*structure);
    } else if (auto* version = std::get_if<LegiTextVersion>(&*document)) {
      tables.add_text_version(*version);
    }
  }

  // Phase 2: identities over every file at once, then each version into the corpus with the
  // titles and positions the tables give.
  std::vector<std::string> identity = groups.identities();
  std::unordered_map<std::size_t, std::vector<std::size_t>> members;  // group root -> ids
  for (std::size_t i = 0; i < groups.size(); ++i) members[groups.root(i)].push_back(i);

  for (LegiArticle& article : articles) {
    ArticleRecord& record = article.record;
    std::size_t own = groups.index_of(record.version.id);
    record.cid = identity[own];

    tables.name(record);
    order_by_lists(record, tables, groups, members[groups.root(own)]);
    add_record(corpus, std::move(record), diagnostics);
    ++summary.versions_read;
  }
  date_legi_codes(corpus, tables.text_dates);
  return summary;
}

}  // namespace legisite
