import type { HealthProblem } from '../../domain/device-health';
import type { DeviceEventBody } from '../../domain/events';
import type { Problems } from './health-store';

/** The event recorded when a problem appears. */
export function raisedEvent(problem: HealthProblem, problems: Problems): DeviceEventBody | null {
  switch (problem) {
    case 'offline':
      return problems.offline ? { type: 'device.offline', data: {} } : null;
    case 'storage-low': {
      const p = problems['storage-low'];
      return p ? { type: 'device.storage-low', data: { usage: p.usage, quota: p.quota } } : null;
    }
    // No event: with the storage full it could not be written (storage-low records the figures).
    case 'storage-full':
      return null;
    case 'persistence-refused':
      return problems['persistence-refused']
        ? { type: 'device.persistence-refused', data: {} }
        : null;
    case 'clock-skew': {
      const p = problems['clock-skew'];
      return p ? { type: 'device.clock-skew', data: { skewMs: p.skewMs } } : null;
    }
    case 'camera-failed': {
      const p = problems['camera-failed'];
      return p ? { type: 'device.camera-failed', data: { reason: p.reason } } : null;
    }
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** The event recorded when a problem goes away: only the network's return is worth one. */
export function clearedEvent(
  problem: HealthProblem,
  before: Problems,
  at: number,
): DeviceEventBody | null {
  if (problem !== 'offline') return null;
  const since = before.offline?.since;
  return { type: 'device.online', data: { offlineForMs: since === undefined ? null : at - since } };
}

/** Problems present in `next` and not in `prev`, and the reverse. */
export function problemChanges(prev: Problems, next: Problems) {
  const keys = (p: Problems) => Object.keys(p) as HealthProblem[];
  return {
    raised: keys(next).filter((k) => !prev[k]),
    cleared: keys(prev).filter((k) => !next[k]),
  };
}
