"""What the benchmark scripts share: timing one command alone, sizing a tree, a work folder, the
version file the edit benchmarks change."""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, cwd=None):
    """(wall s, CPU s, peak RSS MB, output) of cmd alone, its standard output and error together.

    CPU and peak come from the child's rusage. The command is started directly: a launcher (a
    fresh Python that only execs) would add some 50 ms of start-up that belongs to no tool. A
    child's peak RSS starts from this process's size at fork, which stays small, far below any
    tool's. A command that fails ends the script with its error lines and the end of its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            close_fds=True)
    out = proc.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stdout.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        errors = [line for line in out.splitlines() if ": error: " in line]
        sys.exit(f"{' '.join(cmd)} failed ({code}):\n" + "\n".join(errors[:5]) + "\n"
                 + out[-2000:])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, out


def tree_size(path):
    """(files, bytes) below path."""
    files = total = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, n))
    return files, total


def default_work(name):
    """Where a script writes: tmpfs when the machine has one (disk speed would blur the figures),
    else bench/out/<name>."""
    if os.path.isdir("/dev/shm"):
        return "/dev/shm/legisite-" + name
    return os.path.join(ROOT, "bench", "out", name)


def last_version_file(history, article="L311-3"):
    """The last version file of `article` in a Markdown history folder, by name (NNN_<date>_…),
    over every folder of that article (css-history has two for L311-3, its Livre renamed)."""
    files = []
    for dirpath, _, names in os.walk(os.path.join(history, "history")):
        if dirpath.endswith("/Article " + article):
            files += [os.path.join(dirpath, n) for n in names if n.endswith(".md")]
    if not files:
        sys.exit(f"Article {article} not found in {history}")
    return max(files, key=os.path.basename)
