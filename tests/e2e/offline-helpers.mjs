// Helpers for the offline and privacy tests: the release build's file list, the worker's state, the cache.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { until } from './harness.mjs';

/** Every file of the release build the worker must precache: all but the `.br` twins, `_headers` and itself. */
export function buildFiles(dist) {
  const found = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${name}/`);
      else if (!/\.(br|gz)$/.test(name) && name !== '_headers' && name !== 'service-worker.js') found.push(name);
    }
  };
  walk(dist, '');
  return found.sort();
}

/** Waits until the page's offline worker is registered and activated. */
export async function workerActivated(page) {
  await until('the offline worker to activate', () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active?.state === 'activated';
    }), { timeout: 60_000 });
}

/** The URLs held in every cache of the page's origin, sorted. */
export function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls.sort();
  });
}
