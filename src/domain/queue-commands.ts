/**
 * What a guide asks of the queue, checked against the committed state inside the same
 * storage transaction that records it: a double tap, a stale screen or a second tablet
 * gets a clear answer instead of a second call.
 */
import { foldClosure } from './closure';
import type { EventDraft, RecordEvent } from './events';
import type { Policy } from './policy';
import {
  admittedTicket,
  callCount,
  callsMadeAt,
  firstCall,
  type QueueState,
  queueState,
  queueStatus,
} from './queue';
import { closedWindows, foldStaff } from './staff-health';
import type { Visit } from './visit';

export type QueueCommand =
  /** `callsMade`: the tickets the window's screen showed called to it so far today. */
  | { kind: 'call-next'; window: number; callsMade?: number }
  /** The priority lane: this ticket, now (elderly, disabled). */
  | { kind: 'call'; visit: string; window: number; callsMade?: number }
  /**
   * `calls`: the calls the ticket had on the screen the command came from. A command
   * issued from a screen that is no longer current (a double tap's second touch, a
   * second guide) is answered 'stale' and records nothing (issue 31).
   */
  | { kind: 'recall'; visit: string; calls?: number }
  | { kind: 'no-show'; visit: string; calls?: number }
  | { kind: 'served'; visit: string; calls?: number }
  | { kind: 'left'; visit: string };

export type QueueRefusal =
  | { reason: 'unknown-window'; window: number }
  | { reason: 'window-busy'; window: number; ticket: string }
  | { reason: 'queue-empty' }
  | { reason: 'not-admitted' }
  | { reason: 'already-left'; ticket: string; at: number }
  | { reason: 'already-called'; ticket: string; window: number }
  | { reason: 'already-served'; ticket: string; window: number }
  | { reason: 'already-no-show'; ticket: string }
  | { reason: 'not-called'; ticket: string }
  | { reason: 'calls-remaining'; ticket: string; calls: number; needed: number }
  | { reason: 'calls-used'; ticket: string; calls: number }
  /** On-site service is suspended (src/domain/closure.ts): nobody is called. */
  | { reason: 'service-suspended' }
  /** Everyone at this window is off duty after an abnormal reading (staff-health.ts). */
  | { reason: 'window-closed'; window: number }
  /** The command answers a screen that is no longer current: said to nobody. */
  | { reason: 'stale' };

/** What the rest of the hall's plan says about calling: suspended, windows closed. */
export interface HallCalling {
  suspended: boolean;
  closedWindows: ReadonlySet<number>;
}
export const OPEN_HALL: HallCalling = { suspended: false, closedWindows: new Set() };

export function hallCalling(records: readonly RecordEvent[]): HallCalling {
  return {
    suspended: foldClosure(records).current !== null,
    closedWindows: closedWindows(foldStaff(records)),
  };
}

export type QueueAnswer =
  | {
      ok: true;
      command: QueueCommand['kind'];
      visit: string;
      ticket: string;
      window: number | null;
      calls: number;
    }
  | ({ ok: false } & QueueRefusal);

export interface Planned {
  drafts: EventDraft[];
  answer: QueueAnswer;
}

const refuse = (refusal: QueueRefusal): Planned => ({
  drafts: [],
  answer: { ok: false, ...refusal },
});

/** Why this visitor's turn is over, if it is. */
function ended(v: Visit, ticket: string): QueueRefusal | null {
  if (v.queueEnd?.kind === 'no-show') return { reason: 'already-no-show', ticket };
  if (v.exited) return { reason: 'already-left', ticket, at: v.exited.at };
  if (v.queueEnd?.kind === 'served')
    return { reason: 'already-served', ticket, window: v.queueEnd.window };
  return null;
}

function windowProblem(
  state: QueueState,
  policy: Policy,
  window: number,
  hall: HallCalling,
): QueueRefusal | null {
  if (!policy.queue.windows.includes(window)) return { reason: 'unknown-window', window };
  if (hall.suspended) return { reason: 'service-suspended' };
  if (hall.closedWindows.has(window)) return { reason: 'window-closed', window };
  const busy = state.windows.find((w) => w.window === window)?.tickets[0];
  return busy ? { reason: 'window-busy', window, ticket: busy.ticket } : null;
}

/** Checks a command against the day's visits; returns the events to record, or why not. */
export function planQueueCommand(
  visits: readonly Visit[],
  policy: Policy,
  command: QueueCommand,
  at: number,
  hall: HallCalling = OPEN_HALL,
): Planned {
  if (
    (command.kind === 'call-next' || command.kind === 'call') &&
    command.callsMade !== undefined &&
    command.callsMade !== callsMadeAt(visits, command.window)
  )
    return refuse({ reason: 'stale' });
  if (command.kind === 'call-next') {
    const state = queueState(visits, policy);
    const problem = windowProblem(state, policy, command.window, hall);
    if (problem) return refuse(problem);
    const next = state.waiting[0];
    if (!next) return refuse({ reason: 'queue-empty' });
    return call(next.visit, next.ticket, command.window, false, at);
  }

  const v = visits.find((x) => x.id === command.visit);
  const ticket = v ? admittedTicket(v) : null;
  if (!v || !ticket) return refuse({ reason: 'not-admitted' });
  const over = ended(v, ticket);
  const current = firstCall(v);
  const calls = callCount(v);
  const ok = (drafts: EventDraft[], window: number | null, n = calls): Planned => ({
    drafts,
    answer: { ok: true, command: command.kind, visit: v.id, ticket, window, calls: n },
  });
  const visit = v.id;
  if ('calls' in command && command.calls !== undefined && command.calls !== calls)
    return refuse({ reason: 'stale' });

  switch (command.kind) {
    case 'call': {
      if (over) return refuse(over);
      if (current) return refuse({ reason: 'already-called', ticket, window: current.window });
      const problem = windowProblem(queueState(visits, policy), policy, command.window, hall);
      if (problem) return refuse(problem);
      return call(visit, ticket, command.window, true, at);
    }
    case 'recall': {
      if (over) return refuse(over);
      if (!current) return refuse({ reason: 'not-called', ticket });
      if (hall.suspended) return refuse({ reason: 'service-suspended' });
      if (calls >= policy.queue.noShowAfterCalls)
        return refuse({ reason: 'calls-used', ticket, calls });
      const window = current.window;
      return ok([{ type: 'queue.recalled', at, visit, data: { window } }], window, calls + 1);
    }
    case 'no-show': {
      if (over) return refuse(over);
      if (!current) return refuse({ reason: 'not-called', ticket });
      const needed = policy.queue.noShowAfterCalls;
      if (calls < needed) return refuse({ reason: 'calls-remaining', ticket, calls, needed });
      // The ticket is void and the visitor gone: the exit is that moment, so tracing does
      // not count them present until closing.
      return ok(
        [
          { type: 'queue.no-show', at, visit, data: { calls } },
          ...(v.exited
            ? []
            : [{ type: 'visit.exited', at, visit, data: { automatic: false } } as const]),
        ],
        current.window,
      );
    }
    case 'served': {
      if (over) return refuse(over);
      if (!current) return refuse({ reason: 'not-called', ticket });
      const window = current.window;
      return ok([{ type: 'queue.served', at, visit, data: { window } }], window);
    }
    case 'left': {
      if (v.exited) return refuse({ reason: 'already-left', ticket, at: v.exited.at });
      return ok([{ type: 'visit.exited', at, visit, data: { automatic: false } }], null);
    }
  }
}

function call(
  visit: string,
  ticket: string,
  window: number,
  priority: boolean,
  at: number,
): Planned {
  return {
    drafts: [{ type: 'queue.called', at, visit, data: { window, priority } }],
    answer: { ok: true, command: priority ? 'call' : 'call-next', visit, ticket, window, calls: 1 },
  };
}

/** Whether the no-show button applies yet (the policy's number of calls made). */
export function canMarkNoShow(v: Visit, policy: Policy): boolean {
  return queueStatus(v) === 'called' && callCount(v) >= policy.queue.noShowAfterCalls;
}
