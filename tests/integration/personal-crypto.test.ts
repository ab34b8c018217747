// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encryptPersonalData,
  openEvent,
  PersonalCipher,
  personalKey,
  sealEvent,
} from '../../server/src/personal/personal-crypto';
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

  it('pulls as texts: sealed events opened, others passed as stored, none sealed in the reply', async () => {
    const inner = openSqliteStore(':memory:');
    await inner.createSite({ id: 'hall-1', name: 'h' }, 0);
    const store = encryptPersonalData(inner, new PersonalCipher([key()]));
    const events = await chained(
      visitEvents([ev.opened(), ev.booked(), ev.identity(), ev.mask()], { device: 'tab' }),
    );
    await store.insertEvents('hall-1', 'tab', events, 0, () => false);
    const stored = await inner.pullPage('hall-1', 'tab', 0, 10);
    expect(stored.texts.filter((t) => t.includes('"enc1:'))).toHaveLength(2);
    const page = await store.pullPage('hall-1', 'tab', 0, 10);
    expect(page.texts.map((t) => JSON.parse(t))).toEqual(events);
    expect(page.texts.join()).not.toContain('enc1:');
    // An event without a sealed value is the stored text itself, not encoded again.
    expect(page.texts[0]).toBe(stored.texts[0]);
    await inner.close();
  });

  it('never serves an opened event from memory once a purge rewrote it', async () => {
    const inner = openSqliteStore(':memory:');
    await inner.createSite({ id: 'hall-1', name: 'h' }, 0);
    const store = encryptPersonalData(inner, new PersonalCipher([key()]));
    await store.insertEvents('hall-1', 'tab', [identity], identity.at, () => false);
    const name = (t: string | undefined) => (JSON.parse(t ?? '{}') as typeof identity).data.name;
    expect(name((await store.pullPage('hall-1', 'tab', 0, 10)).texts[0])).toBe(identity.data.name);
    expect(name((await store.pullPage('hall-1', 'tab', 0, 10)).texts[0])).toBe(identity.data.name);
    await store.purgePersonalData(
      'hall-1',
      { at: identity.at + 1, day: '2000-01-01' },
      identity.at + 2,
    );
    expect(name((await store.pullPage('hall-1', 'tab', 0, 10)).texts[0])).toBe('');
    await inner.close();
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
