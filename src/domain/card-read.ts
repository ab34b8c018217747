import { type IdNumberProblem, validateIdNumber } from './id-number';

/** Where a reading of a resident ID card's face came from. */
export type CardSource = 'camera' | 'reader';

/** One frame's (or one reader's) reading of a resident ID card's face. */
export interface CardRead {
  idNumber: string;
  name?: string;
  source: CardSource;
}

/** A card number that passed every check, with what the number itself says. */
export interface CardOffer {
  idNumber: string;
  /** Only when the reads agree on it; otherwise staff type the name. */
  name?: string;
  source: CardSource;
  birthDate: string;
  sex: 'male' | 'female';
}

/** `implausible-age`: born more than MAX_AGE_YEARS ago. `legacy`: a 15-digit number, never on a second-generation card. */
export type CardNumberProblem = IdNumberProblem | 'implausible-age' | 'legacy';

export type CardNumberCheck =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: CardNumberProblem };

/** Older than the oldest person known to have lived: a misread, not a visitor. */
export const MAX_AGE_YEARS = 120;

/**
 * How many camera frames must read the same valid number before it is offered. One
 * misread digit fails MOD 11-2, but two can pass it (about one in eleven): several
 * frames agreeing makes a wrong offer from independent misreads vanishingly rare.
 */
export const FRAMES_TO_AGREE = 3;

/**
 * The checks a number read off a card must pass before anything is filled: 18
 * characters, MOD 11-2, a province of GB/T 2260 (src/domain/id-number.ts says why not
 * the county), a real birth date neither in the future nor more than MAX_AGE_YEARS ago.
 */
export function checkCardNumber(raw: string, now: number): CardNumberCheck {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact.length === 15 && /^\d{15}$/.test(compact)) return { ok: false, reason: 'legacy' };
  const check = validateIdNumber(compact, now);
  if (!check.ok) return check;
  const born = Date.UTC(
    Number(check.birthDate.slice(0, 4)) + MAX_AGE_YEARS,
    Number(check.birthDate.slice(5, 7)) - 1,
    Number(check.birthDate.slice(8, 10)),
  );
  if (born < now) return { ok: false, reason: 'implausible-age' };
  return { ok: true, value: check.value, birthDate: check.birthDate, sex: check.sex };
}

/** A name as printed on a card: CJK or Latin letters, a middle dot, 1–30 of them. */
export function plausibleName(raw: string | undefined): string | undefined {
  const name = raw?.trim().replace(/\s+/g, ' ');
  if (!name || name.length > 30) return undefined;
  return /^[\p{Script=Han}\p{L}·• .-]+$/u.test(name) ? name : undefined;
}

/**
 * The number to offer from the reads gathered for one card, or null. Reads whose number
 * fails checkCardNumber are ignored (a misread). A reader's read stands alone; camera
 * frames must agree: at least `framesToAgree` valid reads of one number, and no valid
 * read of another number among them (two cards in view, or a wrong number that passed
 * the checks: say nothing until the view settles). The name is offered when as many
 * reads of that number agree on it.
 */
export function offerCardNumber(
  reads: readonly CardRead[],
  now: number,
  framesToAgree: number = FRAMES_TO_AGREE,
): CardOffer | null {
  const valid = reads.flatMap((read) => {
    const check = checkCardNumber(read.idNumber, now);
    return check.ok ? [{ read, check }] : [];
  });
  const first = valid[0];
  if (!first) return null;
  if (valid.some((v) => v.check.value !== first.check.value)) return null;
  const source: CardSource = valid.some((v) => v.read.source === 'camera') ? 'camera' : 'reader';
  const needed = source === 'reader' ? 1 : framesToAgree;
  if (valid.length < needed) return null;

  const names = new Map<string, number>();
  for (const { read } of valid) {
    const name = plausibleName(read.name);
    if (name) names.set(name, (names.get(name) ?? 0) + 1);
  }
  const agreed = [...names].find(([, count]) => count >= needed)?.[0];
  const { value, birthDate, sex } = first.check;
  return { idNumber: value, ...(agreed ? { name: agreed } : {}), source, birthDate, sex };
}
