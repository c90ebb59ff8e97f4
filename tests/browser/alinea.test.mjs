// Alinéas (issue 13, point 3): opened on #alinea-N, a page highlights exactly that alinéa. For
// each anchor of a page, the test moves to its fragment and reads what the theme paints with the
// highlight's background (the outermost painted of the alinéas' elements and the elements holding
// them); that text must be the alinéa's, as a reader splits the text: at every paragraph, list
// item, heading, quotation and <br>, tables aside (a table starts no alinéa). Pages of each structure first (paragraphs,
// list items, lines after a <br> in one paragraph, loose text between empty paragraphs, an inline
// element across a <br>, a table after an alinéa), then 30 article pages of css-2026 spread over
// the whole code.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { buildSite, demoSite, launchBrowser, needShared, openPage, serveSite } from './lib.mjs';

const code = 'code-de-la-securite-sociale';
const structures = {
  demo: {
    'paragraphs (R133-19)': `${code}/r133-19/`,
    'list items (D133-5, version of 2004-12-30)': `${code}/d133-5/2004-12-30/`,
  },
  css: {
    'lines after a <br> in one paragraph (R381-5)': `${code}/r381-5/`,
    'loose text between empty paragraphs (R932-2-4)': `${code}/r932-2-4/`,
    'an inline element across a <br> (Annexe II, tableau 24)': `${code}/annexe-ii-tableau-n-24/`,
    'a table after an alinéa (L138-12)': `${code}/l138-12/`,
  },
};

let browser;
let demo;
let css;
let cssRoot;

before(async () => {
  browser = await launchBrowser();
  demo = await serveSite(demoSite);
  const dump = needShared('corpus/legifrance-json/css-2026-03-14.json');
  cssRoot = buildSite('css-2026', dump, { args: ['--no-history'] });
  css = await serveSite(cssRoot);
});

after(async () => {
  await browser?.close();
  await demo?.close();
  await css?.close();
});

// Runs in the page: for every alinéa anchor, the expected text and the highlighted text.
function readAlineas() {
  const collapse = (s) => s.replace(/[ \t\r\n]+/g, ' ').trim();
  const text = document.querySelector('section.article-text');
  const breaks = new Set(['P', 'LI', 'BR', 'UL', 'OL', 'DIV', 'BLOCKQUOTE', 'PRE', 'H3', 'H4', 'H5', 'H6']);
  const expected = [];
  let line = '';
  const endLine = () => {
    const t = collapse(line);
    if (t) expected.push(t);
    line = '';
  };
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) line += c.data;
      if (c.nodeType !== Node.ELEMENT_NODE) continue;
      if (c.tagName === 'TABLE') {
        endLine();
        continue;
      }
      const boundary = breaks.has(c.tagName);
      if (boundary) endLine();
      walk(c);
      if (boundary) endLine();
    }
  };
  walk(text);
  endLine();
  const anchors = [...text.querySelectorAll('[id^="alinea-"]')];
  const mark = getComputedStyle(document.documentElement).getPropertyValue('--mark-bg').trim();
  const probe = document.createElement('span');
  probe.style.background = mark;
  document.body.append(probe);
  const markColor = getComputedStyle(probe).backgroundColor;
  probe.remove();
  // Where a highlight can be painted: the alinéas' elements and the elements holding them.
  const candidates = [...new Set(anchors.flatMap((a) => [a, a.parentElement]))].filter(
    (e) => e !== text,
  );
  const results = anchors.map((anchor) => {
    location.hash = anchor.id;
    const target = document.querySelector(':target');
    const painted = candidates.filter((e) => getComputedStyle(e).backgroundColor === markColor);
    const outermost = painted.filter((e) => !painted.some((o) => o !== e && o.contains(e)));
    return {
      id: anchor.id,
      target: target?.id ?? null,
      highlighted: outermost.map((e) => collapse(e.textContent)),
    };
  });
  return { expected, results };
}

// Checks every alinéa anchor of the page at `url`, opened in `tab` when given (loading a page in
// a tab already open is several times faster than opening one); returns how many were checked.
async function checkPage(url, tab = null) {
  const page = tab ?? (await openPage(browser, url));
  try {
    if (tab) {
      const response = await page.goto(url, { waitUntil: 'load' });
      page.status = response?.status();
    }
    assert.equal(page.status, 200, url);
    const { expected, results } = await page.evaluate(readAlineas);
    assert.equal(results.length, expected.length, `${url}: anchors and alinéas`);
    results.forEach((r, i) => {
      assert.equal(r.id, `alinea-${i + 1}`, url);
      assert.equal(r.target, r.id, `${url}#${r.id}: :target`);
      assert.deepEqual(r.highlighted, [expected[i]], `${url}#${r.id}: highlighted text`);
    });
    return results.length;
  } finally {
    if (!tab) await page.close();
  }
}

for (const [kind, rel] of Object.entries(structures.demo)) {
  test(`${kind}: each #alinea-N highlights exactly its alinéa`, async () => {
    assert.ok((await checkPage(demo.url(rel))) >= 3);
  });
}

for (const [kind, rel] of Object.entries(structures.css)) {
  test(`${kind}: each #alinea-N highlights exactly its alinéa`, async () => {
    assert.ok((await checkPage(css.url(rel))) >= 1);
  });
}

test('css-2026: thirty article pages spread over the code', async () => {
  const folder = path.join(cssRoot, code);
  const pages = fs
    .readdirSync(folder)
    .filter((slug) => fs.existsSync(path.join(folder, slug, 'index.html')))
    .filter((slug) => !/^\d{4}-\d{2}-\d{2}$/.test(slug))
    .sort()
    .filter((slug) =>
      fs.readFileSync(path.join(folder, slug, 'index.html'), 'utf8').includes('id="alinea-'),
    );
  // A fixed sample spread evenly over the sorted list, so that the pages checked cover every
  // part of the code whatever the machine's speed (the C++ test checks every anchor's text).
  const sample = 30;
  const order = [];
  for (let k = 0; k < sample && k < pages.length; ++k)
    order.push(pages[Math.floor((k * pages.length) / sample)]);
  let checked = 0;
  let anchors = 0;
  const tab = await openPage(browser, css.url(`${code}/`));
  for (const slug of order) {
    anchors += await checkPage(css.url(`${code}/${slug}/`), tab);
    ++checked;
  }
  await tab.close();
  console.log(`checked ${anchors} anchors on ${checked} of ${pages.length} article pages`);
  assert.equal(checked, Math.min(sample, pages.length));
  assert.ok(anchors >= checked, `${anchors} anchors on ${checked} pages`);
});
