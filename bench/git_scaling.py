#!/usr/bin/env python3
"""Reading a git history as it grows: `legisite check` on Tricoteuses-like repositories.

The shared bundles are small (31 and 199 commits of one code); a code published as a git
repository may have thousands of articles and commits. This script writes synthetic
repositories in Tricoteuses' layout (a root README.md naming the code's LEGITEXT, --sections
folders each with its README.md, one file per article with its LEGIARTI and Date de début) with
git fast-import: the first commit adds every article, each later one gives --changed articles a
new version (new text, new LEGIARTI, new date), and every --new-every commits one also adds an
article (listed in its section's README.md, as Tricoteuses does). Texts are drawn from a fixed
seed: the same arguments give the same repositories.

For each size ("articles x commits") it runs `legisite check --content <repo>` --runs times
with each binary given (--legisite, repeatable: an older build side by side), interleaved, and
prints the median wall time, CPU time and peak RSS, and the wall time per article and commit.
A reader whose work per commit follows what the commit changed keeps that last figure falling
as the repository grows; one that reads every article at every commit keeps it flat.

Usage: python3 bench/git_scaling.py [--sizes 3000x200,6000x400] [--changed 15] [--runs 3]
                                    [--legisite build/legisite ...] [--work DIR]
"""
import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess

from measure import ROOT, timed

WORDS = ("le la les des du code travail salarié employeur contrat durée article dispositions "
         "présent conditions").split()


def article(number, legiarti, start, version):
    r = random.Random(number * 1000 + version)
    text = "\n\n".join(" ".join(r.choice(WORDS) for _ in range(40)) + "." for _ in range(5))
    return (f"---\nNature: Article\nNuméro: L{number}\nÉtat: VIGUEUR\nDate de début: {start}\n"
            f"Identifiant: LEGIARTI{legiarti:012d}\n---\n\n# Article L{number}\n\n{text}\n")


def section_readme(s, numbers):
    return (f"---\nIdentifiant: LEGISCTA{s:012d}\n---\n\n# Titre {s}\n\n" +
            "".join(f"- [Article L{i}](article_l{i}.md)\n" for i in numbers))


def make_repository(path, articles, commits, changed, sections, new_every):
    """A git repository at `path`: `commits` commits, the first adding `articles` articles."""
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    feed = subprocess.Popen(["git", "-C", path, "fast-import", "--quiet"], stdin=subprocess.PIPE)

    def data(text):
        raw = text.encode()
        feed.stdin.write(f"data {len(raw)}\n".encode() + raw + b"\n")

    def add(file, text):
        feed.stdin.write(f"M 100644 inline {file}\n".encode())
        data(text)

    draw = random.Random(1)
    versions = [0] * articles
    for c in range(commits):
        day = datetime.datetime(1980 + c // 12, c % 12 + 1, 1, 12, tzinfo=datetime.timezone.utc)
        feed.stdin.write(f"commit refs/heads/main\ncommitter t <t@t> {int(day.timestamp())} "
                         "+0000\n".encode())
        data(f"Loi n° {c} du {day:%Y-%m-%d}")
        if c == 0:
            add("README.md", "---\nNature: CODE\nIdentifiant: LEGITEXT000000000001\n---\n\n"
                "# Code synthétique\n\n" +
                "".join(f"- [Titre {s}](titre_{s}/README.md)\n" for s in range(sections)))
            for s in range(sections):
                add(f"titre_{s}/README.md", section_readme(s, range(s, articles, sections)))
        elif new_every and c % new_every == 0:
            versions.append(0)
            s = (len(versions) - 1) % sections
            add(f"titre_{s}/README.md", section_readme(s, range(s, len(versions), sections)))
            add(f"titre_{s}/article_l{len(versions) - 1}.md",
                article(len(versions) - 1, 900_000_000 + c, f"{day:%Y-%m-%d}", 0))
        for i in range(articles) if c == 0 else draw.sample(range(articles), changed):
            versions[i] += c > 0
            add(f"titre_{i % sections}/article_l{i}.md",
                article(i, 1_000_000 + i + versions[i] * articles, f"{day:%Y-%m-%d}", versions[i]))
        feed.stdin.write(b"\n")
    feed.stdin.close()
    if feed.wait() != 0:
        raise SystemExit("git fast-import failed")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="3000x200,6000x400",
                    help="articles x commits, comma-separated")
    ap.add_argument("--changed", type=int, default=15, help="articles changed per commit")
    ap.add_argument("--sections", type=int, default=50)
    ap.add_argument("--new-every", type=int, default=4,
                    help="one commit in N adds an article (0: none)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--legisite", action="append",
                    help="a legisite binary (repeatable); default build/legisite")
    ap.add_argument("--work", default="/dev/shm/legisite-git-scaling"
                    if os.path.isdir("/dev/shm") else os.path.join(ROOT, "bench", "out"))
    args = ap.parse_args()
    binaries = args.legisite or [os.path.join(ROOT, "build", "legisite")]
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",")]
    os.makedirs(args.work, exist_ok=True)
    repos = {}
    for articles, commits in sizes:
        repos[(articles, commits)] = os.path.join(args.work, f"repo-{articles}x{commits}")
        make_repository(repos[(articles, commits)], articles, commits, args.changed, args.sections,
                        args.new_every)
    figures = {}
    for _ in range(args.runs):
        for size, repo in repos.items():
            for binary in binaries:
                cmd = [binary, "check", "--content", repo, "--date", "2026-11-26"]
                figures.setdefault((size, binary), []).append(timed(cmd)[:3])
    added = f"one added every {args.new_every} commits" if args.new_every else "none added"
    print(f"{args.changed} articles changed per commit, {added}, "
          f"{args.sections} sections, medians of {args.runs} runs, load average "
          f"{os.getloadavg()[0]:.2f}")
    print("| articles x commits | legisite | wall | CPU | peak | wall per article and commit |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for (size, binary), runs in figures.items():
        wall, cpu, peak = (statistics.median(r[i] for r in runs) for i in range(3))
        per = wall / (size[0] * size[1]) * 1e6
        print(f"| {size[0]:,} x {size[1]:,} | {binary} | {wall:.2f} s | {cpu:.2f} s | "
              f"{peak:.0f} MB | {per:.2f} µs |")
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
