import { useMemo } from 'react';
import { type QueueState, queueState } from '../domain/queue';
import { useServices } from './services';
import { useToday } from './use-today';

/** Today's queue, by the policy in force, live. */
export function useQueue(): QueueState | undefined {
  const { policy } = useServices();
  const today = useToday();
  return useMemo(() => today && queueState(today.visits, policy), [today, policy]);
}
