import { create } from 'zustand';

/**
 * Whether the first screen after a start has its content: the door's bookings listed (or a
 * visit, a notice, another role's screen). What the staff need not see to start work (the
 * shell's chips and alert, the later steps' code, the thermometer, sync) starts after it, so
 * a slow tablet paints the door first (issue 31). A rule by event, not a timer sized on a
 * machine: whatever order the work finishes in, the door's content comes first.
 */
export const useFirstScreen = create<{ shown: boolean }>(() => ({ shown: false }));

let resolveShown: () => void = () => {};
/** Resolves once the first screen has been painted with its content. */
export const firstScreenShown = new Promise<void>((resolve) => {
  resolveShown = resolve;
});

/** Said by the screen that has its content; the rest starts after the frame that paints it. */
export function markFirstScreenShown(): void {
  if (useFirstScreen.getState().shown) return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      useFirstScreen.setState({ shown: true });
      resolveShown();
    }, 0),
  );
}

/**
 * The events above decide; this only bounds the damage of a screen that never says so (its
 * read failed, or a new screen forgot): sync, the chips that would report the failure and
 * the later steps' code must still start. Far above a slow tablet's cold start (2.8 s at 6×
 * CPU), so on a working door it never fires first.
 */
export const FIRST_SCREEN_AT_LATEST_MS = 8_000;

export function markFirstScreenShownAtLatest(ms = FIRST_SCREEN_AT_LATEST_MS): void {
  setTimeout(markFirstScreenShown, ms);
}
