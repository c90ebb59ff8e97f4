#pragma once
/// Test support: what a test needs from the machine (programs, the shared corpora, temporary
/// folders, child processes), and the one rule for a test that cannot find it.

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace legisite::testing {

/// Whether the environment variable CI is "true": missing tools and data then fail the test.
bool in_ci();

/// Says that a test cannot run because `what` is missing: a warning locally (the caller then
/// returns), a failure under CI=true, where every test must really run.
void skip_because_missing(const std::string& what);

/// Whether `program` is found on the PATH.
bool have_program(const std::string& program);

/// What a child process did.
struct ProcessResult {
  int status = -1;  // exit status, or -1 when it did not exit normally
  std::string out;
  std::string err;
};

/// Runs `command` through /bin/sh, capturing its standard output and error separately.
ProcessResult run_command(const std::string& command);

/// fork() for a child that execs the program: a SIGINT or SIGTERM sent before the exec kills
/// the child as it would the program, instead of running the test framework's handler, which
/// the child inherits and which reports a failure in the test's output.
pid_t fork_for_exec();

/// Quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text);

/// Commits everything the working tree of `repo` holds with `date` (YYYY-MM-DD) as author date
/// and fixed names, so that a repository made by a test is the same on every run.
void commit_tree(const std::filesystem::path& repo, const std::string& date,
                 const std::string& message);

/// Makes the working tree of the repository `repo` the files of the folder `tree` and commits
/// them, with the author date and message its `commit.txt` gives on two lines (not committed).
void commit_folder(const std::filesystem::path& repo, const std::filesystem::path& tree);

/// Makes `repo` a new git repository whose commits are the folders of `commits`, in the order of
/// their names (commit_folder).
void make_repository(const std::filesystem::path& commits, const std::filesystem::path& repo);

/// The bytes of the file at `path`; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `text` as the whole file at `path`, making the folders above it.
void write_file(const std::filesystem::path& path, const std::string& text);

/// Replaces the first `from` in the file at `path` with `to`; false, leaving the file as it was,
/// when the file has none.
bool replace_in_file(const std::filesystem::path& path, const std::string& from,
                     const std::string& to);

/// A fresh folder below the system's temporary one, removed with its contents at end of scope.
/// `in_memory`: below /dev/shm when it exists, for trees of whole sites (a disk mounted with
/// `discard` takes seconds to delete one).
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name, bool in_memory = false);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace legisite::testing
