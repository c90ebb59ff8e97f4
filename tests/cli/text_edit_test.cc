// serve's first answer to an edit of texts alone (cli/text_edit.h): the edited article's pages,
// rendered from the kept model into the published site, are those a clean build of the edited
// content gives, byte for byte; only files about the whole site (search index, feeds, open data)
// wait for the whole build that follows, after which the tree equals a clean build. An edit that
// could change any other page is refused with nothing written. On the demo's R133-19 (the seed,
// ../shared/seeds/R133-19.md, in its two versions).

#include "cli/text_edit.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/build.h"
#include "support/environment.h"
#include "support/site_check.h"

namespace text_edit_test {

namespace fs = std::filesystem;
using namespace legisite;
using legisite::testing::read_file;
using legisite::testing::read_tree;
using legisite::testing::SiteFiles;
using legisite::testing::write_file;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;

/// The demo's content and theme copied to a folder of their own, built into site/ by a build that
/// keeps its model, as serve's builds do.
struct Served {
  legisite::testing::TempDir dir{"legisite-text-edit", true};
  fs::path root = dir.path;
  fs::path content, article;
  BuildOptions options;
  RebuildCaches caches;

  Served() {
    content = root / "content";
    fs::copy(kSource + "/content", content, fs::copy_options::recursive);
    fs::copy(kSource + "/themes/default", root / "theme", fs::copy_options::recursive);
    article = content /
              "code-de-la-securite-sociale/Partie Réglementaire - Décrets En Conseil D'Etat/"
              "Livre 1/Titre 3/Chapitre 3 Bis/Article R133-19/002_2013-07-08_seed.md";
    options.content = content.string();
    options.theme = (root / "theme").string();
    options.out = (root / "site").string();
    options.date = *Date::parse("2026-11-26");
    options.jobs = 2;
    Diagnostics diagnostics;
    REQUIRE(build_site(options, diagnostics, nullptr, &caches).published);
  }

  /// Replaces the first `from` of the edited version file with `to`.
  void edit(const std::string& from, const std::string& to) {
    REQUIRE(legisite::testing::replace_in_file(article, from, to));
  }

  bool show(TextEdit& shown) { return show_text_edit(options, caches, {article.string()}, shown); }

  /// A clean build of the content as it is now.
  SiteFiles clean_build() {
    BuildOptions clean = options;
    clean.out = (root / "clean").string();
    clean.clean = true;
    fs::remove_all(clean.out);
    Diagnostics diagnostics;
    REQUIRE(build_site(clean, diagnostics).published);
    return read_tree(clean.out);
  }
};

/// Files about the whole site, which the whole build that follows writes.
bool about_the_whole_site(const std::string& path) {
  return path.starts_with("recherche/") || path.starts_with(".legisite") ||
         path.ends_with("feed.xml") || path == "sitemap.xml" || path.starts_with("donnees/") ||
         path.ends_with("/articles.json");
}

/// After an edit shown at once: every file of the site equals a clean build's but for site-wide
/// ones, and those that changed are in the folders of `articles`' pages; then the whole build
/// makes the tree a clean build's. Returns how many files the edit changed.
std::size_t check_shown_as_clean(Served& s, const SiteFiles& before,
                                 const std::vector<std::string>& folders) {
  const SiteFiles patched = read_tree(s.options.out);
  const SiteFiles clean = s.clean_build();
  REQUIRE(patched.size() == clean.size());
  std::size_t changed = 0;
  for (const auto& entry : clean) {
    const std::string& path = entry.first;  // clang 14 cannot capture a structured binding
    INFO(path);
    REQUIRE(patched.count(path));
    if (patched.at(path) != entry.second) CHECK(about_the_whole_site(path));
    if (patched.at(path) != before.at(path)) {
      CHECK(std::any_of(folders.begin(), folders.end(), [&](const std::string& folder) {
        return path.find(folder) != std::string::npos;
      }));
      ++changed;
    }
  }
  Diagnostics diagnostics;
  REQUIRE(build_site(s.options, diagnostics, nullptr, &s.caches).published);
  CHECK(read_tree(s.options.out) == clean);
  return changed;
}

}  // namespace

TEST_CASE("an edit of one text alone replaces that article's pages with a clean build's at once",
          "[cli][serve]") {
  Served s;
  const SiteFiles before = read_tree(s.options.out);
  // A new alinéa, and words changed in an old one, citations left as they were.
  s.edit("sont conclues : ", "sont conclues, pour quatre ans : ");
  s.edit("caisse ou organisme.", "caisse ou organisme.\n\nUn alinéa ajouté pour l'essai.");
  TextEdit shown;
  REQUIRE(s.show(shown));
  CHECK(shown.articles == std::vector<std::string>{"R133-19"});
  CHECK(shown.pages >= 3);  // the article's page, its two versions' pages, the diff's
  CHECK(read_file(fs::path(s.options.out) / "code-de-la-securite-sociale/r133-19/index.html")
            .find("pour quatre ans") != std::string::npos);
  // Pages and their data files.
  CHECK(check_shown_as_clean(s, before, {"/r133-19/"}) >= 4);

  // The next edit is shown again, from the model the whole build kept.
  s.edit("pour quatre ans", "pour cinq ans");
  REQUIRE(s.show(shown));
  CHECK(read_tree(s.options.out).at("code-de-la-securite-sociale/r133-19/index.html") ==
        s.clean_build().at("code-de-la-securite-sociale/r133-19/index.html"));
}

TEST_CASE(
    "an edit that cites one more article also replaces that article's page, which lists who "
    "cites it",
    "[cli][serve]") {
  Served s;
  const SiteFiles before = read_tree(s.options.out);
  s.edit("sont conclues : ", "sont conclues, sous réserve de l'article L. 133-7 : ");
  TextEdit shown;
  REQUIRE(s.show(shown));
  // And the articles cited further on in that text: who cites them names the citation by its place
  // among the text's citations. Those cited before it (L133-6, L133-6-1 to L133-6-5) keep theirs.
  CHECK(shown.articles == std::vector<std::string>{"R133-19", "L213-1", "L752-4", "L133-7"});
  const std::vector<std::string> folders = {"/r133-19/", "/l133-7/", "/l213-1/", "/l752-4/"};
  CHECK(check_shown_as_clean(s, before, folders) >= 5);
  // And back: L133-7 no longer cited by R133-19.
  const SiteFiles cited = read_tree(s.options.out);
  s.edit(", sous réserve de l'article L. 133-7 : ", " : ");
  REQUIRE(s.show(shown));
  CHECK(shown.articles == std::vector<std::string>{"R133-19", "L133-7", "L213-1", "L752-4"});
  check_shown_as_clean(s, cited, folders);
  // But for the record of the sources' readings (the file's stamp changed with the text), which the
  // manifest lists.
  SiteFiles now = read_tree(s.options.out), was = before;
  for (SiteFiles* files : {&now, &was})
    for (const char* record : {".legisite-sources", ".legisite-manifest"}) files->erase(record);
  CHECK(now == was);
}

TEST_CASE("an edit that could change other pages than its article's is left to the whole build",
          "[cli][serve]") {
  Served s;
  const SiteFiles before = read_tree(s.options.out);
  TextEdit shown;
  SECTION("a citation of an article the site lacks: it would get a page of its own") {
    s.edit("sont conclues : ", "sont conclues, dans les cas de l'article L. 133-1 : ");
    CHECK_FALSE(s.show(shown));
    // The model it changed is dropped: the next edit waits for a whole build.
    CHECK_FALSE(s.caches.site);
  }
  SECTION("the front matter: dates and states are shown on other pages") {
    const std::string text = read_file(s.article);
    write_file(s.article, "---\nÉtat: VIGUEUR\n---\n" + text);
    CHECK_FALSE(s.show(shown));
  }
  SECTION("a new file, and a file of the theme") {
    write_file(s.article.parent_path() / "003_2020-01-01_0000000000.md",
               "# Article R133-19\n\nTexte nouveau.\n");
    CHECK_FALSE(show_text_edit(
        s.options, s.caches, {(s.article.parent_path() / "003_2020-01-01_0000000000.md").string()},
        shown));
    CHECK_FALSE(show_text_edit(s.options, s.caches,
                               {s.options.theme + "/templates/article.mustache"}, shown));
  }
  SECTION("a deleted file") {
    fs::remove(s.article);
    CHECK_FALSE(s.show(shown));
  }
  SECTION("after a failed build, whose site is not the content's") {
    s.caches.site.reset();
    s.edit("sont conclues : ", "sont conclues, pour quatre ans : ");
    CHECK_FALSE(s.show(shown));
  }
  CHECK(read_tree(s.options.out) == before);
}

TEST_CASE(
    "a template edited: the pages open in a browser are rendered with it at once, as a clean "
    "build of the edited theme has them, and nothing else is written",
    "[cli][serve]") {
  Served s;
  const SiteFiles before = read_tree(s.options.out);
  const fs::path footer = s.root / "theme/templates/partials/footer.mustache";
  const std::string original = read_file(footer);
  const std::vector<std::string> open = {"index.html",
                                         "code-de-la-securite-sociale/r133-19/index.html",
                                         "code-de-la-securite-sociale/r999-9/index.html"};
  std::size_t pages = 0;

  // Refused, with nothing written: a template that does not parse, a partial added (the site
  // could plan other pages), a file outside templates/, no page open.
  write_file(footer, original + "{{#unclosed}}\n");
  CHECK_FALSE(show_template_edit(s.options, s.caches, {footer.string()}, open, pages));
  write_file(footer, original + "<!-- pied de page modifié -->\n");
  const fs::path added = s.root / "theme/templates/partials/added.mustache";
  write_file(added, "<p>ajouté</p>\n");
  CHECK_FALSE(
      show_template_edit(s.options, s.caches, {footer.string(), added.string()}, open, pages));
  fs::remove(added);
  CHECK_FALSE(show_template_edit(s.options, s.caches,
                                 {footer.string(), (s.root / "theme/static/style.css").string()},
                                 open, pages));
  CHECK_FALSE(show_template_edit(s.options, s.caches, {footer.string()}, {}, pages));
  CHECK(read_tree(s.options.out) == before);

  // The open pages the site has (not r999-9) are replaced, and only they.
  REQUIRE(show_template_edit(s.options, s.caches, {footer.string()}, open, pages));
  CHECK(pages == 2);
  const SiteFiles patched = read_tree(s.options.out);
  const SiteFiles clean = s.clean_build();
  for (const auto& [path, contents] : before) {
    INFO(path);
    const bool shown = path == open[0] || path == open[1];
    CHECK(patched.at(path) == (shown ? clean.at(path) : contents));
  }
  CHECK(patched.at(open[1]).find("pied de page modifié") != std::string::npos);
  Diagnostics diagnostics;
  REQUIRE(build_site(s.options, diagnostics, nullptr, &s.caches).published);
  CHECK(read_tree(s.options.out) == clean);
}

}  // namespace text_edit_test
