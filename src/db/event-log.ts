/**
 * The event log: appends a visit's events and updates its projection in one
 * transaction, so an event is never stored without its projection, nor the reverse.
 * When the musts recorded so far settle the visit, the decision (with its ticket
 * number) is appended in that same transaction: nothing half-entered is a verdict, and
 * what the verdict sets in motion (disinfection tasks, an incident) is never forgotten.
 * Device events (no visit, no projection) share the same gap-free seq counter.
 *
 * `command` does the same for the guide's actions, which may touch several visits or
 * none (tasks, incidents): the rule reads the committed day and decides what to append
 * inside the transaction, so a double tap or a second tab is answered, not recorded twice.
 */
import Dexie from 'dexie';
import { monotonicFactory } from 'ulidx';
import { chainEvents, GENESIS } from '../domain/chain';
import { eventContentRefusal } from '../domain/event-content';
import {
  type CheckpointEvent,
  type DeviceEvent,
  type DeviceEventDraft,
  type EventDraft,
  isRecordEvent,
  type Outcome,
} from '../domain/events';
import { nextStep, outcome } from '../domain/flow';
import { followUps } from '../domain/follow-ups';
import { commandApplies, type Issued } from '../domain/issued';
import type { Policy } from '../domain/policy';
import { foldVisit, groupByVisit, type Visit } from '../domain/visit';
import type { CheckpointDb, MetaRow } from './database';
import { type DayState, dayState } from './queries';
import { StorageError, toStorageError } from './storage-error';

/** What a command's rule decided: the events to append (maybe none) and its answer. */
export interface Planned<R> {
  drafts: EventDraft[];
  result: R;
}

/** The answer, with the day as it was before and as committed after. */
export interface Committed<R> {
  result: R;
  before: DayState;
  after: DayState;
}

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

  /**
   * `clockOffset`: the device clock minus the server's as known now (services/clock), or
   * null before any server was seen; each event records it (src/domain/clock.ts).
   */
  constructor(
    private readonly db: CheckpointDb,
    private readonly identity: DeviceIdentity,
    private readonly clockOffset: () => number | null = () => null,
  ) {}

  /**
   * Appends events to a visit (a new visit if it has none yet) and returns its new state.
   * With `issued`, only if the committed visit is still in the state the command was
   * issued from (src/domain/issued.ts); otherwise nothing is written and the visit is
   * returned as it is.
   */
  async record(
    visitId: string,
    drafts: readonly EventDraft[],
    policy: Policy,
    issued?: Issued,
  ): Promise<Visit> {
    const { db } = this;
    try {
      return await db.transaction('rw', [db.events, db.visits, db.meta], async () => {
        const existing = await db.events.where('visit').equals(visitId).toArray();
        const before = foldVisit(existing);
        const counter = await db.meta.get(SEQ_KEY);
        let seq = counter?.value ?? 0;
        const made = drafts.map((d) => this.stamp({ ...d, visit: visitId }, ++seq));
        let visit = mustFold([...existing, ...made]);
        if (issued && !commandApplies(issued, before, visit, policy)) {
          if (before) return before;
          throw new StorageError('invalid', new Error('a command for a visit that does not exist'));
        }

        const verdict = nextStep(visit, policy) === 'decide' ? outcome(visit, policy) : null;
        if (verdict) {
          const at = Math.max(...made.map((e) => e.at), visit.updatedAt);
          const decided: Outcome =
            verdict.kind === 'admitted'
              ? { kind: 'admitted', ticket: await this.nextTicket(visit.day) }
              : verdict.kind === 'refused'
                ? { kind: 'refused', reason: verdict.reason }
                : { kind: 'isolated' };
          const draft: EventDraft = {
            type: 'visit.decided',
            at,
            data: { outcome: decided, policyVersion: verdict.policyVersion },
          };
          made.push(this.stamp({ ...draft, visit: visitId }, ++seq));
          visit = mustFold([...existing, ...made]);
        }
        for (const draft of followUps(before, visit, () => newId(visit.updatedAt), policy)) {
          made.push(this.stamp(draft, ++seq));
        }

        await appendChained(db, made, counter);
        await db.visits.put(visit);
        return visit;
      });
    } catch (e) {
      throw toStorageError(e);
    } finally {
      for (const listener of this.listeners) listener();
    }
  }

  /**
   * Runs `plan` on the committed state of `day` and appends the events it returns, with
   * the same gap-free seq, refolding the visits they touch, in one strict transaction.
   * Events without a `visit` (tasks, incidents) are stored as they are.
   */
  async command<R>(day: string, plan: (state: DayState) => Planned<R>): Promise<Committed<R>> {
    const { db } = this;
    let appending = false;
    try {
      return await db.transaction('rw', [db.events, db.visits, db.meta], async () => {
        const before = await dayState(db, day);
        const { drafts, result } = plan(before);
        if (drafts.length === 0) return { result, before, after: before };
        appending = true;
        const counter = await db.meta.get(SEQ_KEY);
        let seq = counter?.value ?? 0;
        const made = await appendChained(
          db,
          drafts.map((d) => this.stamp(d, ++seq)),
          counter,
        );
        const touched = [...new Set(made.flatMap((e) => (e.visit ? [e.visit] : [])))];
        const visits = new Map(before.visits.map((v) => [v.id, v]));
        for (const id of touched) {
          const visit = mustFold(await db.events.where('visit').equals(id).toArray());
          await db.visits.put(visit);
          if (visit.day === day) visits.set(id, visit);
        }
        // The day after, from what was read and written here: reading it again would
        // double the time a guide's tap takes on a busy day (bench/guide-bench.ts).
        const after: DayState = {
          day,
          visits: [...visits.values()],
          records: [...before.records, ...made.filter(isRecordEvent)],
        };
        return { result, before, after };
      });
    } catch (e) {
      throw toStorageError(e);
    } finally {
      // A rule that appended nothing is no append attempt: sync need not hurry.
      if (appending) for (const listener of this.listeners) listener();
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
        const counter = await db.meta.get(SEQ_KEY);
        const seq = (counter?.value ?? 0) + 1;
        const { site, device } = this.identity;
        const event: DeviceEvent = {
          ...draft,
          id: newId(draft.at),
          site,
          device,
          seq,
          v: 1,
          ...this.offsetField(),
        };
        const [chained] = await appendChained(db, [event], counter);
        return chained as DeviceEvent;
      });
    } catch (e) {
      throw toStorageError(e);
    } finally {
      for (const listener of this.listeners) listener();
    }
  }

  /** Adds the meta fields; an event of no visit has no `visit` key at all. */
  private stamp(draft: EventDraft, seq: number): CheckpointEvent {
    const { site, device } = this.identity;
    const { visit, ...rest } = draft;
    const meta = { id: newId(draft.at), site, device, seq, v: 1 as const, ...this.offsetField() };
    const event = (visit ? { ...rest, ...meta, visit } : { ...rest, ...meta }) as CheckpointEvent;
    // The server refuses what fails these rules: never record what could not be synced.
    const refusal = eventContentRefusal(event, event.at);
    if (refusal)
      throw new StorageError('invalid', new Error(`${refusal.field}: ${refusal.problem}`));
    return event;
  }

  /** The offset known now, or no field at all when no server was ever seen. */
  private offsetField(): { clockOffset?: number } {
    const offset = this.clockOffset();
    return offset === null ? {} : { clockOffset: offset };
  }

  private async nextTicket(day: string): Promise<string> {
    const key = ticketCounterKey(day, this.identity.ticketPrefix);
    const n = ((await this.db.meta.get(key))?.value ?? 0) + 1;
    await this.db.meta.put({ key, value: n });
    return `${this.identity.ticketPrefix}${String(n).padStart(3, '0')}`;
  }
}

/**
 * Chains the step's new events after the device's head (kept beside the seq counter, so
 * both move in this same transaction) and appends them. A counter without a head was
 * written by a version before the chain: the chain starts here, at GENESIS.
 *
 * Hashing is WebCrypto, which is not IndexedDB: awaiting it plainly would let the
 * transaction commit in between. Dexie.waitFor keeps it alive (by small reads) for the
 * moment the digests take, so the step stays one transaction.
 */
async function appendChained<E extends CheckpointEvent>(
  db: CheckpointDb,
  made: readonly E[],
  counter: MetaRow | undefined,
): Promise<E[]> {
  const { events, head } = await Dexie.waitFor(chainEvents(made, counter?.hash ?? GENESIS));
  const last = events.at(-1);
  if (!last) return events;
  await db.events.bulkAdd(events);
  await db.meta.put({ key: SEQ_KEY, value: last.seq, hash: head });
  return events;
}

/** The meta key of a day's ticket counter for one letter (sync raises it: sync-store.ts). */
export function ticketCounterKey(day: string, prefix: string): string {
  return `ticket:${day}:${prefix}`;
}

function mustFold(events: CheckpointEvent[]): Visit {
  const visit = foldVisit(events);
  if (!visit) throw new Error('a visit needs at least one event');
  return visit;
}

/** Rebuilds the visits projection from the events alone, in one transaction. */
export async function rebuildProjections(db: CheckpointDb): Promise<number> {
  return db.transaction('rw', [db.events, db.visits], async () => {
    const byVisit = groupByVisit(await db.events.toArray());
    await db.visits.clear();
    const visits = [...byVisit.values()].map(mustFold);
    await db.visits.bulkPut(visits);
    return visits.length;
  });
}
