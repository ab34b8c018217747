import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MIN_SECRET_LENGTH } from './http/auth';
import { parseAllowedOrigins } from './http/cors';
import { DEFAULT_STALE_HOURS } from './ops/device-status';
import { hallTlsPaths } from './tls/tls-files';

function perMinute(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return n;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`${name} must be a port`);
  return n;
}

/**
 * HTTPS from TLS_CERT/TLS_KEY, or else from the hall's own files once `tls init` made
 * them (tls/tls-files.ts). The hall CA's certificate (TLS_CA, or the hall's) is what the
 * plain-HTTP CA page hands out.
 */
function readTls(env: NodeJS.ProcessEnv, dataDir: string) {
  const cert = env.TLS_CERT;
  const key = env.TLS_KEY;
  if (!!cert !== !!key) throw new Error('set both TLS_CERT and TLS_KEY, or neither');
  if (cert && key) {
    return {
      https: { cert: readFileSync(cert), key: readFileSync(key) },
      caCert: env.TLS_CA ? readFileSync(env.TLS_CA) : null,
    };
  }
  const hall = hallTlsPaths(dataDir);
  if (env.HALL_TLS === 'off' || !existsSync(hall.serverCert) || !existsSync(hall.serverKey))
    return { https: null, caCert: null };
  const caCert =
    env.TLS_CA || existsSync(hall.caCert) ? readFileSync(env.TLS_CA || hall.caCert) : null;
  // The chain with the CA after the server's own certificate: a client that trusts the
  // CA by its key alone (Chromium's --ignore-certificate-errors-spki-list) finds it there.
  const leaf = readFileSync(hall.serverCert);
  return {
    https: {
      cert: caCert ? Buffer.concat([leaf, Buffer.from('\n'), caCert]) : leaf,
      key: readFileSync(hall.serverKey),
    },
    caCert,
  };
}

/** METRICS_TOKEN: unset, no /metrics; set, a long random secret of its own. ADMIN_TOKEN: unset, made at first start (main.ts). */
function secret(value: string | undefined, name: string): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < MIN_SECRET_LENGTH)
    throw new Error(
      `${name} must be at least ${MIN_SECRET_LENGTH} characters (it has ${value.length}): e.g. openssl rand -base64 24`,
    );
  return value;
}

function hours(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a number of hours > 0`);
  return n;
}

/** Server settings from the environment, with the defaults the README documents. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const { https, caCert } = readTls(env, dataDir);
  const withCaPage = !!https && !!caCert && env.CA_PAGE_PORT !== 'off';
  // With the hall's CA the app moves to 8443 and its old address, 8080, shows the CA
  // page: the address tablets already know leads them to the certificate.
  const appPort = port(env.PORT, withCaPage ? 8443 : 8080, 'PORT');
  const caPagePort = withCaPage ? port(env.CA_PAGE_PORT, 8080, 'CA_PAGE_PORT') : null;
  if (caPagePort !== null && caPagePort !== 0 && caPagePort === appPort)
    throw new Error(`PORT and CA_PAGE_PORT are both ${appPort}: the CA page needs its own port`);
  return {
    port: appPort,
    caPagePort,
    caCert,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    adminToken: secret(env.ADMIN_TOKEN, 'ADMIN_TOKEN'),
    metricsToken: secret(env.METRICS_TOKEN, 'METRICS_TOKEN'),
    /** A tablet silent this long is stale (device-status.ts explains the default). */
    staleAfterHours: hours(env.STALE_AFTER_HOURS, DEFAULT_STALE_HOURS, 'STALE_AFTER_HOURS'),
    /** postgres://… selects the PostgreSQL store; unset, the SQLite file in dataDir. */
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    https,
    limits: {
      enrolPerMinute: perMinute(env.ENROL_RATE_LIMIT, 10, 'ENROL_RATE_LIMIT'),
      adminPerMinute: perMinute(env.ADMIN_RATE_LIMIT, 300, 'ADMIN_RATE_LIMIT'),
    },
  };
}
