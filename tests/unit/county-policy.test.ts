import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hallPolicyProblems, inherit, loosenings } from '../../src/domain/county-policy';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import { policySchema } from '../../src/protocol/policy-schema';
import { PCR_48H, policyWithChecks, VACCINATION, VENUE_CODE } from '../fixtures/checks';

const county = policyWithChecks([PCR_48H, VENUE_CODE, VACCINATION], 'c7');
const hall = (patch: Partial<Policy>): Policy => ({ ...county, version: 'h1', ...patch });

describe('a hall tightens the county’s policy, never loosens it', () => {
  it('the same policy, a lower threshold, a shorter PCR window and an extra check tighten', () => {
    const tighter = hall({
      temperature: { ...county.temperature, recheckAtC: 37.2 },
      appointment: { ...county.appointment, walkIn: 'refuse' },
      checks: [
        { ...PCR_48H, maxHours: 24 },
        VENUE_CODE,
        { ...VACCINATION, refuses: ['none', 'partial'] },
        { ...VENUE_CODE, key: 'itinerary' },
      ],
    });
    expect(loosenings(county, county)).toEqual([]);
    expect(loosenings(county, tighter)).toEqual([]);
    expect(hallPolicyProblems(county, tighter)).toEqual([]);
  });

  it.each<[string, Partial<Policy>, string]>([
    [
      'a higher re-check threshold',
      { temperature: { ...county.temperature, recheckAtC: 37.4 } },
      "temperature.recheckAtC 37.4 is above the county's 37.3",
    ],
    [
      'walk-ins admitted',
      { appointment: { ...county.appointment, walkIn: 'admit' } },
      'appointment.walkIn admit',
    ],
    [
      'a yellow code accepted',
      { codes: { ...county.codes, acceptedHealthColours: ['green', 'yellow'] } },
      'does not accept yellow',
    ],
    [
      'risk-area travel let in',
      { codes: { ...county.codes, refuseRiskAreaTravel: false } },
      'refuseRiskAreaTravel',
    ],
    ['returnees only alerted', { returnee: { rule: 'alert' } }, 'returnee.rule alert'],
    [
      'a check fewer',
      { checks: [PCR_48H, VACCINATION] },
      "check venue-code: the county's check is missing",
    ],
    [
      'a longer time since',
      { checks: [{ ...PCR_48H, maxHours: 72 }, VENUE_CODE, VACCINATION] },
      "72 hours, longer than the county's 48",
    ],
    [
      'a refusing option admitted',
      { checks: [PCR_48H, VENUE_CODE, { ...VACCINATION, refuses: [] }] },
      'admits none',
    ],
    [
      'a check of another kind',
      { checks: [{ ...VENUE_CODE, key: 'pcr-48h' }, VENUE_CODE, VACCINATION] },
      'kind yes-no',
    ],
  ])('refuses %s, saying why', (_what, patch, reason) => {
    const problems = hallPolicyProblems(county, hall(patch));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(reason);
  });

  it('refuses versions that together do not fit an event', () => {
    expect(hallPolicyProblems(county, hall({ version: 'x'.repeat(30) }))[0]).toContain(
      '32 characters',
    );
  });

  it('a hall without a county has nothing to inherit', () => {
    expect(hallPolicyProblems(null, hall({ returnee: { rule: 'alert' } }))).toEqual([]);
  });
});

describe('a hall runs the strictest of both', () => {
  it('no override: the county’s policy as it is', () => {
    expect(inherit(county, null)).toBe(county);
  });

  it('the hall’s own settings, the county’s rules where the county is stricter', () => {
    // A county tightened after the hall set its policy: the county's new rule holds.
    const older = hall({
      temperature: { ...county.temperature, recheckAtC: 37.3 },
      queue: { ...county.queue, waitingPlaces: 8 },
      checks: [
        { ...PCR_48H, maxHours: 72 },
        { ...VENUE_CODE, key: 'itinerary' },
      ],
    });
    const stricter = { ...county, temperature: { ...county.temperature, recheckAtC: 37.2 } };
    const runs = inherit(stricter, older);
    expect(runs.version).toBe('c7+h1');
    expect(runs.temperature.recheckAtC).toBe(37.2);
    expect(runs.queue.waitingPlaces).toBe(8);
    expect(runs.checks.map((c) => c.key)).toEqual([
      'pcr-48h',
      'venue-code',
      'vaccination',
      'itinerary',
    ]);
    expect(runs.checks[0]).toEqual(PCR_48H);
  });

  it('whatever the hall sets, what it runs never loosens the county and is a valid policy', () => {
    const anyHall = fc.record({
      recheckAtC: fc.integer({ min: 370, max: 375 }).map((n) => n / 10),
      late: fc.integer({ min: 0, max: 240 }),
      walkIn: fc.constantFrom('refuse', 'urgent-only', 'admit' as const),
      colours: fc.subarray(['green', 'yellow', 'red'] as const, { minLength: 1 }),
      risk: fc.boolean(),
      pcrHours: fc.integer({ min: 1, max: 168 }),
      checks: fc.subarray([PCR_48H, VENUE_CODE, VACCINATION]),
    });
    fc.assert(
      fc.property(anyHall, (h) => {
        const own = hall({
          temperature: {
            ...county.temperature,
            recheckAtC: h.recheckAtC,
            homeObservationMaxC: 37.5,
          },
          appointment: { ...county.appointment, lateToleranceMinutes: h.late, walkIn: h.walkIn },
          codes: { acceptedHealthColours: h.colours, refuseRiskAreaTravel: h.risk },
          checks: h.checks.map((c) =>
            c.kind === 'time-since' ? { ...c, maxHours: h.pcrHours } : c,
          ),
        });
        const runs = inherit(county, own);
        return loosenings(county, runs).length === 0 && policySchema.safeParse(runs).success;
      }),
    );
  });
});

it('the default policy is its own county', () => {
  expect(loosenings(DEFAULT_POLICY, DEFAULT_POLICY)).toEqual([]);
});
