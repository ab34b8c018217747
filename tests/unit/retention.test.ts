import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  heldByServer,
  PERSONAL_EVENT_TYPES,
  retentionCutoff,
  withoutPersonalData,
} from '../../src/domain/retention';
import { aBooking, ev, visitEvents } from '../fixtures/builders';

describe('retentionCutoff', () => {
  it.each([
    ['2026-11-28', 28, '2026-10-31'],
    ['2026-03-01', 1, '2026-02-28'],
    ['2028-03-01', 1, '2028-02-29'],
    ['2027-01-05', 10, '2026-12-26'],
  ])('from %s keeping %i days, the first day kept is %s', (today, days, first) => {
    expect(retentionCutoff(today, days)).toBe(first);
  });
});

describe('heldByServer', () => {
  const [e] = visitEvents([ev.opened()], { device: 'me', firstSeq: 5 });
  it('holds events of other tablets (they came from the server) and acknowledged own ones', () => {
    if (!e) throw new Error('no event');
    expect(heldByServer(e, 'other', 0)).toBe(true);
    expect(heldByServer(e, 'me', 5)).toBe(true);
    expect(heldByServer(e, 'me', 4)).toBe(false);
  });
});

describe('withoutPersonalData', () => {
  const text = fc.string({ minLength: 2, maxLength: 20 }).filter((s) => s.trim().length > 1);
  // Exactly the three personal fields change (a substring search for the values was
  // fooled once by a generated name equal to a key: "name").
  it('empties name, ID number and phone, marks the event, and changes nothing else', () => {
    fc.assert(
      fc.property(
        text,
        fc.stringMatching(/^\d{17}[\dX]$/),
        fc.stringMatching(/^1\d{10}$/),
        (name, idNumber, phone) => {
          const who = aBooking({ name, idNumber, phone });
          for (const e of visitEvents([ev.booked(who), ev.identity(who, 'typed')])) {
            expect(withoutPersonalData(e, 1)).toEqual({
              ...e,
              data: { ...e.data, name: '', idNumber: '', phone: '' },
              purgedAt: 1,
            });
          }
        },
      ),
    );
  });

  it('leaves events without personal data as they are (same object)', () => {
    for (const e of visitEvents([
      ev.opened(),
      ev.temperature(38.2),
      ev.decided({ kind: 'isolated' }),
    ])) {
      expect(withoutPersonalData(e, 1)).toBe(e);
    }
  });
});

describe('PERSONAL_EVENT_TYPES', () => {
  it('lists exactly the types retention changes (tablet and server read this one list)', () => {
    const who = aBooking();
    const events = visitEvents([
      ev.opened(),
      ev.booked(who),
      ev.mask(),
      ev.temperature(36.5),
      ev.identity(who, 'typed'),
      ev.decided({ kind: 'isolated' }),
    ]);
    for (const e of events) {
      const changed = withoutPersonalData(e, 1) !== e;
      expect(changed, e.type).toBe(PERSONAL_EVENT_TYPES.includes(e.type));
    }
  });
});
