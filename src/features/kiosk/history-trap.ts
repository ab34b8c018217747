/**
 * Blocks the back gesture: a sentinel history entry sits behind the app, and landing
 * on it goes forward again at once. The sentinel is placed on the first touch because
 * Chromium lets the back button skip entries added without a user gesture. In-app
 * links replace the current entry (App.tsx), so back always means the sentinel.
 */
const SENTINEL = 'kiosk-sentinel';

function isSentinel(state: unknown): boolean {
  return typeof state === 'object' && state !== null && SENTINEL in state;
}

export function trapBackNavigation(): () => void {
  let armed = false;
  const arm = () => {
    if (armed) return;
    armed = true;
    if (!isSentinel(history.state)) {
      history.replaceState({ [SENTINEL]: true }, '');
      history.pushState(null, '', location.href);
    }
  };
  const onPopState = (e: PopStateEvent) => {
    if (isSentinel(e.state)) history.go(1);
  };
  document.addEventListener('pointerup', arm, { capture: true });
  document.addEventListener('keydown', arm, { capture: true });
  window.addEventListener('popstate', onPopState);
  return () => {
    document.removeEventListener('pointerup', arm, { capture: true });
    document.removeEventListener('keydown', arm, { capture: true });
    window.removeEventListener('popstate', onPopState);
  };
}
