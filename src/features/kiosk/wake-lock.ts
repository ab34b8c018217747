/**
 * Keeps the screen on with the Screen Wake Lock. The browser drops the lock whenever
 * the page is hidden (screen off, another app), so it is asked for again each time the
 * page becomes visible, and on touches while it is not held (a refused request, e.g.
 * in battery saver, is retried then).
 */
export function keepScreenAwake(): () => void {
  let lock: WakeLockSentinel | null = null;
  let pending = false;
  let stopped = false;

  const acquire = async () => {
    if (stopped || pending || document.visibilityState !== 'visible') return;
    if (!('wakeLock' in navigator) || (lock && !lock.released)) return;
    pending = true;
    try {
      lock = await navigator.wakeLock.request('screen');
      if (stopped) await lock.release();
    } catch {
      lock = null;
    } finally {
      pending = false;
    }
  };
  const onVisibility = () => void acquire();

  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('pointerup', onVisibility, { capture: true });
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('pointerup', onVisibility, { capture: true });
    if (lock && !lock.released) void lock.release();
  };
}
