// The built page as a user meets it: served from a plain static server (at
// the root and under a sub-path), an article pasted or dropped, its quotes
// highlighted. Screenshots go to $SAIDWHO_ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { dropFile, openPage } from './helpers.mjs';

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
    await page.locator('mark[data-quote]').first().waitFor({ timeout: 30_000 });
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

test('a dropped .txt file is analysed; a binary file gets a clear message', async () => {
  const { page, problems } = await open('/');
  const drop = (name, bytes, type) => dropFile(page, name, bytes, type);
  await page.locator('#article-text').fill('');
  const article = '“We dropped it in,” said Ms Ada Lovelace.\n\nShe left.';
  await drop('article.txt', [...Buffer.from(article, 'utf8')], 'text/plain');
  await page.locator('mark[data-quote]').first().waitFor({ timeout: 30_000 });
  assert.deepEqual(await highlightedQuotes(page), ['“We dropped it in,”']);
  assert.equal(await page.locator('#article-text').inputValue(), article);

  await drop('photo.txt', [0x47, 0x49, 0x46, 0x38, 0xff, 0x00, 0x01], 'text/plain');
  await page.getByRole('alert').waitFor({ timeout: 10_000 });
  assert.match(await page.getByRole('alert').innerText(), /not UTF-8 text/);
  assert.equal(await page.locator('#article-text').inputValue(), article, 'the text already there is kept');
  assert.deepEqual(problems, []);
  await page.close();
});
