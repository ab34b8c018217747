/**
 * The event log: appends a visit's events and updates its projection in one
 * transaction, so an event is never stored without its projection, nor the reverse.
 * When the musts recorded so far settle the visit, the decision (with its ticket
 * number) is appended in that same transaction: nothing half-entered is a verdict.
 * Device events (no visit, no projection) share the same gap-free seq counter.
 */
import { monotonicFactory } from 'ulidx';
import type {
  CheckpointEvent,
  DeviceEvent,
  DeviceEventDraft,
  EventDraft,
  Outcome,
} from '../domain/events';
import { nextStep, outcome } from '../domain/flow';
import type { Policy } from '../domain/policy';
import { dayKey } from '../domain/time';
import { foldVisit, type Visit } from '../domain/visit';
import type { CheckpointDb } from './database';
import { toStorageError } from './storage-error';

export interface DeviceIdentity {
  site: string;
  device: string;
  /** Ticket letter of this door tablet, e.g. 'A'. */
  ticketPrefix: string;
}

const SEQ_KEY = 'seq';
const newId = monotonicFactory();

export class EventLog {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: CheckpointDb,
    private readonly identity: DeviceIdentity,
  ) {}

  /** Appends events to a visit (a new visit if it has none yet) and returns its new state. */
  async record(visitId: string, drafts: readonly EventDraft[], policy: Policy): Promise<Visit> {
    const { db } = this;
    try {
      return await db.transaction('rw', [db.events, db.visits, db.meta], async () => {
        const existing = await db.events.where('visit').equals(visitId).toArray();
        let seq = (await db.meta.get(SEQ_KEY))?.value ?? 0;
        const made = drafts.map((d) => this.stamp(d, visitId, ++seq));
        let visit = mustFold([...existing, ...made]);

        const verdict = nextStep(visit, policy) === 'decide' ? outcome(visit, policy) : null;
        if (verdict) {
          const at = Math.max(...made.map((e) => e.at), visit.updatedAt);
          const decided: Outcome =
            verdict.kind === 'admitted'
              ? { kind: 'admitted', ticket: await this.nextTicket(dayKey(visit.openedAt)) }
              : verdict.kind === 'refused'
                ? { kind: 'refused', reason: verdict.reason }
                : { kind: 'isolated' };
          const draft: EventDraft = {
            type: 'visit.decided',
            at,
            data: { outcome: decided, policyVersion: verdict.policyVersion },
          };
          made.push(this.stamp(draft, visitId, ++seq));
          visit = mustFold([...existing, ...made]);
        }

        await db.events.bulkAdd(made);
        await db.meta.put({ key: SEQ_KEY, value: seq });
        await db.visits.put(visit);
        return visit;
      });
    } catch (e) {
      throw toStorageError(e);
    } finally {
      for (const listener of this.listeners) listener();
    }
  }

  /** Called after every append attempt (for sync to push soon). Returns an unsubscribe. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends one event about the device itself (offline, storage low, kiosk left…). */
  async recordDevice(draft: DeviceEventDraft): Promise<DeviceEvent> {
    const { db } = this;
    try {
      // The seq read and the append are one transaction: two device events recorded
      // at once (e.g. offline and storage-low at start-up) never share a seq.
      return await db.transaction('rw', [db.events, db.meta], async () => {
        const seq = ((await db.meta.get(SEQ_KEY))?.value ?? 0) + 1;
        const { site, device } = this.identity;
        const event: DeviceEvent = { ...draft, id: newId(draft.at), site, device, seq, v: 1 };
        await db.events.add(event);
        await db.meta.put({ key: SEQ_KEY, value: seq });
        return event;
      });
    } catch (e) {
      throw toStorageError(e);
    } finally {
      for (const listener of this.listeners) listener();
    }
  }

  private stamp(draft: EventDraft, visit: string, seq: number): CheckpointEvent {
    const { site, device } = this.identity;
    return { ...draft, id: newId(draft.at), site, device, seq, visit, v: 1 } as CheckpointEvent;
  }

  private async nextTicket(day: string): Promise<string> {
    const key = `ticket:${day}:${this.identity.ticketPrefix}`;
    const n = ((await this.db.meta.get(key))?.value ?? 0) + 1;
    await this.db.meta.put({ key, value: n });
    return `${this.identity.ticketPrefix}${String(n).padStart(3, '0')}`;
  }
}

function mustFold(events: CheckpointEvent[]): Visit {
  const visit = foldVisit(events);
  if (!visit) throw new Error('a visit needs at least one event');
  return visit;
}

/** Rebuilds the visits projection from the events alone, in one transaction. */
export async function rebuildProjections(db: CheckpointDb): Promise<number> {
  return db.transaction('rw', [db.events, db.visits], async () => {
    const byVisit = new Map<string, CheckpointEvent[]>();
    await db.events.each((e) => {
      if (!e.visit) return;
      const list = byVisit.get(e.visit) ?? [];
      list.push(e);
      byVisit.set(e.visit, list);
    });
    await db.visits.clear();
    const visits = [...byVisit.values()].map(mustFold);
    await db.visits.bulkPut(visits);
    return visits.length;
  });
}
