import type { Visit, VisitStatus } from '../../domain/visit';

export type LogCounts = Record<VisitStatus | 'all', number>;

/** Counts per outcome for the top of today's log. */
export function countByStatus(visits: readonly Visit[]): LogCounts {
  const counts: LogCounts = { all: 0, open: 0, admitted: 0, refused: 0, isolated: 0, abandoned: 0 };
  for (const v of visits) {
    counts.all++;
    counts[v.status]++;
  }
  return counts;
}
