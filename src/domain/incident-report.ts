/**
 * The facts of an incident's short report for the epidemic-prevention leading group
 * (shared/domain.md: who, which unit/window, a short description): the screen puts them
 * in words. A visitor's name is masked as on every screen but entry (the ledger has the
 * rest); a staff member is named: the report is the lead's own record of the staff.
 */
import type { IncidentKind, IncidentStep } from './events';
import { INCIDENT_STEPS, type Incident } from './incidents';
import { ISOLATION_STEPS, type IsolationStep, stepTime } from './isolation';
import { maskName } from './privacy';
import { admittedTicket, firstCall } from './queue';
import type { Visit } from './visit';

export type ReportPlace =
  | { kind: 'door' }
  | { kind: 'waiting-area' }
  | { kind: 'window'; window: number }
  | null;

export interface ReportFacts {
  kind: IncidentKind;
  reportedAt: number;
  who: string | null;
  ticket: string | null;
  place: ReportPlace;
  unit: string | null;
  temperatures: number[];
  done: { step: IncidentStep; at: number }[];
  pending: IncidentStep[];
  /** A suspected case: the isolation checklist so far (the hand-over names the hospital). */
  isolation: { step: IsolationStep; at: number; hospital?: string }[];
  note: string | null;
}

function placeOfVisit(v: Visit): ReportPlace {
  if (!admittedTicket(v)) return { kind: 'door' };
  const call = firstCall(v);
  return call ? { kind: 'window', window: call.window } : { kind: 'waiting-area' };
}

export function reportFacts(incident: Incident, visit: Visit | undefined): ReportFacts {
  const booked = visit?.appointment?.kind === 'booked' ? visit.appointment.booking.name : null;
  const name = incident.person ?? visit?.identity?.name ?? booked;
  const steps = INCIDENT_STEPS[incident.kind];
  return {
    kind: incident.kind,
    reportedAt: incident.reportedAt,
    who: name ? (incident.kind === 'staff-abnormal' ? name : maskName(name)) : null,
    ticket: visit ? admittedTicket(visit) : null,
    place: visit ? placeOfVisit(visit) : null,
    unit: incident.unit,
    temperatures: [...(visit?.readings.map((r) => r.celsius) ?? []), ...incident.temperatures],
    done: steps.flatMap((step) => {
      const at = incident.steps[step];
      return at === undefined ? [] : [{ step, at }];
    }),
    pending: steps.filter((step) => incident.steps[step] === undefined),
    note: incident.note,
    isolation: incident.kind === 'suspected-case' && visit ? isolationDone(visit) : [],
  };
}

function isolationDone(v: Visit): ReportFacts['isolation'] {
  return ISOLATION_STEPS.flatMap((step) => {
    const at = stepTime(v.isolation, step);
    if (at === null) return [];
    const hospital = step === 'handed-over' ? v.isolation.handedOver?.hospital : undefined;
    return [hospital ? { step, at, hospital } : { step, at }];
  });
}
