// Tillit's service worker: the app itself (page and built assets) opens without a connection,
// and the last session answer lets the signed-in phone show its cached day offline. Client data
// is never put in these caches: the day lives in IndexedDB (src/phone/store.ts), so signing out
// clears the session copy here and nothing else of a client's lingers in the worker.
const SHELL = 'tillit-shell-v1';
const SESSION = 'tillit-session-v1';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const res = await fetch('/', { cache: 'no-store' });
    if (res.ok) {
      const html = await res.clone().text();
      await cache.put('/', res);
      // The built page names its hashed scripts and styles; keep exactly those.
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set(assets), '/manifest.webmanifest', '/icons/icon-192.png']);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== SHELL && key !== SESSION) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** A fetch that gives up after `ms`: with one bar of coverage the cached copy beats waiting. */
function fetchWithin(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('slow network')), ms);
    fetch(request).then((r) => { clearTimeout(timer); resolve(r); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

async function networkFirst(request, cacheName, cacheKey) {
  try {
    const res = await fetchWithin(request, 4000);
    if (res.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(cacheKey ?? request, res.clone());
    } else if (res.status === 401 && cacheName === SESSION) {
      await caches.delete(SESSION);
    }
    return res;
  } catch (e) {
    const cached = await caches.match(cacheKey ?? request);
    if (cached) return cached;
    throw e;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) (await caches.open(SHELL)).put(request, res.clone());
  return res;
}

// The page names the built files it loaded before the worker controlled it (lazy screens).
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep-assets' || !Array.isArray(data.assets)) return;
  const assets = data.assets.filter((a) => typeof a === 'string' && a.startsWith('/assets/'));
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(assets)).catch(() => undefined));
});

/** Delete the cached day (src/phone/store.ts: database tillit-phone, store day, key day). */
function forgetDay() {
  return new Promise((resolve) => {
    const open = indexedDB.open('tillit-phone');
    // No phone day on this device: do not create the database here (the page creates it with its store).
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('day')) return resolve();
      const tx = db.transaction('day', 'readwrite');
      tx.objectStore('day').delete('day');
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    };
  });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method !== 'GET') {
    // Signing out forgets the session copy and the day kept on the phone (not unsent marks).
    if (url.pathname === '/api/auth/logout' || url.pathname === '/api/auth/login') event.waitUntil(caches.delete(SESSION));
    if (url.pathname === '/api/auth/logout') event.waitUntil(forgetDay());
    return;
  }
  if (url.pathname === '/api/auth/session') {
    event.respondWith(networkFirst(req, SESSION));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(networkFirst(req, SHELL, '/').catch(() => caches.match('/')));
    return;
  }
  event.respondWith(cacheFirst(req));
});
