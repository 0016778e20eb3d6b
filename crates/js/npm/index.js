// saidwho for JavaScript: `await init()` once, then `analyze(text)` returns a
// plain object; every offset is a UTF-16 code unit (a JavaScript string index).
import wasmInit, { Analyzer } from './saidwho_js.js';

let analyzer = null;

async function bytesOf(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`saidwho: cannot fetch the model ${source} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the WebAssembly module and the models. `options.models` is where the
 * models are: a base URL (default: `models/` next to this file) or
 * `{ ner, clauses }` given as URLs or bytes; `null` runs without them (quotes
 * and speakers, no names). `options.wasm` is passed on to wasm-bindgen (a URL
 * or the module's bytes; in Node give the bytes).
 */
export default async function init(options = {}) {
  await wasmInit(options.wasm === undefined ? undefined : { module_or_path: options.wasm });
  const a = new Analyzer();
  let { models } = options;
  if (models === undefined) models = new URL('./models/', import.meta.url);
  if (models !== null) {
    const base = models instanceof URL || typeof models === 'string' ? models : null;
    const ner = base ? new URL('ner-v4.bin', base) : models.ner;
    const clauses = base ? new URL('clauses-v2.bin', base) : models.clauses;
    if (ner) a.loadEntityModel(await bytesOf(ner));
    if (clauses) a.loadClauseModel(await bytesOf(clauses));
  }
  analyzer = a;
}

/** The analysis of `text`: quotes, speakers, entities and names (see index.d.ts). */
export function analyze(text) {
  if (analyzer === null) throw new Error('saidwho: call and await init() before analyze()');
  if (typeof text !== 'string') throw new TypeError(`saidwho: text must be a string, not ${typeof text}`);
  return JSON.parse(analyzer.analyzeJson(text));
}
