/**
 * The isolation area and its checklist (shared/domain.md, suspected case at the door):
 * taken to the isolation area, 120 called, ambulance arrived and handed over to a named
 * hospital, then the spots disinfected (tasks, src/domain/disinfection). Each step is
 * recorded once, with its time, and only after the step before it: a hand-over before
 * 120 was called would make the record say something that cannot have happened. The
 * hand-over is also the exit.
 */
import { clipText, type EventDraft, TEXT_LIMITS } from './events';
import type { Policy } from './policy';
import type { IsolationChecklist, Visit } from './visit';

export type IsolationStep = 'entered' | 'ambulance-called' | 'handed-over';
export const ISOLATION_STEPS: readonly IsolationStep[] = [
  'entered',
  'ambulance-called',
  'handed-over',
];

export interface IsolationCase {
  visit: Visit;
  decidedAt: number;
  inArea: boolean;
}

export interface IsolationArea {
  places: number;
  /** In the area now: taken there, not yet handed over. */
  inArea: number;
  full: boolean;
  /** Today's isolated visitors, first decided first. */
  cases: IsolationCase[];
}

export function stepTime(c: IsolationChecklist, step: IsolationStep): number | null {
  if (step === 'entered') return c.enteredAt;
  if (step === 'ambulance-called') return c.ambulanceCalledAt;
  return c.handedOver?.at ?? null;
}

/** The step that must be recorded before this one, if any. */
export function stepBefore(step: IsolationStep): IsolationStep | null {
  return ISOLATION_STEPS[ISOLATION_STEPS.indexOf(step) - 1] ?? null;
}

/** The next step to record: the first not yet recorded (null once handed over). */
export function nextIsolationStep(c: IsolationChecklist): IsolationStep | null {
  return ISOLATION_STEPS.find((step) => stepTime(c, step) === null) ?? null;
}

export function isolationArea(visits: readonly Visit[], policy: Policy): IsolationArea {
  const cases = visits
    .filter((v) => v.status === 'isolated')
    .map((visit) => ({
      visit,
      decidedAt: visit.decision?.at ?? visit.openedAt,
      inArea: visit.isolation.enteredAt !== null && !visit.isolation.handedOver && !visit.exited,
    }))
    .sort((a, b) => a.decidedAt - b.decidedAt || (a.visit.id < b.visit.id ? -1 : 1));
  const inArea = cases.filter((c) => c.inArea).length;
  return {
    places: policy.isolation.places,
    inArea,
    full: inArea >= policy.isolation.places,
    cases,
  };
}

export type IsolationRefusal =
  | { reason: 'not-isolated' }
  | { reason: 'already-recorded'; at: number }
  | { reason: 'already-handed-over'; at: number }
  | { reason: 'earlier-step-missing'; missing: IsolationStep }
  | { reason: 'hospital-missing' };

export type IsolationAnswer =
  | { ok: true; step: IsolationStep; overCapacity: boolean }
  | ({ ok: false } & IsolationRefusal);

/** Checks a checklist step against the committed visit; returns the events, or why not. */
export function planIsolationStep(
  visits: readonly Visit[],
  policy: Policy,
  visitId: string,
  step: IsolationStep,
  hospital: string,
  at: number,
): { drafts: EventDraft[]; answer: IsolationAnswer } {
  const refuse = (r: IsolationRefusal) => ({ drafts: [], answer: { ok: false as const, ...r } });
  const v = visits.find((x) => x.id === visitId);
  if (v?.status !== 'isolated') return refuse({ reason: 'not-isolated' });
  const done = stepTime(v.isolation, step);
  if (done !== null) return refuse({ reason: 'already-recorded', at: done });
  if (v.isolation.handedOver)
    return refuse({ reason: 'already-handed-over', at: v.isolation.handedOver.at });
  const missing = stepBefore(step);
  if (missing && stepTime(v.isolation, missing) === null)
    return refuse({ reason: 'earlier-step-missing', missing });
  const visit = v.id;
  const ok = (drafts: EventDraft[], overCapacity = false) => ({
    drafts,
    answer: { ok: true as const, step, overCapacity },
  });
  switch (step) {
    case 'entered': {
      const area = isolationArea(visits, policy);
      return ok([{ type: 'isolation.entered', at, visit, data: {} }], area.full);
    }
    case 'ambulance-called':
      return ok([{ type: 'isolation.ambulance-called', at, visit, data: {} }]);
    case 'handed-over': {
      const name = clipText(hospital, TEXT_LIMITS.hospital);
      if (!name) return refuse({ reason: 'hospital-missing' });
      const drafts: EventDraft[] = [
        { type: 'isolation.handed-over', at, visit, data: { hospital: name } },
      ];
      if (!v.exited) drafts.push({ type: 'visit.exited', at, visit, data: { automatic: false } });
      return ok(drafts);
    }
  }
}
