/**
 * Second-generation resident ID number (GB 11643-1999): 6-digit region code,
 * 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * The region is checked at province level only: an ID issued under a region code that
 * has since been retired stays valid for life, so a door must not refuse it
 * (shared/corpora/README.md). A legacy 15-digit number is upgraded to 18 digits.
 */
export type IdNumberProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'province'
  | 'birth-date'
  | 'future-birth'
  | 'check-digit';

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female'; upgraded: boolean }
  | { ok: false; reason: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes: the 31 mainland provinces, 71 Taiwan, 81/82 Hong Kong and
 * Macao, 83 the residence permits of Taiwan residents.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Upgrades a first-generation 15-digit number (YYMMDD, born 19xx) to 18 digits. */
export function upgradeLegacyIdNumber(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

export function validateIdNumber(raw: string, now: number = Date.now()): IdNumberCheck {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'empty' };
  if (compact.length !== 18 && compact.length !== 15) return { ok: false, reason: 'length' };
  const legacy = compact.length === 15;
  if (legacy ? !/^\d{15}$/.test(compact) : !/^\d{17}[\dX]$/.test(compact)) {
    return { ok: false, reason: 'characters' };
  }
  const id = legacy ? upgradeLegacyIdNumber(compact) : compact;

  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, reason: 'province' };

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d)) return { ok: false, reason: 'birth-date' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (Date.UTC(y, m - 1, d) > now) return { ok: false, reason: 'future-birth' };

  if (!legacy && checkCharacter(id.slice(0, 17)) !== id[17]) {
    return { ok: false, reason: 'check-digit' };
  }
  const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: id, birthDate, sex, upgraded: legacy };
}
