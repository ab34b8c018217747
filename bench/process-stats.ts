import { readFileSync } from 'node:fs';

/** A process's resident memory in MB (Linux /proc). Node-only: browser benches skip it. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
