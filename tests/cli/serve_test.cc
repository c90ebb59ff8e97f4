// `legisite serve` end to end, as a user runs it: the built program is started on a free loopback
// port (--port 0; it prints the one chosen), pages are fetched over HTTP, sources are edited and
// broken while it runs, and it is stopped by SIGINT or SIGTERM. The fixture is
// tests/cli/fixtures/valid (two articles, L2 citing L1).

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "support/environment.h"

namespace serve_test {

namespace fs = std::filesystem;
using legisite::testing::TempDir;

namespace {

const std::string kSource = LEGISITE_SOURCE_DIR;

using legisite::testing::read_file;

using legisite::testing::write_file;

/// Waits up to 20 s (a loaded machine builds slowly) for `done`, checking every 10 ms.
template <typename Condition>
bool eventually(Condition done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

/// A project (content, a copy of the theme) and `legisite serve` running on it, its standard
/// output and error in files.
struct Served {
  TempDir tmp{"legisite-serve"};
  fs::path content = tmp.path / "content";
  fs::path site = tmp.path / "site";
  pid_t pid = -1;
  int port = 0;

  Served() {
    fs::copy(kSource + "/tests/cli/fixtures/valid", content, fs::copy_options::recursive);
    fs::copy(kSource + "/themes/default", tmp.path / "theme", fs::copy_options::recursive);
  }
  ~Served() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }

  std::string out() const { return read_file(tmp.path / "stdout"); }
  std::string err() const { return read_file(tmp.path / "stderr"); }

  /// Starts the server; true once it says where it listens.
  bool start() {
    pid = ::fork();
    if (pid == 0) {
      if (::chdir(tmp.path.c_str()) != 0) ::_exit(126);
      int out = ::open("stdout", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = ::open("stderr", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      const char* program = LEGISITE_PROGRAM;
      ::execl(program, program, "serve", "--port", "0", "--content", "content", "--theme", "theme",
              "--out", "site", "--date", "2026-11-26", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    static const std::regex kListening("Serving site/ at http://127\\.0\\.0\\.1:([0-9]+)/");
    // The match is read while the text it points into lives.
    return eventually([&] {
      std::string text = out();
      std::smatch m;
      if (!std::regex_search(text, m, kListening)) return false;
      port = std::stoi(m[1]);
      return true;
    });
  }

  /// Stops it with `signal`; the exit status.
  int stop(int signal) {
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  httplib::Result get(const std::string& path) const {
    httplib::Client client("127.0.0.1", port);
    return client.Get(path.c_str());
  }

  /// The body of `path`, or "" when it cannot be fetched.
  std::string body(const std::string& path) const {
    auto r = get(path);
    return r && r->status == 200 ? r->body : std::string();
  }

  /// Whether `page` is served with `text` in it, within eventually()'s time.
  bool serves(const std::string& page, const std::string& text) const {
    return eventually([&] { return body(page).find(text) != std::string::npos; });
  }

  /// Whether the standard output matches `pattern` somewhere, within eventually()'s time.
  bool says(const std::string& pattern) const {
    return eventually([&] { return std::regex_search(out(), std::regex(pattern)); });
  }

  /// The first events the stream sends on connecting (the state of the last build).
  std::string first_events() const {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(5, 0);
    std::string received;
    client.Get("/__legisite/events", [&](const char* data, std::size_t size) {
      received.append(data, size);
      return received.find("\n\n") == std::string::npos ||
             (received.find("event: failed") == std::string::npos &&
              received.find("event: built") == std::string::npos);
    });
    return received;
  }
};

/// A new version of the Constitution's article 1 in a Tricoteuses tree, as Tricoteuses writes one:
/// its text's first alinéa ends with `ending`, from 2009-01-01, with a LEGIARTI of its own.
void new_version_of_article_1(const fs::path& tree, const std::string& ending) {
  const fs::path file = tree / "article_1.md";
  REQUIRE(legisite::testing::replace_in_file(file, "Son organisation est\ndécentralisée.", ending));
  REQUIRE(legisite::testing::replace_in_file(file, "Date de début: 2008-07-25",
                                             "Date de début: 2009-01-01"));
  REQUIRE(legisite::testing::replace_in_file(file, "LEGIARTI000019240997", "LEGIARTI000099000001"));
}

}  // namespace

TEST_CASE(
    "serve builds, serves on a free port, rebuilds on an edit, keeps the last good site on "
    "a broken one, and stops on SIGINT",
    "[cli][serve]") {
  Served s;
  REQUIRE(s.start());
  INFO("standard output:\n" << s.out() << "\nstandard error:\n" << s.err());

  // The site as a host serves it, with the live-reload script added to the pages sent only.
  auto home = s.get("/");
  REQUIRE(home);
  CHECK(home->status == 200);
  CHECK(home->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(home->body.find("<script src=\"/__legisite/live-reload.js\" data-build=\"1\"></script>\n"
                        "</body>") != std::string::npos);
  CHECK(read_file(s.site / "index.html").find("live-reload") == std::string::npos);
  CHECK(s.body("/code-de-test/l1/").find("Premier article.") != std::string::npos);
  auto folder = s.get("/code-de-test/l1");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/code-de-test/l1/");
  auto missing = s.get("/code-de-test/l9/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body.find("<h1>Page introuvable</h1>") != std::string::npos);
  CHECK(s.body("/static/style.css") == read_file(s.tmp.path / "theme/static/style.css"));
  // The script names its page when it opens the event stream: serve knows which pages are open.
  CHECK(s.body("/__legisite/live-reload.js")
            .find("new EventSource(\"/__legisite/events?page=\" +\n"
                  "    encodeURIComponent(location.pathname))") != std::string::npos);
  CHECK(s.first_events() == "event: built\ndata: 1\n\n");

  // An edit of a text alone is served at once (its article's pages: build 2), then the whole site
  // is rebuilt, which renders no other page: open pages are not told again.
  write_file(s.content / "code-test/L1.md", "# Article L1\n\nPremier article, modifié.\n");
  CHECK(s.serves("/code-de-test/l1/", "Premier article, modifié."));
  CHECK(
      s.says("Changed: content/code-test/L1.md\n"
             "Updated 1 page of L1 in [0-9.]+ s; rebuilding the rest.\nRebuilt: "));
  CHECK(s.first_events() == "event: built\ndata: 2\n\n");
  // L1 now cites L3, which the site lacks: its page (cited, no text) is the whole build's to make.
  // Written as `sed -i` and editors write: a temporary file (a random name, here one listed before
  // L1.md) renamed over L1.md. The line names L1.md.
  write_file(s.content / "code-test/A9x2kQ",
             "# Article L1\n\nPremier article, modifié. Voir l'article L. 3.\n");
  std::filesystem::rename(s.content / "code-test/A9x2kQ", s.content / "code-test/L1.md");
  CHECK(eventually([&] {
    return s.out().find("Changed: content/code-test/L1.md and 1 more\nRebuilt: ") !=
           std::string::npos;
  }));
  CHECK(s.first_events() == "event: built\ndata: 3\n\n");

  // A stylesheet is copied at once (build 4); no page holds its bytes, so the whole rebuild
  // renders none and reloads nothing.
  const std::string style = read_file(s.tmp.path / "theme/static/style.css") + "p { margin: 0 }\n";
  write_file(s.tmp.path / "theme/static/style.css", style);
  CHECK(eventually([&] { return s.body("/static/style.css") == style; }));
  CHECK(
      s.says("Changed: theme/static/style.css\n"
             "Updated 1 static file in [0-9.]+ s; rebuilding the rest.\nRebuilt: 7 pages"));
  CHECK(s.first_events() == "event: built\ndata: 4\n\n");

  // A broken source: the diagnostics go to the terminal and to the open pages, the last good
  // site stays served.
  write_file(s.content / "code-test/L2.md",
             "---\nÉtat: VIGUEUR\nDate de début 2013-07-08\n---\n# Article L2\n\nTexte.\n");
  CHECK(eventually([&] { return s.out().find("Build failed") != std::string::npos; }));
  const std::string diagnostic =
      "code-test/L2.md:3:1: error: expected 'key: value' in front matter\n"
      "    Date de début 2013-07-08\n"
      "    ^\n";
  CHECK(s.err().find(diagnostic) != std::string::npos);
  CHECK(s.first_events() ==
        "event: built\ndata: 4\n\n"
        "event: failed\n"
        "data: code-test/L2.md:3:1: error: expected 'key: value' in front matter\n"
        "data:     Date de début 2013-07-08\n"
        "data:     ^\n\n");
  CHECK(s.body("/code-de-test/l1/").find("Premier article, modifié.") != std::string::npos);
  CHECK(s.body("/code-de-test/l2/").find("qui renvoie") != std::string::npos);

  // Repaired: a new build, and the error is gone from the stream.
  write_file(s.content / "code-test/L2.md", "# Article L2\n\nSecond article, corrigé.\n");
  CHECK(s.serves("/code-de-test/l2/", "Second article, corrigé."));
  CHECK(s.first_events() == "event: built\ndata: 5\n\n");

  // A template edited while L1's page is open (its event stream, as its script holds it): that
  // page is rendered with it at once (build 6), then the whole rebuild renders every page (build
  // 7).
  std::atomic<bool> listening = false;
  std::thread open_page([&] {
    httplib::Client client("127.0.0.1", s.port);
    client.Get("/__legisite/events?page=%2Fcode-de-test%2Fl1%2F", [&](const char*, std::size_t) {
      listening = true;
      return true;
    });
  });
  CHECK(eventually([&] { return listening.load(); }));
  const fs::path footer = s.tmp.path / "theme/templates/partials/footer.mustache";
  write_file(footer, read_file(footer) + "<!-- pied de page modifié -->\n");
  CHECK(s.serves("/code-de-test/l1/", "pied de page modifié"));
  CHECK(
      s.says("Changed: theme/templates/partials/footer.mustache\n"
             "Updated 1 open page in [0-9.]+ s; rebuilding the rest.\nRebuilt: 7 pages"));
  CHECK(eventually([&] { return s.first_events() == "event: built\ndata: 7\n\n"; }));
  CHECK(read_file(s.site / "code-de-test/l2/index.html").find("pied de page modifié") !=
        std::string::npos);

  // An edit that is not of a text alone (the front matter): L1's page, still open, is rendered
  // as soon as the rebuild has its model (build 8), before the rest is (build 9).
  write_file(s.content / "code-test/L1.md",
             "---\nÉtat: ABROGE\nDate de début: 2010-01-01\nDate de fin: 2020-01-01\n---\n"
             "# Article L1\n\nPremier article, abrogé.\n");
  CHECK(s.serves("/code-de-test/l1/", "Premier article, abrogé."));
  CHECK(
      s.says("Changed: content/code-test/L1.md\n"
             "Updated 1 open page in [0-9.]+ s; rendering the rest.\nRebuilt: "));
  CHECK(eventually([&] { return s.first_events() == "event: built\ndata: 9\n\n"; }));

  CHECK(s.stop(SIGINT) == 0);
  open_page.join();  // its stream closed as serve stopped
  CHECK(s.out().substr(s.out().size() - 9) == "Stopped.\n");
  // Nothing left beside the site but the previous tree the next build updates: staging folders
  // and older sites were removed.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(s.tmp.path))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"content", "site", "site.legisite-previous", "stderr",
                                          "stdout", "theme"});
}

TEST_CASE("serve shows a LEGI ARTICLE file's new text at once, then rebuilds the rest",
          "[cli][serve]") {
  Served s;
  // The golden DILA tree: a code's TEXTELR and TEXTE_VERSION, a section, an article.
  fs::remove_all(s.content);
  fs::copy(kSource + "/tests/golden/legi-xml/content", s.content, fs::copy_options::recursive);
  const fs::path article = s.content /
                           "LEGI/TEXT/00/00/06/07/06/LEGITEXT000006070666/article/LEGI/ARTI/00/00/"
                           "06/39/81/LEGIARTI000006398122.xml";
  REQUIRE(s.start());
  const std::string page = "/code-des-instruments-monetaires-et-des-medailles/1/";
  CHECK(s.body(page).find("sous l'autorité du ministre") != std::string::npos);

  // Its CONTENU edited: the article's pages are rendered from the kept model first.
  REQUIRE(legisite::testing::replace_in_file(article, "sous l'autorité du ministre",
                                             "sous la haute autorité du ministre"));
  CHECK(s.serves(page, "sous la haute autorité du ministre"));
  CHECK(s.says("Updated 3 pages of 1 in [0-9.]+ s; rebuilding the rest.\nRebuilt: "));
  // Its state changed too (more than a text), in one write: the whole build shows it.
  std::string xml = read_file(article);
  for (auto [from, to] : {std::pair<std::string, std::string>{"sous la haute autorité",
                                                              "sous la très haute autorité"},
                          {"<ETAT>ABROGE</ETAT>", "<ETAT>MODIFIE</ETAT>"}}) {
    REQUIRE(xml.find(from) != std::string::npos);
    xml.replace(xml.find(from), from.size(), to);
  }
  write_file(article, xml);
  CHECK(s.serves(page, "sous la très haute autorité"));
  CHECK(s.stop(SIGINT) == 0);
  const std::string out = s.out();
  CHECK(out.find("Updated 3 pages of 1") == out.rfind("Updated 3 pages of 1"));
}

TEST_CASE("serve rebuilds a repository's site when a commit is made or checked out",
          "[cli][serve][git]") {
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return;
  }
  using legisite::testing::run_command;
  using legisite::testing::shell_quote;
  Served s;
  // The Constitution's first state (golden Tricoteuses commit), as a repository's only commit.
  fs::remove_all(s.content);
  fs::create_directories(s.content);
  const std::string in_repo = "cd " + shell_quote(s.content.string()) + " && ";
  REQUIRE(run_command(in_repo + "git init -q").status == 0);
  legisite::testing::commit_folder(s.content, kSource + "/tests/golden/git-tricoteuses/commits/1");
  // A new version written but not committed: the build reads commits only, and says so.
  new_version_of_article_1(s.content, "Son organisation est décentralisée et servie.");
  REQUIRE(s.start());
  const std::string page = "/constitution-du-4-octobre-1958/1/";
  CHECK(s.body(page).find("Son organisation est\ndécentralisée.") != std::string::npos);
  CHECK(s.err().find("differ from the last commit") != std::string::npos);

  // The commit writes only below .git, which the watcher otherwise leaves out, as the build does:
  // the repository's refs are watched, and the new commit is read.
  legisite::testing::commit_tree(s.content, "2009-01-01", "Loi constitutionnelle d'essai");
  CHECK(s.serves(page, "décentralisée et servie."));
  CHECK(s.says("Changed: content/\\.git/"));
  // Back to the first commit (HEAD moves): its text is served again.
  REQUIRE(run_command(in_repo + "git checkout -q HEAD~1").status == 0);
  CHECK(eventually([&] {
    return s.body(page).find("Son organisation est\ndécentralisée.") != std::string::npos;
  }));
  CHECK(s.stop(SIGINT) == 0);
}

TEST_CASE("serve stops cleanly on SIGTERM, with a page's event stream open", "[cli][serve]") {
  Served s;
  REQUIRE(s.start());
  // An open page: its event stream waits for the next build when the server is stopped.
  std::thread page([&] {
    httplib::Client client("127.0.0.1", s.port);
    client.Get("/__legisite/events", [](const char*, std::size_t) { return true; });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto started = std::chrono::steady_clock::now();
  CHECK(s.stop(SIGTERM) == 0);
  page.join();
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
  CHECK(s.out().find("Stopped.\n") != std::string::npos);
}

TEST_CASE("serve refuses a port already in use, before building", "[cli][serve]") {
  Served first;
  REQUIRE(first.start());
  TempDir tmp("legisite-serve-busy");
  legisite::testing::ProcessResult r =
      legisite::testing::run_command("cd " + legisite::testing::shell_quote(tmp.path.string()) +
                                     " && " + legisite::testing::shell_quote(LEGISITE_PROGRAM) +
                                     " serve --port " + std::to_string(first.port));
  CHECK(r.status == 1);
  CHECK(r.err == "legisite: cannot listen on 127.0.0.1:" + std::to_string(first.port) +
                     " (address in use, or not an address of this machine?)\n");
  CHECK(r.out.empty());
  CHECK(first.stop(SIGINT) == 0);
}

TEST_CASE("serve refuses an --out no build may publish into, before building", "[cli][serve]") {
  TempDir tmp("legisite-serve-out");
  fs::copy(kSource + "/tests/cli/fixtures/valid", tmp.path / "content",
           fs::copy_options::recursive);
  legisite::testing::ProcessResult r = legisite::testing::run_command(
      "cd " + legisite::testing::shell_quote(tmp.path.string()) + " && " +
      legisite::testing::shell_quote(LEGISITE_PROGRAM) + " serve --port 0 --theme " +
      legisite::testing::shell_quote(kSource + "/themes/default") + " --out content/site");
  CHECK(r.status == 1);
  CHECK(r.err.find("content/site: error: --out lies inside the content folder") == 0);
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(tmp.path / "content/site"));
}

}  // namespace serve_test
