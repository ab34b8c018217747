/**
 * "Which hall's tablets stopped syncing, and since when?": the answer as a table for
 * `admin -- status`, and the stale rule /metrics counts by (metrics.ts). Device ids,
 * times, counts and app versions only: no names, nothing a visitor typed.
 */
import { APP_VERSION_PATTERN } from '../../../src/protocol/api';
import type { DeviceActivity } from '../store/store';
import { printable } from './terminal-text';

/**
 * A tablet is stale when it has not synced for this long. Two hours: a tablet at the door
 * syncs every few seconds while online, so an hour of silence in opening hours is already
 * a question; two leave room for a lunch break with the tablet asleep. Outside opening
 * hours every tablet goes stale: alert on it in opening hours only (docs/operations.md).
 */
export const DEFAULT_STALE_HOURS = 2;

/** The last time the device called; a tablet that never synced counts from enrolment. */
export const lastContact = (d: DeviceActivity): number => d.lastSeenAt ?? d.enrolledAt;

export function isStale(d: DeviceActivity, now: number, staleMs: number): boolean {
  return !d.revoked && now - lastContact(d) > staleMs;
}

/** "3 min ago", "5 h 10 min ago", "never". */
export function ago(at: number | null, now: number): string {
  if (at === null) return 'never';
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function offsetText(ms: number | null): string {
  if (ms === null) return '—';
  const seconds = Math.round(ms / 1000);
  return `${seconds >= 0 ? '+' : ''}${seconds} s`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The version as the tablet reported it, checked again at the terminal: the route lets
 * only the pattern in, but a database restored from elsewhere is not the route's.
 */
const versionText = (v: string | null) =>
  v === null ? '—' : APP_VERSION_PATTERN.test(v) ? v : '?';

/**
 * One row per tablet, halls in order. "Waiting" and "app" are what the tablet last said
 * of itself (events not yet pushed, its app version; protocol/api.ts DeviceReport), as of
 * its last recorded sync; '—' for a tablet that never said (an app before issue 22).
 */
export function statusText(
  devices: readonly DeviceActivity[],
  now: number,
  staleHours: number,
): string {
  if (devices.length === 0) return 'no tablets enrolled';
  const staleMs = staleHours * 3_600_000;
  const header = [
    'hall',
    'tablet',
    'last seen',
    'last push',
    'waiting',
    'app',
    'policy',
    'clock',
    'state',
  ];
  const rows = devices.map((d) => [
    printable(d.site),
    printable(d.id),
    ago(d.lastSeenAt, now),
    ago(d.lastPushAt, now),
    d.waiting === null ? '—' : String(d.waiting),
    versionText(d.appVersion),
    // The policy version the tablet runs (issue 33): a county's new one shows here per hall.
    d.policyVersion === undefined ? '—' : printable(d.policyVersion),
    offsetText(d.clockOffset),
    d.revoked ? 'revoked' : isStale(d, now, staleMs) ? `STALE (> ${staleHours} h)` : 'ok',
  ]);
  const stale = devices.filter((d) => isStale(d, now, staleMs)).length;
  return [
    table([header, ...rows]),
    '',
    `${stale} of ${devices.filter((d) => !d.revoked).length} tablets stale (no sync for more than ${staleHours} h)`,
  ].join('\n');
}
