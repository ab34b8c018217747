/**
 * Requests as the security review made them, against the real server process
 * (tests/integration/server-process.ts) started with the production limits.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckpointEvent } from '../../src/domain/events';
import { aBooking, ev, validIdNumber, visitEvents } from '../fixtures/builders';
import { admin, type ServerProcess, startServer, tempDataDir } from '../integration/server-process';

export { admin };

/** The server as `npm start` runs it: default rate limits, no test overrides. */
export function startHardenedServer(dataDir = tempDataDir(), port = 0): Promise<ServerProcess> {
  return startServer(dataDir, port, {});
}

export async function call(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers,
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

export async function newSite(url: string, site: string): Promise<void> {
  const created = await admin(url, 'POST', '/sites', { id: site, name: `Hall ${site}` });
  if (created.status !== 201) throw new Error(JSON.stringify(created));
}

export async function newCode(url: string, site: string): Promise<string> {
  const reply = await admin(url, 'POST', `/sites/${site}/enrolment-codes`, {});
  return String(reply.body.code);
}

/** A new site with one enrolled device; returns the device's token. */
export async function enrolledToken(url: string, site: string, device: string): Promise<string> {
  await newSite(url, site);
  return String((await enrol(url, await newCode(url, site), device)).body.token);
}

export function enrol(url: string, code: string, deviceId: string, token?: string) {
  return call(url, 'POST', '/enrol', {
    body: { code, deviceId, deviceName: deviceId },
    ...(token ? { token } : {}),
  });
}

/** A visit with a name, ID number and phone of its own, dated `at` by the device. */
export function personalVisit(
  n: number,
  site: string,
  device: string,
  at: number,
): CheckpointEvent[] {
  const person = aBooking({
    name: `试验姓名${String.fromCharCode(0x4e00 + n)}${n}`,
    idNumber: validIdNumber(`1101011990030${String(7000 + n).padStart(4, '0')}`),
    phone: `1391234${String(n).padStart(4, '0')}`,
  });
  return visitEvents([ev.opened(), ev.identity(person, 'typed')], {
    site,
    device,
    start: at,
    firstSeq: n * 2 + 1,
    visit: `visit-${n}`,
  });
}

export function personalValues(events: readonly CheckpointEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === 'identity.confirmed' ? [e.data.name, e.data.idNumber, e.data.phone] : [],
  );
}

/** The raw bytes of the database, its WAL and its SHM. */
export function filesOf(dataDir: string): Buffer[] {
  const db = join(dataDir, 'checkpoint.sqlite');
  return [db, `${db}-wal`, `${db}-shm`].filter(existsSync).map((f) => readFileSync(f));
}

export interface CommandRun {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a command to its end, with `env` over ours: its exit code, stdout and stderr. */
export function runCommand(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandRun> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

/** Runs `npm run admin -- <args>` (server/src/cli/admin-cli.ts), `env` over ours. */
export function adminCliWith(env: Record<string, string>, ...args: string[]): Promise<CommandRun> {
  return runCommand(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli/admin-cli.ts', ...args],
    env,
  );
}

/** Runs `npm run admin -- <args>` (server/src/cli/admin-cli.ts) on a server's data folder. */
export function adminCli(dataDir: string, ...args: string[]): Promise<CommandRun> {
  return adminCliWith({ DATA_DIR: dataDir }, ...args);
}
