#pragma once
/// What an article or version page tells search engines and legal portals about itself, in its
/// <head> (README "For developers"): schema.org `Legislation` as JSON-LD, and a description made
/// from the first alinéa of the text it shows. No ELI: consolidated code articles have none of
/// their own (amending texts' pages give theirs, render/text_pages.h).

#include <cstdint>
#include <string>

#include "model/model.h"
#include "render/json_writer.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// The JSON-LD of the page of `article` showing version `version` (-1: none), ready to sit inside
/// <script type="application/ld+json"> (<, > and & written as \u escapes). `version_page` for a
/// version's own page, else the article page. "" when the article has no page.
std::string legislation_json_ld(const Corpus& corpus, const SiteOptions& options,
                                const Article& article, std::int32_t version, bool version_page);

/// Opens a schema.org `Legislation` object in French: its @context, @type, @id and url (`url`),
/// name and inLanguage. Article and text pages add what they know of themselves.
void begin_legislation(JsonWriter& w, const std::string& url, const std::string& name);

/// JSON made safe inside <script type="application/ld+json">: <, > and & as \u escapes, no
/// newline.
std::string script_safe_json(const std::string& json);

/// "Article R133-19, Code de la sécurité sociale : Pour l'exercice de la mission…": the
/// heading, the code and the first alinéa of `version`'s text as plain text, cut at a word near
/// 160 characters; "" when the version has no text.
std::string page_description(const Corpus& corpus, const Article& article, const Version& version);

/// Sets `json_ld_html` and `description` (when the text gives one) on the view of an article or
/// version page; leaves other pages alone.
void add_structured_data(View& view, const Corpus& corpus, const SiteOptions& options,
                         const PagePlan& page);

}  // namespace legisite
