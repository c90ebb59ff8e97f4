#pragma once
/// One entry of a "Liens relatifs à cet article" list, as Légifrance writes it:
/// `TRANSFERE: Décret n°2017-864 du 9 mai 2017 - art. 1 (V)`.

#include <string>
#include <string_view>

#include "model/link.h"

namespace legisite {

/// Reads an entry's text (the list marker already removed) into the fields of a Link: an optional
/// `TYPE:` prefix (upper-case words and '_') into link_type; an optional trailing `(V)`, `(VT)`,
/// `(Ab)`… into status_mark, without parentheses; what remains into text, split on its last
/// " - art." (also " - art ", " - Art.", ", art.", " - article ") into text_title (a trailing '.'
/// dropped) and article_number (normalised as an ArticleNumber). An entry with no such separator
/// is a title only. Markdown links `[text](url)` and HTML anchors `<a href="url">text</a>` keep
/// their text; a Légifrance id (LEGIARTI…, LEGITEXT…, JORFTEXT…) found in a URL goes to target_id
/// (an article id preferred over a text id). Other tags are stripped and entities decoded.
/// group, label and where are left for the caller. Never fails.
Link parse_link_entry(std::string_view entry);

}  // namespace legisite
