import { useEffect } from 'react';
import { visitsOfDays } from '../db/queries';
import { StorageError } from '../db/storage-error';
import { automaticExitAt, closingCheckouts } from '../domain/closing';
import { dayKey, dayStart } from '../domain/time';
import { useServices } from '../services/services';
import { useStatusStore } from '../services/status-store';

const EVERY_MS = 60_000;
/** A tablet switched off at closing checks out the days it missed, this far back. */
const DAYS_BACK = 7;
const DAY_MS = 24 * 3_600_000;

/**
 * Automatic check-out at closing time, on whichever tablet is running then: the exits
 * are events like any other, so they sync; if two tablets both write one, the first
 * exit of a visit stands. Reads first and writes only when something is due.
 */
export function useClosingCheckout() {
  const { db, log, policy, now, clock } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const today = clock.today();
      const from = dayKey(dayStart(today) - DAYS_BACK * DAY_MS);
      const visits = await visitsOfDays(db, from, today);
      const days = new Set(
        visits.filter((v) => automaticExitAt(v, policy, now()) !== null).map((v) => v.day),
      );
      for (const day of days) {
        if (stopped) return;
        await log.command(day, (state) => ({
          drafts: closingCheckouts(state.visits, policy, now()),
          result: null,
        }));
      }
    };
    const run = () =>
      void check().catch((e: unknown) => {
        setStorageError(e instanceof StorageError ? e.code : 'unknown'); // tried again next minute
      });
    run();
    const timer = setInterval(run, EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [db, log, policy, now, setStorageError, clock.today]);
}
