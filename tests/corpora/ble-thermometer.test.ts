/**
 * Conformance of the Temperature Measurement (0x2A1C) decoder against the public vectors
 * in ../shared/corpora/ble-thermometer/vectors.json (Nordic's BLE library, an A&D UT-201BLE
 * capture, Zephyr's sample, HL7's FLOAT tables). Read in place, never copied; a missing
 * corpus fails. Two vectors are marked SUSPECT in the corpus (mis-encoded exponents): they
 * must decode by the spec to the absurd value it gives, never to the 37.0 / 98.6 claimed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  parseTemperatureMeasurement,
} from '../../src/domain/thermometer/ble-temperature';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VECTORS_PATH = path.resolve(REPO_ROOT, '../shared/corpora/ble-thermometer/vectors.json');

interface Decoded {
  error?: string;
  flags?: number;
  unit?: 'C' | 'F';
  value?: number | string;
  timestamp?: string;
  type?: number;
}
interface Vector {
  hex: string;
  note: string;
  decoded_by_spec: Decoded;
}

function isVector(value: unknown): value is Vector {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.hex === 'string' && typeof v.decoded_by_spec === 'object' && v.decoded_by_spec !== null
  );
}

function loadVectors(): Vector[] {
  if (!existsSync(VECTORS_PATH)) {
    throw new Error(
      `BLE thermometer corpus missing at ${VECTORS_PATH}: the conformance tests must fail, not skip.`,
    );
  }
  const parsed: unknown = JSON.parse(readFileSync(VECTORS_PATH, 'utf8'));
  const vectors =
    typeof parsed === 'object' && parsed !== null && 'vectors' in parsed ? parsed.vectors : null;
  if (!Array.isArray(vectors) || !vectors.every(isVector)) {
    throw new Error(`BLE thermometer corpus at ${VECTORS_PATH} is not { vectors: Vector[] }`);
  }
  return vectors;
}

const bytesOf = (hex: string) =>
  Uint8Array.from(hex.trim().split(/\s+/), (byte) => Number.parseInt(byte, 16));

const vectors = loadVectors();

describe('0x2A1C Temperature Measurement against the public vectors', () => {
  it('holds the 12 vectors the issue names', () => {
    expect(vectors).toHaveLength(12);
  });

  it.each(vectors.map((v) => [v.hex, v] as const))('%s', (_hex, vector) => {
    const result = parseTemperatureMeasurement(bytesOf(vector.hex));
    const want = vector.decoded_by_spec;
    if (want.error !== undefined) {
      expect(result).toEqual({ ok: false, error: want.error });
      return;
    }
    if (!result.ok) throw new Error(`decode failed: ${result.error}`);
    const m = result.measurement;
    expect(m.flags).toBe(want.flags);
    expect(m.unit).toBe(want.unit);
    if (typeof want.value === 'number') {
      expect(m.value).toMatchObject({ kind: 'number', value: want.value });
    } else if (typeof want.value === 'string' && /^[\d.]+e\+\d+/.test(want.value)) {
      // "3.7e+129 (absurd …)": the number at the start, to the double's precision.
      const expected = Number.parseFloat(want.value);
      if (m.value.kind !== 'number') throw new Error(`expected a number, got ${m.value.kind}`);
      expect(m.value.value / expected).toBeCloseTo(1, 12);
    } else {
      expect(m.value).toEqual({ kind: want.value });
      expect(m.celsius).toBeNull();
    }
    expect(m.timestamp === undefined ? undefined : formatDateTime(m.timestamp)).toBe(
      want.timestamp,
    );
    expect(m.type?.code).toBe(want.type);
  });
});
