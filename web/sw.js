// Service worker: after one visit the guide works with no network (events, waiting rooms, flaky clinic Wi-Fi).
//  - Every file of the build is precached into a cache named after the build's hash. The build (the dist
//    assembly, cmake/assemble-dist.mjs) writes that hash and the file list into the BUILD line below, so every new
//    build is a byte-different sw.js: the browser installs it in the background on the next visit; once that
//    page has finished loading its own (older) files, loader.js tells the new worker to take over (skipWaiting),
//    it deletes the older precaches, and the next load runs the new version. (Taking over earlier could leave a
//    page that is still loading without its older files; with no open page, the browser activates it anyway.)
//  - Precached files are served cache-first (their names carry a content hash; index.html is the build's own).
//  - JSON files (clinic.json, ?config= files) are network-first, so a clinic's change applies on the next start;
//    the last good copy is the fallback when offline. A 404 from the server forgets the cached copy.
//  - Requests to any other origin are never touched; this worker makes none.
'use strict';

const BUILD = { version: 'dev', files: [] }; // @mn-build: replaced at dist assembly time

const SCOPE = self.registration.scope; // e.g. https://clinic.example/navigator/
const PREFIX = 'mn-navigator ' + new URL(SCOPE).pathname + ' ';
const PRECACHE = PREFIX + 'precache ' + BUILD.version;
const CONFIG = PREFIX + 'config'; // survives updates: a kiosk must keep its clinic offline after an update
const NETWORK_TIMEOUT_MS = 5000; // network-first gives up on a hanging network when a cached copy exists

const absolute = (path) => new URL(path, SCOPE).href;
const precached = new Set(BUILD.files.map(absolute));
const INDEX = absolute('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PRECACHE);
    // Hashed files may come from the HTTP cache (they never change); the others are revalidated.
    await Promise.all(BUILD.files.map(async (path) => {
      const hashed = /^static\//.test(path);
      const response = await fetch(absolute(path), { cache: hashed ? 'default' : 'no-cache', credentials: 'same-origin' });
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      await cache.put(absolute(path), await clean(response));
    }));
  })());
});

// From loader.js, once its page runs (every file it needs is loaded): the waiting update may take over now.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'mn-activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX + 'precache ') && name !== PRECACHE) await caches.delete(name);
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    const target = url.href === SCOPE ? INDEX : url.href;
    if (precached.has(target)) event.respondWith(cacheFirst(target, request));
    return;
  }
  if (precached.has(url.href)) {
    event.respondWith(cacheFirst(url.href, request));
  } else if (/\.json$/.test(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(key, request) {
  const hit = await caches.match(key, { cacheName: PRECACHE, ignoreVary: true });
  return hit || fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(CONFIG);
  const cached = await cache.match(request, { ignoreVary: true });
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 404 || response.status === 410) await cache.delete(request);
    return response;
  });
  const fallback = () => cached || new Response('not available offline', { status: 404, statusText: 'Not Found',
    headers: { 'Content-Type': 'text/plain' } });
  if (!cached) return network.catch(fallback);
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  return Promise.race([network.catch(() => null), timeout]).then((response) => response || fallback());
}

// A redirected response cannot answer a navigation: keep only its body and headers.
async function clean(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}
