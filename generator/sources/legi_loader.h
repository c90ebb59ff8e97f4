#pragma once
/// Loads a tree of DILA LEGI XML files, as laid out in the dump
/// `.../LEGI/TEXT/…/LEGITEXT…/{article,section_ta,texte/struct,texte/version}/…`, at any depth,
/// into the Corpus. Each file is read by legi_xml.h, by its root element; this file assembles
/// what no single file knows: which files are versions of one article, the code's and sections'
/// titles, and the order of every section's children.

#include <cstddef>
#include <string>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "io/file_system.h"
#include "model/model.h"
#include "sources/load_summary.h"

namespace legisite {

class SourceCache;

/// Reads every file of `xml_paths` (relative to the root of `files`) and adds one version per
/// ARTICLE file to `corpus`:
/// - versions of one article are grouped by identity, never by file order: the files whose
///   VERSIONS lists share an id are one article, named (`cid`) by its earliest version;
/// - code titles come from TEXTE_VERSION (TITRE), section titles from SECTION_TA (TITRE_TA),
///   else from the article's own CONTEXTE;
/// - a section's position is its place in its parent's STRUCTURE_TA (or the code's TEXTELR
///   STRUCT), an article's the place of its first version there.
/// A file that cannot be read or understood is reported and skipped; the others still load.
/// Files are read and parsed on `jobs` threads (`-j`); the result and the diagnostics do not
/// depend on it. With a `cache`, a file whose stamp is unchanged is not read (source_cache.h).
LoadSummary load_legi_files(const FileSystem& files, const std::vector<std::string>& xml_paths,
                            Corpus& corpus, Diagnostics& diagnostics, std::size_t jobs = 1,
                            SourceCache* cache = nullptr);

}  // namespace legisite
