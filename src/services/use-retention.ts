import { useEffect } from 'react';
import type { PurgeResult } from '../db/retention';
import { retentionCutoff } from '../domain/retention';
import { dayKey } from '../domain/time';
import { type Services, useServices } from './services';

/**
 * Purges personal data past the policy's retention, where the server holds it. The purge
 * (and the ledger code it shares, with its CSV writer) loads on first use, not with the door.
 */
export async function purgeNow(services: Services): Promise<PurgeResult> {
  const { db, log, device, policy, now } = services;
  const before = retentionCutoff(dayKey(now()), policy.ledger.retentionDays);
  const { purgeExpired } = await import('../db/retention');
  return purgeExpired(db, log, { device, before, now: now() });
}

/**
 * The retention purge runs on its own, hourly, on every tablet. A failure (storage
 * trouble) is left for the next hour: the data stays, which is the safe side.
 */
export function useRetention() {
  const services = useServices();
  useEffect(() => {
    const { retentionFirstAfterMs, retentionEveryMs } = services.timing;
    const run = () => void purgeNow(services).catch(() => {});
    const first = setTimeout(run, retentionFirstAfterMs);
    const timer = setInterval(run, retentionEveryMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [services]);
}
