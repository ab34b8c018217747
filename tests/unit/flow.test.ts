import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events';
import { type DoorStep, nextStep, outcome, type Verdict } from '../../src/domain/flow';
import { recheckRestUntil } from '../../src/domain/flow-queries';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import {
  aBooking,
  aVisit,
  type EventSpec,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
} from '../fixtures/builders';

type PolicyPatch = {
  version?: string;
  temperature?: Partial<Policy['temperature']>;
  appointment?: Partial<Policy['appointment']>;
  codes?: Partial<Policy['codes']>;
};

function policy(patch: PolicyPatch = {}): Policy {
  return {
    ...DEFAULT_POLICY,
    version: patch.version ?? 'test-policy',
    temperature: { ...DEFAULT_POLICY.temperature, ...patch.temperature },
    appointment: { ...DEFAULT_POLICY.appointment, ...patch.appointment },
    codes: { ...DEFAULT_POLICY.codes, ...patch.codes },
    ledger: DEFAULT_POLICY.ledger,
  };
}

const booked = ev.booked(aBooking());
/** A re-check taken after the policy's rest (a re-check before it does not count). */
const rested = (celsius: number, after = FIXED_NOW): EventSpec =>
  pinAt(ev.temperature(celsius), after + 10 * MINUTE);
/** Who it was: a health verdict waits for it (issue 12). */
const who = ev.identity();
/** The first three musts passed by a visitor on time. */
const atDoor: EventBody[] = [ev.opened(), booked, ev.mask(), ev.hands()];
/** Identity and both codes, all fine. */
const papersFine: EventBody[] = [ev.identity(), ev.healthCode('green'), ev.travelCode(false)];

const admitted = (p: Policy = DEFAULT_POLICY): Verdict => ({
  kind: 'admitted',
  policyVersion: p.version,
});
const refused = (reason: Extract<Verdict, { kind: 'refused' }>['reason']): Verdict => ({
  kind: 'refused',
  reason,
  policyVersion: DEFAULT_POLICY.version,
});
const isolated: Verdict = { kind: 'isolated', policyVersion: DEFAULT_POLICY.version };

interface Case {
  name: string;
  events: EventSpec[];
  policy?: Policy;
  verdict: Verdict | null;
  step: DoorStep;
}

function bookingArrivingAt(minutesFromSlotStart: number): EventSpec[] {
  const slotStart = FIXED_NOW - minutesFromSlotStart * MINUTE;
  return [ev.opened(), pinAt(ev.booked(aBooking({ slotStart })), FIXED_NOW)];
}

const appointmentCases: Case[] = [
  {
    name: 'green booked visitor with a normal reading is admitted',
    events: [...atDoor, ev.temperature(36.5), ...papersFine],
    verdict: admitted(),
    step: 'decide',
  },
  {
    name: 'no appointment, urgent-only hall, not urgent: refused no-appointment',
    events: [ev.opened(), ev.walkIn(false)],
    verdict: refused('no-appointment'),
    step: 'decide',
  },
  {
    name: 'no appointment, urgent-only hall, urgent: continues to the mask',
    events: [ev.opened(), ev.walkIn(true)],
    verdict: null,
    step: 'mask',
  },
  {
    name: 'urgent walk-in passing every must is admitted',
    events: [
      ev.opened(),
      ev.walkIn(true),
      ev.mask('given'),
      ev.hands(),
      ev.temperature(36.6),
      ...papersFine,
    ],
    verdict: admitted(),
    step: 'decide',
  },
  {
    name: 'walk-ins refused: even an urgent one is refused no-appointment',
    events: [ev.opened(), ev.walkIn(true)],
    policy: policy({ appointment: { walkIn: 'refuse' } }),
    verdict: { kind: 'refused', reason: 'no-appointment', policyVersion: 'test-policy' },
    step: 'decide',
  },
  {
    name: 'walk-ins admitted: a non-urgent one continues',
    events: [ev.opened(), ev.walkIn(false)],
    policy: policy({ appointment: { walkIn: 'admit' } }),
    verdict: null,
    step: 'mask',
  },
  {
    name: 'more than 30 minutes before the slot: refused too-early',
    events: bookingArrivingAt(-31),
    verdict: refused('too-early'),
    step: 'decide',
  },
  {
    name: 'exactly 30 minutes before the slot: continues',
    events: bookingArrivingAt(-30),
    verdict: null,
    step: 'mask',
  },
  {
    name: 'an earlier tolerance in the policy refuses the same arrival',
    events: bookingArrivingAt(-30),
    policy: policy({ appointment: { earlyToleranceMinutes: 10 } }),
    verdict: { kind: 'refused', reason: 'too-early', policyVersion: 'test-policy' },
    step: 'decide',
  },
  {
    // The slot lasts 30 minutes, so 91 minutes after its start is 61 after its end.
    name: 'more than 60 minutes after the slot, lateRule refuse: refused too-late',
    events: bookingArrivingAt(91),
    verdict: refused('too-late'),
    step: 'decide',
  },
  {
    name: 'exactly 60 minutes after the slot: continues',
    events: bookingArrivingAt(90),
    verdict: null,
    step: 'mask',
  },
  {
    name: 'more than 60 minutes after the slot, lateRule admit: continues',
    events: bookingArrivingAt(91),
    policy: policy({ appointment: { lateRule: 'admit' } }),
    verdict: null,
    step: 'mask',
  },
];

const temperatureCases: Case[] = [
  {
    name: 'first reading 37.4: re-check',
    events: [...atDoor, ev.temperature(37.4)],
    verdict: null,
    step: 'recheck',
  },
  {
    name: 'first reading 38.5: re-check first, never isolated on one reading',
    events: [...atDoor, ev.temperature(38.5)],
    verdict: null,
    step: 'recheck',
  },
  {
    name: 're-check 36.8: continues to identity',
    events: [...atDoor, ev.temperature(37.4), rested(36.8)],
    verdict: null,
    step: 'identity',
  },
  {
    name: 're-check 36.8 and every other must fine: admitted',
    events: [...atDoor, ev.temperature(37.4), rested(36.8), ...papersFine],
    verdict: admitted(),
    step: 'decide',
  },
  {
    name: 're-check 37.4, no symptoms: home observation',
    events: [...atDoor, ev.temperature(37.4), rested(37.4), who],
    verdict: refused('home-observation'),
    step: 'decide',
  },
  {
    name: 're-check 37.5 (upper bound), no symptoms: home observation',
    events: [...atDoor, ev.temperature(37.4), rested(37.5), who],
    verdict: refused('home-observation'),
    step: 'decide',
  },
  {
    name: 're-check 37.4 with a cough: fever clinic',
    events: [...atDoor, ev.temperature(37.4), ev.symptoms({ cough: true }), rested(37.4), who],
    verdict: refused('fever-clinic'),
    step: 'decide',
  },
  {
    name: 're-check 36.8 with breathing difficulty: fever clinic',
    events: [...atDoor, ev.temperature(37.4), rested(36.8), ev.symptoms({ breathing: true }), who],
    verdict: refused('fever-clinic'),
    step: 'decide',
  },
  {
    name: 'the re-check decides: a later fever reading is recorded, not counted',
    events: [...atDoor, ev.temperature(37.4), rested(36.8), ev.temperature(37.8), who],
    verdict: null,
    step: 'health-code',
  },
  {
    name: 'the re-check decides: measuring again until the number is low still isolates',
    events: [...atDoor, ev.temperature(37.8), rested(37.6), ev.temperature(36.9), who],
    verdict: isolated,
    step: 'decide',
  },
  {
    name: 're-check 37.8: isolated',
    events: [...atDoor, ev.temperature(37.4), rested(37.8), who],
    verdict: isolated,
    step: 'decide',
  },
  {
    name: 're-check 37.6 (just above home observation): isolated',
    events: [...atDoor, ev.temperature(37.4), rested(37.6), who],
    verdict: isolated,
    step: 'decide',
  },
  {
    name: 'normal reading with other symptoms: fever clinic',
    events: [...atDoor, ev.temperature(36.5), ev.symptoms({ other: true }), who],
    verdict: refused('fever-clinic'),
    step: 'decide',
  },
  {
    name: 'normal reading, symptoms all answered no: continues',
    events: [...atDoor, ev.temperature(36.5), ev.symptoms()],
    verdict: null,
    step: 'identity',
  },
  {
    name: 'implausible reading 365 is ignored: still at temperature',
    events: [...atDoor, ev.temperature(365, 'keypad')],
    verdict: null,
    step: 'temperature',
  },
  {
    name: 'implausible 365 then 36.5: continues on the plausible reading',
    events: [...atDoor, ev.temperature(365, 'keypad'), ev.temperature(36.5)],
    verdict: null,
    step: 'identity',
  },
  {
    name: 'implausible re-check (99.9) is ignored: still re-check',
    events: [...atDoor, ev.temperature(37.4), rested(99.9)],
    verdict: null,
    step: 'recheck',
  },
  {
    name: 'implausible first reading then 37.4: re-check (365 is not the first reading)',
    events: [...atDoor, ev.temperature(365, 'keypad'), ev.temperature(37.4)],
    verdict: null,
    step: 'recheck',
  },
];

const codeCases: Case[] = [
  {
    name: 'yellow health code: code-not-green',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode('yellow')],
    verdict: refused('code-not-green'),
    step: 'decide',
  },
  {
    name: 'red health code: code-not-green',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode('red')],
    verdict: refused('code-not-green'),
    step: 'decide',
  },
  {
    name: 'a hall accepting yellow codes lets a yellow code continue',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode('yellow')],
    policy: policy({ codes: { acceptedHealthColours: ['green', 'yellow'] } }),
    verdict: null,
    step: 'travel-code',
  },
  {
    name: 'medium/high-risk-area travel: risk-area-travel',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode(), ev.travelCode(true)],
    verdict: refused('risk-area-travel'),
    step: 'decide',
  },
  {
    name: 'risk-area travel in a hall that does not refuse it: admitted',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode(), ev.travelCode(true)],
    policy: policy({ codes: { refuseRiskAreaTravel: false } }),
    verdict: admitted(policy()),
    step: 'decide',
  },
  {
    name: 'the earliest failing must gives the reason (no appointment before a red code)',
    events: [ev.opened(), ev.walkIn(false), ev.healthCode('red'), ev.travelCode(true)],
    verdict: refused('no-appointment'),
    step: 'decide',
  },
  {
    name: 'a refusal is final even though later musts are missing',
    events: [...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode('red')],
    verdict: refused('code-not-green'),
    step: 'decide',
  },
];

describe.each([
  ['appointment', appointmentCases],
  ['temperature', temperatureCases],
  ['codes', codeCases],
])('outcome() and nextStep(): %s', (_group, cases) => {
  it.each(cases)('$name', ({ events, policy: p = DEFAULT_POLICY, verdict, step }) => {
    const visit = aVisit(events);
    expect(outcome(visit, p)).toStrictEqual(verdict);
    expect(nextStep(visit, p)).toBe(step);
  });
});

describe('nextStep order', () => {
  const path: [EventBody, DoorStep][] = [
    [booked, 'mask'],
    [ev.mask(), 'hands'],
    [ev.hands(), 'temperature'],
    [ev.temperature(36.5), 'identity'],
    [ev.identity(), 'health-code'],
    [ev.healthCode(), 'travel-code'],
    [ev.travelCode(false), 'decide'],
  ];

  it('goes appointment → mask → hands → temperature → identity → health-code → travel-code → decide', () => {
    const events: EventBody[] = [ev.opened()];
    const steps: DoorStep[] = [nextStep(aVisit(events), DEFAULT_POLICY)];
    for (const [event] of path) {
      events.push(event);
      steps.push(nextStep(aVisit(events), DEFAULT_POLICY));
    }
    expect(steps).toStrictEqual([
      'appointment',
      'mask',
      'hands',
      'temperature',
      'identity',
      'health-code',
      'travel-code',
      'decide',
    ]);
  });

  it('asks for the earliest missing must, whatever was recorded after it', () => {
    const everythingButHands = [
      ev.opened(),
      booked,
      ev.mask(),
      ev.temperature(36.5),
      ...papersFine,
    ];
    expect(nextStep(aVisit(everythingButHands), DEFAULT_POLICY)).toBe('hands');
    expect(outcome(aVisit(everythingButHands), DEFAULT_POLICY)).toBeNull();
    const noAppointmentYet = [
      ev.opened(),
      ev.mask(),
      ev.hands(),
      ev.temperature(36.5),
      ...papersFine,
    ];
    expect(nextStep(aVisit(noAppointmentYet), DEFAULT_POLICY)).toBe('appointment');
  });

  it('a decided visit is done', () => {
    const visit = aVisit([
      ...atDoor,
      ev.temperature(36.5),
      ...papersFine,
      ev.decided({ kind: 'admitted', ticket: 'A001' }),
    ]);
    expect(nextStep(visit, DEFAULT_POLICY)).toBe('done');
  });

  it('a refused visit, once decided, is done', () => {
    const visit = aVisit([
      ev.opened(),
      ev.walkIn(false),
      ev.decided({ kind: 'refused', reason: 'no-appointment' }),
    ]);
    expect(nextStep(visit, DEFAULT_POLICY)).toBe('done');
  });

  it('an abandoned visit is done, even with musts still open', () => {
    const visit = aVisit([ev.opened(), booked, ev.abandoned('left')]);
    expect(nextStep(visit, DEFAULT_POLICY)).toBe('done');
  });
});

describe('the verdict and the policy', () => {
  it('carries the version of the policy it was decided by', () => {
    const hall = policy({ version: 'hall-b-7' });
    const visit = aVisit([...atDoor, ev.temperature(36.5), ...papersFine]);
    expect(outcome(visit, hall)).toStrictEqual({ kind: 'admitted', policyVersion: 'hall-b-7' });
    const redVisit = aVisit([...atDoor, ev.temperature(36.5), ev.identity(), ev.healthCode('red')]);
    expect(outcome(redVisit, hall)).toStrictEqual({
      kind: 'refused',
      reason: 'code-not-green',
      policyVersion: 'hall-b-7',
    });
    const feverVisit = aVisit([...atDoor, ev.temperature(38), rested(38.2), who]);
    expect(outcome(feverVisit, hall)).toStrictEqual({
      kind: 'isolated',
      policyVersion: 'hall-b-7',
    });
  });

  it('a policy re-checking at 37.0 changes the band (rules read the policy)', () => {
    const at37 = policy({ temperature: { recheckAtC: 37.0 } });
    const first = aVisit([...atDoor, ev.temperature(37.1)]);
    expect(nextStep(first, DEFAULT_POLICY)).toBe('identity');
    expect(nextStep(first, at37)).toBe('recheck');

    const rechecked = aVisit([...atDoor, ev.temperature(37.1), rested(37.1), ...papersFine]);
    expect(outcome(rechecked, DEFAULT_POLICY)).toStrictEqual(admitted());
    expect(outcome(rechecked, at37)).toStrictEqual({
      kind: 'refused',
      reason: 'home-observation',
      policyVersion: 'test-policy',
    });
  });

  it('a lower home-observation ceiling isolates a re-check the default sends home', () => {
    const lowCeiling = policy({ temperature: { homeObservationMaxC: 37.3 } });
    const visit = aVisit([...atDoor, ev.temperature(37.4), rested(37.4), who]);
    expect(outcome(visit, DEFAULT_POLICY)).toStrictEqual(refused('home-observation'));
    expect(outcome(visit, lowCeiling)).toStrictEqual({
      kind: 'isolated',
      policyVersion: 'test-policy',
    });
  });
});

describe('recheckRestUntil', () => {
  const measuredAt = FIXED_NOW + 5 * MINUTE;

  it('is the first raised reading plus the rest the policy sets', () => {
    const visit = aVisit([...atDoor, pinAt(ev.temperature(37.4), measuredAt)]);
    expect(recheckRestUntil(visit, DEFAULT_POLICY)).toBe(measuredAt + 120_000);
    const longRest = policy({ temperature: { recheckRestSeconds: 300 } });
    expect(recheckRestUntil(visit, longRest)).toBe(measuredAt + 300_000);
  });

  it('counts from the first plausible reading, not from a mistyped one', () => {
    const visit = aVisit([
      ...atDoor,
      pinAt(ev.temperature(365, 'keypad'), measuredAt),
      pinAt(ev.temperature(37.4), measuredAt + 20_000),
    ]);
    expect(recheckRestUntil(visit, DEFAULT_POLICY)).toBe(measuredAt + 20_000 + 120_000);
  });

  it.each<[string, EventSpec[]]>([
    ['no reading yet', atDoor],
    ['a normal reading', [...atDoor, ev.temperature(36.5)]],
    ['the re-check already done', [...atDoor, ev.temperature(37.4), rested(36.8)]],
    [
      'the visit abandoned during the rest',
      [...atDoor, ev.temperature(37.4), ev.abandoned('left')],
    ],
  ])('is null with %s', (_name, events) => {
    expect(recheckRestUntil(aVisit(events), DEFAULT_POLICY)).toBeNull();
  });
});
