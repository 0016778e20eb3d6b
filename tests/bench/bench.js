// Times saidwho's analyze (wasm) and compromise (JS) on the same texts in the
// same page; the results go to window.benchResult.
import init, { Bench } from './bench-wasm/bench.js';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// Each sample times `batch` calls (the browser's clock ticks in 0.1 ms
// steps, too coarse for one sub-millisecond call) and is divided by it.
function time(fn, runs, budgetMs, batch = 1) {
  const out = [];
  const start = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - start < budgetMs); i++) {
    const t = performance.now();
    for (let k = 0; k < batch; k++) fn();
    out.push((performance.now() - t) / batch);
  }
  return out;
}

// How many calls of `fn` make a sample of at least 5 ms.
function batchFor(fn) {
  const t = performance.now();
  fn();
  const one = Math.max(performance.now() - t, 0.01);
  return Math.max(1, Math.ceil(5 / one));
}

async function main() {
  await init();
  const model = new Uint8Array(await (await fetch('./ner-v4.bin')).arrayBuffer());
  const clauses = new Uint8Array(await (await fetch('./clauses-v2.bin')).arrayBuffer());
  const bench = new Bench(model, clauses);
  const texts = await (await fetch('./texts.json')).json();
  const rows = [];
  for (const [name, text, runs] of [['seed', texts.seed, 50], ['1000 words', texts.words1000, 50], ['1 MB', texts.mb1, 5]]) {
    // Warm up both.
    bench.analyze(text);
    window.nlp(text).quotations().out('array');
    const ourBatch = batchFor(() => bench.analyze(text));
    const ours = time(() => bench.analyze(text), runs, 20_000, ourBatch);
    const theirs = time(() => {
      const doc = window.nlp(text);
      doc.quotations().out('array');
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }, runs, 60_000);
    rows.push({ name, bytes: new TextEncoder().encode(text).length, saidwho_ms: median(ours), compromise_ms: median(theirs), runs: [ours.length, theirs.length] });
  }
  const [tok, sent, quotes, speakers, entities, paragraphs, whole] = bench.stages(texts.words1000, 200, model);
  window.benchResult = { rows, stages1000: { tokens: tok, sentences: sent, quotes, speakers, entities, paragraphs, 'analyze (all)': whole } };
  document.querySelector('#out').textContent = JSON.stringify(rows, null, 2);
}

main().catch((e) => { window.benchResult = { error: String(e) }; });
