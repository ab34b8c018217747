/**
 * Bluetooth Health Thermometer (service 0x1809): the Temperature Measurement
 * characteristic (0x2A1C) and the Battery Level (0x2A19), decoded per the Bluetooth
 * specification (HTS 1.0, GATT Specification Supplement). Pure: bytes in, values out.
 */

/** An IEEE 11073-20601 32-bit FLOAT: a number, or one of its special values. */
export type MderSpecial = 'NaN' | 'NRes' | '+INF' | '-INF' | 'reserved';
export type MderFloat =
  | { kind: 'number'; mantissa: number; exponent: number; value: number }
  | { kind: MderSpecial };

/** Body sites of the Temperature Type (0x2A1D) values, 1–9; others are reserved. */
export const TEMPERATURE_SITES = [
  'armpit',
  'body',
  'ear',
  'finger',
  'gastro-intestinal',
  'mouth',
  'rectum',
  'toe',
  'tympanum',
] as const;
export type TemperatureSite = (typeof TEMPERATURE_SITES)[number] | 'reserved';

/** A Date Time (0x2A08); a zero year, month or day means "not known" per the spec. */
export interface BleDateTime {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface TemperatureMeasurement {
  flags: number;
  unit: 'C' | 'F';
  /** The value as sent, in `unit`. */
  value: MderFloat;
  /** The value in °C when it is a number (°F converted), else null. */
  celsius: number | null;
  timestamp?: BleDateTime;
  type?: { code: number; site: TemperatureSite };
}

export type MeasurementResult =
  | { ok: true; measurement: TemperatureMeasurement }
  | {
      ok: false;
      error: 'empty' | 'truncated value' | 'truncated time stamp' | 'truncated temperature type';
    };

const FLAG_FAHRENHEIT = 0x01;
const FLAG_TIMESTAMP = 0x02;
const FLAG_TYPE = 0x04;

const SPECIAL: Readonly<Record<number, MderSpecial>> = {
  8388607: 'NaN',
  8388608: 'NRes',
  8388606: '+INF',
  8388610: '-INF',
  8388609: 'reserved',
};

/** Decodes a FLOAT from its 32-bit little-endian unsigned form. */
export function decodeMderFloat(raw: number): MderFloat {
  const bits = raw >>> 0;
  const rawMantissa = bits & 0xffffff;
  const special = SPECIAL[rawMantissa];
  // The special values are defined with a zero exponent; with another they are reserved.
  if (special !== undefined) return bits >>> 24 === 0 ? { kind: special } : { kind: 'reserved' };
  const mantissa = rawMantissa >= 0x800000 ? rawMantissa - 0x1000000 : rawMantissa;
  const exponent = (bits >> 24) | 0;
  // Dividing by a power of ten keeps 3760e-2 at the nearest double to 37.6 (multiplying
  // by 0.01 would not).
  const value = exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
  return { kind: 'number', mantissa, exponent, value };
}

/** °F to °C, cleared of binary noise beyond what any thermometer resolves (0.0001 °C). */
export function fahrenheitToCelsius(f: number): number {
  return Math.round(((f - 32) * 5 * 10000) / 9) / 10000;
}

function siteOf(code: number): TemperatureSite {
  return TEMPERATURE_SITES[code - 1] ?? 'reserved';
}

export function parseTemperatureMeasurement(bytes: Uint8Array): MeasurementResult {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = view.getUint8(0);
  if (bytes.length < 5) return { ok: false, error: 'truncated value' };
  const value = decodeMderFloat(view.getUint32(1, true));
  const unit = flags & FLAG_FAHRENHEIT ? 'F' : 'C';
  let offset = 5;
  const measurement: TemperatureMeasurement = {
    flags,
    unit,
    value,
    celsius:
      value.kind !== 'number'
        ? null
        : unit === 'F'
          ? fahrenheitToCelsius(value.value)
          : value.value,
  };
  if (flags & FLAG_TIMESTAMP) {
    if (bytes.length < offset + 7) return { ok: false, error: 'truncated time stamp' };
    measurement.timestamp = {
      year: view.getUint16(offset, true),
      month: view.getUint8(offset + 2),
      day: view.getUint8(offset + 3),
      hours: view.getUint8(offset + 4),
      minutes: view.getUint8(offset + 5),
      seconds: view.getUint8(offset + 6),
    };
    offset += 7;
  }
  if (flags & FLAG_TYPE) {
    if (bytes.length < offset + 1) return { ok: false, error: 'truncated temperature type' };
    const code = view.getUint8(offset);
    measurement.type = { code, site: siteOf(code) };
  }
  return { ok: true, measurement };
}

/**
 * The time stamp as local wall-clock milliseconds (thermometers keep local time), or
 * null when a part is unknown (zero) or out of range.
 */
export function timestampMillis(t: BleDateTime): number | null {
  if (t.year < 1582 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1) return null;
  if (t.day > 31 || t.hours > 23 || t.minutes > 59 || t.seconds > 59) return null;
  const date = new Date(t.year, t.month - 1, t.day, t.hours, t.minutes, t.seconds);
  return date.getDate() === t.day ? date.getTime() : null;
}

/** ISO-like local form "2012-12-05T11:50:27", as the vectors write it. */
export function formatDateTime(t: BleDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hours)}:${p(t.minutes)}:${p(t.seconds)}`;
}

/** Battery Level (0x2A19): a percentage 0–100, or null when the value is not one. */
export function parseBatteryLevel(bytes: Uint8Array): number | null {
  const level = bytes[0];
  return level === undefined || level > 100 ? null : level;
}
