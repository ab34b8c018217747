/**
 * How long to wait after the n-th failure in a row: exponential from 2 s, capped at
 * 5 minutes, with jitter so tablets that lost the network together do not return in step.
 */
export function retryDelay(
  failures: number,
  random: number,
  baseMs = 2_000,
  maxMs = 300_000,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
