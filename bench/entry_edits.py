#!/usr/bin/env python3
"""Which pages a build over the published site renders again after an edit of what tables show of
one article (a state, a date, a number, an article added), side by side for two programs.

For each corpus, the content is copied to --work (tmpfs by default) and built once by each
program; then each edit below is made, the site is built over (measured: pages re-rendered, of
which table pages, and wall time), and the edit is undone and the site built over again (not
measured), so that every edit starts from the same site. The pages re-rendered are those whose
line in the site's record of page inputs (`.legisite-inputs`) changed; table pages are the
code's table, the tables of its parts, its dated tables, the list of texts, home and search.

Corpora and edits (--date 2026-11-26, history pages):
- css-2026 (`css-2026-03-14.json`): L111-1 abrogated on 2026-01-01; L111-1's start moved a month
  earlier (its last version's, and its previous version's end); L111-1 renumbered L111-1-0 (its
  citing articles then cite an article without text); an article L111-1-99 added beside it;
- css-history: the abrogation of D162-10-2 left out of `commits.jsonl` (it stays in force); the
  last commit of 2012 that made one version, a day later (that version's start; not the last
  commit, whose date is the code's edition date, which every page names); a sentence added to
  L311-3's last version (a text edit, for comparison).

Usage: python3 bench/entry_edits.py --legisite build/legisite [--peer OTHER/legisite]
       [--work DIR]
"""
import argparse
import copy
import datetime
import json
import os
import re
import shutil
import sys

from measure import default_work, last_version_file, timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
TABLE = re.compile(r"^(index\.html|search/index\.html|textes/index\.html|[^/]+/index\.html|"
                   r"[^/]+/(\d{4}-\d{2}-\d{2}|[^/]*--[^/]*)/index\.html)$")
DAY_MS = 86400000


def dump_edit(change):
    """An edit of the dump: `change(article, node, siblings)` applied to the article numbered
    L111-1 (a node's `data`, the node in its parent's `children`)."""
    def apply(path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)

        def walk(node, siblings):
            article = node.get("data") or {}
            if article.get("num") == "L111-1" and "etat" in article:
                change(article, node, siblings)
                return True
            children = node.get("children") or []
            return any(walk(child, children) for child in children)

        if not walk(data, None):
            sys.exit("L111-1 not found in the dump")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
    return apply


def current(article):
    """The article and its entry in `articleVersions` for the version the dump gives whole."""
    return [article] + [v for v in article.get("articleVersions") or [] if v["id"] == article["id"]]


def abrogate(article, *_):
    for fields in current(article):
        fields["etat"] = "ABROGE"
        fields["dateFin"] = int(datetime.datetime(2026, 1, 1).timestamp() * 1000)


def start_earlier(article, *_):
    for fields in current(article):
        fields["dateDebut"] -= 30 * DAY_MS
    for v in article.get("articleVersions") or []:  # the version before it ends as it starts
        if v["id"] != article["id"] and v["dateFin"] == article["dateDebut"] + 30 * DAY_MS:
            v["dateFin"] = article["dateDebut"]


def renumber(article, *_):
    article["num"] = "L111-1-0"


def add_beside(article, node, siblings):
    twin = copy.deepcopy(node)
    twin["data"].update(num="L111-1-99", id="LEGIARTI999999999999", cid="LEGIARTI999999999998")
    siblings.insert(siblings.index(node) + 1, twin)


def commits_edit(change):
    def apply(content):
        path = os.path.join(content, "commits.jsonl")
        with open(path, encoding="utf-8") as f:
            commits = [json.loads(line) for line in f if line.strip()]
        change(commits)
        with open(path, "w", encoding="utf-8") as f:
            for c in commits:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return apply


def keep_abrogation(commits):
    for c in commits:
        before = len(c["changes"])
        c["changes"] = [ch for ch in c["changes"]
                        if not (ch["status"] == "D" and ch["path"].endswith("/Article D162-10-2.md"))]
        if len(c["changes"]) != before:
            return
    sys.exit("the abrogation of D162-10-2 is not in commits.jsonl")


def commit_later(commits):
    """The last commit of 2012 that made one version, a day later."""
    for c in reversed(commits):
        if c["commit_date"].startswith("2012-") and len(c["changes"]) == 1 \
                and c["changes"][0]["status"] in "AM":
            for key in ("author_date", "commit_date"):
                c[key] = (datetime.date.fromisoformat(c[key]) + datetime.timedelta(days=1)).isoformat()
            return
    sys.exit("no commit of 2012 made one version")


def text_edit(content):
    path = last_version_file(content)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\nAlinéa de mesure.\n")


def corpora():
    """(name, source to copy, content argument below the copy, [(edit name, apply(path))])."""
    return [
        ("css-2026", os.path.join(SHARED, "legifrance-json", "css-2026-03-14.json"), "css.json", [
            ("L111-1 abrogated", dump_edit(abrogate)),
            ("L111-1's start a month earlier", dump_edit(start_earlier)),
            ("L111-1 renumbered", dump_edit(renumber)),
            ("an article added", dump_edit(add_beside)),
        ]),
        ("css-history", os.path.join(SHARED, "css-history"), "", [
            ("an abrogation left out", commits_edit(keep_abrogation)),
            ("a version a day later", commits_edit(commit_later)),
            ("a text edited (L311-3)", text_edit),
        ]),
    ]


def records(site):
    out = {}
    with open(os.path.join(site, ".legisite-inputs"), encoding="utf-8") as f:
        for line in f:
            path, _, digest = line.rstrip("\n").partition("\t")
            out[path] = digest
    return out


def build(program, content, site):
    """The build's wall time."""
    wall, _, _, _ = timed([program, "build", "--content", content, "--out", site,
                           "--date", "2026-11-26", "--theme", os.path.join(ROOT, "themes", "default")])
    return wall


def copy_content(source, target):
    if os.path.isdir(source):
        shutil.copytree(source, target)
    else:
        os.makedirs(target)
        shutil.copy(source, os.path.join(target, os.path.basename(source)))


def measure(program, work, name, source, argument, edits):
    """[(edit, pages re-rendered, table pages re-rendered, wall)] for one program and corpus."""
    folder = os.path.join(work, name)
    shutil.rmtree(folder, ignore_errors=True)
    pristine, content = os.path.join(folder, "pristine"), os.path.join(folder, "content")
    copy_content(source, pristine)
    copy_content(source, content)
    if argument == "css.json":
        os.rename(os.path.join(pristine, os.path.basename(source)), os.path.join(pristine, argument))
        os.rename(os.path.join(content, os.path.basename(source)), os.path.join(content, argument))
    target = os.path.join(content, argument) if argument else content
    site = os.path.join(folder, "site")
    build(program, target, site)
    rows = []
    for edit, apply in edits:
        before = records(site)
        apply(target)
        wall = build(program, target, site)
        after = records(site)
        rendered = [p for p, d in after.items() if before.get(p) != d]
        tables = sorted(p for p in rendered if TABLE.match(p))
        rows.append((edit, len(rendered), tables, wall))
        shutil.rmtree(content)
        copy_content(pristine, content)
        build(program, target, site)
    shutil.rmtree(folder)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    parser.add_argument("--peer", help="another legisite program, measured the same way")
    parser.add_argument("--work", default=default_work("legisite-entry-edits"))
    args = parser.parse_args()
    programs = [("legisite", args.legisite)] + ([("peer", args.peer)] if args.peer else [])
    for name, source, argument, edits in corpora():
        results = {label: measure(os.path.abspath(p), args.work, name, source, argument, edits)
                   for label, p in programs}
        print(f"\n{name}")
        header = "| edit | " + " | ".join(
            f"{label}: pages re-rendered (tables), wall" for label, _ in programs) + " |"
        print(header)
        print("|---" * (1 + len(programs)) + "|")
        for i, (edit, *_rest) in enumerate(edits):
            cells = []
            for label, _ in programs:
                _, pages, tables, wall = results[label][i]
                cells.append(f"{pages:,} ({len(tables)}), {wall:.2f} s")
            print(f"| {edit} | " + " | ".join(cells) + " |")
        for edit, _, tables, _ in results["legisite"]:
            print(f"  {edit}: legisite re-rendered {' '.join(tables) or 'no table page'}")


if __name__ == "__main__":
    main()
