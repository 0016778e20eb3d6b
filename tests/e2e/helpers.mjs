// Helpers shared by the end-to-end tests.

/**
 * Fires the paste event a browser fires for `text` on the editor (its
 * default action, inserting the text, is the page's to take or leave).
 */
export async function pasteEvent(page, text) {
  await page.evaluate((t) => {
    const area = document.querySelector('#article-text');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', t);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Drops a file on the element `target` (the input panel unless told) as a
 * user would: drag events with a DataTransfer. Returns, for each event,
 * whether the page took it (cancelled its default action — for `drop`, the
 * browser opening the file in the tab).
 */
export async function dropFile(page, name, content, type, target = 'section.input') {
  return page.evaluate(({ name, content, type, target }) => {
    const dt = new DataTransfer();
    const body = Array.isArray(content) ? new Uint8Array(content) : content;
    dt.items.add(new File([body], name, { type }));
    const zone = document.querySelector(target);
    const taken = {};
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true });
      taken[kind] = !zone.dispatchEvent(event);
    }
    return taken;
  }, { name, content, type, target });
}

/**
 * Waits until the results show the analysis of exactly `text` (its length
 * in UTF-16 units, as the page reports it), not of an earlier text.
 */
export async function waitForAnalysis(page, text, timeout = 30_000) {
  await page.locator(`section.results[data-analysed-length="${text.length}"]`).waitFor({ timeout });
}

/** Waits until the analysis of exactly `text` shows names (the entity model was there for it). */
export async function waitForNamesOf(page, text, timeout = 30_000) {
  await page.locator(`section.results[data-analysed-length="${text.length}"][data-model="ready"]`).waitFor({ timeout });
}

/** Waits until the app has taken over the page's static frame. */
export async function waitForApp(page) {
  await page.waitForFunction(() => window.saidwhoEarly?.taken === true, null, { timeout: 30_000 });
}

/** Opens `url` in a new page of `context`, collecting page errors and console errors. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  await page.locator('#article-text').waitFor({ state: 'visible', timeout: 30_000 });
  await waitForApp(page);
  return { page, problems };
}
