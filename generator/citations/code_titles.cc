#include "citations/code_titles.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "citations/french_text.h"
#include "diagnostics/diagnostics.h"

namespace legisite {

using namespace french_text;

namespace {

// Codes as French drafting names them, canonical spelling. Longer titles first where one is the
// start of another ("code rural et de la pêche maritime" before "code rural"). A title not listed
// is still recognised as some code (see read_code_title), so an article of another code is never
// taken for one of the citing code.
constexpr std::array<std::string_view, 90> kCodeTitles = {
    "Code de l'action sociale et des familles",
    "Code de l'artisanat",
    "Code de l'aviation civile",
    "Code de l'éducation",
    "Code de l'énergie",
    "Code de l'entrée et du séjour des étrangers et du droit d'asile",
    "Code de l'environnement",
    "Code de l'expropriation pour cause d'utilité publique",
    "Code de l'organisation judiciaire",
    "Code de l'urbanisme",
    "Code de la commande publique",
    "Code de la consommation",
    "Code de la construction et de l'habitation",
    "Code de la défense",
    "Code de la famille et de l'aide sociale",
    "Code de la justice pénale des mineurs",
    "Code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite",
    "Code de la mutualité",
    "Code de la propriété intellectuelle",
    "Code de la recherche",
    "Code de la route",
    "Code de la santé publique",
    "Code de la sécurité intérieure",
    "Code de la sécurité sociale",
    "Code de la voirie routière",
    "Code de commerce",
    "Code de déontologie des architectes",
    "Code de justice administrative",
    "Code de justice militaire",
    "Code de procédure civile",
    "Code de procédure pénale",
    "Code des assurances",
    "Code des communes",
    "Code des douanes",
    "Code des impositions sur les biens et services",
    "Code des instruments monétaires et des médailles",
    "Code des juridictions financières",
    "Code des marchés publics",
    "Code des pensions civiles et militaires de retraite",
    "Code des pensions de retraite des marins français du commerce, de pêche ou de plaisance",
    "Code des pensions militaires d'invalidité et des victimes de guerre",
    "Code des pensions militaires d'invalidité et des victimes de la guerre",
    "Code des ports maritimes",
    "Code des postes et des communications électroniques",
    "Code des procédures civiles d'exécution",
    "Code des relations entre le public et l'administration",
    "Code des transports",
    "Code disciplinaire et pénal de la marine marchande",
    "Code du cinéma et de l'image animée",
    "Code du domaine de l'Etat",
    "Code du domaine public fluvial et de la navigation intérieure",
    "Code du patrimoine",
    "Code du service national",
    "Code du sport",
    "Code du tourisme",
    "Code du travail applicable à Mayotte",
    "Code du travail maritime",
    "Code du travail",
    "Code électoral",
    "Code forestier",
    "Code général de la fonction publique",
    "Code général de la propriété des personnes publiques",
    "Code général des collectivités territoriales",
    "Code général des impôts",
    "Code minier",
    "Code monétaire et financier",
    "Code pénal",
    "Code pénitentiaire",
    "Code rural et de la pêche maritime",
    "Code rural",
    "Code civil",
    "Code de la nationalité française",
    "Code de l'administration communale",
    "Code de la santé publique vétérinaire",
    "Code des caisses d'épargne",
    "Code des débits de boissons et des mesures contre l'alcoolisme",
    "Code des tribunaux administratifs et des cours administratives d'appel",
    "Code du blé",
    "Code du vin",
    "Code de l'industrie cinématographique",
    "Code de la mutualité agricole",
    "Code des instruments monétaires",
    "Code des pensions de retraite des marins",
    "Code général des impôts, annexe I",
    "Code général des impôts, annexe II",
    "Code général des impôts, annexe III",
    "Code général des impôts, annexe IV",
    "Code de l'enseignement technique",
    "Code local des assurances sociales",
    "Livre des procédures fiscales",
};

// Words that, after "du code", end a title we do not know ("du code de la foo, qui…").
constexpr std::array<std::string_view, 32> kTitleStops = {
    "et",       "ou",         "qui",         "que",   "est",     "sont",  "pour",    "dans",
    "en",       "a",          "au",          "aux",   "sur",     "par",   "lorsque", "relatif",
    "relatifs", "relative",   "relatives",   "ainsi", "sous",    "selon", "avec",    "ne",
    "dont",     "applicable", "applicables", "dans",  "modifie", "prevu", "prevue",  "peut"};

// Spellings the codes' own texts use for other codes' titles, typos included, with the title
// they mean.
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> kCodeTitleVariants = {{
    {"Code la santé publique", "Code de la santé publique"},
    {"Code de santé publique", "Code de la santé publique"},
    {"Code du commerce", "Code de commerce"},
    {"Code travail", "Code du travail"},
    {"Code de sécurité sociale", "Code de la sécurité sociale"},
    {"Code des pensions civiles et militaires de retraites",
     "Code des pensions civiles et militaires de retraite"},
    {"Code des pensions civiles et militaires",
     "Code des pensions civiles et militaires de retraite"},
    {"Nouveau code de procédure civile", "Code de procédure civile"},
    {"Code général des impôts, annexe 2", "Code général des impôts, annexe II"},
    {"Code général des impôts, annexe 3", "Code général des impôts, annexe III"},
    {"Code de l'action sociale et de la famille", "Code de l'action sociale et des familles"},
    {"Code de la construction et de l'habitat", "Code de la construction et de l'habitation"},
    {"Code des postes et communications électroniques",
     "Code des postes et des communications électroniques"},
    {"Code rural et de la pêche", "Code rural et de la pêche maritime"},
    {"Code des pensions civiles, militaires de retraite",
     "Code des pensions civiles et militaires de retraite"},
    {"Code des pensions civiles", "Code des pensions civiles et militaires de retraite"},
    {"Code des postes et télécommunications électroniques",
     "Code des postes et des communications électroniques"},
    {"Code des postes et télécommunications",
     "Code des postes et des communications électroniques"},
    {"Code des assurance", "Code des assurances"},
    {"Code de travail", "Code du travail"},
    {"Code général des impôt", "Code général des impôts"},
    {"Code de l'action sociale et des famille", "Code de l'action sociale et des familles"},
    {"Code de justice pénale des mineurs", "Code de la justice pénale des mineurs"},
    {"Code la propriété intellectuelle", "Code de la propriété intellectuelle"},
    {"Code la sécurité sociale", "Code de la sécurité sociale"},
    {"Code de de l'organisation judiciaire", "Code de l'organisation judiciaire"},
    {"Code des pensions militaires d'invalidité",
     "Code des pensions militaires d'invalidité et des victimes de guerre"},
    {"Code général des impôts, annexe 1", "Code général des impôts, annexe I"},
    {"Code général des impôts, annexe 4", "Code général des impôts, annexe IV"},
}};

/// A code title folded for comparison ("code de l'action sociale et des familles"), and the
/// canonical title it stands for.
struct FoldedTitle {
  std::string folded;
  std::string_view canonical;
};

// Every known title and variant, folded once. Immutable after its first use.
const std::vector<FoldedTitle>& folded_titles() {
  static const std::vector<FoldedTitle> kTitles = [] {
    std::vector<FoldedTitle> titles;
    for (std::string_view t : kCodeTitles) titles.push_back({fold_title(t, 200, nullptr), t});
    for (const auto& [variant, canonical] : kCodeTitleVariants)
      titles.push_back({fold_title(variant, 200, nullptr), canonical});
    return titles;
  }();
  return kTitles;
}

// Whether `key` is the folded title `folded` followed by more characters.
bool extends(const std::string& key, const std::string& folded) {
  return key.size() > folded.size() && key.compare(0, folded.size(), folded) == 0;
}

// Whether the word at `i` is "État" or "États": after a title ("du code monétaire et financier
// des Etats membres de l'OCDE") it goes on with the sentence, where another capital names the
// place of a local code.
bool names_states(std::string_view s, std::size_t i) {
  const std::string word = folded_word(s, i);
  return word == "etat" || word == "etats";
}

// The longest known code title at `i`, its end and canonical title; npos when none. A place
// named after it ("… de la Polynésie française", "… de Mayotte") makes it a local code of that
// name: `local` is set and `title` left alone.
std::size_t match_known_code_title(std::string_view s, std::size_t i, std::string& title,
                                   bool& local) {
  std::vector<std::size_t> positions;
  positions.reserve(128);
  std::string window =
      fold_title(s.substr(i, std::min<std::size_t>(s.size() - i, 200)), 120, &positions);
  std::size_t best_len = 0;
  std::string_view best;
  for (const FoldedTitle& t : folded_titles()) {
    if (t.folded.size() <= best_len || window.compare(0, t.folded.size(), t.folded) != 0) continue;
    char next = t.folded.size() < window.size() ? window[t.folded.size()] : ' ';
    if (is_lower(next) || is_digit(next) || next == '?') continue;
    best_len = t.folded.size();
    best = t.canonical;
  }
  if (best_len == 0) return npos;
  std::size_t end = i + positions[best_len - 1];
  static constexpr std::array<std::string_view, 5> kOf = {"de la", "de l'", "du", "des", "de"};
  std::size_t of = match_any(s, skip_spaces(s, end), kOf);
  std::size_t place = of == npos ? npos : skip_spaces(s, of);
  local = place != npos &&
          (is_upper(static_cast<char>(byte(s, place))) ||
           (byte(s, place) == 0xC3 && byte(s, place + 1) < 0xA0)) &&
          !names_states(s, place);
  if (!local) title = std::string(best);
  return end;
}

// Words that join a title's words and never end one.
bool joins_title_words(std::string_view w) {
  static constexpr std::array<std::string_view, 8> kJoins = {"de", "du", "des", "d'",
                                                             "l'", "la", "le",  "les"};
  return std::find(kJoins.begin(), kJoins.end(), w) != kJoins.end();
}

// An unknown code: "code" and the words of its name, up to punctuation or a word that cannot be
// part of a title ("code local des assurances sociales du 19 juillet 1911" ends before "du");
// its title as written, spaces collapsed, capitalised.
std::size_t match_unknown_code_title(std::string_view s, std::size_t i, std::string& title) {
  std::size_t k = match_word(s, i, "code");
  if (k == npos) return npos;
  std::size_t end = k;
  int words = 0;
  int named = 0;  // words other than those that join
  for (std::size_t p = skip_spaces(s, k); words < 10 && p < s.size();) {
    std::size_t e = p;
    std::string w = folded_word(s, p, &e);
    if (e < s.size() && fold_at(s, e).c == '\'') {  // "l'", "d'"
      e += fold_at(s, e).len;
      w += '\'';
    }
    // "Nouvelle-Calédonie": a hyphen joins two words into one.
    while (!w.empty() && w.back() != '\'' && byte(s, e) == '-' && is_word_at(s, e + 1)) {
      std::size_t f = e + 1;
      w += '-' + folded_word(s, f, &e);
    }
    if (w.empty() || e == p) break;
    bool stop = std::find(kTitleStops.begin(), kTitleStops.end(), w) != kTitleStops.end();
    if (stop && (w == "et" || w == "a")) {
      // "code du travail et de la foo" — "et" continues a title only before "de", "des", "du".
      std::size_t next = skip_spaces(s, e);
      static constexpr std::array<std::string_view, 4> kDe = {"de", "des", "du", "d'"};
      stop = match_any(s, next, kDe) == npos;
    }
    if (stop) break;
    if (!word_ends_at(s, e) && w.back() != '\'') break;
    ++words;
    if (!joins_title_words(w)) {
      ++named;
      end = e;
    }
    if (w.back() == '\'') {
      p = skip_spaces(s, e);
      continue;
    }
    std::size_t next = skip_spaces(s, e);
    if (next == e) break;
    p = next;
  }
  if (named == 0) return npos;
  std::string collapsed = collapse_spaces(s.substr(i, end - i));
  if (!collapsed.empty()) collapsed[0] = upper(collapsed[0]);
  title = std::move(collapsed);
  return end;
}

}  // namespace

std::size_t match_code_title(std::string_view s, std::size_t i, std::string& title, bool any_code) {
  // Cheap rejections first: this runs at every "code" of a text.
  static constexpr std::array<std::string_view, 3> kFirstWords = {"code", "livre", "nouveau"};
  if (match_any(s, i, kFirstWords) == npos) return npos;
  bool local = false;
  if (std::size_t end = match_known_code_title(s, i, title, local); end != npos && !local)
    return end;
  return any_code ? match_unknown_code_title(s, i, title) : npos;
}

bool is_known_code_title(std::string_view title) {
  std::string key = fold_title(title, 200, nullptr);
  for (const FoldedTitle& t : folded_titles())
    if (t.folded == key) return true;
  return false;
}

bool names_local_code(std::string_view title) {
  std::string key = fold_title(title, 200, nullptr);
  for (const FoldedTitle& t : folded_titles())
    if (extends(key, t.folded) && key[t.folded.size()] == ' ' && key.size() > t.folded.size() + 1)
      return true;
  return false;
}

std::string closest_code_title(std::string_view title, const std::vector<std::string>& also) {
  const std::string key = fold_title(title, 200, nullptr);
  std::string best;
  std::size_t best_distance = 4;
  auto consider = [&](const std::string& folded, std::string_view canonical) {
    // A title glued to the next word ("code de la santé publiqueenco", seen in css-2026) is as
    // near as a typo.
    std::size_t d =
        extends(key, folded) && key[folded.size()] != ' ' ? 1 : edit_distance(key, folded);
    if (d > 0 && d < best_distance) best_distance = d, best = std::string(canonical);
    return d == 0;
  };
  for (const FoldedTitle& t : folded_titles())
    if (consider(t.folded, t.canonical)) return {};
  for (const std::string& other : also)
    if (consider(fold_title(other, 200, nullptr), other)) return {};
  return best;
}

}  // namespace legisite
