import { z } from 'zod';
// Before any schema parses: the CSP forbids eval.
import './zod-jitless';
import { READING_LIMITS_C } from '../domain/event-content';
import { DEFAULT_POLICY, type NoPhoneMethod, type Policy } from '../domain/policy';
import { checksSchema } from './check-schema';

const celsius = z.number().min(READING_LIMITS_C.min).max(READING_LIMITS_C.max);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** A number to dial as staff read it: digits, spaces, dashes, an optional leading +. */
const phone = z
  .string()
  .max(32)
  .regex(/^(\+?[\d -]*)$/, 'digits, spaces, dashes, optional leading +');
const count = (max: number) => z.number().int().min(1).max(max);

const queue = z.strictObject({
  waitingPlaces: count(1000),
  nearingFullPercent: count(100),
  windows: z
    .array(count(999))
    .min(1)
    .max(200)
    .refine((w) => new Set(w).size === w.length, { message: 'window numbers must be unique' }),
  noShowAfterCalls: count(10),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const key = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a key: lower-case letters, digits, -');
const minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);
/** Times in order, each once. */
const times = (min: number) =>
  z
    .array(clock)
    .min(min)
    .max(24)
    .refine((t) => t.every((x, i) => i === 0 || (t[i - 1] ?? '') < x), {
      message: 'times must be in order, each once',
    });
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

const staff = z.strictObject({ checks: times(1), overdueAfterMinutes: minutes });
const rounds = z.strictObject({
  times: times(0),
  tasks: z.array(key).max(30).refine(unique, { message: 'task keys must be unique' }),
  overdueAfterMinutes: minutes,
});
const supplies = z.strictObject({
  items: z
    .array(z.strictObject({ item: key, low: z.number().int().min(0).max(1_000_000) }))
    .max(30)
    .refine((items) => unique(items.map((i) => i.item)), { message: 'item keys must be unique' }),
});
const noPhoneRule = z.strictObject({
  leadsTo: z.enum(['off', 'admit', 'admit-guide-told', 'refuse']),
  wording: z.string().max(200),
});
/** What each alternative to a smartphone leads to (src/domain/codes/no-smartphone.ts). */
const noSmartphone = z.strictObject({
  paper: noPhoneRule,
  'staff-lookup': noPhoneRule,
  'id-registration': noPhoneRule,
} satisfies Record<NoPhoneMethod, typeof noPhoneRule>);
const hall = z.strictObject({ phone: z.string().max(40), online: z.string().max(200) });

/** A policy as the shift lead edits it on the server; checked before any tablet sees it. */
export const policySchema = z
  .strictObject({
    version: z.string().min(1).max(32),
    temperature: z.strictObject({
      recheckAtC: celsius,
      homeObservationMaxC: celsius,
      plausibleMinC: celsius,
      plausibleMaxC: celsius,
      recheckRestSeconds: z.number().int().min(0).max(3600),
    }),
    appointment: z.strictObject({
      earlyToleranceMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
      lateToleranceMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
      lateRule: z.enum(['refuse', 'admit']),
      walkIn: z.enum(['refuse', 'urgent-only', 'admit']),
    }),
    codes: z.strictObject({
      acceptedHealthColours: z.array(z.enum(['green', 'yellow', 'red'])).min(1),
      refuseRiskAreaTravel: z.boolean(),
    }),
    ledger: z.strictObject({
      retentionDays: z.number().int().min(1).max(3650),
      maxStayMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
      closing: hhmm,
    }),
    // Optional so that policies written before these settings existed still load.
    queue: queue.default(() => ({
      ...DEFAULT_POLICY.queue,
      windows: [...DEFAULT_POLICY.queue.windows],
    })),
    isolation: z
      .strictObject({ places: count(50) })
      .default(() => ({ ...DEFAULT_POLICY.isolation })),
    staff: staff.default(() => {
      const d = DEFAULT_POLICY.staff;
      return { ...d, checks: [...d.checks] };
    }),
    rounds: rounds.default(() => {
      const d = DEFAULT_POLICY.rounds;
      return { ...d, times: [...d.times], tasks: [...d.tasks] };
    }),
    supplies: supplies.default(() => ({
      items: DEFAULT_POLICY.supplies.items.map((i) => ({ ...i })),
    })),
    hall: hall.default(() => ({ ...DEFAULT_POLICY.hall })),
    returnee: z
      .strictObject({ rule: z.enum(['refuse', 'alert']) })
      .default(() => ({ ...DEFAULT_POLICY.returnee })),
    hours: z.strictObject({ opening: hhmm }).default(() => ({ ...DEFAULT_POLICY.hours })),
    emergency: z
      .strictObject({
        ambulance: phone.min(1),
        cdc: phone,
        community: phone,
        police: phone.min(1),
      })
      .default(() => ({ ...DEFAULT_POLICY.emergency })),
    voice: z
      .strictObject({ speaker: z.enum(['guide', 'board', 'both']) })
      .default(() => ({ ...DEFAULT_POLICY.voice })),
    thermometer: z
      .strictObject({ freshReadingSeconds: z.number().int().min(5).max(600) })
      .default(() => ({ ...DEFAULT_POLICY.thermometer })),
    clock: z
      .strictObject({ toleranceMinutes: z.number().int().min(1).max(60) })
      .default(() => ({ ...DEFAULT_POLICY.clock })),
    advice: z
      .strictObject({ yellowCode: z.string().max(200) })
      .default(() => ({ ...DEFAULT_POLICY.advice })),
    noSmartphone: noSmartphone.default(() => structuredClone(DEFAULT_POLICY.noSmartphone)),
    checks: checksSchema.default(() => []),
  })
  .refine((p) => p.hours.opening < p.ledger.closing, {
    message: 'the hall opens before it closes: hours.opening < ledger.closing',
  })
  .refine(
    (p) =>
      p.temperature.plausibleMinC < p.temperature.recheckAtC &&
      p.temperature.recheckAtC <= p.temperature.homeObservationMaxC &&
      p.temperature.homeObservationMaxC < p.temperature.plausibleMaxC,
    {
      message:
        'temperatures must rise: plausible min < re-check < home observation max < plausible max',
    },
  ) satisfies z.ZodType<Policy>;
