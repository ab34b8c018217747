import { useLiveQuery } from 'dexie-react-hooks';
import { recordsOfDay } from '../../db/queries';
import type { RecordEvent } from '../../domain/events';
import { useServices } from '../../services/services';

/** The tasks and incidents recorded on `day`, live (undefined while loading). */
export function useDayRecords(day: string | null): RecordEvent[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => (day ? recordsOfDay(db, day) : []), [db, day]);
}
