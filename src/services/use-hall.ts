import { useMemo } from 'react';
import { type ClosureState, foldClosure } from '../domain/closure';
import { foldStaff, type StaffMember } from '../domain/staff-health';
import { useToday } from './use-today';

/** The staff list and whether on-site service is suspended, from today's live state. */
export function useHall(): { staff: StaffMember[]; closure: ClosureState } | undefined {
  const today = useToday();
  return useMemo(
    () => today && { staff: foldStaff(today.records), closure: foldClosure(today.records) },
    [today],
  );
}
