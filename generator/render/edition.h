#pragma once
/// What every page says about itself, above its content: which day's law it shows, which source
/// the text comes from and how current that source is ("Texte en vigueur au 26 novembre 2026 ·
/// source : Légifrance, données du 14 mars 2026"), and, when the data stop more than a year
/// before that day, a notice that later changes are missing ("données arrêtées au 6 avril 2015").

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/pages.h"
#include "render/site_options.h"
#include "render/view.h"

namespace legisite {

/// Data older than this many days before the reference date are said to stop there.
inline constexpr int kStaleDataDays = 365;

/// "Légifrance, données du 14 mars 2026", "historique Git, données du 6 avril 2015",
/// "dernière version connue du 1er janvier 2015" (a code dated by its versions), "" for a code
/// with no date at all.
std::string data_phrase(const Code& code);

/// True when the code's data stop more than kStaleDataDays before `reference_date`.
bool data_stale(const Code& code, Date reference_date);

/// The `edition` field of a page: {`edition_shows`, `edition_sources` (list of {`source`}), and
/// `edition_stale` ("" or the notice's words)}; false for identifier redirects. A code's pages
/// name their code's source; the home page every code's.
View edition_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page);

/// The field names edition_view adds, for view_field_names().
const std::vector<std::string_view>& edition_field_names();

}  // namespace legisite
