import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches, pinProblem } from '../../src/domain/pin';

const salt = () => new Uint8Array(16).map((_, i) => i * 7);

describe('pinProblem', () => {
  it.each([
    ['2580', null],
    ['90817263', null],
    ['9012', null],
    ['123', 'length'],
    ['123456789', 'length'],
    ['12a4', 'digits'],
    ['', 'length'],
    ['1111', 'trivial'],
    ['1234', 'trivial'],
    ['87654', 'trivial'],
    ['1357', null],
  ])('%s → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});

describe('hashPin / pinMatches (PBKDF2 via WebCrypto)', () => {
  it('matches the same PIN and no other', async () => {
    const record = await hashPin('2580', salt(), 1_000);
    expect(record.algorithm).toBe('PBKDF2-SHA-256');
    expect(record.hash).not.toContain('2580');
    expect(await pinMatches('2580', record)).toBe(true);
    expect(await pinMatches('2581', record)).toBe(false);
    expect(await pinMatches('25800', record)).toBe(false);
  });

  it('gives different hashes for different salts', async () => {
    const a = await hashPin('2580', salt(), 1_000);
    const b = await hashPin('2580', new Uint8Array(16), 1_000);
    expect(a.hash).not.toBe(b.hash);
  });

  it('uses the iteration count stored in the record', async () => {
    const record = await hashPin('2580', salt(), 2_000);
    expect(record.iterations).toBe(2_000);
    expect(await pinMatches('2580', { ...record, iterations: 1_000 })).toBe(false);
  });
});
