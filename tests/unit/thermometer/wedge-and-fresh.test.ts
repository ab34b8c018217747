import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import {
  judgeSentReading,
  roundReading,
  type SentReading,
} from '../../../src/domain/thermometer/fresh-reading';
import { parseWedgeTemperature } from '../../../src/domain/thermometer/wedge-temperature';

describe('parseWedgeTemperature', () => {
  it.each<[string, number | null]>([
    ['36.5', 36.5],
    ['36.5\n', 36.5],
    ['T:36.5C', 36.5],
    ['t: 36.5 c', 36.5],
    ['36.5℃', 36.5],
    ['36.5 °C', 36.5],
    ['TEMP=37,8', 37.8],
    ['98.6F', 37],
    ['98.6℉', 37],
    ['37C', 37],
    // Codes and other bursts are left to the scanner.
    ['3650', null],
    ['365', null],
    ['A001', null],
    ['36.5.1', null],
    ['', null],
    ['T:', null],
  ])('%j → %s', (text, want) => {
    expect(parseWedgeTemperature(text)).toBe(want);
  });
});

const policy = DEFAULT_POLICY;
const OPEN = 1_000_000;
const reading = (over: Partial<SentReading>): SentReading => ({
  celsius: 36.5,
  receivedAt: OPEN + 1000,
  key: 'a',
  ...over,
});

describe('judgeSentReading', () => {
  it('uses a fresh reading received after the step opened', () => {
    expect(judgeSentReading(reading({}), null, OPEN, OPEN + 2000, policy)).toEqual({
      use: true,
      celsius: 36.5,
    });
  });
  it('refuses a reading time-stamped before the step opened, even if it arrives after', () => {
    const r = reading({ measuredAt: OPEN - 1000 });
    expect(judgeSentReading(r, null, OPEN, OPEN + 2000, policy)).toEqual({
      use: false,
      why: 'before-step',
    });
  });
  it('refuses a reading received before the step opened', () => {
    const r = reading({ receivedAt: OPEN - 1 });
    expect(judgeSentReading(r, null, OPEN, OPEN + 2000, policy).use).toBe(false);
  });
  it('refuses a reading older than the policy allows', () => {
    const late = OPEN + 1000 + policy.thermometer.freshReadingSeconds * 1000 + 1;
    expect(judgeSentReading(reading({}), null, OPEN, late, policy)).toEqual({
      use: false,
      why: 'stale',
    });
  });
  it('falls back to the arrival time when the thermometer clock runs ahead', () => {
    const r = reading({ measuredAt: OPEN + 3_600_000 });
    expect(judgeSentReading(r, null, OPEN, OPEN + 2000, policy).use).toBe(true);
  });
  it('refuses a repeat of the same notification', () => {
    const first = reading({});
    const again = reading({ receivedAt: OPEN + 1500 });
    expect(judgeSentReading(again, first, OPEN, OPEN + 2000, policy)).toEqual({
      use: false,
      why: 'repeat',
    });
    const other = reading({ key: 'b', celsius: 36.6 });
    expect(judgeSentReading(other, first, OPEN, OPEN + 2000, policy).use).toBe(true);
  });
  it('refuses special values and readings out of the plausible range', () => {
    expect(judgeSentReading(reading({ celsius: null }), null, OPEN, OPEN + 2000, policy)).toEqual({
      use: false,
      why: 'no-value',
    });
    expect(judgeSentReading(reading({ celsius: 45 }), null, OPEN, OPEN + 2000, policy)).toEqual({
      use: false,
      why: 'implausible',
    });
  });
  it('rounds to one decimal, halves up', () => {
    expect(roundReading(37.25)).toBe(37.3);
    expect(roundReading(36.94)).toBe(36.9);
    expect(roundReading(37.000000001)).toBe(37);
  });
});
