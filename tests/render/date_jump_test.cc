// The "go to date" form: the theme's script (static/date-jump.js) must choose, for any day, the
// page the generator's own rules give (version_on_date for an article, the latest dated table for
// a code), from the data each page embeds; and in a browser, `?date=` must land on that page.
// Both need programs (node, chromium; scripts/deps.sh installs them): without them the tests say
// so and skip, or fail under CI=true.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "io/file_system.h"
#include "io/output_sink.h"
#include "render/law_at_date.h"
#include "render/pages.h"
#include "render/render.h"
#include "render/version_pages.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "sources/sources.h"
#include "support/environment.h"
#include "text/json_string.h"

namespace fs = std::filesystem;

namespace legisite::date_jump_test {
namespace {

// Runs a shell command, returning its exit status and standard output.
std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {-1, out};
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// A folder below the system's temporary one, removed with its contents at the end of scope.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

/// A content folder of the repository, resolved and rendered into memory.
struct Site {
  Corpus corpus;
  Diagnostics diagnostics;
  MemoryOutput out;
  SiteOptions options;

  // `every_day`: a dated table for every day a version starts or ends and the days either side.
  explicit Site(const std::string& content, bool every_day = false) {
    options.reference_date = Date::from_ymd(2026, 11, 26);
    DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/" + content);
    load_sources(files, corpus, diagnostics);
    LinkGraph graph = resolve(corpus, diagnostics);
    answer_for_date(corpus, options.reference_date, options.history);
    if (every_day) {
      options.all_toc_dates = true;
      std::set<Date> days;
      for (const Article& a : corpus.articles())
        for (const Version& v : a.versions)
          for (Date d : {v.start, v.ends_on})
            if (d.known() && !d.is_no_end() && !d.is_deferred())
              for (int delta : {-1, 0, 1}) days.insert(Date::from_days(d.days() + delta));
      options.toc_dates.assign(days.begin(), days.end());
    }
    DiskFileSystem theme_files(LEGISITE_SOURCE_DIR "/themes/default");
    auto theme = Theme::load(theme_files, diagnostics);
    REQUIRE(theme);
    render_site(corpus, graph, *theme, options, out, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
  }

  // The JSON a page embeds for its form, "" when it has none.
  std::string jump_data(const std::string& path) const {
    auto it = out.files().find(path);
    if (it == out.files().end()) return {};
    const std::string open = "<script type=\"application/json\">";
    std::size_t begin = it->second.find(open);
    if (begin == std::string::npos) return {};
    begin += open.size();
    return it->second.substr(begin, it->second.find("</script>", begin) - begin);
  }
};

Date shifted(Date d, int days) { return Date::from_days(d.days() + days); }

void add_days_around(std::set<Date>& days, Date d) {
  if (!d.known() || d.is_no_end() || d.is_deferred()) return;
  for (int delta : {-1, 0, 1}) days.insert(shifted(d, delta));
}

// One line of cases per page with a form and per day worth asking: every start and end of its
// versions (or every table date) and the days either side, and a few far ones.
std::string cases_for(Site& site, std::size_t& count) {
  std::ostringstream cases;
  std::vector<PagePlan> pages = plan_pages(site.corpus, site.diagnostics);
  plan_dated_tocs(site.corpus, site.options, pages);
  for (const PagePlan& page : pages) {
    const std::string data = site.jump_data(page.path);
    if (data.empty()) continue;
    std::set<Date> days = {Date::from_ymd(1900, 1, 1), site.options.reference_date,
                           Date::from_ymd(2100, 1, 1)};
    bool article = page.kind == PageKind::kArticle || page.kind == PageKind::kVersion;
    if (article) {
      const Article& a = site.corpus.article(page.article);
      for (const Version& v : a.versions) {
        add_days_around(days, v.start);
        add_days_around(days, v.end);
      }
      for (Date day : days) {
        VersionOnDate on = version_on_date(a, day);
        std::string expect = "none";
        if (on.standing == Standing::kInForce)
          expect = relative_href(page.path,
                                 version_page_path(site.corpus, a, version_slug(a, on.index)));
        cases << R"({"page":")" << page.path << R"(","kind":"article","data":)" << data
              << R"(,"day":")" << day.iso() << R"(","expect":")" << expect << "\"}\n";
        ++count;
      }
    } else {
      const Code& code = site.corpus.code(page.code);
      std::vector<Date> tables = dated_toc_dates(site.corpus, page.code, site.options);
      for (Date t : tables) add_days_around(days, t);
      for (Date day : days) {
        std::string expect = "none";
        for (Date t : tables)
          if (t <= day) expect = relative_href(page.path, dated_toc_path(code, t));
        cases << R"({"page":")" << page.path << R"(","kind":"code","data":)" << data
              << R"(,"day":")" << day.iso() << R"(","expect":")" << expect << "\"}\n";
        ++count;
      }
    }
  }
  return cases.str();
}

}  // namespace

TEST_CASE("the date form's script chooses the page the generator's rules give, for every day",
          "[render][date-jump][slow]") {
  if (!testing::have_program("node")) {
    testing::skip_because_missing("node (to run the date form's script)");
    return;
  }
  TempDir tmp("legisite-date-jump");
  std::size_t count = 0;
  std::string cases;
  for (const char* content : {"tests/golden/history/content", "content"}) {
    Site site(content);
    cases += cases_for(site, count);
  }
  REQUIRE(count > 200);
  std::ofstream(tmp.path / "cases.jsonl") << cases;
  auto [status, output] =
      run("node '" LEGISITE_SOURCE_DIR "/tests/render/date_jump_check.js' '" LEGISITE_SOURCE_DIR
          "/themes/default/static/date-jump.js' '" +
          (tmp.path / "cases.jsonl").string() + "' 2>&1");
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find(std::to_string(count) + " choices compared") != std::string::npos);
}

// The tables the script builds from the code's data (static/date-jump.js tableOn) must be the
// generator's dated tables, byte for byte once line breaks are set aside: compared on a table for
// every day a version starts or ends and the days either side.
TEST_CASE("the date form's script builds the table of any day as the generator does",
          "[render][date-jump][slow]") {
  if (!testing::have_program("node")) {
    testing::skip_because_missing("node (to run the date form's script)");
    return;
  }
  TempDir tmp("legisite-law-at-date");
  std::size_t tables = 0;
  for (const char* content :
       {"tests/golden/history/content", "tests/golden/deferred-states/content", "content"}) {
    Site site(content, true);
    std::string cases;
    std::string script;
    for (const auto& [path, html] : site.out.files()) {
      if (path.size() > 3 && path.substr(path.size() - 3) == ".js" &&
          path.find(kLawAtDateScript) != std::string::npos)
        script = html;
      const std::string open = "data-law-toc=\"\">";
      std::size_t begin = html.find(open);
      if (begin == std::string::npos) continue;
      begin += open.size();
      const std::string nav = html.substr(begin, html.find("</nav>", begin) - begin);
      const std::string day = path.substr(path.size() - 21, 10);  // <code>/<day>/index.html
      std::string line = "{\"day\":";
      append_json_string(line, day);
      line += ",\"nav\":";
      append_json_string(line, nav);
      cases += line + "}\n";
      ++tables;
    }
    REQUIRE_FALSE(script.empty());
    std::ofstream(tmp.path / "tables.jsonl") << cases;
    std::ofstream(tmp.path / "code.js") << script;
    auto [status, output] = run(
        "node '" LEGISITE_SOURCE_DIR "/tests/render/law_at_date_check.js' '" LEGISITE_SOURCE_DIR
        "/themes/default/static/date-jump.js' '" +
        (tmp.path / "code.js").string() + "' '" + (tmp.path / "tables.jsonl").string() + "' 2>&1");
    INFO(content << "\n" << output);
    CHECK(status == 0);
  }
  CHECK(tables > 200);
}

TEST_CASE("in a browser, ?date= lands on the page of that day or says why there is none",
          "[render][date-jump][browser][slow]") {
  if (!testing::have_program("chromium")) {
    testing::skip_because_missing("chromium (to try the date form in a browser)");
    return;
  }
  TempDir tmp("legisite-date-jump-site");
  Site site("tests/golden/history/content");
  for (const auto& [path, contents] : site.out.files()) {
    fs::create_directories((tmp.path / path).parent_path());
    std::ofstream(tmp.path / path, std::ios::binary) << contents;
  }
  TempDir profile("legisite-chromium-profile");
  // The DOM once the page's scripts (and any navigation they start) have run.
  auto dom = [&](const std::string& url) {
    auto [status, output] =
        run("chromium --headless --no-sandbox --disable-gpu --no-first-run "
            "--disable-background-networking --disable-component-update --disable-sync "
            "--user-data-dir='" +
            profile.path.string() + "' --virtual-time-budget=5000 --dump-dom '" + "file://" +
            (tmp.path / url).string() + "' 2>/dev/null");
    INFO(url << "\n" << output);
    REQUIRE(status == 0);
    return output;
  };
  const std::string code = "code-de-test-historique/";

  // L1 on 2010-01-01: its page goes to the version of 2005, which says it applied that day.
  std::string page = dom(code + "l1/index.html?date=2010-01-01");
  CHECK(page.find(
            "<h1>Article L1 <span class=\"version-label\">version du 12 août 2005</span></h1>") !=
        std::string::npos);
  CHECK(page.find("Version en vigueur le 1er janvier 2010.") != std::string::npos);
  CHECK(page.find("<form class=\"date-jump\" data-date-jump=\"article\">") != std::string::npos);

  // Transferred in 2017: no version on 2020-01-01, said on the page, with the last one linked.
  page = dom(code + "l1/index.html?date=2020-01-01");
  CHECK(page.find("<h1>Article L1</h1>") != std::string::npos);
  CHECK(page.find("Aucune version de l’article n’était en vigueur le 1er janvier 2020") !=
        std::string::npos);

  // L5 only applies from 2027.
  page = dom(code + "l5/index.html?date=2020-01-01");
  CHECK(page.find("L’article n’était pas encore en vigueur le 1er janvier 2020") !=
        std::string::npos);

  // The code on 2014-01-01, a day without a table: the table of 2013-07-08 builds that day's.
  page = dom(code + "index.html?date=2014-01-01");
  CHECK(page.find("Table des matières au <time datetime=\"2014-01-01\" data-law-day=\"\">1er "
                  "janvier 2014</time>") != std::string::npos);
  CHECK(page.find("Table établie dans votre navigateur pour le 1er janvier 2014") !=
        std::string::npos);
}

}  // namespace legisite::date_jump_test
