/**
 * Where a hall's TLS files live. The server reads only the certificates and its own key
 * (DATA_DIR/tls); the CA's key is in a folder of its own (DATA_DIR/tls-ca, or a path the
 * shift lead gives, e.g. a USB stick) that the server never opens: only `tls init` and
 * `tls renew` do.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HallTlsPaths {
  caCert: string;
  serverCert: string;
  serverKey: string;
  caKey: string;
}

export function hallTlsPaths(dataDir: string, caKey?: string): HallTlsPaths {
  const dir = join(dataDir, 'tls');
  return {
    caCert: join(dir, 'ca.crt'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    caKey: caKey ?? join(dataDir, 'tls-ca', 'ca.key'),
  };
}

/**
 * Written whole or not at all (a temporary file renamed over the old one): a server
 * starting during `tls renew` never reads half a certificate. 0600 from creation on,
 * whatever the umask; the folder 0700.
 */
export function writePrivateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}
