// Shared helpers of the browser suite (tests/browser/*.test.mjs): Debian's chromium driven by
// puppeteer-core (which never downloads a browser), sites built by the legisite program, served
// from disk or by a small static server on 127.0.0.1, axe-core, screenshots and PDFs written
// under the build folder. Each test file is one CTest test (tests/CMakeLists.txt), run by
// tests/browser/run.sh, which has already checked that node, chromium and node_modules exist.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The repository, the legisite program, the demo site the CTest fixture built, ../shared. */
export const sourceDir = process.env.LEGISITE_SOURCE_DIR ?? path.resolve(here, '../..');
export const program = process.env.LEGISITE_PROGRAM ?? path.join(sourceDir, 'build/legisite');
export const demoSite =
  process.env.LEGISITE_DEMO_SITE ?? path.join(sourceDir, 'build/tests/browser/demo-site');
export const sharedDir = process.env.LEGISITE_SHARED_DIR ?? path.resolve(sourceDir, '../shared');
export const chromiumPath = process.env.LEGISITE_CHROMIUM ?? '/usr/bin/chromium';
/** The reference date of every site the suite builds (the goldens' and the demo fixture's). */
export const referenceDate = '2026-11-26';

/** Where this test file writes what people may look at (screenshots, PDFs) and its extra sites. */
export const outDir =
  process.env.LEGISITE_BROWSER_OUT ??
  path.join(sourceDir, 'build/tests/browser', path.basename(process.argv[1] ?? 'adhoc', '.test.mjs'));

export function inCI() {
  return process.env.CI === 'true';
}

/**
 * The rule of tests/support/environment.h: what a test needs is missing. Locally the file is
 * skipped with a message (exit 77, CTest's SKIP_RETURN_CODE); under CI=true it fails.
 */
export function skipBecauseMissing(what) {
  if (inCI()) {
    console.error(`FAILED: ${what} is missing, and under CI=true no test may skip`);
    process.exit(1);
  }
  console.log(`skipped: ${what} is missing (under CI=true this fails)`);
  process.exit(77);
}

/** A path below ../shared, or a skip (a failure under CI=true) when it is absent. */
export function needShared(relative) {
  const p = path.join(sharedDir, relative);
  if (!fs.existsSync(p)) skipBecauseMissing(p);
  return p;
}

/**
 * Builds `content` (a folder or file, relative to the repository or absolute) into
 * outDir/sites/<name> with the reference date, and returns the site's folder. Throws with the
 * program's output when the build fails.
 */
export function buildSite(name, content, { date = referenceDate, args = [] } = {}) {
  const out = path.join(outDir, 'sites', name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const run = spawnSync(
    program,
    ['build', '--content', content, '--out', out, '--date', date, '-j', '2', ...args],
    { cwd: sourceDir, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    throw new Error(`legisite build of ${content} failed (${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return out;
}

/** Headless Debian chromium, with a profile of its own that is removed when it closes. */
export async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'legisite-browser-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
    ],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the site in `root` on 127.0.0.1 (a free port) as a static host does: a folder answers
 * with its index.html, a missing file with 404.html and status 404. Returns { origin, url(rel),
 * close() }.
 */
export async function serveSite(root) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) file = path.join(root, '404-outside');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!fs.existsSync(file)) {
      status = 404;
      file = path.join(root, '404.html');
    }
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(status, { 'content-type': type });
    response.end(fs.existsSync(file) ? fs.readFileSync(file) : 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (relative = '') => `${origin}/${relative.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The file:// address of a page of a site on disk (`rel` may end with ?query or #fragment). */
export function fileUrl(root, relative = 'index.html') {
  const [, file, rest] = /^([^?#]*)(.*)$/.exec(relative);
  return pathToFileURL(path.join(root, file)).href + rest;
}

/**
 * Opens `url` in a new tab: colour scheme (light or dark), media (screen or print), viewport.
 * `page.problems` collects the page's uncaught errors and console errors, for noProblems().
 */
export async function openPage(browser, url, options = {}) {
  const { colorScheme = 'light', media = 'screen', width = 1280, height = 900 } = options;
  const page = await browser.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  await page.setViewport({ width, height });
  await emulateMedia(page, { colorScheme, media });
  const response = await page.goto(url, { waitUntil: 'load' });
  page.status = response ? response.status() : null;
  return page;
}

/**
 * Emulates a colour scheme and a media type at once: puppeteer's emulateMediaType and
 * emulateMediaFeatures each send Emulation.setEmulatedMedia, and the second call clears what the
 * first set.
 */
export async function emulateMedia(page, { colorScheme = 'light', media = 'screen' } = {}) {
  page.devtools ??= await page.createCDPSession();
  await page.devtools.send('Emulation.setEmulatedMedia', {
    media,
    features: [{ name: 'prefers-color-scheme', value: colorScheme }],
  });
}

/** Throws when the page had an uncaught error or logged a console error (a 404 answer is allowed). */
export function noProblems(page, { allow = [] } = {}) {
  const left = page.problems.filter((p) => !allow.some((pattern) => pattern.test(p)));
  if (left.length) throw new Error(`${page.url()}:\n  ${left.join('\n  ')}`);
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now (WCAG 2.x A and AA rules and best practices). */
export async function runAxe(page, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(
    (exclude) =>
      window.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        {
          resultTypes: ['violations'],
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        },
      ),
    exclude,
  );
}

/** The violations of an axe result whose impact is serious or critical. */
export function seriousViolations(results) {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable account of axe violations: rule, impact, help, and each node with its summary. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Writes a PNG of the page (the viewport, or all of it with fullPage) to outDir; returns its path. */
export async function screenshot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Prints the page to a PDF (A4, as the print stylesheet lays it out) in outDir; returns its path. */
export async function printToPdf(page, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: false });
  return file;
}
