/**
 * A phone number a visitor can be reached on: a mainland mobile (11 digits starting
 * 13–19, optionally +86 / 0086) or a landline with its area code (0 + 2–3 digits, then a
 * 7–8 digit local number), e.g. 010-12345678 or 0571-88888888. A landline-only visitor
 * must be able to register (issue 12). Spaces and dashes are ignored, and brackets around an area code.
 */
export type PhoneCheck = { ok: true; value: string } | { ok: false; reason: 'empty' | 'format' };

/** Area codes: 010 and 02x have 3 digits; every other one 4 (0 then 3 digits, not 01x/02x). */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;

export function validatePhone(raw: string): PhoneCheck {
  const compact = raw.replace(/[\s-]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const international = /^(\+86|0086)/.test(compact);
  const mobile = compact.replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return { ok: true, value: mobile };
  // Brackets only around an area code: (0571) 8888 8888.
  const national = mobile.replace(/^[(（](0\d{2,3})[)）]/, '$1');
  // From abroad an area code is dialled without its leading 0 (+86 571 …).
  const landline = LANDLINE.exec(
    international && !national.startsWith('0') ? `0${national}` : national,
  );
  return landline
    ? { ok: true, value: `${landline[1]}-${landline[2]}` }
    : { ok: false, reason: 'format' };
}
