/**
 * What a device id may be: it names the tablet in every event, in `admin status` and
 * `admin verify` on the lead's terminal, and in /metrics. Letters, digits, `.`, `_` and `-`,
 * 1–64 characters, starting with a letter or digit: a tablet's own id is a ULID (26
 * characters), and nothing in it can move a terminal's cursor or forge a row. The server's
 * enrolment schema (src/protocol/api.ts) and the tablet's enrolment form apply the same rule.
 */
const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const DEVICE_ID_RULE =
  'device id: 1–64 letters (a–z, A–Z), digits, ".", "_" or "-", starting with a letter or digit';

export function isDeviceId(id: string): boolean {
  return DEVICE_ID.test(id);
}
