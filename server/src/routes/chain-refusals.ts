/**
 * A push continues the device's hash chain (src/domain/chain.ts) from what the server
 * holds, or it is refused: a fork (the tablet's chain is not the one held: restored from
 * a copy, or a second installation using the same device id, or a chain begun again from
 * GENESIS), a gap (an event before it is missing), an event changed since it was written
 * or without its chain after a chained one. The tablet pushes from the first seq the
 * server lacks, in order, so a healthy tablet never meets these.
 *
 * Events without a chain (an app from before it) are accepted only ahead of the device's
 * first chained event: `verifyChain`, the function `verify` uses, decides.
 */
import { type ChainBreakReason, verifyChain } from '../../../src/domain/chain';
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
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  // The whole push after what is held before it, by the rule `verify` applies: an event
  // without a chain after a chained one, or a chain started again from GENESIS, is a break.
  const { before: anchor, held: overlap } = await store.chainLinks(device, first.seq, last.seq);
  const heldHash = new Map(overlap.map((l) => [l.seq, l.hash]));
  const differs = sorted.find(
    (e) => heldHash.has(e.seq) && heldHash.get(e.seq) !== (e.chain?.hash ?? null),
  );
  const result = await verifyChain(sorted, anchor, sha256Hex);
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
  return sorted
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
