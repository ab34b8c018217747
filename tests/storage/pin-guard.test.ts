import { describe, expect, it, vi } from 'vitest';
import { loadPinRecord } from '../../src/db/settings';
import { PinGuard } from '../../src/services/pin-guard';

const rule = { maxFailures: 3, lockMs: 60_000, maxLockMs: 600_000 };

function guard(secret: string, now: () => number, onLockout = vi.fn()) {
  return new PinGuard(secret, { now, rule, iterations: 1_000, onLockout });
}

describe('PinGuard (PIN hash and lock-out in idb-keyval)', () => {
  it('stores only a salted hash and accepts the right PIN', async () => {
    const lead = guard('lead-a', () => 0);
    expect(await lead.check('2580')).toEqual({ kind: 'not-set' });
    await lead.set('2580');
    const record = await loadPinRecord('lead-a');
    expect(JSON.stringify(record)).not.toContain('2580');
    expect(await lead.check('2580')).toEqual({ kind: 'ok' });
    expect(await lead.check('0000')).toEqual({ kind: 'wrong', attemptsLeft: 2 });
  });

  it('locks after repeated failures, and a reload does not unlock it', async () => {
    let now = 1_000_000;
    const onLockout = vi.fn();
    const lead = guard('lead-b', () => now, onLockout);
    await lead.set('2580');
    await lead.check('1111');
    await lead.check('1112');
    expect(await lead.check('1113')).toEqual({ kind: 'locked', until: now + 60_000 });
    expect(onLockout).toHaveBeenCalledWith({ failures: 3, until: now + 60_000 });

    const afterReload = guard('lead-b', () => now);
    expect(await afterReload.check('2580')).toEqual({ kind: 'locked', until: now + 60_000 });
    expect(await afterReload.lockedUntil()).toBe(now + 60_000);

    now += 60_000;
    expect(await afterReload.check('2580')).toEqual({ kind: 'ok' });
    expect(await afterReload.lockedUntil()).toBeNull();
  });

  it('keeps each secret apart', async () => {
    const lead = guard('lead-c', () => 0);
    const other = guard('other-c', () => 0);
    await lead.set('2580');
    await other.set('9753');
    expect(await lead.check('9753')).toEqual({ kind: 'wrong', attemptsLeft: 2 });
    expect(await other.check('9753')).toEqual({ kind: 'ok' });
  });
});
