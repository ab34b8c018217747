import { describe, expect, it } from 'vitest';
import { nextStep, outcome } from '../../../src/domain/flow';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { aScanCheck, aVisit, ev } from '../../fixtures/builders';

const upToCodes = [
  ev.opened(),
  ev.booked(),
  ev.mask(),
  ev.hands(),
  ev.temperature(36.5),
  ev.identity(),
];

describe('a visit whose codes were scanned', () => {
  it('folds and flows exactly like typed codes: the colour staff confirmed decides', () => {
    const scanned = aVisit([
      ...upToCodes,
      ev.healthCode('green', aScanCheck()),
      ev.travelCode(false, aScanCheck('travel-code')),
    ]);
    const typed = aVisit([...upToCodes, ev.healthCode('green'), ev.travelCode(false)]);
    expect(scanned.healthCode).toBe('green');
    expect(scanned.travelRisk).toBe(false);
    expect(nextStep(scanned, DEFAULT_POLICY)).toBe(nextStep(typed, DEFAULT_POLICY));
    expect(outcome(scanned, DEFAULT_POLICY)).toEqual(outcome(typed, DEFAULT_POLICY));
  });

  it('refuses a scanned health code that staff saw yellow', () => {
    const visit = aVisit([...upToCodes, ev.healthCode('yellow', aScanCheck())]);
    expect(outcome(visit, DEFAULT_POLICY)).toMatchObject({
      kind: 'refused',
      reason: 'code-not-green',
    });
  });

  it('waits for the travel code after a scanned health code', () => {
    const visit = aVisit([...upToCodes, ev.healthCode('green', aScanCheck())]);
    expect(nextStep(visit, DEFAULT_POLICY)).toBe('travel-code');
  });
});
