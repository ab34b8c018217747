import { useCallback } from 'react';
import { ulid } from 'ulidx';
import { StorageError } from '../../db/storage-error';
import { takeOverSince } from '../../db/take-over';
import type { EventBody, EventDraft, ReopenedMust } from '../../domain/events';
import type { Policy } from '../../domain/policy';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useStatusStore } from '../../services/status-store';
import { useDoorStore } from './door-store';

/**
 * Records the current step's events. The screen moves on only after the write has
 * committed; a failed write leaves the step (and what was typed) on screen, with the
 * drafts kept for a retry.
 */
export function useRecord() {
  const { log, policy, policyFor, now, db } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);

  const write = useCallback(
    async (
      visitId: string,
      drafts: EventDraft[],
      visitPolicy: Policy,
      onScreen = true,
    ): Promise<boolean> => {
      const store = useDoorStore.getState();
      if (store.saving) return false; // a double tap must not record twice
      store.setSaving(true);
      try {
        const visit = await log.record(visitId, drafts, visitPolicy);
        setStorageError(null);
        if (onScreen) useDoorStore.getState().show(visit);
        return true;
      } catch (e) {
        const code = e instanceof StorageError ? e.code : 'unknown';
        setStorageError(code);
        if (onScreen) useDoorStore.getState().setFailed({ visitId, drafts, policy: visitPolicy });
        return false;
      } finally {
        useDoorStore.getState().setSaving(false);
      }
    },
    [log, setStorageError],
  );

  /** Adds events to the visit on screen. */
  const record = useCallback(
    (...bodies: EventBody[]) => {
      const visit = useDoorStore.getState().visit;
      if (!visit) return Promise.resolve(false);
      const at = now();
      return write(
        visit.id,
        bodies.map((b) => ({ ...b, at })),
        policyFor(visit.policyVersion),
      );
    },
    [now, write, policyFor],
  );

  /**
   * Opens a new visit with its first must; not while the tablet is still taking over the
   * day from the server (a scan reaches here without the booking list: src/db/take-over.ts).
   */
  const open = useCallback(
    async (...bodies: EventBody[]) => {
      if ((await takeOverSince(db)) !== null) return false;
      const at = now();
      const opened: EventBody = { type: 'visit.opened', data: { policyVersion: policy.version } };
      return write(
        ulid(at),
        [opened, ...bodies].map((b) => ({ ...b, at })),
        policy,
      );
    },
    [db, now, policy, write],
  );

  /** Discards a draft (an unfinished visit not on screen): recorded as abandoned. */
  const discard = useCallback(
    (visitId: string) =>
      write(
        visitId,
        [{ type: 'visit.abandoned', data: { reason: 'discarded-draft' }, at: now() }],
        policy,
        false,
      ),
    [now, policy, write],
  );

  /** Undoes a refusal (a mis-tap): the visit reopens at `must`, back on screen. */
  const reopen = useCallback(
    (visit: Visit, must: ReopenedMust) =>
      write(
        visit.id,
        [{ type: 'visit.reopened', data: { must }, at: now() }],
        policyFor(visit.policyVersion),
      ),
    [now, policyFor, write],
  );

  const retry = useCallback(() => {
    const failed = useDoorStore.getState().failed;
    return failed ? write(failed.visitId, failed.drafts, failed.policy) : Promise.resolve(false);
  }, [write]);

  return { record, open, discard, retry, reopen };
}
