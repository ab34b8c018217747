import { describe, expect, it } from 'vitest';
import { CARD_CONDITIONS } from '../../../bench/card-corpus';
import { cardPerson, lookalikeNumber } from '../../../bench/card-identities';
import { seeded } from '../../../bench/seeded';
import { checkCardNumber } from '../../../src/domain/card-read';
import { cardGuide, ID1_ASPECT } from '../../../src/features/door/card/card-guide';
import { NOW } from '../../fixtures/id-number-arb';

describe('the card corpus (bench/card-corpus.ts)', () => {
  it('gives every made-up person a number that passes the card check and says their birth and sex', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const person = cardPerson(seeded(seed));
      const check = checkCardNumber(person.idNumber, NOW);
      expect(check.ok, person.idNumber).toBe(true);
      if (!check.ok) continue;
      const { year, month, day } = person.birth;
      expect(check.birthDate).toBe(
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      );
      expect(check.sex).toBe(person.sex === '男' ? 'male' : 'female');
      expect(person.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
  });

  it('gives another card an 18-digit number the card check always refuses', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const number = lookalikeNumber(seeded(seed));
      expect(number).toMatch(/^\d{18}$/);
      expect(checkCardNumber(number, NOW).ok, number).toBe(false);
    }
  });

  it('holds the conditions the issue lists and three negatives, each name once', () => {
    const names = CARD_CONDITIONS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const kinds = CARD_CONDITIONS.map((c) => c.params.kind).filter((k) => k !== 'id-card');
    expect(kinds.sort()).toEqual(['bank-card', 'other-card', 'phone']);
    const find = (name: string) => CARD_CONDITIONS.find((c) => c.name === name)?.params;
    expect(find('tilt 15–30°')?.tilt).toEqual([15, 30]);
    expect(find('glare')?.glare).not.toBeNull();
    expect(find('finger over an edge')?.finger).toBe(true);
    expect(find('640×480')?.frame).toEqual({ width: 640, height: 480 });
    expect(find('upside down')?.roll).toBe(180);
    expect(find('low light')?.gain[1]).toBeLessThan(0.5);
    expect(find('blur')?.blur[0]).toBeGreaterThan(1);
  });
});

describe('cardGuide', () => {
  it('is a centred ID-1 rectangle inside the frame, at 16:9 and at 4:3', () => {
    for (const [w, h] of [
      [1280, 720],
      [640, 480],
      [1920, 1080],
    ] as const) {
      const g = cardGuide(w, h);
      expect(g.width / g.height).toBeCloseTo(ID1_ASPECT, 1);
      expect(g.x).toBeGreaterThan(0);
      expect(g.y).toBeGreaterThan(0);
      expect(g.x + g.width).toBeLessThan(w);
      expect(g.y + g.height).toBeLessThan(h);
      expect(Math.abs(g.x * 2 + g.width - w)).toBeLessThanOrEqual(1);
    }
  });
});
