import { useEffect } from 'react';
import { type PurgeResult, purgeExpired } from '../db/retention';
import { retentionCutoff } from '../domain/retention';
import { dayKey } from '../domain/time';
import { type Services, useServices } from './services';

const EVERY_MS = 60 * 60_000;
/** After start-up, once the door is on screen and sync has had a first go. */
const FIRST_AFTER_MS = 60_000;

/** Purges personal data past the policy's retention, where the server holds it. */
export function purgeNow(services: Services): Promise<PurgeResult> {
  const { db, log, device, policy, now } = services;
  const before = retentionCutoff(dayKey(now()), policy.ledger.retentionDays);
  return purgeExpired(db, log, { device, before, now: now() });
}

/**
 * The retention purge runs on its own, hourly, on every tablet. A failure (storage
 * trouble) is left for the next hour: the data stays, which is the safe side.
 */
export function useRetention() {
  const services = useServices();
  useEffect(() => {
    const run = () => void purgeNow(services).catch(() => {});
    const first = setTimeout(run, FIRST_AFTER_MS);
    const timer = setInterval(run, EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [services]);
}
