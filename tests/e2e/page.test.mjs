// The analyzer page as its users meet it: example, files of every kind
// (including hostile HTML), switches, click-to-scroll, exports, share link,
// text kept across reloads, offline use, accessibility (axe-core) and
// screenshots at desktop and phone widths in light and dark themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { dropFile, openPage, waitForAnalysis, waitForNamesOf } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');
const ARTIFACTS = resolve(process.env.SAIDWHO_ARTIFACTS ?? 'target/e2e');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
let context;
let seedText;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  seedText = await readFile(join(SHARED, 'data/seed/seed.txt'), 'utf8');
  server = await serveDir(DIST, ['/']);
  context = await launch({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

after(async () => {
  await context?.close();
  await server?.close();
});

async function open(path = '/') {
  return openPage(context, server.origin + path);
}

async function setText(page, text) {
  await page.locator('#article-text').fill(text);
}

/** Waits until the seed article (not an earlier text) is analysed, names included. */
async function waitForSeed(page) {
  await waitForNamesOf(page, seedText);
}

/** A minimal Word document whose body is `paragraphs`. */
function makeDocx(paragraphs) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = `<?xml version="1.0"?><w:document><w:body>${paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
  const name = Buffer.from('word/document.xml');
  const raw = Buffer.from(xml, 'utf8');
  const data = deflateRawSync(raw);
  const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
  const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
  const local = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), u16(20), u16(0), u16(8), u32(0), u32(0),
    u32(data.length), u32(raw.length), u16(name.length), u16(0), name, data]);
  const central = Buffer.concat([Buffer.from('PK\x01\x02', 'latin1'), u16(20), u16(20), u16(0), u16(8), u32(0), u32(0),
    u32(data.length), u32(raw.length), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), name]);
  const end = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), u16(0), u16(0), u16(1), u16(1),
    u32(central.length), u32(local.length), u16(0)]);
  return [...Buffer.concat([local, central, end])];
}

const drop = dropFile;

test('the example button loads and analyses the seed article', async () => {
  const { page, problems } = await open();
  await page.getByRole('button', { name: 'Try an example' }).click();
  await waitForSeed(page);
  assert.equal(await page.locator('#article-text').inputValue(), seedText);
  const speakers = await page.$$eval('[data-speaker]', (els) => els.map((e) => e.getAttribute('data-speaker')));
  assert.equal(speakers.length, 3);
  assert.deepEqual(problems, []);
  await page.close();
});

test('markdown, HTML and Word files are read as text; scripts and handlers in HTML never run', async () => {
  const { page, problems } = await open();
  await page.evaluate(() => { window.__xss = 0; });
  await drop(page, 'story.md', '# Headline\n\n“We are **ready**,” said [Ms Ada Lovelace](http://x.test).', 'text/markdown');
  await waitForAnalysis(page, 'Headline\n\n“We are ready,” said Ms Ada Lovelace.');
  assert.equal(await page.locator('#article-text').inputValue(), 'Headline\n\n“We are ready,” said Ms Ada Lovelace.');

  const html = `<html><head><script>window.__xss = 1</script><style>p{color:red}</style></head><body>
    <nav><a href="javascript:window.__xss=2">Home</a></nav>
    <article><h1>Big news</h1><p>“We will act now,” said <b onmouseover="window.__xss=3">Mr Tom Reed</b>.</p>
    <img src="x" onerror="window.__xss=4"><svg onload="window.__xss=5"></svg>
    <iframe srcdoc="<script>parent.__xss=6</script>"></iframe></article></body></html>`;
  await drop(page, 'page.html', html, 'text/html');
  await page.waitForFunction(() => document.querySelector('#article-text').value.startsWith('Big news'));
  assert.equal(await page.locator('#article-text').inputValue(), 'Big news\n\n“We will act now,” said Mr Tom Reed.');
  await waitForAnalysis(page, 'Big news\n\n“We will act now,” said Mr Tom Reed.');
  await page.hover('text=Tom Reed').catch(() => {});
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), 0, 'no script, handler or javascript: URL ran');
  assert.equal(await page.locator('article img, article svg, article iframe, article script').count(), 0);

  await drop(page, 'report.docx', makeDocx(['Council vote', '“The budget passes today,” said Mayor Lin Wei.']),
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await page.waitForFunction(() => document.querySelector('#article-text').value.startsWith('Council vote'));
  assert.equal(await page.locator('#article-text').inputValue(), 'Council vote\n\n“The budget passes today,” said Mayor Lin Wei.');
  await waitForAnalysis(page, 'Council vote\n\n“The budget passes today,” said Mayor Lin Wei.');

  await drop(page, 'report.odt', 'PK\u0003\u0004', 'application/vnd.oasis.opendocument.text');
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /not a file saidwho can read/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('switches hide highlights; choosing a quote scrolls to it', async () => {
  const { page } = await open();
  await setText(page, seedText);
  await waitForSeed(page);
  await page.locator('[data-toggle="PERSON"]').uncheck();
  assert.ok(await page.locator('article.article.hide-PERSON').count() === 1);
  const bg = await page.$eval('[data-entity="PERSON"]', (e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, 'rgba(0, 0, 0, 0)', 'people are no longer highlighted');
  await page.locator('[data-toggle="quotes"]').uncheck();
  assert.ok(await page.locator('article.article.hide-quotes').count() === 1);
  await page.locator('[data-toggle="quotes"]').check();

  const last = page.locator('[data-speaker="Vegard Holmelid"] .quote-link').last();
  await last.click();
  await page.waitForFunction(() => document.activeElement?.matches('mark[data-quote]'));
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.ok(focused.startsWith('“When addressing human trafficking'), focused);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the quote is scrolled into view');

  await page.locator('[data-entity-name="Somkeo Sylavong"]').click();
  await page.waitForFunction(() => document.activeElement?.matches('[data-entity]'));
  await page.close();
});

test('views and findings (beliefs, stances, evidence) are off until switched on; cards count them apart', async () => {
  const { page } = await open();
  const text = 'Nurses in Accra want the clinic open again.\n\n“We cannot treat anyone here,” said Ama Owusu, a nurse.\n\n'
    + 'The union urged the council to reopen the clinic before the rains.\n\n'
    + 'A survey by the health ministry found that half of the clinics lack water.';
  await setText(page, text);
  await waitForAnalysis(page, text);
  const classes = await page.$$eval('mark[data-quote]', (ms) => ms.map((m) => m.getAttribute('data-cue-class')));
  assert.deepEqual(classes, ['speech', 'stance', 'evidence']);
  assert.equal(await page.locator('[data-toggle="views"]').isChecked(), false, 'views start switched off');
  const fill = (sel) => page.$eval(sel, (e) => getComputedStyle(e).borderBottomColor);
  assert.equal(await fill('mark[data-cue-class="stance"]'), 'rgba(0, 0, 0, 0)', 'a stance is not highlighted by default');
  assert.notEqual(await fill('mark[data-cue-class="speech"]'), 'rgba(0, 0, 0, 0)', 'speech is');
  await page.locator('[data-toggle="views"]').check();
  assert.notEqual(await fill('mark[data-cue-class="stance"]'), 'rgba(0, 0, 0, 0)', 'switched on, the stance is highlighted');
  assert.match(await page.locator('[data-speaker="The union"] .stats').innerText(), /^1 quote \(1 view or finding\)/);
  assert.match(await page.locator('[data-speaker="Ama Owusu"] .stats').innerText(), /^1 quote · /);
  await page.close();
});

test('exports: JSON, CSV and Markdown files with the analysis; copy one quote', async () => {
  const { page } = await open();
  await setText(page, seedText);
  await waitForSeed(page);
  const save = async (format) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    return readFile(await download.path(), 'utf8');
  };
  const json = JSON.parse(await save('json'));
  assert.equal(json.quotes.length, 9);
  assert.equal(json.quotes[0].found_by, 'cue-then-speaker');
  assert.equal(json.quotes[0].speaker_by, 'fuller-name');
  // Each quote says why: on its highlight and in its speaker card.
  assert.equal(await page.getAttribute('mark[data-quote="0"]', 'data-found-by'), 'cue-then-speaker');
  const why = page.locator('[data-speaker="Somkeo Sylavong"] [data-evidence]').first();
  await why.locator('summary').click();
  assert.match(await why.innerText(), /found by: reporting verb right after the quote \(cue-then-speaker\); speaker: partial name → fullest name in the article → Somkeo Sylavong/);
  assert.deepEqual([...new Set(json.quotes.map((q) => q.speaker))].sort(), ['Kaori Kawarabayashi', 'Somkeo Sylavong', 'Vegard Holmelid']);
  assert.ok(json.entities.some((e) => e.label === 'PERSON' && e.text === 'Somkeo Sylavong'));
  const chars = Array.from(seedText);
  for (const q of json.quotes) assert.equal(chars.slice(q.span[0], q.span[1]).join(''), q.text, 'spans are code points');
  for (const q of json.quotes) {
    assert.ok(['speech', 'belief', 'stance', 'evidence'].includes(q.cue_class), JSON.stringify(q));
    assert.ok(q.confidence > 0 && q.confidence <= 1, JSON.stringify(q));
  }

  const csv = await save('csv');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'speaker,role,organization,kind,cue_class,confidence,quote,cue,origin,start,end');
  assert.equal(lines.length, 10);
  assert.match(lines[1], /^"Somkeo Sylavong","Minister of Public Security","","direct","speech","0\.\d\d","“Human trafficking/);

  const md = await save('md');
  assert.ok(md.startsWith('# Mekong Countries Reaffirms Cooperation'), md.slice(0, 80));
  assert.ok(md.includes('## Somkeo Sylavong — Minister of Public Security'));

  await page.locator('[data-copy-quote]').first().click();
  await page.waitForFunction(() => document.querySelector('[role=status] + *, .notice') !== null);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('“Human trafficking is a problem') && copied.endsWith('— Somkeo Sylavong, Minister of Public Security'), copied);
  await page.close();
});

test('exports keep one offset unit with non-ASCII names (Søren Ødegård, Nguyễn Thị Kim Ngân, 習近平)', async () => {
  const { page } = await open();
  const text = '😀 “Vi er klare,” said Søren Ødegård. “Sẵn sàng,” Nguyễn Thị Kim Ngân said. “好,” 習近平 said.';
  await setText(page, text);
  await waitForAnalysis(page, text);
  const save = async (format) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${format}"]`)]);
    return readFile(await download.path(), 'utf8');
  };
  const chars = Array.from(text);
  const slice = ([s, e]) => chars.slice(s, e).join('');
  const json = JSON.parse(await save('json'));
  assert.equal(json.offsets, 'code points');
  assert.deepEqual(json.quotes.map((q) => q.speaker), ['Søren Ødegård', 'Nguyễn Thị Kim Ngân', '習近平']);
  for (const q of json.quotes) {
    assert.equal(slice(q.span), q.text);
    assert.equal(slice(q.speaker_span), q.speaker);
    const speaker = json.speakers[q.speaker_index];
    assert.ok(speaker.mentions.some((m) => m[0] === q.speaker_span[0] && m[1] === q.speaker_span[1]), JSON.stringify(speaker));
  }
  const rows = (await save('csv')).trim().split('\r\n').slice(1);
  assert.equal(rows.length, 3);
  for (const [i, row] of rows.entries()) {
    const [start, end] = row.split(',').slice(-2).map(Number);
    assert.equal(slice([start, end]), json.quotes[i].text, row);
  }
  const md = await save('md');
  for (const name of ['Søren Ødegård', 'Nguyễn Thị Kim Ngân', '習近平']) assert.ok(md.includes(`## ${name}`), md);
  await page.close();
});

test('a share link carries the text and restores the analysis', async () => {
  const { page } = await open();
  const earlier = '“This one is old,” said Mr Alan Turing.';
  await setText(page, earlier);
  await waitForAnalysis(page, earlier);
  const text = '“Links should just work,” said Ms Grace Hopper.\n\nShe meant it. 東京 😀';
  // Paste it over the old one (a real Ctrl+V) and share at once, before its
  // analysis has arrived: the link carries the text in the box, not the one
  // analysed before.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#article-text').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.click('[data-share]');
  await page.locator('.notice').waitFor();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(url.startsWith(server.origin + '/#text='), url);
  assert.ok(!url.includes('Hopper'), 'the text is compressed, not readable in the link');
  await page.close();
  const other = await open(url.slice(server.origin.length));
  assert.equal(await other.page.locator('#article-text').inputValue(), text);
  await waitForAnalysis(other.page, text);
  assert.deepEqual(await other.page.$$eval('[data-speaker]', (els) => els.map((e) => e.dataset.speaker)), ['Grace Hopper']);
  const broken = await open('/#text=AAAA-broken');
  await broken.page.getByRole('alert').waitFor();
  assert.match(await broken.page.getByRole('alert').innerText(), /damaged/);
  await other.page.close();
  await broken.page.close();
});

test('the names panel lists each person once under the fullest name, with all mentions', async () => {
  const { page } = await open();
  await setText(page, seedText);
  await waitForSeed(page);
  const people = await page.$$eval('.entity-group', (groups) => {
    const g = groups.find((el) => el.querySelector('h3')?.textContent === 'People');
    return [...g.querySelectorAll('[data-entity-name]')].map((b) => [b.dataset.entityName, Number(b.dataset.mentions)]);
  });
  const highlighted = await page.$$eval('[data-entity="PERSON"]', (els) => els.map((e) => e.textContent));
  for (const [full, short] of [['Somkeo Sylavong', 'Somkeo'], ['Kaori Kawarabayashi', 'Kaori'], ['Vegard Holmelid', 'Vegard']]) {
    const entries = people.filter(([name]) => name === full || name === short);
    assert.deepEqual(entries.map(([name]) => name), [full], `one entry for ${full}: ${JSON.stringify(people)}`);
    const mentions = highlighted.filter((t) => t === full || t === short).length;
    assert.ok(mentions >= 2, `${full} is mentioned more than once`);
    assert.equal(entries[0][1], mentions, `${full} counts all its mentions`);
  }
  // Choosing the name cycles through all its mentions, short forms included.
  const button = page.locator('[data-entity-name="Somkeo Sylavong"]');
  const seen = [];
  for (let i = 0; i < 3; i++) {
    await button.click();
    await page.waitForFunction((n) => document.activeElement?.matches('[data-entity]') && document.activeElement.id !== n, seen.at(-1) ?? '');
    seen.push(await page.evaluate(() => document.activeElement.id));
  }
  assert.equal(new Set(seen).size, 3, `three different mentions: ${seen}`);
  await page.close();
});

test('the text survives a reload; the page works offline after the first visit', async () => {
  const { page } = await open();
  await setText(page, seedText);
  await waitForSeed(page);
  await page.reload();
  await waitForAnalysis(page, seedText);
  assert.equal(await page.locator('#article-text').inputValue(), seedText, 'kept in local storage');
  // Wait for the service worker to control the page and finish caching.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await page.waitForTimeout(1500);
  await context.setOffline(true);
  try {
    await page.reload();
    await page.locator('#article-text').waitFor({ timeout: 30_000 });
    await waitForSeed(page);
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
  } finally {
    await context.setOffline(false);
  }
  await page.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${scheme} theme); screenshots at desktop and phone widths`, async () => {
    const { page } = await open();
    await page.emulateMedia({ colorScheme: scheme });
    await setText(page, seedText);
    await waitForSeed(page);
    // The About (data sources and their attributions) is checked open.
    await page.locator('footer.about summary').click();
    const about = await page.locator('footer.about').innerText();
    assert.match(about, /GeoNames[\s\S]*CC BY 4\.0/);
    assert.match(about, /GloVe[\s\S]*PDDL/);
    assert.match(about, /WordNet 3\.0 Copyright 2006 by Princeton University/);
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const report = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.html}`);
    assert.deepEqual(report, []);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, `desktop-${scheme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, `phone-${scheme}.png`), fullPage: true });
    await page.locator('article.article').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `phone-${scheme}-article.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
    await page.close();
  });
}
