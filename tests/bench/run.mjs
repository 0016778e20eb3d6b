// `cargo xtask bench-web`: serves the benchmark page, runs it in headless
// Chromium, prints medians and ratios; then times navigation to the first
// result for the example article in the real page (dist/).
import { mkdtemp, cp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDir } from '../e2e/static-server.mjs';
import { launch } from '../e2e/browser.mjs';
import { waitForAnalysis, waitForApp } from '../e2e/helpers.mjs';
import { benchCorpus } from './corpus.mjs';

const ROOT = resolve(process.env.SAIDWHO_ROOT ?? '.');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');

const dir = await mkdtemp(join(tmpdir(), 'saidwho-bench-'));
await cp(join(ROOT, 'tests/bench/bench.html'), join(dir, 'index.html'));
await cp(join(ROOT, 'tests/bench/bench.js'), join(dir, 'bench.js'));
await cp(join(ROOT, 'target/bench-wasm'), join(dir, 'bench-wasm'), { recursive: true });
await cp(join(ROOT, 'static/models/ner-v4.bin'), join(dir, 'ner-v4.bin'));
await cp(join(ROOT, 'static/models/clauses-v2.bin'), join(dir, 'clauses-v2.bin'));
await cp(join(ROOT, 'tests/e2e/node_modules/compromise/builds/compromise.js'), join(dir, 'compromise.js'));
const seed = await readFile(join(SHARED, 'data/seed/seed.txt'), 'utf8');
const dev = (await readFile(join(SHARED, 'data/polnear/dev.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).text).join('\n\n');
const words1000 = dev.split(' ').slice(0, 1000).join(' ');
let mb1 = dev;
while (Buffer.byteLength(mb1) < 1 << 20) mb1 += '\n\n' + dev;
mb1 = Buffer.from(mb1).subarray(0, 1 << 20).toString('utf8').replace(/\uFFFD+$/, '');
await writeFile(join(dir, 'texts.json'), JSON.stringify({ seed, words1000, mb1 }));

const server = await serveDir(dir, ['/']);
const context = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.origin + '/');
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  const { rows, stages1000 } = result;
  console.log('\nin-browser analysis, headless Chromium, medians (same page, same texts)');
  console.log('text         bytes      saidwho (wasm)   compromise     ratio');
  for (const r of rows) {
    console.log(`${r.name.padEnd(11)} ${String(r.bytes).padStart(8)}  ${r.saidwho_ms.toFixed(2).padStart(10)} ms  ${r.compromise_ms.toFixed(1).padStart(10)} ms  ${(r.compromise_ms / r.saidwho_ms).toFixed(0).padStart(6)}x`);
  }
  console.log('\nstages in wasm, 1000 words, mean of 200 runs each:');
  for (const [stage, ms] of Object.entries(stages1000)) {
    console.log(`  ${stage.padEnd(10)} ${ms.toFixed(3).padStart(7)} ms`);
  }
  await page.close();
} finally {
  await server.close();
}

// Navigation to first result, real page, example article.
const dist = await serveDir(join(ROOT, 'dist'), ['/']);
try {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await launch({ serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(dist.origin + '/');
    await page.getByRole('button', { name: 'Try an example' }).click();
    await waitForAnalysis(page, seed, 60_000);
    times.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
  times.sort((a, b) => a - b);
  console.log(`\nnavigation → example analysed (click included), median of 5: ${times[2].toFixed(0)} ms`);

  // A 1 MB paste (a real Ctrl+V from the clipboard): time to the result,
  // and the main thread's long tasks meanwhile.
  const ctx = await launch({ serviceWorkers: 'block' });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await ctx.newPage();
  await page.goto(dist.origin + '/');
  await waitForApp(page);
  await page.waitForTimeout(1500); // let the model load first
  await page.evaluate((t) => navigator.clipboard.writeText(t), mb1);
  await page.locator('#article-text').focus();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: false });
    window.__t0 = performance.now();
  });
  await page.keyboard.press('Control+V');
  await page.waitForFunction(
    () => document.querySelector('.summary:not(.busy)')?.textContent.includes('analysed in'),
    null,
    { timeout: 60_000, polling: 5 },
  );
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  await page.waitForTimeout(1000); // the rest of the first page is drawn meanwhile
  const tasks = await page.evaluate(() => window.__longTasks);
  const result = { shown, longest: Math.max(0, ...tasks), count: tasks.length };
  console.log(`1 MB paste → result shown: ${result.shown.toFixed(0)} ms; long tasks: ${result.count}, longest ${result.longest.toFixed(0)} ms`);
  await ctx.close();
} finally {
  await dist.close();
  await context.close();
}

// Many articles at once: the corpus page.
await benchCorpus(join(ROOT, 'dist'), SHARED);
