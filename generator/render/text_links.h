#pragma once
/// Turns the citations the resolve stage found in a version's text (Version::text_citations)
/// into links in the HTML a page shows.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/alineas.h"
#include "render/site_options.h"

namespace legisite {

/// One change to a text's HTML: wrap the text [begin, end) in <a href="…" title="…">, or, when
/// `repoint`, give the <a> element that holds [begin, end) this href (and title) instead of its
/// own. When `unwrap`, [begin, end) lies in an <a> of the text that this link and the next ones
/// with `unwrap` inside it replace: that <a> is dropped, its other text kept unlinked.
struct TextLink {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string href;   // as it should be written, before escaping
  std::string title;  // empty for none
  bool repoint = false;
  bool unwrap = false;
};

/// `html` with `links` spliced in. Sorted or not; a link whose range is empty, outside `html`,
/// overlapping an earlier one or containing a tag, and a repoint or an unwrap without an enclosing
/// <a> (whole in `html`), are skipped, so that the result is always as well-formed as `html`.
/// Attribute values are escaped.
std::string splice_links(std::string_view html, std::vector<TextLink> links);

/// The links linked_text_html splices into the text_html of `version` (offsets into it), for a
/// page that shows pieces of that text (a diff).
std::vector<TextLink> citation_links(const Corpus& corpus, std::string_view page_path,
                                     const Version& version, Date as_of = Date());

/// The text_html of `version` with its citations made links, relative to the page at
/// `page_path`: to the cited article's page (its first article for a range, whose title lists
/// them all; at the cited alinéa's anchor when the text that page shows on the reference date has
/// that alinéa), or to Légifrance for another text with a known
/// identifier. A citation whose page the site does not have stays plain text. The result carries
/// the alinéa anchors. With `as_of` a real day (a version page passes its version's start), a
/// cited article leads instead to the page of its version in force that day, when it has one
/// (dated_target), titled "Article …, version en vigueur le …".
std::string linked_text_html(const Corpus& corpus, std::string_view page_path,
                             const Version& version, Date as_of = Date());

}  // namespace legisite
