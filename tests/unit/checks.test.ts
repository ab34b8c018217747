import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursSince } from '../../src/domain/check-input';
import { type CheckAnswered, checkResult } from '../../src/domain/checks';
import { nextStep, openCheck, outcome } from '../../src/domain/flow';
import { refusingCheck, refusingMust } from '../../src/domain/flow-queries';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { foldVisit } from '../../src/domain/visit';
import { policySchema } from '../../src/protocol/policy-schema';
import { aBooking, aVisit, ev, FIXED_NOW, MINUTE, visitEvents } from '../fixtures/builders';
import { PCR_48H, policyWithChecks, VACCINATION, VENUE_CODE } from '../fixtures/checks';

const HOUR = 60 * MINUTE;
const sampled = (sampledAt: number, at = FIXED_NOW): CheckAnswered => ({
  answer: { kind: 'time-since', sampledAt },
  at,
});

describe('a time-since check at its boundary (the door’s checked clock)', () => {
  it('47:59 admits, 48:00 admits, 48:01 refuses', () => {
    expect(checkResult(PCR_48H, sampled(FIXED_NOW - 47 * HOUR - 59 * MINUTE))).toBe('pass');
    expect(checkResult(PCR_48H, sampled(FIXED_NOW - 48 * HOUR))).toBe('pass');
    expect(checkResult(PCR_48H, sampled(FIXED_NOW - 48 * HOUR - MINUTE))).toBe('refused');
  });

  it('a sampling time in the future is implausible, a minute ahead is leeway', () => {
    expect(checkResult(PCR_48H, sampled(FIXED_NOW + 2 * MINUTE))).toBe('implausible');
    expect(checkResult(PCR_48H, sampled(FIXED_NOW + 30_000))).toBe('pass');
  });

  it('any age up to the limit passes, any beyond refuses, any ahead is implausible', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 168 }),
        fc.integer({ min: -7 * 24 * 60, max: 14 * 24 * 60 }),
        (maxHours, ageMinutes) => {
          const check = { ...PCR_48H, maxHours };
          const result = checkResult(check, sampled(FIXED_NOW - ageMinutes * MINUTE));
          if (ageMinutes < -1) return result === 'implausible';
          return result === (ageMinutes <= maxHours * 60 ? 'pass' : 'refused');
        },
      ),
    );
  });

  it('counts from the checked time the answer was recorded, not from a device clock', () => {
    // Recorded on a tablet whose clock ran a day ahead: the visit holds the checked time.
    const at = FIXED_NOW;
    const [opened, answer] = visitEvents(
      [
        ev.opened('county-2'),
        ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: at - 47 * HOUR }),
      ],
      { start: at },
    );
    if (!opened || !answer) throw new Error('two events');
    const ahead = { ...answer, at: at + 24 * HOUR, clockOffset: 24 * HOUR };
    const answered = foldVisit([opened, ahead])?.checks?.['pcr-48h'];
    expect(answered?.at).toBe(at);
    expect(answered && checkResult(PCR_48H, answered)).toBe('pass');
  });

  it('shows hours and minutes since the sampling', () => {
    expect(hoursSince(FIXED_NOW - 49 * HOUR - 12 * MINUTE, FIXED_NOW)).toBe('49:12');
  });
});

describe('yes/no and choice checks', () => {
  it('yes passes, no refuses', () => {
    const at = FIXED_NOW;
    expect(checkResult(VENUE_CODE, { answer: { kind: 'yes-no', yes: true }, at })).toBe('pass');
    expect(checkResult(VENUE_CODE, { answer: { kind: 'yes-no', yes: false }, at })).toBe('refused');
  });

  it('a refusing option refuses, another passes, an unknown one is asked again', () => {
    const pick = (option: string) =>
      checkResult(VACCINATION, { answer: { kind: 'choice', option }, at: 0 });
    expect(pick('full')).toBe('pass');
    expect(pick('partial')).toBe('pass');
    expect(pick('none')).toBe('refused');
    expect(pick('booster')).toBe('implausible');
  });

  it('an answer of another kind (the check changed under its key) is asked again', () => {
    expect(checkResult(PCR_48H, { answer: { kind: 'yes-no', yes: true }, at: 0 })).toBe(
      'implausible',
    );
  });
});

/** Every must of the six answered and passing. */
const sixMusts = [
  ev.opened('county-2'),
  ev.booked(aBooking()),
  ev.mask(),
  ev.hands(),
  ev.temperature(36.5),
  ev.symptoms(),
  ev.identity(),
  ev.healthCode('green'),
  ev.travelCode(false),
];

describe('the door asks the policy’s checks where the policy places them', () => {
  const policy = policyWithChecks([PCR_48H, VENUE_CODE]);

  it('the PCR check follows the health code, the venue code the travel code', () => {
    const beforeTravel = aVisit(sixMusts.slice(0, 8));
    expect(nextStep(beforeTravel, policy)).toBe('check');
    expect(openCheck(beforeTravel, policy)?.key).toBe('pcr-48h');
    const pcr = ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW - HOUR });
    const afterPcr = aVisit([...sixMusts.slice(0, 8), pcr]);
    expect(nextStep(afterPcr, policy)).toBe('travel-code');
    const all = aVisit([...sixMusts, pcr]);
    expect(openCheck(all, policy)?.key).toBe('venue-code');
    const done = aVisit([
      ...sixMusts,
      pcr,
      ev.checkAnswered('venue-code', { kind: 'yes-no', yes: true }),
    ]);
    expect(outcome(done, policy)).toEqual({ kind: 'admitted', policyVersion: 'county-2' });
  });

  it('a visitor sampled 50 h ago is refused by the PCR check, which says why', () => {
    const visit = aVisit(
      [
        ...sixMusts,
        ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW - 50 * HOUR }),
      ],
      { start: FIXED_NOW - 10_000 },
    );
    expect(outcome(visit, policy)).toEqual({
      kind: 'refused',
      reason: 'check-refused',
      policyVersion: 'county-2',
    });
    expect(refusingCheck(visit, policy)?.refusal['zh-CN']).toContain('48 小时');
  });

  it('a future sampling time does not decide: the check is asked again', () => {
    const visit = aVisit([
      ...sixMusts.slice(0, 8),
      ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW + 5 * HOUR }),
    ]);
    expect(openCheck(visit, policy)?.key).toBe('pcr-48h');
  });

  it('an undo of a check’s refusal reopens the checks and asks them again', () => {
    const refused = [
      ...sixMusts,
      ev.checkAnswered('pcr-48h', { kind: 'time-since', sampledAt: FIXED_NOW - 50 * HOUR }),
      ev.decided({ kind: 'refused', reason: 'check-refused' }, 'county-2'),
    ];
    expect(refusingMust(aVisit(refused), policy)).toBe('checks');
    const reopened = aVisit([...refused, ev.reopened('checks')]);
    expect(openCheck(reopened, policy)?.key).toBe('pcr-48h');
  });

  it('a policy without checks asks none (the visits of before stay as they were)', () => {
    expect(outcome(aVisit(sixMusts), DEFAULT_POLICY)?.kind).toBe('admitted');
  });
});

describe('the policy schema checks a check', () => {
  const parse = (checks: unknown) => policySchema.safeParse({ ...DEFAULT_POLICY, checks });

  it('takes the fixtures and defaults to none', () => {
    expect(parse([PCR_48H, VENUE_CODE, VACCINATION]).success).toBe(true);
    const { checks: _none, ...older } = DEFAULT_POLICY;
    expect(policySchema.parse(older).checks).toEqual([]);
  });

  it.each([
    ['a duplicate key', [VENUE_CODE, VENUE_CODE], 'check keys must be unique'],
    ['a refusing option it lacks', [{ ...VACCINATION, refuses: ['never'] }], 'own options'],
    ['every option refusing', [{ ...VACCINATION, refuses: ['full', 'partial', 'none'] }], 'admit'],
    ['no English label', [{ ...VENUE_CODE, label: { 'zh-CN': '场所码' } }], 'en'],
    ['a time since of a year', [{ ...PCR_48H, maxHours: 8760 }], 'maxHours'],
    ['an unknown place', [{ ...VENUE_CODE, after: 'lunch' }], 'after'],
  ])('refuses %s, with the reason', (_what, checks, reason) => {
    const result = parse(checks);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(reason);
  });
});
