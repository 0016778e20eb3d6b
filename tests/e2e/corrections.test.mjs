// Trust and corrections (issue 16): on an article the machine gets partly
// wrong, the reader sees why each quote was found, fixes a speaker, deletes
// a false quote, adds missed quotes from a selection (mouse in the article,
// keyboard in the text box), merges two speakers, undoes and redoes; the
// fixes survive reload, travel in the share link, appear in every export,
// and the gold export scores with shared/eval/score.py as the page says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { serveDir } from './static-server.mjs';
import { launch } from './browser.mjs';
import { openPage, waitForNamesOf } from './helpers.mjs';

const DIST = resolve(process.env.SAIDWHO_DIST ?? 'dist');
const SHARED = resolve(process.env.SAIDWHO_SHARED ?? '../shared');
const ARTIFACTS = resolve(process.env.SAIDWHO_ARTIFACTS ?? 'target/e2e');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

// The machine credits Baker's quote to the mayor ("he"), takes the
// council's name for the barrier for a quote, and misses the neighbour's
// and the officials' reported speech.
const ARTICLE = [
  'Flood defences hold in Riverton',
  '“The walls held,” said Mayor Sam Ruiz. “We were lucky this time.”',
  'Engineer Tom Baker, who designed the barrier, was at the river all night. Mayor Ruiz stood beside him. “We were not lucky, we were prepared,” he said.',
  'The council called the barrier “a sensible investment” in its budget.',
  'Some residents were less sure. The river rose faster than ever before, a neighbour told reporters.',
  '“I was scared,” admitted Lena Ortiz, who lives by the bridge.',
  'Officials expect the bridge to reopen on Monday.',
].join('\n\n');

let server;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serveDir(DIST, ['/']);
});

// Every browser a test opened, closed after the last test even when a test
// failed before closing its own (an open browser would keep node running).
const browsers = new Set();

after(async () => {
  await Promise.all([...browsers].map((context) => context.close().catch(() => {})));
  await server?.close();
});

/** The speaker cards as { name: quotes }. */
async function cards(page) {
  const rows = await page.$$eval('[data-speaker]', (els) =>
    els.map((e) => [e.getAttribute('data-speaker'), Number(e.getAttribute('data-quotes'))]));
  return Object.fromEntries(rows);
}

async function corrections(page) {
  return Number(await page.getAttribute('[data-corrections]', 'data-corrections'));
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await file.path(), 'utf8');
}

/** The article mark of the quote whose words start with `words`. */
function mark(page, words) {
  return page.locator('mark.quote', { hasText: words }).first();
}

/** Selects `words` in the article view with a real mouse drag. */
async function dragSelect(page, words) {
  const box = await page.evaluate((w) => {
    for (const p of document.querySelectorAll('article [data-para]')) {
      const at = p.textContent.indexOf(w);
      if (at < 0) continue;
      // The text node and offset of the paragraph's character `k`.
      const point = (k) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          if (k < node.data.length) return [node, k];
          k -= node.data.length;
        }
        return null;
      };
      const rect = (k) => {
        const [node, off] = point(k);
        const r = document.createRange();
        r.setStart(node, off);
        r.setEnd(node, off + 1);
        return r.getBoundingClientRect();
      };
      const first = rect(at);
      const last = rect(at + w.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  assert.ok(box, `"${words}" is in the article`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  assert.equal(await page.evaluate(() => String(window.getSelection())), words);
}

/**
 * Opens the page on the article in a browser of its own (corrections kept
 * by one test must not reach the next) and waits for its full analysis.
 */
async function openArticle() {
  const context = await launch({ acceptDownloads: true });
  browsers.add(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const opened = await openPage(context, server.origin + '/');
  await opened.page.locator('#article-text').fill(ARTICLE);
  await waitForNamesOf(opened.page, ARTICLE);
  const close = async () => {
    browsers.delete(context);
    await context.close();
  };
  return { ...opened, close };
}

/** Makes the four corrections of the article, checking each. */
async function correct(page) {
  // 1. A wrong speaker, by mouse: the evidence says why the machine chose it.
  await mark(page, 'We were not lucky').click();
  const editor = page.locator('[data-quote-editor]');
  await editor.waitFor();
  assert.match(await editor.locator('[data-evidence]').innerText(),
    /found by: .*speaker: pronoun → the likeliest person or organisation before it → Sam Ruiz/);
  await editor.locator('[data-speaker-input]').fill('Tom Baker');
  await editor.locator('[data-set-speaker]').click();
  await page.locator('[data-speaker="Tom Baker"]').waitFor();
  assert.deepEqual(await cards(page), { 'Sam Ruiz': 1, 'Tom Baker': 1, 'The council': 1, 'Lena Ortiz': 1 });
  assert.equal(await mark(page, 'We were not lucky').getAttribute('data-edited'), '');
  assert.match(await editor.innerText(), /Checked by you/);

  // 2. A false quote, by keyboard: Review in its card, then "Not a quote".
  const review = page.locator('[data-speaker="The council"] [data-review-quote]');
  await review.focus();
  await page.keyboard.press('Enter');
  await editor.locator('blockquote', { hasText: 'a sensible investment' }).waitFor();
  await editor.locator('[data-not-quote]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-speaker="The council"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('mark.quote', { hasText: 'sensible' }).count(), 0);

  // 3. A missed quote, by mouse: drag over its words in the article.
  await dragSelect(page, 'The river rose faster than ever before');
  await page.click('[data-add-from-selection]');
  const form = page.locator('[data-add-quote]');
  await form.waitFor();
  assert.match(await form.innerText(), /The river rose faster than ever before/);
  await page.screenshot({ path: join(ARTIFACTS, 'corrections-adding.png'), fullPage: true });
  await form.locator('[data-add-speaker]').fill('a neighbour');
  await form.locator('[data-confirm-add]').click();
  await page.locator('[data-speaker="a neighbour"]').waitFor();
  assert.equal(await mark(page, 'The river rose').getAttribute('data-edited'), '');

  // 4. Another missed quote, by keyboard: Shift+arrows in the text box.
  await page.locator('#article-text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  for (let k = 0; k < 'the bridge to reopen on Monday'.length; k++) await page.keyboard.press('Shift+ArrowLeft');
  await page.locator('[data-add-from-selection]').focus();
  await page.keyboard.press('Enter');
  await form.locator('[data-add-speaker]').focus();
  await page.keyboard.type('Officials');
  await page.keyboard.press('Enter');
  await page.locator('[data-speaker="Officials"]').waitFor();

  // 5. Two speakers are one source: merge the neighbour into Lena Ortiz.
  const neighbour = page.locator('[data-speaker="a neighbour"]');
  await neighbour.locator('.edit-speaker summary').click();
  await neighbour.locator('[data-merge-into]').selectOption('Lena Ortiz');
  await neighbour.locator('[data-merge]').click();
  await page.locator('[data-speaker="a neighbour"]').waitFor({ state: 'detached' });
  assert.deepEqual(await cards(page), { 'Sam Ruiz': 1, 'Tom Baker': 1, 'Lena Ortiz': 2, Officials: 1 });
  assert.equal(await corrections(page), 5);
}

const CORRECTED = { 'Sam Ruiz': 1, 'Tom Baker': 1, 'Lena Ortiz': 2, Officials: 1 };

test('the reader fixes a speaker, a false quote, missed quotes and a split source; undo and redo', async () => {
  const { page, problems, close } = await openArticle();
  assert.deepEqual(await cards(page), { 'Sam Ruiz': 2, 'The council': 1, 'Lena Ortiz': 1 });
  await correct(page);
  assert.match(await page.locator('[data-speaker="Lena Ortiz"] .stats').innerText(), /^2 quotes · 10 words/);

  // A speaker's role and organisation, an anonymous source, a split.
  const baker = page.locator('[data-speaker="Tom Baker"]');
  await baker.locator('.edit-speaker summary').click();
  await baker.locator('[data-role]').fill('engineer');
  await baker.locator('[data-organization]').fill('Riverton Water');
  await baker.locator('[data-save-details]').click();
  await baker.locator('.role', { hasText: 'engineer, Riverton Water' }).waitFor();
  const officials = page.locator('[data-speaker="Officials"]');
  await officials.locator('.edit-speaker summary').click();
  await officials.locator('[data-anonymous]').check();
  await page.locator('[data-speaker="Officials"] [data-anonymous]:checked').waitFor();
  const lena = page.locator('[data-speaker="Lena Ortiz"]');
  await lena.locator('.edit-speaker summary').click();
  await lena.locator('.split-quote', { hasText: 'The river rose' }).locator('input').check();
  await lena.locator('[data-split-name]').fill('a neighbour');
  await lena.locator('[data-split]').click();
  await page.locator('[data-speaker="a neighbour"]').waitFor();
  assert.deepEqual(await cards(page), { ...CORRECTED, 'Lena Ortiz': 1, 'a neighbour': 1 });
  assert.equal(await corrections(page), 8);
  for (let k = 0; k < 3; k++) await page.click('[data-undo]');
  await page.locator('[data-speaker="a neighbour"]').waitFor({ state: 'detached' });
  assert.equal(await corrections(page), 5);
  assert.equal(await page.locator('[data-speaker="Tom Baker"] .role').count(), 0);

  // A quote's extent, a word at a time, by keyboard.
  await page.locator('[data-speaker="Officials"] [data-review-quote]').click();
  const editor = page.locator('[data-quote-editor]');
  await editor.locator('blockquote', { hasText: /^the bridge to reopen on Monday$/ }).waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'corrections-evidence.png'), fullPage: true });
  await editor.locator('[data-extent="start-earlier"]').focus();
  await page.keyboard.press('Enter');
  await editor.locator('blockquote', { hasText: /^expect the bridge to reopen on Monday$/ }).waitFor();
  await page.keyboard.press('Enter'); // the button keeps the focus: once more
  await editor.locator('blockquote', { hasText: /^Officials expect the bridge to reopen on Monday$/ }).waitFor();
  await editor.locator('[data-extent="end-earlier"]').click();
  await mark(page, 'Officials expect the bridge to reopen on').waitFor();
  assert.equal(await mark(page, 'Officials expect').innerText(), 'Officials expect the bridge to reopen on');
  assert.equal(await corrections(page), 8);
  for (let k = 0; k < 3; k++) await page.click('[data-undo]');
  await page.locator('mark.quote', { hasText: 'Officials' }).waitFor({ state: 'detached' });
  assert.equal(await corrections(page), 5);
  assert.equal(await page.locator('[data-speaker="Officials"] .quote-link').innerText(), 'INDIRECTthe bridge to reopen on Monday');

  // Undo and redo, by button and by keyboard.
  await page.click('[data-undo]');
  await page.locator('[data-speaker="a neighbour"]').waitFor();
  assert.equal(await corrections(page), 4);
  await page.click('[data-redo]');
  await page.locator('[data-speaker="a neighbour"]').waitFor({ state: 'detached' });
  await page.locator('h2', { hasText: 'Speakers' }).click(); // focus out of any text box
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.locator('[data-speaker="Officials"]').waitFor({ state: 'detached' });
  assert.equal(await corrections(page), 3);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await page.locator('[data-speaker="Officials"]').waitFor();
  assert.deepEqual(await cards(page), CORRECTED);
  assert.deepEqual(problems, []);
  await close();
});

test('corrections survive reload and travel in the share link; exports and the gold file show them', async () => {
  const { page, problems, close } = await openArticle();
  const machineJson = JSON.parse(await download(page, '[data-export="json"]'));
  assert.ok(machineJson.quotes.every((q) => q.origin === 'machine'));
  await correct(page);

  // Every export shows the corrected result, each value marked.
  const json = JSON.parse(await download(page, '[data-export="json"]'));
  const baker = json.quotes.find((q) => q.text.startsWith('“We were not lucky'));
  assert.equal(baker.speaker, 'Tom Baker');
  assert.equal(baker.origin, 'edited');
  assert.deepEqual(baker.edited, ['speaker']);
  const added = json.quotes.filter((q) => q.origin === 'reader').map((q) => [q.text, q.speaker]);
  assert.deepEqual(added, [['The river rose faster than ever before', 'Lena Ortiz'], ['the bridge to reopen on Monday', 'Officials']]);
  assert.ok(json.quotes.every((q) => !q.text.includes('sensible')));
  assert.deepEqual(json.speakers.find((s) => s.name === 'Officials').edited, ['name']);
  assert.deepEqual(json.speakers.find((s) => s.name === 'Lena Ortiz').edited, ['merged']);
  const csv = await download(page, '[data-export="csv"]');
  assert.match(csv, /"Tom Baker",.*"“We were not lucky, we were prepared,”",.*,edited,\d+,\d+\r\n/);
  assert.match(csv, /"Officials",.*"the bridge to reopen on Monday",.*,reader,\d+,\d+\r\n/);
  const md = await download(page, '[data-export="md"]');
  assert.match(md, /## Lena Ortiz[\s\S]*> The river rose faster than ever before \*\(indirect, added by the reader\)\*/);
  assert.match(md, /## Tom Baker[\s\S]*corrected by the reader/);

  // The gold export scores 100% against the corrected predictions, and the
  // machine's predictions score as the page's comparison says.
  const gold = await download(page, '[data-export="gold"]');
  const goldPath = join(ARTIFACTS, 'corrections-gold.jsonl');
  await writeFile(goldPath, gold);
  const score = async (name, quotes) => {
    const path = join(ARTIFACTS, name);
    await writeFile(path, JSON.stringify({ id: 'saidwho-article', quotes }) + '\n');
    return JSON.parse(execFileSync('python3', [join(SHARED, 'eval/score.py'), 'quotes', goldPath, path, '--json'], { encoding: 'utf8' }));
  };
  const self = await score('corrections-reader.jsonl', json.quotes);
  for (const track of ['all', 'direct']) {
    const t = self.tracks[track];
    assert.equal(t.quote.f1, 1, track);
    assert.equal(t.speaker_accuracy.accuracy, 1, track);
    assert.equal(t.end_to_end.f1, 1, track);
  }
  const machine = await score('corrections-machine.jsonl', machineJson.quotes);
  await page.locator('[data-compare] summary').click();
  for (const track of ['all', 'direct']) {
    const row = page.locator(`[data-compare-track="${track}"]`);
    const t = machine.tracks[track];
    assert.equal(Number(await row.getAttribute('data-gold')), t.quote.n_gold, track);
    assert.equal(Number(await row.getAttribute('data-pred')), t.quote.n_pred, track);
    assert.equal(Number(await row.getAttribute('data-tp')), t.quote.tp, track);
    assert.equal(Number(await row.getAttribute('data-speaker-right')), t.speaker_accuracy.correct, track);
    assert.ok(Math.abs(Number(await row.getAttribute('data-e2e-f1')) - t.end_to_end.f1) < 1e-6, track);
  }
  assert.equal(machine.tracks.all.quote.n_gold, 5);
  assert.match(await page.locator('[data-changes]').innerText(), /You added 2 quotes, removed 1, changed the extent of 0 and the speaker of 3; 3 speakers edited/);

  // A reload keeps them.
  await page.reload();
  await waitForNamesOf(page, ARTICLE);
  await page.locator('[data-speaker="Officials"]').waitFor();
  assert.deepEqual(await cards(page), CORRECTED);
  assert.equal(await corrections(page), 5);

  // The share link carries them, into a browser that has never seen them.
  await page.click('[data-share]');
  await page.locator('.notice', { hasText: 'Link copied' }).waitFor();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(url, /#text=[A-Za-z0-9_-]+&edits=[A-Za-z0-9_-]+$/);
  const other = await launch();
  try {
    const fresh = await openPage(other, url);
    await waitForNamesOf(fresh.page, ARTICLE);
    await fresh.page.locator('[data-speaker="Officials"]').waitFor();
    assert.deepEqual(await cards(fresh.page), CORRECTED);
    assert.deepEqual(fresh.problems, []);
  } finally {
    await other.close();
  }
  assert.deepEqual(problems, []);
  await close();
});

test('editing the text under a correction drops it with a notice; the others stay', async () => {
  const { page, close } = await openArticle();
  await correct(page);
  const edited = ARTICLE.replace('We were not lucky', 'We were never lucky');
  await page.locator('#article-text').fill(edited);
  await waitForNamesOf(page, edited);
  const notice = page.locator('.notice', { hasText: 'no longer applies' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /1 of your corrections no longer applies because the text under it changed, so it was removed: the speaker of “We were not lucky/);
  assert.equal(await corrections(page), 4);
  assert.deepEqual(await cards(page), { 'Sam Ruiz': 2, 'Lena Ortiz': 2, Officials: 1 });
  await close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violations with the editing controls open (${scheme}); usable at phone width`, async () => {
    const { page, close } = await openArticle();
    await page.emulateMedia({ colorScheme: scheme });
    await mark(page, 'We were not lucky').click();
    await page.locator('[data-quote-editor]').waitFor();
    await page.locator('[data-speaker="Sam Ruiz"] .edit-speaker summary').click();
    await page.locator('[data-compare] summary').click();
    await page.locator('[data-unsure-first]').click();
    await page.locator('[data-unsure-list]').waitFor();
    await page.locator('article [data-para="4"]').selectText();
    await page.click('[data-add-from-selection]');
    await page.locator('[data-add-quote]').waitFor();
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const report = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.html}`);
    assert.deepEqual(report, []);
    await page.screenshot({ path: join(ARTIFACTS, `corrections-open-${scheme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at phone width (${overflow}px too wide)`);
    // Still usable there: set a speaker with the controls at phone width.
    const editor = page.locator('[data-quote-editor]');
    await editor.locator('[data-speaker-input]').fill('Tom Baker');
    await editor.locator('[data-set-speaker]').click();
    await page.locator('[data-speaker="Tom Baker"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `corrections-phone-${scheme}.png`), fullPage: true });
    await close();
  });
}
