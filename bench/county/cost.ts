/**
 * What one pushed and one pulled event cost, apart: after the day's load, each hall gets
 * one more tablet that pushes a day of its own (batches of MAX_PUSH_EVENTS, as fast as
 * the servers answer: a tablet back after a day offline), then every tablet of the hall
 * pulls the whole hall from cursor 0 (what each does after the server's epoch changed,
 * or a new tablet does). Closed loop, all halls at once. For each phase: events/s, and
 * the CPU each process spent (each server instance, and PostgreSQL's backends) per
 * 1,000 events: a figure that holds on a noisy machine, where latency does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointEvent } from '../../src/domain/events';
import {
  MAX_PULL_EVENTS,
  MAX_PUSH_EVENTS,
  type PullReply,
  type PushReply,
} from '../../src/protocol/api';
import { requestJson } from './http-json';
import type { LoadTablet } from './load';
import { cpuOf } from './servers';
import { tabletDay } from './tablet-day';

export interface PhaseCost {
  events: number;
  seconds: number;
  /** CPU ms per 1,000 events, per server instance. */
  serverMsPer1k: number[];
  /** PostgreSQL's processes (backends, writers), ms per 1,000 events; null on SQLite. */
  databaseMsPer1k: number | null;
  /** The load generator's own CPU, ms per 1,000 events. */
  clientMsPer1k: number;
}

/** CPU of a PostgreSQL cluster (postmaster, its live children and the ones it reaped), s. */
export function clusterCpuSeconds(clusterDir: string): number {
  const postmaster = Number(
    readFileSync(join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  let total = cpuOf(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuOf(Number(entry));
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

async function fetchJson<T>(
  url: string,
  init: NonNullable<Parameters<typeof requestJson>[1]>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const response = await requestJson<T>(url, init).catch((err: unknown) => err as Error);
    if (!(response instanceof Error) && response.ok) return response.body;
    if (attempt === 20)
      throw new Error(
        `cost phase: ${init.method ?? 'GET'} ${url}: ${response instanceof Error ? response.message : response.status}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function measure(
  run: () => Promise<number>,
  serverCpu: () => number[],
  databaseCpu: (() => number) | null,
): Promise<PhaseCost> {
  const servers0 = serverCpu();
  const database0 = databaseCpu?.() ?? 0;
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const events = await run();
  const seconds = (performance.now() - t0) / 1_000;
  const client = process.cpuUsage(client0);
  const per1k = (s: number) => (s * 1_000_000) / Math.max(1, events);
  return {
    events,
    seconds,
    serverMsPer1k: serverCpu().map((s, i) => per1k(s - (servers0[i] ?? 0))),
    databaseMsPer1k: databaseCpu ? per1k(databaseCpu() - database0) : null,
    clientMsPer1k: per1k((client.user + client.system) / 1e6),
  };
}

/** Pushes each late tablet's day, all at once; returns the events held. */
async function pushDays(late: readonly LoadTablet[], visits: number, dayStart: number) {
  // Made and encoded before the clock starts: the phase measures the servers.
  const days = await Promise.all(
    late.map(async (t) => {
      const day = tabletDay(t.site, t.device, visits, dayStart);
      const events: CheckpointEvent[] = [];
      for (let n = 0; n < visits; n++) events.push(...(await day.visit(n)));
      const bodies: string[] = [];
      for (let i = 0; i < events.length; i += MAX_PUSH_EVENTS)
        bodies.push(JSON.stringify({ events: events.slice(i, i + MAX_PUSH_EVENTS) }));
      return { t, bodies, count: events.length };
    }),
  );
  return async () => {
    const held = await Promise.all(
      days.map(async ({ t, bodies, count }) => {
        const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
        for (const body of bodies) {
          const reply = await fetchJson<PushReply>(`${t.url}/api/v1/sites/${t.site}/events`, {
            method: 'POST',
            headers,
            body,
          });
          if (reply.refused.length > 0)
            throw new Error(
              `cost phase: ${reply.refused.length} refused, e.g. ${JSON.stringify(reply.refused[0])}`,
            );
        }
        return count;
      }),
    );
    return held.reduce((a, b) => a + b, 0);
  };
}

async function pullAll(tablets: readonly LoadTablet[]): Promise<number> {
  const pulled = await Promise.all(
    tablets.map(async (t) => {
      let n = 0;
      for (let cursor = 0, more = true; more; ) {
        const reply = await fetchJson<PullReply>(
          `${t.url}/api/v1/sites/${t.site}/events?after=${cursor}&limit=${MAX_PULL_EVENTS}`,
          { headers: { authorization: `Bearer ${t.token}` } },
        );
        n += reply.events.length;
        ({ cursor, more } = reply);
      }
      return n;
    }),
  );
  return pulled.reduce((a, b) => a + b, 0);
}

export async function measureCosts(options: {
  /** One more tablet per hall, enrolled for this. */
  late: readonly LoadTablet[];
  /** Every tablet (the day's and the late ones). */
  all: readonly LoadTablet[];
  visits: number;
  dayStart: number;
  serverCpu: () => number[];
  databaseCpu: (() => number) | null;
}): Promise<{ push: PhaseCost; pull: PhaseCost }> {
  const push = await measure(
    await pushDays(options.late, options.visits, options.dayStart),
    options.serverCpu,
    options.databaseCpu,
  );
  const pull = await measure(() => pullAll(options.all), options.serverCpu, options.databaseCpu);
  return { push, pull };
}
