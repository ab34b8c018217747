/**
 * What the wall screen shows and says, like a 叫号机: a call stays on the board while it
 * is open and is cleared as soon as the ticket is served, marked no-show (void) or left.
 * Pure: the board and its tests read the same queue projection as the guide.
 */
import type { Policy } from './policy';
import type { CalledTicket, QueueState } from './queue';

export interface BoardCalls {
  /** The newest open call (or recall): shown large. */
  current: CalledTicket | null;
  /** The other open calls, at other windows, newest first. */
  others: CalledTicket[];
}

const newestFirst = (a: CalledTicket, b: CalledTicket) =>
  b.lastCallAt - a.lastCallAt || (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0);

export function boardCalls(queue: QueueState): BoardCalls {
  const open = queue.windows.flatMap((w) => w.tickets).sort(newestFirst);
  const [current = null, ...others] = open;
  return { current, others };
}

/** One spoken announcement: a call or a recall, once, identified across renders. */
export interface Announcing {
  key: string;
  ticket: string;
  window: number;
}

/**
 * The calls to announce now: open calls whose last (re)call the board has not yet
 * announced. `announced` holds the keys already said (or present when the board opened:
 * a board switched on mid-morning does not read out the morning's calls).
 */
export function callsToAnnounce(queue: QueueState, announced: ReadonlySet<string>): Announcing[] {
  return queue.windows
    .flatMap((w) => w.tickets)
    .sort((a, b) => a.lastCallAt - b.lastCallAt)
    .map((c) => ({ key: `${c.visit}@${c.lastCallAt}`, ticket: c.ticket, window: c.window }))
    .filter((a) => !announced.has(a.key));
}

/** Whether this screen speaks calls, by the policy (policy.voice.speaker). */
export function speaksHere(policy: Policy, screen: 'guide' | 'board'): boolean {
  return policy.voice.speaker === 'both' || policy.voice.speaker === screen;
}
