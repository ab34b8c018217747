/**
 * Runs schedules `first … first+count-1` over one store, in batches that each share one
 * fresh database and one in-process server, and sums the outcome.
 */
import { InProcessServer } from './in-process-server';
import { type Plant, runSchedule, type ScheduleResult } from './run-schedule';
import { makeSchedule } from './schedule';
import type { StoreFactory } from './stores';

export interface Totals {
  store: string;
  schedules: number;
  recorded: number;
  lost: number;
  doubled: number;
  notConverged: number;
  unexplained: number;
  failures: ScheduleResult[];
  ms: number;
}

export async function runBatches(
  factory: StoreFactory,
  first: number,
  count: number,
  options: { batch?: number; plant?: Plant; onProgress?: (done: number) => void } = {},
): Promise<Totals> {
  const started = performance.now();
  const totals: Totals = {
    store: factory.name,
    schedules: 0,
    recorded: 0,
    lost: 0,
    doubled: 0,
    notConverged: 0,
    unexplained: 0,
    failures: [],
    ms: 0,
  };
  const batch = options.batch ?? 100;
  for (let start = first; start < first + count; start += batch) {
    const database = await factory.batch();
    const server = await InProcessServer.start(database);
    try {
      for (let seed = start; seed < Math.min(start + batch, first + count); seed++) {
        const result = await runSchedule(server, makeSchedule(seed), options.plant);
        totals.schedules++;
        totals.recorded += result.recorded;
        totals.lost += result.lost;
        totals.doubled += result.doubled;
        totals.notConverged += result.notConverged;
        totals.unexplained += result.unexplained;
        if (result.lost + result.doubled + result.notConverged + result.unexplained > 0)
          totals.failures.push(result);
        options.onProgress?.(totals.schedules);
      }
    } finally {
      await server.close();
      await database.drop();
    }
  }
  totals.ms = performance.now() - started;
  return totals;
}
