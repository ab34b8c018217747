import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type DayState, dayState } from '../db/queries';
import { type QueueState, queueState } from '../domain/queue';
import { dayKey } from '../domain/time';
import { useServices } from './services';

/** Today's visits, tasks and incidents, live: every screen sees a write as it commits. */
export function useToday(): DayState | undefined {
  const { db, now } = useServices();
  const day = dayKey(now());
  return useLiveQuery(() => dayState(db, day), [db, day]);
}

/** Today's queue, by the policy in force, live. */
export function useQueue(): QueueState | undefined {
  const { policy } = useServices();
  const today = useToday();
  return useMemo(() => today && queueState(today.visits, policy), [today, policy]);
}
