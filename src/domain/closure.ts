/**
 * Closing on-site service (shared/domain.md, "Incidents": if many staff must isolate or
 * an area is contaminated, the hall closes on-site service and switches to online,
 * phone or appointment-only service). Suspension and reopening are events of the lead;
 * the state is their fold, so every tablet agrees once synced. Two tablets suspending
 * unaware of each other make one closure (the first); reopening either ends it.
 */
import {
  type ClosureReason,
  clipText,
  type EventDraft,
  inLogOrder,
  type RecordEvent,
  type ServiceChannel,
  TEXT_LIMITS,
} from './events';

export interface Closure {
  closure: string;
  since: number;
  reason: ClosureReason;
  channels: ServiceChannel[];
  note: string | null;
  reopenedAt: number | null;
  /** People the door turned away during it. */
  turnedAway: number;
}

export interface ClosureState {
  /** The closure in force, if on-site service is suspended. */
  current: Closure | null;
  /** Every closure, oldest first (the report picks a day's). */
  history: Closure[];
}

export function foldClosure(records: readonly RecordEvent[]): ClosureState {
  const history: Closure[] = [];
  /** Suspensions recorded while another was in force: names of that one. */
  const alias = new Map<string, Closure>();
  let current: Closure | null = null;
  for (const e of inLogOrder(records)) {
    if (e.type === 'hall.suspended') {
      if (current) {
        alias.set(e.data.closure, current);
        continue;
      }
      const { closure, reason, channels, note } = e.data;
      current = { closure, since: e.at, reason, channels, note, reopenedAt: null, turnedAway: 0 };
      history.push(current);
      alias.set(closure, current);
    } else if (e.type === 'hall.reopened') {
      const target = alias.get(e.data.closure);
      if (target && target === current) {
        current.reopenedAt = e.at;
        current = null;
      }
    } else if (e.type === 'hall.turned-away') {
      const target = alias.get(e.data.closure);
      if (target) target.turnedAway++;
    }
  }
  return { current, history };
}

/** Closures that overlap the span [from, to). */
export function closuresBetween(state: ClosureState, from: number, to: number): Closure[] {
  return state.history.filter((c) => c.since < to && (c.reopenedAt ?? Infinity) >= from);
}

export type ClosureAnswer =
  | { ok: true; closure: string }
  | { ok: false; reason: 'already-suspended'; since: number }
  | { ok: false; reason: 'not-suspended' }
  | { ok: false; reason: 'channels-missing' };

export interface SuspendInput {
  reason: ClosureReason;
  channels: readonly ServiceChannel[];
  note: string;
}

export function planSuspend(
  records: readonly RecordEvent[],
  input: SuspendInput,
  at: number,
  newId: () => string,
): { drafts: EventDraft[]; answer: ClosureAnswer } {
  const { current } = foldClosure(records);
  if (current) {
    return { drafts: [], answer: { ok: false, reason: 'already-suspended', since: current.since } };
  }
  const channels = (['online', 'phone', 'appointment'] as const).filter((c) =>
    input.channels.includes(c),
  );
  if (channels.length === 0)
    return { drafts: [], answer: { ok: false, reason: 'channels-missing' } };
  const closure = newId();
  const note = clipText(input.note, TEXT_LIMITS.note) || null;
  return {
    drafts: [
      { type: 'hall.suspended', at, data: { closure, reason: input.reason, channels, note } },
    ],
    answer: { ok: true, closure },
  };
}

/** A draft about the closure in force, or a refusal when service is not suspended. */
function planOnCurrentClosure(
  records: readonly RecordEvent[],
  at: number,
  type: 'hall.reopened' | 'hall.turned-away',
): { drafts: EventDraft[]; answer: ClosureAnswer } {
  const { current } = foldClosure(records);
  if (!current) return { drafts: [], answer: { ok: false, reason: 'not-suspended' } };
  return {
    drafts: [{ type, at, data: { closure: current.closure } }],
    answer: { ok: true, closure: current.closure },
  };
}

export function planReopen(records: readonly RecordEvent[], at: number) {
  return planOnCurrentClosure(records, at, 'hall.reopened');
}

/** The door turns a person away while service is suspended. */
export function planTurnAway(records: readonly RecordEvent[], at: number) {
  return planOnCurrentClosure(records, at, 'hall.turned-away');
}
