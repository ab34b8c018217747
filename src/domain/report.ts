/**
 * The printed daily report's parts beyond the figures (src/domain/day-summary): the day's
 * cases, each with its time and what was done (for the leading group and the signature
 * of the duty staff and lead), and the hours the chart spans.
 */

import type { HourBucket } from './day-summary';
import { foldTasks } from './disinfection';
import type { IncidentKind, IncidentStep, RecordEvent, RefusalReason } from './events';
import { foldIncidents, INCIDENT_STEPS, type Incident } from './incidents';
import { ISOLATION_STEPS, type IsolationStep, stepTime } from './isolation';
import { personOf } from './ledger';
import type { Policy } from './policy';
import { maskName } from './privacy';
import type { Visit } from './visit';
import { walkedOffFebrile } from './walked-off';

export type CaseKind =
  | 'isolation'
  | 'fever-clinic'
  | 'home-observation'
  | 'refusal'
  | Exclude<IncidentKind, 'suspected-case'>;

/** One thing done about a case, with its time. */
export type CaseAction =
  | { kind: 'isolation'; step: IsolationStep; at: number; hospital?: string }
  | { kind: 'disinfected'; at: number }
  | { kind: 'incident'; step: IncidentStep; at: number };

export interface ReportCase {
  kind: CaseKind;
  at: number;
  /** Masked, as every printed page: the ledger holds the names. */
  who: string | null;
  ticket: string | null;
  temperatures: number[];
  reason: RefusalReason | null;
  done: CaseAction[];
}

/** Refusals that are cases for the report; the appointment ones are only counted. */
const CASE_REFUSALS: readonly RefusalReason[] = [
  'home-observation',
  'fever-clinic',
  'code-not-green',
  'risk-area-travel',
];

function who(v: Visit | undefined, name?: string | null): string | null {
  const person = name ?? (v && !v.purgedAt ? personOf(v)?.name : null);
  return person ? maskName(person) : null;
}

function refusalKind(reason: RefusalReason): CaseKind {
  return reason === 'fever-clinic' || reason === 'home-observation' ? reason : 'refusal';
}

function isolationActions(v: Visit, records: readonly RecordEvent[], lead?: Incident) {
  const done: CaseAction[] = ISOLATION_STEPS.flatMap((step): CaseAction[] => {
    const at = stepTime(v.isolation, step);
    if (at === null) return [];
    const hospital = step === 'handed-over' ? v.isolation.handedOver?.hospital : undefined;
    return [hospital ? { kind: 'isolation', step, at, hospital } : { kind: 'isolation', step, at }];
  });
  const tasks = foldTasks(records).filter((t) => t.cause === v.id);
  if (tasks.length > 0 && tasks.every((t) => t.done)) {
    done.push({ kind: 'disinfected', at: Math.max(...tasks.map((t) => t.done?.at ?? 0)) });
  }
  const acknowledged = lead?.steps['lead-acknowledged'];
  if (acknowledged !== undefined)
    done.push({ kind: 'incident', step: 'lead-acknowledged', at: acknowledged });
  return done.sort((a, b) => a.at - b.at);
}

function incidentActions(i: Incident | undefined): CaseAction[] {
  if (!i) return [];
  return INCIDENT_STEPS[i.kind]
    .flatMap((step): CaseAction[] => {
      const at = i.steps[step];
      return at === undefined ? [] : [{ kind: 'incident', step, at }];
    })
    .sort((a, b) => a.at - b.at);
}

/**
 * The day's cases, in time order: suspected cases, health refusals, visitors who walked off
 * with a raised reading (whether or not the tablet that recorded it raised the incident:
 * older versions did not) and incidents.
 */
export function dayCases(
  visits: readonly Visit[],
  records: readonly RecordEvent[],
  policy: Policy,
): ReportCase[] {
  const incidents = foldIncidents(records);
  const byVisit = new Map(visits.map((v) => [v.id, v]));
  const cases: ReportCase[] = [];
  for (const v of visits) {
    const base = {
      at: v.decision?.at ?? v.abandoned?.at ?? v.openedAt,
      who: who(v),
      ticket: null,
      temperatures: v.readings.map((r) => r.celsius),
    };
    if (walkedOffFebrile(v, policy)) {
      const lead = incidents.find((i) => i.kind === 'febrile-left' && i.visit === v.id);
      cases.push({ ...base, kind: 'febrile-left', reason: null, done: incidentActions(lead) });
      continue;
    }
    const outcome = v.decision?.outcome;
    if (!outcome || outcome.kind === 'admitted') continue;
    if (outcome.kind === 'isolated') {
      const lead = incidents.find((i) => i.kind === 'suspected-case' && i.visit === v.id);
      cases.push({
        ...base,
        kind: 'isolation',
        reason: null,
        done: isolationActions(v, records, lead),
      });
    } else if (CASE_REFUSALS.includes(outcome.reason)) {
      cases.push({ ...base, kind: refusalKind(outcome.reason), reason: outcome.reason, done: [] });
    }
  }
  for (const i of incidents) {
    // Listed with their visit above.
    if (i.kind === 'suspected-case' || i.kind === 'febrile-left') continue;
    const v = i.visit ? byVisit.get(i.visit) : undefined;
    const ticket = v?.decision?.outcome.kind === 'admitted' ? v.decision.outcome.ticket : null;
    cases.push({
      kind: i.kind,
      at: i.reportedAt,
      who: who(v, i.person),
      ticket,
      temperatures: [...(v?.readings.map((r) => r.celsius) ?? []), ...i.temperatures],
      reason: null,
      done: incidentActions(i),
    });
  }
  return cases.sort((a, b) => a.at - b.at);
}

const hourOf = (hhmm: string) => Number(hhmm.slice(0, 2));

/**
 * The hours the chart shows: the hall's whole day from the policy (opening to closing),
 * widened to any hour with arrivals so an early or late arrival is never dropped.
 */
export function chartHours(hours: readonly HourBucket[], policy: Policy): HourBucket[] {
  const closing = policy.ledger.closing;
  const lastOpenHour = closing.endsWith(':00') ? hourOf(closing) - 1 : hourOf(closing);
  const busy = hours.filter((h) => h.arrivals > 0).map((h) => h.hour);
  const from = Math.min(hourOf(policy.hours.opening), ...busy);
  const to = Math.max(lastOpenHour, ...busy);
  return hours.filter((h) => h.hour >= from && h.hour <= to);
}
