import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../src/domain/events';
import { decidingReadings, nextStep, outcome } from '../../src/domain/flow';
import { symptomsOnly } from '../../src/domain/flow-queries';
import { DEFAULT_POLICY as P } from '../../src/domain/policy';
import { temperatureBand } from '../../src/domain/temperature';
import {
  aBooking,
  aVisit,
  type EventSpec,
  ev,
  FIXED_NOW,
  MINUTE,
  pinAt,
} from '../fixtures/builders';

/** Issue 24: the first re-check decides; what follows it is recorded, never counted. */
const atDoor: EventBody[] = [ev.opened(), ev.booked(aBooking()), ev.mask(), ev.hands()];
const rested = (celsius: number): EventSpec =>
  pinAt(ev.temperature(celsius), FIXED_NOW + 10 * MINUTE);
const decided = (specs: EventSpec[]) => {
  const v = aVisit(specs);
  return ev.decided(
    (() => {
      const o = outcome(v, P);
      if (!o) throw new Error('not decided');
      return o.kind === 'admitted'
        ? { kind: 'admitted', ticket: 'A001' }
        : o.kind === 'refused'
          ? { kind: 'refused', reason: o.reason }
          : { kind: 'isolated' };
    })(),
  );
};

describe('the re-check decides the band (issue 24)', () => {
  it('37.8 → 37.6 → 36.9 stays isolated; 37.8 → 37.4 → 36.5 stays sent home', () => {
    const isolated = aVisit([
      ...atDoor,
      ev.temperature(37.8),
      rested(37.6),
      ev.temperature(36.9),
      ev.identity(),
    ]);
    expect(outcome(isolated, P)?.kind).toBe('isolated');
    const home = aVisit([
      ...atDoor,
      ev.temperature(37.8),
      rested(37.4),
      ev.temperature(36.5),
      ev.identity(),
    ]);
    expect(outcome(home, P)).toMatchObject({ kind: 'refused', reason: 'home-observation' });
    expect(home.readings.map((r) => r.celsius)).toEqual([37.8, 37.4, 36.5]); // the ledger shows all
  });

  it("whatever readings follow the re-check, the band is the re-check's", () => {
    const reading = fc.integer({ min: 350, max: 420 }).map((n) => n / 10);
    fc.assert(
      fc.property(
        fc.integer({ min: 373, max: 420 }),
        reading,
        fc.array(reading, { maxLength: 4 }),
        (f, recheck, later) => {
          const first = f / 10;
          const specs: EventSpec[] = [...atDoor, ev.temperature(first), rested(recheck)];
          const alone = aVisit([...specs, ev.identity()]);
          const withLater = aVisit([
            ...specs,
            ...later.map((c) => ev.temperature(c)),
            ev.identity(),
          ]);
          expect(decidingReadings(withLater, P).recheck).toBe(recheck);
          expect(outcome(withLater, P)).toEqual(outcome(alone, P));
          expect(nextStep(withLater, P)).toBe(nextStep(alone, P));
        },
      ),
    );
  });

  it('an undo keeps the readings and asks only the symptoms again', () => {
    const home: EventSpec[] = [...atDoor, ev.temperature(37.8), rested(37.4), ev.identity()];
    const refusedHome = [...home, decided(home)];
    const undone = aVisit([...refusedHome, ev.reopened('recheck')]);
    expect(undone.readings.map((r) => r.celsius)).toEqual([37.8, 37.4]);
    expect(nextStep(undone, P)).toBe('recheck');
    expect(symptomsOnly(undone, P)).toBe(true);
    // Measuring again after the undo does not open a way in: the re-check still decides.
    const remeasured = aVisit([
      ...refusedHome,
      ev.reopened('recheck'),
      ev.temperature(36.5),
      ev.symptoms(),
    ]);
    expect(outcome(remeasured, P)).toMatchObject({ kind: 'refused', reason: 'home-observation' });
    // A symptom ticked by mistake and undone: the normal reading stands, the visitor goes on.
    const clinic: EventSpec[] = [
      ...atDoor,
      ev.temperature(36.6),
      ev.symptoms({ cough: true }),
      ev.identity(),
    ];
    const fixed = aVisit([...clinic, decided(clinic), ev.reopened('temperature'), ev.symptoms()]);
    expect(temperatureBand(fixed.readings[0]?.celsius ?? 0, P)).toBe('normal');
    expect(nextStep(fixed, P)).toBe('health-code');
  });
});
