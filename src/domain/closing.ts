/**
 * Automatic check-out at closing time: whoever was admitted and has no exit recorded is
 * checked out, marked automatic (shared/domain.md: the ledger needs every exit time, and
 * an automatic one says it is only an upper bound).
 */
import type { EventDraft } from './events';
import type { Policy } from './policy';
import { admittedTicket } from './queue';
import { dayKey, dayStart, timeOnDay } from './time';
import type { Visit } from './visit';

const HOUR = 3_600_000;

/** When this visitor is checked out automatically, or null if not (yet). */
export function automaticExitAt(v: Visit, policy: Policy, now: number): number | null {
  if (!admittedTicket(v) || v.exited) return null;
  const closing = timeOnDay(v.day, policy.ledger.closing);
  if ((v.decision?.at ?? v.openedAt) <= closing) {
    return now >= closing ? Math.max(closing, v.updatedAt) : null;
  }
  // Admitted after closing (the door stayed open late): checked out when that day ends.
  const endOfDay = dayStart(dayKey(dayStart(v.day) + 36 * HOUR)) - 1;
  return now > endOfDay ? Math.max(endOfDay, v.updatedAt) : null;
}

/** The automatic exits due now among these visits. */
export function closingCheckouts(
  visits: readonly Visit[],
  policy: Policy,
  now: number,
): EventDraft[] {
  return visits.flatMap((v) => {
    const at = automaticExitAt(v, policy, now);
    return at === null
      ? []
      : [{ type: 'visit.exited', at, visit: v.id, data: { automatic: true } } satisfies EventDraft];
  });
}
