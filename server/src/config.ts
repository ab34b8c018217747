import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllowedOrigins } from './cors';

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
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    https: cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : null,
  };
}
