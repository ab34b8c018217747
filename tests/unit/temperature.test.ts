import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../src/domain/policy';
import {
  commonReadings,
  parseTemperatureInput,
  type TemperatureBand,
  type TemperatureInput,
  temperatureBand,
} from '../../src/domain/temperature';

const strictHall: Policy = {
  ...DEFAULT_POLICY,
  version: 'test-37.0',
  temperature: { ...DEFAULT_POLICY.temperature, recheckAtC: 37.0 },
};

describe('temperatureBand with the default policy', () => {
  it.each<[number, TemperatureBand]>([
    [Number.NaN, 'implausible'],
    [Number.POSITIVE_INFINITY, 'implausible'],
    [Number.NEGATIVE_INFINITY, 'implausible'],
    [-1, 'implausible'],
    [33.9, 'implausible'],
    [34.0, 'normal'],
    [36.5, 'normal'],
    [37.2, 'normal'],
    [37.29, 'normal'],
    [37.3, 'raised'],
    [37.4, 'raised'],
    [37.5, 'raised'],
    [37.51, 'fever'],
    [37.6, 'fever'],
    [39.0, 'fever'],
    [43.0, 'fever'],
    [43.1, 'implausible'],
    [365, 'implausible'],
  ])('%s °C is %s', (celsius, band) => {
    expect(temperatureBand(celsius, DEFAULT_POLICY)).toBe(band);
  });

  it('reads its thresholds from the policy: 37.0 is raised where the hall re-checks at 37.0', () => {
    expect(temperatureBand(37.0, DEFAULT_POLICY)).toBe('normal');
    expect(temperatureBand(37.0, strictHall)).toBe('raised');
    expect(temperatureBand(36.9, strictHall)).toBe('normal');
  });

  it('reads the plausible range from the policy', () => {
    const wide: Policy = {
      ...DEFAULT_POLICY,
      temperature: { ...DEFAULT_POLICY.temperature, plausibleMinC: 30, plausibleMaxC: 45 },
    };
    expect(temperatureBand(33.9, wide)).toBe('normal');
    expect(temperatureBand(44, wide)).toBe('fever');
    expect(temperatureBand(45.1, wide)).toBe('implausible');
  });
});

describe('parseTemperatureInput', () => {
  it.each<[string, TemperatureInput]>([
    ['36.5', { ok: true, celsius: 36.5 }],
    ['  36.5 ', { ok: true, celsius: 36.5 }],
    ['36,5', { ok: true, celsius: 36.5 }],
    ['37', { ok: true, celsius: 37 }],
    ['37.', { ok: true, celsius: 37 }],
    // Thermometers show one decimal: a second one is refused, never rounded.
    ['36.54', { ok: false, reason: 'format' }],
    ['37.50', { ok: false, reason: 'format' }],
    ['37.3', { ok: true, celsius: 37.3 }],
    ['365', { ok: false, reason: 'implausible', suggestion: 36.5 }],
    ['3.65', { ok: false, reason: 'implausible', suggestion: 36.5 }],
    ['378', { ok: false, reason: 'implausible', suggestion: 37.8 }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['abc', { ok: false, reason: 'format' }],
    ['36.5.1', { ok: false, reason: 'format' }],
    ['-36.5', { ok: false, reason: 'format' }],
    ['3650', { ok: false, reason: 'format' }],
    ['99', { ok: false, reason: 'implausible' }],
    ['999', { ok: false, reason: 'implausible' }],
  ])('%j → %j', (text, expected) => {
    // toStrictEqual: a refusal without a suggestion must not carry a `suggestion` key.
    expect(parseTemperatureInput(text, DEFAULT_POLICY)).toStrictEqual(expected);
  });

  it('never accepts a suggestion silently: the refused value is not returned as a reading', () => {
    const result = parseTemperatureInput('365', DEFAULT_POLICY);
    expect(result.ok).toBe(false);
    expect('celsius' in result).toBe(false);
  });

  it('judges plausibility by the policy', () => {
    const narrow: Policy = {
      ...DEFAULT_POLICY,
      temperature: { ...DEFAULT_POLICY.temperature, plausibleMinC: 35, plausibleMaxC: 42 },
    };
    expect(parseTemperatureInput('34.5', DEFAULT_POLICY)).toStrictEqual({
      ok: true,
      celsius: 34.5,
    });
    expect(parseTemperatureInput('34.5', narrow)).toStrictEqual({
      ok: false,
      reason: 'implausible',
    });
  });
});

describe('parseTemperatureInput never moves a reading into another band by rounding', () => {
  // Regression: two decimals used to be rounded after the band was judged, so a
  // re-check typed as 37.54 °C (above 37.5: isolation and 120) was recorded as 37.5 °C
  // (home observation). Refusing the input or keeping the band both pass.
  it.each<[string, TemperatureBand]>([
    ['37.54', 'fever'],
    ['37.51', 'fever'],
    ['37.55', 'fever'],
    ['37.34', 'raised'],
    ['36.55', 'normal'],
  ])('%s °C is recorded in the band %s or not at all', (text, band) => {
    const parsed = parseTemperatureInput(text, DEFAULT_POLICY);
    const recorded = parsed.ok ? temperatureBand(parsed.celsius, DEFAULT_POLICY) : 'not recorded';
    expect([band, 'not recorded']).toContain(recorded);
  });
});

describe('commonReadings', () => {
  it('offers 36.0 … 37.2 °C in tenths (13 values) with the default policy', () => {
    expect(commonReadings(DEFAULT_POLICY)).toStrictEqual([
      36.0, 36.1, 36.2, 36.3, 36.4, 36.5, 36.6, 36.7, 36.8, 36.9, 37.0, 37.1, 37.2,
    ]);
  });

  it('is cut below the re-check line when the policy re-checks at 37.0', () => {
    expect(commonReadings(strictHall)).toStrictEqual([
      36.0, 36.1, 36.2, 36.3, 36.4, 36.5, 36.6, 36.7, 36.8, 36.9,
    ]);
  });

  it('offers only normal readings, whatever the policy', () => {
    for (const reading of commonReadings(strictHall)) {
      expect(temperatureBand(reading, strictHall)).toBe('normal');
    }
  });
});
