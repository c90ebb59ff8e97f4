// Dates as legal texts use them: calendar days, LEGI's sentinel dates, the API's milliseconds.

#include "model/date.h"

#include <catch2/catch.hpp>
#include <vector>

namespace legisite::date_test {
namespace {

TEST_CASE("a real calendar day parses and prints back the same", "[model][date]") {
  for (const char* text : {"2013-07-08", "1970-01-01", "1945-10-04", "2999-01-01", "2222-02-22",
                           "2000-02-29", "2012-02-29", "2016-12-31", "0001-01-01"}) {
    INFO(text);
    auto date = Date::parse(text);
    REQUIRE(date.has_value());
    CHECK(date->known());
    CHECK(date->iso() == text);
  }
}

TEST_CASE("parsing a date gives its year, month and day", "[model][date]") {
  auto date = Date::parse("2013-07-08");
  REQUIRE(date);
  CHECK(date->year() == 2013);
  CHECK(date->month() == 7);
  CHECK(date->day() == 8);
  CHECK(*date == Date::from_ymd(2013, 7, 8));
}

TEST_CASE("the twenty-ninth of February exists only in leap years", "[model][date]") {
  CHECK(Date::parse("2012-02-29").has_value());
  CHECK(Date::parse("2000-02-29").has_value());
  CHECK_FALSE(Date::parse("2013-02-29").has_value());
  CHECK_FALSE(Date::parse("1900-02-29").has_value());
  CHECK_FALSE(Date::parse("2012-02-30").has_value());
}

TEST_CASE("days and months out of range do not parse", "[model][date]") {
  for (const char* text : {"2013-00-10", "2013-13-01", "2013-07-00", "2013-07-32", "2013-04-31",
                           "2013-06-31", "2013-09-31", "2013-11-31"}) {
    INFO(text);
    CHECK_FALSE(Date::parse(text).has_value());
  }
}

TEST_CASE("anything but exactly YYYY-MM-DD does not parse", "[model][date]") {
  for (const char* text :
       {"", "2013-7-8", "2013-07-8", "13-07-08", "2013/07/08", "08/07/2013", "2013-07-08 ",
        " 2013-07-08", "2013-07-08T00:00:00", "2013_07_08", "2013-0a-08", "+013-07-08",
        "-013-07-08", "2013-07--8", "20130708", "8 juillet 2013", "2013-07-0８"}) {
    INFO('"' << text << '"');
    CHECK_FALSE(Date::parse(text).has_value());
  }
}

TEST_CASE("the API's milliseconds give the day they fall in", "[model][date]") {
  CHECK(Date::from_epoch_millis(0).iso() == "1970-01-01");
  CHECK(Date::from_epoch_millis(1451606400000).iso() == "2016-01-01");
  CHECK(Date::from_epoch_millis(1451606400000 + 86399999).iso() == "2016-01-01");
  CHECK(Date::from_epoch_millis(1451606400000 + 86400000).iso() == "2016-01-02");
  CHECK(Date::from_epoch_millis(1373241600000).iso() == "2013-07-08");
}

TEST_CASE("the API's end-of-time milliseconds mean no end", "[model][date]") {
  Date end = Date::from_epoch_millis(32472144000000);
  CHECK(end.iso() == "2999-01-01");
  CHECK(end.is_no_end());
  CHECK(end == Date::no_end());
  CHECK_FALSE(end.is_deferred());
}

TEST_CASE("milliseconds before the epoch give the day they fall in, not the next one",
          "[model][date]") {
  CHECK(Date::from_epoch_millis(-1).iso() == "1969-12-31");
  CHECK(Date::from_epoch_millis(-86400000).iso() == "1969-12-31");
  CHECK(Date::from_epoch_millis(-86400001).iso() == "1969-12-30");
  // 1945-10-04, the ordonnance that founded the sécurité sociale.
  CHECK(Date::from_epoch_millis(-765072000000).iso() == "1945-10-04");
  CHECK(Date::from_epoch_millis(-765072000000 + 3600000).iso() == "1945-10-04");
}

TEST_CASE("days since the epoch and calendar days agree", "[model][date]") {
  CHECK(Date::from_days(0) == Date::from_ymd(1970, 1, 1));
  CHECK(Date::from_days(-1) == Date::from_ymd(1969, 12, 31));
  CHECK(Date::from_ymd(2016, 1, 1).days() == 16801);
  CHECK(Date::from_days(16801).iso() == "2016-01-01");
}

TEST_CASE("LEGI's sentinel dates are recognised by name", "[model][date]") {
  CHECK(Date::no_end().iso() == "2999-01-01");
  CHECK(Date::deferred().iso() == "2222-02-22");
  CHECK(Date::parse("2222-02-22")->is_deferred());
  CHECK_FALSE(Date::parse("2222-02-22")->is_no_end());
  CHECK_FALSE(Date::parse("2998-12-31")->is_no_end());
  CHECK_FALSE(Date().is_no_end());
  CHECK_FALSE(Date().is_deferred());
}

TEST_CASE("dates print in French with 1er for the first of the month", "[model][date]") {
  CHECK(Date::from_ymd(2013, 7, 1).french() == "1er juillet 2013");
  CHECK(Date::from_ymd(2013, 7, 8).french() == "8 juillet 2013");
  CHECK(Date::from_ymd(2222, 2, 22).french() == "22 février 2222");
  CHECK(Date::from_ymd(2015, 8, 31).french() == "31 août 2015");
  CHECK(Date::from_ymd(1945, 12, 1).french() == "1er décembre 1945");
  CHECK(Date::from_ymd(2000, 1, 10).french() == "10 janvier 2000");
}

TEST_CASE("every month has its French name", "[model][date]") {
  const std::vector<std::string> months = {"janvier",   "février", "mars",     "avril",
                                           "mai",       "juin",    "juillet",  "août",
                                           "septembre", "octobre", "novembre", "décembre"};
  for (int m = 1; m <= 12; ++m) {
    INFO(m);
    CHECK(Date::from_ymd(2020, m, 15).french() == "15 " + months[m - 1] + " 2020");
  }
}

TEST_CASE("an unknown date prints as nothing", "[model][date]") {
  Date unknown;
  CHECK_FALSE(unknown.known());
  CHECK(unknown.iso() == "");
  CHECK(unknown.french() == "");
}

TEST_CASE("an unknown date sorts before every known date", "[model][date]") {
  Date unknown;
  CHECK(unknown < Date::from_ymd(1, 1, 1));
  CHECK(unknown < Date::from_epoch_millis(-765072000000));
  CHECK(unknown < Date::no_end());
  CHECK(unknown == Date());
  CHECK_FALSE(Date() < unknown);
  CHECK(Date::from_ymd(2013, 7, 8) > unknown);
}

TEST_CASE("known dates sort in calendar order", "[model][date]") {
  CHECK(*Date::parse("2005-08-12") < *Date::parse("2013-07-08"));
  CHECK(*Date::parse("2013-07-08") < *Date::parse("2013-07-09"));
  CHECK(*Date::parse("2013-07-31") < *Date::parse("2013-08-01"));
  CHECK(*Date::parse("2013-12-31") < *Date::parse("2014-01-01"));
  CHECK(Date::deferred() < Date::no_end());
  CHECK(*Date::parse("1969-12-31") < *Date::parse("1970-01-01"));
  CHECK(*Date::parse("2013-07-08") <= *Date::parse("2013-07-08"));
  CHECK(*Date::parse("2013-07-08") != *Date::parse("2013-07-09"));
}

TEST_CASE("a calendar day is a known date, neither 'no end' nor 'deferred'", "[model][date]") {
  CHECK(Date::parse("2013-07-08")->is_calendar_day());
  CHECK_FALSE(Date().is_calendar_day());
  CHECK_FALSE(Date::no_end().is_calendar_day());
  CHECK_FALSE(Date::deferred().is_calendar_day());
}

}  // namespace
}  // namespace legisite::date_test
