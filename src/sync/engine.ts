/**
 * The sync engine: push what the server lacks, pull what others wrote, fetch the policy
 * and the days of bookings that changed. Plain TypeScript, no React; the UI only reads its status.
 *
 * Ordering that matters: events are marked synced only up to the seq the server says it
 * holds, and the pull cursor moves in the same IndexedDB transaction as the pulled events.
 * No IndexedDB transaction is ever held open across a fetch.
 *
 * A server restored from an older copy (issue 22) lacks events this tablet was told it
 * holds: every push and pull reply says the server's epoch and the seq it holds for this
 * device, and when the epoch changed or that seq is behind ours the tablet lowers its
 * `heldSeq` to it (sending from there again, on the chain the server holds) and pulls
 * from the start (the restored server hands out cursors this tablet has passed).
 */
import { offsetFromExchange } from '../domain/clock';
import type { CheckpointEvent } from '../domain/events';
import type { Policy } from '../domain/policy';
import {
  type BookingDayReply,
  bookingWindow,
  MAX_PULL_EVENTS,
  MAX_PUSH_EVENTS,
  type RefusedEvent,
  type ServerIdentity,
} from '../protocol/api';
import { retryDelay } from './backoff';
import { SyncError, type SyncErrorCode, type Transport } from './transport';

export interface LocalSyncStore {
  pendingEvents(limit: number): Promise<CheckpointEvent[]>;
  pendingCount(): Promise<number>;
  markHeld(heldSeq: number): Promise<void>;
  pullCursor(): Promise<number>;
  /** `complete`: the server has nothing after these (the tablet has the whole day). */
  applyPulled(
    events: readonly CheckpointEvent[],
    cursor: number,
    complete: boolean,
  ): Promise<number>;
  /** Stores the policy if new; true if it was. */
  applyPolicy(policy: Policy | null): Promise<boolean>;
  /** The version of each day's bookings held from the server. */
  bookingDayVersions(): Promise<Map<string, number>>;
  applyBookingDay(reply: BookingDayReply, oldestServed: string): Promise<void>;
  /**
   * Compares the server's epoch and the seq it holds for this device with what the
   * tablet believes; when the server went back, lowers `heldSeq` to the server's, resets
   * the pull cursor and says so (null when all agrees).
   */
  reconcileServer(
    server: ServerIdentity | undefined,
    serverHeldSeq: number | undefined,
  ): Promise<ServerWentBack | null>;
}

/** What the tablet found when the server had gone back in time (a restore). */
export interface ServerWentBack {
  /** What the tablet believed held, and what the server holds: it sends again after `to`. */
  from: number;
  to: number;
  /**
   * Events in that range that retention purged on the tablet: they can only be sent
   * without their personal fields (the server stores them so, and counts them).
   */
  purged: number;
  epochChanged: boolean;
}

export interface SyncStatus {
  running: boolean;
  online: boolean;
  pending: number;
  lastSuccessAt: number | null;
  lastError: SyncErrorCode | 'conflict' | null;
  /**
   * Device clock minus server clock at the last exchange, ms (positive: the tablet is
   * ahead), by the round trip's midpoint (src/domain/clock.ts).
   */
  clockOffsetMs: number | null;
  /**
   * Events of this tablet the server refused at the last push, with its reasons: they are
   * kept (never marked synced) and shown until a push goes through without refusals.
   */
  refused: RefusedEvent[];
  /** The last time the server was found gone back (a restore), and what was sent again. */
  serverWentBack: (ServerWentBack & { at: number }) | null;
}

export interface SyncEngineOptions {
  transport: Transport;
  local: LocalSyncStore;
  now?: () => number;
  random?: () => number;
  pushBatch?: number;
  /** Pause between syncs when all is well, so other tablets' records show up. */
  intervalMs?: number;
  onStatus?: (status: SyncStatus) => void;
  onPolicyChanged?: () => void;
  /** Each offset measured (every push, pull and config reply carries the server's time). */
  onClockOffset?: (offsetMs: number) => void;
  /** Runs a round under a cross-tab lock; resolves false when another tab holds it. */
  withLock?: (round: () => Promise<boolean>) => Promise<boolean>;
}

export class SyncEngine {
  private status: SyncStatus = {
    running: false,
    online: true,
    pending: 0,
    lastSuccessAt: null,
    lastError: null,
    clockOffsetMs: null,
    refused: [],
    serverWentBack: null,
  };
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A trigger's timer ('soon') is never put off by another trigger or by the interval. */
  private timerKind: 'soon' | 'later' | null = null;
  private inFlight: Promise<boolean> | null = null;
  private again = false;
  private stopped = true;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** One full round: push all, pull all, config. True when it all went through. */
  syncOnce(): Promise<boolean> {
    if (this.inFlight) {
      this.again = true; // new local writes arrived mid-round: go once more after it
      return this.inFlight;
    }
    const locked = this.options.withLock ?? ((round) => round());
    let ran = false;
    this.inFlight = locked(() => {
      ran = true;
      return this.round();
    }).finally(() => {
      this.inFlight = null;
      // Another tab, or the engine of the boot before this one (a new policy boots the app
      // again mid-round), held the lock: try again shortly, or this tablet would sit idle
      // until its next write.
      if (!ran) this.schedule(1_000);
    });
    return this.inFlight;
  }

  private async round(): Promise<boolean> {
    this.update({ running: true });
    try {
      do {
        this.again = false;
        await this.pushAll();
        await this.pullAll();
        await this.fetchConfig();
      } while (this.again);
      this.failures = 0;
      this.update({ running: false, online: true, lastSuccessAt: this.now(), lastError: null });
      // A write made late in this round already has its trigger's timer: keep it.
      if (this.timerKind !== 'soon') this.schedule(this.options.intervalMs ?? 10_000);
      return true;
    } catch (e) {
      const code = e instanceof SyncError ? e.code : 'bad-reply';
      this.failures++;
      this.update({ running: false, online: code !== 'offline', lastError: code });
      // A revoked or unknown device must not hammer the server: wait for the lead.
      if (code !== 'unauthorised' && code !== 'forbidden')
        this.schedule(retryDelay(this.failures, this.random()));
      return false;
    } finally {
      this.update({ pending: await this.options.local.pendingCount() });
    }
  }

  private async pushAll(): Promise<void> {
    const { local, transport } = this.options;
    for (;;) {
      const batch = await local.pendingEvents(this.options.pushBatch ?? MAX_PUSH_EVENTS);
      if (batch.length === 0) return;
      // A read of its own, done before the fetch: no transaction spans the request.
      const waiting = Math.max(0, (await local.pendingCount()) - batch.length);
      const sentAt = this.now();
      const reply = await transport.push(batch, waiting);
      this.measureSkew(sentAt, reply.serverTime);
      // Before anything is marked or refused: a restored server refuses this batch as a
      // chain gap, and the answer is to send from what it holds, not to stop.
      if (await this.wentBack(reply.server, reply.heldSeq)) continue;
      const refused = reply.refused ?? [];
      // Never mark a refused event synced, whatever heldSeq says (an older server's could
      // cover one): it stays on the tablet, pending, and is listed in the status.
      const firstRefused = Math.min(...refused.map((r) => r.seq));
      await local.markHeld(Math.min(reply.heldSeq, firstRefused - 1));
      this.update({ refused });
      const last = batch[batch.length - 1];
      if (refused.length > 0 || (last && reply.heldSeq < last.seq)) {
        // The server refused part of the batch: retrying the same batch would loop.
        throw new SyncError(
          'rejected',
          `server holds up to seq ${reply.heldSeq}; refused ${refused.length}`,
        );
      }
    }
  }

  private async pullAll(): Promise<void> {
    const { local, transport } = this.options;
    for (;;) {
      const cursor = await local.pullCursor();
      const waiting = await local.pendingCount();
      const sentAt = this.now();
      const reply = await transport.pull(cursor, MAX_PULL_EVENTS, waiting);
      this.measureSkew(sentAt, reply.serverTime);
      if (await this.wentBack(reply.server, reply.heldSeq)) {
        this.again = true; // push what the server lost, in this round
        continue; // this page was asked after a cursor the server no longer has
      }
      await local.applyPulled(reply.events, reply.cursor, !reply.more);
      if (!reply.more) return;
    }
  }

  /**
   * The policy, then each day of bookings whose version differs from the one held (a
   * day entering the window, a new import): an unchanged day costs nothing.
   */
  private async fetchConfig(): Promise<void> {
    const { local, transport } = this.options;
    const sentAt = this.now();
    const reply = await transport.config();
    this.measureSkew(sentAt, reply.serverTime);
    if (await local.applyPolicy(reply.policy)) this.options.onPolicyChanged?.();
    const held = await local.bookingDayVersions();
    // Versions of days before the window are forgotten; never those of a listed day (a
    // server in another time zone may start its window a day earlier).
    const oldestServed =
      [
        bookingWindow(reply.serverTime)[0] ?? '',
        ...reply.bookingDays.map((d) => d.day),
      ].sort()[0] ?? '';
    for (const { day, version } of reply.bookingDays) {
      if (held.get(day) === version) continue;
      const fresh = await transport.bookingDay(day, held.get(day));
      if (fresh) await local.applyBookingDay(fresh, oldestServed);
    }
  }

  private async wentBack(server: ServerIdentity | undefined, heldSeq: number | undefined) {
    const back = await this.options.local.reconcileServer(server, heldSeq);
    if (back) this.update({ serverWentBack: { ...back, at: this.now() }, refused: [] });
    return back !== null;
  }

  private measureSkew(sentAt: number, serverTime: number): void {
    const offset = offsetFromExchange({ sentAt, receivedAt: this.now(), serverTime });
    this.update({ clockOffsetMs: offset });
    this.options.onClockOffset?.(offset);
  }

  /**
   * Starts the loop: now, then on its own timer; call `soon()` after local writes, and a
   * round comes within its delay: a verdict reaches the server within about a second.
   */
  start(): void {
    this.stopped = false;
    void this.syncOnce();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerKind = null;
  }

  /**
   * A trigger (a local write, back online, tab visible): sync shortly, coalescing bursts.
   * The first trigger of a burst sets the time: later ones join it rather than put it off,
   * so a busy door writing every few hundred ms still pushes (issue 23: what a wiped
   * tablet loses is what it had not pushed). While failing, only a forced trigger (back
   * online) cuts the backoff short.
   */
  soon(options: { force?: boolean; delayMs?: number } = {}): void {
    if (this.stopped || (this.failures > 0 && !options.force)) return;
    if (this.timerKind === 'soon' && !options.force) return;
    this.schedule(options.delayMs ?? 500, 'soon');
  }

  private schedule(delayMs: number, kind: 'soon' | 'later' = 'later'): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerKind = kind;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerKind = null;
      void this.syncOnce();
    }, delayMs);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.status);
  }
}
