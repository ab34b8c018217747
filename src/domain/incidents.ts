/**
 * Incidents (shared/domain.md, the emergency procedure): a visitor who refuses the
 * measures after being asked (the duty lead is told at once, 110 is called), a staff
 * member whose temperature is abnormal (recorded, reported, stops work). Each is a fold
 * of its own events; every step is recorded once, with its time.
 */
import {
  clipText,
  type EventDraft,
  type IncidentKind,
  type IncidentReport,
  type IncidentStep,
  inLogOrder,
  type RecordEvent,
  TEXT_LIMITS,
} from './events';
import type { Policy } from './policy';
import { parseTemperatureInput } from './temperature';

export interface Incident extends IncidentReport {
  reportedAt: number;
  /** When each step was first recorded. */
  steps: Partial<Record<IncidentStep, number>>;
}

/** What is done about each kind of incident, in order. */
export const INCIDENT_STEPS: Record<IncidentKind, readonly IncidentStep[]> = {
  'refused-measures': ['lead-acknowledged', 'police-called'],
  'staff-abnormal': ['lead-acknowledged', 'stopped-work'],
  // A person sent away earlier today came back: the lead decides (police if they insist).
  returnee: ['lead-acknowledged', 'police-called'],
  // What is done about a suspected case is the isolation checklist, on the visit.
  'suspected-case': ['lead-acknowledged'],
  // The lead follows her up from her booking or identity (the report lists her readings).
  'febrile-left': ['lead-acknowledged'],
  // Staff at the door already decided (continue or refuse); the lead sees it happened.
  'shared-code': ['lead-acknowledged'],
};

/**
 * The incidents among a day's records, oldest first; arrival order does not matter. An
 * incident withdrawn by an undo at the door (the refusal was a mis-tap) is not one: it
 * stays in the ledger's events, not here.
 */
export function foldIncidents(records: readonly RecordEvent[]): Incident[] {
  const sorted = inLogOrder(records);
  const incidents = new Map<string, Incident>();
  for (const e of sorted) {
    if (e.type === 'incident.reported' && !incidents.has(e.data.incident)) {
      incidents.set(e.data.incident, { ...e.data, reportedAt: e.at, steps: {} });
    } else if (e.type === 'incident.withdrawn') {
      for (const [id, i] of incidents) {
        if (i.visit === e.data.visit && i.kind === e.data.kind) incidents.delete(id);
      }
    }
  }
  for (const e of sorted) {
    if (e.type !== 'incident.step') continue;
    const incident = incidents.get(e.data.incident);
    if (incident && incident.steps[e.data.step] === undefined) {
      incident.steps = { ...incident.steps, [e.data.step]: e.at };
    }
  }
  return [...incidents.values()];
}

/** Incidents the duty lead has not acknowledged yet: the alert on every screen. */
export function awaitingLead(incidents: readonly Incident[]): Incident[] {
  return incidents.filter((i) => i.steps['lead-acknowledged'] === undefined);
}

/**
 * The order of the lead's alert: suspected cases first (the most urgent), each group
 * newest first. The alert's one line shows the first; the list opened from it, all.
 */
export function alertOrder(open: readonly Incident[]): Incident[] {
  const urgent = (i: Incident) => Number(i.kind === 'suspected-case');
  return [...open].sort((a, b) => urgent(b) - urgent(a) || b.reportedAt - a.reportedAt);
}

export interface IncidentInput {
  kind: IncidentKind;
  visit: string | null;
  person: string;
  unit: string;
  /** As typed on the keypad; empty when not measured. */
  temperature: string;
  note: string;
}

export type IncidentRefusal =
  | { reason: 'who-missing' }
  | { reason: 'temperature'; problem: 'format' | 'implausible' }
  | { reason: 'unknown-incident' }
  | { reason: 'step-not-applicable' }
  | { reason: 'already-recorded'; at: number };

type Answer = { ok: true; incident: string } | ({ ok: false } & IncidentRefusal);

const orNull = (text: string, max: number) => clipText(text, max) || null;

export function planIncidentReport(
  input: IncidentInput,
  policy: Policy,
  newId: () => string,
  at: number,
): { drafts: EventDraft[]; answer: Answer } {
  const refuse = (r: IncidentRefusal) => ({ drafts: [], answer: { ok: false as const, ...r } });
  const person = orNull(input.person, TEXT_LIMITS.person);
  if (!person && !input.visit) return refuse({ reason: 'who-missing' });
  const temperatures: number[] = [];
  if (input.temperature.trim()) {
    const reading = parseTemperatureInput(input.temperature, policy);
    if (!reading.ok) {
      return refuse({
        reason: 'temperature',
        problem: reading.reason === 'implausible' ? 'implausible' : 'format',
      });
    }
    temperatures.push(reading.celsius);
  }
  const incident = newId();
  return {
    drafts: [
      {
        type: 'incident.reported',
        at,
        data: {
          incident,
          kind: input.kind,
          visit: input.visit,
          person,
          unit: orNull(input.unit, TEXT_LIMITS.unit),
          temperatures,
          note: orNull(input.note, TEXT_LIMITS.note),
        },
      },
    ],
    answer: { ok: true, incident },
  };
}

export function planIncidentStep(
  incidents: readonly Incident[],
  incident: string,
  step: IncidentStep,
  at: number,
): { drafts: EventDraft[]; answer: Answer } {
  const refuse = (r: IncidentRefusal) => ({ drafts: [], answer: { ok: false as const, ...r } });
  const found = incidents.find((i) => i.incident === incident);
  if (!found) return refuse({ reason: 'unknown-incident' });
  if (!INCIDENT_STEPS[found.kind].includes(step)) return refuse({ reason: 'step-not-applicable' });
  const done = found.steps[step];
  if (done !== undefined) return refuse({ reason: 'already-recorded', at: done });
  return {
    drafts: [{ type: 'incident.step', at, data: { incident, step } }],
    answer: { ok: true, incident },
  };
}
