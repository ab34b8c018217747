/** The figures of a day, for the lead's live summary and the printed daily report. */
import type { RecordEvent } from './events';
import type { NoPhoneMethod, Policy } from './policy';
import { type OccupancyPeak, waitingAreaPeak } from './queue';
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
  /** The day of the visits summarised (null when there were none). */
  day: string | null;
  visits: number;
  byStatus: Record<VisitStatus, number>;
  masksGiven: number;
  abnormalTemperatures: number;
  isolations: number;
  /** 120 called for a suspected case (isolation checklist). */
  ambulanceCalls: number;
  /** 110 called for a visitor refusing the measures (incidents). */
  policeCalls: number;
  /** Visitors checked without a smartphone, by the alternative (issue 33). */
  noPhone: Record<NoPhoneMethod, number>;
  /** Visitors who showed a health code another identity showed earlier the same day. */
  sharedCodes: number;
  /** The waiting area at its fullest, against its places. */
  peak: OccupancyPeak & { places: number };
  hours: HourBucket[];
}

/** Incidents for which 110 was called: one each, however many tablets recorded the step. */
export function policeCalls(records: readonly RecordEvent[]): number {
  const incidents = records.flatMap((e) =>
    e.type === 'incident.step' && e.data.step === 'police-called' ? [e.data.incident] : [],
  );
  return new Set(incidents).size;
}

/** `records`: the day's tasks and incidents (only those of the day: they are all counted). */
export function summariseDay(
  visits: readonly Visit[],
  policy: Policy,
  records: readonly RecordEvent[] = [],
): DaySummary {
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
  let ambulanceCalls = 0;
  let sharedCodes = 0;
  const noPhone: Record<NoPhoneMethod, number> = {
    paper: 0,
    'staff-lookup': 0,
    'id-registration': 0,
  };
  for (const v of visits) {
    if (v.codeMethod && v.codeMethod !== 'phone') noPhone[v.codeMethod]++;
    if (v.sharedCode) sharedCodes++;
    byStatus[v.status]++;
    if (v.mask === 'given') masksGiven++;
    if (v.isolation.ambulanceCalledAt !== null) ambulanceCalls++;
    if (v.readings.some((r) => temperatureBand(r.celsius, policy) !== 'normal'))
      abnormalTemperatures++;
    const bucket = hours[new Date(v.openedAt).getHours()];
    if (!bucket) continue;
    bucket.arrivals++;
    if (v.status === 'admitted' || v.status === 'refused' || v.status === 'isolated')
      bucket[v.status]++;
  }
  return {
    day: visits[0]?.day ?? null,
    visits: visits.length,
    byStatus,
    masksGiven,
    abnormalTemperatures,
    isolations: byStatus.isolated,
    ambulanceCalls,
    policeCalls: policeCalls(records),
    noPhone,
    sharedCodes,
    peak: { ...waitingAreaPeak(visits, policy), places: policy.queue.waitingPlaces },
    hours,
  };
}
