/**
 * The wire schema of an event, checked at every boundary an event crosses (the server's
 * push endpoint, the client's pull). It mirrors src/domain/events.ts; the type-level
 * checks at the bottom fail the build if the two drift apart.
 */
import { z } from 'zod';
// Before any schema parses: the CSP forbids eval.
import './zod-jitless';
import { CAMERA_PROBLEMS, LEGACY_CAMERA_FAILURES } from '../domain/camera';
import { SEEN_COLOURS } from '../domain/codes/code-colour';
import { EXCERPT_MAX } from '../domain/codes/excerpt';
import { type CheckpointEvent, INCIDENT_KINDS, TEXT_LIMITS as max } from '../domain/events';

const text = (max: number) => z.string().min(1).max(max);
const symptoms = z.strictObject({ cough: z.boolean(), breathing: z.boolean(), other: z.boolean() });
const refusal = z.enum([
  'no-appointment',
  'too-early',
  'too-late',
  'home-observation',
  'fever-clinic',
  'code-not-green',
  'risk-area-travel',
  'mask-refused',
  'identity-refused',
  'returnee',
]);
const must = z.enum([
  'appointment',
  'mask',
  'temperature',
  'recheck',
  'identity',
  'health-code',
  'travel-code',
]);
const outcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('admitted'), ticket: text(16) }),
  z.strictObject({ kind: z.literal('refused'), reason: refusal }),
  z.strictObject({ kind: z.literal('isolated') }),
]);

/** How a code was checked (domain CodeCheck), alongside what staff confirmed. */
const codeCheck = <F extends z.core.$ZodLooseShape>(fields: F) =>
  z.discriminatedUnion('method', [
    z.strictObject({ ...fields, method: z.literal('manual') }),
    z.strictObject({
      ...fields,
      method: z.literal('scan'),
      issuer: text(64),
      payloadHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
      // The ellipsis that marks a cut excerpt comes on top of EXCERPT_MAX.
      excerpt: z.string().max(EXCERPT_MAX + 1),
      verified: z.boolean(),
      verifier: text(64).optional(),
    }),
  ]);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');
const count = z.number().int().nonnegative();

const windowNumber = z.number().int().min(1).max(999);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
/** The event's link in its device's hash chain (src/domain/chain.ts). */
const chainLink = z.strictObject({
  prev: sha256,
  hash: sha256,
  pc: sha256.optional(),
  salt: z
    .string()
    .regex(/^[0-9a-f]{32}$/, '16 bytes in hex')
    .optional(),
});

const baseMeta = {
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID'),
  site: text(64),
  device: text(64),
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  /** Device minus server clock known when written (src/domain/clock.ts), within a year. */
  clockOffset: z
    .number()
    .int()
    .min(-366 * 86_400_000)
    .max(366 * 86_400_000)
    .optional(),
  actor: text(64).optional(),
  visit: text(64).optional(),
  v: z.literal(1),
  chain: chainLink.optional(),
};

/**
 * `purged`: the form the server serves once retention removed personal data (names, ID
 * numbers and phones are empty, `purgedAt` says when). A push carries it only to a server restored from an older copy (issue 22).
 */
function eventFactory(purged: boolean) {
  const meta = purged ? { ...baseMeta, purgedAt: z.number().int().nonnegative() } : baseMeta;
  return <T extends string, D extends z.ZodType>(type: T, data: D) =>
    z.strictObject({ ...meta, type: z.literal(type), data });
}
type EventFactory = ReturnType<typeof eventFactory>;

/** A name, ID number or phone: required, or emptied by retention. */
const personalText = (purged: boolean) => (max: number) =>
  purged ? z.string().max(max) : text(max);

function buildEventSchema(purged: boolean) {
  const event = eventFactory(purged);
  const personal = personalText(purged);
  const identity = { name: personal(60), idNumber: personal(18), phone: personal(20) };

  return z.discriminatedUnion('type', [
    event('visit.opened', z.strictObject({ policyVersion: text(32) })),
    event(
      'appointment.matched',
      z.strictObject({
        ...identity,
        bookingId: text(64),
        slotStart: z.number().int(),
        slotEnd: z.number().int(),
        matter: text(200).optional(),
      }),
    ),
    event('appointment.walk-in', z.strictObject({ urgent: z.boolean() })),
    event('mask.checked', z.strictObject({ status: z.enum(['worn', 'given', 'refused']) })),
    event('hands.disinfected', z.strictObject({})),
    event(
      'temperature.measured',
      z.strictObject({
        celsius: z.number().finite(),
        source: z.enum(['preset', 'keypad', 'ble', 'wedge']),
        device: z.strictObject({ id: text(128), name: z.string().max(64) }).optional(),
      }),
    ),
    event('symptoms.reported', symptoms),
    event(
      'temperature.rest-skipped',
      z.strictObject({ reason: z.enum(['visitor-cannot-wait', 'staff-decision']) }),
    ),
    event(
      'identity.confirmed',
      z.strictObject({ ...identity, source: z.enum(['booking', 'typed', 'card']) }),
    ),
    event('identity.refused', z.strictObject({})),
    event(
      'returnee.flagged',
      z.strictObject({
        visit: text(64),
        at: z.number().int().nonnegative(),
        verdict: z.enum(['home-observation', 'fever-clinic', 'isolated']),
        by: z.enum(['id-number', 'phone', 'booking']),
      }),
    ),
    event(
      'health-code.checked',
      codeCheck({
        colour: z.enum(['green', 'yellow', 'red']),
        colourSeen: z.enum(SEEN_COLOURS).optional(),
      }),
    ),
    event('travel-code.checked', codeCheck({ riskArea: z.boolean() })),
    event('visit.decided', z.strictObject({ outcome, policyVersion: text(32) })),
    event(
      'visit.abandoned',
      z.strictObject({ reason: z.enum(['left', 'refused-measures', 'discarded-draft']) }),
    ),
    event('visit.reopened', z.strictObject({ must })),
    event('visit.exited', z.strictObject({ automatic: z.boolean() })),
    event('device.offline', z.strictObject({})),
    event('device.online', z.strictObject({ offlineForMs: z.number().nonnegative().nullable() })),
    event(
      'device.storage-low',
      z.strictObject({ usage: z.number().nonnegative(), quota: z.number().nonnegative() }),
    ),
    event('device.persistence-refused', z.strictObject({})),
    event('device.clock-skew', z.strictObject({ skewMs: z.number() })),
    event(
      'device.camera-failed',
      z.strictObject({
        reason: z.enum([...CAMERA_PROBLEMS, ...LEGACY_CAMERA_FAILURES]),
      }),
    ),
    event(
      'device.pin-locked-out',
      z.strictObject({
        secret: text(32),
        failures: z.number().int().nonnegative(),
        until: z.number(),
      }),
    ),
    event('device.kiosk-changed', z.strictObject({ kiosk: z.boolean() })),
    event('device.idle-reset', z.strictObject({ draft: text(64).nullable() })),
    event('device.app-updated', z.strictObject({ from: text(32), to: text(32) })),
    event(
      'device.take-over-skipped',
      z.strictObject({ enrolledAt: z.number().int().nonnegative() }),
    ),
    event(
      'device.data-purged',
      z.strictObject({
        before: day,
        visits: count,
        events: count,
        bookings: count,
      }),
    ),
    event(
      'lead.exported',
      z.strictObject({
        what: z.enum(['ledger', 'contacts', 'report', 'staff']),
        format: z.enum(['csv', 'xlsx', 'print']),
        day,
        rows: count,
      }),
    ),
    event(
      'lead.traced',
      z.strictObject({
        visit: text(64).nullable(),
        person: text(max.person).nullable(),
        from: z.number().int().nonnegative(),
        to: z.number().int().nonnegative(),
        marginMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
        contacts: count,
      }),
    ),
    event('lead.revealed', z.strictObject({ day })),
    event('queue.called', z.strictObject({ window: windowNumber, priority: z.boolean() })),
    event('queue.recalled', z.strictObject({ window: windowNumber })),
    event('queue.no-show', z.strictObject({ calls: z.number().int().positive() })),
    event('queue.served', z.strictObject({ window: windowNumber })),
    event('isolation.entered', z.strictObject({})),
    event('isolation.ambulance-called', z.strictObject({})),
    event('isolation.handed-over', z.strictObject({ hospital: text(max.hospital) })),
    event(
      'disinfection.requested',
      z.strictObject({
        task: text(64),
        spot: z.enum(['temperature-point', 'isolation-area']),
        cause: text(64).nullable(),
      }),
    ),
    event('disinfection.done', z.strictObject({ task: text(64), by: personal(max.by) })),
    event(
      'incident.reported',
      z.strictObject({
        incident: text(64),
        kind: z.enum(INCIDENT_KINDS),
        visit: text(64).nullable(),
        person: text(max.person).nullable(),
        unit: text(max.unit).nullable(),
        temperatures: z.array(z.number().finite()).max(20),
        note: text(max.note).nullable(),
      }),
    ),
    event(
      'incident.step',
      z.strictObject({
        incident: text(64),
        step: z.enum(['lead-acknowledged', 'police-called', 'stopped-work']),
      }),
    ),
    event(
      'incident.withdrawn',
      z.strictObject({
        visit: text(64),
        kind: z.enum(INCIDENT_KINDS),
      }),
    ),
    ...hallEvents(event, personal),
  ]);
}

const id = text(64);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const quantity = z.number().int().positive().max(1_000_000);
const item = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'an item key, e.g. masks');

/** The rest of the hall's plan (domain HallEventBody): staff, rounds, supplies, closure. */
function hallEvents(event: EventFactory, personal: ReturnType<typeof personalText>) {
  const staffName = { staff: id, name: personal(max.person) };
  return [
    event(
      'staff.added',
      z.strictObject({
        staff: id,
        name: text(max.person),
        post: text(max.post).nullable(),
        window: windowNumber.nullable(),
      }),
    ),
    event('staff.removed', z.strictObject({ staff: id })),
    event(
      'staff.measured',
      z.strictObject({
        ...staffName,
        slot: clock,
        celsius: z.number().finite(),
        source: z.enum(['preset', 'keypad']),
      }),
    ),
    event('staff.stood-down', z.strictObject({ ...staffName, incident: id })),
    event('staff.cleared', z.strictObject(staffName)),
    event('round.ticked', z.strictObject({ day, time: clock, task: item, by: personal(max.by) })),
    event('supplies.received', z.strictObject({ item, quantity })),
    event('supplies.issued', z.strictObject({ item, quantity })),
    event(
      'supplies.counted',
      z.strictObject({ item, quantity: z.number().int().min(0).max(1_000_000) }),
    ),
    event(
      'hall.suspended',
      z.strictObject({
        closure: id,
        reason: z.enum(['staff-isolating', 'area-contaminated', 'other']),
        channels: z.array(z.enum(['online', 'phone', 'appointment'])).max(3),
        note: text(max.note).nullable(),
      }),
    ),
    event('hall.reopened', z.strictObject({ closure: id })),
    event('hall.turned-away', z.strictObject({ closure: id })),
  ] as const;
}

/** An event as a tablet pushes it and as the server stores it. */
export const eventSchema = buildEventSchema(false);
/** An event the server purged of personal data (pull only). */
export const purgedEventSchema = buildEventSchema(true);

/** What a pull may bring: an event as pushed, or as purged by the server's retention. */
export function pulledEventSchema(e: unknown) {
  return typeof e === 'object' && e !== null && 'purgedAt' in e ? purgedEventSchema : eventSchema;
}

type Wire = z.infer<typeof eventSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Both must hold: every event type in the domain has a wire schema, and nothing else does.
const _wireIsDomain: Same<Wire['type'], CheckpointEvent['type']> = true;
const _wireFits: Wire extends CheckpointEvent ? true : false = true;
// And the reverse: every event the domain can make passes the wire (a scanned code once did not).
const _domainFits: CheckpointEvent extends Wire ? true : false = true;
void _wireIsDomain;
void _wireFits;
void _domainFits;
