#!/usr/bin/env python3
"""Edit-to-served latency of `legisite serve`, beside a `legisite build` over the site, in one run.

css-history (`../shared/corpus/css-history`) is copied to --work (tmpfs by default) and served
(`legisite serve --port 0 --date 2026-11-26`, history pages), with the page of L311-3 held open
(its event stream, as a browser's live-reload script holds it); once its first build is served,
--runs times, an edit is made and the script measures the time from the end of that write to the
moment the article's page, fetched over HTTP every few milliseconds, shows it. The edit is:
- `--edit text` (the default): a sentence appended to the last version file of L311-3;
- `--edit template`: a comment appended to the theme's footer partial;
- `--edit log`: a mention appended to the message of the commit that made L311-3's last version,
  which its page shows;
- `--edit legi`: css-2026 written as a DILA LEGI tree (legi_from_json.py) is served instead, with
  L111-1's page open, and a mark put in the text of L111-1's ARTICLE file;
alternately two, so every run has a change. Then the same edits are made with the server
stopped, each followed by `legisite build` over a site of its own (the same options), timed from
the write to the end of the build. Prints median, min and max of each, how long serve took to
show the open pages (its "Updated …" lines: from the edit's reading for text and template edits,
from the rebuild's start for others), the ratio of the medians and the median of each phase of
serve's whole rebuilds (`--timings`).

Usage: python3 bench/serve_latency.py [--runs 5] [--edit text|template|log|legi]
       [--legisite build/legisite] [--work DIR]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from measure import default_work, last_version_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
DATE = "2026-11-26"
PAGE = "/code-de-la-securite-sociale/l311-3/"
POLL_SECONDS = 0.003


def sentence(run_index):
    return "Alinéa de mesure " + ("A" if run_index % 2 == 0 else "B") + "."


def append_marker(path, marker, previous, separator):
    """Appends `marker` to the file after `separator`, in place of the one a previous run
    appended (`previous`, a pattern matching it with its separator at the end of the file)."""
    with open(path, encoding="utf-8") as f:
        text = re.sub(previous, "", f.read())
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + separator + marker + "\n")


def edit_markdown(path, run_index):
    """This run's sentence as the version file's last alinéa."""
    append_marker(path, sentence(run_index), r"\n\nAlinéa de mesure [AB]\.\n$", "\n\n")


def comment(run_index):
    return "<!-- mesure " + ("A" if run_index % 2 == 0 else "B") + " -->"


def edit_template(path, run_index):
    """This run's comment as the template's last line."""
    append_marker(path, comment(run_index), r"\n<!-- mesure [AB] -->\n$", "\n")


def mention(run_index):
    return "(mesure " + ("A" if run_index % 2 == 0 else "B") + ")"


def edit_log(path, run_index):
    """This run's mention at the end of the message of the commit that made L311-3's last
    version, which the article's page shows beside that version."""
    with open(path, encoding="utf-8") as f:
        commits = [json.loads(line) for line in f if line.strip()]
    last = [c for c in commits
            if any(ch["path"].endswith("/Article L311-3.md") for ch in c["changes"])][-1]
    last["message"] = re.sub(r" \(mesure [AB]\)$", "", last["message"]) + " " + mention(run_index)
    with open(path, "w", encoding="utf-8") as f:
        for c in commits:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")


# The start of L111-1's text in css-2026, where `--edit legi` puts its mark.
L111_1 = "La sécurité sociale est fondée"
LEGI_PAGE = "/code-de-la-securite-sociale/l111-1/"


def mark(run_index):
    return L111_1 + (" (A)" if run_index % 2 == 0 else " (B)")


def edit_legi(path, run_index):
    """This run's mark after the start of L111-1's text, in its ARTICLE file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(re.escape(L111_1) + r"(?: \([AB]\))?", mark(run_index), text, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class Edit:
    """The file an edit changes, how, and what the page shows once it is served."""

    def __init__(self, kind, path):
        self.path = path
        self.page, self.article = (LEGI_PAGE, "L111-1") if kind == "legi" else (PAGE, "L311-3")
        self.apply = {"text": edit_markdown, "template": edit_template, "log": edit_log,
                      "legi": edit_legi}[kind]
        self.shown = {"text": sentence, "template": comment, "log": mention, "legi": mark}[kind]


def legi_tree(work):
    """(content folder, the ARTICLE file to edit): css-2026 as a LEGI tree, L111-1's current
    version's file."""
    content = os.path.join(work, "css-2026-legi")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "legi_from_json.py"),
                    os.path.join(SHARED, "legifrance-json", "css-2026-03-14.json"), content],
                   check=True, stdout=subprocess.DEVNULL)
    for folder, _, files in sorted(os.walk(content)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                if "<p>" + L111_1 in f.read():
                    return content, path
    sys.exit("no ARTICLE file holds L111-1's text")


def copy_history(work):
    """(content folder, the version file to edit): L311-3's last version file, by name."""
    content = os.path.join(work, "css-history")
    shutil.copytree(os.path.join(SHARED, "css-history"), content)
    return content, last_version_file(content)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError):
        return ""


class Server:
    """`legisite serve` in the background, its standard output read line by line."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, close_fds=True)
        self.lines = []
        self.port = None
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            m = re.search(r"at http://[^:]+:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                self.ready.set()
        self.ready.set()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)


def rebuild_phases(lines):
    """Each phase's wall times over the rebuilds (`--timings` lines after each "Rebuilt")."""
    phases, started = {}, False
    for line in lines:
        if line.startswith("Rebuilt"):
            started = True
            continue
        m = re.match(r"^\s+(\w+)\s+([\d.]+) s$", line)
        if started and m:
            phases.setdefault(m.group(1), []).append(float(m.group(2)))
    return phases


def wait_for_rebuilds(server, count):
    """Until serve has printed the end of `count` rebuilds (built or failed)."""
    deadline = time.perf_counter() + 120
    while sum(1 for line in server.lines
              if line.startswith(("Rebuilt", "Build failed"))) < count:
        if time.perf_counter() > deadline:
            sys.exit("serve did not finish its rebuild:\n" + "\n".join(server.lines[-20:]))
        time.sleep(0.05)


def quick_updates(lines):
    """The seconds of each edit serve showed before its whole rebuild ("Updated 50 pages of L311-3 in 0.05 s")."""
    return [float(m.group(1)) for m in
            (re.match(r"^Updated \d+ (?:open )?pages? .*in ([\d.]+) s", line) for line in lines) if m]


def hold_open(url):
    """Reads the event stream at `url` until serve closes it, as an open page's script does."""
    def read():
        try:
            with urllib.request.urlopen(url, timeout=600) as stream:
                while stream.readline():
                    pass
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
    threading.Thread(target=read, daemon=True).start()


def serve_runs(legisite, theme, content, edit, site, runs):
    server = Server([legisite, "serve", "--content", content, "--theme", theme, "--out", site,
                     "--date", DATE, "--port", "0", "--timings"])
    try:
        server.ready.wait(timeout=600)
        if server.port is None:
            sys.exit("legisite serve did not start:\n" + "\n".join(server.lines[-20:]))
        url = f"http://127.0.0.1:{server.port}{edit.page}"
        if edit.article not in fetch(url):
            sys.exit(f"{url} does not show {edit.article}")
        hold_open(f"http://127.0.0.1:{server.port}/__legisite/events?page={edit.page}")
        latencies = []
        for i in range(runs):
            # The whole rebuild that follows each edit's first answer must be over: an edit saved
            # during it is read by it and shown when it ends.
            wait_for_rebuilds(server, i)
            time.sleep(0.5)  # the watcher settles
            edit.apply(edit.path, i)
            written = time.perf_counter()
            while edit.shown(i) not in fetch(url):
                if time.perf_counter() - written > 120:
                    sys.exit("the edit was not served within 120 s:\n" +
                             "\n".join(server.lines[-20:]))
                time.sleep(POLL_SECONDS)
            latencies.append(time.perf_counter() - written)
        wait_for_rebuilds(server, runs)  # the last rebuild's phases come after its site is served
        time.sleep(0.2)
        return latencies, rebuild_phases(server.lines), quick_updates(server.lines)
    finally:
        server.stop()


def build(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def build_runs(legisite, theme, content, edit, site, runs):
    cmd = [legisite, "build", "--content", content, "--theme", theme, "--out", site,
           "--date", DATE]
    build(cmd)
    latencies = []
    for i in range(runs):
        edit.apply(edit.path, i + 1)  # the other change than the serve runs' last one
        written = time.perf_counter()
        build(cmd)
        latencies.append(time.perf_counter() - written)
        with open(os.path.join(site, edit.page.strip("/"), "index.html"), encoding="utf-8") as f:
            if edit.shown(i + 1) not in f.read():
                sys.exit("the build did not publish the edit")
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edit", choices=["text", "template", "log", "legi"], default="text")
    parser.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    parser.add_argument("--work", default=default_work("serve-latency"))
    args = parser.parse_args()
    legisite = os.path.abspath(args.legisite)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    theme = os.path.join(args.work, "theme")
    shutil.copytree(os.path.join(ROOT, "themes", "default"), theme)
    try:
        if args.edit == "legi":
            content, edited = legi_tree(args.work)
        else:
            content, version_file = copy_history(args.work)
            edited = {"text": version_file,
                      "template": os.path.join(theme, "templates", "partials", "footer.mustache"),
                      "log": os.path.join(content, "commits.jsonl")}[args.edit]
        edit = Edit(args.edit, edited)
        served, phases, quick = serve_runs(legisite, theme, content, edit,
                                           os.path.join(args.work, "served"), args.runs)
        built = build_runs(legisite, theme, content, edit, os.path.join(args.work, "built"),
                           args.runs)
        what = {"text": "css-history, one version file of L311-3",
                "template": "css-history, the footer partial of the theme",
                "log": "css-history, the commit log (a commit's message)",
                "legi": "css-2026 as a LEGI tree, L111-1's ARTICLE file"}[args.edit]
        print(f"{what} edited, {args.runs} runs each "
              f"(load average {os.getloadavg()[0]:.1f})")
        print(f"{'':<34} {'median':>8} {'min':>8} {'max':>8}")
        rows = [("serve: write -> page served", served),
                ("build over the site: write -> end", built)]
        if quick:
            rows.insert(1, ("serve: the pages shown at once", quick))
        for name, values in rows:
            print(f"{name:<34} {statistics.median(values):>7.3f}s {min(values):>7.3f}s "
                  f"{max(values):>7.3f}s")
        print(f"ratio of medians serve/build: "
              f"{statistics.median(served) / statistics.median(built):.2f}")
        print("serve's rebuilds, median wall time of each phase (--timings): " +
              ", ".join(f"{name} {statistics.median(v):.3f} s" for name, v in phases.items()))
    finally:
        shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
