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

/**
 * When an open stay is assumed over. A visitor who arrived after closing (the hall stayed
 * open late) is bounded by the maximum stay alone: capping at a closing time before her
 * arrival would make her stay empty and leave her out of every tracing.
 */
function assumedEnd(start: number, rule: StayRule): number {
  const [h, m] = rule.closing.split(':').map(Number);
  const d = new Date(start);
  d.setHours(h ?? 23, m ?? 59, 0, 0);
  const closing = d.getTime() > start ? d.getTime() : Number.POSITIVE_INFINITY;
  return Math.min(start + rule.maxStayMinutes * MINUTE, closing);
}

/**
 * When the visitor was at the checkpoint or in the hall: from arrival at the door to the
 * recorded exit; refused and isolated visitors until the verdict (they left the queue,
 * or were taken to the isolation area); a visit still open until the rule's limit. An
 * automatic exit (closing's check-out) is only an upper bound: the maximum stay caps it.
 */
export function stayOf(v: Visit, rule: StayRule, window?: string): Stay {
  const start = v.openedAt;
  const leftDoor =
    v.decision && v.decision.outcome.kind !== 'admitted' ? v.decision.at : v.abandoned?.at;
  // A void ticket (no-show) left then, even if no exit was recorded (older records).
  const noShow = v.queueEnd?.kind === 'no-show' ? v.queueEnd.at : undefined;
  const exit = v.exited?.automatic ? undefined : v.exited?.at;
  const known = exit ?? leftDoor ?? noShow;
  // An automatic exit is at closing or after the visitor's last event; at the end of
  // the day for a late arrival: the maximum stay caps it.
  const automatic = v.exited?.at;
  const end =
    known ??
    (automatic === undefined
      ? assumedEnd(start, rule)
      : Math.min(automatic, start + rule.maxStayMinutes * MINUTE));
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

/**
 * Stays left out of a tracing because they share no time with the index stay although
 * they touch it (one left the minute the other arrived), or are empty: the screen says
 * how many, so nobody is dropped silently.
 */
export function leftOut(index: Stay, stays: readonly Stay[], marginMinutes: number): number {
  return stays.filter((s) => s.visit !== index.visit && overlap(index, s, marginMinutes) === 0)
    .length;
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
