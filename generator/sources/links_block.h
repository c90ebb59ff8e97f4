#pragma once
/// The "Liens relatifs à cet article" block that ends a Légifrance Markdown export: labelled lists
/// of links (Créé par, Modifié par, Cite, …). It is read line by line here and never reaches the
/// Markdown renderer, whose indented-code rule would turn its tab-indented lines into code.

#include <cstddef>
#include <vector>

#include "diagnostics/diagnostics.h"
#include "model/link.h"

namespace legisite {

class SourceText;

/// Where the block starts: its title's line, and the byte offset of the title in that line (0
/// unless HTML on the same line precedes it). line == 0 when there is no block.
struct LinksBlockStart {
  int line = 0;
  std::size_t offset = 0;
};

/// Finds the block's title (`**Liens relatifs à cet article**`, `## Liens relatifs…`,
/// `_Liens relatifs…_`, `<h2>Liens relatifs…</h2>`, any case) on lines [first_line, last line].
LinksBlockStart find_links_block(const SourceText& source, int first_line);

/// Reads the block that starts at `start`, to the end of the file. A label line is `**Créé
/// par**:`, `**Créé par** :`, `**Créé par :**`, `_Créé par_:`, `### Créé par`, `Créé par :` or
/// an HTML `<strong>`/`<b>`/`<h3>`… label; each following list item (`- entry`, `* entry`, or an
/// HTML `<li>`, however indented) is one Link of that label, parsed by parse_link_entry, with
/// `where` at the entry's first character. An unknown label is kept as written (LinkGroup::kOther)
/// and warned about; so are entries before any label and lines that are neither.
std::vector<Link> read_links_block(const SourceText& source, LinksBlockStart start,
                                   Diagnostics& diagnostics);

}  // namespace legisite
