import { useEffect } from 'react';
import type { EventLog } from '../../db/event-log';
import type { HealthProblem } from '../../domain/device-health';
import { usePersistence } from '../persistence-store';
import { clearedEvent, problemChanges, raisedEvent } from './health-events';
import { useHealthStore } from './health-store';
import { checkClock, checkStorage, every, watchNetwork } from './watchers';

const STORAGE_CHECK_MS = 5 * 60_000;
const CLOCK_CHECK_MS = 15 * 60_000;

/** Watches the device's health and records each problem as a device event when it appears. */
export function useDeviceHealth(
  log: EventLog,
  now: () => number,
  observeClock: (offsetMs: number) => void,
) {
  const persistence = usePersistence();
  useEffect(() => {
    // Once per appearance: a re-boot after a settings change must not record it again.
    const record = (problem: HealthProblem) => {
      const { problems, recorded, setRecorded } = useHealthStore.getState();
      if (recorded[problem]) return;
      const body = raisedEvent(problem, problems);
      if (!body) return;
      setRecorded(problem, true);
      log.recordDevice({ ...body, at: now() }).catch(() => setRecorded(problem, false));
    };
    for (const problem of problemChanges({}, useHealthStore.getState().problems).raised) {
      record(problem);
    }
    return useHealthStore.subscribe((state, prev) => {
      const { raised, cleared } = problemChanges(prev.problems, state.problems);
      for (const problem of raised) record(problem);
      for (const problem of cleared) {
        state.setRecorded(problem, false);
        const body = clearedEvent(problem, prev.problems, now());
        if (body) log.recordDevice({ ...body, at: now() }).catch(() => {});
      }
    });
  }, [log, now]);

  useEffect(() => {
    const { raise, clear } = useHealthStore.getState();
    if (persistence === 'denied') raise('persistence-refused', {}, now());
    else if (persistence !== 'asking') clear('persistence-refused');
  }, [persistence, now]);

  useEffect(() => {
    const stops = [
      watchNetwork(now, () => void checkClock(now, observeClock)),
      every(STORAGE_CHECK_MS, () => void checkStorage(now)),
      every(CLOCK_CHECK_MS, () => void checkClock(now, observeClock)),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [now, observeClock]);
}
