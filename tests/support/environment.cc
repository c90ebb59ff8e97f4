#include "support/environment.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace legisite::testing {

bool in_ci() {
  const char* v = std::getenv("CI");
  return v && std::string(v) == "true";
}

void skip_because_missing(const std::string& what) {
  if (in_ci()) FAIL(what << " is missing, and under CI=true no test may skip");
  WARN("skipped: " << what << " is missing (under CI=true this fails)");
}

bool have_program(const std::string& program) {
  return std::system(("command -v " + shell_quote(program) + " >/dev/null 2>&1").c_str()) == 0;
}

pid_t fork_for_exec() {
  sigset_t stop, before;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &stop, &before);
  const pid_t pid = ::fork();
  if (pid == 0) {
    struct sigaction default_action = {};
    default_action.sa_handler = SIG_DFL;
    ::sigaction(SIGINT, &default_action, nullptr);
    ::sigaction(SIGTERM, &default_action, nullptr);
  }
  // A signal that came meanwhile is delivered now: to the child, with the default action.
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  return pid;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

bool replace_in_file(const std::filesystem::path& path, const std::string& from,
                     const std::string& to) {
  std::string text = read_file(path);
  const std::size_t at = text.find(from);
  if (at == std::string::npos) return false;
  write_file(path, text.replace(at, from.size(), to));
  return true;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

ProcessResult run_command(const std::string& command) {
  // Standard error goes to a file while the pipe reads standard output: two pipes read in turn
  // could block each other.
  TempDir tmp("legisite-stderr");
  const fs::path err_file = tmp.path / "stderr";
  ProcessResult result;
  FILE* pipe = popen((command + " 2>" + shell_quote(err_file.string())).c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file, std::ios::binary);
  std::ostringstream err;
  err << in.rdbuf();
  result.err = err.str();
  return result;
}

void commit_tree(const fs::path& repo, const std::string& date, const std::string& message) {
  const std::string env = "GIT_AUTHOR_DATE=" + shell_quote(date + "T12:00:00+0000") +
                          " GIT_COMMITTER_DATE=2018-08-14T12:00:00+0000 GIT_AUTHOR_NAME=L "
                          "GIT_AUTHOR_EMAIL=l@example.org GIT_COMMITTER_NAME=L "
                          "GIT_COMMITTER_EMAIL=l@example.org ";
  const ProcessResult r = run_command("cd " + shell_quote(repo.string()) + " && git add -A && " +
                                      env + "git commit -q -m " + shell_quote(message));
  REQUIRE(r.status == 0);
}

void commit_folder(const fs::path& repo, const fs::path& tree) {
  for (auto& e : fs::directory_iterator(repo))
    if (e.path().filename() != ".git") fs::remove_all(e.path());
  fs::copy(tree, repo, fs::copy_options::recursive);
  fs::remove(repo / "commit.txt");
  std::istringstream about(read_file(tree / "commit.txt"));
  std::string date, message;
  std::getline(about, date);
  std::getline(about, message);
  commit_tree(repo, date, message);
}

void make_repository(const fs::path& commits, const fs::path& repo) {
  fs::create_directories(repo);
  REQUIRE(run_command("git init -q " + shell_quote(repo.string())).status == 0);
  std::set<fs::path> trees;
  for (auto& e : fs::directory_iterator(commits)) trees.insert(e.path());
  for (const fs::path& tree : trees) commit_folder(repo, tree);
}

TempDir::TempDir(const std::string& name, bool in_memory)
    : path((in_memory && fs::is_directory("/dev/shm") ? fs::path("/dev/shm")
                                                      : fs::temp_directory_path()) /
           (name + "-" + std::to_string(::getpid()))) {
  fs::remove_all(path);
  fs::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

}  // namespace legisite::testing
