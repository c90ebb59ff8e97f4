// The titles of codes in running text ("du code rural et de la pêche maritime"), read directly
// rather than through find_citations, and the checks resolution makes on a title it cannot find.
// Inputs come from the Code de la sécurité sociale (../shared/corpus/legifrance-json/
// css-2026-03-14.json, "css-2026" below) where a comment names an article.

#include "citations/code_titles.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace legisite::code_titles_test {
namespace {

constexpr std::size_t npos = std::string_view::npos;

/// What match_code_title reads at `i` of `s`: the text it covers ("(none)" for npos) and the
/// title it gives ("(untouched)" when it writes none).
struct TitleRead {
  std::string covered;
  std::string title = "(untouched)";
};

TitleRead read_title(std::string_view s, bool any_code, std::size_t i = 0) {
  TitleRead r;
  std::size_t end = match_code_title(s, i, r.title, any_code);
  r.covered = end == npos ? "(none)" : std::string(s.substr(i, end - i));
  return r;
}

TEST_CASE("a known code title is read in its canonical spelling", "[citations][code_titles]") {
  TitleRead css = read_title("code de la sécurité sociale", false);
  CHECK(css.covered == "code de la sécurité sociale");
  CHECK(css.title == "Code de la sécurité sociale");
  // css-2026, L871-1: "du 1°" after the title is no place, so this is the Code rural itself.
  TitleRead rural = read_title("code rural du 1° quater de l'article 83", false);
  CHECK(rural.covered == "code rural");
  CHECK(rural.title == "Code rural");
  // css-2026, L114-14: a title need not start with "code".
  TitleRead lpf = read_title("livre des procédures fiscales, et notamment ses articles", false);
  CHECK(lpf.covered == "livre des procédures fiscales");
  CHECK(lpf.title == "Livre des procédures fiscales");
  // A known title is canonical even when any code is wanted.
  CHECK(read_title("code du travail et", true).title == "Code du travail");
}

TEST_CASE("the longest known title at the offset wins", "[citations][code_titles]") {
  TitleRead rural = read_title("code rural et de la pêche maritime, qui", false);
  CHECK(rural.covered == "code rural et de la pêche maritime");
  CHECK(rural.title == "Code rural et de la pêche maritime");
  CHECK(read_title("code du travail applicable à Mayotte", false).title ==
        "Code du travail applicable à Mayotte");
  CHECK(read_title("code du travail maritime", false).title == "Code du travail maritime");
  CHECK(read_title("code général des impôts, annexe III", false).title ==
        "Code général des impôts, annexe III");
  CHECK(read_title("code général des impôts, annexe II", false).title ==
        "Code général des impôts, annexe II");
  CHECK(read_title("code général des impôts, annexe IV", false).title ==
        "Code général des impôts, annexe IV");
  CHECK(read_title("code général des impôts, annexe I", false).title ==
        "Code général des impôts, annexe I");
  // An annex that is not listed leaves the title before the comma.
  TitleRead annex_v = read_title("code général des impôts, annexe V", false);
  CHECK(annex_v.covered == "code général des impôts");
  CHECK(annex_v.title == "Code général des impôts");
}

TEST_CASE("case and accents and spaces do not change a known title", "[citations][code_titles]") {
  CHECK(read_title("CODE DE LA SECURITE SOCIALE", false).title == "Code de la sécurité sociale");
  TitleRead spaced = read_title("code  de la\xC2\xA0santé\npublique", false);
  CHECK(spaced.covered == "code  de la\xC2\xA0santé\npublique");
  CHECK(spaced.title == "Code de la santé publique");
  // css-2026, L111-11 writes "l' article"; a space after an apostrophe is dropped in titles too.
  TitleRead apostrophe = read_title("code de l' environnement", false);
  CHECK(apostrophe.covered == "code de l' environnement");
  CHECK(apostrophe.title == "Code de l'environnement");
  CHECK(read_title("code de l\xE2\x80\x99"
                   "environnement",
                   false)
            .title == "Code de l'environnement");
}

TEST_CASE("the spellings texts use for a code give its canonical title",
          "[citations][code_titles]") {
  // css-2026, D311-1.
  TitleRead typo = read_title("code de santé publique, des articles", false);
  CHECK(typo.covered == "code de santé publique");
  CHECK(typo.title == "Code de la santé publique");
  // css-2026, R146-8: the former name of the Code de procédure civile.
  TitleRead former = read_title("nouveau code de procédure civile", false);
  CHECK(former.covered == "nouveau code de procédure civile");
  CHECK(former.title == "Code de procédure civile");
  CHECK(read_title("code du commerce", false).title == "Code de commerce");
  CHECK(read_title("Code des assurance", false).title == "Code des assurances");
  CHECK(read_title("code général des impôts, annexe 2", false).title ==
        "Code général des impôts, annexe II");
  // css-history, R135-16 (five times), and the Code du travail, R1271-32: "code de travail".
  TitleRead travail = read_title("code de travail à de tels intervenants", false);
  CHECK(travail.covered == "code de travail");
  CHECK(travail.title == "Code du travail");
  // css-2026, Annexe I à l'art. R434-32 (1): "du Code la Sécurité sociale autorise…".
  TitleRead css = read_title("Code la Sécurité sociale autorise le maintien", false);
  CHECK(css.covered == "Code la Sécurité sociale");
  CHECK(css.title == "Code de la sécurité sociale");
  // css-2026, D613-4; css-history, R481-4 and L742-4; the CPI, R135-1; css-2026, D412-72.
  CHECK(read_title("code général des impôt ;", false).title == "Code général des impôts");
  CHECK(read_title("code de l'action sociale et des famille ;", false).title ==
        "Code de l'action sociale et des familles");
  CHECK(read_title("code des pensions militaires d'invalidité ;", false).title ==
        "Code des pensions militaires d'invalidité et des victimes de guerre");
  CHECK(read_title("code la propriété intellectuelle ;", false).title ==
        "Code de la propriété intellectuelle");
  CHECK(read_title("code de justice pénale des mineurs ;", false).title ==
        "Code de la justice pénale des mineurs");
  // The longest spelling still wins over a variant that starts it.
  CHECK(read_title("code général des impôts ;", false).covered == "code général des impôts");
}

TEST_CASE("codes that no longer exist or apply locally are known by their title",
          "[citations][code_titles]") {
  // css-2026, L357-8: the Alsace-Moselle code; css-history, R512-3.
  CHECK(is_known_code_title("Code local des assurances sociales"));
  CHECK(read_title("code local des assurances sociales du 19 juillet 1911", false).title ==
        "Code local des assurances sociales");
  CHECK(is_known_code_title("Code de l'enseignement technique"));
}

TEST_CASE("a title glued to the next word is not that title", "[citations][code_titles]") {
  // css-2026, L162-17-2-1, whose link ends inside a word: "publique</a>enco".
  CHECK(read_title("code de la santé publiqueenco. La prise", false).covered == "(none)");
  TitleRead unknown = read_title("code de la santé publiqueenco. La prise", true);
  CHECK(unknown.covered == "code de la santé publiqueenco");
  CHECK(unknown.title == "Code de la santé publiqueenco");
  CHECK(read_title("code du travailleur", false).covered == "(none)");
}

TEST_CASE("a known title followed by a place is a local code", "[citations][code_titles]") {
  // css-2026, R146-8: another code than the Code de procédure civile, so no known title.
  const std::string_view polynesia =
      "code de procédure civile de la Polynésie française. Toutefois";
  TitleRead known_only = read_title(polynesia, false);
  CHECK(known_only.covered == "(none)");
  CHECK(known_only.title == "(untouched)");
  TitleRead any = read_title(polynesia, true);
  CHECK(any.covered == "code de procédure civile de la Polynésie française");
  CHECK(any.title == "Code de procédure civile de la Polynésie française");
  // A place after "de" alone, and one starting with an accented capital.
  TitleRead mayotte = read_title("code de la santé publique de Mayotte", true);
  CHECK(mayotte.title == "Code de la santé publique de Mayotte");
  CHECK(read_title("code de la santé publique de Mayotte", false).covered == "(none)");
  CHECK(read_title("code de l'environnement de l'Île-de-France", false).covered == "(none)");
  // A lower-case word after "de" is no place.
  CHECK(read_title("code de la santé publique des établissements", false).title ==
        "Code de la santé publique");
  // Nor are the States, capitalised (css-history, R623-3: markets "au sens des articles L. 421-1
  // à L. 423-1 du code monétaire et financier des Etats membres de l'OCDE").
  TitleRead states = read_title("code monétaire et financier des Etats membres", false);
  CHECK(states.covered == "code monétaire et financier");
  CHECK(states.title == "Code monétaire et financier");
  CHECK(read_title("code de commerce de l'État", false).title == "Code de commerce");
}

TEST_CASE("a hyphen joins two words of an unknown code's title", "[citations][code_titles]") {
  // css-2026, R146-8: "Nouvelle-Calédonie" is one word of the title, which "et aux" ends.
  TitleRead caledonia =
      read_title("code de procédure civile de la Nouvelle-Calédonie et aux dispositions", true);
  CHECK(caledonia.covered == "code de procédure civile de la Nouvelle-Calédonie");
  CHECK(caledonia.title == "Code de procédure civile de la Nouvelle-Calédonie");
  // A hyphen that joins nothing ends the title.
  CHECK(read_title("code local - suite", true).title == "Code local");
}

TEST_CASE("an unknown code is read as written when any code is wanted",
          "[citations][code_titles]") {
  // A code the list does not have; "en" ends its title.
  const std::string_view unknown = "code des caisses de retraite en vigueur dans les";
  CHECK(read_title(unknown, false).covered == "(none)");
  TitleRead any = read_title(unknown, true);
  CHECK(any.covered == "code des caisses de retraite");
  CHECK(any.title == "Code des caisses de retraite");
  // The title ends before the "du" that introduces a date (as css-2026's L357-1 dates the
  // Alsace-Moselle code).
  TitleRead dated = read_title("code des caisses de retraite du 19 juillet 1911", true);
  CHECK(dated.covered == "code des caisses de retraite");
  CHECK(dated.title == "Code des caisses de retraite");
  // Words that only join others never end a title, nor make one alone.
  CHECK(read_title("code minier de la, qui", true).title == "Code minier");
  CHECK(read_title("code de la 5", true).covered == "(none)");
}

TEST_CASE("an unknown code's title has its spaces collapsed and a capital first letter",
          "[citations][code_titles]") {
  TitleRead spaced = read_title("code  de\xC2\xA0la   foo, qui", true);
  CHECK(spaced.covered == "code  de\xC2\xA0la   foo");
  CHECK(spaced.title == "Code de la foo");
  // Only the first letter changes: the rest is as written.
  CHECK(read_title("CODE DE LA FOO", true).title == "CODE DE LA FOO");
  CHECK(read_title("code de l'habitat rural, qui", true).title == "Code de l'habitat rural");
  CHECK(read_title("code de l\xE2\x80\x99habitat", true).title == "Code de l\xE2\x80\x99habitat");
}

TEST_CASE("an unknown code's title ends at a word no title holds", "[citations][code_titles]") {
  // "et" and "à" go on only before "de", "des", "du" or "d'".
  CHECK(read_title("code de la foo et de la bar, qui", true).title ==
        "Code de la foo et de la bar");
  CHECK(read_title("code de la foo et les", true).title == "Code de la foo");
  CHECK(read_title("code de la foo relatif aux", true).title == "Code de la foo");
  CHECK(read_title("code de la foo. Le", true).title == "Code de la foo");
  // Ten words at most after "code".
  CHECK(read_title("code des aa bb cc dd ee ff gg hh ii jj kk", true).title ==
        "Code des aa bb cc dd ee ff gg hh ii");
  // No word at all is no title.
  CHECK(read_title("code qui", true).covered == "(none)");
  CHECK(read_title("code 2", true).covered == "(none)");
  CHECK(read_title("code", true).covered == "(none)");
}

TEST_CASE("a title starts with code or livre or nouveau at the offset given",
          "[citations][code_titles]") {
  CHECK(read_title("le code du travail", false).covered == "(none)");
  CHECK(read_title("codex du travail", true).covered == "(none)");
  // An unknown title must start with "code": other first words need a known title.
  CHECK(read_title("livre IV du code", true).covered == "(none)");
  CHECK(read_title("nouveau code de la foo", true).covered == "(none)");
  // The end is an offset in the whole text.
  std::string title;
  CHECK(match_code_title("du code du travail, qui", 3, title, false) == 18);
  CHECK(title == "Code du travail");
}

TEST_CASE("a title is known in its canonical spelling or as a variant",
          "[citations][code_titles]") {
  CHECK(is_known_code_title("Code du travail"));
  CHECK(is_known_code_title("CODE DE LA SÉCURITÉ SOCIALE"));
  CHECK(is_known_code_title("code  de la   securite sociale"));
  CHECK(is_known_code_title(" Code du travail"));
  CHECK(is_known_code_title("Code travail"));  // a variant
  CHECK(is_known_code_title("Livre des procédures fiscales"));
  CHECK_FALSE(is_known_code_title("Code du travail de Mayotte"));
  CHECK_FALSE(is_known_code_title("Code des caisses de retraite"));
  CHECK_FALSE(is_known_code_title("Code du travai"));
  CHECK_FALSE(is_known_code_title(""));
  // A trailing space is kept by the fold, so the title no longer equals a known one.
  CHECK_FALSE(is_known_code_title("Code du travail "));
}

TEST_CASE("a local code is a known title followed by more words", "[citations][code_titles]") {
  CHECK(names_local_code("Code de procédure civile de la Polynésie française"));
  CHECK(names_local_code("code pénal de la Nouvelle-Calédonie"));
  CHECK_FALSE(names_local_code("Code de procédure civile"));
  CHECK_FALSE(names_local_code("Code du travailleur"));  // glued: a typo, not a local code
  CHECK_FALSE(names_local_code("Code du travail "));
  CHECK_FALSE(names_local_code("Code local des assurances sociales"));
  // Any words after a known title will do, place or not: a longer known title counts too.
  CHECK(names_local_code("Code du travail et de la foo"));
  CHECK(names_local_code("Code rural et de la pêche maritime"));
}

TEST_CASE("the closest code title is suggested for a near miss", "[citations][code_titles]") {
  const std::vector<std::string> none;
  // css-2026, L162-17-2-1: a title glued to the next word is one edit away.
  CHECK(closest_code_title("Code de la santé publiqueenco", none) == "Code de la santé publique");
  CHECK(closest_code_title("Code de la sécurité socile", none) == "Code de la sécurité sociale");
  CHECK(closest_code_title("Code du travial", none) == "Code du travail");
  // A variant gives its canonical title.
  CHECK(closest_code_title("Code des assurancs", none) == "Code des assurances");
  CHECK(closest_code_title("Code du comerce", none) == "Code de commerce");
  // Three edits at most once folded.
  CHECK(closest_code_title("Code de la rte", none) == "Code de la route");
  CHECK(closest_code_title("Code de la r", none) == "");
}

TEST_CASE("a title that is known or far from every title has no near miss",
          "[citations][code_titles]") {
  const std::vector<std::string> none;
  CHECK(closest_code_title("Code du travail", none) == "");
  CHECK(closest_code_title("code de la securite sociale", none) == "");
  CHECK(closest_code_title("Code travail", none) == "");  // a variant is known
  CHECK(closest_code_title("Code local des assurances sociales", none) == "");
  CHECK(closest_code_title("Code de procédure civile de la Polynésie française", none) == "");
}

TEST_CASE("the corpus's own titles are near misses too", "[citations][code_titles]") {
  const std::vector<std::string> corpus = {"Code de la foo"};
  CHECK(closest_code_title("Code de la fooo", corpus) == "Code de la foo");
  CHECK(closest_code_title("Code de la foo", corpus) == "");
  CHECK(closest_code_title("Code de la fooo", {}) == "");
  // A known title is exact before the corpus is looked at.
  CHECK(closest_code_title("Code du travail", {"Code du travai"}) == "");
}

}  // namespace
}  // namespace legisite::code_titles_test
