// Bidwell's service worker: keeps the app shell (index.html and the content-hashed
// wasm/js/css that Trunk emits) so the app opens with no network after one online visit.
//
// Rules:
// - One cache per build: `bidwell-shell-<v>`, where <v> is the hashed name of the app's
//   JS (the page registers `/sw.js?v=<that name>`, see app/index.html). A new build means
//   a new script URL, so the browser installs a new worker; it precaches the new shell
//   as a whole, activates at once (skipWaiting), deletes the older shells, and the page
//   offers "New version available — reload". Old and new files are never mixed: a shell
//   is served only from the one cache whose index.html names exactly those files.
// - The precache list is read out of the built index.html when the worker installs
//   (every same-origin href/src in it), so it always matches the hashed names.
// - Navigations go to the network first (a fresh index.html when online, so a new app
//   never runs against an old cache) and fall back to the cached index.html for any
//   client route when offline.
// - `/api/` is never touched: the app's IndexedDB is the data cache.
'use strict';

const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const CACHE = 'bidwell-shell-' + VERSION;
const PREFIX = 'bidwell-shell-';

// Loaded on demand (the quote extractor) but part of the shell too; absent files are skipped.
const OPTIONAL = ['/extract-worker.js', '/extract-worker_bg.wasm', '/extract-worker_loader.js'];

function assetsIn(html) {
  const found = new Set(['/', '/index.html', '/manifest.webmanifest']);
  // Attributes (`href="…"`, `src="…"`) and the loader's `from '…'` / `module_or_path: '…'`;
  // not script text such as `getAttribute('href')`, which would precache a bogus path.
  const re = /(?:\b(?:href|src)\s*=|module_or_path:|\bfrom)\s*["']([^"']+)["']/g;
  let m;
  while ((m = re.exec(html)) !== null) {
    const url = new URL(m[1], self.location.origin);
    if (url.origin === self.location.origin && !url.pathname.startsWith('/api/')) {
      found.add(url.pathname);
    }
  }
  return [...found];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const index = await fetch('/index.html', { cache: 'reload' });
      if (!index.ok) throw new Error('index.html: ' + index.status);
      const html = await index.clone().text();
      await cache.put('/index.html', index.clone());
      await cache.put('/', index);
      const required = assetsIn(html).filter((p) => p !== '/' && p !== '/index.html');
      // Every file the page names must be cached, or the install fails (and the old
      // worker keeps serving its complete shell).
      await Promise.all(
        required.map(async (path) => {
          const r = await fetch(path, { cache: 'reload' });
          if (!r.ok) throw new Error(path + ': ' + r.status);
          await cache.put(path, r);
        }),
      );
      await Promise.all(
        OPTIONAL.map(async (path) => {
          try {
            const r = await fetch(path, { cache: 'reload' });
            if (r.ok) await cache.put(path, r);
          } catch (_) {
            /* optional */
          }
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // data lives in IndexedDB, never here

  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          return await fetch(request);
        } catch (_) {
          const cache = await caches.open(CACHE);
          const shell = await cache.match('/index.html');
          if (shell) return shell;
          throw _;
        }
      })(),
    );
    return;
  }

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(url.pathname);
      if (hit) return hit;
      return fetch(request);
    })(),
  );
});
