// Law at a date (issue 13, point 5): the go-to-date form gives a table for any day, built in the
// browser from the code's per-article data when no table was published for it, the same as the
// generator's own table of that day; entries that changed that day are marked; no day before the
// first version of an article is called the code's beginning. On the demo site (tables of 2009-12-28
// and 2010-11-11, none of 2010-01-01) served and from file://, against a second build of the demo
// that publishes a table of 2010-01-01.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  buildSite, demoSite, describeViolations, fileUrl, launchBrowser, noProblems, openPage, runAxe,
  seriousViolations, serveSite,
} from './lib.mjs';

const code = 'code-de-la-securite-sociale';
const day = '2010-01-01';
let browser;
let server;
let published;

before(async () => {
  browser = await launchBrowser();
  server = await serveSite(demoSite);
  published = buildSite('law-at-date-2010', 'content', { args: ['--toc-dates', day] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the form has said its message (the table is built by then). */
async function settled(page) {
  await page.waitForFunction(() => {
    const m = document.querySelector('.date-jump-message');
    return m && m.textContent !== '' && !m.textContent.startsWith('Construction');
  });
}

/** The table of a page as its entries: [href, heading, marks] per article, in order. */
const entries = (page) =>
  page.$$eval('nav.toc li.toc-article', (items) =>
    items.map((li) => [li.querySelector('a').getAttribute('href'), li.querySelector('a').textContent,
      [...li.querySelectorAll('.day-change')].map((m) => m.textContent).join()]));

test('a day without a table: the form builds it, the same as the generator publishes', async () => {
  for (const url of [server.url(`${code}/index.html?date=${day}`), fileUrl(demoSite, `${code}/index.html?date=${day}`)]) {
    const page = await openPage(browser, url);
    await page.waitForFunction(() => /\/2009-12-28\//.test(location.pathname));
    await settled(page);
    assert.match(await page.$eval('.date-jump-message', (m) => m.textContent),
      /^Table établie dans votre navigateur pour le 1er janvier 2010, .*la plus proche est celle du 28 décembre 2009\)\.$/);
    // Every date the page shows is the day asked.
    const days = await page.$$eval('[data-law-day]', (ts) => ts.map((t) => [t.getAttribute('datetime'), t.textContent]));
    assert.ok(days.length >= 2);
    for (const d of days) assert.deepEqual(d, [day, '1er janvier 2010']);
    assert.match(await page.title(), /au 1er janvier 2010/);

    const other = await openPage(browser, fileUrl(published, `${code}/${day}/index.html`));
    assert.deepEqual(await entries(page), await entries(other));
    assert.ok((await entries(page)).length > 50);
    for (const sel of ['[data-law-count]', '[data-law-changes]', 'nav.toc']) {
      assert.equal(await page.$eval(sel, (e) => e.innerHTML.replace(/\s*\n\s*/g, '')),
        await other.$eval(sel, (e) => e.innerHTML.replace(/\s*\n\s*/g, '')), sel);
    }
    noProblems(page);
    await other.close();
    await page.close();
  }
});

test('every link of a built table leads to a version page that applied that day', async () => {
  const page = await openPage(browser, server.url(`${code}/2009-12-28/index.html?date=${day}`));
  await settled(page);
  const hrefs = (await entries(page)).map(([href]) => href);
  for (const href of hrefs.slice(0, 40)) {
    const target = await openPage(browser, server.url(`${code}/2009-12-28/${href}`));
    assert.equal(target.status, 200, href);
    const [start, end] = await target.$eval('script[type="application/json"]', (s) => {
      const d = JSON.parse(s.textContent);
      const v = d.versions.find((x) => (x.slug || x.start) === d.self);
      return [v.start, v.end];
    });
    assert.ok(start <= day && (end === '' || day < end), `${href}: ${start}–${end}`);
    await target.close();
  }
  await page.close();
});

test('a day before any article applied names the first day an article applied', async () => {
  const page = await openPage(browser, server.url(`${code}/index.html?date=1950-01-01`));
  await settled(page);
  const message = await page.$eval('.date-jump-message', (m) => m.textContent);
  assert.match(message, /^Aucun article de ce code n’était en vigueur le 1er janvier 1950 dans cette édition : la plus ancienne version connue s’applique à partir du 21 décembre 1985\. Voir la table du 21 décembre 1985\.$/);
  assert.doesNotMatch(message, /premier jour où un article/);
  await page.close();
});

test('entries that changed that day are marked, in words, with a legend', async () => {
  const page = await openPage(browser, server.url(`${code}/2010-11-11/index.html`));
  const marks = await page.$$eval('nav.toc .day-change', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0);
  for (const m of marks) assert.match(m, /^[+±−] (nouveau|modifié|fin) ce jour$/);
  // The symbol is for the eye; a screen reader reads the words.
  assert.equal(await page.$eval('nav.toc .day-change [aria-hidden="true"]', (s) => s.textContent.trim().length), 1);
  const legend = await page.$$eval('.day-change-legend li', (li) => li.map((l) => l.textContent));
  assert.equal(legend.length, 3);
  assert.match(await page.$eval('[data-law-changes]', (p) => p.textContent), new RegExp(`^${marks.length} articles? (a|ont) changé ce jour-là\\.$`));
  await page.close();
});

test('a built table has no serious axe violation, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, server.url(`${code}/2009-12-28/index.html?date=2010-06-30`), { colorScheme });
    await settled(page);
    const serious = seriousViolations(await runAxe(page));
    assert.equal(serious.length, 0, describeViolations(serious));
    await page.close();
  }
});
