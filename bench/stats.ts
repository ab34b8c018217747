/** Median and p95 of samples in ms, rounded to 0.01. */
export function summarise(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}
