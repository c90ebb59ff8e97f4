#pragma once
/// Reader for DILA's LEGI XML dump: one from-string entry point per document kind (ARTICLE,
/// SECTION_TA, TEXTELR, TEXTE_VERSION). Each reads one file into plain structs; assembling a
/// whole tree of them into the Corpus (identity, titles, order) is legi_loader.h's job. pugixml
/// stays inside legi_xml.cc.
///
/// Every required element is checked explicitly, because pugixml answers "" for a missing one:
/// an ARTICLE without ID or NUM is skipped with an error; a missing or unknown ETAT, a missing
/// DATE_DEBUT and a date that is not `YYYY-MM-DD` are errors that leave the field unknown. XML
/// that is not well-formed is `file:line:col: error: XML is not well-formed: <description>`.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/model.h"

namespace legisite {

/// One dated entry of a LEGI list: a VERSIONS/VERSION/LIEN_ART, a STRUCTURE_TA or STRUCT child
/// (LIEN_SECTION_TA or LIEN_ART), in document order. Dates are unknown when the attribute is
/// absent or not a date (the latter reported).
struct LegiEntry {
  enum class Kind { kArticle, kSection, kText };
  Kind kind = Kind::kArticle;
  std::string id;      // @id: LEGIARTI… / LEGISCTA… / LEGITEXT…
  std::string number;  // @num (articles)
  std::string title;   // element text (LIEN_SECTION_TA)
  std::string state;   // @etat as written ("VIGUEUR"); VERSION@etat when the LIEN_ART has none
  Date start;          // @debut
  Date end;            // @fin
  int level = 0;       // @niv (LIEN_SECTION_TA), 0 when absent
  std::string origin;  // @origine ("LEGI")
  SourceLocation where;
};

/// What one ARTICLE file says: one version of one article, ready for add_record, plus the LEGI
/// facts the model has no place for. `record.cid` is the article's identity as far as this file
/// knows it: the earliest version (by start date, then id) among the file's own ID and its
/// VERSIONS list, which is how Légifrance's API names the article (its `cid`). The loader
/// recomputes it over every file of the tree, so that files with incomplete VERSIONS still meet.
struct LegiArticle {
  ArticleRecord record;
  std::string ancien_id;            // META_COMMUN/ANCIEN_ID (pre-LEGI identifier), may be empty
  std::string nature;               // META_COMMUN/NATURE ("Article")
  std::string type;                 // META_ARTICLE/TYPE ("AUTONOME", "ENTIEREMENT_MODIF"…)
  std::vector<LegiEntry> versions;  // VERSIONS/VERSION/LIEN_ART, document order (not date order)
};

/// A SECTION_TA file: one section's title and its children in table-of-contents order.
struct LegiSection {
  std::string id;                   // ID (LEGISCTA…)
  std::string title;                // TITRE_TA, whitespace collapsed
  std::string text_id;              // CONTEXTE/TEXTE@cid (LEGITEXT… of the code)
  std::string text_title;           // CONTEXTE/TEXTE/TITRE_TXT
  std::vector<SectionRef> parents;  // CONTEXTE path, code's top level first (this one excluded)
  std::vector<LegiEntry> children;  // STRUCTURE_TA, document order = table-of-contents order
  SourceLocation where;
};

/// A TEXTELR file (`struct/`): the top level of a code's table of contents.
struct LegiTextStructure {
  std::string id;                   // META_COMMUN/ID (LEGITEXT…)
  std::string cid;                  // META_TEXTE_CHRONICLE/CID
  std::string nature;               // META_COMMUN/NATURE ("CODE")
  Date last_modified;               // META_TEXTE_CHRONICLE/DERNIERE_MODIFICATION
  std::vector<LegiEntry> versions;  // VERSIONS/VERSION/LIEN_TXT
  std::vector<LegiEntry> children;  // STRUCT, document order
  SourceLocation where;
};

/// A TEXTE_VERSION file (`version/`): a code's title and dates.
struct LegiTextVersion {
  std::string id;                                  // META_COMMUN/ID (LEGITEXT…)
  std::string cid;                                 // META_TEXTE_CHRONICLE/CID
  std::string nature;                              // META_COMMUN/NATURE ("CODE")
  Date last_modified;                              // META_TEXTE_CHRONICLE/DERNIERE_MODIFICATION
  std::string title;                               // META_TEXTE_VERSION/TITRE
  std::string full_title;                          // META_TEXTE_VERSION/TITREFULL
  ArticleStatus status = ArticleStatus::kUnknown;  // ETAT
  Date start;                                      // DATE_DEBUT
  Date end;                                        // DATE_FIN
  SourceLocation where;
};

/// Any of the four documents, as the root element names it.
using LegiDocument = std::variant<LegiArticle, LegiSection, LegiTextStructure, LegiTextVersion>;

/// Parses one LEGI file, dispatching on its root element (never on its folder). nullopt when the
/// XML is not well-formed (error), when the root is not one of the four kinds (warning
/// "unsupported LEGI document <ROOT>; skipped") or when the file lacks what identifies it
/// (error). `file` is only used in diagnostics and SourceLocations.
std::optional<LegiDocument> parse_legi_document(std::string_view xml, const std::string& file,
                                                Diagnostics& diagnostics);

/// The same, expecting one kind: another root element is an error ("expected <ARTICLE>, found
/// <SECTION_TA>").
std::optional<LegiArticle> parse_legi_article(std::string_view xml, const std::string& file,
                                              Diagnostics& diagnostics);
std::optional<LegiSection> parse_legi_section(std::string_view xml, const std::string& file,
                                              Diagnostics& diagnostics);
std::optional<LegiTextStructure> parse_legi_structure(std::string_view xml, const std::string& file,
                                                      Diagnostics& diagnostics);
std::optional<LegiTextVersion> parse_legi_text_version(std::string_view xml,
                                                       const std::string& file,
                                                       Diagnostics& diagnostics);

/// The group a LEGI LIEN belongs to on an article's page, from its typelien and sens. What sens
/// means depends on typelien (checked on the real files, see legi_xml.cc).
LinkGroup legi_link_group(std::string_view typelien, std::string_view sens);

}  // namespace legisite
