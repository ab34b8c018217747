import { useCallback } from 'react';
import type { Committed, Planned } from '../db/event-log';
import type { DayState } from '../db/queries';
import { StorageError } from '../db/storage-error';
import { useServices } from './services';
import { useStatusStore } from './status-store';

/**
 * Runs a rule on the committed day inside the storage transaction that records what it
 * decides (the lead's staff list, supplies, closure). A storage failure shows in the
 * banner and returns null.
 */
export function useCommand() {
  const { log, now, clock } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  return useCallback(
    async <R>(plan: (state: DayState, at: number) => Planned<R>): Promise<Committed<R> | null> => {
      const at = now();
      try {
        const committed = await log.command(clock.today(), (state) => plan(state, at));
        setStorageError(null);
        return committed;
      } catch (e) {
        setStorageError(e instanceof StorageError ? e.code : 'unknown');
        return null;
      }
    },
    [log, now, clock, setStorageError],
  );
}
