/**
 * Full screen needs a user gesture, so it is asked for on a touch: the first one, and
 * the next one after full screen was left (a swipe from the edge, Esc, a system
 * dialog). pointerup, not pointerdown: a touch only counts as a gesture when it ends.
 */
export function stayFullscreen(root: HTMLElement = document.documentElement): () => void {
  const enter = () => {
    if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
    root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
      // Refused (no gesture, or the browser does not allow it here): the next touch retries.
    });
  };
  document.addEventListener('pointerup', enter, { capture: true });
  document.addEventListener('keydown', enter, { capture: true });
  return () => {
    document.removeEventListener('pointerup', enter, { capture: true });
    document.removeEventListener('keydown', enter, { capture: true });
    if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
      document.exitFullscreen().catch(() => {});
    }
  };
}
