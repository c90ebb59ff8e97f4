// Keystroke latency of the search page, in headless Chromium (run by bench/search.py, with the
// browser suite's packages): node bench/search_latency.mjs <site folder> [query…]. Opens
// recherche/index.html from disk, waits until the page has loaded (the page starts loading the
// index then), types each query one key at a time and prints, for the first keystroke and the
// later ones, the time from the key to the frame showing the result list for what is typed so far
// (`data-list-ms` on #search-status, from the input event's time stamp), to the frame showing it
// with every snippet (`data-ms`: later when a run of texts had to be loaded for the snippets), as
// the page measures them, and the time puppeteer sees from sending the key to `data-query` (its
// own round trips included). With --keys, also each key's own times, to find the slow ones:
// `k=12` for the key k, `k=12/40` when its snippets came at 40 ms.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser, openPage } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const perKey = args.includes('--keys');
const [site, ...asked] = args.filter((a) => a !== '--keys');
const queries = asked.length ? asked : ['cotisation', 'securite sociale', 'L133-6'];
const browser = await launchBrowser();
for (const query of queries) {
  const page = await openPage(browser, pathToFileURL(path.join(site, 'recherche/index.html')).href);
  await page.waitForSelector('form[data-search-page]:not([hidden])');
  // Let the index start loading as a reader would: the time it takes to move to the box.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const times = [];
  const outside = [];
  const keys = [];
  const lists = [];
  let typed = '';
  for (const key of query) {
    typed += key;
    const start = Date.now();
    await page.type('#search-q', key);
    if (typed.trim()) {
      await page.waitForFunction(
        (q) => document.querySelector('#search-status')?.dataset.query === q,
        { timeout: 30000, polling: 'mutation' },
        typed,
      );
      const [ms, listMs] = await page.$eval('#search-status', (s, q) =>
        [s.dataset.ms, s.dataset.listQuery === q ? s.dataset.listMs : s.dataset.ms], typed);
      times.push(Number(ms));
      lists.push(Number(listMs));
      keys.push(`${key === ' ' ? '␣' : key}=${listMs}` + (listMs === ms ? '' : `/${ms}`));
    }
    outside.push(Date.now() - start);
  }
  const summary = (list) => {
    const later = list.slice(1).sort((a, b) => a - b);
    const median = later.length ? later[Math.floor(later.length / 2)] : 0;
    return `first key ${String(list[0]).padStart(4)} ms, later keys median ${String(median).padStart(3)} ` +
      `ms, max ${String(later.length ? later[later.length - 1] : 0).padStart(3)} ms`;
  };
  console.log(`  ${JSON.stringify(query).padEnd(30)} list: ${summary(lists)}; with every snippet: ` +
    `${summary(times)}   (seen by puppeteer: ${summary(outside)})`);
  if (perKey) console.log(`    ${keys.join(' ')}`);
  await page.close();
}
await browser.close();
