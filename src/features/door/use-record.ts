import { useCallback } from 'react';
import { StorageError } from '../../db/storage-error';
import { takeOverSince } from '../../db/take-over';
import type { EventBody, EventDraft, ReopenedMust } from '../../domain/events';
import { type Issued, issuedAt } from '../../domain/issued';
import type { Policy } from '../../domain/policy';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { useStatusStore } from '../../services/status-store';
import { useDoorStore } from './door-store';

/**
 * Records the current step's events. The screen moves on only after the write has
 * committed; a failed write leaves the step (and what was typed) on screen, with the
 * drafts kept for a retry.
 *
 * Every command names the state it was issued from, as rendered: the visit and step on
 * screen when the button was drawn, or the id a new visit opens under. The event log
 * applies it only to that state, in the step's own transaction (src/domain/issued.ts),
 * so a tap delivered late, twice or onto the next step's screen records nothing more.
 */
export function useRecord() {
  const { log, policy, policyFor, now, db } = useServices();
  const setStorageError = useStatusStore((s) => s.setStorageError);
  const shown = useDoorStore((s) => s.visit);
  const nextVisitId = useDoorStore((s) => s.nextVisitId);

  const write = useCallback(
    async (
      visitId: string,
      drafts: EventDraft[],
      visitPolicy: Policy,
      issued: Issued,
      onScreen = true,
    ): Promise<boolean> => {
      const store = useDoorStore.getState();
      if (store.saving) return false; // one write at a time; the log drops a stale one
      store.setSaving(true);
      try {
        const visit = await log.record(visitId, drafts, visitPolicy, issued);
        setStorageError(null);
        if (onScreen) useDoorStore.getState().show(visit);
        return true;
      } catch (e) {
        const code = e instanceof StorageError ? e.code : 'unknown';
        setStorageError(code);
        if (onScreen)
          useDoorStore.getState().setFailed({ visitId, drafts, policy: visitPolicy, issued });
        return false;
      } finally {
        useDoorStore.getState().setSaving(false);
      }
    },
    [log, setStorageError],
  );

  /** Adds events to the visit on screen, as it was when this screen was drawn. */
  const record = useCallback(
    (...bodies: EventBody[]) => {
      if (!shown) return Promise.resolve(false);
      const at = now();
      const visitPolicy = policyFor(shown.policyVersion);
      return write(
        shown.id,
        bodies.map((b) => ({ ...b, at })),
        visitPolicy,
        issuedAt(shown, visitPolicy),
      );
    },
    [now, write, policyFor, shown],
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
        nextVisitId,
        [opened, ...bodies].map((b) => ({ ...b, at })),
        policy,
        { kind: 'new-visit' },
      );
    },
    [db, now, policy, write, nextVisitId],
  );

  /** Discards a draft (an unfinished visit not on screen): recorded as abandoned. */
  const discard = useCallback(
    (visit: Visit) => {
      const visitPolicy = policyFor(visit.policyVersion);
      return write(
        visit.id,
        [{ type: 'visit.abandoned', data: { reason: 'discarded-draft' }, at: now() }],
        visitPolicy,
        issuedAt(visit, visitPolicy),
        false,
      );
    },
    [now, policyFor, write],
  );

  /** Undoes a refusal (a mis-tap): the visit reopens at `must`, back on screen. */
  const reopen = useCallback(
    (visit: Visit, must: ReopenedMust) => {
      const visitPolicy = policyFor(visit.policyVersion);
      return write(
        visit.id,
        [{ type: 'visit.reopened', data: { must }, at: now() }],
        visitPolicy,
        issuedAt(visit, visitPolicy),
      );
    },
    [now, policyFor, write],
  );

  const retry = useCallback(() => {
    const failed = useDoorStore.getState().failed;
    return failed
      ? write(failed.visitId, failed.drafts, failed.policy, failed.issued)
      : Promise.resolve(false);
  }, [write]);

  return { record, open, discard, retry, reopen };
}
