// What `legisite build --out` may replace, checked on the program itself: a typo in --out must
// never cost the user a folder, and killed builds must not pile up staging folders.

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "output/destination.h"
#include "support/environment.h"
#include "support/site_check.h"

namespace output_safety_test {

namespace fs = std::filesystem;
using legisite::testing::read_tree;

namespace {

/// The legisite program beside the test binary's folder (both are built by the same build).
fs::path legisite_binary() {
  return fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "legisite";
}

bool have_binary() {
  if (fs::exists(legisite_binary())) return true;
  if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true")
    FAIL("the legisite program is missing: " << legisite_binary());
  WARN("skipped: the legisite program is missing: " << legisite_binary());
  return false;
}

using legisite::testing::read_file;

using legisite::testing::write_file;

struct Run {
  int status = -1;  // exit status, or 128 + signal
  std::string err;
};

/// Starts `legisite args…` in `cwd` with HOME=`home`, its output in files below `logs`.
pid_t start_legisite(const std::vector<std::string>& args, const fs::path& cwd,
                     const fs::path& home, const fs::path& logs) {
  pid_t pid = legisite::testing::fork_for_exec();
  if (pid != 0) return pid;
  // The child: only async-signal-safe calls until exec, apart from building argv.
  if (::chdir(cwd.c_str()) != 0) ::_exit(126);
  ::setenv("HOME", home.c_str(), 1);
  int out = ::open((logs / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = ::open((logs / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(out, 1);
  ::dup2(err, 2);
  std::string program = legisite_binary().string();
  std::vector<char*> argv{program.data()};
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(program.c_str(), argv.data());
  ::_exit(127);
}

Run finish(pid_t pid, const fs::path& logs) {
  Run run;
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.err = read_file(logs / "stderr");
  return run;
}

/// A home folder with a project in it: content, a copy of the theme (so that a test gone wrong
/// cannot harm the repository's), a working folder, a file and a folder of someone else's files.
struct Playground {
  fs::path root, home, project, content, theme, work, logs;
  Playground() {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("legisite-out-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root);
    root = fs::canonical(root);
    home = root / "home";
    project = home / "project";
    content = project / "content";
    theme = project / "theme";
    work = project / "work";
    logs = root / "logs";
    write_file(home / ".bashrc", "alias ll='ls -l'\n");
    write_file(content / "code-test/_index.md", "---\ntitle: Code de test\n---\n");
    write_file(content / "code-test/L1.md", "# Article L1\n\nPremier article.\n");
    fs::copy(std::string(LEGISITE_SOURCE_DIR) + "/themes/default", theme,
             fs::copy_options::recursive);
    write_file(work / "notes.txt", "my notes\n");
    write_file(root / "file.txt", "a file\n");
    write_file(root / "foreign/thesis.tex", "\\documentclass{article}\n");
    fs::create_directories(logs);
  }
  ~Playground() { fs::remove_all(root); }

  Run build(const std::string& out, const fs::path& cwd) const {
    return build_from(content, out, cwd);
  }
  Run build_from(const fs::path& from, const std::string& out, const fs::path& cwd) const {
    pid_t pid = start_legisite({"build", "--content", from.string(), "--theme", theme.string(),
                                "--out", out, "--date", "2026-11-26"},
                               cwd, home, logs);
    return finish(pid, logs);
  }
  /// Every file below the playground (but the logs), to show that a refused build changed nothing.
  legisite::testing::SiteFiles everything() const {
    auto files = read_tree(root.string());
    for (auto it = files.begin(); it != files.end();)
      it = it->first.rfind("logs/", 0) == 0 ? files.erase(it) : std::next(it);
    return files;
  }
};

/// Builds into `out` from `cwd` and checks the build is refused with `message`, changing nothing.
void check_refused(const Playground& p, const std::string& out, const fs::path& cwd,
                   const std::string& message) {
  INFO("--out " << out << " from " << cwd);
  auto before = p.everything();
  Run run = p.build(out, cwd);
  INFO(run.err);
  CHECK(run.status == 1);
  CHECK(run.err.find(message) != std::string::npos);
  CHECK(run.err.find("name a new or empty folder for the site") != std::string::npos);
  CHECK(p.everything() == before);
}

}  // namespace

TEST_CASE("an --out is refused when it is the home folder, or a symlink to it", "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, p.home.string(), p.work, "--out is your home folder ($HOME)");
  fs::create_directory_symlink(p.home, p.root / "to-home");
  check_refused(p, (p.root / "to-home").string(), p.work, "is your home folder ($HOME)");
}

TEST_CASE("an --out is refused when it is or contains the content folder, or a symlink to it",
          "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, p.content.string(), p.work, "--out is the content folder");
  check_refused(p, p.content.string() + "/", p.work, "--out is the content folder");
  check_refused(p, p.project.string(), p.root, "--out contains the content folder");
  fs::create_directory_symlink(p.content, p.root / "to-content");
  check_refused(p, (p.root / "to-content").string(), p.work,
                "--out (really " + p.content.string() + ") is the content folder");
}

// A site inside the folders the build reads would be read back by the next build (its data files
// as JSON sources) and, in serve, would set off a rebuild with every write.
TEST_CASE("an --out is refused when it lies inside the content or the theme folder",
          "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  const std::string inside = "--out lies inside the content folder (" + p.content.string() + ")";
  check_refused(p, (p.content / "site").string(), p.work, inside);
  check_refused(p, (p.content / "code-test/site").string(), p.work, inside);
  fs::create_directory_symlink(p.content, p.root / "to-content");
  check_refused(
      p, (p.root / "to-content/site").string(), p.work,
      "--out (really " + (p.content / "site").string() + ") lies inside the content folder");
  check_refused(p, (p.theme / "static/site").string(), p.work,
                "--out lies inside the theme folder (" + p.theme.string() + ")");
  // Beside the content, as the README's commands put it, the site is built.
  CHECK(p.build((p.content.parent_path() / "site").string(), p.work).status == 0);
}

TEST_CASE("a site may go inside a git repository read from its commits", "[cli][output][git]") {
  if (!have_binary()) return;
  if (!legisite::testing::have_program("git")) {
    legisite::testing::skip_because_missing("git");
    return;
  }
  Playground p;
  using legisite::testing::run_command;
  using legisite::testing::shell_quote;
  REQUIRE(run_command("git init -q " + shell_quote(p.content.string())).status == 0);
  legisite::testing::commit_tree(p.content, "2020-01-01", "Premier état");
  const fs::path site = p.content / "site";
  Run run = p.build(site.string(), p.work);
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK(fs::exists(site / "code-de-test/l1/index.html"));  // the code named by its title
  // The next build reads the commits again, not the site in the working tree.
  run = p.build(site.string(), p.work);
  INFO(run.err);
  CHECK(run.status == 0);
}

TEST_CASE("an --out is refused when it is or contains the theme folder, or a symlink to it",
          "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, p.theme.string(), p.work, "--out is the theme folder");
  check_refused(p, "../theme", p.work, "is the theme folder");
  fs::create_directory_symlink(p.theme, p.root / "to-theme");
  check_refused(p, (p.root / "to-theme").string(), p.work, "is the theme folder");
}

TEST_CASE(
    "an --out is refused when it is the current folder, an ancestor of it or the root, or a "
    "symlink to one",
    "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, ".", p.work, "--out is the current folder");
  check_refused(p, p.work.string(), p.work, "--out is the current folder");
  check_refused(p, "..", p.work, "--out contains the current folder");
  check_refused(p, p.root.string(), p.work, "--out contains your home folder");
  check_refused(p, "/", p.work, "--out is the root folder");
  fs::create_directory_symlink(p.work, p.root / "to-work");
  fs::create_directory_symlink(p.project, p.root / "to-project");
  fs::create_directory_symlink("/", p.root / "to-root");
  check_refused(p, (p.root / "to-work").string(), p.work, "is the current folder");
  check_refused(p, (p.root / "to-project").string(), p.work, "contains the current folder");
  check_refused(p, (p.root / "to-root").string(), p.work, "--out (really /) is the root folder");
}

TEST_CASE("an --out is refused when it is an existing file, or a symlink to one", "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, (p.root / "file.txt").string(), p.work, "--out is an existing file");
  fs::create_symlink(p.root / "file.txt", p.root / "to-file");
  check_refused(p, (p.root / "to-file").string(), p.work, "is an existing file");
  CHECK(fs::is_symlink(p.root / "to-file"));
}

TEST_CASE(
    "an --out is refused when it holds files legisite did not publish, or is a symlink to such "
    "a folder or to nothing",
    "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  check_refused(p, (p.root / "foreign").string(), p.work, "holds files and no .legisite marker");
  fs::create_directory_symlink(p.root / "foreign", p.root / "to-foreign");
  check_refused(p, (p.root / "to-foreign").string(), p.work, "holds files and no .legisite marker");
  fs::create_directory_symlink(p.root / "missing", p.root / "to-missing");
  check_refused(p, (p.root / "to-missing").string(), p.work,
                "is a symlink to a folder that does not exist");
  // A folder holding only a hidden file is not empty either.
  write_file(p.root / "hidden/.config", "x");
  check_refused(p, (p.root / "hidden").string(), p.work, "holds files and no .legisite marker");
}

TEST_CASE("an --out is refused when it is a mount point, tested as root with a tmpfs",
          "[cli][output]") {
  if (!have_binary()) return;
  if (::geteuid() != 0) {
    WARN("skipped: mounting a tmpfs needs root");
    return;
  }
  Playground p;
  fs::path mount = p.root / "mnt";
  fs::create_directories(mount);
  REQUIRE(::mount("legisite-test", mount.c_str(), "tmpfs", 0, "size=4m") == 0);
  struct Unmount {
    fs::path path;
    ~Unmount() { ::umount(path.c_str()); }
  } unmount{mount};
  check_refused(p, mount.string(), p.work, "--out is a mount point");
  // Even holding a site legisite published, for its swap could never happen.
  write_file(mount / legisite::kSiteMarkerName, legisite::kSiteMarker);
  Run run = p.build(mount.string(), p.work);
  CHECK(run.status == 1);
  CHECK(run.err.find("is a mount point") != std::string::npos);
  CHECK(run.err.find(mount.string() + "/site") != std::string::npos);  // what to do instead
  // The way out it suggests works.
  CHECK(p.build((mount / "site").string(), p.work).status == 0);
  CHECK(fs::exists(mount / "site/code-de-test/l1/index.html"));
}

TEST_CASE(
    "a new folder, an empty folder and a site legisite published are replaced by the new site",
    "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  fs::path site = p.root / "site";
  Run first = p.build(site.string(), p.work);
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(read_file(site / ".legisite") == legisite::kSiteMarker);
  CHECK(fs::exists(site / "code-de-test/l1/index.html"));

  // The previous site goes whole: an article removed from the content leaves no page behind.
  write_file(p.content / "code-test/L2.md", "# Article L2\n\nDeuxième article.\n");
  fs::remove(p.content / "code-test/L1.md");
  Run second = p.build(site.string(), p.work);
  INFO(second.err);
  REQUIRE(second.status == 0);
  CHECK(fs::exists(site / "code-de-test/l2/index.html"));
  CHECK_FALSE(fs::exists(site / "code-de-test/l1"));
  CHECK(read_file(site / ".legisite") == legisite::kSiteMarker);

  fs::create_directories(p.root / "empty");
  CHECK(p.build((p.root / "empty").string(), p.work).status == 0);
  CHECK(read_tree((p.root / "empty").string()) == read_tree(site.string()));

  // A relative --out, below the current folder.
  CHECK(p.build("public", p.work).status == 0);
  CHECK(read_tree((p.work / "public").string()) == read_tree(site.string()));
  for (const auto& entry : fs::directory_iterator(p.root))
    CHECK(entry.path().filename().string().find(".staging-") == std::string::npos);
}

TEST_CASE("a symlinked --out publishes into the folder it leads to and stays a symlink",
          "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  fs::path real = p.root / "real-site";
  REQUIRE(p.build(real.string(), p.work).status == 0);
  fs::create_directory_symlink(real, p.root / "site");
  write_file(p.content / "code-test/L2.md", "# Article L2\n\nDeuxième article.\n");
  Run run = p.build((p.root / "site").string(), p.work);
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(fs::is_symlink(p.root / "site"));
  CHECK(fs::read_symlink(p.root / "site") == real);
  CHECK(fs::exists(real / "code-de-test/l2/index.html"));
  // The staging folder went beside the real folder, on its file system, and is gone.
  for (const auto& entry : fs::directory_iterator(p.root))
    CHECK(entry.path().filename().string().find(".staging-") == std::string::npos);
}

TEST_CASE("a build that finds no article keeps the site it would have emptied", "[cli][output]") {
  if (!have_binary()) return;
  Playground p;
  fs::path site = p.root / "site";
  REQUIRE(p.build(site.string(), p.work).status == 0);
  const auto before = read_tree(site.string());
  fs::create_directories(p.root / "empty-content");
  write_file(p.root / "only-notes/README.txt", "not a code\n");
  for (const fs::path& from : {p.root / "empty-content", p.root / "only-notes"}) {
    INFO(from);
    Run run = p.build_from(from, site.string(), p.work);
    CHECK(run.status == 1);
    CHECK(run.err.find("no article found in " + from.string() +
                       ": the site in --out is kept rather than replaced by an empty one") !=
          std::string::npos);
    CHECK(read_tree(site.string()) == before);
  }
  // Into a new folder, an empty site is still what was asked for.
  CHECK(p.build_from(p.root / "empty-content", (p.root / "new").string(), p.work).status == 0);
}

TEST_CASE(
    "killed builds leave the previous site complete and their staging folders are removed by "
    "the next build",
    "[cli][output][slow]") {
  if (!have_binary()) return;
  Playground p;
  const std::string demo = std::string(LEGISITE_SOURCE_DIR) + "/content";
  const fs::path site = p.root / "site";
  auto start = [&] {
    return start_legisite({"build", "--content", demo, "--theme", p.theme.string(), "--out",
                           site.string(), "--date", "2026-11-26", "--toc-dates", "all"},
                          p.work, p.home, p.logs);
  };
  auto began = std::chrono::steady_clock::now();
  REQUIRE(finish(start(), p.logs).status == 0);
  auto build_time = std::chrono::steady_clock::now() - began;
  const auto good = read_tree(site.string());
  REQUIRE(good.size() > 10);

  // The previous tree a build keeps beside the site is not a leftover.
  auto leftovers = [&] {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(p.root)) {
      std::string name = entry.path().filename().string();
      if (name.rfind("site.", 0) == 0 && name != "site.legisite-previous") names.push_back(name);
    }
    return names;
  };
  std::random_device seed_source;
  const unsigned seed = seed_source();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  // Delays are drawn below the time a build took; each build that finished before its signal
  // halves that bound, so that ten builds are killed however fast this machine runs them.
  long max_delay_us = std::chrono::duration_cast<std::chrono::microseconds>(build_time).count();
  const int signals[] = {SIGKILL, SIGINT, SIGTERM};
  int killed = 0;
  std::size_t most_leftovers = 0;
  for (int i = 0; i < 60 && killed < 10; ++i) {
    pid_t pid = start();
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<long>(0, max_delay_us)(random)));
    ::kill(pid, signals[i % 3]);
    if (finish(pid, p.logs).status > 128)
      ++killed;
    else
      max_delay_us /= 2;
    CHECK(read_tree(site.string()) == good);  // the previous site, complete, or the same new one
    most_leftovers = std::max(most_leftovers, leftovers().size());
  }
  CHECK(killed >= 10);
  // How many are there at once depends on how far each build got before it was killed; what
  // matters is that one complete build removes them all.
  INFO("at most " << most_leftovers << " leftovers at once");
  Run last = finish(start(), p.logs);
  CHECK(last.status == 0);
  CHECK(leftovers().empty());
  CHECK(read_tree(site.string()) == good);
}

}  // namespace output_safety_test
