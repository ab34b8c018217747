/**
 * The county's tablets as load: each records its day of visits at a steady pace (the
 * whole county offering `rate` events/s) and syncs as the app's engine does — push what
 * the server lacks in batches of at most MAX_PUSH_EVENTS, then pull after its cursor until
 * nothing more — every `syncMs` while it has new visits. Open loop: when the servers fall
 * behind, backlogs (and batches) grow, as they would at the door.
 */
import type { CheckpointEvent } from '../../src/domain/events';
import {
  MAX_PULL_EVENTS,
  MAX_PUSH_EVENTS,
  type PullReply,
  type PushReply,
} from '../../src/protocol/api';
import { requestJson } from './http-json';
import { tabletDay } from './tablet-day';

export interface LoadTablet {
  site: string;
  device: string;
  token: string;
  /** The server instance this tablet reaches (a load balancer's choice). */
  url: string;
}

export interface LoadOptions {
  tablets: readonly LoadTablet[];
  visitsPerTablet: number;
  /** Events/s offered by the whole county. */
  rate: number;
  syncMs: number;
  dayStart: number;
  /**
   * No event held for this long while tablets still have some to push: the run fails
   * (with the last error) instead of retrying for ever. Default 60 s.
   */
  stallMs?: number;
}

export interface LoadResult {
  pushed: number;
  pulled: number;
  seconds: number;
  /** Time from the last visit recorded to the last one held by the server. */
  lagSeconds: number;
  pushMs: number[];
  pullMs: number[];
  errors: number;
  /** CPU of this (load) process over the run, s. */
  clientCpuSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { tablets, visitsPerTablet, rate, syncMs, dayStart, stallMs = 60_000 } = options;
  const totalEvents = tablets.length * visitsPerTablet * 9;
  const runMs = (totalEvents / rate) * 1_000;
  const visitEveryMs = runMs / visitsPerTablet;
  const result: LoadResult = {
    pushed: 0,
    pulled: 0,
    seconds: 0,
    lagSeconds: 0,
    pushMs: [],
    pullMs: [],
    errors: 0,
    clientCpuSeconds: 0,
  };
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  let lastHeldAt = start;
  let lastError = 'none';
  let stalled: string | null = null;

  async function call<T>(
    url: string,
    init: NonNullable<Parameters<typeof requestJson>[1]>,
    times: number[],
  ): Promise<T | null> {
    const sent = performance.now();
    try {
      const response = await requestJson<T>(url, init);
      const body = response.body;
      times.push(performance.now() - sent);
      if (response.ok) return body;
      lastError = `${init.method ?? 'GET'} ${response.status} ${JSON.stringify(body).slice(0, 200)}`;
    } catch (err) {
      // counted below, retried at the next sync
      lastError = `${init.method ?? 'GET'} ${String(err)}`;
    }
    result.errors++;
    return null;
  }

  async function tablet(t: LoadTablet, index: number) {
    const day = tabletDay(t.site, t.device, visitsPerTablet, dayStart);
    const base = `${t.url}/api/v1/sites/${t.site}/events`;
    const headers = { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' };
    let outbox: CheckpointEvent[] = [];
    let made = 0;
    let cursor = 0;
    // Tablets do not sync in lockstep: each starts at its own offset in the interval.
    await sleep((index * 7919) % syncMs);
    for (;;) {
      if (stalled) throw new Error(stalled);
      const due = Math.min(
        visitsPerTablet,
        Math.floor((performance.now() - start) / visitEveryMs) + 1,
      );
      while (made < due) outbox.push(...(await day.visit(made++)));
      while (outbox.length > 0) {
        const batch = outbox.slice(0, MAX_PUSH_EVENTS);
        const reply = await call<PushReply>(
          base,
          { method: 'POST', headers, body: JSON.stringify({ events: batch }) },
          result.pushMs,
        );
        if (!reply) break;
        const before = outbox.length;
        outbox = outbox.filter((e) => e.seq > reply.heldSeq);
        result.pushed += before - outbox.length;
        lastHeldAt = performance.now();
      }
      for (;;) {
        const reply = await call<PullReply>(
          `${base}?after=${cursor}&limit=${MAX_PULL_EVENTS}`,
          { headers: { authorization: headers.authorization } },
          result.pullMs,
        );
        if (!reply) break;
        result.pulled += reply.events.length;
        cursor = reply.cursor;
        if (!reply.more) break;
      }
      if (made === visitsPerTablet && outbox.length === 0) return;
      await sleep(syncMs);
    }
  }

  const watchdog = setInterval(
    () => {
      if (performance.now() - lastHeldAt > stallMs)
        stalled = `county load: no event held for ${stallMs / 1_000} s (${result.pushed} of ${totalEvents} held, ${result.errors} errors; last: ${lastError})`;
    },
    Math.min(1_000, stallMs),
  );
  try {
    await Promise.all(tablets.map((t, i) => tablet(t, i)));
  } finally {
    clearInterval(watchdog);
  }
  // A last pull round would only re-read: each tablet already pulled after its last push.
  const cpu = process.cpuUsage(cpuBefore);
  result.clientCpuSeconds = (cpu.user + cpu.system) / 1e6;
  result.seconds = (lastHeldAt - start) / 1_000;
  result.lagSeconds = Math.max(0, (lastHeldAt - start - runMs) / 1_000);
  return result;
}
