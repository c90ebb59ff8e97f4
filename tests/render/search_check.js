// Run by tests/render/search_test.cc: node search_check.js <theme's search.js> <index.js> <cases>.
// index.js is the site's search index (its "fold" table is what the script folds with); each
// line of <cases> is {"text", "terms" (search_terms of the text, by the generator), "key"
// (article_number_key)}: the script must cut, fold and key the text exactly the same way.
'use strict';
const fs = require('fs');

const [, , script, indexFile, casesFile] = process.argv;
const search = require(script);
let index = null;
globalThis.legisiteSearch.shard = (name, data) => { if (name === 'index') index = data; };
new Function(fs.readFileSync(indexFile, 'utf8'))();
search.setFold(index.fold);

const lines = fs.readFileSync(casesFile, 'utf8').split('\n').filter(Boolean);
let failures = 0;
for (const line of lines) {
  const c = JSON.parse(line);
  const terms = search.terms(c.text);
  // The slow path the snippets use, with each word's place, cuts the same terms.
  const placed = search.tokens(c.text).map((t) => t.term);
  const key = search.numberKey(c.text);
  if (JSON.stringify(terms) !== JSON.stringify(c.terms) ||
      JSON.stringify(placed) !== JSON.stringify(c.terms) || key !== c.key) {
    if (++failures <= 10) {
      console.log(`differs on ${JSON.stringify(c.text.slice(0, 200))}:\n  script ${JSON.stringify(terms).slice(0, 300)} ${key}\n  generator ${JSON.stringify(c.terms).slice(0, 300)} ${c.key}`);
    }
  }
}
console.log(`${lines.length} texts compared, ${failures} differ`);
process.exit(failures ? 1 : 0);
