// もしものときのメモ offline: registers the page's small service worker (public/emergency-note-sw.js)
// and, once it controls the page, asks it to keep the files this page was built from (the content-
// hashed /assets/ the browser fetched before the worker was there). True once all of them are kept.
import { useEffect, useState } from 'react';

export const NOTE_SW_URL = '/emergency-note-sw.js';

/** The same-origin /assets/ files this page loaded (scripts, styles, fonts). */
function loadedAssets(): string[] {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name, window.location.href))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
  return [...new Set(urls)];
}

/** Asks the controlling worker to keep these files; resolves true when it kept them all. */
function keepAssets(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<{ ok?: boolean }>) => resolve(event.data?.ok === true);
    worker.postMessage({ type: 'keep-assets', urls: loadedAssets() }, [channel.port2]);
  });
}

export function useOfflineNote(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    let live = true;
    const whenControlled = () => {
      const worker = container.controller;
      if (worker) void keepAssets(worker).then((ok) => live && setReady(ok));
    };
    container.addEventListener('controllerchange', whenControlled);
    container.register(NOTE_SW_URL, { scope: '/emergency-note' }).catch(() => undefined); // no worker: the page works online only
    whenControlled();
    return () => {
      live = false;
      container.removeEventListener('controllerchange', whenControlled);
    };
  }, []);
  return ready;
}
