// The service worker of もしものときのメモ (/emergency-note), so the page opens without a network once
// it has been loaded. It answers only two kinds of request and lets every other one pass untouched:
// - opening /emergency-note: the network first, the copy kept here when there is none;
// - same-origin GETs under /assets/: from the cache first (their names change with their content);
//   what is missing is fetched, and kept when the note's page asked for it.
// Served from the site root, not hashed, with `cache-control: no-cache`, so a new version is seen.
const CACHE = 'tsunagu-emergency-note-v1';
const PAGE = '/emergency-note';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(PAGE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('tsunagu-emergency-note-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const isAsset = (request, url) =>
  request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/assets/');

async function pageFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw error;
  }
}

/** Whether a request comes from the note's page (other pages' files are not kept here). */
async function fromNotePage(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : undefined;
  return client !== undefined && new URL(client.url).pathname === PAGE;
}

async function assetFromCache(event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok && (await fromNotePage(event))) await cache.put(event.request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.origin === self.location.origin && url.pathname === PAGE) {
    event.respondWith(pageFromNetwork(request));
  } else if (isAsset(request, url)) {
    event.respondWith(assetFromCache(event));
  }
  // Anything else: no respondWith, so the browser fetches it as if there were no worker.
});

/**
 * The page's message {type: 'keep-assets', urls}: the /assets/ files it loaded before this worker
 * controlled it. Each is kept (fetched if missing); files of earlier releases not in the list are
 * dropped. Answers {ok} on the port sent with the message.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'keep-assets' || !Array.isArray(data.urls)) return;
  const port = event.ports[0];
  const urls = data.urls
    .map((value) => new URL(String(value), self.location.origin))
    .filter((url) => url.origin === self.location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const results = await Promise.all(
        urls.map(async (path) => {
          if (await cache.match(path)) return true;
          try {
            const response = await fetch(path);
            if (!response.ok) return false;
            await cache.put(path, response);
            return true;
          } catch {
            return false;
          }
        }),
      );
      const wanted = new Set(urls);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path.startsWith('/assets/') && !wanted.has(path)) await cache.delete(request);
      }
      port?.postMessage({ ok: results.every(Boolean) });
    })(),
  );
});
