/**
 * What a tablet says of itself with its syncs (src/protocol/api.ts DeviceReport): what
 * the server keeps of a query string, and how `admin -- status` prints it.
 */
import { describe, expect, it } from 'vitest';
import { statusText } from '../../server/src/ops/device-status';
import type { DeviceActivity } from '../../server/src/store/store';
import { deviceReportOf, deviceReportParams, MAX_REPORTED_WAITING } from '../../src/protocol/api';

const query = (text: string) => Object.fromEntries(new URLSearchParams(text));

describe('deviceReportOf', () => {
  it('reads what deviceReportParams writes', () => {
    expect(deviceReportOf(query(deviceReportParams(12, '0.4.0-rc.1+b7')))).toEqual({
      waiting: 12,
      appVersion: '0.4.0-rc.1+b7',
    });
    expect(deviceReportOf(query(deviceReportParams(0, undefined)))).toEqual({
      waiting: 0,
      appVersion: null,
    });
  });

  it('a tablet that says nothing, or a query that is not one, is unknown', () => {
    const unknown = { waiting: null, appVersion: null };
    expect(deviceReportOf({})).toEqual(unknown);
    expect(deviceReportOf(undefined)).toEqual(unknown);
    expect(deviceReportOf('waiting=3')).toEqual(unknown);
  });

  it.each([
    '-1',
    '1.5',
    '1e3',
    ' 3',
    '0x10',
    '',
    String(MAX_REPORTED_WAITING + 1),
    '99999999999999999999',
  ])('ignores waiting=%j', (waiting) => {
    expect(deviceReportOf({ waiting, app: '1.0.0' })).toEqual({
      waiting: null,
      appVersion: '1.0.0',
    });
  });

  it.each([
    '',
    '1.0.0 beta',
    '1.0.0\n2.0.0',
    '\u001b[31mred\u001b[0m',
    '1.0.0\u0007',
    'x'.repeat(33),
    'x'.repeat(10_240),
    '版本1',
    '1.0/../../etc',
  ])('ignores app=%j', (app) => {
    expect(deviceReportOf({ waiting: '3', app })).toEqual({ waiting: 3, appVersion: null });
  });

  it('ignores a repeated parameter (an array), and clamps what a tablet sends', () => {
    expect(deviceReportOf({ waiting: ['1', '2'], app: ['1.0.0', '2.0.0'] })).toEqual({
      waiting: null,
      appVersion: null,
    });
    expect(deviceReportOf(query(deviceReportParams(5_000_000, '1.0.0'))).waiting).toBe(
      MAX_REPORTED_WAITING,
    );
  });
});

describe('the policy version a tablet runs (issue 33)', () => {
  it('is read back as sent; one with control characters is not said', () => {
    const query = (text: string) => Object.fromEntries(new URLSearchParams(text));
    expect(deviceReportOf(query(deviceReportParams(0, '1.0.0', 'c7+h1'))).policyVersion).toBe(
      'c7+h1',
    );
    expect(deviceReportOf({ policy: '2026.1\u001b[31m' }).policyVersion).toBeUndefined();
    expect(deviceReportOf({ policy: 'x'.repeat(33) }).policyVersion).toBeUndefined();
  });
});

describe('statusText: waiting and app', () => {
  const NOW = 1_800_000_000_000;
  const tablet = (over: Partial<DeviceActivity>): DeviceActivity => ({
    id: 'tab-1',
    site: 'hall-1',
    revoked: false,
    enrolledAt: NOW - 86_400_000,
    lastSeenAt: NOW - 60_000,
    lastPushAt: NOW - 60_000,
    clockOffset: null,
    waiting: null,
    appVersion: null,
    ...over,
  });
  const row = (text: string, id: string) => text.split('\n').find((l) => l.includes(id));

  it('prints what each tablet said, and — for one that never did', () => {
    const text = statusText(
      [
        tablet({ id: 'tab-new', waiting: 42, appVersion: '0.4.0', policyVersion: 'c7+h1' }),
        tablet({ id: 'tab-zero', waiting: 0, appVersion: '0.4.0' }),
        tablet({ id: 'tab-old' }),
      ],
      NOW,
      2,
    );
    expect(text.split('\n')[0]).toMatch(/waiting\s+app\s+policy\s+clock/);
    expect(row(text, 'tab-new')).toMatch(/1 min ago\s+42\s+0\.4\.0\s+c7\+h1\s+—\s+ok$/);
    expect(row(text, 'tab-zero')).toMatch(/1 min ago\s+0\s+0\.4\.0\s+—\s+—\s+ok$/);
    expect(row(text, 'tab-old')).toMatch(/1 min ago\s+—\s+—\s+—\s+—\s+ok$/);
  });

  it('never prints a stored version outside the pattern (a database from elsewhere)', () => {
    const text = statusText([tablet({ appVersion: '\u001b]0;pwned\u0007\n1.0' })], NOW, 2);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('pwned');
    expect(row(text, 'tab-1')).toMatch(/—\s+\?\s+—\s+—\s+ok$/);
  });
});
