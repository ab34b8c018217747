/**
 * Where a tap's time goes at the door on a tablet's CPU (`npm run bench:tablet-profile`,
 * issue 31): the walk-in taps of bench:tablet, camera on, CPU throttled (BENCH_RATE, 4×),
 * traced over CDP. Prints the main thread's tasks over 50 ms with what ran inside them
 * (events, timers, frames, script compiled, layout, GC) and the functions that took the
 * most self time in them (a CPU profile's samples inside those tasks).
 * Serves BENCH_DIST (default dist/; a build with `--minify false` names the functions).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../scripts/static-server';
import { cameraBrowser, doorWithCamera, GREEN_CODE, throttle, walkInTaps } from './tablet-door';

const RATE = Number(process.env.BENCH_RATE ?? 4);
const ROUNDS = Number(process.env.BENCH_TAPS ?? 6);
const LONG_MS = 50;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** What a traced event stands for, in a line; null for events not worth a line. */
function label(e: TraceEvent): string | null {
  const data = e.args?.data ?? {};
  const file = (url: unknown) => String(url ?? '').replace(/^.*\//, '');
  switch (e.name) {
    case 'EventDispatch':
      return `event ${String(data.type)}`;
    case 'TimerFire':
      return 'timer';
    case 'FireAnimationFrame':
      return 'animation frame';
    case 'FunctionCall':
      return `call ${String(data.functionName || '(anonymous)')} ${file(data.url)}`;
    case 'EvaluateScript':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
      return `${e.name} ${file(data.url ?? (e.args as { fileName?: string })?.fileName)}`;
    case 'v8.compile':
      return `compile ${file(data.url)}`;
    case 'Layout':
    case 'UpdateLayoutTree':
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'MajorGC':
    case 'MinorGC':
    case 'RunMicrotasks':
    case 'ParseHTML':
    case 'HitTest':
      return e.name;
    default:
      if (e.name.startsWith('V8.GC')) return 'GC';
      // Other work of a millisecond or more, by its own name (not the task wrappers).
      return (e.dur ?? 0) >= 1000 && !/RunTask|ThreadController|Sequence|Scheduler/.test(e.name)
        ? e.name
        : null;
  }
}

function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer is the one with the most tasks.
  let best = { pid: 0, tid: 0, n: -1 };
  for (const t of named) {
    const n = events.filter(
      (e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask',
    ).length;
    if (n > best.n) best = { pid: t.pid, tid: t.tid, n };
  }
  return best;
}

function ownEvents(events: TraceEvent[]) {
  const { pid, tid } = mainThread(events);
  return events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** The outermost labelled events in a window (µs), summed per label, ms. */
function parts(own: TraceEvent[], start: number, end: number) {
  const out = new Map<string, number>();
  let coveredUntil = start;
  for (const e of own) {
    if (e.ts < start || e.ts >= end) continue;
    const what = label(e);
    if (!what || e.ts < coveredUntil) continue; // nested in a part already counted
    coveredUntil = e.ts + (e.dur ?? 0);
    out.set(what, (out.get(what) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return out;
}

/** The main thread's tasks over LONG_MS, with what ran inside them. */
function longTasks(own: TraceEvent[]) {
  return own
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > LONG_MS * 1000)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      return { start: task.ts, end, ms: (task.dur ?? 0) / 1000, parts: parts(own, task.ts, end) };
    });
}

/** Each tap's window, from its pointerdown to its next step painted (µs). */
function tapWindows(own: TraceEvent[], tapMs: number[]) {
  const downs = own.filter(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointerdown',
  );
  return downs.slice(0, tapMs.length).map((e, i) => {
    const ms = tapMs[i] ?? 0;
    return { i, ms, start: e.ts, end: e.ts + ms * 1000 };
  });
}

/** Self time per function inside the given windows (µs clock of the trace), ms. */
function selfTimes(profile: CpuProfile, windows: { start: number; end: number }[]) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (!windows.some((w) => t >= w.start && t < w.end)) continue;
    const f = byId.get(profile.samples[i] ?? -1);
    if (!f) continue;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + delta / 1000);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
}

const top = (m: Iterable<[string, number]>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ms  ${k}`)
    .join('\n');

const server = await startStaticServer(process.env.BENCH_DIST ?? 'dist');
const dir = mkdtempSync(join(tmpdir(), 'checkpoint-profile-'));
const browser = await cameraBrowser(dir, GREEN_CODE);
try {
  const page = await doorWithCamera(browser, server.url);
  await throttle(page, RATE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'toplevel',
    ],
  });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    window.tapTimes = [];
    window.inputDelays = [];
  });
  await walkInTaps(page, ROUNDS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };
  const taps = await page.evaluate(() => ({ next: window.tapTimes, delay: window.inputDelays }));
  if (process.env.BENCH_TRACE_OUT)
    writeFileSync(process.env.BENCH_TRACE_OUT, JSON.stringify({ ...trace, profile, taps }));
  const own = ownEvents(trace.traceEvents);
  const tasks = longTasks(own);
  const windows = tapWindows(own, taps.next);
  const slow = [...windows].sort((a, b) => b.ms - a.ms).slice(0, Math.ceil(windows.length / 4));
  console.log(`${RATE}× CPU, ${ROUNDS * 5} taps: tap → next step ms`, taps.next.map(Math.round));
  console.log('input delay ms', taps.delay.map(Math.round));
  console.log(`\n${tasks.length} tasks over ${LONG_MS} ms on the main thread:`);
  for (const task of tasks)
    console.log(
      `  ${task.ms.toFixed(0)} ms at ${((task.start - profile.startTime) / 1000).toFixed(0)} ms\n${top(task.parts, 6)}`,
    );
  const all = new Map<string, number>();
  for (const task of tasks) for (const [k, v] of task.parts) all.set(k, (all.get(k) ?? 0) + v);
  console.log(`\nIn all long tasks, by part:\n${top(all, 25)}`);
  console.log(`\nThe slowest quarter of taps:`);
  for (const w of slow)
    console.log(
      `  tap ${w.i} (${(w.i % 5) + 1} of 5): ${w.ms.toFixed(0)} ms\n${top(parts(own, w.start, w.end), 8)}`,
    );
  console.log(
    `\nSelf time in the slowest taps, by function:\n${top(selfTimes(profile, slow), 40)}`,
  );
  console.log(`\nSelf time in long tasks, by function:\n${top(selfTimes(profile, tasks), 40)}`);
  console.log(
    `\nSelf time over the whole run, by function:\n${top(selfTimes(profile, [{ start: 0, end: Number.POSITIVE_INFINITY }]), 30)}`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
