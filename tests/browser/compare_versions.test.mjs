// "Comparer deux versions" (issue 13, point 8) in a browser: on an article page the reader picks
// any two versions and the page shows their diff with the markup of the diff pages (counts,
// alinéa numbers, previous / next change, folds, linked citations); two consecutive versions show
// exactly what their diff page shows; the form works from the keyboard, from file:// and is
// absent without JavaScript; axe-core finds nothing serious in light and dark mode.
//
// Real texts: two articles copied at run time from ../shared/corpus/css-history (the git history
// of the Code de la sécurité sociale, DILA, Licence Ouverte): A931-10-18 (three versions, long
// texts citing other articles: 1997 against 2006 is a pair no diff page shows) and D635-8 (seven
// versions).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  buildSite,
  describeViolations,
  fileUrl,
  launchBrowser,
  needShared,
  noProblems,
  openPage,
  outDir,
  runAxe,
  screenshot,
  seriousViolations,
  serveSite,
} from './lib.mjs';

const history = needShared('corpus/css-history/history/Code De La Sécurité Sociale');
const articles = {
  'Article A931-10-18': 'Partie Réglementaire - Arrêtés/Livre 9/Titre 3/Chapitre 1',
  'Article D635-8': 'Partie Réglementaire - Décrets Simples/Livre 6/Titre 3/Chapitre 5',
};
const a931 = 'code-de-la-securite-sociale/a931-10-18/';
const d635 = 'code-de-la-securite-sociale/d635-8/';

// The 1997 and 2006 versions of A931-10-18, read off the page and checked against the two texts:
// the 2006 text rewrote the 1997 one (on other "valeurs") but for a few phrases, so three changes,
// one per alinéa of the newer text, none long enough unchanged to fold; two spacing differences
// ("I. -" became "I.-").
const EXPECTED_A931 = {
  summary: '+199 mots, \u2212373 mots',
  count: '3 changements',
  changes: 3,
  alineas: ['al.\u00a01', 'al.\u00a02', 'al.\u00a03'],
  folds: [],
  spacing: '2 différences d’espacement seul (une espace ajoutée ou retirée, comme « I.- » devenu ' +
    '« I. - ») ne sont pas marquées.',
};

let browser;
let site;
let root;

before(async () => {
  const content = path.join(outDir, 'content');
  const code = path.join(content, 'code-de-la-securite-sociale');
  fs.rmSync(content, { recursive: true, force: true });
  fs.mkdirSync(code, { recursive: true });
  fs.writeFileSync(path.join(code, '_index.md'), '---\ntitle: Code de la sécurité sociale\n---\n');
  for (const [name, folder] of Object.entries(articles)) {
    fs.cpSync(path.join(history, folder, name), path.join(code, name), { recursive: true });
  }
  root = buildSite('compare', content);
  browser = await launchBrowser();
  site = await serveSite(root);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Chooses versions by their labels and compares them, clicking the button. */
async function compare(page, before, after) {
  const pick = (name, label) =>
    page.$eval(
      `select[name="${name}"]`,
      (select, label) => {
        const option = [...select.options].find((o) => o.textContent === label);
        if (!option) throw new Error(`no option ${label}`);
        select.value = option.value;
      },
      label,
    );
  await pick('avant', before);
  await pick('apres', after);
  await page.click('.version-compare-form button');
  await page.waitForSelector('.version-compare-result .diff-summary');
}

/** What a diff shows, hrefs resolved to absolute addresses so that pages at two depths compare. */
function shown(page, scope) {
  return page.$eval(scope, (root) => {
    const copy = root.cloneNode(true);
    const original = [...root.querySelectorAll('[href]')];
    // A fragment stays one: the diff's own changes, on either page.
    [...copy.querySelectorAll('[href]')].forEach((a, i) => {
      if (!a.getAttribute('href').startsWith('#')) a.setAttribute('href', original[i].href);
    });
    const html = (selector) => [...copy.querySelectorAll(selector)].map((e) => e.outerHTML);
    const text = copy.querySelector('.diff, .diff-versions');
    return {
      paragraphs: html(':scope p:not(.diff-versions p):not(.diff p)').filter(
        (p) => !p.includes('class="edition') && !p.includes('notice'),
      ),
      nav: html('.diff-nav'),
      text: text ? text.innerHTML.replace(/<h[234] id="version-(avant|apres)">/g, '<h id="$1">')
        .replace(/<\/h[234]>/g, '</h>') : null,
    };
  });
}

test('two versions no diff page pairs: the diff, its counts, folds, links and change controls', async () => {
  const page = await openPage(browser, site.url(a931));
  assert.equal(await page.$eval('.version-compare', (e) => e.hidden), false);
  // Oldest and newest are chosen at first.
  await page.click('.version-compare-form button');
  await page.waitForSelector('.version-compare-result .diff-summary');
  const result = await page.$eval('.version-compare-result', (r) => ({
    summary: r.querySelector('.diff-summary').textContent,
    comparison: r.querySelector('p').textContent,
    count: r.querySelector('.diff-count').textContent,
    changes: r.querySelectorAll('.diff [id^="changement-"]').length,
    alineas: [...r.querySelectorAll('.diff-alinea')].map((e) => e.textContent),
    removed: r.querySelectorAll('.diff del').length,
    added: r.querySelectorAll('.diff ins').length,
    folds: [...r.querySelectorAll('.diff details.diff-unchanged > summary')].map((s) => s.textContent),
    spacing: r.querySelector('.diff-spacing')?.textContent,
    links: [...r.querySelectorAll('.diff a[href]')].map((a) => a.textContent),
    focused: document.activeElement.textContent,
  }));
  await screenshot(page, 'a931-1997-2006');
  assert.match(result.comparison, /^Comparaison de la version du 25 février 1997 avec la version du 21 décembre 2006\u00a0: /);
  assert.equal(result.summary, EXPECTED_A931.summary);
  assert.equal(result.count, EXPECTED_A931.count);
  assert.equal(result.changes, EXPECTED_A931.changes);
  assert.deepEqual(result.alineas, EXPECTED_A931.alineas);
  assert.ok(result.removed > 0 && result.added > 0);
  assert.deepEqual(result.folds, EXPECTED_A931.folds);
  assert.equal(result.spacing, EXPECTED_A931.spacing);
  assert.ok(result.links.some((t) => /931-10-17/.test(t)), result.links.join(' | '));
  assert.equal(result.focused, 'Ce qui a changé');

  // "Changement suivant" goes from change to change; "précédent" back.
  await page.click('.version-compare-result .diff-next');
  await page.waitForFunction(() => location.hash === '#changement-1');
  await page.click('.version-compare-result .diff-next');
  await page.waitForFunction(() => location.hash === '#changement-2');
  await page.click('.version-compare-result .diff-prev');
  await page.waitForFunction(() => location.hash === '#changement-1');
  noProblems(page);
  await page.close();
});

test('two consecutive versions show exactly what their diff page shows', async () => {
  for (const article of [a931, d635]) {
    const page = await openPage(browser, site.url(article));
    const labels = await page.$$eval('select[name="avant"] option', (o) =>
      o.map((e) => e.textContent).reverse(),
    );
    const folders = await page.$$eval('.version-list tbody tr', (rows) =>
      rows
        .map((r) => r.querySelector('a.diff-summary')?.getAttribute('href') ?? null)
        .reverse(),
    );
    const diffs = folders.filter(Boolean);
    assert.equal(diffs.length, labels.length - 1, `${article}: ${diffs.join(' ')}`);
    for (let i = 1; i < labels.length; ++i) {
      await compare(page, labels[i - 1], labels[i]);
      const mine = await shown(page, '.version-compare-result');
      const other = await openPage(browser, new URL(diffs[i - 1], page.url()).href);
      const theirs = await shown(other, '.article-diff');
      assert.deepEqual(mine, theirs, `${article} ${labels[i - 1]} → ${labels[i]}`);
      await other.close();
    }
    noProblems(page);
    await page.close();
  }
});

test('the form works from the keyboard', async () => {
  const page = await openPage(browser, site.url(d635));
  await page.focus('select[name="avant"]');
  // Arrow keys change a focused select's value without opening it (the second oldest).
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'apres');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.version-compare-result .diff-summary');
  const state = await page.evaluate(() => ({
    focused: document.activeElement.className,
    comparison: document.querySelector('.version-compare-result p').textContent,
  }));
  assert.equal(state.focused, 'version-compare-title');
  assert.match(state.comparison, /^Comparaison de la version du 24 février 1997 avec la version du 30 janvier 2012\u00a0: /);
  // The same version twice says so.
  await page.$eval('select[name="apres"]', (s) => { s.value = document.querySelector('select[name="avant"]').value; });
  await page.click('.version-compare-form button');
  await page.waitForFunction(() => document.querySelector('.version-compare-message').textContent !== 'Chargement des versions…');
  assert.equal(await page.$eval('.version-compare-message', (e) => e.textContent), 'Choisissez deux versions différentes.');
  assert.equal(await page.$eval('.version-compare-result', (e) => e.innerHTML), '');
  noProblems(page);
  await page.close();
});

test('from file:// too', async () => {
  const page = await openPage(browser, fileUrl(root, `${a931}index.html`));
  await page.click('.version-compare-form button');
  await page.waitForSelector('.version-compare-result .diff-summary');
  assert.equal(await page.$eval('.version-compare-result .diff-summary', (e) => e.textContent), EXPECTED_A931.summary);
  noProblems(page);
  await page.close();
});

test('without JavaScript nothing of it shows, and the diff pages remain', async () => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(site.url(a931), { waitUntil: 'load' });
  const state = await page.evaluate(() => {
    const section = document.querySelector('.version-compare');
    return {
      hidden: section.hidden,
      visible: section.getBoundingClientRect().height > 0,
      diffLinks: document.querySelectorAll('.version-list a.diff-summary').length,
    };
  });
  assert.deepEqual(state, { hidden: true, visible: false, diffLinks: 2 });
  await page.close();
});

test('axe-core finds nothing serious with a comparison shown, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, site.url(a931), { colorScheme });
    await page.click('.version-compare-form button');
    await page.waitForSelector('.version-compare-result .diff-summary');
    // Open a fold so that its text is checked too.
    await page.$$eval('.version-compare-result details', (d) => d.forEach((e) => { e.open = true; }));
    await screenshot(page, `a931-compared-${colorScheme}`);
    const serious = seriousViolations(await runAxe(page));
    assert.equal(serious.length, 0, `${colorScheme}:\n${describeViolations(serious)}`);
    noProblems(page);
    await page.close();
  }
});
