#pragma once
/// "Copier la référence" (the theme's static/cite.js): what an article or version page gives its
/// copy control, the citation of the text it shows and that text's stable address.

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// "Article R133-19 du code de la sécurité sociale, dans sa version du 8 juillet 2013": the
/// article, its code as a sentence names it, and the start of `version` when it is a real day
/// (no version, or an unknown or deferred start, leaves the date out).
std::string citation_text(const Article& article, const Code& code, const Version* version);

/// Sets `cite` on the page at `page_path`: {`cite_text` (citation_text), `cite_href`: the page
/// of `version` when it has one (a dated text stays at its address), else the article page; an
/// absolute URL when --base-url names a scheme and host, else relative to the page (the script
/// makes it absolute)}.
void add_citation(View& view, const Corpus& corpus, const SiteOptions& options,
                  const Article& article, const Version* version, const std::string& page_path);

/// The field names add_citation sets, for view_field_names().
const std::vector<std::string_view>& citation_field_names();

}  // namespace legisite
