/**
 * What must hold after every kill, as pure functions over the events IndexedDB kept and
 * the screens the harness saw confirmed before the kill. A screen that showed a step
 * confirmed the steps before it: those events must be on disk, whatever came after.
 */

export interface KeptEvent {
  id: string;
  device: string;
  seq: number;
  type: string;
  visit?: string;
  data: Record<string, unknown>;
}

/** The door's screens in order; each one shown confirms the events of those before it. */
export const SCREENS = [
  'appointment',
  'mask',
  'temperature',
  'identity',
  'codes',
  'outcome',
] as const;
export type Screen = (typeof SCREENS)[number];

const CONFIRMED_BY: Record<Screen, readonly string[]> = {
  appointment: [],
  mask: ['visit.opened', 'appointment.matched'],
  temperature: ['mask.checked', 'hands.disinfected'],
  identity: ['temperature.measured'],
  codes: ['identity.confirmed'],
  outcome: ['health-code.checked', 'travel-code.checked', 'visit.decided'],
};

/** Every event a screen confirms (its own and all earlier screens'). */
export function confirmedTypes(screen: Screen): string[] {
  return SCREENS.slice(0, SCREENS.indexOf(screen) + 1).flatMap((s) => CONFIRMED_BY[s]);
}

/** On the green path each of these is recorded once per visit (no undo is tapped). */
const ONCE_PER_VISIT = Object.values(CONFIRMED_BY).flat();

export interface Confirmation {
  bookingId: string;
  screen: Screen;
}

function bookingOf(e: KeptEvent): string | undefined {
  return e.type === 'appointment.matched' ? String(e.data.bookingId) : undefined;
}

/** Problems found, in words; empty when the kept log is whole. */
export function problemsAfterKill(
  events: readonly KeptEvent[],
  confirmed: readonly Confirmation[],
): string[] {
  const problems: string[] = [];

  const byDevice = new Map<string, number[]>();
  for (const e of events) byDevice.set(e.device, [...(byDevice.get(e.device) ?? []), e.seq]);
  for (const [device, seqs] of byDevice) {
    const sorted = [...seqs].sort((a, b) => a - b);
    sorted.forEach((seq, i) => {
      if (seq !== i + 1)
        problems.push(`device ${device}: seq ${seq} at position ${i + 1} (gap or double)`);
    });
  }

  const visits = new Map<string, KeptEvent[]>();
  for (const e of events) if (e.visit) visits.set(e.visit, [...(visits.get(e.visit) ?? []), e]);
  const visitOfBooking = new Map<string, string>();
  for (const [visit, list] of visits) {
    for (const type of ONCE_PER_VISIT) {
      const n = list.filter((e) => e.type === type).length;
      if (n > 1) problems.push(`visit ${visit}: ${type} recorded ${n} times`);
    }
    for (const e of list) {
      const booking = bookingOf(e);
      if (!booking) continue;
      const other = visitOfBooking.get(booking);
      if (other && other !== visit)
        problems.push(`booking ${booking} opened twice (${other}, ${visit})`);
      visitOfBooking.set(booking, visit);
    }
  }

  const tickets = events
    .filter((e) => e.type === 'visit.decided')
    .map((e) => (e.data.outcome as { ticket?: string } | undefined)?.ticket)
    .filter((t): t is string => t !== undefined);
  for (const t of new Set(tickets)) {
    const n = tickets.filter((x) => x === t).length;
    if (n > 1) problems.push(`ticket ${t} issued ${n} times`);
  }

  for (const c of confirmed) {
    const visit = visitOfBooking.get(c.bookingId);
    const kept = new Set((visit ? visits.get(visit) : undefined)?.map((e) => e.type));
    const lost = confirmedTypes(c.screen).filter((type) => !kept.has(type));
    if (lost.length > 0)
      problems.push(
        `booking ${c.bookingId}: the screen showed "${c.screen}" but ${lost.join(', ')} not stored`,
      );
  }
  return problems;
}
