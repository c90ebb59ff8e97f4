// Incremental publishing: a build over a published site links every file whose bytes did not
// change (same inode, same mtime) and writes the others; the tree is always byte-identical to a
// clean build of the same content (--clean, into a fresh folder), whatever the edit. The folders
// go to /dev/shm when it exists: each step replaces a whole site, which a disk mounted with
// `discard` takes seconds to delete.

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "cli/build.h"
#include "cli/text_edit.h"
#include "support/environment.h"
#include "support/site_check.h"

namespace incremental_test {

namespace fs = std::filesystem;
using namespace legisite;
using legisite::testing::read_tree;
using legisite::testing::SiteFiles;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;

/// A folder for whole sites, in memory when it can be.
struct WorkDir : legisite::testing::TempDir {
  explicit WorkDir(const std::string& name) : TempDir("legisite-" + name, true) {}
};

using legisite::testing::read_file;
using legisite::testing::replace_in_file;
using legisite::testing::write_file;

/// Each file's identity on disk: a file linked from the previous site keeps both.
struct Identity {
  ino_t inode = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const Identity&) const = default;
};

std::map<std::string, Identity> identities(const fs::path& root) {
  std::map<std::string, Identity> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    struct stat st;
    REQUIRE(::stat(entry.path().c_str(), &st) == 0);
    out[entry.path().lexically_relative(root).string()] = {
        st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

/// The paths where two trees differ (a file in one only, or other bytes), compared one file at a
/// time: a history site is too big to hold twice in memory.
std::vector<std::string> tree_differences(const fs::path& a, const fs::path& b) {
  auto files = [](const fs::path& root) {
    std::set<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(root))
      if (entry.is_regular_file()) out.insert(entry.path().lexically_relative(root).string());
    return out;
  };
  const std::set<std::string> in_a = files(a), in_b = files(b);
  std::vector<std::string> out;
  for (const std::string& path : in_a)
    if (!in_b.count(path) || read_file(a / path) != read_file(b / path)) out.push_back(path);
  for (const std::string& path : in_b)
    if (!in_a.count(path)) out.push_back(path);
  return out;
}

/// The demo project: a copy of content/ and of the theme, built into site/.
struct Project {
  WorkDir dir{"incremental"};
  fs::path content = dir.path / "content";
  fs::path theme = dir.path / "theme";
  fs::path code = content / "code-de-la-securite-sociale";
  BuildOptions options;

  explicit Project(const fs::path& from = kSource + "/content") {
    fs::copy(from, content, fs::copy_options::recursive);
    fs::copy(kSource + "/themes/default", theme, fs::copy_options::recursive);
    options.content = content.string();
    options.theme = theme.string();
    options.out = (dir.path / "site").string();
    options.date = *Date::parse("2026-11-26");
    options.jobs = 2;
  }

  /// Builds over the published site, then cleanly into a fresh folder, and checks that the two
  /// trees are identical and that exactly the files whose bytes changed were written.
  void build_and_compare(const std::string& step) {
    INFO("step: " << step);
    SiteFiles before_files = fs::exists(options.out) ? read_tree(options.out) : SiteFiles{};
    auto before =
        fs::exists(options.out) ? identities(options.out) : std::map<std::string, Identity>{};
    Diagnostics incremental_diagnostics, clean_diagnostics;
    BuildReport report = build_site(options, incremental_diagnostics);
    REQUIRE(report.published);

    BuildOptions clean = options;
    clean.out = (dir.path / "clean").string();
    clean.clean = true;
    fs::remove_all(clean.out);
    REQUIRE(build_site(clean, clean_diagnostics).published);
    SiteFiles after_files = read_tree(options.out);
    REQUIRE(after_files == read_tree(clean.out));
    CHECK(format_all(incremental_diagnostics) == format_all(clean_diagnostics));

    std::size_t written = 0, unchanged = 0, deleted = 0;
    auto after = identities(options.out);
    for (const auto& [path, contents] : after_files) {
      INFO(path);
      if (path == ".legisite-manifest") continue;  // bookkeeping, written anew by every build
      auto old = before_files.find(path);
      if (old != before_files.end() && old->second == contents) {
        CHECK(after.at(path) == before.at(path));  // same inode, same mtime
        ++unchanged;
      } else {
        if (before.count(path)) CHECK(after.at(path).inode != before.at(path).inode);
        ++written;
      }
    }
    for (const auto& [path, contents] : before_files)
      if (!after_files.count(path)) ++deleted;
    CHECK(report.files_written == written);
    CHECK(report.files_unchanged == unchanged);
    CHECK(report.files_deleted == deleted);
    CHECK(report.pages_rendered + report.pages_carried == report.pages);
    last_report = report;
    last_written = written;
    last_deleted = deleted;
    last_rendered = report.pages_rendered;
    last_pages = report.pages;
    written_paths.clear();
    for (const auto& [path, contents] : after_files) {
      auto old = before_files.find(path);
      if (old == before_files.end() || old->second != contents) written_paths.insert(path);
    }
  }
  BuildReport last_report;
  std::size_t last_written = 0, last_deleted = 0, last_rendered = 0, last_pages = 0;
  std::set<std::string> written_paths;  // new files, or files whose bytes changed
};

/// Starts the program building `options` in a child process, its output thrown away; returns
/// its pid.
pid_t start_build(const BuildOptions& options) {
  pid_t pid = legisite::testing::fork_for_exec();
  if (pid != 0) return pid;
  int null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, 1);
  ::dup2(null, 2);
  const char* program = LEGISITE_PROGRAM;
  ::execl(program, program, "build", "--content", options.content.c_str(), "--theme",
          options.theme.c_str(), "--out", options.out.c_str(), "--date", "2026-11-26",
          static_cast<char*>(nullptr));
  ::_exit(127);
}

}  // namespace

TEST_CASE("a build over its site reads only the source files whose stamp changed",
          "[build][incremental]") {
  Project p;
  // A stamp is trusted for a file left alone a second before a build started reading.
  const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  std::size_t layout_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(p.content)) {
    if (!entry.is_regular_file()) continue;
    fs::last_write_time(entry.path(), hour_ago);
    if (entry.path().filename() == "_index.md") ++layout_files;
  }
  p.build_and_compare("first build");
  const std::size_t all = p.last_report.source_files;
  CHECK(p.last_report.source_files_unchanged == 0);
  REQUIRE(p.written_paths.count(".legisite-sources") == 1);

  // Nothing changed: only the files every load reads (the _index.md files, which place the
  // articles) are read.
  p.build_and_compare("nothing changed");
  const std::size_t always = p.last_report.source_files;
  CHECK(always == layout_files);
  CHECK(p.last_report.source_files_unchanged == all - always);
  CHECK(p.last_written == 0);

  // One version file edited: it is read too, and the site still equals a clean build's.
  const fs::path version = p.code /
                           "Partie Législative/Livre 7/Titre 5/Chapitre 2/Article L752-4/"
                           "002_2004-12-21_384a575080.md";
  write_file(version, read_file(version) + "\nUn alinéa ajouté.\n");
  p.build_and_compare("one version's text changed");
  CHECK(p.last_report.source_files == always + 1);
  CHECK(p.last_report.source_files_unchanged == all - always - 1);
  CHECK(p.written_paths.count(".legisite-sources") == 1);
}

TEST_CASE("a build over its site reads only the LEGI XML files whose stamp changed",
          "[build][incremental]") {
  // Three formats in one content tree: a JSON dump, LEGI XML files and Markdown files.
  Project p(kSource + "/tests/golden/mixed/content");
  const auto hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : fs::recursive_directory_iterator(p.content))
    if (entry.is_regular_file()) fs::last_write_time(entry.path(), hour_ago);
  p.build_and_compare("first build");
  CHECK(p.last_report.source_files_unchanged == 0);

  // Nothing changed: the LEGI XML files and the Markdown article are not read; the JSON dump and
  // the _index.md files are.
  p.build_and_compare("nothing changed");
  CHECK(p.last_report.source_files == 3);
  CHECK(p.last_report.source_files_unchanged == 3);
  CHECK(p.last_written == 0);

  // One LEGI article's text edited: that file is read too, and the site equals a clean build's.
  const fs::path xml = p.content / "xml/LEGITEXT000099000009/article/LEGIARTI000099000901.xml";
  std::string text = read_file(xml);
  const std::string from = "Texte de l'an 2000";
  REQUIRE(text.find(from) != std::string::npos);
  write_file(xml, text.replace(text.find(from), from.size(), "Texte corrigé de l'an 2000"));
  p.build_and_compare("one LEGI article's text changed");
  CHECK(p.last_report.source_files == 4);
  CHECK(p.last_report.source_files_unchanged == 2);
  CHECK(p.last_written > 0);
}

TEST_CASE("a build over its site reads only the commits and files a git repository gained",
          "[build][incremental][git]") {
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return;
  }
  using legisite::testing::run_command;
  using legisite::testing::shell_quote;
  // The golden Tricoteuses commits: the Constitution's first state, then article 11 deleted.
  const fs::path commits = kSource + "/tests/golden/git-tricoteuses/commits";
  Project p(commits / "1");
  const std::string in_repo = "cd " + shell_quote(p.content.string()) + " && ";
  REQUIRE(run_command(in_repo + "git init -q").status == 0);
  legisite::testing::commit_folder(p.content, commits / "1");
  p.build_and_compare("first commit");
  const std::size_t first = p.last_report.source_files;
  CHECK(first > 0);
  CHECK(p.last_report.source_files_unchanged == 0);

  // Nothing committed since: no commit is read again, and no file.
  p.build_and_compare("nothing changed");
  CHECK(p.last_report.source_files == 0);
  CHECK(p.last_report.source_files_unchanged == first);
  CHECK(p.last_written == 0);

  // The golden's second state: article 11 deleted, read as its abrogation. Only the commit is
  // read: its files are blobs read before (the index files, which place the articles, are read
  // with each commit, as _index.md files are with each build).
  legisite::testing::commit_folder(p.content, commits / "2");
  p.build_and_compare("a commit deleting an article");
  CHECK(p.last_report.source_files == 0);
  CHECK(p.last_report.source_files_unchanged == first);
  const std::size_t versions = p.last_report.versions;

  // A new version of one article, as Tricoteuses writes one (its text, its start, its LEGIARTI):
  // that file alone is read.
  const fs::path article_1 = p.content / "article_1.md";
  REQUIRE(replace_in_file(article_1, "Son organisation est\ndécentralisée.",
                          "Son organisation est décentralisée et déconcentrée."));
  REQUIRE(replace_in_file(article_1, "Date de début: 2008-07-25", "Date de début: 2025-01-01"));
  REQUIRE(replace_in_file(article_1, "LEGIARTI000019240997", "LEGIARTI000099000001"));
  legisite::testing::commit_tree(p.content, "2025-01-01", "Loi constitutionnelle d'essai");
  p.build_and_compare("a commit changing one article");
  CHECK(p.last_report.source_files == 1);
  CHECK(p.last_report.source_files_unchanged == first);
  CHECK(p.last_report.versions == versions + 1);

  // A history rewritten (the last commit amended): the commits are other commits, all read.
  REQUIRE(run_command(in_repo + "git commit -q --amend -m 'Message corrigé'").status == 0);
  p.build_and_compare("the last commit amended");
  CHECK(p.last_report.source_files_unchanged == 0);
  CHECK(p.last_report.source_files > first);

  // Another range of commits: read whole, then kept for the next build with that range.
  p.options.sources.commits = "HEAD~1";
  p.build_and_compare("--commits HEAD~1");
  CHECK(p.last_report.source_files_unchanged == 0);
  p.build_and_compare("--commits HEAD~1 again");
  CHECK(p.last_report.source_files == 0);
}

TEST_CASE(
    "after each edit, a build over the published site equals a clean build and writes only "
    "the files whose bytes changed",
    "[build][incremental][slow]") {
  Project p;
  p.options.toc_split = 20;  // the table split into its Livres, each page with its own inputs
  const fs::path chapter = p.code / "Partie Législative/Livre 7/Titre 5/Chapitre 2";
  const fs::path version = chapter / "Article L752-4/002_2004-12-21_384a575080.md";
  p.build_and_compare("first build");
  const std::string livre_7 =
      "code-de-la-securite-sociale/partie-legislative--livre-vii/index.html";
  REQUIRE(p.written_paths.count(livre_7) == 1);
  const std::size_t all = p.last_written;

  p.build_and_compare("nothing changed");
  CHECK(p.last_written == 0);
  CHECK(p.last_rendered == 0);  // every page carried over

  std::string text = read_file(version);
  write_file(version, text + "\nUn alinéa ajouté.\n");
  p.build_and_compare("one version's text changed");
  CHECK(p.last_written > 0);
  // Its pages, their data, its versions.js, the search index's shards and the records of diffs
  // and of the sources' readings.
  CHECK(p.last_written < 13);
  CHECK(p.written_paths.count(".legisite-diffs") == 1);
  CHECK(p.written_paths.count(".legisite-sources") == 1);
  // The pages of the article and of the articles it is linked with; tables, the home page and
  // text pages show no text, so they are carried over.
  INFO(p.last_rendered << " of " << p.last_pages << " pages rendered");
  CHECK(p.last_rendered > 0);
  CHECK(p.last_rendered * 5 < p.last_pages);

  // What tables show of an article changed: its part's table, the code's page, the dated tables
  // of the days it changed, the pages of the texts that list it and those of the articles that
  // show something of it (those it cites or that cite it, its neighbours) are rendered again,
  // not every article's.
  const std::string start = "Date de début: 2010-02-26\n";
  REQUIRE(replace_in_file(chapter / "Article L752-4/003_2010-02-23_608ecf808d.md", start,
                          start + "Date de fin: 2020-01-01\nÉtat: ABROGE\n"));
  p.build_and_compare("an article's state and end date changed");
  CHECK(p.written_paths.count(livre_7) == 1);
  CHECK(p.written_paths.count("code-de-la-securite-sociale/index.json") == 1);
  INFO(p.last_rendered << " of " << p.last_pages << " pages rendered");
  CHECK(p.last_rendered * 5 < p.last_pages);

  REQUIRE(
      replace_in_file(p.code / "Partie Législative/Livre 1/Titre 3/Chapitre 3 Bis/Article L133-6-6/"
                               "001_2005-12-08_3aa890b1e6.md",
                      "Date de début: 2008-01-01", "Date de début: 2009-01-01"));
  p.build_and_compare("another article's start date changed");
  CHECK(p.last_rendered * 20 < p.last_pages);

  write_file(chapter / "L752-99.md",
             "# Article L752-99\n\nNouvel article, qui renvoie à l'article "
             "L752-4.\n");
  p.build_and_compare("an article added");
  CHECK(p.last_written < all / 2);
  CHECK(p.last_rendered * 20 < p.last_pages);

  // A number is an entry of the tables: its part's table is rendered again, and the code's data
  // file that lists every article.
  fs::remove(chapter / "L752-99.md");
  write_file(chapter / "L752-98.md",
             "# Article L752-98\n\nNouvel article, qui renvoie à l'article "
             "L752-4.\n");
  p.build_and_compare("an article's number changed");
  CHECK(p.written_paths.count(livre_7) == 1);
  CHECK(p.written_paths.count("code-de-la-securite-sociale/index.json") == 1);
  CHECK(p.last_rendered * 20 < p.last_pages);

  fs::remove_all(chapter / "Article L752-4");
  p.build_and_compare("an article deleted");
  CHECK(p.last_deleted > 0);

  fs::rename(p.code / "Partie Législative/Livre 7", p.code / "Partie Législative/Livre 7 bis");
  p.build_and_compare("a section folder renamed");

  std::string footer_path = (p.theme / "templates/partials/footer.mustache").string();
  std::string footer = read_file(footer_path);
  write_file(footer_path, footer + "<!-- pied de page modifié -->\n");
  p.build_and_compare("a template changed");
  CHECK(p.last_written > all / 2);  // every page

  // A page template: the pages of its kind alone, here the table of each Livre.
  std::string part_path = (p.theme / "templates/code_part.mustache").string();
  write_file(part_path, read_file(part_path) + "<!-- table d'une partie -->\n");
  p.build_and_compare("the template of a part's table changed");
  CHECK(p.last_rendered == 5);  // the five Livres

  // Options shown on a few pages: every day's table, the code's page listing them.
  p.options.all_toc_dates = true;
  p.build_and_compare("--toc-dates all");
  CHECK(p.last_rendered * 5 < p.last_pages);
  p.options.all_toc_dates = false;
  p.build_and_compare("--toc-dates back to the default");
  CHECK(p.last_deleted > 0);
  CHECK(p.last_rendered * 5 < p.last_pages);

  // No page holds a stylesheet's bytes: only that file is written.
  write_file(p.theme / "static/style.css", read_file(p.theme / "static/style.css") + "p {}\n");
  p.build_and_compare("a stylesheet changed");
  CHECK(p.last_rendered == 0);
  CHECK(p.written_paths == std::set<std::string>{".legisite-manifest", "static/style.css"});

  p.options.date = *Date::parse("2015-06-01");
  p.build_and_compare("--date changed");
}

TEST_CASE("a build over its site counts a whole code's file once, as a clean build does",
          "[build][incremental][git]") {
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return;
  }
  // The golden Archéo Lex commits: the CPI's first state, then a later one.
  const fs::path commits = kSource + "/tests/golden/git-archeolex/commits";
  Project p(commits / "1");
  const std::string in_repo = "cd " + legisite::testing::shell_quote(p.content.string()) + " && ";
  REQUIRE(legisite::testing::run_command(in_repo + "git init -q").status == 0);
  legisite::testing::commit_folder(p.content, commits / "1");
  p.build_and_compare("first commit");
  CHECK(p.last_report.source_files == 1);
  // A commit that leaves the code's file as it was: the next build reads it whole, with the
  // code's file again, which a clean build reads from its changes alone. The record of the
  // sources must not tell the two apart.
  write_file(p.content / "LICENCE.md", "Licence ouverte, version 2.\n");
  legisite::testing::commit_tree(p.content, "1993-01-01", "Licence");
  legisite::testing::commit_folder(p.content, commits / "2");
  p.build_and_compare("a commit keeping the code's file, then one changing it");
  CHECK(p.last_report.source_files == 1);
  CHECK(p.last_report.source_files_unchanged == 1);
}

TEST_CASE("a dump replaced by a newer one: the build over the site equals a clean build",
          "[build][incremental][slow]") {
  const std::string dir = std::string(LEGISITE_SHARED_DIR) + "/corpus/legifrance-json";
  if (!fs::exists(dir + "/css-2021-01-01.json") || !fs::exists(dir + "/css-2026-03-14.json")) {
    legisite::testing::skip_because_missing(dir + "/css-2021-01-01.json and css-2026-03-14.json");
    return;
  }
  WorkDir work("incremental-dump");
  fs::create_directories(work.path / "empty");
  Project p(work.path / "empty");
  // The current text only: with history pages, four trees of 54,000 files would be compared.
  p.options.history = false;
  fs::copy(dir + "/css-2021-01-01.json", p.content / "css.json");
  p.build_and_compare("css-2021-01-01.json");
  const std::size_t all = p.last_written;
  fs::copy(dir + "/css-2026-03-14.json", p.content / "css.json",
           fs::copy_options::overwrite_existing);
  p.build_and_compare("replaced by css-2026-03-14.json");
  // Every page names the edition's date, so every page is written again: what matters is that
  // the pages of articles gone from the new dump are deleted and the rest equals a clean build.
  CHECK(p.last_deleted > 0);
  CHECK(all > 7000);
}

TEST_CASE(
    "an incremental build killed at random points leaves the previous site complete, and "
    "the next build is correct",
    "[build][incremental][slow]") {
  Project p;
  Diagnostics d;
  REQUIRE(build_site(p.options, d).published);
  const SiteFiles old_site = read_tree(p.options.out);
  const fs::path version = p.code /
                           "Partie Législative/Livre 7/Titre 5/Chapitre 2/Article L752-4/"
                           "002_2004-12-21_384a575080.md";
  write_file(version, "# Article L752-4\n\nTexte remplacé.\n");

  auto start = [&] { return start_build(p.options); };
  auto finish = [](pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  };
  auto started = std::chrono::steady_clock::now();
  REQUIRE(finish(start()) == 0);  // publishes the new site once, to time a build
  auto build_time = std::chrono::steady_clock::now() - started;
  const SiteFiles new_site = read_tree(p.options.out);
  REQUIRE(new_site != old_site);

  std::random_device seed_source;
  const unsigned seed = seed_source();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  // A build that finished before its signal halves the bound of the delays, so that enough
  // builds are killed however fast this machine runs them.
  long max_delay_us = std::chrono::duration_cast<std::chrono::microseconds>(build_time).count() / 2;
  const int signals[] = {SIGKILL, SIGINT, SIGTERM};
  int killed = 0;
  for (int i = 0; i < 48 && killed < 10; ++i) {
    // Alternately from the old text and the new: each build has files to link and to write.
    write_file(version, i % 2 ? "# Article L752-4\n\nTexte remplacé.\n"
                              : "# Article L752-4\n\nAutre texte, " + std::to_string(i) + ".\n");
    SiteFiles before = read_tree(p.options.out);
    pid_t pid = start();
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<long>(0, max_delay_us)(random)));
    ::kill(pid, signals[i % 3]);
    int status = finish(pid);
    if (status > 128)
      ++killed;
    else
      max_delay_us /= 2;
    SiteFiles now = read_tree(p.options.out);
    // The previous site, complete, or the new one, complete (the build swapped it in before the
    // signal came, perhaps while deleting the old one): what a clean build of that text gives.
    if (now != before) {
      BuildOptions clean = p.options;
      clean.out = (p.dir.path / "clean").string();
      clean.clean = true;
      fs::remove_all(clean.out);
      Diagnostics ignored;
      REQUIRE(build_site(clean, ignored).published);
      CHECK(now == read_tree(clean.out));
    }
  }
  CHECK(killed >= 10);
  p.build_and_compare("after the killed builds");
}

TEST_CASE(
    "css-history with one version's text edited: serve shows its article's pages at once as a "
    "clean build has them, and the build over the site renders a few pages and equals a clean "
    "build",
    "[build][incremental][slow]") {
  const fs::path corpus = fs::path(LEGISITE_SHARED_DIR) / "corpus/css-history";
  if (!fs::exists(corpus)) {
    legisite::testing::skip_because_missing(corpus.string());
    return;
  }
  WorkDir work("incremental-history");
  fs::copy(corpus, work.path / "content", fs::copy_options::recursive);
  BuildOptions options;
  options.content = (work.path / "content").string();
  options.theme = kSource + "/themes/default";
  options.out = (work.path / "site").string();
  options.date = *Date::parse("2026-11-26");
  options.jobs = 2;
  Diagnostics first;
  RebuildCaches caches;  // serve's: the model is kept
  REQUIRE(build_site(options, first, nullptr, &caches).published);

  // An article's only version, in the history's own layout.
  const fs::path version = work.path /
                           "content/history/Code De La Sécurité Sociale/"
                           "Partie Législative/Livre III/Titre I/Chapitre 1er/"
                           "Article L311-3/001_1985-12-17_dbae17d8b5.md";
  REQUIRE(fs::exists(version));
  std::string text = read_file(version);
  write_file(version, text + "\nUn alinéa ajouté pour l'essai.\n");
  // serve's first answer (cli/text_edit.h) replaces the files of that article's pages.
  const auto before = identities(options.out);
  TextEdit shown;
  REQUIRE(show_text_edit(options, caches, {version.string()}, shown));
  std::set<std::string> patched;
  for (const auto& [path, identity] : identities(options.out))
    if (!(before.at(path) == identity)) patched.insert(path);
  CHECK(shown.articles == std::vector<std::string>{"L311-3"});
  CHECK(shown.pages > 0);
  CHECK(patched.size() >= shown.pages);
  std::map<std::string, std::string> patched_files;
  for (const std::string& path : patched)
    patched_files[path] = read_file(fs::path(options.out) / path);

  // Then the build over that site.
  Diagnostics incremental_diagnostics;
  BuildReport report = build_site(options, incremental_diagnostics);
  REQUIRE(report.published);
  INFO(report.pages_rendered << " of " << report.pages << " pages rendered");
  CHECK(report.pages_rendered > 0);
  CHECK(report.pages_rendered * 100 < report.pages);

  BuildOptions clean = options;
  clean.out = (work.path / "clean").string();
  clean.clean = true;
  Diagnostics clean_diagnostics;
  REQUIRE(build_site(clean, clean_diagnostics).published);
  CHECK(format_all(incremental_diagnostics) == format_all(clean_diagnostics));
  const std::vector<std::string> differences = tree_differences(options.out, clean.out);
  INFO(differences.size() << " files differ, the first: "
                          << (differences.empty() ? std::string() : differences.front()));
  CHECK(differences.empty());
  for (const auto& [path, contents] : patched_files) {
    INFO(path);
    CHECK(path.find("/l311-3/") != std::string::npos);
    CHECK(contents == read_file(fs::path(clean.out) / path));
  }
}

TEST_CASE(
    "a build killed while it updates the previous tree leaves the published site complete, and "
    "the next build is correct",
    "[build][incremental][slow]") {
  Project p;
  const fs::path version = p.code /
                           "Partie Législative/Livre 7/Titre 5/Chapitre 2/Article L752-4/"
                           "002_2004-12-21_384a575080.md";
  p.build_and_compare("first build");
  write_file(version, "# Article L752-4\n\nTexte remplacé.\n");
  p.build_and_compare("a text changed");  // the first site is now the previous tree
  const fs::path previous = p.options.out + ".legisite-previous";
  // A page the edit changes: the build writes it into the previous tree, a new file.
  const fs::path page = previous / "code-de-la-securite-sociale/l752-4/index.html";
  REQUIRE(fs::exists(page));

  SiteFiles published;
  bool killed = false;
  // A build that finishes before the page is seen changing is tried again on a new text.
  for (int attempt = 0; attempt < 5 && !killed; ++attempt) {
    write_file(version, "# Article L752-4\n\nAutre texte, " + std::to_string(attempt) + ".\n");
    published = read_tree(p.options.out);
    REQUIRE(fs::exists(previous / ".legisite-manifest"));
    struct stat before;
    REQUIRE(::stat(page.c_str(), &before) == 0);
    pid_t pid = start_build(p.options);
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      struct stat now;
      if (::stat(page.c_str(), &now) != 0 || now.st_ino != before.st_ino) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        killed = WIFSIGNALED(status);
        break;
      }
    }
  }
  REQUIRE(killed);
  CHECK(read_tree(p.options.out) == published);
  CHECK_FALSE(fs::exists(previous / ".legisite-manifest"));  // its files are not trusted
  p.build_and_compare("after the killed build");
}

}  // namespace incremental_test
