// Parallax's offline copy. Written into the release build by `cargo xtask build`, which fills in the
// version and the file list below; do not edit the copy in the build directory.
//
// - Install: every file of the release build goes into one cache named after this version.
// - Fetch: `index.html` (and the folder's own URL) network first, falling back to the copy cached at
//   install (so an offline reload shows the version whose files are cached); every other file of the
//   build cache first. Anything else, and every request to another origin, is left to the browser:
//   the worker never caches a cross-origin response.
// - Activate: caches of earlier versions of this app (same folder) are deleted.
// - A page load finding this version's cache gone (cleared by the user or evicted) fills it again.
// - A page may ask a waiting version to take over with `postMessage({ type: 'SKIP_WAITING' })`.

const VERSION = '__PARALLAX_VERSION__';
const FILES = __PARALLAX_FILES__;

const SCOPE = self.registration.scope;
const PREFIX = `parallax-offline ${SCOPE} `;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const PRECACHED = new Set(FILES.map((file) => new URL(file, SCOPE).href));

// index.html is revalidated; the other names are content-hashed, so any cached copy is right.
function precache() {
  return caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((file) => new Request(file, { cache: file === 'index.html' ? 'no-cache' : 'default' }))),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// When this version's cache has gone (the privacy page's "Clear my data", or the browser evicting it),
// the next page load fills it again. `addAll` stores all files or none, so the page is the marker.
let healing = null;
function heal() {
  healing ??= caches
    .match(INDEX, { cacheName: CACHE })
    .then((found) => (found ? undefined : precache()))
    .catch(() => undefined)
    .finally(() => {
      healing = null;
    });
  return healing;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  url.search = '';
  url.hash = '';
  if (url.href === SCOPE || url.href === INDEX) {
    event.respondWith(networkFirst(request));
    if (request.mode === 'navigate') event.waitUntil(heal());
  } else if (PRECACHED.has(url.href)) {
    event.respondWith(cacheFirst(request, url.href));
  }
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(INDEX, { cacheName: CACHE, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Only this origin's complete answers are kept (never an opaque or cross-origin response).
  if (response.ok && response.type === 'basic') {
    await cache.put(key, response.clone());
  }
  return response;
}
