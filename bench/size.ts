/**
 * BENCH_SMOKE=1 (in Node) or `?smoke` (a bench page in Chromium): every bench at a tiny
 * size, to prove it still runs (`npm run bench:smoke`, in CI). The figures of a smoke run
 * mean nothing.
 */
// `typeof` first: in the page, `process` is not defined at all.
const env = typeof process === 'undefined' ? undefined : process.env;

export const SMOKE = env
  ? env.BENCH_SMOKE === '1'
  : new URLSearchParams(globalThis.location?.search ?? '').has('smoke');

/** The full size, or the tiny one in a smoke run. */
export const sized = (full: number, tiny: number): number => (SMOKE ? tiny : full);
