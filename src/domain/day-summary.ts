/** The figures of a day, for the lead's live summary and the printed daily report. */
import type { Policy } from './policy';
import { temperatureBand } from './temperature';
import type { Visit, VisitStatus } from './visit';

export interface HourBucket {
  hour: number;
  arrivals: number;
  admitted: number;
  refused: number;
  isolated: number;
}

export interface DaySummary {
  visits: number;
  byStatus: Record<VisitStatus, number>;
  masksGiven: number;
  abnormalTemperatures: number;
  isolations: number;
  hours: HourBucket[];
}

export function summariseDay(visits: readonly Visit[], policy: Policy): DaySummary {
  const byStatus: Record<VisitStatus, number> = {
    open: 0,
    admitted: 0,
    refused: 0,
    isolated: 0,
    abandoned: 0,
  };
  const hours = Array.from(
    { length: 24 },
    (_, hour): HourBucket => ({ hour, arrivals: 0, admitted: 0, refused: 0, isolated: 0 }),
  );
  let masksGiven = 0;
  let abnormalTemperatures = 0;
  for (const v of visits) {
    byStatus[v.status]++;
    if (v.mask === 'given') masksGiven++;
    if (v.readings.some((r) => temperatureBand(r.celsius, policy) !== 'normal'))
      abnormalTemperatures++;
    const bucket = hours[new Date(v.openedAt).getHours()];
    if (!bucket) continue;
    bucket.arrivals++;
    if (v.status === 'admitted' || v.status === 'refused' || v.status === 'isolated')
      bucket[v.status]++;
  }
  return {
    visits: visits.length,
    byStatus,
    masksGiven,
    abnormalTemperatures,
    isolations: byStatus.isolated,
    hours,
  };
}
