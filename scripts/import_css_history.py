#!/usr/bin/env python3
"""One-time import of a demo slice of css-history into content/ (Python 3 standard library only).

Not part of the build: the generator never reads ../shared. This script copies a chosen slice of the
css-history corpus (every version of every article of the Code de la sécurité sociale, one file per
version, as a public git history packaged in ../shared/corpus/css-history) into the content layout
described in README.md, "Content layout", and writes content/README.md with the provenance of every
file.

The slice:
  * every article of `Livre 1/Titre 3/Chapitre 3 Bis` in the three parts that have one (Partie
    législative, Décrets en Conseil d'Etat, Décrets simples);
  * articles L213-1 and L752-4.
Every article gets every version css-history has of its number, from every folder path that number
ever had (the producer's folder structure changed over time); the article folder is put under the
path of its most recent version. The seed (../shared/seeds/R133-19.md, Légifrance export of the 2013
version of R133-19) replaces css-history's file for the same version, byte for byte.

Dates. A css-history file name carries the *author* date of its commit, which is the date of the
amending text (décret, loi...), not the date the version took effect; the *commit* date is the
version's start date (it matches a Légifrance `dateDebut` for 99% of the corpus's versions that
Légifrance still lists, while the file-name date matches in under 10%). `--dates effective` (the
default) writes the commit date as `Date de début`; `--dates filename` writes the file-name date.
Dates clamped to 1970-01-01 by the producer are replaced by the first ISO date of the commit
message when it has one.

Two versions of one article may start on the same day (the first one is then superseded on the day
it takes effect: a zero-length version, which Légifrance lists too). All are written; the generator
tells them apart by their history file names.

Usage (from the repository root):
  python3 scripts/import_css_history.py [--corpus DIR] [--out DIR] [--seed FILE] [--dates MODE]

It wipes and rewrites OUT/code-de-la-securite-sociale/ and OUT/README.md, and touches nothing else.
Deterministic: sorted walks, no timestamps.
"""

import argparse
import json
import os
import re
import shutil
import sys
from collections import defaultdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CODE_FOLDER = "Code De La Sécurité Sociale"  # in css-history/history/
CODE_SLUG_FOLDER = "code-de-la-securite-sociale"  # in content/
CODE_TITLE = "Code de la sécurité sociale"
CODE_ID = "LEGITEXT000006073189"

PART_L = "Partie Législative"
PART_R = "Partie Réglementaire - Décrets En Conseil D'Etat"
PART_D = "Partie Réglementaire - Décrets Simples"

# Section folders (below CODE_FOLDER) whose every article is imported.
SLICE_SECTIONS = [
    PART_L + "/Livre 1/Titre 3/Chapitre 3 Bis",
    PART_R + "/Livre 1/Titre 3/Chapitre 3 Bis",
    PART_D + "/Livre 1/Titre 3/Chapitre 3 Bis",
]
# Single articles imported wherever css-history has them.
EXTRA_ARTICLES = ["L213-1", "L752-4"]

# The seed replaces one css-history version file (same article, same version).
SEED_ARTICLE = "R133-19"
SEED_REPLACES = "002_2013-07-08_aa2f1922ba.md"
SEED_FILE_NAME = "002_2013-07-08_seed.md"
SEED_REASON = (
    "Légifrance export of the same 2013 version (Décret n°2013-597 du 8 juillet 2013), with its "
    "\"Liens relatifs à cet article\" block; kept byte for byte. Keeping css-history's file too would "
    "make two versions of one date (a duplicate-version error). Its start date comes from its file "
    "name (it has no front matter)."
)

# Section titles and sibling order. Titles are the ones Légifrance gives today (snapshot
# ../shared/corpus/legifrance-json/css-2026-03-14.json), not necessarily the 2015 wording.
# Keys are css-history folder paths below CODE_FOLDER. The parts get an explicit order L, R, D.
LIVRE_I = "Livre I : Généralités - Dispositions communes à tout ou partie des régimes de base"
SECTION_TITLES = {
    PART_L: ("Partie législative", 1),
    PART_R: ("Partie réglementaire - Décrets en Conseil d'Etat", 2),
    PART_D: ("Partie réglementaire - Décrets simples", 3),
    PART_L + "/Livre 1": (LIVRE_I, None),
    PART_L + "/Livre 1/Titre 3": ("Titre III : Dispositions communes relatives au financement", None),
    PART_L + "/Livre 1/Titre 3/Chapitre 3 Bis": (
        "Chapitre 3 bis : Modernisation et simplification des déclarations sociales ainsi que du "
        "recouvrement des cotisations et contributions sociales", None),
    PART_L + "/Livre 2": (
        "Livre II : Organisation du régime général, action de prévention, action sanitaire et "
        "sociale des caisses", None),
    PART_L + "/Livre 2/Titre 1": (
        "Titre I : Organismes locaux et régionaux - Organismes à circonscription nationale", None),
    PART_L + "/Livre 2/Titre 1/Chapitre 3": (
        "Chapitre 3 : Unions pour le recouvrement des cotisations de sécurité sociale et "
        "d'allocations familiales (U.R.S.S.A.F)", None),
    PART_L + "/Livre 7": ("Livre VII : Régimes divers - Dispositions diverses", None),
    PART_L + "/Livre 7/Titre 5": (
        "Titre V : Dispositions particulières à la Guadeloupe, à la Guyane, à la Martinique, à "
        "La Réunion, à Saint-Barthélemy et à Saint-Martin", None),
    PART_L + "/Livre 7/Titre 5/Chapitre 2": (
        "Chapitre 2 : Organisation administrative et financière - Contentieux", None),
    PART_R + "/Livre 1": (LIVRE_I, None),
    PART_R + "/Livre 1/Titre 3": (
        "Titre III : Dispositions communes relatives au financement et placements", None),
    PART_R + "/Livre 1/Titre 3/Chapitre 3 Bis": (
        "Chapitre 3 bis : Modernisation et simplification des déclarations sociales ainsi que du "
        "recouvrement des cotisations et contributions sociales", None),
    PART_D + "/Livre 1": (LIVRE_I, None),
    PART_D + "/Livre 1/Titre 3": ("Titre III : Dispositions communes relatives au financement", None),
    PART_D + "/Livre 1/Titre 3/Chapitre 3 Bis": (
        "Chapitre 3 bis : Modernisation et simplification des déclarations sociales et du "
        "recouvrement des cotisations et contributions sociales", None),
}

VERSION_FILE_RE = re.compile(r"^(\d{3})_(\d{4}-\d{2}-\d{2})_([0-9a-f]{7,40})\.md$")
ISO_DATE_RE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
CLAMPED_DATE = "1970-01-01"
LATIN_ORDINALS = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies",
                  "decies"]
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


class ImportError_(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Small helpers


def roman_to_int(text):
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN[ch]
        if i + 1 < len(text) and ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def section_order(folder_name):
    """Sibling order for "Livre 2", "Titre III", "Chapitre 3 Bis", "Chapitre 1er": 10*n + ordinal."""
    m = re.match(r"^\S+\s+(\d+|[IVXLC]+)(?:er)?(?:\s+(\w+))?$", folder_name)
    if not m:
        return None
    num = m.group(1)
    n = int(num) if num.isdigit() else roman_to_int(num)
    suffix = (m.group(2) or "").lower()
    extra = LATIN_ORDINALS.index(suffix) + 1 if suffix in LATIN_ORDINALS else 0
    return n * 10 + extra


def clean_folder_title(folder_name):
    """Fallback title: css-history title-cases every word; lower-case the Latin ordinals."""
    words = folder_name.split(" ")
    return " ".join(w.lower() if w.lower() in LATIN_ORDINALS else w for w in words)


def article_sort_key(num):
    """Code order of an article number within the slice: L, R, D, then digit runs numerically."""
    prefix = re.match(r"^[A-Z*]*", num).group(0)
    parts = tuple(int(p) for p in re.findall(r"\d+", num))
    return ("LRDA".find(prefix[:1]) if prefix else 9, prefix, parts, num)


def md_cell(text):
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def below_code(path):
    """A css-history path without its leading code folder."""
    prefix = CODE_FOLDER + "/"
    return path[len(prefix):] if path.startswith(prefix) else path


def rel_to_repo(path):
    rel = os.path.relpath(os.path.abspath(path), REPO_ROOT)
    return rel.replace(os.sep, "/")


# ---------------------------------------------------------------------------------------------
# Reading css-history


def load_commits(corpus):
    """Commits in file order (the producer's commit order), with an index for tie-breaking."""
    commits = []
    with open(os.path.join(corpus, "commits.jsonl"), encoding="utf-8") as f:
        for index, line in enumerate(f):
            line = line.strip()
            if not line:
                continue
            c = json.loads(line)
            c["index"] = index
            c["paths"] = {ch["path"]: ch["status"] for ch in c["changes"]}
            commits.append(c)
    return commits


def index_article_folders(history):
    """Number -> sorted list of article folder paths (relative to history/, '/'-separated)."""
    folders = defaultdict(list)
    code_root = os.path.join(history, CODE_FOLDER)
    for root, dirs, files in os.walk(code_root):
        dirs.sort()
        name = os.path.basename(root)
        if name.startswith("Article "):
            rel = os.path.relpath(root, history).replace(os.sep, "/")
            folders[name[len("Article "):]].append(rel)
    for num in folders:
        folders[num].sort()
    return folders


def slice_numbers(history):
    nums = set(EXTRA_ARTICLES)
    for section in SLICE_SECTIONS:
        root_dir = os.path.join(history, CODE_FOLDER, *section.split("/"))
        if not os.path.isdir(root_dir):
            raise ImportError_("slice section not found in corpus: %s" % section)
        for root, dirs, files in os.walk(root_dir):
            dirs.sort()
            name = os.path.basename(root)
            if name.startswith("Article "):
                nums.add(name[len("Article "):])
    return nums


def find_commit(commits_by_prefix, short, change_path):
    candidates = [c for c in commits_by_prefix.get(short[:7], []) if c["sha"].startswith(short)]
    matching = [c for c in candidates if change_path in c["paths"]]
    if len(matching) != 1:
        raise ImportError_("%d commits match %s for %s" % (len(matching), short, change_path))
    return matching[0]


def read_version_body(path, num):
    """The text of a css-history version file without its `Article <NUM>` / `----` heading."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    head, sep, rest = text.partition("\n")
    underline, sep2, body = rest.partition("\n")
    if head != "Article " + num or underline != "----" or not sep2:
        raise ImportError_("unexpected heading in %s: %r / %r" % (path, head, underline))
    return body


def collect_versions(history, commits_by_prefix, folders, num, date_mode):
    versions = []
    for folder in folders[num]:
        abs_folder = os.path.join(history, *folder.split("/"))
        for file_name in sorted(os.listdir(abs_folder)):
            m = VERSION_FILE_RE.match(file_name)
            if not m:
                raise ImportError_("unexpected file %s/%s" % (folder, file_name))
            file_date, short = m.group(2), m.group(3)
            commit = find_commit(commits_by_prefix, short, folder + ".md")
            if commit["author_date"] != file_date:
                raise ImportError_("file date %s is not the author date of %s" % (
                    file_date, commit["sha"]))
            start = commit["commit_date"] if date_mode == "effective" else file_date
            notes = []
            if start == CLAMPED_DATE:
                found = ISO_DATE_RE.search(commit["message"])
                if found:
                    start = found.group(1)
                    notes.append("date clamped to 1970-01-01 by the producer; %s taken from the "
                                 "commit message" % start)
                else:
                    notes.append("date clamped to 1970-01-01 by the producer; no ISO date in the "
                                 "commit message")
            versions.append({
                "num": num,
                "folder": folder,
                "file": file_name,
                "file_date": file_date,
                "start": start,
                "commit": commit,
                "status": commit["paths"][folder + ".md"],
                "notes": notes,
            })
    # Producer's commit order = order of the versions in time (commit dates never go back).
    versions.sort(key=lambda v: (v["commit"]["index"], v["file"]))
    return versions


def deleted_paths(commits, folders, num):
    """Commits that delete one of this article's paths (an abrogation, or a move)."""
    paths = {f + ".md" for f in folders[num]}
    out = []
    for c in commits:
        for path, status in sorted(c["paths"].items()):
            if status == "D" and path in paths:
                out.append((c, path))
    return out


# ---------------------------------------------------------------------------------------------
# Writing content/


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def out_folder_for(content_code, folder):
    """css-history `Code De La Sécurité Sociale/<sections>/Article X` -> content path."""
    parts = folder.split("/")
    assert parts[0] == CODE_FOLDER
    return os.path.join(content_code, *parts[1:])


def write_section_indexes(content_code, section_paths):
    written = []
    for section in sorted(section_paths):
        name = section.rsplit("/", 1)[-1]
        title, order = SECTION_TITLES.get(section, (clean_folder_title(name), None))
        if order is None:
            order = section_order(name)
        lines = ["---", "title: " + title]
        if order is not None:
            lines.append("order: %d" % order)
        lines += ["---", ""]
        write_text(os.path.join(content_code, *section.split("/"), "_index.md"), "\n".join(lines))
        written.append((section, title, order))
    return written


def version_text(start, num, body):
    return "---\nDate de début: %s\n---\n# Article %s\n\n%s" % (start, num, body)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.path.join(REPO_ROOT, "..", "shared", "corpus",
                                                         "css-history"),
                        help="css-history folder (default: ../shared/corpus/css-history from the "
                             "repository root)")
    parser.add_argument("--out", default=os.path.join(REPO_ROOT, "content"),
                        help="content folder (default: content/ in the repository root)")
    parser.add_argument("--seed", default=os.path.join(REPO_ROOT, "..", "shared", "seeds",
                                                       "R133-19.md"),
                        help="Légifrance export of R133-19 (default: ../shared/seeds/R133-19.md)")
    parser.add_argument("--dates", choices=["effective", "filename"], default="effective",
                        help="Date de début from the commit date (effective, default) or from the "
                             "file name (the amending text's date)")
    args = parser.parse_args(argv)

    corpus = os.path.abspath(args.corpus)
    history = os.path.join(corpus, "history")
    out = os.path.abspath(args.out)
    content_code = os.path.join(out, CODE_SLUG_FOLDER)

    commits = load_commits(corpus)
    commits_by_prefix = defaultdict(list)
    for c in commits:
        commits_by_prefix[c["sha"][:7]].append(c)
    folders = index_article_folders(history)
    nums = sorted(slice_numbers(history), key=article_sort_key)
    missing = [n for n in nums if n not in folders]
    if missing:
        raise ImportError_("articles not in the corpus: %s" % ", ".join(missing))

    with open(args.seed, "rb") as f:
        seed_bytes = f.read()
    if not seed_bytes.startswith(("# Article %s\n" % SEED_ARTICLE).encode("utf-8")):
        raise ImportError_("the seed does not start with '# Article %s'" % SEED_ARTICLE)

    # Plan everything before touching the disk.
    articles = []
    for num in nums:
        versions = collect_versions(history, commits_by_prefix, folders, num, args.dates)
        # Seed: replaces the css-history file of the same version; dated by its own file name.
        for v in versions:
            if num == SEED_ARTICLE and v["file"] == SEED_REPLACES:
                v["seed_replaces"] = v["file"]
                v["file"] = SEED_FILE_NAME
                v["start"] = re.match(r"^\d{3}_(\d{4}-\d{2}-\d{2})_", SEED_FILE_NAME).group(1)
                v["notes"].append("seed: replaces css-history's %s (effective date per css-history "
                                  "%s)" % (SEED_REPLACES, v["commit"]["commit_date"]))
        if num == SEED_ARTICLE and not any("seed_replaces" in v for v in versions):
            raise ImportError_("css-history has no %s for %s" % (SEED_REPLACES, SEED_ARTICLE))
        # Every version is kept, same-day ones included: the generator tells them apart by their
        # history file name (NNN_YYYY-MM-DD_<commit>.md), as it does for any dated history.
        kept, skipped = list(versions), []
        kept.sort(key=lambda v: (v["start"], v["commit"]["index"]))
        latest = max(kept, key=lambda v: (v["start"], v["commit"]["index"]))
        target_folder = latest["folder"]
        names = [v["file"] for v in kept]
        if len(set(names)) != len(names):
            raise ImportError_("two versions of %s share a file name" % num)
        dates = [v["start"] for v in versions]
        articles.append({
            "num": num,
            "folder": target_folder,
            "sources": folders[num],
            "kept": kept,
            "skipped": skipped,
            "filename_order_ok": all(
                [v["file_date"] for v in sorted(vs, key=lambda v: v["file"])] ==
                sorted(v["file_date"] for v in vs)
                for vs in [[v for v in versions if v["folder"] == f] for f in folders[num]]),
            "effective_order_ok": dates == sorted(dates),
            "deletions": deleted_paths(commits, folders, num),
        })

    # Write: wipe only the code folder (idempotent), then the code, sections, versions, README.
    if os.path.isdir(content_code):
        shutil.rmtree(content_code)
    write_text(os.path.join(content_code, "_index.md"),
               "---\ntitle: %s\nid: %s\n---\n" % (CODE_TITLE, CODE_ID))
    section_paths = set()
    for a in articles:
        parts = a["folder"].split("/")[1:-1]  # below the code folder, above "Article X"
        for i in range(1, len(parts) + 1):
            section_paths.add("/".join(parts[:i]))
    sections = write_section_indexes(content_code, section_paths)
    for a in articles:
        target = out_folder_for(content_code, a["folder"])
        for v in a["kept"]:
            path = os.path.join(target, v["file"])
            if "seed_replaces" in v:
                os.makedirs(target, exist_ok=True)
                with open(path, "wb") as f:
                    f.write(seed_bytes)
            else:
                src = os.path.join(history, *v["folder"].split("/"), v["file"])
                write_text(path, version_text(v["start"], a["num"], read_version_body(src, a["num"])))

    readme = render_readme(args, articles, sections, seed_rel=rel_to_repo(args.seed),
                           corpus_rel=rel_to_repo(corpus), out_rel=rel_to_repo(out))
    write_text(os.path.join(out, "README.md"), readme)

    n_versions = sum(len(a["kept"]) for a in articles)
    n_skipped = sum(len(a["skipped"]) for a in articles)
    print("%d articles, %d versions written, %d same-day versions not imported, %d sections"
          % (len(articles), n_versions, n_skipped, len(sections)))
    return 0


# ---------------------------------------------------------------------------------------------
# content/README.md


def render_readme(args, articles, sections, seed_rel, corpus_rel, out_rel):
    n_articles = len(articles)
    n_versions = sum(len(a["kept"]) for a in articles)
    n_source_files = sum(len(a["kept"]) + len(a["skipped"]) for a in articles)
    n_skipped = sum(len(a["skipped"]) for a in articles)
    multi = [a for a in articles if len(a["sources"]) > 1]
    command = "python3 scripts/import_css_history.py --corpus %s --out %s/" % (corpus_rel, out_rel)
    if args.dates != "effective":
        command += " --dates " + args.dates
    if seed_rel != "../shared/seeds/R133-19.md":
        command += " --seed " + seed_rel
    date_rule = (
        "the **commit date** of the css-history commit that created the version (the date the "
        "version took effect)" if args.dates == "effective" else
        "the date in the css-history **file name** (the author date of the commit: the date of "
        "the amending text)")

    L = []
    w = L.append
    w("# Demo content: Code de la sécurité sociale (slice)")
    w("")
    w("This folder is the demo corpus of legisite, in the layout of the top-level README.md, "
      "\"Content layout\". It is generated: do not edit it by hand, re-run the import instead.")
    w("")
    w("## What it is")
    w("")
    w("A slice of the Code de la sécurité sociale (`LEGITEXT000006073189`) with the full version "
      "history of each article, up to April 2015:")
    w("")
    w("- every article of Livre I, Titre III, Chapitre 3 bis in the three parts that have one: "
      "Partie législative (L133-5 … L133-10), Partie réglementaire - Décrets en Conseil d'Etat "
      "(R133-10 …), Partie réglementaire - Décrets simples (D133-5 …);")
    w("- articles L213-1 and L752-4 (cited by R133-19 and by several articles of the chapter).")
    w("")
    w("**%d articles, %d versions** (%d css-history version files read, %d of them replaced by the "
      "seed, %d same-day versions not imported)."
      % (n_articles, n_versions, n_source_files, 1, n_skipped))
    w("")
    w("## Where it comes from")
    w("")
    w("The texts are DILA data (Légifrance), under the Licence Ouverte / Open Licence "
      "(Etalab). They come from a public git history of the French codes (one commit per legal "
      "change, up to April 2015) as packaged in `../shared/corpus/css-history` "
      "(`history/` for the files, `commits.jsonl` for the commits). One file, "
      "`Article R133-19/%s`, is instead the Légifrance export kept in `%s` (see *The seed*)."
      % (SEED_FILE_NAME, seed_rel))
    w("")
    w("Section titles (`_index.md`) are those Légifrance gives today (snapshot "
      "`../shared/corpus/legifrance-json/css-2026-03-14.json`), which may differ from their 2015 "
      "wording; section folder names are css-history's.")
    w("")
    w("## How it was produced")
    w("")
    w("From the repository root:")
    w("")
    w("```sh")
    w(command)
    w("```")
    w("")
    w("The script (Python 3 standard library) wipes and rewrites `content/%s/` and this README, "
      "and nothing else. Its output is deterministic." % CODE_SLUG_FOLDER)
    w("")
    w("- Each article is a folder `Article <NUM>/` with one file per version, named as in "
      "css-history (`<NNN>_<YYYY-MM-DD>_<commit>.md`: `NNN` is the producer's commit order within "
      "one css-history folder, the date is the commit's author date).")
    w("- Each file is css-history's text unchanged, with its `Article <NUM>` / `----` heading "
      "rewritten as an ATX heading `# Article <NUM>`, and front matter holding only "
      "`Date de début`.")
    w("- `Date de début` is %s. In css-history the date in a file name is the date of the "
      "amending text (décret, loi…), not the start date of the version: the commit date is the "
      "one that matches Légifrance's `dateDebut` (for 99%% of css-history's versions that "
      "Légifrance still lists, against under 10%% for the file-name date). Dates clamped to "
      "1970-01-01 by the producer would be replaced by the ISO date of the commit message; no "
      "version of this slice is affected." % date_rule)
    w("- An article whose number sat under several css-history folder paths over time "
      "(the producer's folder structure changed) has ONE folder, under the path of its most "
      "recent version, holding the versions from every path.")
    w("- Nothing from css-history says whether a version is in force or abrogated, so no `État` "
      "and no `Date de fin` are written (see *Deletions* for what css-history does record).")
    w("")
    w("## The seed")
    w("")
    w("`%s` is the 2013 version of R133-19 as exported by Légifrance, with its \"Liens relatifs "
      "à cet article\" block. It is copied byte for byte as "
      "`Article R133-19/%s` **instead of** css-history's `%s`: the two are the same version "
      "(Décret n°2013-597 du 8 juillet 2013 - art. 1), and keeping both would be a "
      "duplicate-version error. It has no front matter, so its start date is the one in its file "
      "name, 2013-07-08 (the decree's date; css-history's commit date for that version is "
      "2013-07-10). css-history's 2005 version, `001_2005-08-12_7bf0eb739c.md`, sits beside it."
      % (seed_rel, SEED_FILE_NAME, SEED_REPLACES))
    w("")
    w("## Articles")
    w("")
    w("Folders are relative to `%s/` in content and to `%s/` in css-history's `history/`; "
      "the article folder is `Article <NUM>` inside the section folder."
      % (CODE_SLUG_FOLDER, CODE_FOLDER))
    w("")
    w("| article | section folder | versions | other css-history folders of the same number |")
    w("| --- | --- | ---: | --- |")
    for a in articles:
        others = [s for s in a["sources"] if s != a["folder"]]
        w("| %s | `%s` | %d | %s |" % (
            a["num"], md_cell(below_code(a["folder"].rsplit("/", 1)[0])), len(a["kept"]),
            "<br>".join("`%s`" % md_cell(below_code(s)) for s in others)))
    w("")
    w("## Anomalies in the source data")
    w("")
    w("- **One article, several folders**: %s. Their versions are merged into one folder each "
      "(see *Articles*)." % ", ".join(
          "%s (%d folders)" % (a["num"], len(a["sources"])) for a in multi))
    bad_order = [a["num"] for a in articles if not a["filename_order_ok"]]
    w("- **`NNN` order is not file-name date order** in css-history folders of: %s. The producer "
      "numbered versions in commit-date order; the file-name date (the amending text's date) can "
      "be earlier than the previous version's (e.g. a law of 2008-08-04 whose provision took "
      "effect in 2009)." % (", ".join(bad_order) or "none"))
    w("- **Versions never in force are not marked**: css-history has no state, so a version "
      "Légifrance lists as `MODIFIE_MORT_NE` looks like any other. E.g. L213-1's "
      "`004_2006-08-01_2281988346.md` (arrêté of 2006-08-01, \"en vigueur le 1er janvier 2007\") "
      "is `MODIFIE_MORT_NE` in Légifrance, where the 2006-12-22 version stays in force until "
      "2009-01-01; here it appears in force from 2007-01-01.")
    w("- **Delete and re-add**: D133-10 is modified and deleted on 2014-10-01 (see *Deletions*), "
      "then added again on 2015-01-01; Légifrance shows an uninterrupted history.")
    bad_eff = [a["num"] for a in articles if not a["effective_order_ok"]]
    if bad_eff:
        w("- **Start dates out of commit order**: %s." % ", ".join(bad_eff))
    same_day = sum(1 for a in articles for i, v in enumerate(a["kept"])
                   if any(o["start"] == v["start"] for o in a["kept"][i + 1:]))
    w("- **Same-day versions**: %d versions take effect on the same day as a later-committed "
      "version of the same article (a zero-length version, superseded the day it took effect; "
      "Légifrance lists such versions too, with `dateDebut` = `dateFin`). All are imported: the "
      "generator tells them apart by their history file names (`NNN_YYYY-MM-DD_<commit>.md`)."
      % same_day)
    w("")
    w("## Deletions recorded by css-history")
    w("")
    w("css-history records the removal of an article file (an abrogation, or a renumbering) as a "
      "`D` change in `commits.jsonl`. These are not encoded in the content (no `Date de fin`, no "
      "`État`); a later version of the same number, when there is one, is a re-creation.")
    w("")
    w("| article | deleted on (commit date) | commit | path (below `%s/`) |" % CODE_FOLDER)
    w("| --- | --- | --- | --- |")
    for a in articles:
        for c, path in a["deletions"]:
            w("| %s | %s | `%s` %s | `%s` |" % (
                a["num"], c["commit_date"], c["sha"][:10], md_cell(c["message"]),
                md_cell(below_code(path))))
    w("")
    w("## Sections")
    w("")
    w("| folder (below `%s/`) | title | order |" % CODE_SLUG_FOLDER)
    w("| --- | --- | ---: |")
    for section, title, order in sections:
        w("| `%s` | %s | %s |" % (md_cell(section), md_cell(title), "" if order is None else order))
    w("")
    w("## Provenance of every version")
    w("")
    w("Paths are relative to `../shared/corpus/css-history/history/%s/`. The commit message "
      "names the amending text." % CODE_FOLDER)
    w("")
    w("| article | version file | Date de début | css-history commit | commit message | original "
      "path | note |")
    w("| --- | --- | --- | --- | --- | --- | --- |")
    for a in articles:
        for v in a["kept"]:
            note = list(v["notes"])
            if v["start"] != v["file_date"] and "seed_replaces" not in v:
                note.insert(0, "file-name date %s" % v["file_date"])
            original = "/".join(v["folder"].split("/")[1:]) + "/" + v.get("seed_replaces",
                                                                           v["file"])
            w("| %s | `%s` | %s | `%s` | %s | `%s` | %s |" % (
                a["num"], md_cell(v["file"]), v["start"], v["commit"]["sha"],
                md_cell(v["commit"]["message"]), md_cell(original), md_cell("; ".join(note))))
    w("")
    return "\n".join(L)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ImportError_ as e:
        print("import_css_history: error: %s" % e, file=sys.stderr)
        sys.exit(1)
