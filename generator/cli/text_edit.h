#pragma once
/// serve's first answer to an edit of texts alone: the pages of the articles whose text changed
/// (and of those their citations name, when those changed) are rendered again from the model the
/// last build kept and replace theirs in the published site, before the whole build that follows
/// updates the rest (search index, feeds, open data) and publishes the site as usual. A preview in
/// milliseconds instead of seconds, like Hugo's "fast render" (README "Serving while editing").

#include <string>
#include <vector>

#include "cli/build.h"

namespace legisite {

/// What show_text_edit did.
struct TextEdit {
  std::vector<std::string> articles;  // the numbers of the articles whose pages it replaced, the
                                      // edited ones first
  std::size_t pages = 0;
};

/// Shows the edit of `changed` (paths below options.content, as the watcher gives them) when it
/// changed nothing but texts: every changed file still exists, is a Markdown version file or a LEGI
/// XML ARTICLE file of the kept site read by the last build, and reads as before but for its text
/// and nota (and the lines after them); the version it gave came from it alone; its new text has as
/// many alinéas as before (or no citation names one of that article's), and its citations name only
/// articles the site has, keeping every cited-only one it named. No other page shows those texts
/// (render/fingerprints.h says what each page is made from); when the citations changed, who cites
/// whom is computed again and the pages of the articles cited before or now, which list who cites
/// them, are rendered too. False, with nothing written, when any of that does not hold; the kept
/// model is dropped when it was changed.
bool show_text_edit(const BuildOptions& options, RebuildCaches& caches,
                    const std::vector<std::string>& changed, TextEdit& edit);

/// Copies into the served site the theme's static files among `changed` (a stylesheet, a script)
/// when each is one the kept site's theme has: pages link them by name and hold none of their
/// bytes (render/fingerprints.h), so no page changes. False, with nothing written, when `changed`
/// holds anything else or a file cannot be read. `files` gets how many were copied.
bool show_static_edit(const BuildOptions& options, RebuildCaches& caches,
                      const std::vector<std::string>& changed, std::size_t& files);

/// Renders again with the edited theme the pages at `open_pages` (site paths of the pages open in
/// a browser) and replaces them in the served site, when `changed` holds only template files of
/// the theme and the edited theme has the same templates, partials and static files as the kept
/// site's (so the site plans the same pages): a template tweak shows where the maintainer looks
/// at once, as Hugo's fast render does, and the whole build renders the other pages that use the
/// edited templates. False, with nothing written, when any of that does not hold, the theme does
/// not load or a page does not render. `pages` gets how many pages were replaced.
bool show_template_edit(const BuildOptions& options, RebuildCaches& caches,
                        const std::vector<std::string>& changed,
                        const std::vector<std::string>& open_pages, std::size_t& pages);

/// Renders the pages at `open_pages` from a model and theme (the kept site's, or a rebuild's
/// before its pages are rendered) into memory, then replaces those the published `site` folder
/// has. Returns how many pages were rendered; 0, with nothing written, when none was or a page
/// failed to render.
std::size_t show_open_pages(const std::string& site, const std::vector<std::string>& open_pages,
                            const Corpus& corpus, const LinkGraph& links, const Theme& theme,
                            const SiteOptions& options);

}  // namespace legisite
