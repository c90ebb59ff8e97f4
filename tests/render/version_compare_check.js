// Reads the pairs version_compare_test.cc wrote (one JSON object a line: both texts, their
// citations' links and what the generator made of them) and compares each with
// static/version-compare.js: the diff's runs and counts, its summary, and the marked text of a
// diff page. Prints "N different of M" and the first differences, exits 1 if any.
"use strict";
const fs = require("fs");
const path = require("path");
const compare = require(path.join(__dirname, "../../themes/default/static/version-compare.js"));

// The cases of text_links_test.cc for links that replace a source's <a> around a range (no text
// of css-history has one): a link per bound, the source link kept when its "</a>" is not in the
// piece, nothing made outside an <a>.
{
  const assert = require("assert");
  const html = '<p>articles <a href="https://legifrance/x">A. 1 à A. 4</a>, et</p>';
  const first = html.indexOf("A. 1"), last = html.indexOf("A. 4");
  const title = "4 articles : A1, A2, A3, A4";
  const a = { begin: first, end: first + 4, href: "../a1/", title, repoint: false, unwrap: true };
  const b = { begin: last, end: last + 4, href: "../a4/", title, repoint: false, unwrap: true };
  assert.equal(compare.spliceLinks(html, [b, a]),
               `<p>articles <a href="../a1/" title="${title}">A. 1</a> à ` +
               `<a href="../a4/" title="${title}">A. 4</a>, et</p>`);
  const piece = html.substring(0, html.indexOf("</a>"));
  assert.equal(compare.spliceLinks(piece, [a, b]), piece);
  const plain = "<p>A. 1 à A. 4</p>";
  assert.equal(compare.spliceLinks(plain, [{ begin: 3, end: 7, href: "x", title: "", unwrap: true }]),
               plain);
}

const lines = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let different = 0;
for (const line of lines) {
  const expected = JSON.parse(line);
  const diff = compare.diffTexts(expected.before, expected.after);
  const page = diff.beyondBudget
    ? { html: "", changes: 0, folds: 0, changedAlineas: [] }
    : compare.diffPage(diff, { before: expected.before, after: expected.after,
                               beforeLinks: expected.beforeLinks, afterLinks: expected.afterLinks });
  const got = {
    runs: diff.runs.map((r) => ({ kind: r.kind, html: r.html })), wordsAdded: diff.wordsAdded,
    wordsRemoved: diff.wordsRemoved, punctuationChanged: diff.punctuationChanged,
    spacingChanges: diff.spacingChanges, structureChanged: diff.structureChanged,
    beyondBudget: diff.beyondBudget, summary: compare.diffSummary(diff), page: page,
  };
  const want = {
    runs: expected.runs, wordsAdded: expected.wordsAdded, wordsRemoved: expected.wordsRemoved,
    punctuationChanged: expected.punctuationChanged, spacingChanges: expected.spacingChanges,
    structureChanged: expected.structureChanged, beyondBudget: expected.beyondBudget,
    summary: expected.summary, page: expected.page,
  };
  if (JSON.stringify(got) === JSON.stringify(want)) continue;
  if (++different <= 3) {
    for (const key of Object.keys(want)) {
      const w = JSON.stringify(want[key]), g = JSON.stringify(got[key]);
      if (w === g) continue;
      let at = 0;
      while (at < w.length && w[at] === g[at]) ++at;
      console.log(`different ${key} at ${at}:\n  want ${w.slice(Math.max(0, at - 200), at + 300)}\n` +
                  `  got  ${g.slice(Math.max(0, at - 200), at + 300)}`);
    }
  }
}
console.log(different + " different of " + lines.length);
process.exit(different ? 1 : 0);
