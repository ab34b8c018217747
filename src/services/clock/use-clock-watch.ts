import { useEffect } from 'react';
import type { EventLog } from '../../db/event-log';
import type { CheckedClock } from './checked-clock';

/** How often the checked clock looks again for a wall clock set by hand. */
const LOOK_EVERY_MS = 30_000;

/**
 * Keeps the checked clock current while the app runs: it looks again on a timer and after
 * each write (when a clock set by hand matters: the write recorded it), and stops trusting
 * the monotonic clock once the page is hidden (the tablet may sleep).
 */
export function useClockWatch(clock: CheckedClock, log: EventLog): void {
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') clock.forgetMonotonic();
      else clock.resume();
    };
    const timer = setInterval(() => clock.refresh(), LOOK_EVERY_MS);
    document.addEventListener('visibilitychange', hidden);
    // After the write's transaction: a problem raised here records a device event of its own.
    const unsubscribe = log.onAppend(() => clock.refresh());
    return () => {
      unsubscribe();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [clock, log]);
}
