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

/** Drops a file on the input panel as a user would (drag events with a DataTransfer). */
export async function dropFile(page, name, content, type) {
  await page.evaluate(({ name, content, type }) => {
    const dt = new DataTransfer();
    const body = Array.isArray(content) ? new Uint8Array(content) : content;
    dt.items.add(new File([body], name, { type }));
    const zone = document.querySelector('section.input');
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { name, content, type });
}

/** Opens `url` in a new page of `context`, collecting page errors and console errors. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.goto(url);
  await page.locator('#article-text').waitFor({ state: 'visible', timeout: 30_000 });
  return { page, problems };
}
