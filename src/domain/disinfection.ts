/**
 * Disinfection tasks: after a suspected case the cleaners are told to disinfect the
 * temperature point and the isolation area (shared/domain.md), and tick each task off
 * with who and when. A task belongs to no visit; it is a fold of its own events.
 */
import {
  clipText,
  type DisinfectionSpot,
  type EventDraft,
  inLogOrder,
  type RecordEvent,
  TEXT_LIMITS,
} from './events';

export interface DisinfectionTask {
  task: string;
  spot: DisinfectionSpot;
  /** The visit that caused it (an isolation), if any. */
  cause: string | null;
  requestedAt: number;
  /** The first tick stands (two cleaners ticking at once both did it; one is kept). */
  done: { by: string; at: number } | null;
}

export const ISOLATION_SPOTS: readonly DisinfectionSpot[] = ['temperature-point', 'isolation-area'];

/** The tasks among a day's records, oldest first; the order of arrival does not matter. */
export function foldTasks(records: readonly RecordEvent[]): DisinfectionTask[] {
  const sorted = inLogOrder(records);
  const tasks = new Map<string, DisinfectionTask>();
  for (const e of sorted) {
    if (e.type === 'disinfection.requested' && !tasks.has(e.data.task)) {
      tasks.set(e.data.task, {
        task: e.data.task,
        spot: e.data.spot,
        cause: e.data.cause,
        requestedAt: e.at,
        done: null,
      });
    }
  }
  for (const e of sorted) {
    if (e.type !== 'disinfection.done') continue;
    const task = tasks.get(e.data.task);
    if (task && !task.done) task.done = { by: e.data.by, at: e.at };
  }
  return [...tasks.values()];
}

/** The tasks a suspected case creates, in the transaction that isolates the visitor. */
export function isolationTasks(cause: string, at: number, newId: () => string): EventDraft[] {
  return ISOLATION_SPOTS.map((spot) => ({
    type: 'disinfection.requested',
    at,
    data: { task: newId(), spot, cause },
  }));
}

export type TaskRefusal =
  | { reason: 'unknown-task' }
  | { reason: 'name-missing' }
  | { reason: 'already-done'; by: string; at: number };

export function planTaskDone(
  tasks: readonly DisinfectionTask[],
  task: string,
  by: string,
  at: number,
): { drafts: EventDraft[]; answer: { ok: true } | ({ ok: false } & TaskRefusal) } {
  const found = tasks.find((t) => t.task === task);
  const name = clipText(by, TEXT_LIMITS.by);
  const refusal: TaskRefusal | null = !found
    ? { reason: 'unknown-task' }
    : found.done
      ? { reason: 'already-done', by: found.done.by, at: found.done.at }
      : !name
        ? { reason: 'name-missing' }
        : null;
  if (refusal) return { drafts: [], answer: { ok: false, ...refusal } };
  return {
    drafts: [{ type: 'disinfection.done', at, data: { task, by: name } }],
    answer: { ok: true },
  };
}
