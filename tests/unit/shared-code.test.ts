import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events';
import { outcome } from '../../src/domain/flow';
import { followUps } from '../../src/domain/follow-ups';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { findSharedCode, indexCodes } from '../../src/domain/shared-code';
import type { Visit } from '../../src/domain/visit';
import {
  aBooking,
  aScanCheck,
  aVisit,
  ev,
  FIXED_NOW,
  MINUTE,
  validIdNumber,
} from '../fixtures/builders';

const HASH = 'ab'.repeat(32);

/** 李四's booked visit through the identity step, where the codes are asked next. */
const toIdentity = () => [
  ev.opened(),
  ev.booked(LI),
  ev.mask(),
  ev.hands(),
  ev.temperature(36.5),
  ev.symptoms(),
  ev.identity(LI),
];
const OTHER_HASH = 'cd'.repeat(32);
const WANG = aBooking({ name: '王小明', idNumber: validIdNumber('11010519491231002') });
const LI = aBooking({ name: '李华', idNumber: validIdNumber('11010519491231003') });

function shown(id: string, who: typeof WANG, hash: string, start: number): Visit {
  return aVisit(
    [
      ev.opened(),
      ev.booked(who),
      ev.mask(),
      ev.hands(),
      ev.temperature(36.5),
      ev.symptoms(),
      ev.identity(who),
      ev.healthCode('green', { ...aScanCheck(), payloadHash: hash }),
    ],
    { visit: id, start },
  );
}

describe('the same code for two people', () => {
  it('alerts for another identity, with the earliest showing', () => {
    const index = indexCodes([
      shown('v1', WANG, HASH, FIXED_NOW),
      shown('v2', WANG, HASH, FIXED_NOW + 30 * MINUTE),
    ]);
    const match = findSharedCode(index, HASH, LI.idNumber, 'v3');
    expect(match).toMatchObject({ visit: 'v1', name: '王小明' });
  });

  it('does not alert for the same person twice (a returnee of the day), nor for another code', () => {
    const index = indexCodes([shown('v1', WANG, HASH, FIXED_NOW)]);
    expect(findSharedCode(index, HASH, WANG.idNumber.toLowerCase(), 'v2')).toBeNull();
    expect(findSharedCode(index, OTHER_HASH, LI.idNumber, 'v2')).toBeNull();
    expect(findSharedCode(index, HASH, LI.idNumber, 'v1')).toBeNull();
  });

  it('alerts exactly when some earlier visit of the code had another identity (property)', () => {
    const people = [
      WANG,
      LI,
      aBooking({ name: '赵六', idNumber: validIdNumber('11010519491231005') }),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.nat(2), hash: fc.boolean() }), { maxLength: 8 }),
        fc.nat(2),
        (earlier, me) => {
          const visits = earlier.map((e, i) =>
            shown(
              `v${i}`,
              people[e.who] ?? WANG,
              e.hash ? HASH : OTHER_HASH,
              FIXED_NOW + i * MINUTE,
            ),
          );
          const mine = people[me] ?? WANG;
          const match = findSharedCode(indexCodes(visits), HASH, mine.idNumber, 'me');
          const expected = earlier.findIndex((e) => e.hash && e.who !== me);
          expect(match?.visit ?? null).toBe(expected < 0 ? null : `v${expected}`);
        },
      ),
    );
  });

  it('records the decision: refuse refuses, continue admits, both tell the lead', () => {
    const before = aVisit([...toIdentity()]);
    const shared = (decision: 'continue' | 'refuse'): EventBody =>
      ev.codeChecked({
        colour: 'green',
        ...aScanCheck(),
        shared: { visit: 'v1', at: FIXED_NOW, decision },
      });
    for (const decision of ['continue', 'refuse'] as const) {
      const after = aVisit([...toIdentity(), shared(decision), ev.travelCode(false)]);
      expect(after.sharedCode?.decision).toBe(decision);
      expect(outcome(after, DEFAULT_POLICY)).toMatchObject(
        decision === 'refuse' ? { kind: 'refused', reason: 'code-shared' } : { kind: 'admitted' },
      );
      const drafts = followUps(before, after, () => 'I1', DEFAULT_POLICY);
      expect(drafts).toContainEqual(
        expect.objectContaining({
          type: 'incident.reported',
          data: expect.objectContaining({ kind: 'shared-code', visit: after.id }),
        }),
      );
    }
  });

  it('an undo of the refusal withdraws the lead’s alert', () => {
    const specs = [
      ...toIdentity(),
      ev.codeChecked({
        colour: 'green',
        ...aScanCheck(),
        shared: { visit: 'v1', at: FIXED_NOW, decision: 'refuse' },
      }),
      ev.decided({ kind: 'refused', reason: 'code-shared' }),
    ];
    const refused = aVisit(specs);
    const undone = aVisit([...specs, { type: 'visit.reopened', data: { must: 'health-code' } }]);
    expect(undone.sharedCode).toBeNull();
    expect(followUps(refused, undone, () => 'I2', DEFAULT_POLICY)).toContainEqual(
      expect.objectContaining({
        type: 'incident.withdrawn',
        data: { visit: undone.id, kind: 'shared-code' },
      }),
    );
  });

  it('a visit whose identity is unknown, or purged, is not in the index', () => {
    const anonymous = aVisit([
      ev.opened(),
      ev.healthCode('green', { ...aScanCheck(), payloadHash: HASH }),
    ]);
    expect(indexCodes([anonymous]).size).toBe(0);
  });
});
