/**
 * Staff health checks (shared/domain.md, "Staff, cleaning and supplies"): every staff
 * member is measured before work, at set times during work and after work (the policy's
 * check times). A raised reading is re-measured, as for visitors; a raised re-check is
 * abnormal: an incident for the lead, and the person stops work until the lead clears
 * them. The staff list and who is off duty are a fold over every day's events; the
 * readings are the day's.
 */
import {
  checkedAt,
  clipText,
  type EventDraft,
  inLogOrder,
  type RecordEvent,
  TEXT_LIMITS,
} from './events';
import type { Policy } from './policy';
import { parseTemperatureInput, temperatureBand } from './temperature';
import { clockTime, dayKey, timeOnDay } from './time';

export interface StaffMember {
  staff: string;
  name: string;
  post: string | null;
  window: number | null;
  addedAt: number;
  /** Stood down after an abnormal re-check, until the lead clears them. */
  offDuty: { since: number; incident: string } | null;
}

/** The hall's staff list (removed people left out), in the order they were added. */
export function foldStaff(records: readonly RecordEvent[]): StaffMember[] {
  const staff = new Map<string, StaffMember>();
  for (const e of inLogOrder(records)) {
    switch (e.type) {
      case 'staff.added':
        if (!staff.has(e.data.staff)) {
          const { staff: id, name, post, window } = e.data;
          staff.set(id, { staff: id, name, post, window, addedAt: e.at, offDuty: null });
        }
        break;
      case 'staff.removed':
        staff.delete(e.data.staff);
        break;
      case 'staff.stood-down': {
        const member = staff.get(e.data.staff);
        if (member && !member.offDuty) {
          member.offDuty = { since: e.at, incident: e.data.incident };
        }
        break;
      }
      case 'staff.cleared': {
        const member = staff.get(e.data.staff);
        if (member) member.offDuty = null;
        break;
      }
      default:
        break;
    }
  }
  return [...staff.values()];
}

/**
 * Windows the guide may not call to: every staff member assigned to them is off duty.
 * A window nobody is assigned to stays as the policy has it.
 */
export function closedWindows(staff: readonly StaffMember[]): Set<number> {
  const byWindow = new Map<number, boolean>();
  for (const m of staff) {
    if (m.window === null) continue;
    byWindow.set(m.window, (byWindow.get(m.window) ?? true) && m.offDuty !== null);
  }
  return new Set([...byWindow].filter(([, closed]) => closed).map(([w]) => w));
}

export interface StaffReading {
  staff: string;
  slot: string;
  celsius: number;
  at: number;
}

/** The day's staff readings, in order. */
export function staffReadings(records: readonly RecordEvent[], day: string): StaffReading[] {
  return inLogOrder(records).flatMap((e) =>
    e.type === 'staff.measured' && dayKey(checkedAt(e)) === day
      ? [{ staff: e.data.staff, slot: e.data.slot, celsius: e.data.celsius, at: e.at }]
      : [],
  );
}

/** The check a reading taken at `at` belongs to: the policy's check time nearest to it. */
export function checkSlot(policy: Policy, at: number): string {
  const day = dayKey(at);
  let best = policy.staff.checks[0] ?? clockTime(at);
  for (const check of policy.staff.checks) {
    if (Math.abs(timeOnDay(day, check) - at) < Math.abs(timeOnDay(day, best) - at)) best = check;
  }
  return best;
}

/** Whether the last reading of a person in a slot was raised and waits for the re-check. */
function awaitsRecheck(readings: readonly StaffReading[], policy: Policy): boolean {
  const last = readings[readings.length - 1];
  if (!last) return false;
  const band = temperatureBand(last.celsius, policy);
  if (band !== 'raised' && band !== 'fever') return false;
  // A raised reading after a raised one was the re-check: abnormal, not a new first reading.
  const before = readings[readings.length - 2];
  return !before || !isRaised(before.celsius, policy);
}

function isRaised(celsius: number, policy: Policy): boolean {
  const band = temperatureBand(celsius, policy);
  return band === 'raised' || band === 'fever';
}

export type StaffStatus = 'measured' | 'recheck' | 'abnormal' | 'due';

export interface StaffToday {
  member: StaffMember;
  /** The readings of the current check, in order. */
  readings: StaffReading[];
  status: StaffStatus;
}

/** Each person's state for the check in progress at `now` (what the quick path shows). */
export function staffToday(
  staff: readonly StaffMember[],
  records: readonly RecordEvent[],
  policy: Policy,
  now: number,
): StaffToday[] {
  const slot = checkSlot(policy, now);
  const readings = staffReadings(records, dayKey(now)).filter((r) => r.slot === slot);
  return staff.map((member) => {
    const mine = readings.filter((r) => r.staff === member.staff);
    const status: StaffStatus = member.offDuty
      ? 'abnormal'
      : mine.length === 0
        ? 'due'
        : awaitsRecheck(mine, policy)
          ? 'recheck'
          : 'measured';
    return { member, readings: mine, status };
  });
}

export interface OverdueCheck {
  slot: string;
  missing: StaffMember[];
}

/**
 * Checks whose time plus the policy's allowance has passed, with who on duty was not
 * measured for them ("3 人未测 12:00"). People added after a check are not due for it.
 */
export function overdueChecks(
  staff: readonly StaffMember[],
  records: readonly RecordEvent[],
  policy: Policy,
  now: number,
): OverdueCheck[] {
  const day = dayKey(now);
  const readings = staffReadings(records, day);
  const grace = policy.staff.overdueAfterMinutes * 60_000;
  return policy.staff.checks.flatMap((slot) => {
    const time = timeOnDay(day, slot);
    if (now < time + grace) return [];
    const missing = staff.filter(
      (m) =>
        !m.offDuty &&
        m.addedAt <= time &&
        !readings.some((r) => r.staff === m.staff && r.slot === slot),
    );
    return missing.length > 0 ? [{ slot, missing }] : [];
  });
}

export type StaffReadingInput =
  | { staff: string; celsius: number; source: 'preset' }
  | { staff: string; typed: string; source: 'keypad' };

export type StaffReadingAnswer =
  | { ok: true; name: string; celsius: number; slot: string; verdict: 'normal' | 'recheck' }
  | { ok: true; name: string; celsius: number; slot: string; verdict: 'abnormal'; incident: string }
  | { ok: false; reason: 'unknown-staff' }
  | { ok: false; reason: 'temperature'; problem: 'empty' | 'format' | 'implausible' };

/**
 * Records a staff reading. A raised first reading asks for the re-check; a raised
 * re-check is abnormal: the incident (for the lead's alert on every screen) and the
 * stand-down are recorded with it, in the same transaction.
 */
export function planStaffReading(
  records: readonly RecordEvent[],
  input: StaffReadingInput,
  policy: Policy,
  at: number,
  newId: () => string,
): { drafts: EventDraft[]; answer: StaffReadingAnswer } {
  const member = foldStaff(records).find((m) => m.staff === input.staff);
  if (!member) return { drafts: [], answer: { ok: false, reason: 'unknown-staff' } };
  let celsius: number;
  if (input.source === 'keypad') {
    const parsed = parseTemperatureInput(input.typed, policy);
    if (!parsed.ok) {
      return { drafts: [], answer: { ok: false, reason: 'temperature', problem: parsed.reason } };
    }
    celsius = parsed.celsius;
  } else if (temperatureBand(input.celsius, policy) === 'implausible') {
    return { drafts: [], answer: { ok: false, reason: 'temperature', problem: 'implausible' } };
  } else {
    celsius = input.celsius;
  }
  const slot = checkSlot(policy, at);
  const { staff, name } = member;
  const measured: EventDraft = {
    type: 'staff.measured',
    at,
    data: { staff, name, slot, celsius, source: input.source },
  };
  const base = { ok: true as const, name, celsius, slot };
  if (!isRaised(celsius, policy)) {
    return { drafts: [measured], answer: { ...base, verdict: 'normal' } };
  }
  const earlier = staffReadings(records, dayKey(at)).filter(
    (r) => r.staff === staff && r.slot === slot,
  );
  if (!awaitsRecheck(earlier, policy) || member.offDuty) {
    return { drafts: [measured], answer: { ...base, verdict: 'recheck' } };
  }
  const incident = newId();
  const first = earlier[earlier.length - 1]?.celsius ?? celsius;
  return {
    drafts: [
      measured,
      {
        type: 'incident.reported',
        at,
        data: {
          incident,
          kind: 'staff-abnormal',
          visit: null,
          person: clipText(name, TEXT_LIMITS.person),
          unit: member.post ? clipText(member.post, TEXT_LIMITS.unit) : null,
          temperatures: [first, celsius],
          note: null,
        },
      },
      { type: 'incident.step', at, data: { incident, step: 'stopped-work' } },
      { type: 'staff.stood-down', at, data: { staff, name, incident } },
    ],
    answer: { ...base, verdict: 'abnormal', incident },
  };
}

export type StaffChangeAnswer =
  | { ok: true }
  | { ok: false; reason: 'name-missing' | 'unknown-staff' | 'not-off-duty' | 'bad-window' };

/** The lead adds someone to the staff list. */
export function planStaffAdded(
  input: { name: string; post: string; window: string },
  policy: Policy,
  at: number,
  newId: () => string,
): { drafts: EventDraft[]; answer: StaffChangeAnswer } {
  const name = clipText(input.name, TEXT_LIMITS.person);
  if (!name) return { drafts: [], answer: { ok: false, reason: 'name-missing' } };
  const typed = input.window.trim();
  const window = typed === '' ? null : Number(typed);
  if (window !== null && !policy.queue.windows.includes(window)) {
    return { drafts: [], answer: { ok: false, reason: 'bad-window' } };
  }
  const post = clipText(input.post, TEXT_LIMITS.post) || null;
  return {
    drafts: [{ type: 'staff.added', at, data: { staff: newId(), name, post, window } }],
    answer: { ok: true },
  };
}

export function planStaffRemoved(
  records: readonly RecordEvent[],
  staff: string,
  at: number,
): { drafts: EventDraft[]; answer: StaffChangeAnswer } {
  if (!foldStaff(records).some((m) => m.staff === staff)) {
    return { drafts: [], answer: { ok: false, reason: 'unknown-staff' } };
  }
  return { drafts: [{ type: 'staff.removed', at, data: { staff } }], answer: { ok: true } };
}

/** The lead clears someone stood down: back on duty, their window open again. */
export function planStaffCleared(
  records: readonly RecordEvent[],
  staff: string,
  at: number,
): { drafts: EventDraft[]; answer: StaffChangeAnswer } {
  const member = foldStaff(records).find((m) => m.staff === staff);
  if (!member) return { drafts: [], answer: { ok: false, reason: 'unknown-staff' } };
  if (!member.offDuty) return { drafts: [], answer: { ok: false, reason: 'not-off-duty' } };
  return {
    drafts: [{ type: 'staff.cleared', at, data: { staff, name: member.name } }],
    answer: { ok: true },
  };
}
