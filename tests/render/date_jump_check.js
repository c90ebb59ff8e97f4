// Run by tests/render/date_jump_test.cc: node date_jump_check.js <theme's date-jump.js> <cases>.
// Each line of <cases> is {"page", "kind", "data" (the page's embedded JSON), "day", "expect"
// (the href the generator's own rule gives for that day, or "none")}: the script must choose the
// same page. Then a few fixed checks of what it says when there is no page to go to.
'use strict';
const fs = require('fs');
const assert = require('assert');

const [, , script, casesFile] = process.argv;
const jump = require(script);

const lines = fs.readFileSync(casesFile, 'utf8').split('\n').filter(Boolean);
let failures = 0;
for (const line of lines) {
  const c = JSON.parse(line);
  let got;
  if (c.kind === 'article') {
    const v = jump.chooseVersion(jump.versionsOf(c.data), c.day).version;
    // The generator writes a page's link to itself "index.html".
    got = v ? (v.self ? 'index.html' : v.href) : 'none';
  } else {
    const t = jump.chooseTable(c.data.tables, c.day).table;
    got = t ? t.href : 'none';
  }
  if (got !== c.expect) {
    failures++;
    console.log(`${c.page} on ${c.day}: the script chose ${got}, the generator ${c.expect}`);
  }
}

const text = (plan) => plan.parts.map((p) => (typeof p === 'string' ? p : `[${p.text}](${p.href})`)).join('');
try {
  assert.strictEqual(jump.parseDay('2013-07-08'), '2013-07-08');
  assert.strictEqual(jump.parseDay(' 8/7/2013 '), '2013-07-08');
  assert.strictEqual(jump.parseDay('2013-02-29'), null);
  assert.strictEqual(jump.parseDay('juillet'), null);
  assert.strictEqual(jump.french('2000-01-01'), '1er janvier 2000');
  assert.strictEqual(jump.french('2013-07-08'), '8 juillet 2013');

  // A version page's data: the page of 2005, then a version without text in the edition, a
  // gap from 2017 to 2020, and a second version on the same day (its own folder).
  const data = {
    base: '../',
    self: '2005-08-12',
    versions: [
      { start: '2005-08-12', end: '2013-07-08' },
      { start: '2013-07-08', end: '2017-05-10', text: false },
      { start: '2020-01-01', end: '2020-01-01' },
      { start: '2020-01-01', end: '', slug: '2020-01-01-2' },
    ],
  };
  // Half-open: the end day belongs to the next version; a same-day version has its own folder.
  assert.strictEqual(jump.plan('article', data, '2013-07-08').go, '../2013-07-08/index.html');
  assert.strictEqual(jump.plan('article', data, '2020-01-01').go, '../2020-01-01-2/index.html');
  assert.strictEqual(text(jump.plan('article', data, '2013-07-07')),
                     'Version en vigueur le 7 juillet 2013.');
  assert.strictEqual(text(jump.plan('article', { ...data, self: '2013-07-08' }, '2014-01-01')),
                     'Version en vigueur le 1er janvier 2014. Cette édition ne contient pas son texte.');
  assert.strictEqual(text(jump.plan('article', data, '2000-01-01')),
                     'L’article n’était pas encore en vigueur le 1er janvier 2000 : sa première version ' +
                     's’applique à partir du 12 août 2005. [Voir cette version](../2005-08-12/index.html).');
  assert.strictEqual(text(jump.plan('article', data, '2018-03-01')),
                     'Aucune version de l’article n’était en vigueur le 1er mars 2018 : [la version du 8 ' +
                     'juillet 2013](../2013-07-08/index.html) a cessé de s’appliquer le 10 mai 2017 ; ' +
                     '[la suivante](../2020-01-01/index.html) s’applique à partir du 1er janvier 2020.');
  // On the article page ("base" empty, no "self"), every day in force goes to a version page.
  assert.strictEqual(jump.plan('article', { versions: data.versions }, '2010-01-01').go,
                     '2005-08-12/index.html');

  const tables = [
    { date: '2005-08-12', href: '../2005-08-12/index.html' },
    { date: '2013-07-08', href: 'index.html', self: true },
  ];
  assert.strictEqual(jump.plan('code', { tables, complete: true, until: '2026-11-26' }, '2010-01-01').go,
                     '../2005-08-12/index.html');
  assert.strictEqual(text(jump.plan('code', { tables, complete: true, until: '2026-11-26' }, '2014-01-01')),
                     'Vous avez demandé le 1er janvier 2014 : le code n’a pas changé entre le 8 juillet ' +
                     '2013 et cette date, cette table montre donc les articles en vigueur ce jour-là.');
  assert.match(text(jump.plan('code', { tables, complete: false, until: '2026-11-26' }, '2014-01-01')),
               /table publiée la plus proche avant cette date, au 8 juillet 2013 ; le code a pu changer/);
  assert.match(text(jump.plan('code', { tables, complete: true, until: '2026-11-26' }, '2030-01-01')),
               /cette édition montre le droit jusqu’au 26 novembre 2026/);
  assert.match(text(jump.plan('code', { tables, complete: true, until: '2026-11-26' }, '2000-01-01')),
               /^Aucune table avant le 12 août 2005/);
} catch (e) {
  failures++;
  console.log(e.message);
}

console.log(`${lines.length} choices compared with the generator's; ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
