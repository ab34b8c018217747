import { useMemo } from 'react';
import { type ClosureState, foldClosure } from '../domain/closure';
import { useToday } from './use-today';

/** Whether on-site service is suspended, from today's live state. */
export function useHall(): { closure: ClosureState } | undefined {
  const today = useToday();
  return useMemo(() => today && { closure: foldClosure(today.records) }, [today]);
}
