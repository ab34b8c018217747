/**
 * Randomized fault schedules for sync: what each tablet does and what goes wrong, drawn
 * from one seed so that a failing schedule is replayed exactly (`SEED=… npm run test:faults`).
 * Pure: no I/O, the same seed gives the same schedule.
 */

/** How a request of a sync round fails (none: it goes through). */
export type Fault =
  | 'none'
  /** Never reaches the server (Wi-Fi gone): a network error. */
  | 'lost-request'
  /** The server committed; the reply is lost on the way back. */
  | 'lost-reply'
  /** A gateway answers 502 without asking the server. */
  | 'error-before'
  /** The server committed, then a gateway answers 504. */
  | 'error-after'
  /** The connection is cut in the middle of a pull's reply body. */
  | 'cut-pull'
  /** The server is restarted while this request is in flight (it may have committed). */
  | 'restart'
  /** The tablet is reloaded (the page is gone) while this request is in flight. */
  | 'reload';

export const FAULTS: readonly Fault[] = [
  'lost-request',
  'lost-reply',
  'error-before',
  'error-after',
  'cut-pull',
  'restart',
  'reload',
];

export type Step =
  | { kind: 'record'; tablet: number; visits: number }
  /** A sync round; `fault` strikes the `at`-th request of the round (0 = the first). */
  | { kind: 'sync'; tablet: number; fault: Fault; at: number }
  /** A round where every request fails with probability `rate`, with a random fault. */
  | { kind: 'flaky-sync'; tablet: number; rate: number }
  /** A visit recorded while the tablet's sync round is in flight. */
  | { kind: 'record-during-sync'; tablet: number }
  /** The server restarted between rounds. */
  | { kind: 'restart' }
  /** The tablet reloaded between rounds (nothing in flight). */
  | { kind: 'reload'; tablet: number }
  /**
   * The admin imports a day's bookings (`day` days from today: in the serving window or
   * the day after it), booking ids drawn from one small pool, so an id imported for
   * another day moves there.
   */
  | { kind: 'import-bookings'; day: number; ids: number[] };

export interface Schedule {
  seed: number;
  /** Clock of each tablet minus the server's, ms: minutes either way. */
  skewMs: number[];
  steps: Step[];
}

export type Random = () => number;

/** mulberry32: small, fast, good enough to spread schedules; seeded, so replayable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

/** Days from today an import is for: the window's first days, and one past its end. */
const BOOKING_DAYS = [-1, 0, 1, 2, 8] as const;

/** The schedule of one seed: 2–4 tablets, 6–18 steps, skews up to ±15 minutes. */
export function makeSchedule(seed: number): Schedule {
  const random = seededRandom(seed);
  const tablets = int(random, 2, 4);
  const skewMs = Array.from({ length: tablets }, () =>
    random() < 0.6 ? Math.round((random() * 2 - 1) * 15 * 60_000) : 0,
  );
  const steps: Step[] = [];
  const length = int(random, 6, 18);
  for (let i = 0; i < length; i++) {
    const tablet = int(random, 0, tablets - 1);
    const roll = random();
    if (roll < 0.27) steps.push({ kind: 'record', tablet, visits: int(random, 1, 3) });
    else if (roll < 0.63)
      steps.push({
        kind: 'sync',
        tablet,
        fault: random() < 0.2 ? 'none' : pick(random, FAULTS),
        at: int(random, 0, 4),
      });
    else if (roll < 0.72) steps.push({ kind: 'flaky-sync', tablet, rate: 0.2 + random() * 0.5 });
    else if (roll < 0.81) steps.push({ kind: 'record-during-sync', tablet });
    else if (roll < 0.85) steps.push({ kind: 'restart' });
    else if (roll < 0.89) steps.push({ kind: 'reload', tablet });
    else
      steps.push({
        kind: 'import-bookings',
        day: pick(random, BOOKING_DAYS),
        ids: [...new Set(Array.from({ length: int(random, 1, 3) }, () => int(random, 0, 5)))],
      });
  }
  return { seed, skewMs, steps };
}
