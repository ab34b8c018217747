import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  type IdNumberProblem,
  upgradeLegacyIdNumber,
  validateIdNumber,
} from '../../src/domain/id-number';
import { validIdNumber } from '../fixtures/builders';
import { first17Arb, NOW, PROVINCES } from '../fixtures/id-number-arb';

describe('checkCharacter (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010119900307867', '0'],
    ['36042619910101007', '1'],
    ['44011320141005001', 'X'],
    ['33050219880702447', 'X'],
    ['12010319880601824', '1'],
  ])('%s → %s', (first17, check) => {
    expect(checkCharacter(first17)).toBe(check);
  });
});

describe('validateIdNumber: one case per problem', () => {
  it.each<[string, IdNumberProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12345678', 'length'],
    ['11010119900307867', 'length'], // 17 digits
    ['1101011990030786700', 'length'], // 19 digits
    ['T60426199101010078', 'characters'],
    ['11010119900307X670', 'characters'], // X only as the last character
    ['110101-99003078670', 'characters'],
    ['61010462092769X', 'characters'], // a 15-digit number has no check character
    ['990426199112010074', 'province'],
    ['000000199001010000', 'province'],
    ['72010119900101001X', 'province'], // 72 is not a province-level code
    ['360426199113010079', 'birth-date'], // month 13
    ['440308199902301512', 'birth-date'], // 30 February
    [validIdNumber('11010119910229001'), 'birth-date'], // 1991 is not a leap year
    [validIdNumber('11010119900000001'), 'birth-date'],
    ['610104620932690', 'birth-date'], // legacy 15-digit, 32 September
    [validIdNumber('11010120261129001'), 'future-birth'], // tomorrow
    [validIdNumber('11010120300101001'), 'future-birth'],
    ['36042619910102009X', 'check-digit'],
    ['11010119900307867X', 'check-digit'], // X where 0 is due
    ['110101199003078671', 'check-digit'],
  ])('%j → %s', (id, reason) => {
    expect(validateIdNumber(id, NOW)).toStrictEqual({ ok: false, reason });
  });
});

describe('validateIdNumber: accepted numbers', () => {
  it('accepts a valid number and reads birth date and sex', () => {
    expect(validateIdNumber('110101199003078670', NOW)).toStrictEqual({
      ok: true,
      value: '110101199003078670',
      birthDate: '1990-03-07',
      sex: 'male',
      upgraded: false,
    });
    const female = validateIdNumber('120103198806018241', NOW);
    expect(female).toMatchObject({ ok: true, birthDate: '1988-06-01', sex: 'female' });
  });

  it('normalises a lower-case x check character to X', () => {
    expect(validateIdNumber('44011320141005001x', NOW)).toMatchObject({
      ok: true,
      value: '44011320141005001X',
      upgraded: false,
    });
  });

  it('ignores spaces typed between groups', () => {
    expect(validateIdNumber(' 110101 19900307 8670 ', NOW)).toMatchObject({
      ok: true,
      value: '110101199003078670',
    });
  });

  it('upgrades a legacy 15-digit number to 18 digits (born 19xx)', () => {
    expect(validateIdNumber('610104620927690', NOW)).toStrictEqual({
      ok: true,
      value: '610104196209276908',
      birthDate: '1962-09-27',
      sex: 'female',
      upgraded: true,
    });
    expect(upgradeLegacyIdNumber('610104620927690')).toBe('610104196209276908');
  });

  it('accepts 29 February in a leap year', () => {
    expect(validateIdNumber(validIdNumber('11010120000229001'), NOW)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });

  it('judges a future birth by the `now` given: born today is fine, tomorrow is not', () => {
    const bornOn28Nov = validIdNumber('11010120261128001');
    expect(validateIdNumber(bornOn28Nov, NOW).ok).toBe(true);
    expect(validateIdNumber(bornOn28Nov, Date.UTC(2026, 10, 27))).toStrictEqual({
      ok: false,
      reason: 'future-birth',
    });
  });

  it('compares the birth date with the exact `now`: at noon, tomorrow is still the future', () => {
    const noonOn28Nov = Date.UTC(2026, 10, 28, 12);
    expect(validateIdNumber(validIdNumber('11010120261128001'), noonOn28Nov).ok).toBe(true);
    expect(validateIdNumber(validIdNumber('11010120261129001'), noonOn28Nov)).toStrictEqual({
      ok: false,
      reason: 'future-birth',
    });
  });

  it.each(['71', '81', '82', '83'])('accepts the non-mainland prefix %s', (prefix) => {
    expect(validateIdNumber(validIdNumber(`${prefix}000019920130002`), NOW).ok).toBe(true);
  });
});

describe('validateIdNumber properties', () => {
  it('17 digits with a province and a real past date, plus their check character, are valid', () => {
    fc.assert(
      fc.property(first17Arb, ({ first17, birthDate }) => {
        const id = first17 + checkCharacter(first17);
        const result = validateIdNumber(id, NOW);
        expect(result).toStrictEqual({
          ok: true,
          value: id,
          birthDate,
          sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
          upgraded: false,
        });
      }),
    );
  });

  it('changing any single digit of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(
        first17Arb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        ({ first17 }, position, shift) => {
          const id = first17 + checkCharacter(first17);
          const original = id[position] ?? '';
          // Another digit: X (10) counts as a digit position of value 10 for the shift.
          const from = original === 'X' ? 10 : Number(original);
          const replacement = String((from + shift) % 10);
          fc.pre(replacement !== original);
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(changed).toHaveLength(18);
          expect(validateIdNumber(changed, NOW).ok).toBe(false);
        },
      ),
    );
  });

  it('a two-digit prefix that is no province is refused as province', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{2}$/).filter((p) => !PROVINCES.includes(p)),
        first17Arb,
        (prefix, { first17 }) => {
          const rest = prefix + first17.slice(2);
          expect(validateIdNumber(rest + checkCharacter(rest), NOW)).toStrictEqual({
            ok: false,
            reason: 'province',
          });
        },
      ),
    );
  });
});

it('the test list has 35 province-level codes, none twice', () => {
  expect(new Set(PROVINCES).size).toBe(35);
});
