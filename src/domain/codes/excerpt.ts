import { urlHost } from './issuers';

/** Longest excerpt kept with a scan (characters). */
export const EXCERPT_MAX = 40;

/**
 * A short, non-personal excerpt of a payload for the ledger: enough for a person to
 * tell which platform a code came from, nothing that can name the visitor. Health-code
 * URLs often carry a name, ID or phone number in the path or query, so only the
 * scheme and host of a URL are kept, or the leading letters of a token; runs of three
 * or more digits are masked and anything outside printable ASCII is dropped.
 */
export function payloadExcerpt(payload: string): string {
  const host = urlHost(payload);
  const head = host
    ? `${payload.slice(0, payload.indexOf(':'))}://${host}`.toLowerCase()
    : (/^[A-Za-z][A-Za-z0-9:_./-]{0,11}/.exec(payload)?.[0] ?? '');
  const safe = head.replace(/[^\x21-\x7e]/g, '').replace(/\d{3,}/g, '###');
  const clipped = safe.length > EXCERPT_MAX - 1 ? safe.slice(0, EXCERPT_MAX - 1) : safe;
  return clipped.length < payload.length ? `${clipped}…` : clipped;
}
