// saidwho service worker: after the first visit the pages work offline.
// A page itself (the article page, the corpus page) is fetched network-first
// (so updates arrive) and kept under its own address; every other file is
// cached on first use (hashed names: a new version is a new file). Nothing
// but the pages' own files is ever requested or cached.
const CACHE = 'saidwho-v4';
const SHELL = ['./', './worker.js', './worker_bg.wasm', './worker_loader.js',
  './models/ner-v4.bin', './models/clauses-v2.bin', './examples/seed.txt', './manifest.webmanifest', './icon.svg'];

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('./', page);
  // The hashed files the page names (styles, icons, its start script), and
  // those its start script names (the app's script and wasm, loaded after
  // the first paint).
  // Quoted, or unquoted as the release build's minified page writes them
  // (href=./style-….css).
  const names = (text) => [...text.matchAll(/["'=](\.\/[^"'#?\s>]+\.(?:js|wasm|css|svg|webmanifest))(?=["'\s>])/g)].map((m) => m[1]);
  const named = names(html);
  for (const start of named.filter((url) => url.startsWith('./init-'))) {
    try {
      named.push(...names(await (await fetch(start)).text()));
    } catch (_) { /* offline while installing: cached on next use */ }
  }
  await Promise.all([...new Set([...SHELL.slice(1), ...named])].map(async (url) => {
    try {
      const res = await fetch(url);
      if (res.ok) await cache.put(url, res);
    } catch (_) { /* offline while installing: cached on next use */ }
  }));
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(precache().catch(() => {}));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (req.mode === 'navigate') {
      // The page's address without its fragment or query: "./" or "./corpus/".
      const url = new URL(req.url);
      const key = url.origin + url.pathname;
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(key, res.clone());
        return res;
      } catch (_) {
        return (await cache.match(key)) || (await cache.match('./')) || Response.error();
      }
    }
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  })());
});
