import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllowedOrigins } from './cors';

function perMinute(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return n;
}

/** Server settings from the environment, with the defaults the README documents. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const cert = env.TLS_CERT;
  const key = env.TLS_KEY;
  if (!!cert !== !!key) throw new Error('set both TLS_CERT and TLS_KEY, or neither');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    adminToken: env.ADMIN_TOKEN,
    /** postgres://… selects the PostgreSQL store; unset, the SQLite file in dataDir. */
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    https: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : null,
    limits: {
      enrolPerMinute: perMinute(env.ENROL_RATE_LIMIT, 10, 'ENROL_RATE_LIMIT'),
      adminPerMinute: perMinute(env.ADMIN_RATE_LIMIT, 300, 'ADMIN_RATE_LIMIT'),
    },
  };
}
