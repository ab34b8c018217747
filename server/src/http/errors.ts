import type { ApiErrorCode } from '../../../src/protocol/api';

/** An error that becomes a JSON reply with this status and code (see app.ts). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** For 429: when to try again (also sent as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
