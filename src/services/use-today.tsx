import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type DayState, dayState } from '../db/queries';
import { dayKey } from '../domain/time';
import { useNow } from '../ui/use-now';
import { useFirstScreen } from './first-screen';
import { useServices } from './services';

const TodayContext = createContext<{ today: DayState | undefined } | null>(null);

/**
 * Today's visits, tasks and incidents, read by one live query for every part of the
 * screen (the door's occupancy and verdict, the lead's alert, the guide, the board): on a
 * busy day each read costs tens of ms, and a read in progress delays the next write.
 */
export function TodayProvider({ children }: { children: ReactNode }) {
  const { db, clock } = useServices();
  // A new day at midnight without a reload; by the checked clock, so a tablet set a day
  // ahead (or an hour back) still works on the day it is (issue 23).
  const day = dayKey(useNow(clock.checkedNow, 60_000));
  // The day's fold (tens of ms on a slow tablet) waits for the door's bookings to be listed.
  const started = useFirstScreen((s) => s.shown);
  const today = useLiveQuery(() => (started ? dayState(db, day) : undefined), [db, day, started]);
  const value = useMemo(() => ({ today }), [today]);
  return <TodayContext.Provider value={value}>{children}</TodayContext.Provider>;
}

/** Today, live; undefined while the first read runs. */
export function useToday(): DayState | undefined {
  const context = useContext(TodayContext);
  if (!context) throw new Error('useToday outside TodayProvider');
  return context.today;
}
