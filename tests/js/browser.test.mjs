// The JavaScript package's example page in headless Chromium: the models are
// fetched next to the package, the quotes listed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serveDir } from '../e2e/static-server.mjs';
import { launch } from '../e2e/browser.mjs';

const ROOT = resolve(process.env.SAIDWHO_JS_ROOT ?? 'target/js');
const server = await serveDir(ROOT, ['/']);
const context = await launch();
after(async () => {
  await context.close();
  await server.close();
});

test('the example page finds the quote and its speaker', async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/example.html`);
  await page.locator('body[data-ready="yes"]').waitFor({ timeout: 30_000 });
  const items = await page.$$eval('#quotes li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(items, ['Keiko Tanaka: “We will rebuild,” … “Every house, every school.”']);
  await page.fill('#text', 'Nothing quoted here.');
  await page.click('#go');
  assert.equal(await page.locator('#quotes li').count(), 0);
  assert.deepEqual(errors, []);
});
