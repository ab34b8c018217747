/**
 * Retention of personal data on the tablet (policy.ledger.retentionDays). After that
 * many days a visit keeps what the counts need (times, readings, musts, verdict) and
 * loses who it was: name, ID number, phone. Only what the hall's server already holds
 * may be purged here: the server is the record, the tablet a working copy.
 */
import type { CheckpointEvent } from './events';
import { dayKey, dayStart } from './time';

/** The first day still kept: visits of earlier days are purged. */
export function retentionCutoff(today: string, retentionDays: number): string {
  const start = new Date(dayStart(today));
  start.setDate(start.getDate() - retentionDays);
  return dayKey(start.getTime());
}

/** Whether the server holds this event: pulled from it, or pushed and acknowledged. */
export function heldByServer(e: CheckpointEvent, device: string, heldSeq: number): boolean {
  return e.device !== device || e.seq <= heldSeq;
}

/**
 * The fields of each event type that hold personal data: what retention removes below,
 * and what the server encrypts at rest (server/src/personal-crypto.ts). A test checks
 * that `withoutPersonalData` empties exactly these.
 */
export const PERSONAL_FIELDS = {
  'appointment.matched': ['name', 'idNumber', 'phone'],
  'identity.confirmed': ['name', 'idNumber', 'phone'],
  'disinfection.done': ['by'],
  'incident.reported': ['person', 'note'],
  'lead.traced': ['person'],
} as const satisfies Partial<Record<CheckpointEvent['type'], readonly string[]>>;

/** The personal fields of a booking (the bookings CSV): the same three as an identity. */
export const BOOKING_PERSONAL_FIELDS = ['name', 'idNumber', 'phone'] as const;

/** The event types that can name someone: the one list retention (tablet and server) uses. */
export const PERSONAL_VISIT_TYPES = [
  'appointment.matched',
  'identity.confirmed',
] as const satisfies readonly CheckpointEvent['type'][];
/** Events of no visit that may name someone (incidents, cleaning tasks, tracings). */
export const PERSONAL_RECORD_TYPES = [
  'incident.reported',
  'disinfection.done',
  'lead.traced',
] as const satisfies readonly CheckpointEvent['type'][];
export const PERSONAL_EVENT_TYPES: readonly CheckpointEvent['type'][] = [
  ...PERSONAL_VISIT_TYPES,
  ...PERSONAL_RECORD_TYPES,
];

const GONE = '';
const NOBODY = { name: GONE, idNumber: GONE, phone: GONE };

/** The event without personal data, marked with when it was purged; other events unchanged. */
export function withoutPersonalData(e: CheckpointEvent, at: number): CheckpointEvent {
  switch (e.type) {
    case 'appointment.matched':
      return { ...e, data: { ...e.data, ...NOBODY }, purgedAt: at };
    case 'identity.confirmed':
      return { ...e, data: { ...e.data, ...NOBODY }, purgedAt: at };
    case 'disinfection.done':
      return { ...e, data: { ...e.data, by: GONE }, purgedAt: at };
    case 'incident.reported':
      // The note is free text: it may name someone.
      return { ...e, data: { ...e.data, person: null, note: null }, purgedAt: at };
    case 'lead.traced':
      return e.data.person === null ? e : { ...e, data: { ...e.data, person: null }, purgedAt: at };
    default:
      return e;
  }
}

/** Whether the event still carries personal data that retention would remove. */
export function hasPersonalData(e: CheckpointEvent): boolean {
  return e.purgedAt === undefined && withoutPersonalData(e, 0) !== e;
}
