/**
 * A county sets the policy once (issue 33): every hall of the server inherits the county's
 * policy, and a hall may tighten it, never loosen it. "Tighten" is defined per field below;
 * fields the county's rules do not speak to (the hall's windows, phone numbers, supplies,
 * times of day) are the hall's own. The server refuses a hall policy that loosens the
 * county's, with the reasons; a county policy set later that is stricter than a hall's
 * still holds there, because a hall runs the strictest of both, field by field.
 */
import type { Check } from './checks';
import type { HealthCodeColour, Policy } from './policy';

/** A policy version as events carry it (src/protocol/event-schema.ts: text(32)). */
export const MAX_VERSION_LENGTH = 32;

/** A number of the policy where higher is looser: a higher threshold, a longer tolerance. */
interface Limit {
  path: string;
  of: (p: Policy) => number;
  set: (p: Policy, value: number) => Policy;
}

const AT_MOST: readonly Limit[] = [
  {
    path: 'temperature.recheckAtC',
    of: (p) => p.temperature.recheckAtC,
    set: (p, recheckAtC) => ({ ...p, temperature: { ...p.temperature, recheckAtC } }),
  },
  {
    path: 'temperature.homeObservationMaxC',
    of: (p) => p.temperature.homeObservationMaxC,
    set: (p, homeObservationMaxC) => ({
      ...p,
      temperature: { ...p.temperature, homeObservationMaxC },
    }),
  },
  {
    path: 'appointment.earlyToleranceMinutes',
    of: (p) => p.appointment.earlyToleranceMinutes,
    set: (p, earlyToleranceMinutes) => ({
      ...p,
      appointment: { ...p.appointment, earlyToleranceMinutes },
    }),
  },
  {
    path: 'appointment.lateToleranceMinutes',
    of: (p) => p.appointment.lateToleranceMinutes,
    set: (p, lateToleranceMinutes) => ({
      ...p,
      appointment: { ...p.appointment, lateToleranceMinutes },
    }),
  },
  {
    path: 'thermometer.freshReadingSeconds',
    of: (p) => p.thermometer.freshReadingSeconds,
    set: (p, freshReadingSeconds) => ({ ...p, thermometer: { freshReadingSeconds } }),
  },
  {
    path: 'clock.toleranceMinutes',
    of: (p) => p.clock.toleranceMinutes,
    set: (p, toleranceMinutes) => ({ ...p, clock: { toleranceMinutes } }),
  },
];

/** Each value in order, the strictest first. */
const ORDERS = {
  lateRule: ['refuse', 'admit'],
  walkIn: ['refuse', 'urgent-only', 'admit'],
  returnee: ['refuse', 'alert'],
} as const;

const rank = <T>(order: readonly T[], value: T) => order.indexOf(value);
const stricter = <T>(order: readonly T[], a: T, b: T): T =>
  rank(order, a) <= rank(order, b) ? a : b;

/** Why a hall's check loosens the county's check of the same key, or null when it does not. */
function checkLoosening(county: Check, hall: Check | undefined): string | null {
  if (!hall) return `check ${county.key}: the county's check is missing`;
  if (hall.kind !== county.kind)
    return `check ${county.key}: kind ${hall.kind}, the county's is ${county.kind}`;
  if (
    hall.kind === 'time-since' &&
    county.kind === 'time-since' &&
    hall.maxHours > county.maxHours
  ) {
    return `check ${county.key}: ${hall.maxHours} hours, longer than the county's ${county.maxHours}`;
  }
  if (hall.kind === 'choice' && county.kind === 'choice') {
    const admitted = county.refuses.filter((r) => !hall.refuses.includes(r));
    if (admitted.length > 0)
      return `check ${county.key}: admits ${admitted.join(', ')}, which the county refuses`;
    const added = hall.options.filter((o) => !county.options.some((c) => c.key === o.key));
    if (added.length > 0)
      return `check ${county.key}: options ${added.map((o) => o.key).join(', ')} the county does not offer`;
  }
  return null;
}

/** Every way `hall` loosens `county` (empty: it only tightens, or keeps). */
export function loosenings(county: Policy, hall: Policy): string[] {
  const found: string[] = [];
  for (const limit of AT_MOST) {
    const [c, h] = [limit.of(county), limit.of(hall)];
    if (h > c) found.push(`${limit.path} ${h} is above the county's ${c}`);
  }
  const orders: [string, readonly string[], string, string][] = [
    [
      'appointment.lateRule',
      ORDERS.lateRule,
      county.appointment.lateRule,
      hall.appointment.lateRule,
    ],
    ['appointment.walkIn', ORDERS.walkIn, county.appointment.walkIn, hall.appointment.walkIn],
    ['returnee.rule', ORDERS.returnee, county.returnee.rule, hall.returnee.rule],
  ];
  for (const [path, order, c, h] of orders) {
    if (rank(order, h) > rank(order, c))
      found.push(`${path} ${h} is looser than the county's ${c}`);
  }
  const extra = hall.codes.acceptedHealthColours.filter(
    (c) => !county.codes.acceptedHealthColours.includes(c),
  );
  if (extra.length > 0)
    found.push(`codes.acceptedHealthColours: the county does not accept ${extra.join(', ')}`);
  if (county.codes.refuseRiskAreaTravel && !hall.codes.refuseRiskAreaTravel) {
    found.push('codes.refuseRiskAreaTravel: the county refuses risk-area travel');
  }
  for (const check of county.checks) {
    const why = checkLoosening(
      check,
      hall.checks.find((h) => h.key === check.key),
    );
    if (why) found.push(why);
  }
  return found;
}

/** The version a hall runs: the county's, then the hall's own when it has one. */
export function inheritedVersion(county: Policy, hall: Policy | null): string {
  return hall ? `${county.version}+${hall.version}` : county.version;
}

/** The stricter of two checks of one key (the county's when they cannot be compared). */
function stricterCheck(county: Check, hall: Check | undefined): Check {
  if (!hall || checkLoosening(county, hall)) return county;
  return hall;
}

/**
 * The policy a hall's tablets run: the hall's own settings (or the county's, when the hall
 * has none) with, for every rule the county speaks to, the stricter of the two.
 */
export function inherit(county: Policy, hall: Policy | null): Policy {
  if (!hall) return county;
  let p: Policy = { ...hall, version: inheritedVersion(county, hall) };
  for (const limit of AT_MOST) p = limit.set(p, Math.min(limit.of(county), limit.of(hall)));
  const colours: HealthCodeColour[] = hall.codes.acceptedHealthColours.filter((c) =>
    county.codes.acceptedHealthColours.includes(c),
  );
  const countyKeys = new Set(county.checks.map((c) => c.key));
  return {
    ...p,
    appointment: {
      ...p.appointment,
      lateRule: stricter(ORDERS.lateRule, county.appointment.lateRule, hall.appointment.lateRule),
      walkIn: stricter(ORDERS.walkIn, county.appointment.walkIn, hall.appointment.walkIn),
    },
    returnee: { rule: stricter(ORDERS.returnee, county.returnee.rule, hall.returnee.rule) },
    codes: {
      // Never none: a county and a hall with nothing in common keep the county's colours.
      acceptedHealthColours: colours.length > 0 ? colours : county.codes.acceptedHealthColours,
      refuseRiskAreaTravel: county.codes.refuseRiskAreaTravel || hall.codes.refuseRiskAreaTravel,
    },
    checks: [
      ...county.checks.map((c) =>
        stricterCheck(
          c,
          hall.checks.find((h) => h.key === c.key),
        ),
      ),
      ...hall.checks.filter((h) => !countyKeys.has(h.key)),
    ],
  };
}

/**
 * Why the server refuses a hall's policy under this county's (empty: it takes it). The
 * combined version must fit what an event carries.
 */
export function hallPolicyProblems(county: Policy | null, hall: Policy): string[] {
  if (!county) return [];
  const version = inheritedVersion(county, hall);
  return [
    ...loosenings(county, hall),
    ...(version.length > MAX_VERSION_LENGTH
      ? [
          `version ${version}: county and hall versions together exceed ${MAX_VERSION_LENGTH} characters`,
        ]
      : []),
  ];
}
