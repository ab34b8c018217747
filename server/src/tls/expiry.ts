/**
 * The server's certificate runs out after 397 days (issue.ts): the server says so in its
 * log at start and every day from 30 days before, time enough for `tls renew` on a
 * weekday (issue 22). A tablet facing an expired certificate stops syncing and, once its
 * page is reloaded, loses the camera.
 */
import { X509Certificate } from 'node:crypto';

export const WARN_DAYS_BEFORE_EXPIRY = 30;
const DAY = 86_400_000;

export type ExpiryCheck =
  | { state: 'ok'; daysLeft: number }
  | { state: 'soon'; daysLeft: number; notAfter: string }
  | { state: 'expired'; notAfter: string };

export function checkExpiry(certPem: string | Buffer, now: number): ExpiryCheck {
  const notAfter = new Date(new X509Certificate(certPem).validTo);
  const daysLeft = Math.floor((notAfter.getTime() - now) / DAY);
  if (notAfter.getTime() <= now) return { state: 'expired', notAfter: notAfter.toISOString() };
  if (daysLeft < WARN_DAYS_BEFORE_EXPIRY)
    return { state: 'soon', daysLeft, notAfter: notAfter.toISOString() };
  return { state: 'ok', daysLeft };
}

interface Log {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Logs the check now and once a day; returns the stop function. */
export function watchExpiry(
  certPem: string | Buffer,
  log: Log,
  now: () => number = Date.now,
): () => void {
  const check = () => {
    const result = checkExpiry(certPem, now());
    const renew = 'run `npm run admin -- tls renew`, then restart the server';
    if (result.state === 'expired')
      log.error({ tls: result }, `the TLS certificate has expired: ${renew}`);
    else if (result.state === 'soon')
      log.warn({ tls: result }, `the TLS certificate expires in ${result.daysLeft} days: ${renew}`);
  };
  check();
  const timer = setInterval(check, DAY);
  timer.unref();
  return () => clearInterval(timer);
}
