import { describe, expect, it } from 'vitest';
import { storageIsLow } from '../../src/domain/device-health';
import { clearedEvent, problemChanges, raisedEvent } from '../../src/services/health/health-events';

const MB = 1024 * 1024;

describe('storageIsLow', () => {
  it.each([
    [{ usage: 10 * MB, quota: 1000 * MB }, false],
    [{ usage: 900 * MB, quota: 1000 * MB }, true],
    [{ usage: 899 * MB, quota: 1000 * MB }, false],
    [{ usage: 20 * MB, quota: 60 * MB }, true],
    [{ usage: 0, quota: 0 }, false],
  ])('%o → %s', (estimate, low) => {
    expect(storageIsLow(estimate)).toBe(low);
  });
});

describe('health problems as device events', () => {
  it('records a problem when it appears, with its details', () => {
    const problems = { 'storage-low': { usage: 950, quota: 1000, since: 1 } };
    expect(problemChanges({}, problems)).toEqual({ raised: ['storage-low'], cleared: [] });
    expect(raisedEvent('storage-low', problems)).toEqual({
      type: 'device.storage-low',
      data: { usage: 950, quota: 1000 },
    });
    expect(raisedEvent('camera-failed', problems)).toBeNull();
  });

  it('records how long the device was offline when the network returns', () => {
    const before = { offline: { since: 1_000 } };
    expect(problemChanges(before, {})).toEqual({ raised: [], cleared: ['offline'] });
    expect(clearedEvent('offline', before, 61_000)).toEqual({
      type: 'device.online',
      data: { offlineForMs: 60_000 },
    });
    expect(clearedEvent('clock-skew', { 'clock-skew': { skewMs: 1, since: 0 } }, 5)).toBeNull();
  });
});
