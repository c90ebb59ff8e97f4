#!/usr/bin/env python3
"""Pathological inputs (issue 11, points 3 and 4): generates each in a temporary folder, builds it
with legisite under /usr/bin/time -v and prints wall time, CPU time (user + system), peak RSS, exit
status and what the build said (the first diagnostics), each case's CPU and peak RSS per MB of input
as a multiple of a whole code's (css-2026-03-14.json, built first), and the scaling of citation
counts.

    bench/pathological.py [--bin build/generator/legisite] [--only NAME…] [--quick]

Cases:
  deep-sections   one LEGI XML article whose CONTEXTE/TEXTE/TM chain is nested 10,000 deep
  deep-json       a Légifrance JSON dump whose sections nest 10,000 deep, and one whose value
                  nesting (arrays in arrays) is 100,000 deep
  deep-html       one Markdown article whose HTML nests 100,000 <div> (and <b>) deep
  citations-N     one article citing N absent articles (N = 10k, 50k, 100k): 500 become pages
  cited-only-N    N/500 articles each citing 500 absent articles: N pages without text
  diff-5mb        two 5 MB versions of one article differing everywhere; and sharing their words
  big-article     one 100 MB article, compared with a whole code (css-2026-03-14.json, 46 MB)
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
DATE = "2026-12-01"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def legi_article(folder, depth):
    tms = "".join(f'<TM><TITRE_TM debut="1990-01-01" fin="2999-01-01" id="LEGISCTA{i:012d}">Niveau {i}</TITRE_TM>'
                  for i in range(depth)) + "</TM>" * depth
    write(os.path.join(folder, "LEGITEXT000099000001", "article", "LEGIARTI000099000001.xml"),
          f"""<?xml version="1.0" encoding="UTF-8"?>
<ARTICLE><META><META_COMMUN><ID>LEGIARTI000099000001</ID><NATURE>Article</NATURE></META_COMMUN>
<META_SPEC><META_ARTICLE><NUM>L1</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT>2000-01-01</DATE_DEBUT>
<DATE_FIN>2999-01-01</DATE_FIN></META_ARTICLE></META_SPEC></META>
<CONTEXTE><TEXTE cid="LEGITEXT000099000001" nature="CODE">
<TITRE_TXT debut="1990-01-01" fin="2999-01-01" id_txt="LEGITEXT000099000001">Code profond</TITRE_TXT>
{tms}
</TEXTE></CONTEXTE>
<BLOC_TEXTUEL><CONTENU><p>Texte.</p></CONTENU></BLOC_TEXTUEL></ARTICLE>
""")


def markdown_code(folder, articles):
    write(os.path.join(folder, "code-de-test", "_index.md"), "---\ntitle: Code de la sécurité sociale\n---\n")
    for name, body in articles:
        write(os.path.join(folder, "code-de-test", f"{name}.md"), body)


def markdown_versions(folder, number, texts):
    write(os.path.join(folder, "code-de-test", "_index.md"), "---\ntitle: Code de la sécurité sociale\n---\n")
    for i, text in enumerate(texts):
        year = 2000 + i
        write(os.path.join(folder, "code-de-test", f"Article {number}", f"{i + 1:03d}_{year}-01-01_v{i}.md"),
              f"---\nÉtat: {'VIGUEUR' if i == len(texts) - 1 else 'MODIFIE'}\n---\n# Article {number}\n\n{text}\n")


def json_sections(folder, depth):
    node = '{"type": "article", "data": {"id": "LEGIARTI000099000001", "cid": "LEGIARTI000099000001", "num": "L1", "etat": "VIGUEUR", "dateDebut": "2000-01-01", "texteHtml": "<p>Texte.</p>"}}'
    for i in range(depth):
        node = ('{"type": "section", "data": {"id": "LEGISCTA%012d", "title": "Niveau %d"}, "children": [' % (i, i)
                + node + "]}")
    write(os.path.join(folder, "deep.json"),
          '{"type": "code", "data": {"id": "LEGITEXT000099000001", "title": "Code profond"}, "children": [' + node + "]}")


def json_values(folder, depth):
    write(os.path.join(folder, "deep.json"), '{"type": "code", "data": {"id": "LEGITEXT000099000001", "title": "Code profond"}, "children": [], "x": ' + "[" * depth + "]" * depth + "}")


def paragraphs(words_per_paragraph, size, seed):
    """Text of about `size` bytes: paragraphs of numbered words, different for each seed."""
    out, n, total = [], 0, 0
    while total < size:
        para = " ".join(f"mot{seed}x{n + k}" for k in range(words_per_paragraph))
        n += words_per_paragraph
        out.append(para)
        total += len(para) + 2
    return "\n\n".join(out)


def shared_words(size, seed):
    """Text of about `size` bytes drawn from one small vocabulary, shuffled differently per seed."""
    import random
    rng = random.Random(seed)
    vocab = ["le", "la", "les", "article", "code", "sécurité", "sociale", "dispositions", "décret",
             "conditions", "prévues", "travail", "assurance", "salarié", "employeur"]
    out, total = [], 0
    while total < size:
        para = " ".join(rng.choice(vocab) for _ in range(60))
        out.append(para)
        total += len(para) + 2
    return "\n\n".join(out)


def cases(quick):
    n = 1000 if quick else 10_000
    yield "deep-sections", lambda d: legi_article(d, 2_000 if quick else 10_000)
    yield "deep-json-sections", lambda d: json_sections(d, n)
    yield "deep-json-values", lambda d: json_values(d, 10 * n)
    yield "deep-html", lambda d: markdown_code(d, [("L1", "# Article L1\n\n" + "<div>" * (10 * n) + "fin"
                                                        + "</div>" * (10 * n) + "\n\n" + "<b>" * (10 * n) + "x\n")])
    for count in ([1000, 5000] if quick else [10_000, 50_000, 100_000]):
        yield f"citations-{count}", lambda d, c=count: markdown_code(
            d, [("L1", "# Article L1\n\n" + " ".join(f"Voir l'article L. {100000 + i} du code de la sécurité sociale." for i in range(c)) + "\n")])
    for count in ([1000, 5000] if quick else [10_000, 50_000, 100_000]):
        yield f"cited-only-{count}", lambda d, c=count: markdown_code(
            d, [(f"L{a}", f"# Article L{a}\n\n" + " ".join(
                f"Voir l'article L. {100000 + a * 500 + i} du code de la sécurité sociale." for i in range(500)) + "\n")
                for a in range(1, c // 500 + 1)])
    mb = 1 if quick else 5
    yield f"diff-{mb}mb-disjoint", lambda d: markdown_versions(
        d, "L1", [paragraphs(80, mb * 1_000_000, 1), paragraphs(80, mb * 1_000_000, 2)])
    yield f"diff-{mb}mb-shared-words", lambda d: markdown_versions(
        d, "L1", [shared_words(mb * 1_000_000, 1), shared_words(mb * 1_000_000, 2)])
    big = 10 if quick else 100
    yield f"big-article-{big}mb", lambda d: markdown_code(d, [("L1", "# Article L1\n\n" + paragraphs(80, big * 1_000_000, 3) + "\n")])


def run(binary, content, out):
    cmd = ["/usr/bin/time", "-v", binary, "build", "--content", content, "--out", out, "--date", DATE,
           "--keep-going"]
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else -1
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    status = re.search(r"Exit status: (\d+)", p.stderr)
    lines = [l for l in p.stderr.splitlines() if (": error: " in l or ": warning: " in l)]
    signal = re.search(r"Command terminated by signal (\d+)", p.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    return {
        "seconds": seconds,
        "cpu": (float(user.group(1)) + float(system.group(1))) if user and system else -1,
        "rss_mb": int(rss.group(1)) / 1024 if rss else -1,
        "status": (f"signal {signal.group(1)}" if signal else (status.group(1) if status else "?")),
        "diagnostics": lines,
        "pages": sum(len(f) for _, _, f in os.walk(out)) if os.path.isdir(out) else 0,
    }


def size_mb(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs) / 1e6


def per_mb(r):
    return r["cpu"] / r["input_mb"], r["rss_mb"] / r["input_mb"]


def print_case(name, r, whole):
    line = (f"{name:28} {r['input_mb']:8.1f} MB in  {r['seconds']:7.2f} s wall  {r['cpu']:7.2f} s CPU  "
            f"{r['rss_mb']:7.0f} MB peak  exit {r['status']:>3}  {r['pages']:6} files out  "
            f"{len(r['diagnostics'])} diagnostics")
    if whole and r is not whole and r["input_mb"] > 0:
        (cpu, rss), (wcpu, wrss) = per_mb(r), per_mb(whole)
        line += f"  per MB vs whole code: CPU x{cpu / wcpu:.2f}, peak x{rss / wrss:.2f}"
    print(line, flush=True)
    for diag in r["diagnostics"][:2]:
        print("    " + (diag if len(diag) < 240 else diag[:240] + "…"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "legisite"))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--quick", action="store_true", help="smaller inputs, for a quick look")
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="legisite-patho-") as tmp:
        # The reference: a whole code, whose cost per MB each case is compared with.
        whole = None
        whole_json = os.path.join(SHARED, "legifrance-json", "css-2026-03-14.json")
        if os.path.exists(whole_json):
            content = os.path.join(tmp, "whole", "content")
            os.makedirs(content)
            shutil.copy(whole_json, os.path.join(content, "css.json"))
            whole = run(args.bin, content, os.path.join(tmp, "whole", "site"))
            whole["input_mb"] = os.path.getsize(whole_json) / 1e6
            print_case("whole code (css-2026)", whole, None)
            shutil.rmtree(os.path.join(tmp, "whole"))
        for name, make in cases(args.quick):
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            content = os.path.join(tmp, name, "content")
            os.makedirs(content)
            make(content)
            r = run(args.bin, content, os.path.join(tmp, name, "site"))
            r["input_mb"] = size_mb(content)
            results[name] = r
            print_case(name, r, whole)
            shutil.rmtree(os.path.join(tmp, name))
        for prefix in ("citations-", "cited-only-"):
            runs = sorted((int(n.split("-")[-1]), r) for n, r in results.items() if n.startswith(prefix))
            for (a, ra), (b, rb) in zip(runs, runs[1:]):
                print(f"{prefix}{a} -> {b} (x{b / a:.0f}): CPU x{rb['cpu'] / max(ra['cpu'], 1e-3):.1f}, "
                      f"peak x{rb['rss_mb'] / max(ra['rss_mb'], 1):.1f}")


if __name__ == "__main__":
    sys.exit(main())
