// Hostile input and privacy: ≥ 20 XSS payload styles dropped (as .html,
// .md and .txt) and pasted must never run (a side effect on `window.__xss`
// and any dialog would prove it), and analysing an article sends nothing
// anywhere but the page's own static files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { dropFile, waitForAnalysis, waitForApp, waitForNamesOf } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');
const PAYLOADS = (await readFile(new URL('./fixtures/xss-payloads.txt', import.meta.url), 'utf8'))
  .split('\n').filter((l) => l.trim());

let server;
let context;

before(async () => {
  server = await serveDir(DIST, ['/']);
  context = await launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await context?.close();
  await server?.close();
});

async function open() {
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await page.locator('#article-text').fill('');
  await page.evaluate(() => { window.__xss = 0; });
  return { page, dialogs };
}

const drop = dropFile;

/** Interacts with everything the page rendered, to trigger any handler. */
async function poke(page) {
  await page.mouse.move(200, 300);
  for (const el of await page.$$('article *')) {
    await el.hover({ timeout: 200 }).catch(() => {});
  }
  await page.waitForTimeout(300);
}

test(`${PAYLOADS.length} XSS payloads, pasted and dropped, never run`, async () => {
  assert.ok(PAYLOADS.length >= 20);
  const { page, dialogs } = await open();
  const article = PAYLOADS.map((p, i) => `“Payload ${i} ${p} is here,” said Ms Eve Hacker.`).join('\n\n');
  // Pasted as text.
  await page.evaluate((t) => navigator.clipboard.writeText(t), article);
  await page.locator('#article-text').focus();
  await page.keyboard.press('Control+V');
  await waitForAnalysis(page, article);
  await poke(page);
  assert.ok((await page.locator('article.article').innerText()).includes('<script>window.__xss=1</script>'), 'shown as text');
  // Dropped as HTML, Markdown and text files.
  for (const [name, type] of [['evil.html', 'text/html'], ['evil.md', 'text/markdown'], ['evil.txt', 'text/plain']]) {
    await drop(page, name, `<p>Intro.</p>\n\n${PAYLOADS.join('\n\n')}\n\n<p>“Done,” she said.</p>`, type);
    await page.waitForTimeout(500);
    await poke(page);
  }
  assert.equal(await page.evaluate(() => window.__xss), 0, 'no payload ran');
  assert.deepEqual(dialogs, []);
  const live = await page.locator('article.article script, article.article iframe, article.article img, article.article svg, article.article object, article.article embed').count();
  assert.equal(live, 0, 'no active element was created from user text');
  await page.close();
});

test('analysing an article requests only the page’s own files and never sends the text', async () => {
  const requests = [];
  const page = await context.newPage();
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  await page.goto(server.origin + '/');
  await waitForApp(page);
  const marker = 'Zebrafinch Quillmoss';
  const text = (await readFile(join(SHARED, 'data/seed/seed.txt'), 'utf8')) + `\n\n“Nobody must see this,” said ${marker}.`;
  await page.locator('#article-text').fill(text);
  await page.locator(`[data-speaker="${marker}"]`).waitFor({ timeout: 30_000 });
  await page.locator('[data-entity="PERSON"]').first().waitFor({ timeout: 30_000 });
  await page.click('[data-export="json"]').catch(() => {});
  await page.waitForTimeout(500);
  assert.ok(requests.length > 0);
  for (const r of requests) {
    const u = new URL(r.url);
    assert.ok(u.origin === server.origin || u.protocol === 'blob:' || u.protocol === 'data:', `request to another origin: ${r.url}`);
    assert.equal(r.method, 'GET', `only GET requests (${r.method} ${r.url})`);
    assert.ok(!decodeURIComponent(r.url).includes('Zebrafinch') && !r.body.includes('Zebrafinch'), `text leaked in ${r.url}`);
    assert.ok(u.search === '', `no query strings (${r.url})`);
  }
  assert.ok(server.requests.every((p) => !p.includes('Zebrafinch')));
  await page.close();
});

test('the built page carries a strict Content Security Policy and runs under it', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.doesNotMatch(html, /<script(?![^>]*src=)[^>]*>/, 'no inline script');
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto(server.origin + '/');
  await waitForApp(page); // then the text kept from an earlier test is in the box, to be replaced
  const text = '“Policies matter,” said Dr Ana Ruiz.';
  await page.locator('#article-text').fill(text);
  await waitForNamesOf(page, text);
  await page.locator('[data-entity]').first().waitFor({ timeout: 30_000 });
  assert.deepEqual(violations, []);
  await page.close();
});
