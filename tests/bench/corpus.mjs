// The corpus page's benchmark (run by `cargo xtask bench-web`): 1,000
// articles of about 5 KB in one .zip, from the file given to the finished
// corpus view, in a fresh browser each run (empty IndexedDB); the median
// of three runs, and the longest main-thread task while it runs. The page
// has loaded its workers' models first (a warm page). Alone:
// `SAIDWHO_DIST=dist SAIDWHO_SHARED=../shared node tests/bench/corpus.mjs`;
// with LONG_AT=1 it prints each long task and when it began.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../e2e/static-server.mjs';
import { launch } from '../e2e/browser.mjs';
import { zip } from '../e2e/zip.mjs';

/** 1,000 distinct articles of about 5 KB, from PolNeAR train. */
async function articles(shared) {
  const texts = (await readFile(join(shared, 'data/polnear/train.jsonl'), 'utf8'))
    .trim().split('\n').map((l) => JSON.parse(l).text);
  const out = [];
  for (let i = 0; out.length < 1000; i++) {
    const t = texts[i % texts.length];
    const start = Math.floor(i / texts.length) * 2500 % Math.max(1, t.length - 5000);
    const body = t.slice(start, start + 5000);
    if (body.length > 1000) out.push([`news/a${String(out.length).padStart(4, '0')}.txt`, Buffer.from(`Article ${out.length}.\n\n${body}`)]);
  }
  return zip(out);
}

export async function benchCorpus(dist, shared) {
  const archive = await articles(shared);
  // Given as a file on disk, as a person picks one (a buffer would be
  // decoded by script in the page, a long task of the test's own).
  const path = join(await mkdtemp(join(tmpdir(), 'saidwho-corpus-bench-')), 'thousand.zip');
  await writeFile(path, archive);
  const server = await serveDir(dist, ['/']);
  const runs = [];
  try {
    for (let run = 0; run < 3; run++) {
      const ctx = await launch({ serviceWorkers: 'block' });
      const page = await ctx.newPage();
      await page.goto(`${server.origin}/corpus/`);
      await page.locator('main.corpus[data-phase="empty"]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1500); // the workers fetch their models first
      await page.evaluate(() => {
        window.__longTasks = [];
        window.__t0 = performance.now();
        new PerformanceObserver((list) => window.__longTasks.push(
          ...list.getEntries().map((e) => [e.duration, Math.round(e.startTime - window.__t0)])))
          .observe({ type: 'longtask', buffered: false });
      });
      await page.setInputFiles('[data-corpus-files]', path);
      await page.locator('main.corpus[data-phase="ready"]').waitFor({ timeout: 300_000 });
      const ms = await page.evaluate(() => performance.now() - window.__t0);
      await page.waitForTimeout(500);
      const spans = await page.evaluate(() => window.__longTasks);
      const tasks = spans.map(([d]) => d);
      if (process.env.LONG_AT) console.log(`long tasks [ms, at ms]: ${JSON.stringify(spans.map(([d, at]) => [Math.round(d), at]))}, ready at ${Math.round(ms)}`);
      const rows = await page.locator('[data-corpus-article]').count();
      runs.push({ ms, longest: Math.max(0, ...tasks), tasks: tasks.length, rows });
      await ctx.close();
    }
  } finally {
    await server.close();
  }
  runs.sort((a, b) => a.ms - b.ms);
  const m = runs[1];
  console.log(`\ncorpus page: 1,000 articles (${(archive.length / 1048576).toFixed(1)} MB zip) → corpus view ready, median of 3: ${(m.ms / 1000).toFixed(1)} s`
    + ` (runs: ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s); long tasks in the median run: ${m.tasks}, longest ${m.longest.toFixed(0)} ms;`
    + ` longest in any run ${Math.max(...runs.map((r) => r.longest)).toFixed(0)} ms; article rows shown first: ${m.rows}`);
  return runs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCorpus(process.env.SAIDWHO_DIST ?? 'dist', process.env.SAIDWHO_SHARED ?? '../shared');
}
