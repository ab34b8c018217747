import { useEffect } from 'react';
import type { PurgeResult } from '../db/retention';
import { purgeRefusedByClock } from '../domain/clock';
import { retentionCutoff } from '../domain/retention';
import { type Services, useServices } from './services';

/**
 * 'clock-ahead': the tablet's clock runs ahead of the server's by more than the policy's
 * tolerance, so nothing is purged (the day might not be the day it says: issue 23).
 */
export type PurgeOutcome = PurgeResult | 'clock-ahead';

/**
 * Purges personal data past the policy's retention, where the server holds it, by the
 * checked clock's day. The purge (and the ledger code it shares, with its CSV writer)
 * loads on first use, not with the door.
 */
export async function purgeNow(services: Services): Promise<PurgeOutcome> {
  const { db, log, device, policy, now, clock } = services;
  if (purgeRefusedByClock(clock.offset(), policy.clock)) return 'clock-ahead';
  const before = retentionCutoff(clock.today(), policy.ledger.retentionDays);
  const { purgeExpired } = await import('../db/retention');
  return purgeExpired(db, log, { device, before, now: now() });
}

/**
 * The retention purge runs on its own, hourly, on every tablet. A failure (storage
 * trouble) or a clock running ahead is left for the next hour: the data stays, which is
 * the safe side.
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
