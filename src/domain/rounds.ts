/**
 * Routine disinfection rounds (shared/domain.md, "Staff, cleaning and supplies"): after
 * the morning and after the afternoon session the public surfaces are disinfected and
 * the hall aired. The times and the tasks are the policy's; each task is ticked with who
 * and when, the first tick standing (two cleaners ticking at once both did it).
 */
import { clipText, type EventDraft, inLogOrder, type RecordEvent, TEXT_LIMITS } from './events';
import type { Policy } from './policy';
import { timeOnDay } from './time';

export interface RoundTask {
  task: string;
  done: { by: string; at: number } | null;
}

/** upcoming: not yet due; due: to do now; overdue: past its allowance; done: every task ticked. */
export type RoundState = 'upcoming' | 'due' | 'overdue' | 'done';

export interface Round {
  day: string;
  time: string;
  dueAt: number;
  tasks: RoundTask[];
  state: RoundState;
}

/** The day's rounds by the policy, with what was ticked; arrival order does not matter. */
export function foldRounds(
  records: readonly RecordEvent[],
  policy: Policy,
  day: string,
  now: number,
): Round[] {
  const ticks = new Map<string, { by: string; at: number }>();
  for (const e of inLogOrder(records)) {
    if (e.type !== 'round.ticked' || e.data.day !== day) continue;
    const key = `${e.data.time} ${e.data.task}`;
    if (!ticks.has(key)) ticks.set(key, { by: e.data.by, at: e.at });
  }
  const grace = policy.rounds.overdueAfterMinutes * 60_000;
  return policy.rounds.times.map((time) => {
    const dueAt = timeOnDay(day, time);
    const tasks = policy.rounds.tasks.map((task) => ({
      task,
      done: ticks.get(`${time} ${task}`) ?? null,
    }));
    const state: RoundState = tasks.every((t) => t.done)
      ? 'done'
      : now < dueAt
        ? 'upcoming'
        : now < dueAt + grace
          ? 'due'
          : 'overdue';
    return { day, time, dueAt, tasks, state };
  });
}

/** Rounds past their allowance and not finished: shown to the guide and the lead. */
export function overdueRounds(rounds: readonly Round[]): Round[] {
  return rounds.filter((r) => r.state === 'overdue');
}

export type RoundTickAnswer =
  | { ok: true }
  | { ok: false; reason: 'unknown-task' }
  | { ok: false; reason: 'name-missing' }
  | { ok: false; reason: 'already-done'; by: string; at: number };

export function planRoundTick(
  rounds: readonly Round[],
  input: { time: string; task: string; by: string },
  at: number,
): { drafts: EventDraft[]; answer: RoundTickAnswer } {
  const round = rounds.find((r) => r.time === input.time);
  const task = round?.tasks.find((t) => t.task === input.task);
  if (!round || !task) return { drafts: [], answer: { ok: false, reason: 'unknown-task' } };
  if (task.done) {
    return { drafts: [], answer: { ok: false, reason: 'already-done', ...task.done } };
  }
  const by = clipText(input.by, TEXT_LIMITS.by);
  if (!by) return { drafts: [], answer: { ok: false, reason: 'name-missing' } };
  return {
    drafts: [
      { type: 'round.ticked', at, data: { day: round.day, time: round.time, task: task.task, by } },
    ],
    answer: { ok: true },
  };
}
