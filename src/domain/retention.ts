/**
 * Retention of personal data on the tablet (policy.ledger.retentionDays). After that
 * many days a visit keeps what the counts need (times, readings, musts, verdict) and
 * loses who it was: name, ID number, phone. Only what the hall's server already holds
 * may be purged here: the server is the record, the tablet a working copy.
 */
import { canonicalJson } from './canonical-json';
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
 * and what the server encrypts at rest (server/src/personal/personal-crypto.ts). A test checks
 * that `withoutPersonalData` empties exactly these.
 */
export const PERSONAL_FIELDS = {
  'appointment.matched': ['name', 'idNumber', 'phone'],
  'identity.confirmed': ['name', 'idNumber', 'phone'],
  'disinfection.done': ['by'],
  'incident.reported': ['person', 'note'],
  'lead.traced': ['person'],
  'staff.measured': ['name'],
  'staff.stood-down': ['name'],
  'staff.cleared': ['name'],
  'round.ticked': ['by'],
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
  'staff.measured',
  'staff.stood-down',
  'staff.cleared',
  'round.ticked',
] as const satisfies readonly CheckpointEvent['type'][];
export const PERSONAL_EVENT_TYPES: readonly CheckpointEvent['type'][] = [
  ...PERSONAL_VISIT_TYPES,
  ...PERSONAL_RECORD_TYPES,
];
// The two descriptions of "which events name someone" agree both ways, or the build fails.
type PersonalTypes = (typeof PERSONAL_VISIT_TYPES)[number] | (typeof PERSONAL_RECORD_TYPES)[number];
const _fieldsCoverTypes: Record<PersonalTypes, readonly string[]> = {} as typeof PERSONAL_FIELDS;
const _typesCoverFields: Record<keyof typeof PERSONAL_FIELDS, true> = {} as Record<
  PersonalTypes,
  true
>;
void _fieldsCoverTypes;
void _typesCoverFields;

const GONE = '';
const NOBODY = { name: GONE, idNumber: GONE, phone: GONE };

/**
 * The event with `data` in place of its own, marked purged at `at`, without the salt of
 * its chain commitment (src/domain/chain.ts): `pc` stays, so the chain still verifies,
 * and with the salt gone it can no longer be tested against a guessed name.
 */
function purged<E extends CheckpointEvent>(e: E, data: E['data'], at: number): E {
  const { chain, ...rest } = e;
  if (!chain) return { ...rest, data, purgedAt: at } as E;
  const { salt: _salt, ...link } = chain;
  return { ...rest, chain: link, data, purgedAt: at } as E;
}

/** The event without personal data, marked with when it was purged; other events unchanged. */
export function withoutPersonalData(e: CheckpointEvent, at: number): CheckpointEvent {
  switch (e.type) {
    case 'appointment.matched':
      return purged(e, { ...e.data, ...NOBODY }, at);
    case 'identity.confirmed':
      return purged(e, { ...e.data, ...NOBODY }, at);
    case 'disinfection.done':
      return purged(e, { ...e.data, by: GONE }, at);
    case 'incident.reported':
      // The note is free text: it may name someone.
      return purged(e, { ...e.data, person: null, note: null }, at);
    case 'staff.measured':
      return purged(e, { ...e.data, name: GONE }, at);
    case 'staff.stood-down':
      return purged(e, { ...e.data, name: GONE }, at);
    case 'staff.cleared':
      return purged(e, { ...e.data, name: GONE }, at);
    case 'round.ticked':
      return purged(e, { ...e.data, by: GONE }, at);
    case 'lead.traced':
      return e.data.person === null ? e : purged(e, { ...e.data, person: null }, at);
    default:
      return e;
  }
}

/** Whether the event still carries personal data that retention would remove. */
export function hasPersonalData(e: CheckpointEvent): boolean {
  return e.purgedAt === undefined && withoutPersonalData(e, 0) !== e;
}

/**
 * Whether an event marked purged is exactly what the purge (`withoutPersonalData`) leaves
 * of it: an event of a type with personal fields, those fields emptied, no salt, nothing
 * else changed. The server refuses a pushed `purgedAt` that is anything more
 * (src/domain/event-content.ts): a mark that would otherwise keep a name past retention.
 */
export function isAsPurged(e: CheckpointEvent): boolean {
  if (e.purgedAt === undefined || !(e.type in PERSONAL_FIELDS)) return false;
  return canonicalJson(withoutPersonalData(e, e.purgedAt)) === canonicalJson(e);
}
