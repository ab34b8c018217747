// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encryptPersonalData,
  openEvent,
  PersonalCipher,
  personalKey,
  sealEvent,
} from '../../server/src/personal-crypto';
import { openSqliteStore } from '../../server/src/store/sqlite';
import { verifyChain } from '../../src/domain/chain';
import {
  PERSONAL_EVENT_TYPES,
  PERSONAL_FIELDS,
  withoutPersonalData,
} from '../../src/domain/retention';
import { chained, ev, visitEvents } from '../fixtures/builders';

const key = () => personalKey(randomBytes(32));

describe('personal data sealing', () => {
  const [, identity] = visitEvents([ev.opened(), ev.identity()], { device: 'tab' });
  if (identity?.type !== 'identity.confirmed') throw new Error('builder changed');

  it('seals the same value of the same event the same way, bound to its event and field', () => {
    const c = new PersonalCipher([key()]);
    const a = c.seal('张三明', 'E1/name');
    expect(c.seal('张三明', 'E1/name')).toBe(a);
    expect(c.seal('张三明', 'E2/name')).not.toBe(a);
    expect(c.open(a, 'E1/name')).toBe('张三明');
    expect(() => c.open(a, 'E2/name')).toThrow();
    expect(() => new PersonalCipher([key()]).open(a, 'E1/name')).toThrow(/not loaded/);
  });

  it('seals the salt of the chain commitment too, and opens what verifies', async () => {
    const c = new PersonalCipher([key()]);
    const [chainedIdentity] = await chained([identity]);
    if (!chainedIdentity) throw new Error('no event');
    const sealed = sealEvent(c, chainedIdentity);
    expect(sealed.chain?.salt).toMatch(/^enc1:/);
    expect(sealed.chain?.hash).toBe(chainedIdentity.chain?.hash);
    expect(openEvent(c, sealed)).toEqual(chainedIdentity);
    expect((await verifyChain([openEvent(c, sealed)], { seq: 1, hash: null })).ok).toBe(true);
  });

  it('seals exactly the fields retention removes', () => {
    expect(Object.keys(PERSONAL_FIELDS).sort()).toEqual([...PERSONAL_EVENT_TYPES].sort());
    const sealed = sealEvent(new PersonalCipher([key()]), identity);
    const purged = withoutPersonalData(identity, 1);
    for (const field of PERSONAL_FIELDS['identity.confirmed']) {
      expect(sealed.data).toHaveProperty(field, expect.stringMatching(/^enc1:/));
      expect(purged.data).toHaveProperty(field, '');
    }
  });

  it('after a key rotation, takes an event sent again as a duplicate, and opens both keys', async () => {
    const inner = openSqliteStore(':memory:');
    await inner.createSite({ id: 'hall-1', name: 'h' }, 0);
    const oldKey = key();
    const before = encryptPersonalData(inner, new PersonalCipher([oldKey]));
    const events = [identity];
    expect(await before.insertEvents('hall-1', 'tab', events, 0, () => false)).toMatchObject({
      accepted: 1,
    });
    const after = encryptPersonalData(inner, new PersonalCipher([key(), oldKey]));
    const again = await after.insertEvents('hall-1', 'tab', events, 0, () => false);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1, refused: [] });
    expect((await after.eventsAfter('hall-1', 0, 10)).events).toEqual(events);
    await inner.close();
  });
});
