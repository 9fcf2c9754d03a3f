// Kassören's service worker: the app works offline after one online visit.
//
// tools/postbuild.mjs writes this file into the build with BUILD (a hash of every file in the
// build) and FILES (every file of the build, relative to this script) filled in, so a new
// deployment means a new sw.js, a new cache, and an update the treasurer accepts when they choose.
const BUILD = '__KASSOREN_BUILD__';
const FILES = __KASSOREN_FILES__;
const CACHE = 'kassoren-' + BUILD;

// Files whose name carries their content hash may come from the HTTP cache (the page has just
// fetched them); the others (the page, the manifest, icons) are fetched fresh.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  // Every file, or the install fails as a whole and the previous version stays.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' })))),
  );
  // No skipWaiting here: a new version waits until the treasurer says "ladda om".
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('kassoren-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'kassoren-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Any page of the app (with or without index.html or a query) is this build's page.
      const hit = request.mode === 'navigate'
        ? await cache.match('./')
        : await cache.match(request, { ignoreSearch: true });
      return hit || fetch(request);
    })(),
  );
});
