import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckpointEvent, EventBody } from '../../src/domain/events';
import { arrivalWindow, nextStep, outcome } from '../../src/domain/flow';
import { identityForHealth, refusingMust } from '../../src/domain/flow-queries';
import { followUps } from '../../src/domain/follow-ups';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import { findReturnee } from '../../src/domain/returnee';
import { foldVisit } from '../../src/domain/visit';
import {
  aBooking,
  aVisit,
  type EventSpec,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
  validIdNumber,
  visitEvents,
} from '../fixtures/builders';

const P = DEFAULT_POLICY;
const wrongCheckDigit = () => {
  const good = validIdNumber();
  return `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
};
const atDoor: EventBody[] = [ev.opened(), ev.booked(aBooking()), ev.mask(), ev.hands()];
const rested = (celsius: number): EventSpec =>
  pinAt(ev.temperature(celsius), FIXED_NOW + 5 * MINUTE);
const papersFine: EventBody[] = [ev.identity(), ev.healthCode('green'), ev.travelCode(false)];

describe('the fold counts an event once (issue 12, domain hardening)', () => {
  it('a first reading 37.8 delivered twice is not its own re-check', () => {
    const events = visitEvents([...atDoor, ev.temperature(37.8)]);
    const last = events[events.length - 1] as CheckpointEvent;
    const visit = foldVisit([...events, { ...last }]);
    expect(visit?.readings).toHaveLength(1);
    if (!visit) throw new Error('no visit');
    expect(nextStep(visit, P)).toBe('recheck');
    expect(outcome(visit, P)).toBeNull();
  });

  it('any events with any duplicates fold as without them', () => {
    const bodies = [
      ...atDoor,
      ev.temperature(37.4),
      rested(37.4),
      ev.symptoms({ cough: true }),
      ...papersFine,
      ev.called(1),
    ];
    const events = visitEvents(bodies);
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (dupes, order) => {
          const withDupes = [
            ...events,
            ...dupes.map((i) => ({ ...(events[i] as CheckpointEvent) })),
          ];
          const shuffled = withDupes
            .map((e) => ({ e, k: order.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.e);
          expect(foldVisit(shuffled)).toStrictEqual(foldVisit(events));
        },
      ),
    );
  });
});

describe('malformed code data fails closed', () => {
  const before: EventBody[] = [...atDoor, ev.temperature(36.5), ev.identity()];
  const weird = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(''),
    fc.constant(0),
    fc.constant(1),
    fc.constant('false'),
    fc.constant('no'),
    fc.string(),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom('green', 'yellow', 'red', 'GREEN', 'Green', ' green'),
  );

  it('random code data never admits unless it is a well-formed green / no-risk pair', () => {
    fc.assert(
      fc.property(weird, weird, (colour, riskArea) => {
        const codes = [
          { type: 'health-code.checked', data: { colour, method: 'manual' } },
          { type: 'travel-code.checked', data: { riskArea, method: 'manual' } },
        ] as unknown as EventBody[];
        const verdict = outcome(aVisit([...before, ...codes]), P);
        const wellFormed = colour === 'green' && riskArea === false;
        expect(verdict?.kind === 'admitted').toBe(wellFormed);
      }),
    );
  });

  it.each([undefined, '', 0, null])('riskArea %j never admits', (riskArea) => {
    const travel = { type: 'travel-code.checked', data: { riskArea, method: 'manual' } };
    const visit = aVisit([...before, ev.healthCode('green'), travel as unknown as EventBody]);
    expect(outcome(visit, P)?.kind).not.toBe('admitted');
  });
});

describe('the verdict re-validates the identity', () => {
  it.each([
    ['an ID "123"', { name: '王建国', idNumber: '123', phone: '13812345678' }],
    ['a wrong check digit', { name: '王建国', idNumber: wrongCheckDigit(), phone: '13812345678' }],
    ['an empty name', { name: '  ', idNumber: validIdNumber(), phone: '13812345678' }],
    ['a garbage phone', { name: '王建国', idNumber: validIdNumber(), phone: '12345' }],
  ])('%s with every other must passing is not admitted', (_name, who) => {
    const visit = aVisit([
      ...atDoor,
      ev.temperature(36.5),
      ev.identity(who),
      ev.healthCode(),
      ev.travelCode(false),
    ]);
    expect(outcome(visit, P)).toBeNull();
    expect(nextStep(visit, P)).toBe('identity');
  });

  it('a landline is a phone', () => {
    const who = { name: '王建国', idNumber: validIdNumber(), phone: '0571-88888888' };
    const visit = aVisit([
      ...atDoor,
      ev.temperature(36.5),
      ev.identity(who),
      ev.healthCode(),
      ev.travelCode(false),
    ]);
    expect(outcome(visit, P)?.kind).toBe('admitted');
  });
});

describe('no anonymous suspected case', () => {
  const walkIn: EventBody[] = [ev.opened(), ev.walkIn(true), ev.mask(), ev.hands()];
  it.each<[string, EventSpec[], string, string]>([
    [
      're-check 37.8 (isolation)',
      [...walkIn, ev.temperature(37.8), rested(37.8)],
      'isolated',
      'isolated',
    ],
    [
      're-check 37.4 (home)',
      [...walkIn, ev.temperature(37.4), rested(37.4)],
      'refused',
      'home-observation',
    ],
    [
      'a cough (fever clinic)',
      [...walkIn, ev.symptoms({ cough: true }), ev.temperature(36.5)],
      'refused',
      'fever-clinic',
    ],
  ])('%s: the door takes the identity first, then decides', (_name, events, kind, health) => {
    const visit = aVisit(events);
    expect(nextStep(visit, P)).toBe('identity');
    expect(identityForHealth(visit, P)).toBe(health);
    expect(outcome(visit, P)).toBeNull();
    const known = aVisit([...events, ev.identity(aBooking(), 'typed')]);
    expect(outcome(known, P)?.kind).toBe(kind);
    const refusing = aVisit([...events, ev.identityRefused()]);
    expect(outcome(refusing, P)?.kind).toBe(kind);
  });

  it('a refused identity raises the duty-lead incident', () => {
    const events = [...walkIn, ev.temperature(37.8), rested(37.8)];
    const before = aVisit(events);
    const after = aVisit([...events, ev.identityRefused()]);
    const drafts = followUps(before, after, () => 'X', DEFAULT_POLICY);
    expect(drafts.filter((d) => d.type === 'incident.reported')).toHaveLength(1);
  });
});

describe('the re-check rest is enforced', () => {
  it('a re-check 1 s after the first reading does not count', () => {
    const visit = aVisit([...atDoor, ev.temperature(37.8), ev.temperature(37.8)]);
    expect(nextStep(visit, P)).toBe('recheck');
  });
  it('an early re-check with a recorded reason counts', () => {
    const visit = aVisit([
      ...atDoor,
      ev.temperature(37.4),
      ev.restSkipped('visitor-cannot-wait'),
      ev.temperature(36.6),
    ]);
    expect(nextStep(visit, P)).toBe('identity');
  });
});

describe('mask refusal', () => {
  it('is a refusal with an incident, and no free mask is counted', () => {
    const before = aVisit([ev.opened(), ev.walkIn(true)]);
    const after = aVisit([ev.opened(), ev.walkIn(true), ev.mask('refused')]);
    expect(outcome(after, P)).toStrictEqual({
      kind: 'refused',
      reason: 'mask-refused',
      policyVersion: P.version,
    });
    expect(after.mask).not.toBe('given');
    const decided = aVisit([
      ev.opened(),
      ev.walkIn(true),
      ev.mask('refused'),
      ev.decided({ kind: 'refused', reason: 'mask-refused' }),
    ]);
    expect(followUps(before, decided, () => 'X', DEFAULT_POLICY).map((d) => d.type)).toEqual([
      'incident.reported',
    ]);
  });
});

describe('undo of a refusal', () => {
  it('reopens a red code at the health code; the decision stays in the log', () => {
    const events = [
      ...atDoor,
      ev.temperature(36.5),
      ev.identity(),
      ev.healthCode('red'),
      ev.decided({ kind: 'refused', reason: 'code-not-green' }),
    ];
    const refused = aVisit(events);
    expect(refusingMust(refused, P)).toBe('health-code');
    const undone = aVisit([...events, ev.reopened('health-code')]);
    expect(undone.status).toBe('open');
    expect(nextStep(undone, P)).toBe('health-code');
    const green = aVisit([
      ...events,
      ev.reopened('health-code'),
      ev.healthCode('green'),
      ev.travelCode(false),
    ]);
    expect(outcome(green, P)?.kind).toBe('admitted');
  });

  it('reopens home observation at the re-check', () => {
    const events = [
      ...atDoor,
      ev.temperature(37.4),
      rested(37.4),
      ev.identity(),
      ev.decided({ kind: 'refused', reason: 'home-observation' }),
    ];
    expect(refusingMust(aVisit(events), P)).toBe('recheck');
    expect(nextStep(aVisit([...events, ev.reopened('recheck')]), P)).toBe('recheck');
  });

  it('never reopens an admitted or isolated visit', () => {
    const admitted = [
      ...atDoor,
      ev.temperature(36.5),
      ...papersFine,
      ev.decided({ kind: 'admitted', ticket: 'A001' }),
    ];
    expect(refusingMust(aVisit(admitted), P)).toBeNull();
    expect(aVisit([...admitted, ev.reopened('health-code')]).status).toBe('admitted');
  });
});

describe('returnee', () => {
  const match = {
    visit: 'earlier',
    at: FIXED_NOW - 20 * MINUTE,
    verdict: 'home-observation',
    by: 'id-number',
  } as const;
  const events = [
    ...atDoor,
    ev.temperature(36.5),
    ev.identity(),
    ev.returnee(match),
    ev.healthCode(),
    ev.travelCode(false),
  ];
  it('is refused by default and alerts the lead', () => {
    expect(outcome(aVisit(events), P)?.kind).toBe('refused');
    const before = aVisit(events.slice(0, -3));
    const drafts = followUps(before, aVisit(events), () => 'X', DEFAULT_POLICY);
    expect(drafts.map((d) => (d.type === 'incident.reported' ? d.data.kind : d.type))).toEqual([
      'returnee',
    ]);
  });
  it('only alerts under an "alert" policy', () => {
    const alertOnly: Policy = { ...P, returnee: { rule: 'alert' } };
    expect(outcome(aVisit(events), alertOnly)?.kind).toBe('admitted');
  });
});

describe('arrival windows', () => {
  const slot = { slotStart: FIXED_NOW, slotEnd: FIXED_NOW + 30 * MINUTE };
  it('early: told the time they may come in', () => {
    expect(arrivalWindow(slot, FIXED_NOW - 40 * MINUTE, P)).toEqual({
      kind: 'early',
      from: FIXED_NOW - 30 * MINUTE,
    });
    expect(arrivalWindow(slot, FIXED_NOW - 30 * MINUTE, P)).toEqual({ kind: 'on-time' });
    expect(arrivalWindow(slot, FIXED_NOW + 91 * MINUTE, P)).toEqual({
      kind: 'late',
      rule: 'refuse',
    });
  });
});

describe('findReturnee', () => {
  const person = aBooking();
  const sentHome = aVisit(
    [
      ev.opened(),
      ev.walkIn(true),
      ev.mask(),
      ev.hands(),
      ev.temperature(37.4),
      rested(37.4),
      ev.identity(person, 'typed'),
      ev.decided({ kind: 'refused', reason: 'home-observation' }),
    ],
    { visit: 'earlier' },
  );
  const admitted = aVisit(
    [
      ...atDoor,
      ev.temperature(36.5),
      ...papersFine,
      ev.decided({ kind: 'admitted', ticket: 'A001' }),
    ],
    { visit: 'fine' },
  );
  it('finds the same person by ID number, phone or booking', () => {
    expect(findReturnee([sentHome, admitted], { idNumber: person.idNumber }, null)?.by).toBe(
      'id-number',
    );
    expect(findReturnee([sentHome], { phone: person.phone }, null)?.verdict).toBe(
      'home-observation',
    );
    expect(
      findReturnee([sentHome], { idNumber: validIdNumber('11010119800101123') }, null),
    ).toBeNull();
    expect(findReturnee([admitted], { idNumber: person.idNumber }, null)).toBeNull();
    expect(findReturnee([sentHome], { idNumber: person.idNumber }, 'earlier')).toBeNull();
  });
});
