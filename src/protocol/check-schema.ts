import { z } from 'zod';
import type { Check, CheckPlace } from '../domain/checks';

/** The musts a check may follow; a place the domain lacks, or misses, fails the build. */
const CHECK_PLACES = [
  'appointment',
  'mask',
  'hands',
  'temperature',
  'identity',
  'health-code',
  'travel-code',
] as const satisfies readonly CheckPlace[];
type Missing = Exclude<CheckPlace, (typeof CHECK_PLACES)[number]>;
const _everyPlace: Missing extends never ? true : false = true;

const key = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a key: lower-case letters, digits, -');
const wording = (max: number) =>
  z.strictObject({
    'zh-CN': z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });

const common = {
  key,
  label: wording(60),
  help: wording(200),
  refusal: wording(200),
  after: z.enum(CHECK_PLACES),
};

const choice = z
  .strictObject({
    ...common,
    kind: z.literal('choice'),
    options: z
      .array(z.strictObject({ key, label: wording(40) }))
      .min(2)
      .max(8),
    refuses: z.array(key).max(8),
  })
  .refine((c) => new Set(c.options.map((o) => o.key)).size === c.options.length, {
    message: 'option keys must be unique',
  })
  .refine((c) => c.refuses.every((r) => c.options.some((o) => o.key === r)), {
    message: 'refuses lists only the check’s own options',
  })
  .refine((c) => c.refuses.length < c.options.length, {
    message: 'at least one option must admit',
  });

/** One check of a policy (src/domain/checks.ts): the door, the server and the CLI read it so. */
export const checkSchema = z.union([
  z.strictObject({ ...common, kind: z.literal('yes-no') }),
  z.strictObject({
    ...common,
    kind: z.literal('time-since'),
    // A week at most: a PCR result older than that is no rule any plan used.
    maxHours: z.number().int().min(1).max(168),
  }),
  choice,
]) satisfies z.ZodType<Check>;

export const checksSchema = z
  .array(checkSchema)
  .max(12)
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, {
    message: 'check keys must be unique',
  });
