/** Storage failures as codes the UI can put in words (never a swallowed exception). */
/** `invalid`: an event failed the content rules (src/domain/event-content.ts): nothing stored. */
export type StorageErrorCode = 'quota' | 'unavailable' | 'invalid' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    override readonly cause: unknown,
  ) {
    super(`storage-${code}`);
    this.name = 'StorageError';
  }
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
}

/** Dexie wraps the DOM error (an AbortError whose `inner` is the QuotaExceededError). */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const inner = typeof e === 'object' && e !== null && 'inner' in e ? e.inner : undefined;
  const names = [errorName(e), errorName(inner)];
  if (names.includes('QuotaExceededError')) return new StorageError('quota', e);
  if (
    names.some((n) =>
      ['InvalidStateError', 'DatabaseClosedError', 'OpenFailedError', 'MissingAPIError'].includes(
        n,
      ),
    )
  ) {
    return new StorageError('unavailable', e);
  }
  return new StorageError('unknown', e);
}
