/**
 * Server instances for the county bench: the real `server/src/main.ts` processes, on
 * SQLite (DATA_DIR) or PostgreSQL (DATABASE_URL), with their memory (RSS from /proc)
 * sampled every second while the load runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { newMasterKey } from '../../server/src/personal/personal-crypto';

export const ADMIN_TOKEN = 'county-bench-admin-token-24-chars';
/**
 * The county's personal data key, one for the run: every instance on one database must
 * open what another sealed, so an operator sets the same PERSONAL_DATA_KEY on each (the
 * server refuses DATABASE_URL without one).
 */
export const PERSONAL_DATA_KEY = newMasterKey();

export interface Instance {
  url: string;
  pid: number;
  /** Highest RSS seen, bytes. */
  maxRss: number;
  /** CPU used by the server process so far (user + system), s, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * utime + stime of a process, s (/proc/<pid>/stat fields 14 and 15, in clock ticks), and
 * with `reaped` its ended children's too (fields 16 and 17).
 */
export function cpuOf(pid: number, reaped = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
  } catch {
    return 0;
  }
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not answer /healthz:\n${log()}`);
}

export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  // COUNTY_PROFILE=<dir>: each instance writes a V8 CPU profile there when it stops
  // (`node --cpu-prof`; scripts/profile-summary.ts sums it by function).
  const profile = process.env.COUNTY_PROFILE;
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN,
      PERSONAL_DATA_KEY,
      // The rate limits are per client address, and the bench enrols a whole county from
      // one: at the defaults (10 enrolments a minute) the 11th tablet of an instance got a
      // 429, and its pushes (with no token) failed every second for ever.
      ENROL_RATE_LIMIT: '100000',
      ADMIN_RATE_LIMIT: '100000',
      STATIC_DIR: '/nonexistent',
      // Request logs off: at thousands of requests a second they would be what is measured.
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out = (out + c.toString()).slice(-4_000);
  });
  child.stderr?.on('data', (c: Buffer) => {
    out = (out + c.toString()).slice(-4_000);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, () => out);
  const pid = child.pid ?? 0;
  const instance: Instance = {
    url,
    pid,
    maxRss: rssOf(pid),
    cpuSeconds: () => cpuOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sampler);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  const sampler = setInterval(() => {
    instance.maxRss = Math.max(instance.maxRss, rssOf(pid));
  }, 1_000);
  sampler.unref();
  return instance;
}

/** An admin call to an instance. */
export async function admin(url: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}/api/v1/admin${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as unknown;
  if (!response.ok && response.status !== 409)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(reply)}`);
  return reply;
}

/**
 * A hall with its tablets enrolled (the hall made if new); returns each tablet's device
 * id and token. `from`: the first tablet's number, to enrol more tablets later.
 */
export async function enrolHall(
  url: string,
  site: string,
  tablets: number,
  from = 0,
): Promise<{ device: string; token: string }[]> {
  await admin(url, '/sites', { id: site, name: `县政务服务中心 ${site}` });
  const enrolled: { device: string; token: string }[] = [];
  for (let t = from; t < from + tablets; t++) {
    const { code } = (await admin(url, `/sites/${site}/enrolment-codes`, {})) as { code: string };
    const device = `${site}-tab${t}`;
    const response = await fetch(`${url}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId: device, deviceName: device }),
    });
    const reply = (await response.json()) as { token?: string };
    if (!response.ok || !reply.token)
      throw new Error(`enrol ${device}: ${response.status} ${JSON.stringify(reply)}`);
    enrolled.push({ device, token: reply.token });
  }
  return enrolled;
}
