// Cite and share (issue 14, point 2) in a browser: "Copier la référence" puts the citation and
// the stable address of the text on the clipboard, each alinéa's "§" link shows on hover and on
// focus and copies the address of #alinea-N; without JavaScript neither appears. The demo site,
// served on 127.0.0.1 (the clipboard needs a permission, which is granted per origin).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { demoSite, launchBrowser, noProblems, openPage, screenshot, serveSite } from './lib.mjs';

const article = 'code-de-la-securite-sociale/r133-19/';
let browser;
let site;

before(async () => {
  browser = await launchBrowser();
  site = await serveSite(demoSite);
  await browser
    .defaultBrowserContext()
    .overridePermissions(site.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const opacity = (page, selector) =>
  page.$eval(selector, (e) => Number(getComputedStyle(e).opacity));

test('"Copier la référence" copies the citation and the address of the version shown', async () => {
  const page = await openPage(browser, site.url(article));
  await page.click('.cite-copy button');
  await page.waitForFunction(() => document.querySelector('.cite-message').textContent !== '');
  const expected =
    'Article R133-19 du code de la sécurité sociale, dans sa version du 8 juillet 2013 — ' +
    site.url(`${article}2013-07-08/`);
  assert.equal(await clipboard(page), expected);
  assert.equal(
    await page.$eval('.cite-message', (e) => e.textContent),
    `Référence copiée : ${expected}`,
  );
  await screenshot(page, 'article-copied');
  noProblems(page);
  await page.close();
});

test('on a version page the citation is that version, at its own address', async () => {
  const page = await openPage(browser, site.url(`${article}2005-08-12/index.html?date=2006-01-01`));
  await page.waitForFunction(() => !document.querySelector('.cite-copy').hidden);
  await page.click('.cite-copy button');
  await page.waitForFunction(() => document.querySelector('.cite-message').textContent !== '');
  assert.equal(
    await clipboard(page),
    'Article R133-19 du code de la sécurité sociale, dans sa version du 12 août 2005 — ' +
      site.url(`${article}2005-08-12/`),
  );
  noProblems(page);
  await page.close();
});

test('each alinéa has a "§" link, shown on hover and on focus, copying its address', async () => {
  const page = await openPage(browser, site.url(article));
  const count = await page.$$eval('.article-text [id^="alinea-"]', (a) => a.length);
  assert.ok(count >= 2, `${count} alinéas`);
  assert.equal(await page.$$eval('.article-text .alinea-link', (a) => a.length), count);
  const link = '#alinea-2 > .alinea-link';
  assert.equal(await page.$eval(link, (e) => e.getAttribute('href')), '#alinea-2');
  assert.equal(await opacity(page, link), 0);
  // Hovering the alinéa's text shows it.
  // The element holding the alinéa (or, for an empty marker, the one around it).
  const box = await page.$eval('#alinea-2', (e) => {
    const holder = e.getBoundingClientRect().height > 0 ? e : e.parentElement;
    holder.scrollIntoView();
    const r = holder.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + 5 };
  });
  await page.mouse.move(box.x, box.y);
  assert.equal(await opacity(page, link), 1);
  await page.mouse.move(0, 0);
  // Focus from the keyboard shows it too.
  await page.focus(link);
  assert.equal(await opacity(page, link), 1);
  await screenshot(page, 'alinea-link-focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.cite-message').textContent !== '');
  assert.equal(await clipboard(page), `${site.url(article)}#alinea-2`);
  assert.equal(new URL(page.url()).hash, '#alinea-2');
  noProblems(page);
  await page.close();
});

test('without JavaScript neither the button nor the "§" links appear', async () => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(site.url(article));
  assert.equal(await page.$eval('.cite-copy', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$$eval('.alinea-link', (a) => a.length), 0);
  await page.close();
});
