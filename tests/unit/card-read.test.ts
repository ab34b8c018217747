import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CardRead,
  checkCardNumber,
  FRAMES_TO_AGREE,
  offerCardNumber,
  plausibleName,
} from '../../src/domain/card-read';
import { readerTextToCardRead } from '../../src/domain/card-reader-text';
import { checkCharacter } from '../../src/domain/id-number';
import { validIdNumber } from '../fixtures/builders';
import { first17Arb, NOW } from '../fixtures/id-number-arb';

const ID = validIdNumber('11010119900307867');
const OTHER = validIdNumber('33010219850512341');
const camera = (idNumber: string, name?: string): CardRead => ({
  idNumber,
  ...(name ? { name } : {}),
  source: 'camera',
});
const frames = (idNumber: string, n = FRAMES_TO_AGREE, name?: string) =>
  Array.from({ length: n }, () => camera(idNumber, name));

describe('checkCardNumber', () => {
  it('says what the number says: birth date and sex', () => {
    expect(checkCardNumber(ID, NOW)).toStrictEqual({
      ok: true,
      value: ID,
      birthDate: '1990-03-07',
      sex: 'male',
    });
  });

  it.each([
    [validIdNumber('99010119900307867'), 'province'],
    [validIdNumber('11010119900230867'), 'birth-date'],
    [validIdNumber('11010120300101867'), 'future-birth'],
    [validIdNumber('11010118990101867'), 'implausible-age'],
    ['110101900307867', 'legacy'],
    [`${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`, 'check-digit'],
  ])('refuses %s: %s', (id, reason) => {
    expect(checkCardNumber(id, NOW)).toStrictEqual({ ok: false, reason });
  });
});

describe('offerCardNumber', () => {
  it(`offers a camera number once ${FRAMES_TO_AGREE} frames read it, not before`, () => {
    expect(offerCardNumber(frames(ID, FRAMES_TO_AGREE - 1), NOW)).toBeNull();
    expect(offerCardNumber(frames(ID), NOW)).toMatchObject({ idNumber: ID, source: 'camera' });
  });

  it('ignores misread frames but says nothing while two valid numbers are in view', () => {
    const misread = camera(`${ID.slice(0, 5)}9${ID.slice(6)}`);
    expect(offerCardNumber([...frames(ID), misread], NOW)?.idNumber).toBe(ID);
    expect(offerCardNumber([...frames(ID), camera(OTHER)], NOW)).toBeNull();
  });

  it('offers a reader read at once; the name only when the reads agree on it', () => {
    expect(offerCardNumber([{ idNumber: ID, name: '张三', source: 'reader' }], NOW)).toStrictEqual({
      idNumber: ID,
      name: '张三',
      source: 'reader',
      birthDate: '1990-03-07',
      sex: 'male',
    });
    const mixed = [camera(ID, '张三'), camera(ID, '张二'), camera(ID, '张三')];
    expect(offerCardNumber(mixed, NOW)?.name).toBeUndefined();
    expect(offerCardNumber(frames(ID, 3, '张三'), NOW)?.name).toBe('张三');
  });

  it('never offers a number failing validation, however many frames read it', () => {
    expect(offerCardNumber(frames(validIdNumber('99010119900307867'), 10), NOW)).toBeNull();
  });
});

/** Every single substitution (digit or X) and adjacent transposition of a number. */
function neighbours(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < id.length; i++) {
    for (const c of '0123456789X') {
      if (c !== id[i]) out.push(id.slice(0, i) + c + id.slice(i + 1));
    }
    if (i + 1 < id.length && id[i] !== id[i + 1]) {
      out.push(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
    }
  }
  return out;
}

describe('offerCardNumber properties', () => {
  it('a valid number read by enough frames is offered', () => {
    fc.assert(
      fc.property(first17Arb, ({ first17, birthDate }) => {
        const id = first17 + checkCharacter(first17);
        expect(offerCardNumber(frames(id), NOW)).toMatchObject({ idNumber: id, birthDate });
      }),
    );
  });

  it('no single substitution or adjacent transposition of a valid number is ever offered', () => {
    fc.assert(
      fc.property(first17Arb, ({ first17 }) => {
        const id = first17 + checkCharacter(first17);
        for (const wrong of neighbours(id)) {
          expect(offerCardNumber(frames(wrong, 10), NOW)).toBeNull();
          expect(offerCardNumber([{ idNumber: wrong, source: 'reader' }], NOW)).toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('plausibleName', () => {
  it('keeps a name as printed, drops noise', () => {
    expect(plausibleName(' 买买提·艾力 ')).toBe('买买提·艾力');
    expect(plausibleName('张3')).toBeUndefined();
    expect(plausibleName('')).toBeUndefined();
  });
});

describe('readerTextToCardRead', () => {
  it('reads the number alone or name + separator + number', () => {
    expect(readerTextToCardRead(`${ID}`, ',')).toStrictEqual({ idNumber: ID, source: 'reader' });
    expect(readerTextToCardRead(`张三,${ID.toLowerCase()}`, ',')).toStrictEqual({
      idNumber: ID,
      name: '张三',
      source: 'reader',
    });
    expect(readerTextToCardRead(`张三|${ID}`, '|')?.name).toBe('张三');
  });

  it('is not a card read when the text is shaped otherwise', () => {
    expect(readerTextToCardRead('https://example.cn/code?x=1', ',')).toBeNull();
    expect(readerTextToCardRead(`张三|${ID}`, ',')).toBeNull();
  });
});
