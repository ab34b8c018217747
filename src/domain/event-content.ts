/**
 * What an event may contain beyond its shape (the wire schema checks the shape): the
 * same rules the door applies when staff type, applied to every event the tablet records
 * and to every event the server receives. The tablet never records an event that fails
 * here, so the server refusing one means another client, a bug or an attack.
 */
import type { CheckpointEvent } from './events';
import { validateIdNumber } from './id-number';
import { validatePhone } from './phone';
import { isAsPurged } from './retention';

/**
 * The range any reading of a living person falls in. Not a policy threshold: every
 * policy's plausible range must lie inside it (src/protocol/policy-schema.ts).
 */
export const READING_LIMITS_C = { min: 30, max: 45 } as const;

export type ContentProblem =
  | 'id-number'
  | 'phone'
  | 'temperature'
  | 'control-character'
  | 'bidi-override'
  | 'lone-surrogate'
  /** Marked purged, yet not what the purge leaves (a name, a salt, a type with nothing to purge). */
  | 'not-purged';

export interface ContentRefusal {
  problem: ContentProblem;
  /** Where in the event, e.g. `data.idNumber`. */
  field: string;
}

// C0 and C1 controls except tab and line feed (a note may have lines), and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates reorder what a reader sees (Trojan Source). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of text typed or scanned at the door, if anything. */
export function textProblem(text: string): ContentProblem | null {
  if (CONTROL.test(text)) return 'control-character';
  if (BIDI.test(text)) return 'bidi-override';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return null;
}

function stringsOf(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k));
  return [];
}

const plausible = (c: number) =>
  Number.isFinite(c) && c >= READING_LIMITS_C.min && c <= READING_LIMITS_C.max;

/**
 * The first problem of the event's content, or null. `now` dates the ID number's birth
 * date check. An event marked purged must be exactly what the purge leaves
 * (`isAsPurged`, the purge's own function): then its emptied identity fields are not
 * checked as an ID number and a phone, and its other fields are, as for any event.
 */
export function eventContentRefusal(e: CheckpointEvent, now: number): ContentRefusal | null {
  if (e.purgedAt !== undefined && !isAsPurged(e))
    return { problem: 'not-purged', field: 'purgedAt' };
  for (const [field, text] of stringsOf({ actor: e.actor, visit: e.visit, data: e.data }, '')) {
    const problem = textProblem(text);
    if (problem) return { problem, field };
  }
  switch (e.type) {
    case 'appointment.matched':
    case 'identity.confirmed': {
      if (e.purgedAt !== undefined) return null;
      const id = validateIdNumber(e.data.idNumber, now);
      if (!id.ok || id.value !== e.data.idNumber)
        return { problem: 'id-number', field: 'data.idNumber' };
      const phone = validatePhone(e.data.phone);
      if (!phone.ok || phone.value !== e.data.phone)
        return { problem: 'phone', field: 'data.phone' };
      return null;
    }
    case 'temperature.measured':
      return plausible(e.data.celsius) ? null : { problem: 'temperature', field: 'data.celsius' };
    case 'incident.reported': {
      const i = e.data.temperatures.findIndex((c) => !plausible(c));
      return i < 0 ? null : { problem: 'temperature', field: `data.temperatures.${i}` };
    }
    default:
      return null;
  }
}
