/**
 * The Content-Security-Policy the app runs under: one home for the server's header
 * (server/src/http/security-headers.ts) and the meta tag put into the built index.html
 * (vite.config.ts), for halls that serve the app from another web server. Everything
 * from the app's own origin; `wasm-unsafe-eval` lets the QR decoder (ZXing-C++ in
 * WebAssembly) compile; no inline script, no eval. A hall whose sync server is on
 * another origin than the app adds that origin to `connect-src`.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** Browsers ignore these in a meta tag (and warn): they only work as a header. */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function cspText(forMeta = false): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !(forMeta && HEADER_ONLY.has(name)))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Only the camera and Bluetooth (the door's thermometer), and only for the app itself;
 * nothing else the kiosk does not use.
 */
export const PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(self)';
