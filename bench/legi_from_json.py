#!/usr/bin/env python3
"""Writes a Légifrance API JSON code dump as a DILA LEGI XML tree, to benchmark the LEGI reader.

    python3 bench/legi_from_json.py DUMP.json OUTDIR

DUMP.json: a `consult/code` tree ({"type": "code", "data": {...}, "children": [...]}, as in
../shared/corpus/legifrance-json/). OUTDIR gets the code as DILA's "base LEGI" dumps lay it out
(tests/golden/legi-xml/content/ holds real files so placed), folders named by the first ten
digits of an id in pairs: LEGI/TEXT/00/00/06/07/31/LEGITEXT000006073189/ holds
article/LEGI/ARTI/00/00/06/74/07/LEGIARTI000006740742.xml (an ARTICLE per version),
section_ta/LEGI/SCTA/…/LEGISCTA….xml (a SECTION_TA per section), texte/struct/LEGITEXT….xml
(TEXTELR: the top level) and texte/version/LEGITEXT….xml (TEXTE_VERSION: title and dates).

The mapping, to what generator/sources/legi_xml.cc and legi_loader.cc read:
- code `data`: id -> ID and CID, title -> TITRE(FULL), etat -> ETAT, dateModif ->
  DERNIERE_MODIFICATION; DATE_DEBUT is the earliest start of its top-level sections.
- section: id -> ID, file name, TITRE_TM@id, LIEN_SECTION_TA@id (cid -> @cid); title -> TITRE_TA;
  its children in the dump's (intOrdre) order -> STRUCTURE_TA (STRUCT at the top), an article
  listed there once per version (LIEN_ART), as DILA does.
- article: each `articleVersions` entry -> an ARTICLE file (its id, etat, dates; the article's
  num) and a VERSION/LIEN_ART in every file of the article; CONTEXTE: code and section path.
  Only the version the article's `id` names has texteHtml and notaHtml: the others get an empty
  CONTENU, which legisite reads as a version without text, as it reads the JSON's.
- texteHtml, notaHtml: made well-formed XML (tags balanced, <br/> closed, entities decoded) and
  written as elements inside CONTENU, as DILA does; Légifrance's <a href> kept as they are.
- lienModifications -> LIENS/LIEN in the file of the version starting on its dateDebutCible (the
  current one when none does), as the JSON reader assigns them; a participle seen from the
  `cible` (MODIFIE/cible) becomes the noun seen from the `source` (MODIFICATION/source).
- dates: milliseconds in the JSON, YYYY-MM-DD here (2999-01-01: no end). LEGI requires ETAT:
  an empty etat is guessed, VIGUEUR (VIGUEUR_DIFF if it starts after dateModif) without an end,
  else ABROGE. An article listed twice (one cid) is written where first listed, as the JSON
  reader keeps it. Standard library only.
"""

import datetime
import html.parser
import json
import os
import re
import sys
import time

NO_END = "2999-01-01"
VOID = {"br", "hr", "img", "col", "area", "wbr", "input", "meta", "link", "base", "param"}
NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
XML_NAME = re.compile(r"^[A-Za-z_][-\w.]*$")
NOUN_OF_PARTICIPLE = {"CREE": "CREATION", "MODIFIE": "MODIFICATION", "ABROGE": "ABROGATION",
                      "CODIFIE": "CODIFICATION", "TRANSFERE": "TRANSFERT", "DEPLACE": "DEPLACEMENT"}


def text(s):
    s = NOT_XML_CHAR.sub("", s or "")
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attrs(**values):
    """XML attributes, in the order given: attrs(id="x", num="1") -> ' id="x" num="1"'."""
    return "".join(f' {k}="{text(str(v)).replace(chr(34), "&quot;")}"' for k, v in values.items())


def elements(*pairs):
    """Simple elements, one a line: ("NUM", "L111-1") -> <NUM>L111-1</NUM>, "" -> <NUM/>."""
    return "\n".join(f"<{k}>{text(v)}</{k}>" if v else f"<{k}/>" for k, v in pairs)


def day(ms):
    """A JSON date (milliseconds since 1970, UTC) as YYYY-MM-DD."""
    return (datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)).date().isoformat()


def pairs(legi_id):
    """'LEGIARTI000006740742' -> 'LEGI/ARTI/00/00/06/74/07', DILA's folder for the id."""
    digits = legi_id[8:]
    return "/".join(["LEGI", legi_id[4:8]] + [digits[i:i + 2] for i in range(0, 10, 2)])


class Xhtml(html.parser.HTMLParser):
    """HTML fragment -> well-formed XML: tags balanced, void elements closed, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open = [], []

    def handle_starttag(self, tag, attributes):
        kept = {}
        for name, value in attributes:
            if XML_NAME.match(name) and name not in kept:  # the first wins, as in HTML
                kept[name] = value or ""
        self.out.append("<" + tag + attrs(**kept) + ("/>" if tag in VOID else ">"))
        if tag not in VOID:
            self.open.append(tag)

    handle_startendtag = handle_starttag  # HTML ignores the slash of <p/>

    def handle_endtag(self, tag):
        while tag in self.open:  # a stray end tag is ignored, as HTML does
            name = self.open.pop()
            self.out.append(f"</{name}>")
            if name == tag:
                return

    def handle_data(self, data):
        self.out.append(text(data))

    def result(self):
        self.close()
        return "".join(self.out + [f"</{name}>" for name in reversed(self.open)])


def xhtml(fragment):
    if not fragment or not fragment.strip():
        return ""
    parser = Xhtml()
    parser.feed(fragment)
    return parser.result()


def state(version, today):
    """A version's etat; an empty one guessed from its dates (LEGI requires one)."""
    if version.get("etat"):
        return version["etat"]
    if day(version["dateFin"]) > today:
        return "VIGUEUR" if day(version["dateDebut"]) <= today else "VIGUEUR_DIFF"
    return "ABROGE"


def contexte(code, parents):
    """CONTEXTE: the code's title and the section path, one nested TM a level."""
    texte = attrs(autorite="", cid=code["id"], date_publi=NO_END, date_signature=NO_END,
                  ministere="", nature="CODE", nor="", num="")
    titre = attrs(c_titre_court=code["title"], debut=code["start"], fin=NO_END, id_txt=code["id"])
    out = [f"<CONTEXTE>\n<TEXTE{texte}>", f'<TITRE_TXT{titre}>{text(code["title"])}</TITRE_TXT>']
    for s in parents:
        tm = attrs(debut=s["dateDebut"], fin=s["dateFin"], id=s["id"])
        out.append(f'<TM>\n<TITRE_TM{tm}>{text(s["title"])}</TITRE_TM>')
    return "\n".join(out) + "\n" + "</TM>\n" * len(parents) + "</TEXTE>\n</CONTEXTE>"


def lien_art(data, version, today):
    return "<LIEN_ART" + attrs(debut=day(version["dateDebut"]), etat=state(version, today),
                               fin=day(version["dateFin"]), id=version["id"],
                               num=data["num"].strip(), origine="LEGI") + "/>"


def structure(children, depth, code, kept):
    """STRUCTURE_TA or STRUCT: subsections and every version of each article, in dump order."""
    out = []
    for child in children:
        d = child["data"]
        if child["type"] == "section":
            link = attrs(cid=d["cid"], debut=d["dateDebut"], etat=d["etat"], fin=d["dateFin"],
                         id=d["id"], niv=depth, url=f'/{pairs(d["id"])}/{d["id"]}.xml')
            out.append(f'<LIEN_SECTION_TA{link}>{text(d["title"])}</LIEN_SECTION_TA>')
        elif child["type"] == "article" and kept(child):
            out.extend(lien_art(d, v, code["today"]) for v in d["articleVersions"])
    return "\n".join(out)


def lien(link):
    """One lienModifications entry as a LEGI LIEN (participle/cible -> noun/source)."""
    def get(key):
        return link.get(key) or ""

    kind, sens = get("linkType"), get("linkOrientation")
    if kind in NOUN_OF_PARTICIPLE:
        kind = NOUN_OF_PARTICIPLE[kind]
        sens = {"cible": "source", "source": "cible"}.get(sens, sens)
    fields = attrs(cidtexte=get("textCid"), datesignatexte=get("dateSignaTexte"),
                   id=get("articleId"), naturetexte=get("natureText"), nortexte="",
                   num=get("articleNum"), numtexte="", sens=sens, typelien=kind)
    return f'<LIEN{fields}>{text(get("textTitle"))}</LIEN>'


def links_by_version(data):
    """Version id -> its LIEN lines: a link goes to the version starting on its dateDebutCible
    (the current one first), else to the current version."""
    current = data["id"]
    starts = {}
    for v in sorted(data["articleVersions"], key=lambda v: v["id"] != current):
        starts.setdefault(day(v["dateDebut"]), v["id"])
    out = {}
    for link in data.get("lienModifications") or []:
        when = link.get("dateDebutCible") or NO_END
        owner = current if when == NO_END else starts.get(when, current)
        out.setdefault(owner, []).append(lien(link))
    return out


def article_xml(code, parents, data, version, links):
    is_current = version["id"] == data["id"]
    versions = "\n".join(f'<VERSION{attrs(etat=state(v, code["today"]))}>\n'
                         f'{lien_art(data, v, code["today"])}\n</VERSION>'
                         for v in data["articleVersions"])
    url = f'article/{pairs(version["id"])}/{version["id"]}.xml'
    return f"""<ARTICLE>
<META>
<META_COMMUN>
{elements(("ID", version["id"]), ("ANCIEN_ID", ""), ("ORIGINE", "LEGI"), ("URL", url),
          ("NATURE", "Article"))}
</META_COMMUN>
<META_SPEC>
<META_ARTICLE>
{elements(("NUM", data["num"].strip()), ("ETAT", state(version, code["today"])),
          ("DATE_DEBUT", day(version["dateDebut"])), ("DATE_FIN", day(version["dateFin"])),
          ("TYPE", "AUTONOME"))}
</META_ARTICLE>
</META_SPEC>
</META>
{contexte(code, parents)}
<VERSIONS>
{versions}
</VERSIONS>
<NOTA>
<CONTENU>{xhtml(data.get("notaHtml")) if is_current else ""}</CONTENU>
</NOTA>
<BLOC_TEXTUEL>
<CONTENU>{xhtml(data.get("texteHtml")) if is_current else ""}</CONTENU>
</BLOC_TEXTUEL>
<LIENS>
{chr(10).join(links)}
</LIENS>
</ARTICLE>"""


def section_xml(code, parents, node, kept):
    d = node["data"]
    return f"""<SECTION_TA>
{elements(("ID", d["id"]), ("TITRE_TA", d["title"]))}
<STRUCTURE_TA>
{structure(node.get("children") or [], len(parents) + 2, code, kept)}
</STRUCTURE_TA>
{contexte(code, parents)}
</SECTION_TA>"""


def text_meta(code, kind):
    """What a code's TEXTELR (kind "struct") and TEXTE_VERSION ("version") open with."""
    url = f'texte/{kind}/{pairs(code["id"])}/{code["id"]}.xml'
    return f"""<META>
<META_COMMUN>
{elements(("ID", code["id"]), ("ANCIEN_ID", ""), ("ORIGINE", "LEGI"), ("URL", url),
          ("NATURE", "CODE"))}
</META_COMMUN>
<META_SPEC>
<META_TEXTE_CHRONICLE>
{elements(("CID", code["cid"]), ("NUM", ""), ("NUM_SEQUENCE", "0"), ("NOR", ""),
          ("DATE_PUBLI", NO_END), ("DATE_TEXTE", NO_END),
          ("DERNIERE_MODIFICATION", code["modified"]))}
</META_TEXTE_CHRONICLE>"""


def text_files(code, root, kept):
    """The code's TEXTELR (struct/) and TEXTE_VERSION (version/) documents."""
    struct = f"""<TEXTELR>
{text_meta(code, "struct")}
</META_SPEC>
</META>
<VERSIONS>
<VERSION{attrs(etat=code["etat"])}>
<LIEN_TXT{attrs(debut=code["start"], fin=NO_END, id=code["id"], num="")}/>
</VERSION>
</VERSIONS>
<STRUCT>
{structure(root.get("children") or [], 1, code, kept)}
</STRUCT>
</TEXTELR>"""
    version = f"""<TEXTE_VERSION>
{text_meta(code, "version")}
<META_TEXTE_VERSION>
{elements(("TITRE", code["title"]), ("TITREFULL", code["title"]), ("ETAT", code["etat"]),
          ("DATE_DEBUT", code["start"]), ("DATE_FIN", NO_END))}
</META_TEXTE_VERSION>
</META_SPEC>
</META>
</TEXTE_VERSION>"""
    return struct, version


def first_sightings(root):
    """A test for the article nodes to write: the first one of each cid, in document order."""
    first, stack = {}, [root]
    while stack:
        node = stack.pop()
        if node["type"] == "article":
            first.setdefault(node["data"].get("cid") or node["data"]["id"], id(node))
        stack.extend(reversed(node.get("children") or []))
    return lambda node: first[node["data"].get("cid") or node["data"]["id"]] == id(node)


def write(folder, relative, content):
    path = os.path.join(folder, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + content + "\n")


def convert(root, out_dir):
    """Writes the whole tree; returns the number of files written."""
    d = root["data"]
    tops = [c["data"].get("dateDebut") or NO_END for c in root.get("children") or []
            if c["type"] == "section"]
    code = {"id": d["id"], "cid": d.get("cid") or d["id"], "title": " ".join(d["title"].split()),
            "etat": d.get("etat") or "VIGUEUR", "modified": d.get("dateModif") or NO_END,
            "start": min(tops, default=NO_END),
            "today": d.get("dateModif") or datetime.date.today().isoformat()}
    folder = os.path.join(out_dir, pairs(code["id"]), code["id"])
    kept = first_sightings(root)
    written = 0

    def walk(node, parents):
        nonlocal written
        data = node["data"]
        if node["type"] == "section":
            write(folder, f'section_ta/{pairs(data["id"])}/{data["id"]}.xml',
                  section_xml(code, parents, node, kept))
            written += 1
            for child in node.get("children") or []:
                walk(child, parents + [data])
        elif node["type"] == "article" and kept(node):
            links = links_by_version(data)
            for v in data["articleVersions"]:
                write(folder, f'article/{pairs(v["id"])}/{v["id"]}.xml',
                      article_xml(code, parents, data, v, links.get(v["id"], [])))
                written += 1

    for child in root.get("children") or []:
        walk(child, [])
    struct, version = text_files(code, root, kept)
    write(folder, f'texte/struct/{code["id"]}.xml', struct)
    write(folder, f'texte/version/{code["id"]}.xml', version)
    return written + 2


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: python3 bench/legi_from_json.py DUMP.json OUTDIR")
    started = time.monotonic()
    with open(argv[1], encoding="utf-8") as f:
        root = json.load(f)
    if root.get("type") != "code":
        sys.exit(f'{argv[1]}: not a Légifrance code tree (no "type": "code" at its root)')
    files = convert(root, argv[2])
    print(f"{argv[2]}: {files} files written in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main(sys.argv)
