/**
 * Calls as a 叫号机 says them (issue 21): recorded clips played in sequence, the same on
 * every tablet whether or not it has a Chinese voice. "请 A001 号到 3 号窗口办理" is
 * 请 / A / 零 / 零 / 一 / 号 / 到 / 三 / 号窗口 / 办理: the ticket read digit by digit, the
 * window as a number (up to 999, a policy's largest). This table is the one home of what
 * each clip says: scripts/make-clips.ts records it, the player fetches `clipUrl(id)`.
 */
export const CLIP_TEXTS = {
  please: '请',
  number: '号',
  to: '到',
  window: '号窗口',
  handle: '办理',
  'enter-waiting': '进入等候区',
  ten: '十',
  hundred: '百',
  d0: '零',
  d1: '一',
  d2: '二',
  d3: '三',
  d4: '四',
  d5: '五',
  d6: '六',
  d7: '七',
  d8: '八',
  d9: '九',
  A: 'A',
  B: 'B',
  C: 'C',
  D: 'D',
  E: 'E',
  F: 'F',
  G: 'G',
  H: 'H',
  I: 'I',
  J: 'J',
  K: 'K',
  L: 'L',
  M: 'M',
  N: 'N',
  O: 'O',
  P: 'P',
  Q: 'Q',
  R: 'R',
  S: 'S',
  T: 'T',
  U: 'U',
  V: 'V',
  W: 'W',
  X: 'X',
  Y: 'Y',
  Z: 'Z',
} as const;

export type ClipId = keyof typeof CLIP_TEXTS;

/** How a tablet says Mandarin calls: these clips (the default) or its own speech voice. */
export type CallVoice = 'clips' | 'device';
export const CLIP_IDS = Object.keys(CLIP_TEXTS) as ClipId[];

/** Where the build serves a clip (public/clips, precached with the app). */
export function clipUrl(id: ClipId): string {
  return `/clips/zh-CN/${id}.ogg`;
}

export type CallAnnouncement =
  | { kind: 'call'; ticket: string; window: number }
  | { kind: 'call-in'; ticket: string };

const DIGITS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'] as const;

/** The clip of a digit 0–9. */
const digit = (n: number): ClipId => DIGITS[n] ?? 'd0';

function isClip(id: string): id is ClipId {
  return Object.hasOwn(CLIP_TEXTS, id);
}

/** A ticket read as its letters and then digit by digit ("A001": A 零 零 一); null if unsayable. */
export function ticketClips(ticket: string): ClipId[] | null {
  const clips: ClipId[] = [];
  for (const char of ticket.toUpperCase()) {
    const id = /^\d$/.test(char) ? digit(Number(char)) : char;
    if (!isClip(id)) return null;
    clips.push(id);
  }
  return clips.length > 0 ? clips : null;
}

/**
 * A number 1–999 as said in Mandarin: 三, 十二 (not 一十二), 二十, 一百零五, 一百一十, 九百九十九;
 * null outside that range.
 */
export function numeralClips(n: number): ClipId[] | null {
  if (!Number.isInteger(n) || n < 1 || n > 999) return null;
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  const clips: ClipId[] = [];
  if (hundreds > 0) clips.push(digit(hundreds), 'hundred');
  if (tens > 0) {
    // 十二 alone, but 一百一十二 after hundreds.
    if (!(tens === 1 && hundreds === 0)) clips.push(digit(tens));
    clips.push('ten');
  } else if (hundreds > 0 && ones > 0) {
    clips.push('d0');
  }
  if (ones > 0) clips.push(digit(ones));
  return clips;
}

/** The clips of one announcement, in order; null when a part cannot be said by clips. */
export function announcementClips(a: CallAnnouncement): ClipId[] | null {
  const ticket = ticketClips(a.ticket);
  if (!ticket) return null;
  if (a.kind === 'call-in') return ['please', ...ticket, 'number', 'enter-waiting'];
  const window = numeralClips(a.window);
  if (!window) return null;
  return ['please', ...ticket, 'number', 'to', ...window, 'window', 'handle'];
}
