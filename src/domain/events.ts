import type { CameraProblem, LegacyCameraFailure } from './camera';
import type { SeenColour } from './codes/code-colour';
import type { HealthCodeColour } from './policy';

/**
 * An event's link in its device's hash chain. `hash` covers the event without its
 * personal fields, `salt` and `purgedAt` (src/domain/chain.ts says exactly what);
 * `pc` commits to the personal fields, so a purge (which drops them and the salt) keeps
 * the chain verifiable.
 */
export interface ChainLink {
  /** The hash of the device's event at seq - 1, or GENESIS where the chain starts. */
  prev: string;
  /** This event's own hash (not part of what it hashes). */
  hash: string;
  /** sha256(salt ‖ canonical JSON of the personal fields), on event types that have them. */
  pc?: string;
  /** Random, drawn at creation; removed with the personal fields by retention. */
  salt?: string;
}

/**
 * The append-only event log (shared/architecture.md). Every action at the door is one
 * immutable event; a correction is a new event. Visit state is a fold over them.
 */
export interface EventMeta {
  /** ULID made on the device: unique, sortable. */
  id: string;
  site: string;
  device: string;
  /** Per-device counter, gap-free. */
  seq: number;
  /** Device clock, ms since epoch. Never the order of one device's events: `seq` is. */
  at: number;
  /**
   * Device clock minus the server's as this tablet knew it when writing (src/domain/clock),
   * ms; absent when it had never seen the server. `at - clockOffset` is the checked time.
   */
  clockOffset?: number;
  actor?: string;
  visit?: string;
  v: 1;
  /**
   * The device's hash chain (src/domain/chain.ts): absent on events of app versions
   * before the chain, whose device chain starts at its first chained event.
   */
  chain?: ChainLink;
  /**
   * When this tablet removed the event's personal data (retention, src/domain/retention).
   * Only events the server already holds are purged, so such an event never travels.
   */
  purgedAt?: number;
}

export interface Identity {
  name: string;
  idNumber: string;
  phone: string;
}

export interface BookingRef extends Identity {
  bookingId: string;
  slotStart: number;
  slotEnd: number;
  matter?: string;
}

export type Symptoms = { cough: boolean; breathing: boolean; other: boolean };

export type RefusalReason =
  | 'no-appointment'
  | 'too-early'
  | 'too-late'
  | 'home-observation'
  | 'fever-clinic'
  | 'code-not-green'
  | 'risk-area-travel'
  /** Refused a mask at the door (the duty lead and 110 are told: an incident). */
  | 'mask-refused'
  /** Would not give name, ID number and phone (an incident, like any refused measure). */
  | 'identity-refused'
  /** Sent home, to the fever clinic or isolated earlier today (policy.returnee). */
  | 'returnee';

/** The musts a refusal can be undone back to (the visit reopens there). */
export type ReopenedMust =
  | 'appointment'
  | 'mask'
  | 'temperature'
  | 'recheck'
  | 'identity'
  | 'health-code'
  | 'travel-code';

/** An earlier verdict of today that sends a returning visitor away (the returnee check). */
export interface ReturneeMatch {
  visit: string;
  at: number;
  verdict: 'home-observation' | 'fever-clinic' | 'isolated';
  /** What matched: the ID number, the phone or the booking. */
  by: 'id-number' | 'phone' | 'booking';
}

export type Outcome =
  | { kind: 'admitted'; ticket: string }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'isolated' };

/**
 * How a health or travel code was checked. A scan stores a fingerprint of the payload
 * (SHA-256), a short non-personal excerpt and whether an offline verifier vouched for
 * it; the colour or risk is always what staff confirmed (src/domain/codes).
 */
export type CodeCheck =
  | { method: 'manual' }
  | {
      method: 'scan';
      issuer: string;
      payloadHash: string;
      excerpt: string;
      verified: boolean;
      verifier?: string;
    };

/**
 * Where a confirmed identity came from: the booking (staff compared it with the card),
 * typed, or 'card': the number read off the card (camera or keyboard-mode reader) and
 * checked (src/domain/card-read.ts), matched with the booking's or filling the form.
 */
export type IdentitySource = 'booking' | 'typed' | 'card';

export type EventBody =
  | { type: 'visit.opened'; data: { policyVersion: string } }
  | { type: 'appointment.matched'; data: BookingRef }
  | { type: 'appointment.walk-in'; data: { urgent: boolean } }
  /** 'given': a free mask from the hall's stock (counted); 'refused': would not wear one. */
  | { type: 'mask.checked'; data: { status: 'worn' | 'given' | 'refused' } }
  | { type: 'hands.disinfected'; data: Record<string, never> }
  | { type: 'temperature.measured'; data: TemperatureMeasured }
  | { type: 'symptoms.reported'; data: Symptoms }
  /** A re-check before the rest is over, and why (the rest is otherwise enforced). */
  | { type: 'temperature.rest-skipped'; data: { reason: RestSkipReason } }
  | { type: 'identity.confirmed'; data: Identity & { source: IdentitySource } }
  /** The visitor would not give their identity: recorded, and the duty lead is told. */
  | { type: 'identity.refused'; data: Record<string, never> }
  /** The door found an earlier verdict of today for the same person. */
  | { type: 'returnee.flagged'; data: ReturneeMatch }
  /**
   * `colour` is what staff confirmed, and what counts. `colourSeen`: the colour the
   * camera read from the code's modules and offered (src/domain/codes/code-colour.ts),
   * kept beside it so a disagreement stays on record.
   */
  | {
      type: 'health-code.checked';
      data: { colour: HealthCodeColour; colourSeen?: SeenColour } & CodeCheck;
    }
  | { type: 'travel-code.checked'; data: { riskArea: boolean } & CodeCheck }
  | { type: 'visit.decided'; data: { outcome: Outcome; policyVersion: string } }
  | { type: 'visit.abandoned'; data: { reason: AbandonReason } }
  /**
   * Undo of a refusal (a mis-tap): the decision stays in the log, the visit is open
   * again at `must`, whose earlier answer no longer counts.
   */
  | { type: 'visit.reopened'; data: { must: ReopenedMust } }
  /** The visitor left the hall (contact tracing needs every exit time); `automatic` at closing. */
  | { type: 'visit.exited'; data: { automatic: boolean } }
  /** Called to a window: `priority` when a guide chose this ticket (elderly, disabled). */
  | { type: 'queue.called'; data: { window: number; priority: boolean } }
  | { type: 'queue.recalled'; data: { window: number } }
  /** Did not come after `calls` calls: the ticket is void. */
  | { type: 'queue.no-show'; data: { calls: number } }
  | { type: 'queue.served'; data: { window: number } }
  /** The isolation checklist (shared/domain.md, suspected case at the door). */
  | { type: 'isolation.entered'; data: Record<string, never> }
  | { type: 'isolation.ambulance-called'; data: Record<string, never> }
  | { type: 'isolation.handed-over'; data: { hospital: string } }
  /** Events below belong to no visit (no `visit` in their meta): tasks and incidents. */
  | {
      type: 'disinfection.requested';
      data: { task: string; spot: DisinfectionSpot; cause: string | null };
    }
  | { type: 'disinfection.done'; data: { task: string; by: string } }
  | { type: 'incident.reported'; data: IncidentReport }
  | { type: 'incident.step'; data: { incident: string; step: IncidentStep } }
  /**
   * An undo at the door took back what raised the visit's incidents of `kind` (a refusal
   * tapped by mistake): those reported before it are withdrawn, on every tablet.
   */
  | { type: 'incident.withdrawn'; data: { visit: string; kind: IncidentKind } }
  | HallEventBody;

/**
 * The rest of the hall's plan (shared/domain.md, "Staff, cleaning and supplies"): the
 * staff list and its health checks, routine disinfection rounds, supplies, and closing
 * on-site service. They belong to no visit; each is a fold of its own events
 * (src/domain/staff-health.ts, rounds.ts, supplies.ts, closure.ts).
 */
export type HallEventBody =
  /** The lead adds a staff member to the hall's list; `window` closes when they are off duty. */
  | {
      type: 'staff.added';
      data: { staff: string; name: string; post: string | null; window: number | null };
    }
  | { type: 'staff.removed'; data: { staff: string } }
  /**
   * A staff reading for one of the policy's check times (`slot`, "HH:MM"). The name is
   * copied so the day's record reads alone; retention removes it with the visitors' names.
   */
  | {
      type: 'staff.measured';
      data: {
        staff: string;
        name: string;
        slot: string;
        celsius: number;
        source: 'preset' | 'keypad';
      };
    }
  /** An abnormal re-check: the person stops work until the lead clears them. */
  | { type: 'staff.stood-down'; data: { staff: string; name: string; incident: string } }
  | { type: 'staff.cleared'; data: { staff: string; name: string } }
  /** One task of a routine round (the round of `day` at `time`) done, by whom. */
  | { type: 'round.ticked'; data: { day: string; time: string; task: string; by: string } }
  | { type: 'supplies.received'; data: { item: string; quantity: number } }
  | { type: 'supplies.issued'; data: { item: string; quantity: number } }
  /** A stock count: the correction that sets the stock to what is on the shelf. */
  | { type: 'supplies.counted'; data: { item: string; quantity: number } }
  | {
      type: 'hall.suspended';
      data: {
        closure: string;
        reason: ClosureReason;
        channels: ServiceChannel[];
        note: string | null;
      };
    }
  | { type: 'hall.reopened'; data: { closure: string } }
  /** A person the door turned away while on-site service was suspended. */
  | { type: 'hall.turned-away'; data: { closure: string } };

export type ClosureReason = 'staff-isolating' | 'area-contaminated' | 'other';
export type ServiceChannel = 'online' | 'phone' | 'appointment';

/** Longest free texts an event may carry (the wire schema refuses longer ones). */
export const TEXT_LIMITS = {
  person: 60,
  unit: 100,
  note: 500,
  hospital: 100,
  by: 60,
  post: 60,
} as const;

/** Trimmed and cut to `max` characters, so an event never fails the wire schema. */
export function clipText(text: string, max: number): string {
  return text.trim().slice(0, max).trim();
}

export type RestSkipReason = 'visitor-cannot-wait' | 'staff-decision';

/**
 * How a visitor's reading came in: a one-touch preset, the keypad, a Bluetooth
 * thermometer (which one: `device`) or a keyboard-wedge thermometer. Older events
 * carry only 'preset' or 'keypad'.
 */
export type TemperatureSource = 'preset' | 'keypad' | 'ble' | 'wedge';
export interface TemperatureMeasured {
  celsius: number;
  source: TemperatureSource;
  /** The Bluetooth thermometer, when source is 'ble'. */
  device?: { id: string; name: string };
}

export type DisinfectionSpot = 'temperature-point' | 'isolation-area';

/**
 * 'suspected-case': a visitor sent to the isolation area, opened with the verdict so that
 * the duty lead is told on every screen until acknowledged (the checklist is the visit's).
 * 'returnee': a person turned away for health earlier today came back.
 * 'febrile-left': a visitor whose first reading was raised walked off before the re-check
 * decided (the lead has her booking or identity to follow her up).
 */
export const INCIDENT_KINDS = [
  'refused-measures',
  'staff-abnormal',
  'returnee',
  'suspected-case',
  'febrile-left',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What was done about an incident, each recorded once with its time. */
export type IncidentStep = 'lead-acknowledged' | 'police-called' | 'stopped-work';

export interface IncidentReport {
  incident: string;
  kind: IncidentKind;
  /** The visitor concerned, if any: who and their temperatures come from the visit. */
  visit: string | null;
  /** Who, when not a visitor (a staff member), as told. */
  person: string | null;
  /** Unit or window, as told (e.g. "社保 3号窗口"). */
  unit: string | null;
  /** Readings taken for this incident (a staff member's), °C. */
  temperatures: number[];
  note: string | null;
}

/** Event types that belong to no visit: the day's tasks and incidents. */
export const RECORD_TYPES = [
  'disinfection.requested',
  'disinfection.done',
  'incident.reported',
  'incident.step',
  'incident.withdrawn',
  'staff.added',
  'staff.removed',
  'staff.measured',
  'staff.stood-down',
  'staff.cleared',
  'round.ticked',
  'hall.suspended',
  'hall.reopened',
  'hall.turned-away',
] as const satisfies readonly EventBody['type'][];

/**
 * Records whose fold spans every day, not one: the staff list and who is off duty, and
 * whether on-site service is suspended. Few, so the day's state reads them from the start.
 * Supplies (one issue per free mask) are read on their own (src/domain/supplies.ts).
 */
export const HALL_TYPES = [
  'staff.added',
  'staff.removed',
  'staff.stood-down',
  'staff.cleared',
  'hall.suspended',
  'hall.reopened',
] as const satisfies readonly RecordType[];
export type HallType = (typeof HALL_TYPES)[number];
export type HallEvent = Extract<CheckpointEvent, { type: HallType }>;

export function isHallEvent(e: CheckpointEvent): e is HallEvent {
  return (HALL_TYPES as readonly string[]).includes(e.type);
}
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordEvent = Extract<CheckpointEvent, { type: RecordType }>;

export function isRecordEvent(e: CheckpointEvent): e is RecordEvent {
  return (RECORD_TYPES as readonly string[]).includes(e.type);
}

/**
 * Why a visit ended without a verdict. 'discarded-draft': the door was reset for
 * idleness mid-visit and the next staff member chose not to resume it.
 */
export type AbandonReason = 'left' | 'refused-measures' | 'discarded-draft';

/** How a camera failed to start (device health): domain/camera.ts, or a code of older tablets. */
export type CameraFailure = CameraProblem | LegacyCameraFailure;

/** What the shift lead took off the tablet: the day's ledger, a contact list, the report. */
export type ExportKind = 'ledger' | 'contacts' | 'report' | 'staff';
export type ExportFormat = 'csv' | 'xlsx' | 'print';

/**
 * Events about the tablet itself, not about a visitor: they carry no `visit` and
 * take their `seq` from the same per-device counter, so the ledger shows when the
 * device was offline, short of storage, left kiosk mode, and so on. The shift lead's
 * handling of personal data is recorded the same way (`lead.*`, actor 'lead'): who
 * exported or traced what, when, on which tablet; and so is the retention purge.
 */
export type DeviceEventBody =
  | { type: 'device.offline'; data: Record<string, never> }
  | { type: 'device.online'; data: { offlineForMs: number | null } }
  | { type: 'device.storage-low'; data: { usage: number; quota: number } }
  | { type: 'device.persistence-refused'; data: Record<string, never> }
  | { type: 'device.clock-skew'; data: { skewMs: number } }
  | { type: 'device.camera-failed'; data: { reason: CameraFailure } }
  | { type: 'device.pin-locked-out'; data: { secret: string; failures: number; until: number } }
  | { type: 'device.kiosk-changed'; data: { kiosk: boolean } }
  | { type: 'device.idle-reset'; data: { draft: string | null } }
  | { type: 'device.app-updated'; data: { from: string; to: string } }
  /**
   * The lead let the door start before the tablet, enrolled at `enrolledAt`, had taken
   * over the day from the server (unreachable): tickets may repeat another tablet's.
   */
  | { type: 'device.take-over-skipped'; data: { enrolledAt: number } }
  /** Personal data of visits before `before` (a day) was removed here; the server holds it. */
  | {
      type: 'device.data-purged';
      data: { before: string; visits: number; events: number; bookings: number };
    }
  | {
      type: 'lead.exported';
      data: { what: ExportKind; format: ExportFormat; day: string; rows: number };
    }
  /** A contact tracing: of a visit, or of a staff member (`person`) over a time window. */
  | {
      type: 'lead.traced';
      data: {
        visit: string | null;
        person: string | null;
        from: number;
        to: number;
        marginMinutes: number;
        contacts: number;
      };
    }
  /** The lead chose to see the day's names, ID numbers and phones unmasked. */
  | { type: 'lead.revealed'; data: { day: string } };

export type DeviceEventType = DeviceEventBody['type'];

/** What the lead's record of personal data shows: the lead's actions and the purges. */
export const PRIVACY_TYPES = [
  'lead.exported',
  'lead.traced',
  'lead.revealed',
  'device.data-purged',
] as const satisfies readonly DeviceEventType[];
export type PrivacyEvent = Extract<DeviceEvent, { type: (typeof PRIVACY_TYPES)[number] }>;

const DEVICE_EVENT_TYPES: Record<DeviceEventType, true> = {
  'device.offline': true,
  'device.online': true,
  'device.storage-low': true,
  'device.persistence-refused': true,
  'device.clock-skew': true,
  'device.camera-failed': true,
  'device.pin-locked-out': true,
  'device.kiosk-changed': true,
  'device.idle-reset': true,
  'device.app-updated': true,
  'device.take-over-skipped': true,
  'device.data-purged': true,
  'lead.exported': true,
  'lead.traced': true,
  'lead.revealed': true,
};

export type EventType = EventBody['type'] | DeviceEventType;
export type VisitEvent = EventMeta & EventBody;
export type DeviceEvent = EventMeta & DeviceEventBody;
export type CheckpointEvent = VisitEvent | DeviceEvent;

export function isDeviceEvent(e: CheckpointEvent): e is DeviceEvent {
  return Object.hasOwn(DEVICE_EVENT_TYPES, e.type);
}

export function isVisitEvent(e: CheckpointEvent): e is VisitEvent {
  return !isDeviceEvent(e);
}

/** What a caller supplies; the storage layer adds id, seq, site, device. */
export type EventDraft = EventBody & { at: number; visit?: string; actor?: string };
export type DeviceEventDraft = DeviceEventBody & { at: number; actor?: string };

const byCodeUnit = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** The checked time of an event: its device clock corrected by the offset it recorded. */
export function checkedAt(e: CheckpointEvent): number {
  return e.at - (e.clockOffset ?? 0);
}

/**
 * The events in the order they were written. Each device's own come by `seq`, whatever
 * its clock did meanwhile (a clock set back an hour mid-visit must not put the verdict
 * before the first reading, issue 23); the devices' streams are merged by checked time,
 * then device id. The order depends only on the set of events: neither on arrival order
 * nor on the tablet's locale (localeCompare would let two tablets disagree on which
 * decision came first). No comparator can do this (seq within a device and time across
 * devices is not transitive), hence a merge: with clocks that never jump it is exactly the
 * order by (checked time, device, seq).
 */
export function inLogOrder<E extends CheckpointEvent>(events: Iterable<E>): E[] {
  const byDevice = new Map<string, E[]>();
  for (const e of events) {
    const list = byDevice.get(e.device);
    if (list) list.push(e);
    else byDevice.set(e.device, [e]);
  }
  const streams = [...byDevice.entries()]
    .sort(([x], [y]) => byCodeUnit(x, y))
    .map(([, list]) => list.sort((a, b) => a.seq - b.seq || byCodeUnit(a.id, b.id)));
  if (streams.length <= 1) return streams[0] ?? [];
  const next = streams.map(() => 0);
  const ordered: E[] = [];
  for (;;) {
    let pick = -1;
    let pickAt = 0;
    for (const [i, stream] of streams.entries()) {
      const head = stream[next[i] ?? 0];
      if (!head) continue;
      const at = checkedAt(head);
      // Strictly earlier only: at the same time the lower device id (earlier stream) wins.
      if (pick < 0 || at < pickAt) {
        pick = i;
        pickAt = at;
      }
    }
    if (pick < 0) return ordered;
    const head = streams[pick]?.[next[pick] ?? 0];
    if (head) ordered.push(head);
    next[pick] = (next[pick] ?? 0) + 1;
  }
}
