/**
 * Why a request never got an answer. The browser says only "Failed to fetch" for a lost
 * network, a server that does not allow this tablet's origin (CORS) and an untrusted or
 * missing TLS certificate alike; the lead needs to know which to fix. So, after a failure:
 * - a page served over https cannot call an http server (mixed content): 'tls';
 * - a cross-origin server that answers an opaque (no-cors) request is reachable, so it
 *   refused this origin: 'cors' (the server's ALLOWED_ORIGINS);
 * - an https server that answers nothing while the device is online: 'tls' (certificate
 *   not trusted, or nothing listening there: the message says both);
 * - otherwise: 'offline'.
 */

export type FetchFailure = 'offline' | 'cors' | 'tls';

/** A fetch: the browser's, or a test's. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

interface Where {
  /** The page's origin; empty outside a browser. */
  origin: string;
  online: boolean;
}

function here(): Where {
  return {
    origin: typeof location === 'undefined' ? '' : location.origin,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
  };
}

export async function diagnoseFailure(
  fetcher: FetchLike,
  url: string,
  where: Where = here(),
): Promise<FetchFailure> {
  if (!where.online) return 'offline';
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'offline';
  }
  if (where.origin.startsWith('https:') && target.protocol === 'http:') return 'tls';
  const crossOrigin = where.origin !== '' && target.origin !== where.origin;
  if (crossOrigin) {
    try {
      await fetcher(url, { mode: 'no-cors', cache: 'no-store' });
      return 'cors';
    } catch {
      // Not reachable at all: fall through.
    }
  }
  return target.protocol === 'https:' && crossOrigin ? 'tls' : 'offline';
}
