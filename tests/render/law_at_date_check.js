// Run by tests/render/date_jump_test.cc: node law_at_date_check.js <theme's date-jump.js>
// <code's table-a-une-date.js> <tables>. Each line of <tables> is {"day", "nav" (what the
// generator wrote inside a dated table's <nav>)}: the script's own table of that day, built from
// the code's data, must be the same HTML once line breaks and their indentation are set aside.
'use strict';
const fs = require('fs');

const [, , script, codeFile, tablesFile] = process.argv;
const jump = require(script);
let code = null;
global.legisiteLawAtDate = (slug, data) => { code = data; };
// The file is a script calling legisiteLawAtDate, as a page loads it.
new Function(fs.readFileSync(codeFile, 'utf8'))();

const flat = (html) => html.replace(/\s*\n\s*/g, '');
const lines = fs.readFileSync(tablesFile, 'utf8').split('\n').filter(Boolean);
let failures = 0;
for (const line of lines) {
  const t = JSON.parse(line);
  const want = flat(t.nav);
  const got = flat(jump.tableOn(code.toc, t.day, '../').html);
  if (got === want) continue;
  failures++;
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  console.log(`${t.day}: the script's table differs at ${i}:\n  generator: …${want.slice(Math.max(0, i - 80), i + 120)}\n  script:    …${got.slice(Math.max(0, i - 80), i + 120)}`);
}
console.log(`${lines.length} tables compared with the generator's; ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
