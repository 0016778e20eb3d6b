// Lighthouse, mobile profile (its default: a mid-range phone on slow 4G,
// simulated), on dist/ served by the plain static server, in Debian's
// Chromium. Part of `cargo xtask bench-web`: prints the median of RUNS runs
// of each figure and fails when one misses its target.
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDir } from '../e2e/static-server.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Each figure: how to read it from a report, and its target. */
const FIGURES = [
  ['performance', (r) => r.categories.performance.score, (v) => v >= 0.95, '≥ 0.95'],
  ['accessibility', (r) => r.categories.accessibility.score, (v) => v >= 1, '1.0'],
  ['best practices', (r) => r.categories['best-practices'].score, (v) => v >= 1, '1.0'],
  ['SEO', (r) => r.categories.seo.score, (v) => v >= 1, '1.0'],
  ['first contentful paint (ms)', (r) => r.audits['first-contentful-paint'].numericValue, () => true, ''],
  ['largest contentful paint (ms)', (r) => r.audits['largest-contentful-paint'].numericValue, (v) => v <= 1500, '≤ 1500'],
  ['cumulative layout shift', (r) => r.audits['cumulative-layout-shift'].numericValue, (v) => v <= 0.02, '≤ 0.02'],
  ['total blocking time (ms)', (r) => r.audits['total-blocking-time'].numericValue, () => true, ''],
  ['speed index (ms)', (r) => r.audits['speed-index'].numericValue, () => true, ''],
  ['time to interactive (ms)', (r) => r.audits.interactive.numericValue, () => true, ''],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serveDir(DIST, ['/']);
const reports = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROME,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    try {
      const result = await lighthouse(server.origin + '/', {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      reports.push(result.lhr);
      if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await server.close();
}

console.log(`\nLighthouse ${reports[0].lighthouseVersion}, mobile profile, dist/ on a static server, median of ${RUNS} runs`);
let failed = 0;
for (const [name, read, ok, target] of FIGURES) {
  const values = reports.map(read);
  const m = median(values);
  const pass = ok(m);
  failed += pass ? 0 : 1;
  const shown = m < 2 ? m.toFixed(3) : m.toFixed(0);
  const runs = values.map((v) => (v < 2 ? v.toFixed(3) : v.toFixed(0))).join(', ');
  console.log(`  ${name.padEnd(31)} ${shown.padStart(7)}  ${target ? (pass ? 'ok ' : 'MISS') + ' ' + target : ''}   (runs: ${runs})`);
}
for (const r of reports.slice(0, 1)) {
  const lcp = r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
  if (lcp) console.log(`  largest contentful paint element: ${lcp}`);
  for (const [id, cat] of Object.entries(r.categories)) {
    if (cat.score < 1) {
      const missed = cat.auditRefs.map((a) => r.audits[a.id]).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable');
      console.log(`  ${id}: ${missed.map((a) => `${a.id} (${a.score})`).join(', ')}`);
    }
  }
}
if (failed) {
  console.error(`\n${failed} Lighthouse figure(s) missed their target`);
  process.exit(1);
}
