// A git repository given as content: read from its commits (sources/git_history.h).

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/file_system.h"
#include "sources/sources.h"
#include "support/environment.h"
#include "text/visible_text.h"

namespace legisite::git_repository_test {

namespace {

using legisite::testing::run_command;
using legisite::testing::shell_quote;

/// What a history gave: articles, versions, and articles whose last version is abrogated.
struct Counts {
  std::size_t articles = 0, versions = 0, abrogated = 0;
  std::size_t errors = 0, warnings = 0;
  std::string reported;
};

Counts load(const std::string& path, const SourceOptions& options = {}) {
  DiskFileSystem files(path);
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics, 1, options);
  Counts c;
  for (const Article& a : corpus.articles()) {
    if (a.cited_only) continue;
    ++c.articles;
    c.versions += a.versions.size();
    if (!a.versions.empty() && a.versions.back().status == ArticleStatus::kAbroge) ++c.abrogated;
  }
  c.errors = diagnostics.error_count();
  c.warnings = diagnostics.warning_count();
  c.reported = format_all(diagnostics);
  return c;
}

// Clones a bundle of ../shared/corpus/git bare into `into`; false (after saying why) when the
// bundle or git is missing.
bool clone_bundle(const std::string& name, const std::filesystem::path& into) {
  std::string bundle = std::string(LEGISITE_SHARED_DIR) + "/corpus/git/" + name;
  if (!std::filesystem::exists(bundle)) {
    legisite::testing::skip_because_missing(bundle);
    return false;
  }
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return false;
  }
  auto r =
      run_command("git clone -q --bare " + shell_quote(bundle) + " " + shell_quote(into.string()));
  REQUIRE(r.status == 0);
  return true;
}

using legisite::testing::write_file;

// Makes `repo` a new, empty git repository; false (after saying why) when git is missing.
bool init_repository(const std::filesystem::path& repo) {
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return false;
  }
  std::filesystem::create_directories(repo);
  REQUIRE(run_command("git init -q " + shell_quote(repo.string())).status == 0);
  return true;
}

// Articles L111-1 and L111-2 of the CPI as Archéo Lex writes them (archeolex-cpi.bundle), cut to
// their first alinéa.
const std::string kHead =
    "# Partie législative\n\n## Première partie : La propriété littéraire et artistique\n\n";
const std::string kL1 =
    "###### Article L111-1\n\nL'auteur d'une oeuvre de l'esprit jouit sur cette oeuvre, du seul "
    "fait de sa création, d'un droit de propriété incorporelle exclusif et opposable à tous.\n\n";
const std::string kL2 =
    "###### Article L111-2\n\nL'oeuvre est réputée créée, indépendamment de toute divulgation "
    "publique, du seul fait de la réalisation, même inachevée, de la conception de l'auteur.\n\n";

}  // namespace

TEST_CASE(
    "each commit of a repository is a state: new texts start versions, gone articles are "
    "abrogated",
    "[git]") {
  legisite::testing::TempDir tmp("legisite-git-small");
  const std::filesystem::path repo = tmp.path / "cpi";
  if (!init_repository(repo)) return;
  const std::filesystem::path file = repo / "code_de_la_propriété_intellectuelle.md";
  write_file(repo / "LICENCE.md", "Licence ouverte.\n");
  write_file(file, kHead + kL1 + kL2);
  legisite::testing::commit_tree(repo, "1992-07-03", "Version consolidée au 3 juillet 1992");
  write_file(file, kHead + kL1 + kL2 + "Modifié.\n");
  legisite::testing::commit_tree(repo, "2006-08-03", "Loi n° 2006-961 du 1er août 2006");
  write_file(file, kHead + kL1);
  legisite::testing::commit_tree(repo, "2010-01-01", "Version consolidée au 1er janvier 2010");

  DiskFileSystem files(repo.string());
  Corpus corpus;
  Diagnostics diagnostics;
  LoadSummary summary = load_sources(files, corpus, diagnostics);
  CHECK(format_all(diagnostics) == "");
  REQUIRE(corpus.articles().size() == 2);
  CHECK(summary.versions_read == 3);
  const Article& l1 = corpus.articles()[0];
  const Article& l2 = corpus.articles()[1];
  CHECK(corpus.code(l1.code).title == "Code de la propriété intellectuelle");
  REQUIRE(l1.versions.size() == 1);
  CHECK(l1.versions[0].start == Date::from_ymd(1992, 7, 3));
  CHECK(l1.versions[0].status == ArticleStatus::kVigueur);
  CHECK(l1.versions[0].amended_by == "");  // "Version consolidée" names no amending text
  REQUIRE(l2.versions.size() == 2);
  CHECK(l2.versions[0].end == Date::from_ymd(2006, 8, 3));
  CHECK(l2.versions[0].status == ArticleStatus::kModifie);
  CHECK(l2.versions[1].start == Date::from_ymd(2006, 8, 3));
  CHECK(l2.versions[1].amended_by == "Loi n° 2006-961 du 1er août 2006");
  // Gone from the last commit: abrogated on its date.
  CHECK(l2.versions[1].end == Date::from_ymd(2010, 1, 1));
  CHECK(l2.versions[1].status == ArticleStatus::kAbroge);
  // The code is as current as its last commit ("historique Git, données du 1er janvier 2010").
  const Code& cpi = corpus.code(l1.code);
  CHECK(cpi.data_date == Date::from_ymd(2010, 1, 1));
  CHECK(cpi.data_date_rule == Code::DataDateRule::kLastCommit);
  CHECK(cpi.data_source == "historique Git");

  // An uncommitted edit is not read, and says so; --no-git reads the working tree instead.
  write_file(file, kHead + kL1 + "Brouillon.\n");
  Corpus again;
  Diagnostics said;
  load_sources(files, again, said);
  CHECK(said.warning_count() == 1);
  CHECK(format_all(said).find("differ from the last commit") != std::string::npos);
  Corpus plain;
  Diagnostics quiet;
  SourceOptions no_git;
  no_git.read_git = false;
  load_sources(files, plain, quiet, 1, no_git);
  CHECK(format_all(quiet) == "");
  REQUIRE(plain.articles().size() == 1);
  CHECK(plain.articles()[0].versions[0].text_html.find("Brouillon") != std::string::npos);
}

// archeolex-cpi.bundle: R623-56 and R623-57 leave the file, R623-58 takes the first place of
// their section and R623-59 follows; the table listed the removed two after R623-58.
TEST_CASE("an article gone from the last commit keeps its place among its section's numbers",
          "[git]") {
  legisite::testing::TempDir tmp("legisite-git-removed");
  const std::filesystem::path repo = tmp.path / "cpi";
  if (!init_repository(repo)) return;
  const std::filesystem::path file = repo / "code_de_la_propriété_intellectuelle.md";
  auto article = [](const char* number) {
    return "###### Article " + std::string(number) + "\n\nTexte de l'article " + number + ".\n\n";
  };
  write_file(file, "# Partie réglementaire\n\n" + article("R623-56") + article("R623-57") +
                       article("R623-58"));
  legisite::testing::commit_tree(repo, "2008-06-30", "Version consolidée au 30 juin 2008");
  write_file(file, "# Partie réglementaire\n\n" + article("R623-58") + article("R623-59"));
  legisite::testing::commit_tree(repo, "2018-06-03", "Version consolidée au 3 juin 2018");

  DiskFileSystem files(repo.string());
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics);
  corpus.finish_tables_of_contents();
  CHECK(format_all(diagnostics) == "");
  std::vector<std::string> listed;
  for (ArticleId id : corpus.articles_in_code_order(corpus.codes().front().id))
    listed.push_back(corpus.article(id).number.text());
  CHECK(listed == std::vector<std::string>{"R623-56", "R623-57", "R623-58", "R623-59"});
}

TEST_CASE("a commit's files meet the checks of a folder's: UTF-8 with line, names, links, depth",
          "[git]") {
  legisite::testing::TempDir tmp("legisite-git-checked");
  const std::filesystem::path repo = tmp.path / "code";
  if (!init_repository(repo)) return;
  write_file(repo / "c/L1.md", "# Article L1\n\nUn.\n");
  write_file(repo / "c/L2.md", "# Article L2\n\nDeux caf\xE9s.\n");  // Latin-1, line 3
  write_file(repo / "c/L\xE9.md", "# Article L4\n\nNom en Latin-1.\n");
  std::filesystem::create_symlink("L1.md", repo / "c/L3.md");        // inside: read
  std::filesystem::create_symlink("/etc/passwd", repo / "c/L5.md");  // outside: refused
  std::filesystem::create_symlink("../../x.md", repo / "c/L6.md");   // above the root
  std::filesystem::path deep = repo / "c";
  for (std::size_t i = 0; i <= kMaxFolderDepth; ++i) deep /= "d";
  write_file(deep / "L7.md", "# Article L7\n\nTrop profond.\n");
  legisite::testing::commit_tree(repo, "2001-01-01", "Premier état");
  write_file(repo / "c/L1.md", "# Article L1\n\nUn, modifié.\n");
  legisite::testing::commit_tree(repo, "2002-02-02", "Second état");

  DiskFileSystem files(repo.string());
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics);
  std::string reported = format_all(diagnostics);
  INFO(reported);
  // Each problem once, however many commits keep the file, at "<sha>:<path>".
  CHECK(diagnostics.error_count() == 5);
  CHECK(reported.find(":c/L2.md:3:9: error: not UTF-8: byte 0xE9") != std::string::npos);
  CHECK(reported.find(":c/L\\xE9.md: error: file name not UTF-8") != std::string::npos);
  CHECK(reported.find(":c/L5.md: error: symbolic link to a place outside") != std::string::npos);
  CHECK(reported.find(":c/L6.md: error: symbolic link to a place outside") != std::string::npos);
  CHECK(reported.find("folder nested more than 200 levels deep; not read") != std::string::npos);
  CHECK(reported.find("root:x") == std::string::npos);
  std::vector<std::string> numbers;
  for (const Article& a : corpus.articles()) numbers.push_back(a.number.text());
  // L3 is L1 through a link inside the tree: the same article number, given twice.
  CHECK(numbers == std::vector<std::string>{"L1", "L2"});
}

TEST_CASE("a README.md kept by commits is read again from the commit that changes it", "[git]") {
  legisite::testing::TempDir tmp("legisite-git-readme");
  const std::filesystem::path repo = tmp.path / "code";
  if (!init_repository(repo)) return;
  // Tricoteuses' layout: a README.md with front matter titles each folder and orders its entries.
  auto readme = [](const std::string& title, const std::string& entries) {
    return "---\nNature: CODE\nIdentifiant: LEGITEXT000000000001\n---\n\n# " + title + "\n\n" +
           entries;
  };
  auto section = [](const std::string& id, const std::string& title, const std::string& article) {
    return "---\nIdentifiant: LEGISCTA00000000000" + id + "\n---\n\n# " + title +
           "\n\n- [Article](" + article + ")\n";
  };
  auto article = [](const std::string& number, const std::string& text) {
    return "---\nNature: Article\nNuméro: " + number + "\nÉtat: VIGUEUR\n---\n\n# Article " +
           number + "\n\n" + text + "\n";
  };
  const std::string b_then_a = "- [B](titre_b/README.md)\n- [A](titre_a/README.md)\n";
  write_file(repo / "README.md", readme("Code d'essai", b_then_a));
  write_file(repo / "titre_a/README.md", section("1", "Titre A : premier", "article_1.md"));
  write_file(repo / "titre_a/article_1.md", article("1", "Un."));
  write_file(repo / "titre_b/README.md", section("2", "Titre B", "article_2.md"));
  write_file(repo / "titre_b/article_2.md", article("2", "Deux."));
  legisite::testing::commit_tree(repo, "2001-01-01", "Premier état");
  write_file(repo / "titre_a/article_1.md", article("1", "Un, modifié."));
  legisite::testing::commit_tree(repo, "2002-01-01", "Second état");
  write_file(repo / "README.md", readme("Code d'essai renommé",
                                        "- [A](titre_a/README.md)\n- [B](titre_b/README.md)\n"));
  write_file(repo / "titre_a/README.md", section("1", "Titre A : renommé", "article_1.md"));
  write_file(repo / "titre_b/article_2.md", article("2", "Deux, modifié."));
  legisite::testing::commit_tree(repo, "2003-01-01", "Troisième état");

  auto read = [&](const std::string& commits, Corpus& corpus) {
    DiskFileSystem files(repo.string());
    Diagnostics diagnostics;
    SourceOptions options;
    options.commits = commits;
    load_sources(files, corpus, diagnostics, 1, options);
    CHECK(format_all(diagnostics) == "");
    REQUIRE(corpus.articles().size() == 2);
  };
  // Each article sits where the last commit read puts it, under the titles and in the order that
  // commit's README.md files give, whatever the commits before them said. The code, renamed by
  // the last commit, is one code known by its LEGITEXT: its articles are not new ones.
  auto placed = [](const Corpus& corpus) {
    std::string out = corpus.codes().front().title;
    std::vector<const Section*> titles;
    for (const Article& a : corpus.articles()) titles.push_back(&corpus.section(a.section));
    std::sort(titles.begin(), titles.end(),
              [](const Section* x, const Section* y) { return x->order < y->order; });
    for (const Section* s : titles) out += " | " + s->title;
    return out;
  };
  Corpus last;
  read("", last);
  CHECK(placed(last) == "Code d'essai renommé | Titre A : renommé | Titre B");
  CHECK(last.codes().size() == 1);
  CHECK(last.articles()[0].versions.size() == 2);
  CHECK(last.articles()[1].versions.size() == 2);
  Corpus second;
  read("HEAD~1", second);
  CHECK(placed(second) == "Code d'essai | Titre B | Titre A : premier");
}

TEST_CASE("a new text under the same LEGIARTI corrects that version and starts none", "[git]") {
  legisite::testing::TempDir tmp("legisite-git-correction");
  const std::filesystem::path repo = tmp.path / "code";
  if (!init_repository(repo)) return;
  // Tricoteuses' article files: each names its version's LEGIARTI and first day.
  auto article = [](const std::string& id, const std::string& start, const std::string& text) {
    return "---\nNature: Article\nNuméro: 1\nÉtat: VIGUEUR\nDate de début: " + start +
           "\nIdentifiant: LEGIARTI00000000000" + id + "\n---\n\n# Article 1\n\n" + text + "\n";
  };
  write_file(repo / "README.md",
             "---\nNature: CODE\nIdentifiant: LEGITEXT000000000001\n---\n\n# Code d'essai\n\n"
             "- [Article 1](article_1.md)\n");
  write_file(repo / "article_1.md", article("1", "2001-01-01", "Un texte avec une coquile."));
  legisite::testing::commit_tree(repo, "2001-01-01", "Premier état");
  write_file(repo / "article_1.md", article("1", "2001-01-01", "Un texte corrigé."));
  legisite::testing::commit_tree(repo, "2002-01-01", "Correction");
  write_file(repo / "article_1.md", article("2", "2003-01-01", "Un texte modifié."));
  legisite::testing::commit_tree(repo, "2003-01-01", "Loi du 1er janvier 2003");

  DiskFileSystem files(repo.string());
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics, 1);
  CHECK(format_all(diagnostics) == "");
  REQUIRE(corpus.articles().size() == 1);
  const std::vector<Version>& versions = corpus.articles()[0].versions;
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].id == "LEGIARTI000000000001");
  CHECK(versions[0].start.iso() == "2001-01-01");
  CHECK(versions[0].end.iso() == "2003-01-01");
  CHECK(versions[0].text_html.find("corrigé") != std::string::npos);
  CHECK(versions[0].text_html.find("coquile") == std::string::npos);
  // Its text, and what is said of it, come from the correcting commit's file.
  auto correction =
      run_command("git -C " + shell_quote(repo.string()) + " rev-parse --short=7 HEAD~1");
  REQUIRE(correction.status == 0);
  CHECK(versions[0].origin.file == correction.out.substr(0, 7) + ":article_1.md");
  CHECK(versions[1].id == "LEGIARTI000000000002");
  CHECK(versions[1].text_html.find("modifié") != std::string::npos);
}

TEST_CASE("a commit that only edits files is read from its changes as from its whole tree",
          "[git]") {
  legisite::testing::TempDir tmp("legisite-git-changes");
  const std::filesystem::path repo = tmp.path / "code";
  if (!init_repository(repo)) return;
  auto article = [](const std::string& number, const std::string& text) {
    return "---\nNature: Article\nNuméro: " + number + "\nÉtat: VIGUEUR\n---\n\n# Article " +
           number + "\n\n" + text + "\n";
  };
  write_file(repo / "README.md",
             "---\nNature: CODE\nIdentifiant: LEGITEXT000000000001\n---\n\n# Code d'essai\n\n"
             "- [Titre](titre/README.md)\n");
  write_file(repo / "titre/README.md",
             "# Titre\n\n- [1](article_1.md)\n- [2](article_2.md)\n- [3](article_3.md)\n");
  write_file(repo / "titre/article_1.md", article("1", "Un."));
  write_file(repo / "titre/article_2.md", article("2", "Deux."));
  write_file(repo / "titre/article_3.md", article("3", "Trois."));
  write_file(repo / "titre/notes.txt", "Notes.\n");
  legisite::testing::commit_tree(repo, "2001-01-01", "Premier état");
  // Edits in place only: a text, and a file that is not Markdown.
  write_file(repo / "titre/article_2.md", article("2", "Deux, modifié."));
  write_file(repo / "titre/notes.txt", "Notes revues.\n");
  legisite::testing::commit_tree(repo, "2002-01-01", "Loi de 2002");
  // A file that now gives another article: its article's key changes.
  write_file(repo / "titre/article_2.md", article("2-1", "Deux bis."));
  legisite::testing::commit_tree(repo, "2003-01-01", "Loi de 2003");
  // A text that comes back, and a file that no longer reads as an article.
  write_file(repo / "titre/article_1.md", article("1", "Un, modifié."));
  write_file(repo / "titre/article_3.md", "---\nNuméro: [\n---\n");
  legisite::testing::commit_tree(repo, "2004-01-01", "Loi de 2004");
  write_file(repo / "titre/article_1.md", article("1", "Un."));
  write_file(repo / "titre/article_3.md", article("3", "Trois."));
  legisite::testing::commit_tree(repo, "2005-01-01", "Loi de 2005");

  DiskFileSystem files(repo.string());
  Corpus corpus;
  Diagnostics diagnostics;
  load_sources(files, corpus, diagnostics, 1);
  // Each version as "start end state: text", by article.
  std::map<std::string, std::vector<std::string>> versions;
  for (const Article& a : corpus.articles())
    for (const Version& v : a.versions)
      versions[a.number.text()].push_back(
          v.start.iso() + " " + (v.end.is_no_end() ? "-" : v.end.iso()) + " " +
          std::string(status_token(v.status)) + ": " + visible_text(v.text_html));
  using V = std::vector<std::string>;
  CHECK(versions["1"] == V{"2001-01-01 2004-01-01 modifie: Un.",
                           "2004-01-01 2005-01-01 modifie: Un, modifié.",
                           "2005-01-01 - vigueur: Un."});
  CHECK(versions["2"] ==
        V{"2001-01-01 2002-01-01 modifie: Deux.", "2002-01-01 2003-01-01 abroge: Deux, modifié."});
  CHECK(versions["2-1"] == V{"2003-01-01 - vigueur: Deux bis."});
  CHECK(versions["3"] == V{"2001-01-01 2004-01-01 abroge: Trois.", "2005-01-01 - vigueur: Trois."});
  // The broken file is said to be broken once, at the commit that broke it.
  const std::string said = format_all(diagnostics);
  CHECK(said.find(":titre/article_3.md") != std::string::npos);
  CHECK(diagnostics.error_count() + diagnostics.warning_count() == 1);
}

TEST_CASE("the Constitution's Tricoteuses repository builds from its 31 commits", "[git][slow]") {
  legisite::testing::TempDir tmp("legisite-git-tricoteuses");
  std::filesystem::path repo = tmp.path / "constitution.git";
  if (!clone_bundle("tricoteuses-constitution.bundle", repo)) return;
  Counts c = load(repo.string());
  INFO(c.reported);
  CHECK(c.errors == 0);
  CHECK(c.warnings == 0);
  // 109 articles in force, 13 abrogated since 1958 (no file left), 235 versions.
  CHECK(c.articles == 122);
  CHECK(c.versions == 235);
  CHECK(c.abrogated == 13);
  // --commits: the first commit alone is the Constitution of 1958, one version per article; its
  // files give each version's state as Légifrance knows it today (9 ABROGE with their end date).
  SourceOptions first;
  first.commits = "db870cc";
  Counts initial = load(repo.string(), first);
  CHECK(initial.articles == 92);
  CHECK(initial.versions == 92);
  CHECK(initial.abrogated == 9);
}

TEST_CASE("the CPI's Archeo Lex repository builds from its 199 commits", "[git][slow]") {
  legisite::testing::TempDir tmp("legisite-git-archeolex");
  std::filesystem::path repo = tmp.path / "cpi.git";
  if (!clone_bundle("archeolex-cpi.bundle", repo)) return;
  Counts c = load(repo.string());
  INFO(c.reported);
  CHECK(c.errors == 0);
  // Archéo Lex wrote four articles twice in one section of one commit each (L611-19 in 2004,
  // L331-6 and L331-7 in 2009, L615-14 in 1993): each is reported once, the first kept.
  CHECK(c.warnings == 4);
  // 1992-2018: 1,878 articles, 2,994 versions; 143 articles gone from the last commit.
  CHECK(c.articles == 1878);
  CHECK(c.versions == 2994);
  CHECK(c.abrogated == 143);
}

}  // namespace legisite::git_repository_test
