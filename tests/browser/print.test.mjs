// Print (issue 14, point 3): an article printed to PDF by headless chromium. With print media
// emulated, navigation, forms and buttons are not displayed and a citation in the text shows its
// target's address after it; the PDF's first page, turned into text and into an image (pdftotext
// and pdftoppm, Debian's poppler-utils), starts with the code, the article number, its state and
// its version's dates, and has no control of the screen. The PDF and the image are written under
// the build folder.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  demoSite,
  launchBrowser,
  openPage,
  outDir,
  printToPdf,
  serveSite,
  skipBecauseMissing,
} from './lib.mjs';

for (const program of ['pdftotext', 'pdftoppm']) {
  if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0)
    skipBecauseMissing(`${program} (poppler-utils)`);
}

const article = 'code-de-la-securite-sociale/r133-19/';
let browser;
let site;

before(async () => {
  browser = await launchBrowser();
  site = await serveSite(demoSite);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('in print, no navigation, form or button, and citations print their address', async () => {
  const page = await openPage(browser, site.url(article), { media: 'print' });
  const hidden = await page.evaluate(() =>
    [...document.querySelectorAll('nav, form, button, .skip-link, .site-header, .alinea-link')]
      .filter((e) => getComputedStyle(e).display !== 'none' && !e.closest('[hidden]'))
      .filter((e) => !e.parentElement.closest('nav, form, .site-header, .cite-copy'))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(hidden, [], 'displayed in print');
  const citation = await page.$eval('.article-text a[href*="l133-6/"]', (a) => ({
    text: a.textContent,
    after: getComputedStyle(a, '::after').content,
  }));
  assert.equal(citation.text, 'L. 133-6');
  assert.equal(citation.after, `" [${site.url('code-de-la-securite-sociale/l133-6/')}]"`);
  await page.close();
});

test('the first printed page starts with code, number, state and dates', async () => {
  // openPage emulates a media type, which page.pdf keeps: print, as a browser prints.
  const page = await openPage(browser, site.url(article), { media: 'print' });
  const pdf = await printToPdf(page, 'r133-19');
  await page.close();
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], {
    encoding: 'utf8',
  });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf,
    path.join(outDir, 'r133-19-page-1')]);
  const flat = text.replace(/\s+/g, ' ');
  const order = [
    'Article R133-19',
    'Code de la sécurité sociale',
    'Transféré',
    'Version du 8 juillet 2013 au 9 mai 2017',
    'Pour l\'exercice de la mission',
    `L. 133-6 [${site.url('code-de-la-securite-sociale/l133-6/')}]`,
  ];
  let at = 0;
  for (const part of order) {
    const found = flat.indexOf(part, at);
    assert.ok(found >= 0, `"${part}" after offset ${at} of the first page:\n${flat}`);
    at = found + part.length;
  }
  for (const screenOnly of ['Copier la référence', 'Afficher', 'Aller au contenu', 'Article suivant'])
    assert.ok(!flat.includes(screenOnly), `"${screenOnly}" printed:\n${flat}`);
});
