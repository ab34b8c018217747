/**
 * Watches the browser for device problems and raises or clears them in the health
 * store. Each watcher returns its stop function.
 */
import { storageUse } from '../../db/persistence';
import { offsetFromExchange } from '../../domain/clock';
import { storageIsLow } from '../../domain/device-health';
import { useHealthStore } from './health-store';

const health = () => useHealthStore.getState();

export function watchNetwork(now: () => number, onOnline: () => void): () => void {
  const update = () => {
    if (navigator.onLine) {
      health().clear('offline');
      onOnline();
    } else {
      health().raise('offline', {}, now());
    }
  };
  if (!navigator.onLine) health().raise('offline', {}, now());
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return () => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  };
}

export async function checkStorage(now: () => number): Promise<void> {
  const use = await storageUse();
  if (use && storageIsLow(use)) health().raise('storage-low', use, now());
  else health().clear('storage-low');
}

/**
 * Compares the device clock with the server's `Date` header and tells the checked clock
 * (services/clock), which raises or clears the skew. A HEAD request with a unique query:
 * the service worker only answers GETs from its cache, so this always reaches the server
 * (and fails quietly offline).
 */
export async function checkClock(
  now: () => number,
  observe: (offsetMs: number) => void,
): Promise<void> {
  if (!navigator.onLine) return;
  try {
    const sentAt = now();
    const response = await fetch(`/?clock-probe=${sentAt}`, { method: 'HEAD', cache: 'no-store' });
    const receivedAt = now();
    const date = response.headers.get('date');
    if (!date) return;
    // The header names a whole second: the server's clock was somewhere inside it.
    observe(offsetFromExchange({ sentAt, receivedAt, serverTime: Date.parse(date) + 500 }));
  } catch {
    // No server reachable: nothing to compare with.
  }
}

export function every(ms: number, task: () => void): () => void {
  task();
  const timer = setInterval(task, ms);
  return () => clearInterval(timer);
}
