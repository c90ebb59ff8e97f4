#!/usr/bin/env python3
"""Random edits, each followed by a build over the site and a clean build that must agree.

A maintainer's check of incremental builds, run by hand (not by CI): content is copied into
--work, built once, then edited at random --steps times; after each edit `legisite build` over
the site (readings, diffs and pages of earlier builds reused) must give the same exit status, the
same messages in the same order, and a tree equal byte for byte to a clean build's, dot files
included. With --serve, `legisite serve` runs instead and rebuilds on its own after each edit; its
tree is compared with a clean build whenever that build succeeds (serve keeps the last good site
when one fails); now and then a second edit comes while serve rebuilds after the first.

Kinds of content, all real data:
- markdown: the demo content (content/), a Markdown code with history version files;
- history: css-history's Livres 3 and 4 of the legislative part, with their commits of
  commits.jsonl (../shared/corpus/css-history);
- legi: the CRPA as a DILA LEGI tree (bench/legi_from_json.py);
- json: the CRPA's Légifrance JSON dump (../shared/corpus/legifrance-json);
- git: the Tricoteuses Constitution (../shared/corpus/git), each edit committed;
- archeolex: the Archéo Lex CPI (one file holds the whole code, 199 commits), each edit
  committed.

Edits: texts changed (citations added, words removed), files added, deleted and copied into other
articles, folders renamed, files broken (bytes that are not UTF-8, front matter), files touched,
a file rewritten with its size and mtime kept (as `cp -p` does), `_index.md` files, the commit
log's messages and dates, LEGI dates, states, numbers and titles, articles of the dump changed,
added, deleted and renamed, the dump truncated, commits of texts (new versions and corrections
under the same LEGIARTI), of articles added (and listed in their title's README.md), deleted and
moved, articles of a whole code's file changed, added, deleted, renumbered and its headings
renamed, --date (not with --serve), the theme's templates.

Usage: python3 scripts/edit_campaign.py [--kind markdown|history|legi|json|git|archeolex]
       [--seeds 1-5] [--steps 30] [--serve] [--legisite build/legisite] [--work DIR]
Prints each mismatch (the edit, the first differing messages or files) and exits 1 if any; the
work folder of a seed with a mismatch is kept.
"""
import argparse
import difflib
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
CSS = "Code De La Sécurité Sociale"
HISTORY_PARTS = ["Partie Législative/Livre 3", "Partie Législative/Livre III",
                 "Partie Législative/Livre 4"]
CRPA = os.path.join(SHARED, "legifrance-json", "crpa-2026-03-14.json")
TRICOTEUSES = os.path.join(SHARED, "git", "tricoteuses-constitution.bundle")
ARCHEOLEX = os.path.join(SHARED, "git", "archeolex-cpi.bundle")
DATES = ["2026-11-26", "2005-06-01", "1999-01-01", "2015-01-01"]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def copy_history(content):
    """css-history's chosen parts, and the commits of its log that touch them."""
    for part in HISTORY_PARTS:
        shutil.copytree(os.path.join(SHARED, "css-history", "history", CSS, part),
                        os.path.join(content, "history", CSS, part))
    with open(os.path.join(SHARED, "css-history", "commits.jsonl"), encoding="utf-8") as f, \
            open(os.path.join(content, "commits.jsonl"), "w", encoding="utf-8") as out:
        for line in f:
            commit = json.loads(line)
            commit["changes"] = [c for c in commit["changes"]
                                 if any(c["path"].startswith(f"{CSS}/{p}/") for p in HISTORY_PARTS)]
            if commit["changes"]:
                out.write(json.dumps(commit, ensure_ascii=False) + "\n")


def make_content(kind, content, work):
    if kind == "markdown":
        shutil.copytree(os.path.join(ROOT, "content"), content)
    elif kind == "history":
        copy_history(content)
    elif kind in ("git", "archeolex"):
        bundle = TRICOTEUSES if kind == "git" else ARCHEOLEX
        subprocess.run(["git", "clone", "-q", bundle, content], check=True)
    elif kind == "json":
        os.makedirs(content)
        shutil.copy(CRPA, os.path.join(content, "crpa.json"))
    else:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "legi_from_json.py"), CRPA,
                        content], check=True, stdout=subprocess.DEVNULL)


class Campaign:
    """One seed's content, theme and edits."""

    def __init__(self, kind, work, seed):
        self.kind, self.work, self.rng = kind, work, random.Random(seed)
        self.content = os.path.join(work, "content")
        self.theme = os.path.join(work, "theme")
        self.date = DATES[0]
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        shutil.copytree(os.path.join(ROOT, "themes", "default"), self.theme)
        make_content(kind, self.content, work)
        self.dump = os.path.join(self.content, "crpa.json")
        self.commits = 0

    # What there is to edit.

    def files(self, suffix=None):
        suffix = suffix or (".xml" if self.kind == "legi" else ".md")
        return sorted(os.path.join(d, n) for d, _, names in os.walk(self.content)
                      for n in names if n.endswith(suffix))

    def texts(self):
        return [f for f in self.files() if not f.endswith("_index.md")]

    def folders(self):
        return sorted(os.path.join(d, n) for d, names, _ in os.walk(self.content) for n in names
                      if not n.startswith("Article") and n != "history")

    def rel(self, path):
        return os.path.relpath(path, self.content)

    # Edits of files: each returns what it did.

    def text(self):
        path = self.rng.choice(self.texts())
        data = read(path)
        if self.kind == "legi":
            old, new = self.rng.choice([
                (b"<DATE_DEBUT>", b"<DATE_DEBUT>1"), (b"<ETAT>VIGUEUR<", b"<ETAT>ABROGE<"),
                (b"<NUM>", b"<NUM>X"), (b"<TITRE_TA>", b"<TITRE_TA>Nouveau "),
                (b"<p>", b"<p>Voir l'article L. 100-2. "), (b"</CONTENU>", b"</CONTENU"),
                ("é".encode(), b"e")])
            write(path, data.replace(old, new, 1))
            return "LEGI " + self.rel(path)
        word = self.rng.choice([b"sociale", b"caisse", b"article", b"assurance", b"la", b"de"])
        new = self.rng.choice([b"XYZ ", b"", b"L. 311-3 ", b"l'article L. 412-8 ",
                               b"article R. 999-1 "])
        at = data.find(word, self.rng.randrange(len(data) + 1) // 2)
        at = at if at >= 0 else data.find(word)
        if at >= 0:
            data = data[:at] + new + data[at + len(word):]
        else:
            data += b"\nAjout. Voir l'article L. 311-5.\n"
        write(path, data)
        return "text " + self.rel(path)

    def delete(self):
        path = self.rng.choice(self.texts())
        os.remove(path)
        return "delete " + self.rel(path)

    def add(self):
        path = self.rng.choice(self.texts())
        folder, name = os.path.split(path)
        if self.kind == "legi":
            m = re.match(r"LEGI(ARTI|SCTA)\d+\.xml", name)
            if not m:
                return "nothing"
            new_id = "LEGI%s%012d" % (m.group(1), self.rng.randrange(10**12))
            data = read(path).replace(name[:-4].encode(), new_id.encode())
            target = os.path.join(folder, new_id + ".xml")
        elif re.match(r"\d+_\d{4}-\d\d-\d\d_\w+\.md", name):
            number, year, rest = int(name[:3]), int(name[4:8]), name[8:14]
            new = "%03d_%d%s_%010x.md" % (number + self.rng.choice([1, 50]),
                                          year + self.rng.choice([0, 1, 3]), rest,
                                          self.rng.randrange(16**10))
            elsewhere = os.path.dirname(self.rng.choice(self.texts()))
            target = os.path.join(folder if self.rng.random() < 0.7 else elsewhere, new)
            data = read(path)
        else:
            number = self.rng.choice(["L999-1", "L111-9", "R133-20"])
            target = os.path.join(folder, f"Article {number}.md")
            data = re.sub(rb"# Article \S+", b"# Article " + number.encode(), read(path), 1)
        write(target, data)
        return "add " + self.rel(target)

    def rename_folder(self):
        folder = self.rng.choice(self.folders())
        renamed = folder + self.rng.choice([" bis", "-x"])
        if os.path.exists(renamed):
            return "nothing"
        os.rename(folder, renamed)
        return "rename " + self.rel(folder)

    def commit_log(self):
        path = os.path.join(self.content, "commits.jsonl")
        if not os.path.exists(path):
            return "nothing"
        lines = read(path).split(b"\n")
        i = self.rng.randrange(len(lines) - 1)
        r = self.rng.random()
        if r < 0.7:
            commit = json.loads(lines[i])
            if r < 0.4:
                commit["message"] += " Art. 2 Loi 99-1 1999-01-01"
            else:
                day = commit["commit_date"]
                commit["commit_date"] = day[:3] + str((int(day[3]) + 1) % 10) + day[4:]
            lines[i] = json.dumps(commit, ensure_ascii=False).encode()
        elif r < 0.85:
            del lines[i]
        else:
            lines[i] = lines[i][:-5] + b"broken"
        write(path, b"\n".join(lines))
        return f"commit log, line {i + 1}"

    def break_file(self):
        path = self.rng.choice(self.files())
        data = read(path)
        data = self.rng.choice([data[:10] + b"\xff\xfe" + data[10:], data.replace(b"---", b"--", 1),
                                "---\nDate de début: 2099-13-45\n---\n".encode() + data])
        write(path, data)
        return "break " + self.rel(path)

    def touch(self):
        path = self.rng.choice(self.files())
        os.utime(path, None)
        return "touch " + self.rel(path)

    def same_size(self):
        """Rewritten in place with its size and mtime kept, as `cp -p` does."""
        path = self.rng.choice(self.texts())
        data = read(path)
        at = data.find(b"e")
        if at < 0:
            return "nothing"
        before = os.stat(path)
        write(path, data[:at] + b"a" + data[at + 1:])
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        return "same size and mtime " + self.rel(path)

    def index(self):
        indexes = self.files("_index.md")
        if not indexes:
            path = os.path.join(self.rng.choice(self.folders()), "_index.md")
            write(path, b"---\ntitle: Titre nouveau\n---\n")
            return "new " + self.rel(path)
        path = self.rng.choice(indexes)
        data = read(path)
        write(path, data.replace(b"title: ", b"title: Nouveau ", 1) if b"title: " in data
              else data + b"\nx\n")
        return "index " + self.rel(path)

    def build_date(self):
        self.date = self.rng.choice(DATES)
        return "--date " + self.date

    def template(self):
        templates = sorted(os.path.join(d, n) for d, _, names in os.walk(self.theme)
                           for n in names if n.endswith(".mustache"))
        path = self.rng.choice(templates)
        data = read(path)
        # Now and then a template that does not parse: the build fails, and so must the next.
        write(path, data + b"<!-- x -->\n" if self.rng.random() < 0.8 else data[:len(data) // 2])
        return "template " + os.path.relpath(path, self.theme)

    # Edits of the JSON dump.

    def dump_nodes(self, kind):
        try:
            tree = json.loads(read(self.dump))
        except ValueError:  # truncated by dump_cut: the last whole dump
            tree = json.loads(read(os.path.join(self.work, "dump.json")))
        found = []

        def walk(node, parent):
            if node.get("type") == kind:
                found.append((node, parent))
            for child in node.get("children") or []:
                walk(child, node)
        walk(tree, None)
        return tree, found

    def save_dump(self, tree):
        write(self.dump, json.dumps(tree, ensure_ascii=False).encode())

    def dump_article(self):
        tree, articles = self.dump_nodes("article")
        data = self.rng.choice(articles)[0]["data"]
        r = self.rng.random()
        if r < 0.5:
            data["texteHtml"] = (data.get("texteHtml") or "") + self.rng.choice(
                ["<p>Voir l'article L. 100-2.</p>", "<p>Ajout.</p>", "<p>Voir l'article L. 999-9.</p>"])
        elif r < 0.7:
            data["etat"] = self.rng.choice(["ABROGE", "VIGUEUR", "MODIFIE"])
        elif r < 0.85:
            data["dateDebut"] += self.rng.choice([86_400_000 * 365, -86_400_000 * 3000])
        else:
            data["num"] = (data.get("num") or "") + "-1"
        self.save_dump(tree)
        return f"dump: article {data.get('num')}"

    def dump_delete(self):
        tree, articles = self.dump_nodes("article")
        article, parent = self.rng.choice(articles)
        parent["children"].remove(article)
        self.save_dump(tree)
        return f"dump: {article['data'].get('num')} deleted"

    def dump_add(self):
        tree, articles = self.dump_nodes("article")
        article, parent = self.rng.choice(articles)
        copy = json.loads(json.dumps(article))
        copy["data"]["id"] = copy["data"]["cid"] = "LEGIARTI%012d" % self.rng.randrange(10**12)
        copy["data"]["num"] = self.rng.choice([article["data"].get("num") or "L1",
                                               "L999-%d" % self.rng.randrange(5)])
        parent["children"].append(copy)
        self.save_dump(tree)
        return f"dump: {copy['data']['num']} added"

    def dump_section(self):
        tree, sections = self.dump_nodes("section")
        self.rng.choice(sections)[0]["data"]["title"] += self.rng.choice([" bis", " (nouveau)"])
        self.save_dump(tree)
        return "dump: a section renamed"

    def dump_cut(self):
        data = read(self.dump)
        write(os.path.join(self.work, "dump.json"), data)
        write(self.dump, data[:-10])
        return "dump truncated"

    # Commits of the Tricoteuses repository: a build reads its commits, not its working tree.

    def git(self, *args, when=None):
        env = dict(os.environ, GIT_AUTHOR_NAME="Campagne", GIT_AUTHOR_EMAIL="c@example.org",
                   GIT_COMMITTER_NAME="Campagne", GIT_COMMITTER_EMAIL="c@example.org")
        if when:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
        subprocess.run(["git", *args], cwd=self.content, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def articles(self):
        return [f for f in self.files() if os.path.basename(f).startswith("article_")]

    def git_text(self):
        """A word changed; half the time as a new version (a new LEGIARTI, a later start)."""
        path = self.rng.choice(self.articles())
        data = read(path)
        body = data.find(b"\n# Article")
        at = data.find(b" ", body + self.rng.randrange(max(1, len(data) - body)))
        if body < 0 or at < 0:
            return "nothing"
        data = data[:at] + self.rng.choice([b" nouveau", b" l'article 11", b""]) + data[at:]
        if self.rng.random() < 0.5:
            data = re.sub(rb"LEGIARTI\d+", b"LEGIARTI%012d" % self.rng.randrange(10**12), data, 1)
            data = re.sub(rb"Date de d\xc3\xa9but: \d{4}", "Date de début: 2030".encode(), data, 1)
        write(path, data)
        return "commit: text of " + self.rel(path)

    def git_add(self):
        path = self.rng.choice(self.articles())
        number = "%d-%d" % (self.rng.randrange(1, 90), self.rng.randrange(1, 4))
        data = re.sub(rb"Num\xc3\xa9ro: \S+", "Numéro: ".encode() + number.encode(), read(path), 1)
        data = re.sub(rb"# Article \S+", b"# Article " + number.encode(), data, 1)
        data = re.sub(rb"LEGIARTI\d+", b"LEGIARTI%012d" % self.rng.randrange(10**12), data, 1)
        target = os.path.join(os.path.dirname(path), f"article_{number}.md")
        write(target, data)
        readme = os.path.join(os.path.dirname(path), "README.md")
        if os.path.exists(readme) and self.rng.random() < 0.7:
            write(readme, read(readme).replace(
                b"\n\n<details>", f"\n- [Article {number}](article_{number}.md)\n\n<details>".encode(), 1))
        self.git("add", "-A")
        return "commit: " + self.rel(target) + " added"

    def git_delete(self):
        path = self.rng.choice(self.articles())
        self.git("rm", "-q", path)
        return "commit: " + self.rel(path) + " deleted"

    def git_rename(self):
        path = self.rng.choice(self.articles())
        target = os.path.join(os.path.dirname(self.rng.choice(self.articles())),
                              os.path.basename(path)[:-3] + "-bis.md")
        if os.path.exists(target):
            return "nothing"
        self.git("mv", path, target)
        return "commit: " + self.rel(path) + " moved"

    # Commits of the Archéo Lex repository: one Markdown file holds the whole code.

    def whole_code(self):
        """(path, lines) of the code's file."""
        path = [f for f in self.files() if not f.endswith("README.md")][0]
        return path, read(path).split(b"\n")

    def headings(self, lines, articles):
        return [i for i, line in enumerate(lines)
                if line.startswith(b"#") and line.startswith(b"###### Article ") == articles]

    def block_end(self, lines, start):
        end = start + 1
        while end < len(lines) and not lines[end].startswith(b"#"):
            end += 1
        return end

    def code_text(self):
        path, lines = self.whole_code()
        at = self.rng.choice(self.headings(lines, True))
        lines.insert(at + 2, self.rng.choice([b"Voir l'article L. 111-2.", b"Alin\xc3\xa9a ajout\xc3\xa9.",
                                              b"Voir l'article L. 999-1 du pr\xc3\xa9sent code."]))
        lines.insert(at + 3, b"")
        write(path, b"\n".join(lines))
        return "commit: text of " + lines[at].decode(errors="replace")

    def code_delete(self):
        path, lines = self.whole_code()
        at = self.rng.choice(self.headings(lines, True))
        heading = lines[at].decode(errors="replace")
        del lines[at:self.block_end(lines, at)]
        write(path, b"\n".join(lines))
        return "commit: " + heading + " deleted"

    def code_add(self):
        path, lines = self.whole_code()
        at = self.rng.choice(self.headings(lines, True))
        end = self.block_end(lines, at)
        number = self.rng.choice([b"L999-%d" % self.rng.randrange(4), lines[at][15:] + b"-1"])
        lines[end:end] = [b"###### Article " + number] + lines[at + 1:end]
        write(path, b"\n".join(lines))
        return "commit: Article " + number.decode(errors="replace") + " added"

    def code_heading(self):
        path, lines = self.whole_code()
        at = self.rng.choice(self.headings(lines, self.rng.random() < 0.3))
        lines[at] += self.rng.choice([b" bis", b" (nouveau)"])
        write(path, b"\n".join(lines))
        return "commit: heading " + lines[at].decode(errors="replace")

    def git_commit(self, edit):
        """An edit of the working tree, committed the next day."""
        def commit():
            done = edit()
            self.commits += 1
            self.git("commit", "-q", "-a", "--allow-empty", "-m", done,
                     when=f"@{1_924_992_000 + 86_400 * self.commits} +0000")  # from 2031-01-01
            return done
        return commit

    def edits(self, serve):
        """(edit, weight) for this kind of content."""
        if self.kind == "git":
            edits = [(self.git_commit(self.git_text), 6), (self.git_commit(self.git_add), 2),
                     (self.git_commit(self.git_delete), 2), (self.git_commit(self.git_rename), 1),
                     (self.git_commit(self.break_file), 1), (self.git_commit(self.same_size), 1),
                     (self.build_date, 1), (self.template, 1)]
        elif self.kind == "archeolex":
            edits = [(self.git_commit(self.code_text), 6), (self.git_commit(self.code_delete), 2),
                     (self.git_commit(self.code_add), 2), (self.git_commit(self.code_heading), 2),
                     (self.git_commit(self.break_file), 1), (self.build_date, 1),
                     (self.template, 1)]
        elif self.kind == "json":
            edits = [(self.dump_article, 6), (self.dump_delete, 2), (self.dump_add, 2),
                     (self.dump_section, 2), (self.build_date, 1), (self.template, 1),
                     (self.dump_cut, 1)]
        else:
            edits = [(self.text, 6), (self.delete, 2), (self.add, 3), (self.rename_folder, 1),
                     (self.commit_log, 2), (self.break_file, 1), (self.touch, 1),
                     (self.same_size, 1), (self.build_date, 1), (self.template, 1), (self.index, 1)]
        # serve's --date is set when it starts.
        return [(e, w) for e, w in edits if not (serve and e == self.build_date)]

    def edit(self, serve):
        edits = self.edits(serve)
        pick = lambda: self.rng.choices([e for e, _ in edits], [w for _, w in edits])[0]()
        done = pick()
        if self.rng.random() < 0.3:
            done += "; " + pick()
        return done


def build(legisite, campaign, out, keep_going=True):
    """(exit status, messages) of a build, the site's path and timings taken out."""
    cmd = [legisite, "build", "--content", campaign.content, "--theme", campaign.theme, "--out",
           out, "--date", campaign.date] + (["--keep-going"] if keep_going else [])
    r = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    text = (r.stdout + r.stderr).replace(out, "OUT")
    text = re.sub(r"in \d+\.\d+ s", "in T s", text)
    return r.returncode, re.sub(r"\(sources:.*\)", "", text)


def tree_differences(a, b):
    """Paths whose bytes differ between two trees, or that one of them lacks."""
    found = []
    for top, other, mark in ((a, b, ""), (b, a, "+")):
        for folder, _, names in os.walk(top):
            rel = os.path.relpath(folder, top)
            for name in names:
                there = os.path.join(other, rel, name)
                if not os.path.exists(there):
                    found.append(mark + os.path.join(rel, name))
                elif not mark and read(os.path.join(folder, name)) != read(there):
                    found.append(os.path.join(rel, name))
    return found


class Serve:
    """`legisite serve` on a free port, its output read on a thread."""

    def __init__(self, legisite, campaign, site):
        self.lines = queue.Queue()
        self.proc = subprocess.Popen(
            [legisite, "serve", "--content", campaign.content, "--theme", campaign.theme, "--out",
             site, "--date", campaign.date, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        threading.Thread(target=lambda: [self.lines.put(l) for l in self.proc.stdout],
                         daemon=True).start()
        self.settle(120)

    def settle(self, first_wait):
        """Waits for the end of a build (serve's first, or a rebuild), then for 2.5 s of quiet:
        an edit made during a rebuild starts another. Returns serve's output meanwhile."""
        out, wait = [], first_wait
        while True:
            try:
                line = self.lines.get(timeout=wait)
            except queue.Empty:
                return "\n".join(out)
            out.append(line.rstrip())
            if line.startswith(("Serving", "Rebuilt:", "Build failed")):
                wait = 2.5

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def report(seed, step, done, problem, details=()):
    print(f"seed {seed}, step {step} ({done}): {problem}")
    for line in details:
        print("   ", line)


def run_seed(args, seed):
    """The number of mismatches one seed found; it stops at the third."""
    work = os.path.join(args.work, f"seed-{seed}")
    campaign = Campaign(args.kind, work, seed)
    site, clean = os.path.join(work, "site"), os.path.join(work, "clean")
    server = Serve(args.legisite, campaign, site) if args.serve else None
    if not server:
        build(args.legisite, campaign, site)
    found = 0
    for step in range(1, args.steps + 1):
        done = campaign.edit(args.serve)
        if server:
            if campaign.rng.random() < 0.3:  # another edit while serve reads or renders the first
                time.sleep(campaign.rng.uniform(0.05, 0.6))
                done += "; then " + campaign.edit(True)
            server.settle(20)
        else:
            status, messages = build(args.legisite, campaign, site)
        shutil.rmtree(clean, ignore_errors=True)
        shutil.rmtree(clean + ".legisite-previous", ignore_errors=True)
        clean_status, clean_messages = build(args.legisite, campaign, clean, not server)
        if server:
            differ = tree_differences(clean, site) if clean_status == 0 else []
            # A touch changes no byte: serve does not rebuild for it, and its record of the
            # sources keeps the file's old stamp (the next rebuild reads that file again).
            if "touch" in done and set(differ) <= {"./.legisite-sources", "./.legisite-manifest"}:
                differ = []
            if differ:
                found += 1
                report(seed, step, done, f"{len(differ)} files differ", differ[:5])
        elif "kept rather than replaced by an empty one" in messages:
            pass  # a build that finds no article never replaces a site: a clean one has none
        else:
            if (status == 0) != (clean_status == 0) or messages != clean_messages:
                found += 1
                diff = difflib.unified_diff(clean_messages.splitlines(), messages.splitlines(),
                                            "clean build", "build over the site", lineterm="")
                report(seed, step, done, f"exit {status} against {clean_status}, or messages",
                       list(diff)[:14])
            # A build that fails without publishing (a template that does not parse) keeps the
            # last site: there is no clean tree to compare it with.
            differ = tree_differences(clean, site) if os.path.isdir(clean) else []
            if differ:
                found += 1
                report(seed, step, done, f"{len(differ)} files differ", differ[:5])
        if found >= 3:
            break
    if server:
        server.stop()
    print(f"seed {seed}: {step} steps, {found} mismatches", flush=True)
    if not found:
        shutil.rmtree(work, ignore_errors=True)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=["markdown", "history", "legi", "json", "git", "archeolex"],
                        default="markdown")
    parser.add_argument("--seeds", default="1-5", help="a range, first-last")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--legisite", default=os.path.join(ROOT, "build", "legisite"))
    parser.add_argument("--work", default="/dev/shm/legisite-edit-campaign"
                        if os.path.isdir("/dev/shm") else os.path.join(ROOT, "build", "campaign"))
    args = parser.parse_args()
    args.legisite = os.path.abspath(args.legisite)
    first, _, last = args.seeds.partition("-")
    seeds = range(int(first), int(last or first) + 1)
    if args.kind != "markdown" and not os.path.isdir(SHARED):
        sys.exit(f"{SHARED} is missing: --kind {args.kind} needs the shared corpus")
    total = sum(run_seed(args, seed) for seed in seeds)
    print(f"{len(seeds)} seeds, {total} mismatches")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
