// Bad input in the page: empty and blank text, files over the size limit,
// extremely long lines, thousands of quote marks, right-to-left and mixed
// scripts, and a worker that dies. Each case gets a message a person
// understands, the page stays usable, and the text is never lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { dropFile, pasteEvent, waitForAnalysis, waitForApp } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
let server;
let context;

before(async () => {
  server = await serveDir(DIST, ['/']);
  // Service workers off: this file replaces the worker script in one test.
  context = await launch({ serviceWorkers: 'block' });
});

after(async () => {
  await context?.close();
  await server?.close();
});

async function open() {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await page.locator('#article-text').fill('');
  return { page, errors };
}

/** Whether the main thread answers quickly (not frozen). */
async function responsive(page) {
  const t = Date.now();
  await page.evaluate(() => 1);
  const ms = Date.now() - t;
  if (ms >= 1000) console.error(`main thread blocked for ${ms} ms`);
  return ms < 1000;
}

test('empty and blank text: nothing to analyse, and the page says so', async () => {
  const { page, errors } = await open();
  assert.match(await page.locator('.placeholder').innerText(), /Paste or drop an article/);
  await page.locator('#article-text').fill('   \n\n \t ');
  await page.getByText('only spaces and line breaks').waitFor();
  assert.equal(await page.locator('mark[data-quote]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file over the size limit is offered, then analysed without freezing the page', async () => {
  const { page, errors } = await open();
  const para = '“We will build it,” said Ms Ada Lovelace in London. The plan was costed at $10 million.\n\n';
  const big = para.repeat(Math.ceil((6 * 1024 * 1024) / para.length));
  await dropFile(page, 'huge.txt', big, 'text/plain');
  await page.locator('[data-accept]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator(".notice").innerText(), /is \d+\.\d MB, more than an article/);
  await page.click('[data-accept]');
  assert.ok(await responsive(page), 'the page answers while the worker analyses');
  await waitForAnalysis(page, big, 120_000);
  // Too long for the text box: said so, and kept out of it.
  assert.match(await page.locator('[data-long-text]').innerText(), /A long text \(6\.\d MB\) is in use/);
  assert.ok(await page.locator('#article-text').isHidden());
  await page.getByText(/Showing 200 of \d+ paragraphs/).waitFor();
  await page.click('[data-show-more]');
  await page.getByText(/Showing 1200 of \d+ paragraphs/).waitFor();
  assert.ok(await responsive(page));
  // One source quoted 70,000 times: its card's corrections are drawn when
  // opened, and offer the first quotes to split off, not all of them.
  assert.equal(await page.locator('.split-quote').count(), 0);
  const card = page.locator('[data-speaker="Ada Lovelace"]');
  await card.locator('.edit-speaker summary').click();
  await card.locator('[data-split-more]').waitFor();
  assert.match(await card.locator('[data-split-more]').innerText(), /^The first 50 of \d{5} quotes are listed/);
  assert.equal(await card.locator('.split-quote').count(), 50);
  assert.ok(await responsive(page));
  // The text is all there when asked for.
  await page.click('[data-show-text]');
  await page.locator('#article-text').waitFor({ state: 'visible' });
  assert.equal((await page.locator('#article-text').inputValue()).length, big.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long paste is analysed without filling the text box; Clear empties it', async () => {
  const { page, errors } = await open();
  const para = '“We will build it,” said Ms Ada Lovelace in London.\n\n';
  const long = 'Report\n\n' + para.repeat(Math.ceil(300_000 / para.length));
  await pasteEvent(page, long);
  await page.locator('[data-long-text]').waitFor();
  assert.ok(await page.locator('#article-text').isHidden(), 'the long text is not put into the box');
  await page.locator('[data-speaker="Ada Lovelace"]').waitFor({ timeout: 30_000 });
  assert.ok(await responsive(page));
  await page.click('[data-show-text]');
  assert.equal(await page.locator('#article-text').inputValue(), long, 'the text is kept exactly');
  // Pasting again replaces the selection, as a paste does.
  await page.locator('#article-text').selectText();
  await pasteEvent(page, long + 'More.');
  await page.locator('[data-long-text]').waitFor();
  await page.click('[data-clear-text]');
  await page.locator('#article-text').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#article-text').inputValue(), '');
  await page.locator('.placeholder').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long analysis reports progress in pieces and can be cancelled', async () => {
  const { page, errors } = await open();
  const para = '“Progress matters,” said Ms Ada Lovelace in London on Monday.\n\n';
  const long = para.repeat(Math.ceil((16 * 1024 * 1024) / para.length));
  await pasteEvent(page, long);
  await page.locator('progress.progress[value]').waitFor({ timeout: 60_000 });
  const pct = await page.locator('.percent').innerText();
  assert.match(pct, /^\d+%$/);
  // The row updates as pieces finish; press the button directly.
  await page.locator('[data-cancel]').dispatchEvent('click');
  await page.waitForFunction(() => !document.querySelector('.summary.busy'));
  assert.ok(await responsive(page));
  assert.match(await page.locator('[data-long-text]').innerText(), /A long text \(17\.0 MB\) is in use/, 'the text is kept');
  // Clearing it and typing again starts a new analysis, which completes.
  await page.click('[data-clear-text]');
  await page.locator('#article-text').fill(para.repeat(3));
  await page.locator('[data-speaker="Ada Lovelace"]').waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('long lines, thousands of quote marks, and right-to-left text are handled', async () => {
  const { page, errors } = await open();
  const cases = [
    'word '.repeat(100_000) + '“The end,” he said.',
    '“'.repeat(5_000) + ' “Marks everywhere,” said Mr Omar Haddad. ' + '"'.repeat(3_001) + '»'.repeat(2_000),
    '“السلام عليكم ورحمة الله,” قال الرئيس. “We agree with this,” said Ms Leila Farouk of the Arab League in Cairo.\n\nשלום עולם — 東京 — Ελληνικά',
    '\u202Eevil\u202C “Overrides stay text,” said Mr Ivan Petrov.\u200F',
  ];
  for (const text of cases) {
    await page.locator('#article-text').fill(text);
    await waitForAnalysis(page, text, 60_000);
    assert.equal(await page.locator('#article-text').inputValue(), text, 'the text is kept exactly');
    assert.ok(await responsive(page));
  }
  await page.locator('[data-speaker="Ivan Petrov"]').waitFor({ timeout: 30_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker that dies is reported with a report text, replaced, and the text is kept', async () => {
  const page = await context.newPage();
  await page.route('**/worker_loader.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { throw new Error("simulated crash"); };' }));
  await page.goto(server.origin + '/');
  await waitForApp(page); // else the text kept from the last visit is analysed (and stalls) first
  const text = '“Secret words here,” said Ms Nobody Special.';
  await page.locator('#article-text').fill(text);
  await page.getByRole('alert').waitFor({ timeout: 40_000 });
  assert.match(await page.getByRole('alert').innerText(), /stopped unexpectedly/);
  const report = await page.locator('.report textarea').inputValue();
  assert.match(report, /did not answer request \d+ \(44 characters, 1 lines\)/);
  assert.ok(!report.includes('Secret'), 'the report never carries the article');
  assert.equal(await page.locator('#article-text').inputValue(), text);
  // The page still works: a new worker (here broken too) is asked again on edit.
  await page.locator('#article-text').fill(text + ' More.');
  assert.ok(await responsive(page));
  await page.close();
});
