/**
 * Starts the real server process (node + tsx, as `npm run server` does) on a free port
 * with its own data folder, and reads the port from its structured log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckpointEvent } from '../../src/domain/events';
import type { PullReply } from '../../src/protocol/api';

export const ADMIN = 'test-admin-token-of-24-characters';

export interface ServerProcess {
  /** http://… or, with TLS, https://127.0.0.1:port. */
  url: string;
  /** With the hall's TLS: the plain-HTTP CA page (server/src/tls/ca-page.ts). */
  caPageUrl: string | null;
  /** The server's process id (benches read its RSS). */
  pid: number;
  dataDir: string;
  /** What the server has logged so far (stdout and stderr). */
  log(): string;
  /** Graceful stop (SIGTERM), resolves when the process has exited. */
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'checkpoint-server-'));
}

/**
 * Integration tests enrol many tablets from one address: they raise the per-address
 * limits. The security tests pass `{}` to run with the defaults, as `npm start` does.
 */
export const TEST_LIMITS = { ENROL_RATE_LIMIT: '1000', ADMIN_RATE_LIMIT: '100000' };

export async function startServer(
  dataDir = tempDataDir(),
  port = 0,
  /** More environment, e.g. DATABASE_URL for the PostgreSQL store. */
  env: Record<string, string> = TEST_LIMITS,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      // SQLite in DATA_DIR unless the test asks for PostgreSQL.
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: ADMIN,
      STATIC_DIR: join(dataDir, 'no-static'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const { url, caPageUrl } = await new Promise<{ url: string; caPageUrl: string | null }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Server listening at (https?:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match?.[1] && out.includes('checkpoint server ready')) {
          clearTimeout(timer);
          const caPagePort = /"caPagePort":(\d+)/.exec(out)?.[1];
          resolve({
            url: match[1],
            caPageUrl: caPagePort ? `http://127.0.0.1:${caPagePort}` : null,
          });
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
    },
  );
  return {
    url,
    caPageUrl,
    log: () => out,
    pid: child.pid ?? 0,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Admin call helper. */
export async function admin(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  type = 'application/json',
) {
  const response = await fetch(`${url}/api/v1/admin${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(body !== undefined ? { 'content-type': type } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates a site and enrols a device on it; returns its token. */
export async function enrolledDevice(url: string, site: string, deviceId: string): Promise<string> {
  const existing = await admin(url, 'POST', '/sites', { id: site, name: `Hall ${site}` });
  if (existing.status !== 201 && existing.status !== 409) throw new Error(JSON.stringify(existing));
  const code = await admin(url, 'POST', `/sites/${site}/enrolment-codes`, {});
  const response = await fetch(`${url}/api/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.body.code, deviceId, deviceName: deviceId }),
  });
  const reply = (await response.json()) as { token: string };
  return reply.token;
}

/** Every event the server holds for the site, pulled page by page with a device's token. */
export async function allHeld(
  url: string,
  site: string,
  token: string,
): Promise<CheckpointEvent[]> {
  const events: CheckpointEvent[] = [];
  let after = 0;
  for (;;) {
    const r = await fetch(`${url}/api/v1/sites/${site}/events?after=${after}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await r.json()) as PullReply;
    events.push(...page.events);
    after = page.cursor;
    if (!page.more) return events;
  }
}
