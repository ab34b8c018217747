import { afterEach, beforeEach, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('starts what waits for the first screen even when no screen ever says it is shown', async () => {
  const { firstScreenShown, markFirstScreenShownAtLatest, useFirstScreen } = await import(
    '../../src/services/first-screen'
  );
  let started = false;
  void firstScreenShown.then(() => {
    started = true;
  });
  markFirstScreenShownAtLatest(8_000);
  await vi.advanceTimersByTimeAsync(7_900);
  expect(started).toBe(false);
  await vi.advanceTimersByTimeAsync(200);
  expect(started).toBe(true);
  expect(useFirstScreen.getState().shown).toBe(true);
});

it('a screen that says so first decides; the fallback later changes nothing', async () => {
  const { markFirstScreenShown, markFirstScreenShownAtLatest, useFirstScreen } = await import(
    '../../src/services/first-screen'
  );
  const changes: boolean[] = [];
  useFirstScreen.subscribe((s) => changes.push(s.shown));
  markFirstScreenShownAtLatest(8_000);
  markFirstScreenShown();
  await vi.advanceTimersByTimeAsync(100);
  expect(useFirstScreen.getState().shown).toBe(true);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(changes).toEqual([true]);
});
