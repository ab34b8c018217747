/** The epoch a PostgreSQL store announces: deterministic, in range, moved by every part. */
import { describe, expect, it } from 'vitest';
import { announcedEpoch, type EpochFacts } from '../../server/src/store/postgres-epoch';

const facts: EpochFacts = {
  database: '16384',
  events: '16421',
  system: '7716490993167984125',
  timeline: '1',
};

describe('announcedEpoch', () => {
  it('is the same for the same stored epoch and facts', () => {
    expect(announcedEpoch(123_456, { ...facts })).toBe(announcedEpoch(123_456, facts));
  });

  it('stays in the stored epoch’s range (1 … 2147483646)', () => {
    for (let stored = 1; stored < 2_000; stored += 7) {
      const epoch = announcedEpoch(stored, { ...facts, events: String(stored) });
      expect(Number.isInteger(epoch)).toBe(true);
      expect(epoch).toBeGreaterThanOrEqual(1);
      expect(epoch).toBeLessThanOrEqual(2_147_483_646);
    }
  });

  it('changes with the stored epoch and with each fact', () => {
    const base = announcedEpoch(123_456, facts);
    expect(announcedEpoch(123_457, facts)).not.toBe(base);
    for (const fact of Object.keys(facts) as (keyof EpochFacts)[])
      expect(announcedEpoch(123_456, { ...facts, [fact]: `${facts[fact]}0` })).not.toBe(base);
  });
});
