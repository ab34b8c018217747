import { useEffect, useRef } from 'react';
import type { IdleTiming } from '../../domain/idle';
import type { ActivityClock } from './activity';
import { IdleTimer } from './idle-timer';
import { useKioskStore } from './kiosk-store';

/**
 * Returns the door to its start screen after the idle timeout, warning first. What
 * "needs a reset" and what the reset does belong to the app (the door's state is not
 * the kiosk's), so they are passed in.
 */
export function useIdleReset(
  clock: ActivityClock,
  timing: IdleTiming,
  needsReset: () => boolean,
  reset: () => void,
): void {
  const latest = useRef({ needsReset, reset });
  latest.current = { needsReset, reset };

  useEffect(() => {
    const { setIdleWarning } = useKioskStore.getState();
    const timer = new IdleTimer(clock, timing, {
      needsReset: () => latest.current.needsReset(),
      onWarn: (ms) => setIdleWarning(ms),
      onActive: () => setIdleWarning(null),
      onReset: () => {
        setIdleWarning(null);
        latest.current.reset();
      },
    });
    const stopListening = clock.listen(document);
    timer.start();
    return () => {
      timer.stop();
      stopListening();
      setIdleWarning(null);
    };
  }, [clock, timing]);
}
