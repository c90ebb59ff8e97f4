// The static search (issue 14, point 1) on the demo site, in headless Chromium: by number from
// the header's box (Enter on an exact number goes to the article, from disk and from a server),
// by words on the search page (accents and plurals folded, words marked in snippets, a phrase,
// the older versions), and the page without JavaScript (the box hidden, the page saying why).
// Screenshots of a result list are written under the build folder.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { demoSite, fileUrl, launchBrowser, noProblems, openPage, screenshot, serveSite } from './lib.mjs';

const code = 'code-de-la-securite-sociale';
let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveSite(demoSite);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Types `text` in the header's box of `page` and presses Enter; resolves after the navigation. */
async function submitHeaderBox(page, text) {
  await page.waitForSelector('form.site-search:not([hidden]) input[name="q"]');
  await page.type('form.site-search input[name="q"]', text);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

/**
 * The search page's results once it has answered `query` (the text of its box by default):
 * [{title, href, state, path, snippet, marks}].
 */
async function results(page, query) {
  const asked = query ?? (await page.$eval('#search-q', (input) => input.value));
  await page.waitForFunction(
    (q) => document.querySelector('#search-status')?.dataset.query === q,
    { timeout: 20000 },
    asked,
  );
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => ({
      title: li.querySelector('.search-result-title a').textContent,
      href: li.querySelector('.search-result-title a').getAttribute('href'),
      state: li.querySelector('.status')?.textContent ?? '',
      path: li.querySelector('.search-result-path')?.textContent ?? '',
      snippet: li.querySelector('.search-result-snippet')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  );
}

for (const [where, open] of [
  ['from disk', (rel) => fileUrl(demoSite, rel)],
  ['from a server', (rel) => server.url(rel)],
]) {
  test(`Enter on an exact number goes straight to the article, ${where}`, async () => {
    for (const typed of ['R133-19', 'r133-19', 'R. 133-19', 'art. R133-19', 'Article R 133-19']) {
      const page = await openPage(browser, open(`${code}/l133-6/index.html`));
      await submitHeaderBox(page, typed);
      assert.match(page.url(), /\/code-de-la-securite-sociale\/r133-19\/(index\.html)?$/, typed);
      assert.equal(await page.$eval('h1', (h) => h.textContent), 'Article R133-19');
      noProblems(page);
      await page.close();
    }
  });
}

test('words lead to the search page, with the code of the page as scope', async () => {
  const page = await openPage(browser, server.url(`${code}/l133-6/`));
  await submitHeaderBox(page, 'cotisation');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/recherche/index.html');
  assert.equal(url.searchParams.get('q'), 'cotisation');
  assert.equal(url.searchParams.get('code'), code);
  const found = await results(page);
  assert.ok(found.length > 5, `${found.length} results`);
  noProblems(page);
  await page.close();
});

test('a number of the search page lists that article, its state and section', async () => {
  const page = await openPage(browser, server.url('recherche/?q=R133-19'));
  const found = await results(page);
  assert.equal(found[0].title, 'Article R133-19');
  assert.equal(found[0].state, 'Transféré');
  assert.match(found[0].path, /^Partie réglementaire/);
  // A cited-only article is found by its number too, and says so.
  await page.goto(server.url('recherche/?q=L611-2'), { waitUntil: 'load' });
  const cited = await results(page);
  assert.equal(cited[0].title, 'Article L611-2');
  assert.equal(cited[0].state, 'Cité, sans texte');
  noProblems(page);
  await page.close();
});

test('words are found whatever their accents, case and plural, and marked', async () => {
  const page = await openPage(browser, server.url('recherche/?q=SECURITE%20cotisations'));
  const found = await results(page);
  assert.ok(found.length > 0);
  for (const r of found.slice(0, 10)) {
    const marked = r.marks.map((m) => m.toLowerCase());
    assert.ok(marked.some((m) => m.startsWith('sécurité') || m.startsWith('securite') ||
      m.startsWith('cotisation')), `${r.title}: ${r.marks}`);
  }
  await screenshot(page, 'search-results');
  noProblems(page);
  await page.close();
});

test('typing refines the list at each keystroke; a phrase in quotes must appear as such', async () => {
  const page = await openPage(browser, fileUrl(demoSite, 'recherche/index.html'));
  await page.waitForSelector('form[data-search-page]:not([hidden])');
  await page.type('#search-q', 'interlocuteur social uniq');
  const typed = await results(page, 'interlocuteur social uniq');
  assert.ok(typed.some((r) => r.title === 'Article R133-19'), typed.map((r) => r.title).join(', '));
  await page.$eval('#search-q', (input) => { input.value = ''; });
  await page.type('#search-q', '"unique social interlocuteur"');
  const reversed = await results(page, '"unique social interlocuteur"');
  assert.equal(reversed.length, 0);
  noProblems(page);
  await page.close();
});

test('typing on looks only at the last results and finds exactly what a fresh search finds', async () => {
  // Each query, typed key by key (each key narrowing the last list), then opened afresh.
  for (const [query, versions] of [
    ['cotisations sociales', '0'],
    ['securite soc', '0'],
    ['assurance maladie', '1'],
    ['organismes de recouvrement', '1'],
  ]) {
    const typedPage = await openPage(
      browser,
      fileUrl(demoSite, `recherche/index.html?versions=${versions}`),
    );
    await typedPage.waitForSelector('form[data-search-page]:not([hidden])');
    await typedPage.type('#search-q', query);
    const typed = await results(typedPage, query);
    const count = await typedPage.$eval('#search-status', (s) => s.textContent);
    await typedPage.close();
    const fresh = await openPage(
      browser,
      fileUrl(demoSite, `recherche/index.html?q=${encodeURIComponent(query)}&versions=${versions}`),
    );
    assert.deepEqual(typed, await results(fresh, query), query);
    assert.equal(count, await fresh.$eval('#search-status', (s) => s.textContent), query);
    assert.ok(typed.length > 0, `${query}: nothing found`);
    await fresh.close();
  }
});

test('older versions are searched when asked, leading to their dated pages', async () => {
  const page = await openPage(browser, server.url('recherche/?q=cotisation&versions=1'));
  const found = await results(page);
  const dated = found.filter((r) => /, version du /.test(r.title));
  assert.ok(dated.length > 0, 'no older version found');
  assert.match(dated[0].href, /\/\d{4}-\d{2}-\d{2}(-\d+)?\/index\.html$/);
  noProblems(page);
  await page.close();
});

test('without JavaScript the box is hidden and the search page says search needs it', async () => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(server.url(`${code}/l133-6/`), { waitUntil: 'load' });
  assert.equal(await page.$eval('form.site-search', (f) => getComputedStyle(f).display), 'none');
  await page.goto(server.url('recherche/'), { waitUntil: 'load' });
  assert.equal(await page.$eval('form.search-form', (f) => getComputedStyle(f).display), 'none');
  const notice = await page.$eval('noscript', (n) => n.textContent);
  assert.match(notice, /La recherche a besoin de JavaScript/);
  await page.close();
});
