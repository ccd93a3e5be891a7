// Makes the phone day installable and able to open offline: the web app manifest and the
// service worker (public/manifest.webmanifest, public/sw.js), added when the phone page opens.

/** Link the manifest and theme colour into the page once. */
export function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/manifest.webmanifest';
  document.head.appendChild(link);
  const theme = document.createElement('meta');
  theme.name = 'theme-color';
  theme.content = '#145c4a';
  document.head.appendChild(theme);
}

/** Register the service worker; the development server (vite) has none to offer. */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  try {
    // The first time, the session was read before the worker took over; read it once more through
    // the worker, so that the app can open signed in without a connection.
    if (!navigator.serviceWorker.controller) {
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        void fetch('/api/auth/session', { credentials: 'same-origin' }).catch(() => undefined);
      }, { once: true });
    }
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    // The screens load as separate files when first opened, before the worker was there: tell it
    // which ones this page uses, so that the day opens offline too.
    const ready = await navigator.serviceWorker.ready;
    const assets = performance.getEntriesByType('resource').map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/')).map((u) => u.pathname);
    ready.active?.postMessage({ type: 'keep-assets', assets });
  } catch {
    // Without a worker the day still works offline once loaded, from IndexedDB.
  }
}
