import { useEffect } from 'react';
import { type IdleTiming, updateDecision } from '../../domain/idle';
import { useDoorStore } from '../../features/door/door-store';
import type { ActivityClock } from '../../features/kiosk/activity';
import { useUpdateStore } from '../../pwa/update-store';

const UPDATE_TICK_MS = 5_000;

/**
 * Applies a waiting update by itself only when no visit is in progress and the screen
 * has gone untouched for a while (domain/idle.ts); the lead can apply it at once from
 * the settings screen.
 */
export function useUpdateWhenIdle(clock: ActivityClock, timing: IdleTiming): void {
  useEffect(() => {
    const timer = setInterval(() => {
      const { updateWaiting, applying } = useUpdateStore.getState();
      if (applying) return;
      const decision = updateDecision(
        {
          updateWaiting,
          visitInProgress: useDoorStore.getState().visit !== null,
          idleMs: clock.idleMs(),
        },
        timing,
      );
      // The service worker's bridge loads with it, after the door (src/main.tsx).
      if (decision === 'apply')
        void import('../../pwa/service-worker').then((m) => m.applyUpdate());
    }, UPDATE_TICK_MS);
    return () => clearInterval(timer);
  }, [clock, timing]);
}
