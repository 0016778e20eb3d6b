// The JavaScript package in Node: plain objects, UTF-16 offsets, models as bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const PKG = resolve(process.env.SAIDWHO_JS ?? 'target/js/saidwho');
const { default: init, analyze } = await import(`${PKG}/index.js`);

test('analyze before init says what to do', () => {
  assert.throws(() => analyze('x'), /call and await init\(\)/);
});

test('quotes, speakers and names with UTF-16 offsets', async () => {
  const bytes = (f) => readFile(`${PKG}/${f}`);
  await init({
    wasm: await bytes('saidwho_js_bg.wasm'),
    models: { ner: await bytes('models/ner-v4.bin'), clauses: await bytes('models/clauses-v2.bin') },
  });
  const text = '😀 “We will rebuild,” said Mayor Keiko Tanaka of Kobe. “Every house.”';
  const r = analyze(text);
  assert.equal(r.offsets, 'utf-16');
  const q = r.quotes[0];
  assert.equal(q.speaker, 'Keiko Tanaka');
  assert.deepEqual(q.span.map(([s, e]) => text.slice(s, e)), ['“We will rebuild,”', '“Every house.”']);
  assert.equal(text.slice(...q.speaker_span), 'Mayor Keiko Tanaka');
  assert.ok(r.entities.some((e) => e.label === 'LOC' && text.slice(...e.span) === 'Kobe'), JSON.stringify(r.entities));
  assert.throws(() => analyze(42), /must be a string/);
});
