/**
 * `npm run admin -- verify <hall> [day]`: checks every device chain of a hall as stored
 * (src/domain/chain.ts, the function that checks each push), and prints, per device,
 * every broken link or that it is unbroken, with the day's event count and chain head as
 * the tablets' daily report prints them, to be compared with a printed copy.
 *
 * With a day, only the devices that wrote events that day are checked, from their first
 * event to their last of that day. Events are read as stored and opened one by one: a
 * personal value altered in the file no longer opens, and is reported at its event.
 */
import { type ChainResult, START, verifyChain } from '../../../src/domain/chain';
import { type DayHead, dayHeads } from '../../../src/domain/chain-heads';
import type { CheckpointEvent } from '../../../src/domain/events';
import { dayKey } from '../../../src/domain/time';
import { sha256Hex } from '../sha256';
import type { Store } from '../store/store';
import { printable } from './terminal-text';

export interface DeviceVerdict {
  device: string;
  result: ChainResult;
  /** The device's events of the day asked for; null without a day. */
  day: DayHead | null;
}

async function siteEvents(store: Store, site: string): Promise<CheckpointEvent[]> {
  const all: CheckpointEvent[] = [];
  for (let after = 0, more = true; more; ) {
    const page = await store.eventsAfter(site, after, 1_000);
    all.push(...page.events);
    ({ cursor: after, more } = page);
  }
  return all;
}

export async function verifySite(
  store: Store,
  open: (e: CheckpointEvent) => CheckpointEvent,
  site: string,
  day?: string,
): Promise<DeviceVerdict[]> {
  const byDevice = new Map<string, CheckpointEvent[]>();
  for (const raw of await siteEvents(store, site)) {
    let e = raw;
    try {
      e = open(raw);
    } catch {
      // Left sealed: its commitment cannot match, verifyChain says where.
    }
    const list = byDevice.get(e.device);
    if (list) list.push(e);
    else byDevice.set(e.device, [e]);
  }
  const verdicts: DeviceVerdict[] = [];
  for (const [device, events] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (day === undefined) {
      verdicts.push({ device, result: await verifyChain(events, START, sha256Hex), day: null });
      continue;
    }
    const [head] = dayHeads(events.filter((e) => dayKey(e.at) === day));
    if (!head) continue;
    const upTo = events.filter((e) => e.seq <= head.lastSeq);
    verdicts.push({ device, result: await verifyChain(upTo, START, sha256Hex), day: head });
  }
  return verdicts;
}

/** What `verify` prints: one block per device, broken ones first said as such. */
export function verdictText(site: string, day: string | undefined, verdicts: DeviceVerdict[]) {
  const broken = verdicts.filter((v) => !v.result.ok).length;
  const title = `${printable(site)}${day ? ` ${day}` : ''}: ${verdicts.length} device chain(s), ${
    broken === 0 ? 'all unbroken' : `${broken} BROKEN`
  }`;
  const lines = verdicts.flatMap(({ device, result, day: d }) => {
    const s = result.summary;
    const status = result.ok
      ? [
          `unbroken to seq ${s.lastSeq} (${s.events} events${s.unchained ? `, ${s.unchained} from before the chain` : ''}), head ${s.head}`,
        ]
      : result.breaks.map(
          (b) => `BROKEN at seq ${b.seq} (${printable(b.id)}): ${b.reason}, ${printable(b.detail)}`,
        );
    const dayLine = d
      ? [
          `    ${day}: ${d.events} events, seq ${d.firstSeq}–${d.lastSeq}, head ${d.head ?? '(before the chain)'}`,
        ]
      : [];
    const [firstLine, ...more] = status;
    const name = printable(device);
    return [`  ${name}  ${firstLine}`, ...more.map((l) => `  ${name}  ${l}`), ...dayLine];
  });
  return { text: [title, ...lines].join('\n'), broken };
}
