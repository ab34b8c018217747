/**
 * Why a request never got an answer. The browser says only "Failed to fetch" for a lost
 * network, a server that does not allow this tablet's origin (CORS) and an untrusted or
 * missing TLS certificate alike; the lead needs to know which to fix. So, after a failure:
 * - a page served over https cannot call an http server (mixed content): 'tls';
 * - a cross-origin server that answers an opaque (no-cors) request is reachable, so it
 *   refused this origin: 'cors' (the server's ALLOWED_ORIGINS);
 * - an https server that answers nothing while the device is online: 'tls' (certificate
 *   not trusted, or nothing listening there: the message says both);
 * - the page's own Content-Security-Policy (connect-src) does not allow the server's
 *   origin: 'csp'. The browser blocks the request before it leaves, so it looks offline;
 *   the hall must serve the app from the sync server, or add its origin to connect-src
 *   (src/protocol/csp.ts);
 * - otherwise: 'offline'.
 */

export type FetchFailure = 'offline' | 'cors' | 'tls' | 'csp';

/** A fetch: the browser's, or a test's. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

interface Where {
  /** The page's origin; empty outside a browser. */
  origin: string;
  online: boolean;
  /** The page's CSP connect-src sources (its meta tag), or null when it has none. */
  connectSrc?: readonly string[] | null;
}

/** The connect-src of the CSP meta tag the built page carries (vite.config.ts). */
function pageConnectSrc(): string[] | null {
  if (typeof document === 'undefined') return null;
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const policy = meta?.getAttribute('content');
  if (!policy) return null;
  const directives = new Map(
    policy.split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  return directives.get('connect-src') ?? directives.get('default-src') ?? null;
}

function here(): Where {
  return {
    origin: typeof location === 'undefined' ? '' : location.origin,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    connectSrc: pageConnectSrc(),
  };
}

/**
 * Whether a connect-src source list lets the page at `origin` reach `target` (CSP level 3
 * source matching, reduced to what a hall would write: 'self', *, a scheme, an origin with
 * an optional wildcard host or port).
 */
export function connectAllowed(sources: readonly string[], origin: string, target: URL): boolean {
  return sources.some((raw) => {
    const s = raw.toLowerCase();
    if (s === "'self'") return target.origin === origin;
    if (s === '*') return target.protocol === 'http:' || target.protocol === 'https:';
    if (s === "'none'" || s.startsWith("'")) return false;
    if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return target.protocol === s;
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/.exec(s);
    if (!m) return false;
    const [, scheme, wildcard, host = '', port] = m;
    if (scheme && `${scheme}:` !== target.protocol) return false;
    const hostOk = wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
    const defaultPort = target.protocol === 'https:' ? '443' : '80';
    const portOk = port === '*' || (port ?? defaultPort) === (target.port || defaultPort);
    return hostOk && portOk;
  });
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
  if (where.connectSrc && !connectAllowed(where.connectSrc, where.origin, target)) return 'csp';
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
