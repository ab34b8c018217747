import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { supplyEvents } from '../db/queries';
import { foldStock, type Stock, type SupplyEvent } from '../domain/supplies';
import { useServices } from './services';

/** Every supply event, live (deliveries, issues, counts from every tablet). */
export function useSupplyEvents(): SupplyEvent[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => supplyEvents(db), [db]);
}

/** The stock now, by the policy's items and low lines; undefined while the first read runs. */
export function useStock(): Stock[] | undefined {
  const { policy } = useServices();
  const events = useSupplyEvents();
  return useMemo(() => events && foldStock(events, policy), [events, policy]);
}
