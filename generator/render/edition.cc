#include "render/edition.h"

namespace legisite {

namespace {

// What the page shows, in the words of its kind.
std::string shows(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  const std::string on = options.reference_date.french();
  switch (page.kind) {
    case PageKind::kHome:
      return "Codes en vigueur au " + on;
    case PageKind::kCode:
    case PageKind::kCodePart:
      return "Table des matières au " + on;
    case PageKind::kArticle:
      return corpus.article(page.article).cited_only ? "Article cité, sans texte, état au " + on
                                                     : "Texte en vigueur au " + on;
    case PageKind::kVersion:
    case PageKind::kVersionDiff: {
      const Version& v = corpus.article(page.article).versions[page.version];
      const std::string when =
          v.start.is_calendar_day() ? " du " + v.start.french() : std::string();
      return page.kind == PageKind::kVersion ? "Version" + when + ", état au " + on
                                             : "Modifications" + when;
    }
    case PageKind::kCodeAtDate:
      if (auto day = Date::parse(page.identifier)) return "Table des matières au " + day->french();
      return "Table des matières";
    case PageKind::kSearch:
      return "Recherche dans les textes en vigueur au " + on;
    case PageKind::kAmendingText:
    case PageKind::kTextIndex:
      return "Textes modificatifs cités par les codes, état au " + on;
    case PageKind::kNotFound:
      return "Page introuvable dans l’édition au " + on;
    case PageKind::kIdRedirect:
      break;
  }
  return {};
}

}  // namespace

std::string data_phrase(const Code& code) {
  if (!code.data_date.known()) return {};
  if (code.data_date_rule == Code::DataDateRule::kNewestVersion)
    return (code.data_source.empty() ? "" : code.data_source + ", ") +
           "dernière version connue du " + code.data_date.french();
  return (code.data_source.empty() ? "" : code.data_source + ", ") + "données du " +
         code.data_date.french();
}

bool data_stale(const Code& code, Date reference_date) {
  return code.data_date.known() && reference_date.known() &&
         reference_date.days() - code.data_date.days() > kStaleDataDays;
}

View edition_view(const Corpus& corpus, const SiteOptions& options, const PagePlan& page) {
  if (page.kind == PageKind::kIdRedirect) return View::flag(false);
  std::vector<const Code*> codes;
  if (page.code.valid())
    codes.push_back(&corpus.code(page.code));
  else
    for (const Code& c : corpus.codes())
      if (!c.slug.empty()) codes.push_back(&c);
  View v;
  v.set("edition_shows", shows(corpus, options, page));
  View& sources = v.set("edition_sources", View::list());
  std::string stale;
  for (const Code* c : codes) {
    std::string phrase = data_phrase(*c);
    if (phrase.empty()) continue;
    View s;
    // The home page of several codes says whose source each is.
    s.set("source", codes.size() > 1 ? c->title + " : " + phrase : phrase);
    sources.push(std::move(s));
    if (!data_stale(*c, options.reference_date)) continue;
    if (!stale.empty()) stale += ' ';
    if (codes.size() > 1) stale.append(c->title).append(" : ");
    stale.append(codes.size() > 1 ? "données" : "Données")
        .append(" arrêtées au ")
        .append(c->data_date.french())
        .append(" : les modifications postérieures ne figurent pas dans cette édition.");
  }
  v.set("edition_stale", std::move(stale));
  return v;
}

const std::vector<std::string_view>& edition_field_names() {
  static const std::vector<std::string_view> kNames = {
      "edition", "edition_shows", "edition_sources", "source", "edition_stale"};
  return kNames;
}

}  // namespace legisite
