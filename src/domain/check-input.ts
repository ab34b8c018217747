/**
 * Checks as the screens show and take them (issue 33): in the app's language, a sampling
 * time typed at the door, the hours since it. Apart from src/domain/checks.ts, which the
 * door's first paint folds with: these load with the check step and the ledger.
 */
import type { Wording } from './checks';

/** A wording in the app's language (Simplified Chinese unless it is English). */
export function wordingIn(w: Wording, language: string): string {
  return language === 'en' ? w.en : w['zh-CN'];
}

/** Hours and minutes since a sampling time ("49:12"), as the door and ledger show it. */
export function hoursSince(sampledAt: number, at: number): string {
  const minutes = Math.floor((at - sampledAt) / 60_000);
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * A sampling time as staff enter it at the door: a day (0 today, 1 yesterday…) before
 * the checked `now`, and "HHMM" local time read off the visitor's phone or paper.
 */
export function sampledAtFrom(daysAgo: number, hhmm: string, now: number): number | null {
  const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(hhmm);
  if (!m) return null;
  const day = new Date(now);
  day.setDate(day.getDate() - daysAgo);
  day.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return day.getTime();
}
