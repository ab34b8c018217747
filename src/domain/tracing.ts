/**
 * Contact tracing (shared/domain.md, incidents): when a visitor or a staff member later
 * turns out to be a suspected case, everyone whose stay in the hall overlapped theirs.
 * A contact shared some time with the index stay: stays that only touch (one leaves the
 * minute the other arrives) share none and are left out. Whoever never got past the
 * door (refused, isolated, abandoned) is listed apart from those who were inside.
 */
import type { Visit } from './visit';

export interface Stay {
  visit: string;
  start: number;
  end: number;
  /** No exit was recorded: `end` is the assumption the tracing used. */
  assumedEnd: boolean;
  window?: string;
  /** 'inside': admitted into the hall; 'door': only at the checkpoint. */
  place?: StayPlace;
}

export type StayPlace = 'inside' | 'door';

export interface Contact {
  stay: Stay;
  overlapMinutes: number;
  sameWindow: boolean;
}

export interface StayRule {
  /** An open stay counts until this long after arrival… */
  maxStayMinutes: number;
  /** …or the closing time of that day (local "HH:MM"), whichever is first. */
  closing: string;
}

const MINUTE = 60_000;

function closingOf(at: number, closing: string): number {
  const [h, m] = closing.split(':').map(Number);
  const d = new Date(at);
  d.setHours(h ?? 23, m ?? 59, 0, 0);
  return Math.max(at, d.getTime());
}

/**
 * When the visitor was at the checkpoint or in the hall: from arrival at the door to the
 * recorded exit; refused and isolated visitors until the verdict (they left the queue,
 * or were taken to the isolation area); a visit still open until the rule's limit.
 */
export function stayOf(v: Visit, rule: StayRule, window?: string): Stay {
  const start = v.openedAt;
  const leftDoor =
    v.decision && v.decision.outcome.kind !== 'admitted' ? v.decision.at : v.abandoned?.at;
  // A void ticket (no-show) left then, even if no exit was recorded (older records).
  const noShow = v.queueEnd?.kind === 'no-show' ? v.queueEnd.at : undefined;
  const known = v.exited?.at ?? leftDoor ?? noShow;
  const end =
    known ?? Math.min(start + rule.maxStayMinutes * MINUTE, closingOf(start, rule.closing));
  return {
    visit: v.id,
    start,
    end: Math.max(start, end),
    assumedEnd: known === undefined,
    place: v.decision?.outcome.kind === 'admitted' ? 'inside' : 'door',
    ...(window ? { window } : {}),
  };
}

/** Minutes two stays share once the index stay is widened by `marginMinutes`, or null if none. */
export function overlap(index: Stay, other: Stay, marginMinutes: number): number | null {
  const from = Math.max(index.start - marginMinutes * MINUTE, other.start);
  const to = Math.min(index.end + marginMinutes * MINUTE, other.end);
  return from <= to ? (to - from) / MINUTE : null;
}

/** Why a contact names nobody: retention removed it, or no identity was ever recorded. */
export type AnonymousReason = 'purged' | 'not-recorded';

export function anonymousReason(v: Visit | undefined): AnonymousReason {
  return v?.purgedAt ? 'purged' : 'not-recorded';
}

/** Everyone whose stay overlapped the index stay, longest overlap first. */
export function traceContacts(
  index: Stay,
  stays: readonly Stay[],
  marginMinutes: number,
): Contact[] {
  const contacts: Contact[] = [];
  for (const stay of stays) {
    if (stay.visit === index.visit) continue;
    const minutes = overlap(index, stay, marginMinutes);
    if (minutes === null || minutes <= 0) continue;
    contacts.push({
      stay,
      overlapMinutes: Math.round(minutes * 10) / 10,
      sameWindow: index.window !== undefined && index.window === stay.window,
    });
  }
  return contacts.sort(
    (a, b) => b.overlapMinutes - a.overlapMinutes || a.stay.start - b.stay.start,
  );
}
