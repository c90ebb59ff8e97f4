#!/usr/bin/env python3
"""The static search on a whole code: what it costs the build, what a reader downloads, how fast
it answers.

Builds the whole Code de la sécurité sociale (Légifrance JSON) with this tree's legisite and with
another binary without search (main's, `--base`), interleaved, --runs times each, and prints the
median wall and CPU times and their ratio. Then, on the site this tree built, it sums the search
index (raw and gzip -6, "compressed-equivalent": what a server sending gzip would transfer) by
what each kind of search loads, and, when `chromium` is installed, opens the search page from
disk with a few queries in headless Chromium and prints the time the page itself measured from
the query to the result list (index loading from disk included: the first search of a page);
with the browser suite's packages (tests/browser/node_modules), it also types queries key by key
(bench/search_latency.mjs) and prints the time from each key to its result list.

Usage: python3 bench/search.py [--json ../shared/corpus/legifrance-json/css-2026-03-14.json]
                               [--legisite build/legisite] [--base /work/tools/legisite-bb0128a]
                               [--runs 5] [--work DIR] [--date 2026-11-26]
"""
import argparse
import glob
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse

from measure import default_work, timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))



def sizes(paths):
    raw = sum(os.path.getsize(p) for p in paths)
    packed = sum(len(gzip.compress(open(p, "rb").read(), 6)) for p in paths)
    return raw, packed


def mb(n):
    return f"{n / 1e6:.2f} MB"


def report_index(site):
    folder = os.path.join(site, "recherche")
    every = sorted(glob.glob(os.path.join(folder, "*.js")))
    index = [os.path.join(folder, "index.js"), os.path.join(ROOT, "themes/default/static/search.js")]
    articles = [p for p in every if p.endswith("-articles.js")]
    terms = [p for p in every if "-texte-mots-" in p]
    texts = [p for p in every if re.search(r"-texte-\d+\.js$", p)]
    versions = [p for p in every if "-versions-" in p]
    rows = [
        ("whole index (every file below recherche/)", every),
        ("a search by number (index.js, search.js, articles)", index + articles),
        ("a search of words (+ every run of terms)", index + articles + terms),
        ("  + the texts of one run, for snippets", index + articles + terms + texts[:1]),
        ("a phrase, worst case (+ every text)", index + articles + terms + texts),
        ("older versions (terms and texts)", versions),
    ]
    print(f"\nSearch index of {site}: {len(every)} files, {len(texts)} runs of texts")
    for label, paths in rows:
        raw, packed = sizes(paths) if paths else (0, 0)
        print(f"  {label:55} {mb(raw):>10} raw  {mb(packed):>10} gzip")


def latency(site, queries):
    if not shutil.which("chromium"):
        print("\nchromium not found: no latency figures")
        return
    print("\nHeadless Chromium, search page opened from disk with ?q= (the page's own measure, "
          "from the query to the list, index loading included):")
    for q in queries:
        profile = tempfile.mkdtemp(prefix="legisite-search-bench-")
        url = "file://" + os.path.abspath(site) + "/recherche/index.html?q=" + urllib.parse.quote(q)
        out = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120).stdout
        shutil.rmtree(profile, ignore_errors=True)
        m = re.search(r'id="search-status"[^>]*data-ms="(\d+)"[^>]*>([^<]*)<', out) or \
            re.search(r'data-ms="(\d+)"[^>]*id="search-status"[^>]*>([^<]*)<', out)
        print(f"  {q!r:40} " + (f"{m.group(1):>5} ms  {m.group(2)}" if m else "no result list"))


def keystrokes(site):
    """Key-by-key latency through puppeteer (the browser suite's packages), when installed."""
    modules = os.path.join(ROOT, "tests/browser/node_modules/puppeteer-core")
    if not (shutil.which("node") and shutil.which("chromium") and os.path.isdir(modules)):
        print("\nnode, chromium or tests/browser/node_modules missing: no keystroke figures")
        return
    print("\nHeadless Chromium, typing on the search page opened from disk, 1 s after it loaded:")
    sys.stdout.flush()
    subprocess.run(["node", os.path.join(ROOT, "bench/search_latency.mjs"), site], check=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", default=os.path.join(
        ROOT, "../shared/corpus/legifrance-json/css-2026-03-14.json"))
    ap.add_argument("--legisite", default=os.path.join(ROOT, "build/legisite"))
    ap.add_argument("--base", default="/work/tools/legisite-bb0128a",
                    help="a legisite without search, to compare build times with")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=default_work("search-bench"))
    ap.add_argument("--date", default="2026-11-26")
    args = ap.parse_args()

    os.makedirs(args.work, exist_ok=True)
    times = {"search": [], "base": []}
    tools = [("search", args.legisite)] + ([("base", args.base)] if os.path.exists(args.base) else [])
    for _ in range(args.runs):
        for name, binary in tools:
            out = os.path.join(args.work, name)
            times[name].append(timed([binary, "build", "--content", args.json, "--out", out,
                                    "--date", args.date]))
    print(f"Build of {os.path.basename(args.json)}, median of {args.runs} (interleaved):")
    for name, binary in tools:
        wall = statistics.median(t[0] for t in times[name])
        cpu = statistics.median(t[1] for t in times[name])
        print(f"  {name:7} {binary:45} wall {wall:6.2f} s  CPU {cpu:6.2f} s")
    if len(tools) == 2:
        w = [statistics.median(t[0] for t in times[n]) for n in ("search", "base")]
        c = [statistics.median(t[1] for t in times[n]) for n in ("search", "base")]
        print(f"  with search / without: wall {w[0] / w[1]:.3f}, CPU {c[0] / c[1]:.3f}")
    site = os.path.join(args.work, "search")
    report_index(site)
    latency(site, ["L133-6", "r. 133-1", "cotisation", "interlocuteur social unique",
                   '"caisse nationale"', "securite sociale"])
    sys.stdout.flush()
    keystrokes(site)


if __name__ == "__main__":
    main()
