/**
 * The take-over gate (issue 23): a tablet enrolled for a door during the day (a
 * replacement, or one whose site data was wiped) first takes over the door's state from
 * the server — today's queue and tickets, resting visitors, open isolation cases, the
 * supplies — before it records anything, or it would issue a ticket number twice and not
 * know who is resting or isolated. Enrolment sets the mark; the pull that reaches the
 * server's end clears it in the transaction that stores the last events
 * (`applyPulled`), so the door opens exactly when the day is on the tablet. The lead can
 * clear it by hand when the server cannot be reached (a door is never blocked forever).
 */
import type { CheckpointDb } from './database';

const TAKE_OVER = 'sync:take-over';

/** Marks the tablet as waiting for its first full pull; `at`: when it was enrolled. */
export async function beginTakeOver(db: CheckpointDb, at: number): Promise<void> {
  await db.meta.put({ key: TAKE_OVER, value: at });
}

/** When the tablet was enrolled, while it waits for its first full pull; null once done. */
export async function takeOverSince(db: CheckpointDb): Promise<number | null> {
  return (await db.meta.get(TAKE_OVER))?.value ?? null;
}

/** Ends the wait; inside `applyPulled`'s transaction, or by the lead going on offline. */
export async function endTakeOver(db: CheckpointDb): Promise<void> {
  await db.meta.delete(TAKE_OVER);
}
