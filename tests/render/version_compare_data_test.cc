// "Comparer deux versions" (render/version_compare.h): an article page with three texts or more
// gets the hidden form and, beside it, versions.js with every text, the versions' labels, pages
// and diff bases, and the citations' links with offsets in UTF-16 code units (what the browser's
// script counts); an article with fewer texts gets neither; the file is the same for any -j.

#include <catch2/catch.hpp>
#include <string>

#include "io/file_system.h"
#include "io/output_sink.h"
#include "model/model.h"
#include "render/render.h"
#include "render/version_compare.h"
#include "resolve/history.h"
#include "resolve/resolve.h"

namespace legisite::version_compare_data_test {
namespace {

const char* const kCss = "Code de la sécurité sociale";
const std::vector<SectionRef> kChapter = {{"Partie réglementaire", "", -1}, {"Livre 1", "", -1}};

void add(Corpus& corpus, Diagnostics& d, const char* number, const char* start, const char* end,
         std::string text) {
  ArticleRecord r;
  r.code_title = kCss;
  r.section_path = kChapter;
  r.number = ArticleNumber(number);
  r.version.start = *Date::parse(start);
  r.version.end = end ? *Date::parse(end) : Date::no_end();
  r.version.status = end ? ArticleStatus::kModifie : ArticleStatus::kVigueur;
  r.version.has_text = !text.empty();
  r.version.text_html = std::move(text);
  r.version.origin = {std::string("content/") + number + "-" + start + ".md", 1, 1};
  add_record(corpus, std::move(r), d);
}

std::map<std::string, std::string> render(std::size_t jobs) {
  Corpus corpus;
  Diagnostics diagnostics;
  add(corpus, diagnostics, "R1", "2000-01-01", "2010-01-01", "<p>Un été.</p>");
  add(corpus, diagnostics, "R1", "2010-01-01", "2020-01-01", "<p>Deux, voir l’article R2.</p>");
  add(corpus, diagnostics, "R1", "2015-01-01", "2020-01-01", "");  // no text: not listed
  add(corpus, diagnostics, "R1", "2020-01-01", nullptr,
      "<p>Trois \U0001D538 voir l’article R2.</p>");
  add(corpus, diagnostics, "R2", "2000-01-01", "2010-01-01", "<p>Un.</p>");
  add(corpus, diagnostics, "R2", "2010-01-01", nullptr, "<p>Deux.</p>");
  LinkGraph graph = resolve(corpus, diagnostics);
  SiteOptions options;
  options.jobs = jobs;
  options.reference_date = Date::from_ymd(2026, 11, 26);
  answer_for_date(corpus, options.reference_date, options.history);
  DiskFileSystem files(LEGISITE_SOURCE_DIR "/themes/default");
  auto theme = Theme::load(files, diagnostics);
  REQUIRE(theme);
  MemoryOutput out;
  render_site(corpus, graph, *theme, options, out, diagnostics);
  return out.files();
}

TEST_CASE("an article with three texts gets the compare form and its versions.js", "[render]") {
  const auto files = render(1);
  const std::string dir = "code-de-la-securite-sociale/";
  REQUIRE(files.count(dir + "r1/versions.js") == 1);
  CHECK(files.count(dir + "r2/versions.js") == 0);  // two texts: its diff page says it all
  const std::string& script = files.at(dir + "r1/versions.js");
  INFO(script);
  CHECK(script.rfind("legisiteVersions({\"versions\":[", 0) == 0);
  CHECK(script.substr(script.size() - 3) == ");\n");
  // Oldest first, the one without text left out; each with its page and its diff page's base.
  CHECK(script.find("{\"label\":\"version du 1er janvier 2000\",\"href\":\"2000-01-01/"
                    "index.html\",\"base\":-1,") != std::string::npos);
  CHECK(script.find("{\"label\":\"version du 1er janvier 2010\",\"href\":\"2010-01-01/"
                    "index.html\",\"base\":0,") != std::string::npos);
  CHECK(script.find("{\"label\":\"version du 1er janvier 2020\",\"href\":\"2020-01-01/"
                    "index.html\",\"base\":1,") != std::string::npos);
  CHECK(script.find("2015-01-01") == std::string::npos);
  CHECK(script.find("\"text\":\"<p>Un été.</p>\"") != std::string::npos);
  // "R2" starts at UTF-16 offset 24 of the second text (’ is one unit, three bytes), at 27 of
  // the third (𝔸 is two units, four bytes); links lead where the version's page leads (the
  // version of R2 in force on the version's first day), from the article page's folder.
  CHECK(script.find("\"links\":[[24,26,\"../r2/2010-01-01/index.html\",\"Article R2, version en "
                    "vigueur le 1er janvier 2010\",0]]") != std::string::npos);
  CHECK(script.find("\"links\":[[27,29,\"../r2/2010-01-01/index.html\",\"Article R2, version en "
                    "vigueur le 1er janvier 2020\",0]]") != std::string::npos);

  const std::string& page = files.at(dir + "r1/index.html");
  CHECK(page.find("<section class=\"version-compare\" aria-labelledby=\"comparer\" "
                  "data-versions=\"versions.js\" data-static=\"../../static/\" "
                  "hidden=\"hidden\">") != std::string::npos);
  // Newest first, as the versions table; the oldest and the newest chosen.
  CHECK(page.find("<option value=\"2\" selected=\"selected\">du 1er janvier 2020</option>") !=
        std::string::npos);
  CHECK(page.find("<option value=\"0\" selected=\"selected\">du 1er janvier 2000 au 1er janvier "
                  "2010</option>") != std::string::npos);
  CHECK(files.at(dir + "r2/index.html").find("version-compare") == std::string::npos);
  CHECK(utf16_length("l’\U0001D538") == 4);
}

TEST_CASE("versions.js does not depend on how many threads render it", "[render]") {
  const auto one = render(1);
  const auto three = render(3);
  const std::string path = "code-de-la-securite-sociale/r1/versions.js";
  REQUIRE(one.count(path) == 1);
  CHECK(one.at(path) == three.at(path));
}

}  // namespace
}  // namespace legisite::version_compare_data_test
