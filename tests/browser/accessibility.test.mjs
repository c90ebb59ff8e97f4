// axe-core on one page of every kind, in the light and in the dark colour scheme (issue 13,
// point 4): no serious or critical violation. The demo site has most kinds; the deferred-states
// golden (an excerpt of the 2026 CSS dump) adds an abrogated article and a version whose text the
// dump lacks. The article is opened on an alinéa's anchor, so that its highlight is checked too. A
// screenshot of each page in each scheme is written under the build folder.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  buildSite,
  demoSite,
  describeViolations,
  launchBrowser,
  noProblems,
  openPage,
  runAxe,
  screenshot,
  seriousViolations,
  serveSite,
} from './lib.mjs';

const code = 'code-de-la-securite-sociale';
const demoPages = {
  home: 'index.html',
  'table of contents': `${code}/`,
  'article in force, an alinéa highlighted': `${code}/r133-19/#alinea-2`,
  version: `${code}/r133-19/2005-08-12/`,
  diff: `${code}/d133-5-4/2004-12-30/diff/`,
  'dated table': `${code}/2015-01-01/`,
  'stub (cited only)': `${code}/l611-2/`,
  'not found (404)': 'nowhere/at-all/',
};
const deferredPages = {
  'abrogated article': `${code}/r932-2-4/`,
  'version without text': `${code}/l622-2/2020-01-01/`,
};

let browser;
let demo;
let deferred;

before(async () => {
  browser = await launchBrowser();
  demo = await serveSite(demoSite);
  deferred = await serveSite(buildSite('deferred-states', 'tests/golden/deferred-states/content'));
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await deferred?.close();
});

for (const colorScheme of ['light', 'dark']) {
  const kinds = [
    ...Object.entries(demoPages).map(([kind, rel]) => [kind, () => demo.url(rel)]),
    ...Object.entries(deferredPages).map(([kind, rel]) => [kind, () => deferred.url(rel)]),
  ];
  for (const [kind, url] of kinds) {
    test(`${kind}, ${colorScheme} scheme: no serious or critical axe violation`, async () => {
      const page = await openPage(browser, url(), { colorScheme });
      try {
        assert.equal(page.status, kind.startsWith('not found') ? 404 : 200, url());
        noProblems(page, { allow: [/404 \(Not Found\)/] });
        const scheme = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        assert.equal(scheme ? 'dark' : 'light', colorScheme);
        await screenshot(page, `${kind.replace(/\W+/g, '-')}-${colorScheme}`);
        const serious = seriousViolations(await runAxe(page));
        assert.equal(serious.length, 0, `${url()}\n${describeViolations(serious)}`);
      } finally {
        await page.close();
      }
    });
  }
}
