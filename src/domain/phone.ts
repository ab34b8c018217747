/** Mainland China mobile numbers: 11 digits starting 13–19, optionally +86 / 0086. */
export type PhoneCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'format' };

export function validatePhone(raw: string): PhoneCheck {
  const compact = raw.replace(/[\s-]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const national = compact.replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(national)
    ? { ok: true, value: national }
    : { ok: false, reason: 'format' };
}
