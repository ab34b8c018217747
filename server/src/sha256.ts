/**
 * SHA-256 of a text's UTF-8 bytes, lower-case hex, by node:crypto: synchronous, and
 * several times cheaper per event than WebCrypto's async digest the domain uses by
 * default (it runs in the browser too). The server's chain checks pass this one.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
