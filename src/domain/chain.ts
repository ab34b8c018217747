/**
 * The tamper-evident ledger (issue 23): each device's events form a hash chain. An
 * event's `chain.hash` is the SHA-256 of its canonical JSON without what may lawfully
 * change after it was written: its personal fields, their salt and `purgedAt` (retention
 * removes the first two in place and sets the third, on the tablet and on the server).
 * In their place the hash covers `chain.pc`, a salted commitment to the personal fields:
 * while they exist, `pc` proves they are the ones written; once purged, the chain still
 * verifies. Everything else (every envelope field, present or added later, and the rest
 * of `data`) is hashed. The next event of the device carries that hash as `chain.prev`;
 * the first chained event carries GENESIS (seq 1, or the first event written by a
 * version with the chain: events of earlier versions stay unchained, and are counted).
 *
 * The same functions chain on the tablet (src/db/event-log.ts), check a push on the
 * server (server/src/routes/sync.ts) and verify a hall (`npm run admin -- verify`).
 * Hashing is WebCrypto, so async.
 */
import { canonicalJson } from './canonical-json';
import { payloadSha256 as sha256Hex } from './codes/digest';
import type { ChainLink, CheckpointEvent } from './events';
import { PERSONAL_FIELDS, withoutPersonalData } from './retention';

/** What the first chained event of a device links to. */
export const GENESIS = '0'.repeat(64);

type Fields = readonly string[];
function personalFields(e: CheckpointEvent): Fields | undefined {
  return (PERSONAL_FIELDS as Partial<Record<string, Fields>>)[e.type];
}

function pick(data: object, fields: Fields): Record<string, unknown> {
  const all = data as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, all[f] ?? null]));
}

/**
 * SHA-256 of a text's UTF-8 bytes, lower-case hex. WebCrypto's (async) by default, as in
 * the browser; the server passes node:crypto's, which is synchronous and several times
 * cheaper per event (docs/county-scale.md).
 */
export type Sha256Hex = (text: string) => Promise<string> | string;

/** sha256(salt ‖ canonical JSON of the event's personal fields). The salt is fixed-length hex. */
export async function personalCommitment(
  e: CheckpointEvent,
  salt: string,
  sha256: Sha256Hex = sha256Hex,
): Promise<string> {
  return sha256(salt + canonicalJson(pick(e.data, personalFields(e) ?? [])));
}

/** What `chain.hash` is the hash of: the event without what retention may change. */
export function hashedForm(e: CheckpointEvent): unknown {
  const { purgedAt: _purgedAt, chain, data, ...envelope } = e;
  const fields = personalFields(e) ?? [];
  const kept = Object.fromEntries(Object.entries(data).filter(([k]) => !fields.includes(k)));
  const link = chain ? { prev: chain.prev, ...(chain.pc ? { pc: chain.pc } : {}) } : undefined;
  return { ...envelope, data: kept, ...(link ? { chain: link } : {}) };
}

/** The event's hash, as its own `chain.hash` and its successor's `chain.prev` hold it. */
export async function eventHash(
  e: CheckpointEvent,
  sha256: Sha256Hex = sha256Hex,
): Promise<string> {
  return sha256(canonicalJson(hashedForm(e)));
}

/** 16 random bytes in hex: one event's salt. */
export function newSalt(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Chains a device's new events (in seq order) after `prev`, the hash of its event
 * before them (GENESIS for none, or one written before the chain). Returns them with
 * `chain` set and the new head.
 */
export async function chainEvents<E extends CheckpointEvent>(
  events: readonly E[],
  prev: string,
  salt: () => string = newSalt,
  sha256: Sha256Hex = sha256Hex,
): Promise<{ events: E[]; head: string }> {
  const out: E[] = [];
  let head = prev;
  for (const e of events) {
    let link: Omit<ChainLink, 'hash'> = { prev: head };
    if (personalFields(e)) {
      const s = salt();
      link = { prev: head, pc: await personalCommitment(e, s, sha256), salt: s };
    }
    const unhashed = { ...e, chain: { ...link, hash: '' } };
    const hash = await eventHash(unhashed, sha256);
    out.push({ ...unhashed, chain: { ...link, hash } });
    head = hash;
  }
  return { events: out, head };
}

export type ChainBreakReason =
  /** An event of the device is missing before this one. */
  | 'gap'
  /** This event links to something other than the device's event before it (or shares its seq). */
  | 'fork'
  /** This event is not what was hashed when it was written (or its chain fields went missing). */
  | 'edited'
  /** Its personal fields are not the ones its `pc` committed to. */
  | 'personal';

export interface ChainBreak {
  device: string;
  seq: number;
  id: string;
  reason: ChainBreakReason;
  /** Words for the administrator. */
  detail: string;
}

/**
 * What comes before the events verified: the device's event at `seq` with its hash, or
 * `hash: null` when it has none (seq 0: nothing; or an event written before the chain).
 */
export interface ChainAnchor {
  seq: number;
  hash: string | null;
}
export const START: ChainAnchor = { seq: 0, hash: null };

export interface ChainSummary {
  device: string;
  /** Events checked, of which `unchained` were written before the chain (not verifiable). */
  events: number;
  unchained: number;
  lastSeq: number;
  /** The hash of the last chained event (GENESIS when none is chained). */
  head: string;
}

export type ChainResult =
  | { ok: true; summary: ChainSummary }
  | {
      ok: false;
      /** The first break: a push is refused from there on. */
      break: ChainBreak;
      /** Every break, in seq order: `verify` reports them all, so none hides behind another. */
      breaks: ChainBreak[];
      summary: ChainSummary;
    };

/** Whether the personal fields are in the form retention leaves them (nothing to prove). */
function looksPurged(e: CheckpointEvent): boolean {
  const fields = personalFields(e) ?? [];
  return (
    canonicalJson(pick(e.data, fields)) ===
    canonicalJson(pick(withoutPersonalData(e, 0).data, fields))
  );
}

async function linkProblem(
  e: CheckpointEvent,
  before: ChainAnchor,
  chainStarted: boolean,
  sha256: Sha256Hex,
): Promise<[ChainBreakReason, string] | null> {
  if (e.seq === before.seq) return ['fork', `a second event at seq ${e.seq}`];
  // Events before the chain prove nothing, not even how many there were: only a chained
  // event, or any event once the chain has started, must follow the one before it.
  if (e.seq !== before.seq + 1 && (chainStarted || e.chain !== undefined))
    return [
      'gap',
      `seq ${before.seq + 1}${e.seq - 1 > before.seq + 1 ? `–${e.seq - 1}` : ''} missing`,
    ];
  const { chain } = e;
  if (!chain) return chainStarted ? ['edited', 'its chain fields are missing'] : null;
  const hash = await eventHash(e, sha256);
  if (hash !== chain.hash)
    return ['edited', `hashes to ${hash.slice(0, 16)}…, written as ${chain.hash.slice(0, 16)}…`];
  const expected = before.hash ?? GENESIS;
  if (chain.prev !== expected)
    return [
      'fork',
      `links to ${chain.prev.slice(0, 16)}…, the event before hashes to ${expected.slice(0, 16)}…`,
    ];
  if (personalFields(e)) {
    if (!chain.pc) return ['personal', 'no commitment to its personal fields'];
    if (chain.salt) {
      if ((await personalCommitment(e, chain.salt, sha256)) !== chain.pc)
        return ['personal', 'its personal fields are not the ones written'];
    } else if (!looksPurged(e)) return ['personal', 'personal fields without their salt'];
  }
  return null;
}

/**
 * Verifies one device's events (any order; sorted by seq here) after `anchor`: every seq
 * present once, each chained event hashing to its `chain.hash`, linking to the one before,
 * and its personal fields matching `pc` while they exist. Events without `chain` are
 * accepted only before the first chained one (after `anchor` when it is chained), and
 * only from there on is every seq accounted for. The one
 * rule for both what a push may add (server/src/routes/chain-refusals.ts) and what
 * `verify` calls broken. After a break it goes on from the broken event, so every break
 * is found, not only the first.
 */
export async function verifyChain(
  events: readonly CheckpointEvent[],
  anchor: ChainAnchor = START,
  sha256: Sha256Hex = sha256Hex,
): Promise<ChainResult> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const device = sorted[0]?.device ?? '';
  let before = anchor;
  let started = anchor.hash !== null;
  let unchained = 0;
  let head = anchor.hash ?? GENESIS;
  const breaks: ChainBreak[] = [];
  for (const e of sorted) {
    const problem = await linkProblem(e, before, started, sha256);
    if (problem) {
      const [reason, detail] = problem;
      breaks.push({ device, seq: e.seq, id: e.id, reason, detail });
    }
    if (e.chain) {
      started = true;
      head = e.chain.hash;
    } else unchained++;
    before = { seq: e.seq, hash: e.chain?.hash ?? null };
  }
  const summary: ChainSummary = {
    device,
    events: sorted.length,
    unchained,
    lastSeq: before.seq,
    head,
  };
  const [first] = breaks;
  return first ? { ok: false, break: first, breaks, summary } : { ok: true, summary };
}
