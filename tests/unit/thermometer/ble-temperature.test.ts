import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BleDateTime,
  decodeMderFloat,
  type MderSpecial,
  parseBatteryLevel,
  parseTemperatureMeasurement,
  TEMPERATURE_SITES,
} from '../../../src/domain/thermometer/ble-temperature';

/** The test's own encoder, written from the spec (not from the decoder). */
type Value = { mantissa: number; exponent: number } | { special: Exclude<MderSpecial, 'reserved'> };
interface Sample {
  fahrenheit: boolean;
  value: Value;
  timestamp?: BleDateTime;
  type?: number;
}
const SPECIAL_BITS = { NaN: 0x007fffff, NRes: 0x00800000, '+INF': 0x007ffffe, '-INF': 0x00800002 };

function encode(s: Sample): Uint8Array {
  const out: number[] = [];
  out.push((s.fahrenheit ? 1 : 0) | (s.timestamp ? 2 : 0) | (s.type !== undefined ? 4 : 0));
  const raw =
    'special' in s.value
      ? SPECIAL_BITS[s.value.special]
      : ((s.value.exponent & 0xff) << 24) | (s.value.mantissa & 0xffffff);
  for (let i = 0; i < 4; i++) out.push((raw >>> (8 * i)) & 0xff);
  if (s.timestamp) {
    const t = s.timestamp;
    out.push(t.year & 0xff, t.year >> 8, t.month, t.day, t.hours, t.minutes, t.seconds);
  }
  if (s.type !== undefined) out.push(s.type);
  return Uint8Array.from(out);
}

// Mantissas that are not special patterns (those are 0x7FFFFE..0x800002 in 24 bits).
const mantissa = fc.integer({ min: -0x7ffffd, max: 0x7ffffd });
const sample: fc.Arbitrary<Sample> = fc.record(
  {
    fahrenheit: fc.boolean(),
    value: fc.oneof(
      fc.record({ mantissa, exponent: fc.integer({ min: -8, max: 8 }) }),
      fc.record({ special: fc.constantFrom('NaN', 'NRes', '+INF', '-INF') as fc.Arbitrary<'NaN'> }),
    ),
    timestamp: fc.record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 12 }),
      day: fc.integer({ min: 0, max: 31 }),
      hours: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 0, max: 59 }),
      seconds: fc.integer({ min: 0, max: 59 }),
    }),
    type: fc.integer({ min: 0, max: 255 }),
  },
  { requiredKeys: ['fahrenheit', 'value'] },
);

describe('0x2A1C round trip through an encoder of the test', () => {
  it('decodes every flag combination, unit and special value as encoded', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const result = parseTemperatureMeasurement(encode(s));
        if (!result.ok) throw new Error(result.error);
        const m = result.measurement;
        expect(m.unit).toBe(s.fahrenheit ? 'F' : 'C');
        expect(m.timestamp).toEqual(s.timestamp);
        expect(m.type?.code).toBe(s.type);
        if (s.type !== undefined) {
          expect(m.type?.site).toBe(TEMPERATURE_SITES[s.type - 1] ?? 'reserved');
        }
        if ('special' in s.value) {
          expect(m.value).toEqual({ kind: s.value.special });
          expect(m.celsius).toBeNull();
          return;
        }
        const { mantissa: mm, exponent: e } = s.value;
        expect(m.value).toMatchObject({ kind: 'number', mantissa: mm, exponent: e });
        const value = e < 0 ? mm / 10 ** -e : mm * 10 ** e;
        if (!s.fahrenheit) {
          expect(m.celsius).toBe(value);
          return;
        }
        // °F: within the 0.0001 °C the decoder rounds to, relative for huge values.
        const celsius = ((value - 32) * 5) / 9;
        const error = Math.abs((m.celsius ?? Number.NaN) - celsius);
        expect(error).toBeLessThanOrEqual(Math.max(5.0001e-5, Math.abs(celsius) * 1e-12));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a measurement cut short, whatever the flags promise', () => {
    fc.assert(
      fc.property(sample, fc.nat(), (s, cut) => {
        const bytes = encode(s);
        const short = bytes.slice(0, cut % bytes.length);
        expect(parseTemperatureMeasurement(short).ok).toBe(false);
      }),
    );
  });
});

describe('FLOAT details', () => {
  it('converts °F to °C: 98.6 °F is 37 °C', () => {
    const result = parseTemperatureMeasurement(
      encode({ fahrenheit: true, value: { mantissa: 986, exponent: -1 } }),
    );
    expect(result.ok && result.measurement.celsius).toBe(37);
  });
  it('marks the reserved pattern and special patterns with an exponent as reserved', () => {
    expect(decodeMderFloat(0x00800001)).toEqual({ kind: 'reserved' });
    expect(decodeMderFloat(0xfe7fffff)).toEqual({ kind: 'reserved' });
  });
});

describe('0x2A19 Battery Level', () => {
  it('reads a percentage and refuses anything above 100 or empty', () => {
    expect(parseBatteryLevel(Uint8Array.of(87))).toBe(87);
    expect(parseBatteryLevel(Uint8Array.of(0))).toBe(0);
    expect(parseBatteryLevel(Uint8Array.of(101))).toBeNull();
    expect(parseBatteryLevel(new Uint8Array())).toBeNull();
  });
});
