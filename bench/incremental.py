#!/usr/bin/env python3
"""One-article edit: a build over the published site against a clean build, in one run.

For each corpus, the content is copied to --work (tmpfs by default) and built once; then, --runs
times, one article's text is changed (alternately two texts, so every run has a change), and the
same content is built twice over the published site: as `legisite build` does by default (pages
whose inputs did not change are not rendered, files whose bytes did not change are linked from the
published site, keeping their mtime) and with `--clean` (every page rendered, every file written).
The script prints median wall and CPU time of each, their ratio, and what the default build
reported (pages re-rendered and carried over; files written, unchanged, deleted). Beside them, a
floor: `cp -al` of the published site, the staging copy made of hard links that the issue asking
for atomic incremental builds names, timed --runs times in the same run, and its ratio to the
clean build.

Corpora: css-2026 (`css-2026-03-14.json`: one article's `texteHtml` edited in the dump),
css-2026 as LEGI XML (the same dump written as a DILA LEGI tree by legi_from_json.py: the ARTICLE
file of L111-1's current version edited), css-history (`../shared/corpus/css-history`: one
version file of L311-3, its last, edited) and the Archéo Lex CPI (`archeolex-cpi.bundle` cloned:
one commit more, changing L111-1's text in the whole-code file), all with history pages,
--date 2026-11-26.

Usage: python3 bench/incremental.py [--runs 5] [--legisite build/legisite] [--work DIR]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

from measure import default_work, last_version_file, timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")



# The start of L111-1's text, which the edit marks.
L111_1 = "<p>La sécurité sociale est fondée"


def file_holding(tree, needle):
    """The first file below `tree`, in path order, whose bytes hold `needle`."""
    for folder, _, files in sorted(os.walk(tree)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                if needle in f.read():
                    return path
    sys.exit(f"no file of {tree} holds {needle!r}")


def mark_text(path, start, run_index):
    """Puts a mark after the first `start` of the file at `path`, alternately two, so that every
    run changes the text."""
    with open(path, "rb") as f:
        data = f.read()
    prefix = start.encode()
    markers = [prefix + b" (A)", prefix + b" (B)"]
    for old in markers + [prefix]:
        if old in data:
            data = data.replace(old, markers[run_index % 2], 1)
            break
    else:
        sys.exit(f"{path} does not hold {start!r}")
    with open(path, "wb") as f:
        f.write(data)


def edit_json(path, run_index):
    """Changes one article's text in the dump: L111-1's `texteHtml` (its plain `texte`, which
    comes first, is not what pages show); or, in a LEGI tree, in its ARTICLE file."""
    mark_text(path, L111_1, run_index)


def edit_markdown(path, run_index):
    """Changes one version file's text (a sentence appended, alternately two)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\n\nAlinéa de mesure [AB]\.\n$", "\n", text)
    text = text.rstrip("\n") + "\n\nAlinéa de mesure " + ("A" if run_index % 2 == 0 else "B") + ".\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# The start of L111-1's text in the CPI's Archéo Lex file.
CPI_L111_1 = "L'auteur d'une oeuvre de l'esprit jouit"


def edit_commit(path, run_index):
    """Commits a change to L111-1 in the repository's whole-code file `path` (a mark after the
    start of its text, alternately two), as a new state of the code."""
    mark_text(path, CPI_L111_1, run_index)
    env = dict(os.environ, GIT_AUTHOR_DATE="2019-01-01T12:00:00+0000",
               GIT_COMMITTER_DATE="2019-01-01T12:00:00+0000")
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org",
                    "commit", "-q", "-a", "-m", f"Mesure {run_index}"],
                   cwd=os.path.dirname(path), env=env, check=True)


def corpora(work):
    """(name, content path, file to edit, edit function), the content copied below work."""
    out = []
    json_src = os.path.join(SHARED, "legifrance-json", "css-2026-03-14.json")
    d = os.path.join(work, "css-2026")
    os.makedirs(d)
    shutil.copy(json_src, os.path.join(d, "css.json"))
    out.append(("css-2026", os.path.join(d, "css.json"), os.path.join(d, "css.json"), edit_json))
    legi = os.path.join(work, "css-2026-legi")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "legi_from_json.py"), json_src,
                    legi], check=True, stdout=subprocess.DEVNULL)
    out.append(("css-2026 LEGI", legi, file_holding(legi, L111_1.encode()), edit_json))
    hist = os.path.join(work, "css-history")
    shutil.copytree(os.path.join(SHARED, "css-history"), hist)
    out.append(("css-history", hist, last_version_file(hist), edit_markdown))
    cpi = os.path.join(work, "archeolex-cpi")
    subprocess.run(["git", "clone", "-q", os.path.join(SHARED, "git", "archeolex-cpi.bundle"), cpi],
                   check=True)
    out.append(("CPI git", cpi, file_holding(cpi, CPI_L111_1.encode()), edit_commit))
    return out


def counts(stdout):
    m = re.search(r"pages: (\d+) re-rendered, (\d+) carried over; "
                  r"files: (\d+) written, (\d+) unchanged, (\d+) deleted", stdout)
    if not m:
        return None
    n = [int(x) for x in m.groups()]
    return f"pages {n[0]}/{n[1]}, files {n[2]}/{n[3]}/{n[4]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    parser.add_argument("--work", default=default_work("incremental"))
    args = parser.parse_args()
    legisite = os.path.abspath(args.legisite)
    theme = os.path.join(ROOT, "themes", "default")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    try:
        rows = []
        for name, content, edited, edit in corpora(args.work):
            site = os.path.join(args.work, name + "-site")
            base = [legisite, "build", "--content", content, "--theme", theme, "--out", site,
                    "--date", "2026-11-26"]
            timed(base)
            inc, full, links, reported = [], [], [], None
            staging = os.path.join(args.work, "hard-links")
            for i in range(args.runs):
                edit(edited, i)
                wall, cpu, _, out = timed(base)
                inc.append((wall, cpu))
                reported = counts(out)
                wall, cpu, _, _ = timed(base + ["--clean"])
                full.append((wall, cpu))
                links.append(timed(["cp", "-al", site, staging])[0])
                shutil.rmtree(staging)
            rows.append((name, inc, full, links, reported))
        print(f"One-article edit, {args.runs} runs each, median; output in {args.work}")
        print(f"{'corpus':<14} {'over the site wall/CPU':>22} {'--clean wall/CPU':>20} "
              f"{'ratio wall, CPU':>16} {'cp -al (ratio)':>15}  pages re-rendered/carried over, "
              f"files written/unchanged/deleted")
        for name, inc, full, links, reported in rows:
            iw = statistics.median(w for w, _ in inc)
            ic = statistics.median(c for _, c in inc)
            fw = statistics.median(w for w, _ in full)
            fc = statistics.median(c for _, c in full)
            lw = statistics.median(links)
            print(f"{name:<14} {iw:>8.2f} s / {ic:>6.2f} s {fw:>8.2f} s / {fc:>6.2f} s "
                  f"{iw / fw:>8.2f}, {ic / fc:.2f} {lw:>6.2f} s ({lw / fw:.2f})  {reported}")
    finally:
        shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
