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
  const code = { tables, until: '2026-11-26', first: '1993-04-01', data: '../t.js', base: '../' };
  // A day with its table goes there; the table's own day is said.
  assert.strictEqual(jump.plan('code', code, '2005-08-12').go, '../2005-08-12/index.html');
  assert.strictEqual(text(jump.plan('code', code, '2013-07-08')), 'Table des matières au 8 juillet 2013.');
  // Another day goes to the table before it (else the first), which builds that day's table.
  assert.strictEqual(jump.plan('code', code, '2010-01-01').go, '../2005-08-12/index.html');
  assert.strictEqual(jump.plan('code', code, '2000-01-01').go, '../2005-08-12/index.html');
  assert.strictEqual(jump.plan('code', code, '2014-01-01').build, '2014-01-01');
  assert.match(text(jump.plan('code', code, '2014-01-01')),
               /^Table établie dans votre navigateur pour le 1er janvier 2014, .*la plus proche est celle du 8 juillet 2013\)\.$/);
  assert.match(text(jump.plan('code', code, '2030-01-01')),
               /Cette édition montre le droit connu au 26 novembre 2026/);
  // Before the first day any article applied (not the first table's), no table: that day is named.
  assert.strictEqual(text(jump.plan('code', code, '1990-01-01')),
                     'Aucun article de ce code n’était en vigueur le 1er janvier 1990 dans cette ' +
                     'édition : la plus ancienne version connue s’applique à partir du 1er avril 1993. ' +
                     '[Voir la table du 1er avril 1993](../2005-08-12/index.html?date=1993-04-01).');

  // Entries of a day: the version in force, marked when it started that day, or the one that
  // ended that day.
  const versions = [['2000-01-01', '2005-01-01', '', 1], ['2005-01-01', '2010-01-01', '', 0]];
  assert.strictEqual(jump.entryOn(versions, '1999-12-31'), null);
  assert.deepStrictEqual(jump.entryOn(versions, '2000-01-01'), { version: versions[0], change: 'nouveau' });
  assert.deepStrictEqual(jump.entryOn(versions, '2003-01-01'), { version: versions[0], change: '' });
  assert.deepStrictEqual(jump.entryOn(versions, '2005-01-01'), { version: versions[1], change: 'modifie' });
  assert.deepStrictEqual(jump.entryOn(versions, '2010-01-01'), { version: versions[1], change: 'fin' });
  assert.strictEqual(jump.entryOn(versions, '2010-01-02'), null);
  assert.strictEqual(jump.frenchNumber(7371), '7\u202F371');
  assert.strictEqual(jump.frenchNumber(22190), '22\u202F190');
  assert.strictEqual(jump.frenchNumber(999), '999');
} catch (e) {
  failures++;
  console.log(e.message);
}

console.log(`${lines.length} choices compared with the generator's; ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
