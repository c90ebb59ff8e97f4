// Keystroke latency of the search page, in headless Chromium (run by bench/search.py, with the
// browser suite's packages): node bench/search_latency.mjs <site folder> [query…]. Opens
// recherche/index.html from disk, waits until the page has loaded (the page starts loading the
// index then), types each query one key at a time and prints, for the first keystroke and the
// later ones, the time from the key to the result list for what is typed so far (the page's
// `data-query` on #search-status).

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { launchBrowser, openPage } from '../tests/browser/lib.mjs';

const [, , site, ...asked] = process.argv;
const queries = asked.length ? asked : ['cotisation', 'securite sociale', 'L133-6'];
const browser = await launchBrowser();
for (const query of queries) {
  const page = await openPage(browser, pathToFileURL(path.join(site, 'recherche/index.html')).href);
  await page.waitForSelector('form[data-search-page]:not([hidden])');
  // Let the index start loading as a reader would: the time it takes to move to the box.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const times = [];
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
    }
    times.push(Date.now() - start);
  }
  const later = times.slice(1).sort((a, b) => a - b);
  const median = later.length ? later[Math.floor(later.length / 2)] : 0;
  console.log(`  ${JSON.stringify(query).padEnd(22)} first key ${String(times[0]).padStart(5)} ms, ` +
    `later keys median ${median} ms, max ${later.length ? later[later.length - 1] : 0} ms`);
  await page.close();
}
await browser.close();
