#include "sources/commit_log.h"

#include <catch2/catch.hpp>

namespace commit_log_test {

using namespace legisite;

namespace {

/// A log read from a string, with what it reported.
struct Read {
  CommitLog log;
  bool ok = false;
  std::string reported;
};

Read read(std::string_view text) {
  Read r;
  Diagnostics diagnostics;
  r.ok = read_commit_log(text, "commits.jsonl", r.log, diagnostics);
  r.reported = format_all(diagnostics);
  return r;
}

}  // namespace

TEST_CASE("a commit gives its date, message and changes", "[commit_log]") {
  Read r =
      read(R"({"sha": "AA2F1922BA0123", "author_date": "2013-07-08", "commit_date": "2013-07-10", )"
           R"("author": "République Française", "message": "Décret N°2013-597 Du 8 Juillet 2013 - )"
           R"(Art. 1", "changes": [{"status": "M", "path": "Code/Livre 1/Article R133-19.md"}, )"
           R"({"status": "D", "path": "Code/Livre 1/Article R133-20.md"}]})"
           "\n");
  CHECK(r.reported == "");
  CHECK(r.ok);
  REQUIRE(r.log.commits().size() == 1);
  const HistoryCommit& c = r.log.commits()[0];
  CHECK(c.sha == "aa2f1922ba0123");              // ids are matched lower-case
  CHECK(c.date == Date::from_ymd(2013, 7, 10));  // the commit date, not the author date
  CHECK_FALSE(c.date_from_message);
  CHECK(c.message == "Décret N°2013-597 Du 8 Juillet 2013 - Art. 1");
  CHECK(c.line == 1);
  REQUIRE(r.log.changes().size() == 2);
  CHECK(r.log.changes()[0].kind == HistoryChangeKind::kModified);
  CHECK(r.log.changes()[0].article_path == "Code/Livre 1/Article R133-19");
  CHECK(r.log.changes()[1].kind == HistoryChangeKind::kDeleted);
}

TEST_CASE("a version file finds the commit that wrote it by its short sha and folder",
          "[commit_log]") {
  Read r = read(
      R"({"sha": "7bf0eb739c55", "commit_date": "2005-08-12", "message": "a", "changes": )"
      R"([{"status": "A", "path": "C/Article R1.md"}]})"
      "\n"
      R"({"sha": "aa2f1922ba77", "commit_date": "2013-07-10", "message": "b", "changes": )"
      R"([{"status": "M", "path": "C/Article R1.md"}, {"status": "A", "path": "C/Article R2.md"}]})"
      "\n"
      // A log may also name the version files themselves.
      R"({"sha": "cccccccccc99", "commit_date": "2014-01-01", "message": "c", "changes": )"
      R"([{"status": "A", "path": "C/Article R3/001_2013-12-30_cccccccccc.md"}]})"
      "\n");
  CHECK(r.reported == "");
  CHECK(r.log.commit_of_version("C/Article R1/001_2005-08-12_7bf0eb739c.md") == 0u);
  CHECK(r.log.commit_of_version("C/Article R1/002_2013-07-08_aa2f1922ba.md") == 1u);
  CHECK(r.log.commit_of_version("C/Article R2/001_2013-07-08_aa2f1922ba.md") == 1u);
  CHECK(r.log.commit_of_version("C/Article R3/001_2013-12-30_cccccccccc.md") == 2u);
  // Right commit, wrong article; unknown commit; an id that is no commit id; a name without one.
  CHECK_FALSE(r.log.commit_of_version("C/Article R2/001_2005-08-12_7bf0eb739c.md"));
  CHECK_FALSE(r.log.commit_of_version("C/Article R1/003_2013-07-08_0000000000.md"));
  CHECK_FALSE(r.log.commit_of_version("C/Article R1/002_2013-07-08_seed.md"));
  CHECK_FALSE(r.log.commit_of_version("C/Article R1.md"));
}

TEST_CASE("a commit date clamped to 1970-01-01 gives way to the message's first date",
          "[commit_log]") {
  Read r = read(
      R"({"sha": "a1", "commit_date": "1970-01-01", "message": "Décret 61-28 1961-01-11 Art. 1 )"
      R"(Jorf 12 Janvier 1961", "changes": []})"
      "\n"
      R"({"sha": "a2", "commit_date": "1970-01-01", "message": "Ordonnance N°67-706 Du )"
      R"(21 Août 1967", "changes": []})"
      "\n"
      R"({"sha": "a3", "commit_date": "1970-01-01", "message": "Modification de source inconnue", )"
      R"("changes": []})"
      "\n");
  CHECK(r.reported ==
        "commits.jsonl:3:1: warning: commit a3: commit_date 1970-01-01 may stand for an earlier "
        "date, and the message gives none; 1970-01-01 is used\n"
        "    {\"sha\": \"a3\", \"commit_date\": \"1970-01-01\", \"message\": \"Modification de "
        "source inconnue\", \"changes\": []}\n"
        "    ^\n");
  REQUIRE(r.log.commits().size() == 3);
  CHECK(r.log.commits()[0].date == Date::from_ymd(1961, 1, 11));
  CHECK(r.log.commits()[0].date_from_message);
  CHECK(r.log.commits()[1].date == Date::from_ymd(1967, 8, 21));
  // Nothing better to go by: the date stays.
  CHECK(r.log.commits()[2].date == Date::from_ymd(1970, 1, 1));
  CHECK_FALSE(r.log.commits()[2].date_from_message);
}

TEST_CASE("the first ISO or French date of a message is found", "[commit_log]") {
  CHECK(first_date_in_message("Décret N°2013-597 Du 8 Juillet 2013 - Art. 1") ==
        Date::from_ymd(2013, 7, 8));
  CHECK(first_date_in_message("Loi 1er janvier 1961 puis 1962-02-03") ==
        Date::from_ymd(1961, 1, 1));
  CHECK(first_date_in_message("Décret 61-28 1961-01-11 Art. 1 Jorf 12 Janvier 1961") ==
        Date::from_ymd(1961, 1, 11));
  CHECK(first_date_in_message("Arrêté du 3 décembre 1958") == Date::from_ymd(1958, 12, 3));
  CHECK(first_date_in_message("Loi du 15 AOÛT 1945") == Date::from_ymd(1945, 8, 15));
  // Not dates: a decree number, a month without a year, a day that does not exist.
  CHECK_FALSE(first_date_in_message("Décret 2013-597 Art. 1"));
  CHECK_FALSE(first_date_in_message("le 8 juillet"));
  CHECK_FALSE(first_date_in_message("31 février 2013"));
  CHECK_FALSE(first_date_in_message("12013-07-08"));
}

TEST_CASE("a bad line of the log is reported at its line and the others still load",
          "[commit_log]") {
  Read r = read(
      R"({"sha": "a1", "commit_date": "2001-01-01", "message": "ok", "changes": []})"
      "\n"
      R"({"sha": "a2", "commit_date": "2001-01-02", "changes": [})"
      "\n"
      "\n"
      R"({"sha": "a3", "changes": []})"
      "\n"
      R"({"sha": "a4", "commit_date": "2001-13-01", "changes": []})"
      "\n"
      R"({"commit_date": "2001-01-03", "changes": []})"
      "\n"
      R"({"sha": "a5", "commit_date": "2001-01-04", "changes": [{"status": "R", "path": "x"}]})"
      "\n");
  CHECK_FALSE(r.ok);
  CHECK(r.reported ==
        "commits.jsonl:2:56: error: not valid JSON: invalid value; this commit is ignored\n"
        "    {\"sha\": \"a2\", \"commit_date\": \"2001-01-02\", \"changes\": [}\n"
        "                                                           ^\n"
        "commits.jsonl:4:1: error: commit a3 has no \"commit_date\" string; this commit is "
        "ignored\n"
        "    {\"sha\": \"a3\", \"changes\": []}\n"
        "    ^\n"
        "commits.jsonl:5:1: error: commit a4: commit_date '2001-13-01' is not a YYYY-MM-DD "
        "date; this commit is ignored\n"
        "    {\"sha\": \"a4\", \"commit_date\": \"2001-13-01\", \"changes\": []}\n"
        "    ^\n"
        "commits.jsonl:6:1: error: commit without a \"sha\" string; this commit is ignored\n"
        "    {\"commit_date\": \"2001-01-03\", \"changes\": []}\n"
        "    ^\n"
        "commits.jsonl:7:1: warning: commit a5: a change without status A, M or D is ignored\n"
        "    {\"sha\": \"a5\", \"commit_date\": \"2001-01-04\", \"changes\": [{\"status\": \"R\", "
        "\"path\": \"x\"}]}\n"
        "    ^\n");
  REQUIRE(r.log.commits().size() == 2);
  CHECK(r.log.commits()[0].sha == "a1");
  CHECK(r.log.commits()[1].sha == "a5");
  CHECK(r.log.changes().empty());
}

TEST_CASE("a line nested a million levels deep is read without exhausting the stack",
          "[commit_log]") {
  const std::string open(1000000, '['), close(1000000, ']');
  // Well-formed: the commit is read, the unknown member ignored.
  Read deep = read(R"({"sha": "b1", "commit_date": "2001-01-01", "changes": [], "x": )" + open +
                   close + "}\n");
  CHECK(deep.reported == "");
  CHECK(deep.ok);
  REQUIRE(deep.log.commits().size() == 1);
  CHECK(deep.log.commits()[0].sha == "b1");
  // Never closed: an error naming the file and line, and the next line still loads.
  Read bad = read(R"({"sha": "b2", "commit_date": "2001-01-01", "changes": [], "x": )" + open +
                  "\n" + R"({"sha": "b3", "commit_date": "2001-01-02", "changes": []})" + "\n");
  CHECK_FALSE(bad.ok);
  CHECK(bad.reported.starts_with("commits.jsonl:1:"));
  CHECK(bad.reported.find(": error: not valid JSON: ") != std::string::npos);
  REQUIRE(bad.log.commits().size() == 1);
  CHECK(bad.log.commits()[0].sha == "b3");
}

}  // namespace commit_log_test
