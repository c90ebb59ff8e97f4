// The static search (README "Search"): every page carries the search box, the index lists
// every article page, and the theme's script (static/search.js) cuts, folds and keys text
// exactly as the generator's search_terms and article_number_key do, on the same vectors.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "digest/digest.h"
#include "io/file_system.h"
#include "io/output_sink.h"
#include "render/law_at_date.h"
#include "render/pages.h"
#include "render/render.h"
#include "render/search_index.h"
#include "render/text_pages.h"
#include "render/view.h"
#include "render/view_model.h"
#include "resolve/history.h"
#include "resolve/resolve.h"
#include "sources/sources.h"
#include "support/environment.h"
#include "text/json_string.h"
#include "text/search_terms.h"
#include "text/visible_text.h"

namespace legisite::search_test {
namespace {

/// A content folder of the repository, resolved and rendered into memory.
struct Site {
  Corpus corpus;
  Diagnostics diagnostics;
  MemoryOutput out;
  SiteOptions options;
  LinkGraph graph;

  explicit Site(const std::string& content) {
    options.reference_date = Date::from_ymd(2026, 11, 26);
    options.toc_dates = {Date::from_ymd(2020, 1, 1)};
    options.toc_split = 100;  // the demo's table (136 articles) gets a page per Livre
    DiskFileSystem files(std::string(LEGISITE_SOURCE_DIR) + "/" + content);
    load_sources(files, corpus, diagnostics);
    graph = resolve(corpus, diagnostics);
    answer_for_date(corpus, options.reference_date, options.history);
    DiskFileSystem theme_files(LEGISITE_SOURCE_DIR "/themes/default");
    auto theme = Theme::load(theme_files, diagnostics);
    REQUIRE(theme);
    render_site(corpus, graph, *theme, options, out, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
  }

  const std::string& file(const std::string& path) const {
    static const std::string kNone;
    auto it = out.files().find(path);
    return it == out.files().end() ? kNone : it->second;
  }

  /// The data of a shard of the index (the JSON inside legisiteSearch.shard(name, …)).
  rapidjson::Document shard(const std::string& path) const {
    const std::string& js = file(path);
    rapidjson::Document d;
    std::size_t comma = js.find(',');
    std::size_t end = js.rfind(')');
    REQUIRE(comma != std::string::npos);
    REQUIRE(end != std::string::npos);
    d.Parse(js.substr(comma + 1, end - comma - 1).c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
  }
};

std::vector<PagePlan> all_pages(const Site& site) {
  Diagnostics ignored;
  std::vector<PagePlan> pages = plan_pages(site.corpus, ignored);
  plan_table_parts(site.corpus, index_site(site.corpus, site.options.toc_split), pages);
  plan_dated_tocs(site.corpus, site.options, pages);
  plan_text_pages(site.graph, site.options, pages);
  pages.push_back({PageKind::kSearch, CodeId(), ArticleId(), search_page_path()});
  pages.push_back({PageKind::kNotFound, CodeId(), ArticleId(), "404.html"});
  return pages;
}

// Five articles of about 250 kB of text each, so that the index cuts their texts into three
// runs (a run closes past 400 kB): the first two articles, the next two, the last. `fourth` is
// the fourth article's word.
Corpus five_long_articles(const std::string& fourth) {
  Corpus corpus;
  Diagnostics d;
  for (int i = 1; i <= 5; ++i) {
    ArticleRecord r;
    r.code_title = "Code de la sécurité sociale";
    r.section_path = {{"Partie législative", "", -1}};
    r.number = ArticleNumber("L" + std::to_string(i));
    r.version.start = Date::from_ymd(2010, 1, 1);
    r.version.end = Date::no_end();
    r.version.status = ArticleStatus::kVigueur;
    r.version.has_text = true;
    std::string word = i == 4 ? fourth : "mot" + std::to_string(i);
    r.version.text_html = "<p>";
    for (int n = 0; n < 45000; ++n) r.version.text_html += word + std::to_string(n % 7) + " ";
    r.version.text_html += "</p>";
    add_record(corpus, std::move(r), d);
  }
  resolve(corpus, d);
  answer_for_date(corpus, Date::from_ymd(2026, 11, 26), false);
  REQUIRE_FALSE(d.has_errors());
  return corpus;
}

// Stands for SiteFingerprints::articles: one digest per article, of its text.
std::vector<Digest> text_digests(const Corpus& corpus) {
  std::vector<Digest> out;
  for (const Article& a : corpus.articles()) out.push_back(digest_of(a.versions[0].text_html));
  return out;
}

}  // namespace

TEST_CASE("a build over the site makes again only the shards of texts whose articles changed",
          "[render][search][incremental]") {
  SiteOptions options;
  options.reference_date = Date::from_ymd(2026, 11, 26);
  const Corpus before = five_long_articles("avant");
  const std::vector<Digest> before_digests = text_digests(before);
  std::map<std::string, Digest> recorded;
  const SearchReuse first{before_digests, [](const std::string&, const Digest&) { return false; }};
  for (const SearchFile& f : search_index_files(before, options, &first)) {
    CHECK_FALSE(f.kept);
    if (f.inputs) recorded.emplace(f.path, *f.inputs);
  }
  const std::string texts = "recherche/code-de-la-securite-sociale-texte-";
  CHECK(recorded.size() == 6);  // three runs, each as terms and as texts
  REQUIRE(recorded.count(texts + "2.js") == 1);

  // The fourth article's text changed: its run is made again, the others are kept.
  const Corpus after = five_long_articles("apres");
  const std::vector<Digest> after_digests = text_digests(after);
  std::set<std::string> asked;
  const SearchReuse second{after_digests, [&](const std::string& path, const Digest& inputs) {
                             asked.insert(path);
                             auto it = recorded.find(path);
                             return it != recorded.end() && it->second == inputs;
                           }};
  std::set<std::string> made, kept;
  std::map<std::string, std::string> contents;
  for (SearchFile& f : search_index_files(after, options, &second)) {
    if (!f.inputs) continue;
    (f.kept ? kept : made).insert(f.path);
    if (f.kept) CHECK(f.contents.empty());
    contents[f.path] = std::move(f.contents);
  }
  CHECK(asked.size() == 6);
  CHECK(made == std::set<std::string>{texts + "1.js", texts + "mots-1.js"});
  CHECK(kept.size() == 4);
  // What it made is what a build without a published site makes, the new words included.
  for (const SearchFile& f : search_index_files(after, options))
    if (made.count(f.path)) CHECK(contents[f.path] == f.contents);
  CHECK(contents[texts + "mots-1.js"].find(" apres0 ") != std::string::npos);
}

TEST_CASE("every kind of page carries the search box, leading to the search page",
          "[render][search]") {
  std::set<PageKind> seen;
  for (const char* content : {"content", "tests/golden/history/content"}) {
    Site site(content);
    for (const PagePlan& page : all_pages(site)) {
      const std::string& html = site.file(page.path);
      INFO(page.path);
      REQUIRE_FALSE(html.empty());
      // Hidden until the script runs: without JavaScript there is no box that cannot work.
      CHECK(html.find("<form class=\"site-search\" role=\"search\" action=\"") !=
            std::string::npos);
      CHECK(html.find("\" hidden=\"hidden\">") != std::string::npos);
      CHECK(html.find("search.js\" defer=\"defer\"></script>") != std::string::npos);
      const std::string to_search = page.kind == PageKind::kNotFound
                                        ? "/" + search_page_path()
                                        : relative_href(page.path, search_page_path());
      CHECK(html.find("action=\"" + to_search + "\"") != std::string::npos);
      seen.insert(page.kind);
    }
  }
  CHECK(seen.size() == static_cast<std::size_t>(PageKind::kNotFound) + 1);
}

TEST_CASE("the search page says that search needs JavaScript when it is off", "[render][search]") {
  Site site("content");
  const std::string& html = site.file(search_page_path());
  CHECK(html.find("<noscript><p class=\"notice notice-no-script\" role=\"note\">La recherche a "
                  "besoin de JavaScript") != std::string::npos);
  CHECK(html.find("<form class=\"search-form\" role=\"search\" data-search-page=\"\" "
                  "hidden=\"hidden\">") != std::string::npos);
  CHECK(html.find("<option value=\"code-de-la-securite-sociale\">Code de la sécurité "
                  "sociale</option>") != std::string::npos);
}

TEST_CASE("the search index lists every article page, with its state and text",
          "[render][search]") {
  for (const char* content : {"content", "tests/golden/history/content"}) {
    Site site(content);
    std::set<std::string> pages, indexed;
    for (const PagePlan& page : all_pages(site))
      if (page.kind == PageKind::kArticle) pages.insert(page.path);
    rapidjson::Document index = site.shard("recherche/index.js");
    std::size_t versions = 0, version_pages = 0;
    for (const auto& code : index["codes"].GetArray()) {
      const std::string slug = code["slug"].GetString();
      rapidjson::Document arts = site.shard("recherche/" + slug + "-articles.js");
      for (const auto& a : arts["articles"].GetArray()) {
        indexed.insert(slug + "/" + a[1].GetString() + "/index.html");
        CHECK(index["states"].HasMember(a[2].GetString()));
        CHECK(std::string(a[4].GetString()) == article_number_key(a[0].GetString()));
      }
      // One text per article, in the same order, its terms those of the article page's text.
      std::size_t texts = 0;
      for (std::size_t k = 0; k < code["texte"].Size(); ++k) {
        const std::string n = std::to_string(k);
        rapidjson::Document words = site.shard("recherche/" + slug + "-texte-mots-" + n + ".js");
        rapidjson::Document plain = site.shard("recherche/" + slug + "-texte-" + n + ".js");
        CHECK(words["from"].GetUint() == texts);
        REQUIRE(words["terms"].Size() == plain["texts"].Size());
        texts += words["terms"].Size();
      }
      CHECK(texts == arts["articles"].Size());
      for (std::size_t k = 0; k < code["versions"].Size(); ++k) {
        rapidjson::Document words =
            site.shard("recherche/" + slug + "-versions-mots-" + std::to_string(k) + ".js");
        for (const auto& v : words["versions"].GetArray()) {
          const auto& a = arts["articles"][v[0].GetUint()];
          const std::string page =
              slug + "/" + a[1].GetString() + "/" + v[1].GetString() + "/index.html";
          CHECK_FALSE(site.file(page).empty());
          ++versions;
        }
      }
    }
    for (const PagePlan& page : all_pages(site))
      if (page.kind == PageKind::kVersion &&
          site.corpus.article(page.article).versions[page.version].has_text)
        ++version_pages;
    CHECK(indexed == pages);
    // Every version page with a text is searchable: as its article's text or as an older one.
    CHECK(versions > 0);
    CHECK(versions <= version_pages);
  }
}

TEST_CASE("the search script folds, cuts and keys text exactly as the generator does",
          "[render][search][slow]") {
  if (!testing::have_program("node")) {
    testing::skip_because_missing("node (to run the search script)");
    return;
  }
  Site site("content");
  std::vector<std::string> texts = {"Sécurité SOCIALE",
                                    "œuvre Œuvre oeuvre",
                                    "cæcum Æ",
                                    "Straße",
                                    "l’État, « dès » 1er",
                                    "Les cotisations sociales",
                                    "sociaux bureaux eaux",
                                    "R. 133-19",
                                    "art. R133-19",
                                    "Article R 133‑19",
                                    "L 133-6",
                                    "R*133-2",
                                    "L133-6 bis",
                                    "LO. 111-3",
                                    "artisans",
                                    "Ωmega ā İ K",
                                    "ÀÂÄàâäÇçÉÈÊËéèêëÎÏîïÔÖôöÙÛÜùûüŸÿ",
                                    "ÁÃÅáãåÍÌíìÑñÓÒÕØóòõøÚúÝý",
                                    "Ð ð Þ þ × ÷ µ ª º",
                                    "",
                                    "   ",
                                    "x-y–z—w−v",
                                    "\"interlocuteur social unique\"",
                                    "prix cas aux fois"};
  // Real texts: every text the demo's search index holds, and every section title.
  for (const Article& a : site.corpus.articles())
    for (const Version& v : a.versions)
      if (v.has_text) texts.push_back(visible_text(v.text_html));
  for (const Section& s : site.corpus.sections()) texts.push_back(s.title);
  for (const Article& a : site.corpus.articles()) texts.push_back(a.number.text());

  std::string cases;
  for (const std::string& text : texts) {
    cases += "{\"text\":";
    append_json_string(cases, text);
    cases += ",\"terms\":[";
    bool first = true;
    for (const std::string& t : search_terms(text)) {
      if (!first) cases += ",";
      first = false;
      append_json_string(cases, t);
    }
    cases += "],\"key\":";
    append_json_string(cases, article_number_key(text));
    cases += "}\n";
  }
  testing::TempDir tmp("legisite-search-fold");
  std::ofstream(tmp.path / "cases.jsonl") << cases;
  std::ofstream(tmp.path / "index.js") << site.file("recherche/index.js");
  testing::ProcessResult r = testing::run_command(
      "node " + testing::shell_quote(LEGISITE_SOURCE_DIR "/tests/render/search_check.js") + " " +
      testing::shell_quote(LEGISITE_SOURCE_DIR "/themes/default/static/search.js") + " " +
      testing::shell_quote((tmp.path / "index.js").string()) + " " +
      testing::shell_quote((tmp.path / "cases.jsonl").string()));
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find(std::to_string(texts.size()) + " texts compared, 0 differ") !=
        std::string::npos);
}

}  // namespace legisite::search_test
