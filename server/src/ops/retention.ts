/**
 * Retention on the server: personal data is kept as long as the site's policy says
 * (`ledger.retentionDays`), here as on the tablets. Counts, times and verdicts stay.
 */
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { retentionCutoff } from '../../../src/domain/retention';
import { dayKey, dayStart } from '../../../src/domain/time';
import type { PurgeCounts, Store } from '../store/store';

const EVERY_MS = 60 * 60_000;
/** Timers of several instances drift; a slot claimed a little early still counts. */
const SLACK_MS = 60_000;

export async function purgeSite(
  store: Store,
  site: string,
  now: number,
): Promise<PurgeCounts & { before: string }> {
  const days =
    (await store.policy(site))?.ledger?.retentionDays ?? DEFAULT_POLICY.ledger.retentionDays;
  const before = retentionCutoff(dayKey(now), days);
  return {
    before,
    ...(await store.purgePersonalData(site, { at: dayStart(before), day: before }, now)),
  };
}

/** Every site's purge, then the storage reclaimed once (not per site); the events purged. */
export async function runRetention(
  store: Store,
  now: number,
  log: { info: (o: object, m: string) => void },
): Promise<number> {
  let changed = false;
  let events = 0;
  for (const site of await store.siteIds()) {
    const result = await purgeSite(store, site, now);
    events += result.events;
    if (result.events > 0 || result.bookings > 0) {
      changed = true;
      log.info({ site, ...result }, 'retention purge');
    }
  }
  if (changed) await store.reclaimPurged();
  return events;
}

/** Told of each run this instance made (metrics.ts); a skipped slot is no run. */
export type RetentionRun = { outcome: 'ran'; events: number } | { outcome: 'failed' };

/**
 * Hourly, and at start: every site. With several server instances on one database, the
 * one that claims the hour's slot runs it; the others skip. Returns a stop function.
 */
export function startRetention(
  store: Store,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
  now: () => number = Date.now,
  everyMs = EVERY_MS,
  onRun: (run: RetentionRun) => void = () => {},
): () => void {
  const run = async () => {
    if (await store.claimPeriodicJob('retention', now(), everyMs - SLACK_MS))
      onRun({ outcome: 'ran', events: await runRetention(store, now(), log) });
  };
  const tick = () =>
    void run().catch((err: unknown) => {
      onRun({ outcome: 'failed' });
      log.error({ err }, 'retention purge failed');
    });
  tick();
  const timer = setInterval(tick, everyMs);
  return () => clearInterval(timer);
}
