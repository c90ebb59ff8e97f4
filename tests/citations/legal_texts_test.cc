// The names of texts other than codes ("loi n° 2001-692 du 1er août 2001") and the French dates
// they carry, read directly rather than through find_citations. Inputs come from the Code de la
// sécurité sociale (../shared/corpus/legifrance-json/css-2026-03-14.json, "css-2026" below) where
// a comment names an article.

#include "citations/legal_texts.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace legisite::legal_texts_test {
namespace {

constexpr std::size_t npos = std::string_view::npos;

/// What match_legal_text reads at `i` of `s`: the text it covers ("(none)" for npos) and the
/// fields it fills.
struct TextRead {
  std::string covered;
  ExternalText text;
};

TextRead read_text(std::string_view s, std::size_t i = 0) {
  TextRead r;
  std::size_t end = match_legal_text(s, i, r.text);
  r.covered = end == npos ? "(none)" : std::string(s.substr(i, end - i));
  return r;
}

/// What match_french_date reads at `i` of `s`: the text it covers ("(none)" for npos) and the ISO
/// date ("(untouched)" when it writes none).
struct DateRead {
  std::string covered;
  std::string iso = "(untouched)";
};

DateRead read_date(std::string_view s, std::size_t i = 0) {
  DateRead r;
  std::size_t end = match_french_date(s, i, r.iso);
  r.covered = end == npos ? "(none)" : std::string(s.substr(i, end - i));
  return r;
}

TEST_CASE("a French date is read into ISO form up to the end of its year",
          "[citations][legal_texts]") {
  DateRead first = read_date("1er août 2001 relative aux lois de finances");  // css-2026, LO111-3-4
  CHECK(first.covered == "1er août 2001");
  CHECK(first.iso == "2001-08-01");
  DateRead june = read_date("22 juin 1946");
  CHECK(june.covered == "22 juin 1946");
  CHECK(june.iso == "1946-06-22");
  DateRead spelt = read_date("premier janvier 1961");
  CHECK(spelt.covered == "premier janvier 1961");
  CHECK(spelt.iso == "1961-01-01");
  // Month names are folded: capitals and missing accents are the same month.
  CHECK(read_date("8 DECEMBRE 2005").iso == "2005-12-08");
  CHECK(read_date("8 Décembre 2005").iso == "2005-12-08");
  CHECK(read_date("01 mai 2000").iso == "2000-05-01");
}

TEST_CASE("a French date returns its end as an offset in the whole text",
          "[citations][legal_texts]") {
  std::string iso;
  // css-2026, L241-14: the date ends before the full stop.
  CHECK(match_french_date("du 30 mars 2020. Elle", 3, iso) == 15);
  CHECK(iso == "2020-03-30");
  // Any space of French typography separates the parts (text/spaces.h lists them).
  DateRead spaced = read_date(
      "8\xC2\xA0juillet\xE2\x80\xAF"
      "2013");
  CHECK(spaced.covered ==
        "8\xC2\xA0juillet\xE2\x80\xAF"
        "2013");
  CHECK(spaced.iso == "2013-07-08");
}

TEST_CASE("a day is one or two digits from 1 to 31", "[citations][legal_texts]") {
  CHECK(read_date("0 mai 2000").covered == "(none)");
  CHECK(read_date("32 mai 2000").covered == "(none)");
  CHECK(read_date("123 mai 2000").covered == "(none)");
  CHECK(read_date("31 mai 2000").iso == "2000-05-31");
  // No calendar check: the day only has to be at most 31, whatever the month.
  CHECK(read_date("31 février 2020").iso == "2020-02-31");
}

TEST_CASE("a date needs spaces between its parts and a year of four digits",
          "[citations][legal_texts]") {
  CHECK(read_date("8juillet 2013").covered == "(none)");
  CHECK(read_date("8 juillet2013").covered == "(none)");
  CHECK(read_date("8 juillet").covered == "(none)");
  CHECK(read_date("8 juillet 201").covered == "(none)");
  CHECK(read_date("8 juillet 20135").covered == "(none)");
  CHECK(read_date("8 juilet 2013").covered == "(none)");
  // css-2026, annex of D912-15: a numeric date is not the French form.
  CHECK(read_date("28/06/2015").covered == "(none)");
  // What is not read leaves the caller's string alone.
  CHECK(read_date("8 juilet 2013").iso == "(untouched)");
}

TEST_CASE("a text is read with its kind and number and date", "[citations][legal_texts]") {
  // css-2026, LO111-3-4.
  TextRead organic = read_text("loi organique n° 2001-692 du 1er août 2001 relative aux lois");
  CHECK(organic.covered == "loi organique n° 2001-692 du 1er août 2001");
  CHECK(organic.text.kind == "loi organique");
  CHECK(organic.text.number == "2001-692");
  CHECK(organic.text.date_iso == "2001-08-01");
  // css-2026, L136-1-1.
  TextRead decree = read_text("décret n° 2004-1056 du 5 octobre 2004 relatif au régime des");
  CHECK(decree.covered == "décret n° 2004-1056 du 5 octobre 2004");
  CHECK(decree.text.kind == "décret");
  CHECK(decree.text.number == "2004-1056");
  CHECK(decree.text.date_iso == "2004-10-05");
  // css-2026, L114-16-1.
  TextRead ordinance = read_text("ordonnance n° 2005-1516 du 8 décembre 2005 relative aux");
  CHECK(ordinance.covered == "ordonnance n° 2005-1516 du 8 décembre 2005");
  CHECK(ordinance.text.kind == "ordonnance");
  CHECK(ordinance.text.date_iso == "2005-12-08");
  // The Constitution, titre II, article 11 (see citations_spec.md).
  TextRead constitutional = read_text("Loi constitutionnelle n° 2008-724 du 23 juillet 2008");
  CHECK(constitutional.text.kind == "loi constitutionnelle");
  CHECK(constitutional.text.number == "2008-724");
}

TEST_CASE("the kind of a text is given in its canonical spelling", "[citations][legal_texts]") {
  // css-2026, the amending texts' titles (lienModifications of L111-1).
  TextRead capitals = read_text("LOI n°2020-992 du 7 août 2020 - art. 5 (V)");
  CHECK(capitals.covered == "LOI n°2020-992 du 7 août 2020");
  CHECK(capitals.text.kind == "loi");
  CHECK(capitals.text.number == "2020-992");
  CHECK(read_text("DECRET n° 2013-597 du 8 juillet 2013").text.kind == "décret");
  CHECK(read_text("Arrêté du 8 juillet 2013 fixant").text.kind == "arrêté");
  // An interministerial order is an order.
  CHECK(read_text("arrêté interministériel du 8 juillet 2013").text.kind == "arrêté");
}

TEST_CASE("a text named by its date alone has no number", "[citations][legal_texts]") {
  // css-2026, L134-6: "décret-loi" is one kind, not a "décret" followed by a hyphen.
  TextRead decree_law = read_text("décret-loi du 17 juin 1938 relatif à la réorganisation");
  CHECK(decree_law.covered == "décret-loi du 17 juin 1938");
  CHECK(decree_law.text.kind == "décret-loi");
  CHECK(decree_law.text.number == "");
  CHECK(decree_law.text.date_iso == "1938-06-17");
  // css-2026, L134-3.
  TextRead law = read_text("loi du 12 juillet 1937 instituant une caisse");
  CHECK(law.covered == "loi du 12 juillet 1937");
  CHECK(law.text.number == "");
  CHECK(law.text.date_iso == "1937-07-12");
}

TEST_CASE("a text named by its number alone has no date", "[citations][legal_texts]") {
  // css-2026, L162-48.
  TextRead regulation = read_text("règlement (CE) n° 178/2002 et le règlement (CE) n° 1223/2009");
  CHECK(regulation.covered == "règlement (CE) n° 178/2002");
  CHECK(regulation.text.kind == "règlement (CE)");
  CHECK(regulation.text.number == "178/2002");
  CHECK(regulation.text.date_iso == "");
  // css-2026, L241-14 (its date left out): the number ends at the full stop.
  CHECK(read_text("décret n° 2020-371. Elle").covered == "décret n° 2020-371");
}

TEST_CASE("every way of writing the number sign is read", "[citations][legal_texts]") {
  CHECK(read_text("loi n° 2001-692").text.number == "2001-692");
  CHECK(read_text("loi n°2001-692").text.number == "2001-692");
  CHECK(read_text("loi n \xC2\xB0 2001-692").text.number == "2001-692");
  CHECK(read_text("loi n\xC2\xBA 2001-692").text.number == "2001-692");  // ordinal indicator º
  CHECK(read_text("loi N° 2001-692").text.number == "2001-692");
  TextRead no = read_text("loi no 2001-692 du 1er août 2001");
  CHECK(no.covered == "loi no 2001-692 du 1er août 2001");
  CHECK(no.text.number == "2001-692");
  // "no" is a number sign only before a space and a digit, so words starting "no" are not.
  CHECK(read_text("loi nouvelle du 1er août 2001").covered == "(none)");
  CHECK(read_text("loi no2001-692").covered == "(none)");
}

TEST_CASE("a text's number holds a hyphen or a slash and ends a word", "[citations][legal_texts]") {
  CHECK(read_text("décret n° 1234 du 5 mai 2000").covered == "(none)");
  CHECK(read_text("loi n° 2001-692bis").covered == "(none)");
  // A hyphen or slash not followed by a digit ends the number.
  TextRead trailing = read_text("décret n° 2004-1056- du 5 octobre 2004");
  CHECK(trailing.covered == "décret n° 2004-1056");
  CHECK(trailing.text.date_iso == "");
}

TEST_CASE("a European text's institution is part of its kind", "[citations][legal_texts]") {
  // css-2026, L136-6: the authors are read because a date follows them.
  TextRead ce = read_text(
      "règlement (CE) n° 883/2004 du Parlement européen et du Conseil du 29 avril 2004 sur la "
      "coordination");
  CHECK(ce.covered ==
        "règlement (CE) n° 883/2004 du Parlement européen et du Conseil du 29 avril 2004");
  CHECK(ce.text.kind == "règlement (CE)");
  CHECK(ce.text.number == "883/2004");
  CHECK(ce.text.date_iso == "2004-04-29");
  // css-2026, L914-4.
  TextRead cee = read_text("règlement (CEE) n° 1408/71 du Conseil du 14 juin 1971 relatif");
  CHECK(cee.covered == "règlement (CEE) n° 1408/71 du Conseil du 14 juin 1971");
  CHECK(cee.text.kind == "règlement (CEE)");
  CHECK(cee.text.number == "1408/71");
  CHECK(cee.text.date_iso == "1971-06-14");
  // css-2026, L241-18-1.
  TextRead ue =
      read_text("règlement (UE) n° 1407/2013 de la Commission du 18 décembre 2013 relatif");
  CHECK(ue.covered == "règlement (UE) n° 1407/2013 de la Commission du 18 décembre 2013");
  CHECK(ue.text.kind == "règlement (UE)");
  CHECK(ue.text.date_iso == "2013-12-18");
}

TEST_CASE("a comma may come between a European text's authors and its date",
          "[citations][legal_texts]") {
  // css-2026, L137-13: the same regulation as L241-18-1, with commas around the authors.
  TextRead commission =
      read_text("règlement (UE) n° 1407/2013 de la Commission, du 18 décembre 2013, relatif");
  CHECK(commission.covered == "règlement (UE) n° 1407/2013 de la Commission, du 18 décembre 2013");
  CHECK(commission.text.number == "1407/2013");
  CHECK(commission.text.date_iso == "2013-12-18");
  // css-2026, L162-17-4.
  TextRead council = read_text("règlement (CEE) n° 2309/93 du Conseil, du 22 juillet 1993,");
  CHECK(council.covered == "règlement (CEE) n° 2309/93 du Conseil, du 22 juillet 1993");
  CHECK(council.text.date_iso == "1993-07-22");
  // Without a date after it, the comma and the authors stay out.
  TextRead undated = read_text("règlement (CEE) n° 2309/93 du Conseil, relatif");
  CHECK(undated.covered == "règlement (CEE) n° 2309/93");
  CHECK(undated.text.date_iso == "");
}

TEST_CASE("a directive's number needs no number sign", "[citations][legal_texts]") {
  TextRead services = read_text("directive 2006/123/CE du Parlement");
  CHECK(services.covered == "directive 2006/123/CE");
  CHECK(services.text.kind == "directive");
  CHECK(services.text.number == "2006/123/CE");
  CHECK(services.text.date_iso == "");
  // css-2026, L137-26: a space slipped in before the suffix is read over, and the date after the
  // authors is reached.
  TextRead vat = read_text("directive 2006/112/ CE du Conseil du 28 novembre 2006 relative");
  CHECK(vat.covered == "directive 2006/112/ CE du Conseil du 28 novembre 2006");
  CHECK(vat.text.number == "2006/112/CE");
  CHECK(vat.text.date_iso == "2006-11-28");
  // A slash and a space before anything but a suffix of capitals end the number.
  CHECK(read_text("directive 2006/112/ du Conseil").text.number == "2006/112");
  CHECK(read_text("directive 2006/112/ C du Conseil").text.number == "2006/112");
}

TEST_CASE("a European act may be numbered without number sign", "[citations][legal_texts]") {
  // css-2026, L162-1-23 and L162-48: EU acts since 2015 are numbered without "n°".
  TextRead gdpr =
      read_text("règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016");
  CHECK(gdpr.covered ==
        "règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016");
  CHECK(gdpr.text.kind == "règlement (UE)");
  CHECK(gdpr.text.number == "2016/679");
  CHECK(gdpr.text.date_iso == "2016-04-27");
  CHECK(read_text("règlement (UE) 2017/745 du Parlement européen et du Conseil du 5 avril 2017")
            .text.number == "2017/745");
  // css-2026, L942-6: a directive of the Union likewise.
  TextRead directive = read_text("modifiant la directive (UE) 2016/2341.", 13);
  CHECK(directive.covered == "directive (UE) 2016/2341");
  CHECK(directive.text.kind == "directive (UE)");
  // A regulation that is not European still needs its "n°".
  CHECK(read_text("règlement 2016/679").covered == "(none)");
  // css-2026, L162-22-7: spaces around the slash split the number, which is then no number.
  CHECK(read_text("règlement (CE) n° 141 / 2000 du Parlement européen et du Conseil du 16 "
                  "décembre 1999")
            .covered == "(none)");
}

TEST_CASE("a kind with neither number nor date names no text", "[citations][legal_texts]") {
  // css-2026, L114-9 and L242-9.
  CHECK(read_text("arrêté du ministre chargé de la sécurité sociale").covered == "(none)");
  CHECK(read_text("arrêté interministériel fixe les conditions").covered == "(none)");
  CHECK(read_text("loi").covered == "(none)");
  // The kind is a whole word.
  CHECK(read_text("lois n° 2001-692 du 1er août 2001").covered == "(none)");
  CHECK(read_text("décrets n° 2013-597").covered == "(none)");
}

TEST_CASE("a text is read at the offset given and its end is an offset in the whole text",
          "[citations][legal_texts]") {
  // css-2026, L241-14.
  const std::string_view s = "du décret n° 2020-371 du 30 mars 2020. Elle";
  ExternalText text;
  CHECK(match_legal_text(s, 0, text) == npos);
  CHECK(match_legal_text(s, 3, text) == 39);
  CHECK(text.date_iso == "2020-03-30");
}

TEST_CASE("what a text leaves unsaid is emptied in the text given", "[citations][legal_texts]") {
  ExternalText text{"ordonnance", "45-2250", "1945-10-04"};
  REQUIRE(match_legal_text("loi du 1er juillet 1901", 0, text) == 23);
  CHECK(text.kind == "loi");
  CHECK(text.number == "");
  CHECK(text.date_iso == "1901-07-01");
  // Without a kind the text given is left alone.
  ExternalText untouched{"ordonnance", "45-2250", "1945-10-04"};
  CHECK(match_legal_text("convention du 1er juillet 1901", 0, untouched) == npos);
  CHECK(untouched.kind == "ordonnance");
  CHECK(untouched.number == "45-2250");
  // With a kind but nothing after it, npos comes back with the kind already written: callers use
  // the text only when the end is not npos.
  ExternalText partial{"ordonnance", "45-2250", "1945-10-04"};
  CHECK(match_legal_text("arrêté du ministre", 0, partial) == npos);
  CHECK(partial.kind == "arrêté");
  CHECK(partial.number == "");
  CHECK(partial.date_iso == "");
}

}  // namespace
}  // namespace legisite::legal_texts_test
