/**
 * SHA-256 of a payload (its UTF-8 bytes), lower-case hex. The ledger keeps this rather
 * than the payload: the same code shown twice is recognisable, its contents are not
 * stored. WebCrypto exists only in a secure context, as do the camera and the service
 * worker this app relies on.
 */
export async function payloadSha256(payload: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is unavailable (insecure context)');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(payload));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
