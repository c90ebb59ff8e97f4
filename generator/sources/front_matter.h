#pragma once
/// The YAML-style front matter of a Markdown source: `key: value` lines between two `---` lines
/// at the very top of the file.

#include <cstdint>
#include <optional>
#include <string>

#include "diagnostics/diagnostics.h"
#include "model/date.h"
#include "model/status.h"

namespace legisite {

class SourceText;

/// Which kind of file the block heads; the keys that mean something differ.
enum class FrontMatterKind {
  kArticle,  // an article version: État, Date de début, Date de fin, Identifiant, cid, code, num,
             // nota
  kIndex,    // a folder's _index.md: title, id, order
};

/// The fields a front matter block gave. Keys are matched ignoring case, accents, spaces, '_' and
/// '-' ("Date de début" = "date_debut"); absent fields stay empty. Values may be quoted ('…' or
/// "…"), followed by a `# comment`, continued on indented lines, or given as `|` / `>` blocks.
struct FrontMatter {
  bool present = false;
  /// The first line after the block: where the Markdown body starts (1 without front matter).
  int body_line = 1;

  std::optional<ArticleStatus> status;  // État
  std::optional<Date> start;            // Date de début
  std::optional<Date> end;              // Date de fin
  std::string id;     // Identifiant: LEGIARTI of the version; in an _index.md, LEGITEXT/LEGISCTA
  std::string cid;    // LEGIARTI of the article
  std::string code;   // the title of the code the article belongs to
  std::string num;    // the article number
  std::string nota;   // Markdown
  std::string title;  // _index.md: the code's or section's title
  std::optional<std::int64_t> order;  // _index.md: position among sibling sections
  /// Tricoteuses' `Nature` ("Article", "CONSTITUTION", "CODE") and `Type` ("AUTONOME"): a
  /// README.md whose Nature names a text makes its folder a code. `URL`, `Ancien identifiant`,
  /// `Origine` (and, in a folder's file, `État` and the dates) are read and ignored.
  std::string nature;
  std::string type;

  /// Where the `num` value starts, so that a reader rejecting the number can point at it.
  int num_line = 0;
  int num_column = 0;
};

/// Reads the front matter at the top of `source` into `out`. Returns false after reporting an
/// error (a line that is not `key: value`, no closing `---`, a bad date, an unknown état, a bad
/// order); unknown keys are only warned about. A file that does not start with `---` has no front
/// matter: `out.present` stays false and true is returned.
bool parse_front_matter(const SourceText& source, FrontMatterKind kind, FrontMatter& out,
                        Diagnostics& diagnostics);

}  // namespace legisite
