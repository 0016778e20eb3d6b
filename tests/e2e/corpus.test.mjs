// The corpus page in headless Chromium: a .zip of 200 PolNeAR articles
// dropped in, analysed in workers with progress, tables that match the
// command line on the same texts, kept across reloads (IndexedDB), merge
// and export, workspace export/import, delete, bad archives and tables,
// axe-core in light and dark, phone width, screenshots.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from './browser.mjs';
import { serveDir } from './static-server.mjs';
import { zip } from './zip.mjs';
import { dropFile } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');
const ARTIFACTS = resolve(process.env.SAIDWHO_ARTIFACTS ?? 'target/e2e');
const ROOT = resolve(DIST, '..');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const DOCS = (await readFile(join(SHARED, 'data/polnear/train.jsonl'), 'utf8'))
  .split('\n').filter(Boolean).slice(0, 200).map((l) => JSON.parse(l));
const ZIP = zip([
  ...DOCS.map((d) => [`news/${d.id}.txt`, Buffer.from(d.text)]),
  ['news/copy.txt', Buffer.from(DOCS[0].text)],
  ['news/empty.txt', Buffer.from('   ')],
  ['news/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])],
]);

let server;
let work;
const browsers = new Set();

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serveDir(DIST, ['/']);
  work = await mkdtemp(join(tmpdir(), 'saidwho-corpus-'));
  await writeFile(join(work, 'batch.zip'), ZIP);
});

after(async () => {
  await Promise.all([...browsers].map((c) => c.close().catch(() => {})));
  await server?.close();
});

/** A browser on the corpus page (one profile: its IndexedDB persists across reloads). */
async function openCorpus(context) {
  const ctx = context ?? await launch({ acceptDownloads: true });
  browsers.add(ctx);
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.origin}/corpus/`);
  // The app's page (the static placeholder has no data-phase).
  await page.locator('main.corpus[data-phase]').waitFor({ timeout: 30_000 });
  return { ctx, page, problems };
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await file.path(), 'utf8');
}

async function rows(page, attr) {
  return Object.fromEntries(await page.$$eval(`[${attr}]`, (els, a) =>
    els.map((e) => [e.getAttribute(a), Number(e.getAttribute('data-quotes'))]), attr));
}

/** All rows of a table (it shows 100 at a time). */
async function showAll(page, section) {
  for (;;) {
    const more = page.locator(`${section} .more button`);
    if (await more.count() === 0) return;
    await more.click();
  }
}

/** What the command line finds in the same zip: (speakers.csv rows by name, quotes by article id). */
function commandLine() {
  const bin = process.env.SAIDWHO_BIN ?? join(ROOT, 'target/debug/saidwho');
  assert.ok(existsSync(bin), `the saidwho command line is built (${bin})`);
  const out = join(work, 'report');
  execFileSync(bin, ['corpus', join(work, 'batch.zip'), '-o', out], { stdio: 'pipe' });
  const csv = execFileSync('python3', ['-c', `
import csv, json, sys
rows = {r['speaker']: int(r['quotes']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))}
arts = {}
for l in open(sys.argv[2]):
    d = json.loads(l); arts[d['id']] = len(d['quotes'])
print(json.dumps([rows, arts]))`, join(out, 'speakers.csv'), join(out, 'analyses.jsonl')]);
  return JSON.parse(csv);
}

test('the article page links to the corpus view, labelled "Corpus"', async () => {
  const ctx = await launch();
  browsers.add(ctx);
  const page = await ctx.newPage();
  await page.goto(`${server.origin}/`);
  await page.getByRole('link', { name: 'Corpus' }).click();
  await page.locator('main.corpus').waitFor({ timeout: 30_000 });
  assert.match(page.url(), /\/corpus\/$/);
  await ctx.close();
});

test('a zip of 200 articles dropped: progress, tables equal to the command line, reload, merge and export, workspace round trip, delete', async () => {
  const { ctx, page, problems } = await openCorpus();
  let sawProgress = false;
  const watch = setInterval(async () => {
    sawProgress ||= await page.locator('[data-progress="analysing"] progress').count().catch(() => 0) > 0;
  }, 20);
  // Dropped on the page, as a person drags it from a folder.
  const taken = await dropFile(page, 'batch.zip', [...ZIP], 'application/zip', 'main.corpus');
  assert.ok(taken.drop, 'the page takes the drop (the browser does not open the file)');
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 120_000 });
  clearInterval(watch);
  assert.ok(sawProgress, 'a progress bar was shown');
  // The files that gave no article, each with its reason.
  const skipped = await page.locator('[data-problem]').allInnerTexts();
  assert.equal(skipped.length, 3, skipped.join('\n'));
  assert.match(skipped.join('\n'), /copy\.txt: the same text as/);
  assert.match(skipped.join('\n'), /empty\.txt: empty/);
  assert.match(skipped.join('\n'), /photo\.png: saidwho does not read \.png/);

  const [cliSpeakers, cliArticles] = commandLine();
  await showAll(page, 'section[aria-labelledby="articles-title"]');
  await showAll(page, 'section[aria-labelledby="speakers-title"]');
  const articles = await rows(page, 'data-corpus-article');
  assert.equal(Object.keys(articles).length, 200);
  const expected = Object.fromEntries(Object.entries(cliArticles).map(([id, n]) => [id.replace(/^.*batch\.zip/, 'batch.zip'), n]));
  assert.deepEqual(articles, expected);
  const speakers = await rows(page, 'data-corpus-speaker');
  assert.deepEqual(speakers, cliSpeakers);
  await page.screenshot({ path: join(ARTIFACTS, 'corpus-view.png'), fullPage: true });

  // Kept across a reload (IndexedDB).
  await page.reload();
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 30_000 });
  await showAll(page, 'section[aria-labelledby="speakers-title"]');
  assert.deepEqual(await rows(page, 'data-corpus-speaker'), speakers);

  // Merge two speakers; the export follows.
  const [a, b] = Object.keys(speakers).filter((n) => !/¶/.test(n)).slice(0, 2);
  await page.getByLabel(`Pick ${a}`, { exact: true }).check();
  await page.getByLabel(`Pick ${b}`, { exact: true }).check();
  await page.click('[data-merge]');
  const merged = await rows(page, 'data-corpus-speaker');
  assert.equal(merged[a], speakers[a] + speakers[b]);
  assert.equal(merged[b], undefined);
  const csv = await download(page, '[data-export="speakers"]');
  assert.match(csv, new RegExp(`^"${a}","named",.*,"${speakers[a] + speakers[b]}",`, 'm'));
  const quotes = await download(page, '[data-export="quotes"]');
  assert.equal(quotes.trim().split('\r\n').length - 1, Object.values(articles).reduce((x, y) => x + y, 0));

  // Workspace out, corpus deleted (also after a reload), workspace back in.
  const saved = await download(page, '[data-export="workspace"]');
  await writeFile(join(work, 'workspace.json'), saved);
  await page.click('[data-delete]');
  await page.locator('main.corpus[data-phase="empty"]').waitFor();
  await page.reload();
  await page.locator('main.corpus').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-corpus-article]').count(), 0);
  await page.setInputFiles('[data-import]', join(work, 'workspace.json'));
  await page.locator('main.corpus[data-phase="ready"]').waitFor();
  assert.equal((await rows(page, 'data-corpus-speaker'))[a], speakers[a] + speakers[b]);
  assert.equal(await download(page, '[data-export="workspace"]'), saved);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a corrupt zip and a broken CSV get clear messages; the rest is read', async () => {
  const { ctx, page } = await openCorpus();
  await page.setInputFiles('[data-corpus-files]', [
    { name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 not a zip') },
    { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('id,text\nx1,"never closed\n') },
    { name: 'ok.txt', mimeType: 'text/plain', buffer: Buffer.from('“The walls held,” said Mayor Sam Ruiz.') },
  ]);
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 60_000 });
  const skipped = (await page.locator('[data-problem]').allInnerTexts()).join('\n');
  assert.match(skipped, /broken\.zip: this is not a zip archive/);
  assert.match(skipped, /table\.csv: broken CSV: a quoted field opened on line 2 never closes/);
  assert.deepEqual(await rows(page, 'data-corpus-speaker'), { 'Sam Ruiz': 1 });
  await ctx.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations on the corpus view (${scheme}); usable at phone width`, async () => {
    const { ctx, page } = await openCorpus();
    await page.emulateMedia({ colorScheme: scheme });
    const some = zip(DOCS.slice(0, 12).map((d) => [`${d.id}.txt`, Buffer.from(d.text)]));
    await page.setInputFiles('[data-corpus-files]', { name: 'some.zip', mimeType: 'application/zip', buffer: some });
    await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 60_000 });
    await page.locator('.chart details summary').first().click();
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const report = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.html}`);
    assert.deepEqual(report, []);
    // The chart's bars are reachable by keyboard.
    await page.locator('.chart .bar').first().focus();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'listitem');
    await page.screenshot({ path: join(ARTIFACTS, `corpus-${scheme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
    // Usable there: filter the speakers, sort them by name.
    const before = await page.locator('[data-corpus-speaker]').count();
    await page.getByLabel('Filter speakers').fill('no such speaker');
    assert.equal(await page.locator('[data-corpus-speaker]').count(), 0);
    await page.getByLabel('Filter speakers').fill('');
    assert.equal(await page.locator('[data-corpus-speaker]').count(), before);
    await page.getByRole('button', { name: 'Speaker', exact: true }).click();
    const names = await page.$$eval('[data-corpus-speaker]', (els) => els.map((e) => e.getAttribute('data-corpus-speaker').toLowerCase()));
    assert.ok(names.length > 1);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'sorted by name');
    await page.screenshot({ path: join(ARTIFACTS, `corpus-phone-${scheme}.png`), fullPage: true });
    await ctx.close();
  });
}

test('the corpus page works offline after a visit, its corpus kept', async () => {
  const { ctx, page } = await openCorpus();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await page.setInputFiles('[data-corpus-files]', { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('“The walls held,” said Mayor Sam Ruiz.') });
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 60_000 });
  await page.reload(); // every file of the page now fetched under the service worker
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1000);
  await ctx.setOffline(true);
  try {
    await page.reload();
    await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(await rows(page, 'data-corpus-speaker'), { 'Sam Ruiz': 1 });
    // The article page is still the article page offline.
    await page.goto(`${server.origin}/`);
    await page.locator('#article-text').waitFor({ timeout: 30_000 });
  } finally {
    await ctx.setOffline(false);
  }
  await ctx.close();
});

test('a full storage is said plainly; the corpus stays on the page', async () => {
  const ctx = await launch();
  browsers.add(ctx);
  await ctx.addInitScript(() => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const { page } = await openCorpus(ctx);
  await page.setInputFiles('[data-corpus-files]', { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('“The walls held,” said Mayor Sam Ruiz.') });
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 60_000 });
  await page.locator('.notice.error', { hasText: 'storage is full' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(await rows(page, 'data-corpus-speaker'), { 'Sam Ruiz': 1 });
  await ctx.close();
});

test('a dropped folder is walked, subfolders too, each file named by its path', async () => {
  const { ctx, page } = await openCorpus();
  await page.evaluate(() => {
    // The entries a browser gives for a dropped folder "news" holding a.txt
    // and a folder "more" with b.md (a synthetic drop cannot hold folders).
    const file = (path, text) => ({
      isFile: true, isDirectory: false, fullPath: path,
      file: (ok) => ok(new File([text], path.split('/').pop(), { type: 'text/plain' })),
    });
    const dir = (path, children) => ({
      isFile: false, isDirectory: true, fullPath: path,
      createReader: () => {
        let given = false;
        return { readEntries: (ok) => { ok(given ? [] : children); given = true; } };
      },
    });
    const tree = dir('/news', [
      file('/news/a.txt', '“The walls held,” said Mayor Sam Ruiz.'),
      dir('/news/more', [file('/news/more/b.md', '# Bridge\n\n“It was close,” said Dr. Ana Ortiz.')]),
    ]);
    DataTransferItem.prototype.webkitGetAsEntry = () => tree;
    const dt = new DataTransfer();
    dt.items.add(new File([''], 'news'));
    const zone = document.querySelector('main.corpus');
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 60_000 });
  assert.deepEqual(await rows(page, 'data-corpus-article'), { 'news/a.txt': 1, 'news/more/b.md': 1 });
  await ctx.close();
});
