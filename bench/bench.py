#!/usr/bin/env python3
"""Whole-code benchmark: legisite against Hugo and against a copy floor, in one run.

Builds the whole Code de la sécurité sociale (Légifrance JSON) with legisite, builds the same
articles exported as plain Markdown pages with Hugo (Debian package `hugo`) and a comparable
template, and copies legisite's output tree (same files, same bytes) as a floor. Each is run
--runs times, interleaved, and the script prints median wall time, CPU time, peak RSS, pages/s
and MB written, then the ratios legisite/Hugo and legisite/floor.

Usage: python3 bench/bench.py [--json ../shared/corpus/legifrance-json/css-2026-03-14.json]
                              [--runs 5] [--legisite build/legisite] [--work DIR]
                              [--history] [--date 2026-11-26]
       python3 bench/bench.py --history-folder ../shared/corpus/css-history [--runs 3]

By default legisite builds what Hugo builds, the current text of every article (`--no-history
--no-json`: article pages, tables of contents, cited-only pages, no JSON data files; its tree also
holds the search index); --history adds its 47,000 version, diff, law-at-date, /id/ and
amending-text pages, which Hugo's export has no equivalent of.

--history-folder compares history builds: legisite builds the Markdown history folder whole (every
article, version, diff, law-at-date and /id/ page, JSON included), Hugo builds one page per version
file (its text, a breadcrumb, the article's other versions) and one list page per article (the
current text and the list of its versions).

--work decides where the three trees are written. By default a tmpfs folder
(/dev/shm/legisite-bench, when /dev/shm exists): there the figures measure the tools. On this
machine's virtual disk (ext4, --work bench/out) file creation dominates every figure, for Hugo, the
floor and legisite alike, and grows from one run to the next as earlier trees are written back. The
README gives both.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys

from measure import timed, tree_size

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def export_for_hugo(json_path, site_dir):
    """Writes every article as a Markdown page (raw HTML body) plus a comparable template."""
    shutil.rmtree(site_dir, ignore_errors=True)
    os.makedirs(os.path.join(site_dir, "content", "articles"))
    os.makedirs(os.path.join(site_dir, "layouts", "_default"))
    with open(json_path, encoding="utf-8") as f:
        tree = json.load(f)
    count = 0

    def walk(node, path):
        nonlocal count
        if node.get("type") == "article":
            data = node["data"]
            num = data.get("num") or data["id"]
            slug = "".join(c if c.isalnum() else "-" for c in num.lower())
            crumbs = " > ".join(path)
            body = data.get("texteHtml") or ""
            with open(os.path.join(site_dir, "content", "articles", f"{slug}-{count}.md"), "w",
                      encoding="utf-8") as out:
                out.write("---\n")
                out.write(f"title: {json.dumps('Article ' + num, ensure_ascii=False)}\n")
                out.write(f"crumbs: {json.dumps(crumbs, ensure_ascii=False)}\n")
                out.write(f"etat: {json.dumps(data.get('etat', ''))}\n")
                out.write("---\n\n")
                out.write(body)
                out.write("\n")
            count += 1
        for child in node.get("children") or []:
            title = child.get("data", {}).get("title")
            walk(child, path + [title] if child.get("type") == "section" and title else path)

    walk(tree, [])
    with open(os.path.join(site_dir, "config.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                "[markup.goldmark.renderer]\nunsafe = true\n")
    page = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
            "<link rel=\"canonical\" href=\"{{ .Permalink }}\"></head><body><header><a href=\"/\">home</a>"
            "</header><main><nav>{{ .Params.crumbs }}</nav><h1>{{ .Title }}</h1>"
            "<p class=\"status\">{{ .Params.etat }}</p>{{ .Content }}"
            "{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">prev</a>{{ end }}"
            "{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">next</a>{{ end }}</main></body></html>\n")
    with open(os.path.join(site_dir, "layouts", "_default", "single.html"), "w") as f:
        f.write(page)
    with open(os.path.join(site_dir, "layouts", "_default", "list.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                "{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    return count


HISTORY_PAGE = (
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
    "<link rel=\"canonical\" href=\"{{ .Permalink }}\"></head><body><header><a href=\"/\">home</a>"
    "</header><main><nav>{{ .Params.crumbs }}</nav><h1>{{ .Title }}</h1>"
    "<p class=\"status\">Version du {{ .Params.start }}</p>{{ .Content }}"
    "<h2>Versions</h2><ul>{{ range .CurrentSection.Pages }}<li><a href=\"{{ .RelPermalink }}\">"
    "{{ .Params.start }}</a></li>{{ end }}</ul></main></body></html>\n")
HISTORY_LIST = (
    "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>"
    "</head><body><main><nav>{{ .Params.crumbs }}</nav><h1>{{ .Title }}</h1>"
    "{{ with index .Pages 0 }}{{ .Content }}{{ end }}<h2>Versions</h2><ul>{{ range .Pages }}"
    "<li><a href=\"{{ .RelPermalink }}\">{{ .Params.start }}</a></li>{{ end }}</ul></main></body>"
    "</html>\n")


def export_history_for_hugo(history_dir, site_dir):
    """One Hugo section per article folder of a Markdown history (its list page), one page per
    version file; returns the number of pages Hugo will render for them."""
    shutil.rmtree(site_dir, ignore_errors=True)
    root = os.path.join(site_dir, "content", "articles")
    os.makedirs(root)
    os.makedirs(os.path.join(site_dir, "layouts", "_default"))
    # An article moved between sections has a folder in each; legisite reads them as one article
    # (by its number), so the export joins them too.
    articles = {}
    top = os.path.join(history_dir, "history")
    for dirpath, _, names in sorted(os.walk(top)):
        for n in sorted(n for n in names if n.endswith(".md")):
            parts = os.path.relpath(dirpath, top).split(os.sep)
            articles.setdefault(parts[-1], []).append((n, dirpath, " > ".join(parts[:-1])))
    pages = 0
    for number, (title, versions) in enumerate(sorted(articles.items())):
        slug = "".join(c if c.isalnum() else "-" for c in title.lower()) + f"-{number}"
        folder = os.path.join(root, slug)
        os.makedirs(folder)
        crumbs = versions[-1][2]
        with open(os.path.join(folder, "_index.md"), "w", encoding="utf-8") as out:
            out.write(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
                      f"crumbs: {json.dumps(crumbs, ensure_ascii=False)}\n---\n")
        pages += 1
        for i, (n, dirpath, crumbs) in enumerate(versions):
            with open(os.path.join(dirpath, n), encoding="utf-8") as f:
                text = f.read()
            # The version file's first lines are its title and a "----" rule.
            body = text.split("\n----\n", 1)[-1]
            start = n.split("_")[1] if n.count("_") >= 2 else n
            with open(os.path.join(folder, f"{i:03}-{n}"), "w", encoding="utf-8") as out:
                out.write(f"---\ntitle: {json.dumps(title + ', version du ' + start, ensure_ascii=False)}\n"
                          f"crumbs: {json.dumps(crumbs, ensure_ascii=False)}\nstart: {start}\n"
                          f"weight: {len(versions) - i}\n---\n\n{body}")
            pages += 1
    with open(os.path.join(site_dir, "config.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                "[markup.goldmark.renderer]\nunsafe = true\n")
    for name, text in (("single.html", HISTORY_PAGE), ("list.html", HISTORY_LIST)):
        with open(os.path.join(site_dir, "layouts", "_default", name), "w") as f:
            f.write(text)
    return pages


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--export-only":
        print(export_for_hugo(sys.argv[2], sys.argv[3]))
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--export-history-only":
        print(export_history_for_hugo(sys.argv[2], sys.argv[3]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", default=os.path.join(ROOT, "..", "shared", "corpus", "legifrance-json",
                                                   "css-2026-03-14.json"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    ap.add_argument("--work", default="/dev/shm/legisite-bench" if os.path.isdir("/dev/shm")
                    else os.path.join(ROOT, "bench", "out"))
    ap.add_argument("--history", action="store_true",
                    help="build legisite's version, diff, law-at-date and /id/ pages too (by default "
                         "it builds what Hugo does: the current text of every article, with --no-history)")
    ap.add_argument("--history-folder", help="a Markdown history (css-history): compare legisite's "
                    "full history build with Hugo building one page per version and per article")
    ap.add_argument("--date", default="2026-11-26", help="legisite's --date, for comparable runs")
    ap.add_argument("--keep", action="store_true",
                    help="leave the three trees and Hugo's input in --work (by default they are "
                         "removed at the end: on tmpfs they hold some 200 MB of memory)")
    args = ap.parse_args()
    content = args.history_folder or args.json
    if not os.path.exists(content):
        sys.exit(f"no corpus at {content}")
    os.makedirs(args.work, exist_ok=True)
    site = os.path.join(args.work, "legisite-site")
    hugo_src = os.path.join(args.work, "hugo-src")
    hugo_out = os.path.join(args.work, "hugo-site")
    floor_out = os.path.join(args.work, "floor-copy")
    have_hugo = shutil.which("hugo") is not None

    # The export runs in its own process: this one must stay small, or every child it forks would
    # report this script's peak RSS as its own.
    articles = 0
    if have_hugo:
        export = "--export-history-only" if args.history_folder else "--export-only"
        out = subprocess.run([sys.executable, os.path.abspath(__file__), export, content, hugo_src],
                             check=True, capture_output=True, text=True).stdout
        articles = int(out.strip())
    cmds = {
        "legisite": [args.legisite, "build", "--content", content, "--theme",
                     os.path.join(ROOT, "themes", "default"), "--out", site, "--date", args.date]
                    + ([] if args.history or args.history_folder else ["--no-history", "--no-json"]),
        "hugo": ["hugo", "--quiet", "-s", hugo_src, "-d", hugo_out],
        "floor": ["cp", "-r", site, floor_out],
    }
    results = {name: [] for name in cmds}
    timed(cmds["legisite"])  # warm the page cache and produce the tree the floor copies
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            if name == "hugo" and not have_hugo:
                continue
            # Every tool writes into a fresh folder: replacing an existing site is measured apart
            # (legisite deletes the old tree after its atomic swap; Hugo would overwrite in place).
            if name == "legisite":
                shutil.rmtree(site, ignore_errors=True)
            if name == "floor":
                shutil.rmtree(floor_out, ignore_errors=True)
            if name == "hugo":
                shutil.rmtree(hugo_out, ignore_errors=True)
            results[name].append(timed(cmd)[:3])

    files, size = tree_size(site)
    pages = sum(1 for d, _, ns in os.walk(site) for n in ns if n.endswith(".html"))
    history = args.history or args.history_folder
    print(f"machine: {os.cpu_count()} cores; corpus: {os.path.basename(os.path.normpath(content))}; "
          f"runs: {args.runs}; legisite {'with' if history else 'without'} history pages")
    hugo_pages = sum(1 for d, _, ns in os.walk(hugo_out) for n in ns if n.endswith(".html")) \
        if os.path.isdir(hugo_out) else 0
    print(f"legisite output: {pages} pages, {files} files, {size / 1e6:.1f} MB; hugo input: "
          f"{articles} {'pages' if args.history_folder else 'articles'}, output: {hugo_pages} pages")
    print(f"{'':10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'pages/s':>9}")
    med = {}
    for name, rows in results.items():
        if not rows:
            continue
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        rss = statistics.median(r[2] for r in rows)
        med[name] = (wall, cpu, rss)
        n = pages if name != "hugo" else articles
        print(f"{name:10} {wall:8.3f} {cpu:8.3f} {rss:8.1f} {n / wall:9.0f}")
    if "hugo" in med:
        print(f"legisite/hugo: wall {med['legisite'][0] / med['hugo'][0]:.2f}, "
              f"cpu {med['legisite'][1] / med['hugo'][1]:.2f}, peak {med['legisite'][2] / med['hugo'][2]:.2f}")
    print(f"legisite/floor: wall {med['legisite'][0] / med['floor'][0]:.2f}, "
          f"cpu {med['legisite'][1] / med['floor'][1]:.2f}")
    print(f"MB written by legisite: {size / 1e6:.1f}")
    if args.history_folder:
        print("(pages/s counts Hugo's input pages; legisite's pages also hold diffs, dated tables and "
              "identifier pages)")
    if not args.keep:
        for tree in (site, hugo_src, hugo_out, floor_out):
            shutil.rmtree(tree, ignore_errors=True)


if __name__ == "__main__":
    main()
