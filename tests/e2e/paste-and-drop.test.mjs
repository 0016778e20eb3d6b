// The built page as a user meets it: served from a plain static server (at
// the root and under a sub-path), an article pasted or dropped, its quotes
// highlighted. Screenshots go to $SAIDWHO_ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { dropFile, openPage, waitForAnalysis, waitForApp } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');
const ARTIFACTS = resolve(process.env.SAIDWHO_ARTIFACTS ?? 'target/e2e');
const SUBPATH = '/tools/saidwho/';

let server;
let context;
let seedText;
let seedQuotes;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  seedText = await readFile(join(SHARED, 'data/seed/seed.txt'), 'utf8');
  const gold = JSON.parse((await readFile(join(SHARED, 'data/seed/gold.jsonl'), 'utf8')).split('\n')[0]);
  // Gold direct quotes (code-point offsets), with their speakers.
  const chars = Array.from(gold.text);
  seedQuotes = gold.attributions
    .filter((a) => a.direct)
    .map((a) => ({ text: chars.slice(a.content[0][0], a.content[0][1]).join(''), speaker: a.speaker_name }));
  assert.equal(seedQuotes.length, 6, 'the seed article has six direct quotes');
  server = await serveDir(DIST, ['/', SUBPATH]);
  context = await launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await context?.close();
  await server?.close();
});

/** Opens the page; page errors and console errors are collected. */
async function open(path) {
  return openPage(context, server.origin + path);
}

/** Puts `text` on the clipboard and pastes it into the editor with Ctrl+V. */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#article-text').fill(''); // text kept from an earlier visit
  await page.locator('#article-text').focus();
  await page.keyboard.press('Control+V');
}

/** The text of each highlighted quote, fragments of one quote joined. */
async function highlightedQuotes(page) {
  return page.$$eval('mark[data-quote]', (marks) => {
    const byId = new Map();
    for (const m of marks) {
      const id = m.getAttribute('data-quote');
      byId.set(id, (byId.get(id) ?? '') + m.textContent);
    }
    return [...byId.values()];
  });
}

for (const [name, path] of [['root', '/'], ['sub-path', SUBPATH]]) {
  test(`pasting the seed article highlights its quotes (served at ${name})`, async () => {
    const { page, problems } = await open(path);
    await paste(page, seedText);
    assert.equal(await page.locator('#article-text').inputValue(), seedText, 'the paste kept the text intact');
    await waitForAnalysis(page, seedText);
    const shown = await highlightedQuotes(page);
    for (const q of seedQuotes) {
      assert.ok(shown.includes(q.text), `quote highlighted: ${q.text.slice(0, 60)}…`);
    }
    assert.ok(!shown.some((q) => q.includes('Strengthening')), 'the meeting theme is not a quote');
    const speakers = await page.$$eval('[data-speaker]', (els) => els.map((e) => e.getAttribute('data-speaker')));
    assert.deepEqual(speakers.sort(), ['Kaori Kawarabayashi', 'Somkeo Sylavong', 'Vegard Holmelid']);
    for (const q of seedQuotes) {
      const card = page.locator(`[data-speaker="${q.speaker}"]`);
      assert.ok((await card.innerText()).includes(q.text.replace(/^“/, '').slice(0, 40)), `${q.speaker} card lists the quote`);
    }
    // Names arrive once the worker has its model.
    await page.locator('[data-entity="PERSON"]').first().waitFor({ timeout: 30_000 });
    const people = await page.$$eval('[data-entity="PERSON"]', (els) => els.map((e) => e.textContent));
    for (const name of ['Somkeo Sylavong', 'Kaori Kawarabayashi', 'Vegard Holmelid']) {
      assert.ok(people.includes(name), `${name} is highlighted as a person`);
    }
    assert.ok((await page.$$('[data-entity="LOC"]')).length >= 3, 'places are highlighted');
    await page.screenshot({ path: join(ARTIFACTS, `seed-${name}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('a quote interrupted by its attribution is highlighted as one quote in two parts', async () => {
  const { page, problems } = await open('/');
  const article = '“We will rebuild,” said Dr Ama Owusu, who runs the clinic. “Every house, every school.”\n\nShe left.';
  await paste(page, article);
  await waitForAnalysis(page, article);
  const marks = await page.$$eval('mark[data-quote]', (ms) => ms.map((m) => [m.getAttribute('data-quote'), m.textContent]));
  assert.deepEqual(marks, [['0', '“We will rebuild,”'], ['0', '“Every house, every school.”']], 'the attribution is not highlighted');
  assert.equal(await page.locator('#q-0').count(), 1, 'one element carries the quote id');
  const card = page.locator('[data-speaker="Ama Owusu"]');
  assert.ok((await card.innerText()).includes('“We will rebuild,” … “Every house, every school.”'), await card.innerText());
  assert.deepEqual(problems, []);
  await page.close();
});

test('a dropped .txt file is analysed; a binary file gets a clear message', async () => {
  const { page, problems } = await open('/');
  const drop = (name, bytes, type) => dropFile(page, name, bytes, type);
  await page.locator('#article-text').fill('');
  const article = '“We dropped it in,” said Ms Ada Lovelace.\n\nShe left.';
  await drop('article.txt', [...Buffer.from(article, 'utf8')], 'text/plain');
  await waitForAnalysis(page, article);
  assert.deepEqual(await highlightedQuotes(page), ['“We dropped it in,”']);
  assert.equal(await page.locator('#article-text').inputValue(), article);

  await drop('photo.txt', [0x47, 0x49, 0x46, 0x38, 0xff, 0x00, 0x01], 'text/plain');
  await page.getByRole('alert').waitFor({ timeout: 10_000 });
  assert.match(await page.getByRole('alert').innerText(), /not UTF-8 text/);
  assert.equal(await page.locator('#article-text').inputValue(), article, 'the text already there is kept');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file dropped anywhere on the page is analysed and never opens in the tab', async () => {
  const { page, problems } = await open('/');
  const url = page.url();
  for (const [where, target] of [['results area', 'section.results'], ['page header', 'header.top'], ['page margin', 'body']]) {
    const article = `“We dropped it on the ${where},” said Ms Ada Lovelace.\n\nShe left.`;
    // While a file is dragged over the page, the whole window says where it goes.
    await page.evaluate((sel) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }));
      document.querySelector(sel).dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, target);
    await page.locator('[data-drop-overlay]').waitFor({ timeout: 5_000 });
    const taken = await dropFile(page, 'article.txt', [...Buffer.from(article, 'utf8')], 'text/plain', target);
    assert.deepEqual(taken, { dragenter: true, dragover: true, drop: true }, `the page takes a drop on the ${where}`);
    await waitForAnalysis(page, article);
    assert.equal(await page.locator('#article-text').inputValue(), article);
    assert.equal(await page.locator('[data-drop-overlay]').count(), 0, 'the overlay is gone after the drop');
    assert.equal(page.url(), url, 'the tab stays on the page');
  }
  // A dragged link dropped outside the text box does not navigate either.
  const linkTaken = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/uri-list', 'http://example.test/');
    return !document.querySelector('section.results').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  assert.ok(linkTaken, 'a dropped link is not followed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('what is typed, clicked or dropped before the app has started is not lost', async () => {
  // Hold the app's WebAssembly back so that the static frame is all there is
  // (a first visit: no service worker answers in the network's place).
  const firstVisit = await launch({ serviceWorkers: 'block' });
  let release;
  const held = new Promise((r) => { release = r; });
  const page = await firstVisit.newPage();
  await page.route(/app-[^/]*_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.origin + '/');
  // The frame is drawn at once: header, text box, buttons, placeholder.
  await page.locator('header.top h1').waitFor();
  assert.equal(await page.locator('[data-frame] #article-text').count(), 1, 'the static frame is on screen');
  const typed = '“Typed before the app woke up,” said Mr Tom Reed.';
  await page.locator('#article-text').fill(typed);
  await page.locator('#article-text').focus();
  const taken = await dropFile(page, 'x.txt', [...Buffer.from('ignored')], 'text/plain', 'section.results');
  assert.ok(taken.drop, 'a drop on the frame does not open the file in the tab');
  await page.evaluate(() => { window.saidwhoEarly.file = null; });
  release();
  await waitForApp(page);
  assert.equal(await page.locator('[data-frame]').count(), 0, 'the app replaced the frame');
  assert.equal(await page.locator('#article-text').inputValue(), typed);
  await waitForAnalysis(page, typed);
  assert.deepEqual(await page.$$eval('[data-speaker]', (els) => els.map((e) => e.dataset.speaker)), ['Tom Reed']);
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'article-text'), 'the text box keeps the focus');
  await page.unroute(/app-[^/]*_bg\.wasm$/);
  await page.close();

  // "Try an example" clicked on the frame is carried out once the app runs.
  let release2;
  const held2 = new Promise((r) => { release2 = r; });
  const page2 = await firstVisit.newPage();
  await page2.route(/app-[^/]*_bg\.wasm$/, async (route) => { await held2; await route.continue(); });
  await page2.goto(server.origin + '/');
  await page2.locator('#article-text').fill('');
  await page2.getByRole('button', { name: 'Try an example' }).click();
  release2();
  await waitForAnalysis(page2, seedText);
  assert.equal(await page2.locator('#article-text').inputValue(), seedText);
  await firstVisit.close();
});
