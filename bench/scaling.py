#!/usr/bin/env python3
"""Scaling: whole history builds of 1, 2, 4 and 8 copies of the CSS, time and memory per page.

The Markdown history of the Code de la sécurité sociale (../shared/corpus/css-history) is copied
once to --work (tmpfs by default); for each factor N the content folder holds N histories, each a
folder with its own commits.jsonl and history/<Code>/…, the code folder renamed in all but the
first ("Code De La Sécurité Sociale Copie 2", its log's paths rewritten to match): legisite reads
N distinct codes of the same size (a copy's texts that name "code de la sécurité sociale" cite
the first copy, as one code of a corpus cites another). The version files are hard links to the
one copy, so the content costs the disk once whatever N.

Each factor is built whole (history pages and JSON, default -j, --date 2026-11-26) into a fresh
folder on --work, --runs times (by default 3 below 8x, once from 8x), the factors interleaved run
by run so that a change of the machine's load spreads over all of them; each output is deleted
before the next build (8x writes some 5 GB: mind what else the tmpfs holds). The script prints,
per factor, the median wall time, CPU time and peak RSS, the same per page, and each per-page
figure as a ratio to the 1x one: flat scaling keeps them near 1, and the load average before and
after (on a shared machine, wall time follows the load more than the factor).

Usage: python3 bench/scaling.py [--factors 1,2,4,8] [--runs N] [--legisite build/legisite]
                                [--work DIR] [--timings]

--timings passes --timings to legisite and prints the median time of each phase per factor.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import sys

from measure import default_work, timed, tree_size

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "css-history")
CODE = "Code De La Sécurité Sociale"



def make_copy(pool, dest, index):
    """History number `index` (1-based) in dest: its log, and hard links to pool's version files
    below a code folder of its own."""
    code = CODE if index == 1 else f"{CODE} Copie {index}"
    with open(os.path.join(pool, "commits.jsonl"), encoding="utf-8") as f, \
            open(os.path.join(dest, "commits.jsonl"), "w", encoding="utf-8") as out:
        for line in f:
            commit = json.loads(line)
            for change in commit.get("changes", []):
                path = change["path"]
                if path.startswith(CODE + "/"):
                    change["path"] = code + path[len(CODE):]
            out.write(json.dumps(commit, ensure_ascii=False) + "\n")
    src_root = os.path.join(pool, "history", CODE)
    dst_root = os.path.join(dest, "history", code)
    for dirpath, _, names in os.walk(src_root):
        target = os.path.join(dst_root, os.path.relpath(dirpath, src_root))
        os.makedirs(target, exist_ok=True)
        for n in names:
            os.link(os.path.join(dirpath, n), os.path.join(target, n))



def parse_summary(out):
    """(codes, articles, pages) from legisite's summary line."""
    m = re.search(r"Built (\d+) codes?, (\d+) articles? .*?, (\d+) pages? ", out)
    if not m:
        sys.exit("no summary line in legisite's output:\n" + out[-2000:])
    return tuple(int(x) for x in m.groups())


def parse_timings(out):
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r"^  (\S+)\s+([0-9.]+) s$", out, re.MULTILINE)}


def load():
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factors", default="1,2,4,8",
                    help="comma-separated copy counts; 1 should be among them (the reference)")
    ap.add_argument("--runs", type=int, help="builds per factor, median when more (by default 3 "
                    "below 8x, 1 from 8x: an 8x build takes some 5 GB of tmpfs and minutes)")
    ap.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    ap.add_argument("--work", default=default_work("scaling"))
    ap.add_argument("--timings", action="store_true", help="print legisite's phase times too")
    args = ap.parse_args()
    factors = sorted({int(f) for f in args.factors.split(",")})
    if not os.path.isdir(CORPUS):
        sys.exit(f"no corpus at {CORPUS}")
    legisite = os.path.abspath(args.legisite)
    theme = os.path.join(ROOT, "themes", "default")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    try:
        pool = os.path.join(args.work, "pool")
        shutil.copytree(CORPUS, pool)
        contents = {}
        for n in factors:
            contents[n] = os.path.join(args.work, f"content-{n}x")
            for i in range(1, n + 1):
                dest = os.path.join(contents[n], f"css-{i}")
                os.makedirs(dest)
                make_copy(pool, dest, i)
        site = os.path.join(args.work, "site")
        runs = {n: args.runs or (3 if n < 8 else 1) for n in factors}
        samples = {n: [] for n in factors}
        load_before = load()
        for run in range(max(runs.values())):
            for n in (n for n in factors if run < runs[n]):
                cmd = [legisite, "build", "--content", contents[n], "--theme", theme, "--out",
                       site, "--date", "2026-11-26"] + (["--timings"] if args.timings else [])
                wall, cpu, rss, out = timed(cmd)
                files, size = tree_size(site)
                samples[n].append((wall, cpu, rss, out, files, size))
                shutil.rmtree(site)
        load_after = load()

        print(f"machine: {os.cpu_count()} cores; load average (1/5/15 min) {load_before} before, "
              f"{load_after} after; runs per factor (median, interleaved): "
              + ", ".join(f"{n}x {runs[n]}" for n in factors))
        head = (f"{'factor':>6} {'codes':>5} {'articles':>8} {'pages':>7} {'files':>7} "
                f"{'out MB':>7} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} | {'wall ms':>7} "
                f"{'CPU ms':>7} {'peak KB':>7} | {'ratio wall, CPU, peak':>21}")
        print("per page: each figure divided by the factor's pages; ratio: per-page figure over "
              "the 1x one")
        print(head)
        base = None
        phases, page_counts = {}, {}
        for n in factors:
            rows = samples[n]
            wall = statistics.median(r[0] for r in rows)
            cpu = statistics.median(r[1] for r in rows)
            rss = statistics.median(r[2] for r in rows)
            codes, articles, pages = parse_summary(rows[0][3])
            files, size = rows[0][4], rows[0][5]
            page_counts[n] = pages
            per = (wall / pages * 1e3, cpu / pages * 1e3, rss * 1024 / pages)
            if base is None and n == 1:
                base = per
            ratio = ", ".join(f"{p / b:.2f}" for p, b in zip(per, base)) if base else "-"
            print(f"{n:>5}x {codes:>5} {articles:>8} {pages:>7} {files:>7} {size / 1e6:>7.0f} "
                  f"{wall:>7.1f} {cpu:>7.1f} {rss:>8.0f} | {per[0]:>7.3f} {per[1]:>7.3f} "
                  f"{per[2]:>7.2f} | {ratio:>21}")
            if args.timings:
                timings = [parse_timings(r[3]) for r in rows]
                phases[n] = {k: statistics.median(t.get(k, 0.0) for t in timings)
                             for k in timings[0]}
        if args.timings and phases:
            names = list(next(iter(phases.values())))
            print("\nphase wall s (median; per page relative to 1x in brackets)")
            print(f"{'phase':<10}" + "".join(f"{str(n) + 'x':>16}" for n in factors))
            for name in names:
                cells = []
                for n in factors:
                    s = phases[n].get(name, 0.0)
                    one = phases.get(1, {}).get(name)
                    rel = f"({s / page_counts[n] / (one / page_counts[1]):.2f})" if one else ""
                    cells.append(f"{s:>9.2f} {rel:>6}")
                print(f"{name:<10}" + "".join(f"{c:>16}" for c in cells))
    finally:
        shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
