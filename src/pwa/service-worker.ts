/**
 * The one bridge between the page and the service worker, one small function per
 * lifecycle step. registerType is 'prompt': a new version installs in the background
 * and waits; only applyUpdate() (called by the idle rule or by the lead) lets it take
 * over and reloads the page. The kiosk never navigates, so it looks for new versions
 * itself: on a timer, when the network returns and when the screen becomes visible.
 */
import { useUpdateStore } from './update-store';

type UpdateServiceWorker = (reloadPage?: boolean) => Promise<void>;

let skipWaiting: UpdateServiceWorker | null = null;
let registration: ServiceWorkerRegistration | null = null;
let reloading = false;

/** Registers the service worker (production builds only: dev and tests have none). */
export async function startServiceWorker(checkEveryMs: number): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  skipWaiting = registerSW({
    immediate: true,
    onOfflineReady,
    onNeedRefresh,
    onNeedReload: reloadOnce,
    onRegisteredSW: (_url, r) => {
      if (!r) return;
      // onOfflineReady fires only on the first install: after a reload the active worker
      // (its precache complete, or it would not have activated) is what says so.
      if (r.active) onOfflineReady();
      else void navigator.serviceWorker.ready.then(onOfflineReady);
      watchForUpdates(r, checkEveryMs);
    },
    onRegisterError: (e: unknown) => console.error('service worker registration failed', e),
  });
}

function onOfflineReady() {
  useUpdateStore.getState().set({ offlineReady: true });
}

function onNeedRefresh() {
  useUpdateStore.getState().set({ updateWaiting: true, offlineReady: true });
}

function watchForUpdates(r: ServiceWorkerRegistration, everyMs: number) {
  registration = r;
  setInterval(() => void checkForUpdate(), everyMs);
  window.addEventListener('online', () => void checkForUpdate());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
}

/** Asks the server for a new service worker; offline or mid-install it waits for later. */
export async function checkForUpdate(): Promise<void> {
  if (!registration || !navigator.onLine || registration.installing) return;
  try {
    await registration.update();
  } catch {
    // The server is unreachable: the next trigger tries again.
  }
  useUpdateStore.getState().set({ lastCheckAt: Date.now() });
}

/** Lets the waiting version take over, then reloads into it. */
export async function applyUpdate(): Promise<void> {
  if (!skipWaiting || !useUpdateStore.getState().updateWaiting) return;
  useUpdateStore.getState().set({ applying: true });
  reloadWhenControllerChanges();
  await skipWaiting(true);
}

// workbox-window only reloads when the page was already controlled at registration;
// the very first page after install is not, so the reload is armed here as well.
function reloadWhenControllerChanges() {
  navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
}

function reloadOnce() {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}
