// A table of contents a person can use (issue 14, point 4): the summary of Parties and Livres,
// folded levels opened on the way to a linked section, the filter "en vigueur seulement", the
// box that jumps to an article number, and, on a phone, an article page's breadcrumb on one line
// so that the text starts in the first screen. On the demo site, in headless Chromium.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  buildSite,
  demoSite,
  launchBrowser,
  noProblems,
  openPage,
  screenshot,
  serveSite,
} from './lib.mjs';

const code = 'code-de-la-securite-sociale';
const chapter = 'partie-reglementaire-decrets-en-conseil-d-etat--livre-i--titre-iii--chapitre-3-bis';
let browser;
let server;
let split;  // the demo with its table split into a page per Livre (--toc-split 50)

before(async () => {
  browser = await launchBrowser();
  server = await serveSite(demoSite);
  split = await serveSite(buildSite('split', 'content', { args: ['--toc-split', '50'] }));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await split?.close();
});

/** Whether the element with this id is rendered (its folded ancestors open). */
const shown = (page, id) =>
  page.$eval(`[id="${id}"]`, (e) => e.getClientRects().length > 0 && e.checkVisibility());

test('the table opens folded below the Parties, with a summary of Parties and Livres', async () => {
  const page = await openPage(browser, server.url(`${code}/`));
  const summary = await page.$$eval('.toc-summary a', (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(summary.includes('#partie-legislative'));
  assert.ok(summary.includes('#partie-legislative--livre-i'));
  assert.equal(await shown(page, 'partie-legislative--livre-i'), true);
  assert.equal(await shown(page, 'partie-legislative--livre-i--titre-iii'), false);
  // Heading levels follow each other without a gap, and none is an h6.
  const levels = await page.$$eval('nav.toc h2, nav.toc h3, nav.toc h4, nav.toc h5, nav.toc h6',
    (hs) => hs.map((h) => +h.tagName[1]));
  assert.ok(!levels.includes(6));
  const tops = await page.$$eval('nav.toc .toc-section', (items) =>
    items.map((li) => {
      const own = li.querySelector(':scope > details > summary > h2, :scope > details > summary > h3, :scope > details > summary > h4, :scope > details > summary > h5');
      let parent = li.parentElement.closest('.toc-section');
      const up = parent?.querySelector(':scope > details > summary > h2, :scope > details > summary > h3, :scope > details > summary > h4, :scope > details > summary > h5');
      return [own ? +own.tagName[1] : 0, up ? +up.tagName[1] : 1];
    }));
  for (const [own, up] of tops) if (own) assert.equal(own, up + 1);
  noProblems(page);
  await page.close();
});

test('a breadcrumb link opens the table on the way to its section', async () => {
  const page = await openPage(browser, server.url(`${code}/r133-19/`));
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(`.breadcrumb a[href$="#${chapter}"]`),
  ]);
  assert.equal(await shown(page, chapter), true);
  assert.equal(await page.$eval(`[id="${chapter}"] > details`, (d) => d.open), true);
  const link = await page.$eval(`[id="${chapter}"] a[href="r133-19/index.html"]`, (a) => a.checkVisibility());
  assert.equal(link, true);
  noProblems(page);
  await page.close();
});

test('the filter keeps only the articles in force; the box jumps to an article', async () => {
  const page = await openPage(browser, server.url(`${code}/`));
  await page.waitForSelector('[data-toc-controls]:not([hidden])');
  await page.click('button[data-toc-fold="open"]');
  const visible = () => page.$$eval('nav.toc .toc-article', (items) =>
    items.filter((li) => li.checkVisibility()).map((li) => li.className));
  const all = await visible();
  assert.ok(all.some((c) => !c.includes('toc-state-vigueur')), 'the demo has articles not in force');
  await page.click('input[name="toc-filter"][value="vigueur"]');
  const inForce = await visible();
  assert.ok(inForce.length > 0 && inForce.length < all.length);
  assert.ok(inForce.every((c) => c.includes('toc-state-vigueur')));
  await page.type('#toc-jump-q', 'R. 133-19');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.match(page.url(), /\/r133-19\/(index\.html)?$/);
  noProblems(page);
  await page.close();
});

test('on a phone, the breadcrumb keeps to one line and the text starts in the first screen', async () => {
  // R133-19's five levels of sections took five lines of a 375 px screen.
  const page = await openPage(browser, server.url(`${code}/r133-19/`), { width: 375, height: 667 });
  const crumbs = await page.$eval('.breadcrumb ol', (ol) => ol.getBoundingClientRect().height);
  const line = await page.$eval('.breadcrumb li', (li) => li.getBoundingClientRect().height);
  assert.ok(crumbs <= line * 1.5, `breadcrumb ${crumbs}px for lines of ${line}px`);
  const title = await page.$eval('.article-header h1', (h) => h.getBoundingClientRect().bottom);
  assert.ok(title < 667 * 0.75, `the title ends at ${title}px`);
  // The text starts in the first screen (R133-19 has the demo's data notice and a transfer
  // banner above it); "Copier la référence" and the date form come after it.
  const text = await page.$eval('.article-text', (t) => t.getBoundingClientRect().top);
  assert.ok(text < 667 - 40, `the text starts at ${text}px`);
  await page.waitForSelector('.cite-copy:not([hidden])');
  const tools = await page.$eval('.cite-copy', (c) => c.getBoundingClientRect().top);
  assert.ok(tools > text, `the copy button at ${tools}px, the text at ${text}px`);
  await screenshot(page, 'article-phone');
  noProblems(page);
  await page.close();
});

test('a split table links a page per Livre, and an address into a Livre still leads there', async () => {
  const livre = 'partie-reglementaire-decrets-en-conseil-d-etat--livre-i';
  const page = await openPage(browser, split.url(`${code}/`));
  // The code's page: Parties, Livres as links with their counts, no article.
  assert.equal(await page.$$eval('nav.toc .toc-article', (items) => items.length), 0);
  const parts = await page.$$eval('nav.toc a[data-toc-part]', (links) =>
    links.map((a) => [a.getAttribute('href'), a.parentElement.querySelector('.toc-count').textContent]));
  assert.deepEqual(parts.find(([href]) => href.startsWith(`${livre}/`)), [`${livre}/index.html`, '51 articles']);
  // An address made before the split ("…/#<section of a Livre>") goes to the Livre's page.
  await page.goto(split.url(`${code}/#${chapter}`), { waitUntil: 'load' });
  await page.waitForFunction((l) => location.pathname.includes(l), {}, livre);
  // The new page's address changes before its script has opened the table: wait for the link.
  const link = `[id="${chapter}"] a[href="../r133-19/index.html"]`;
  await page.waitForFunction((s) => document.querySelector(s)?.checkVisibility(), { timeout: 5000 }, link);
  assert.equal(new URL(page.url()).hash, `#${chapter}`);
  assert.equal(await shown(page, chapter), true);
  assert.equal(await page.$eval(link, (a) => a.checkVisibility()), true);
  // The article's breadcrumb leads to the same place.
  await page.goto(split.url(`${code}/r133-19/`), { waitUntil: 'load' });
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.click(`.breadcrumb a[href$="#${chapter}"]`),
  ]);
  assert.ok(page.url().includes(`/${livre}/`), page.url());
  assert.equal(await shown(page, chapter), true);
  noProblems(page);
  await page.close();
});
