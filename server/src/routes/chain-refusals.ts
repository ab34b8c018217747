/**
 * A push continues the device's hash chain (src/domain/chain.ts) from what the server
 * holds, or it is refused: a fork (the tablet's chain is not the one held: restored from
 * a copy, or a second installation using the same device id), a gap (an event before it
 * is missing), an event changed since it was written. The tablet pushes from the first
 * seq the server lacks, in order, so a healthy tablet never meets these.
 *
 * Events without a chain (an app from before it) are checked as before and no further,
 * but only ahead of the device's first chained event.
 */
import { type ChainAnchor, type ChainBreakReason, verifyChain } from '../../../src/domain/chain';
import type { CheckpointEvent } from '../../../src/domain/events';
import type { RefusedEvent } from '../../../src/protocol/api';
import { sha256Hex } from '../sha256';
import type { Store } from '../store/store';

type Broken = { seq: number; id: string; reason: ChainBreakReason; detail: string };

/**
 * The events of the push (those not refused already) that would break the chain: the
 * first broken link with its reason, and every chained event after it (their chain
 * would have a gap where it was). An event the server holds already must be the one
 * held, hash for hash: a re-sent copy of another chain is a fork even where its own
 * links agree.
 */
export async function chainRefusals(
  store: Store,
  device: string,
  events: readonly CheckpointEvent[],
): Promise<RefusedEvent[]> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const start = sorted.findIndex((e) => e.chain !== undefined);
  const first = sorted[start];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const tail = sorted.slice(start);
  const { before: held, held: overlap } = await store.chainLinks(device, first.seq, last.seq);
  const before = sorted[start - 1];
  // An event of an earlier version just before it in this push, not held yet: the chain
  // starts here.
  const anchor: ChainAnchor =
    held.seq !== first.seq - 1 && before?.seq === first.seq - 1
      ? { seq: before.seq, hash: null }
      : held;
  const heldHash = new Map(overlap.map((l) => [l.seq, l.hash]));
  const differs = tail.find((e) => heldHash.has(e.seq) && heldHash.get(e.seq) !== e.chain?.hash);
  const result = await verifyChain(tail, anchor, sha256Hex);
  const candidates: Broken[] = [
    ...(result.ok ? [] : [result.break]),
    ...(differs
      ? [
          {
            seq: differs.seq,
            id: differs.id,
            reason: 'fork' as const,
            detail: `seq ${differs.seq} is held with another hash`,
          },
        ]
      : []),
  ];
  const [broken] = candidates.sort((a, b) => a.seq - b.seq);
  if (!broken) return [];
  return tail
    .filter((e) => e.seq >= broken.seq)
    .map(
      (e): RefusedEvent =>
        e.id === broken.id
          ? { id: e.id, seq: e.seq, reason: `chain-${broken.reason}`, message: broken.detail }
          : {
              id: e.id,
              seq: e.seq,
              reason: 'chain-gap',
              message: `follows seq ${broken.seq}, refused (chain ${broken.reason})`,
            },
    );
}
