/**
 * A throwaway PostgreSQL cluster for tests and benches: `initdb` in a temp folder, the
 * server on a loopback port (and a Unix socket in that folder), removed on stop. Uses
 * Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin, or PG_BIN).
 *
 * initdb refuses to run as root: as root the folder is handed to the `postgres` user and
 * the binaries run through `runuser -u postgres`.
 *
 * From code:  const pg = await startPgCluster(); … pg.url … await pg.stop();
 * From a shell:
 *   tsx scripts/pg-cluster.ts run -- <command…>   a cluster for the command's lifetime,
 *                                                 DATABASE_URL in its environment
 *   tsx scripts/pg-cluster.ts start               prints DATABASE_URL and PGCLUSTER_DIR
 *   tsx scripts/pg-cluster.ts stop <dir>          stops and removes it
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

export interface PgClusterOptions {
  /** A loopback port; a free one when absent (PG_PORT in the environment wins). */
  port?: number;
  /**
   * Durable (fsync on, synchronous commit) for benches that must be honest about disk;
   * tests default to fsync off: a throwaway cluster need not survive a power cut.
   */
  durable?: boolean;
  /** max_connections (default 200: two server instances' pools plus test clients). */
  maxConnections?: number;
}

export function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'PostgreSQL binaries not found: apt-get install -y postgresql (or set PG_BIN to the folder holding initdb)',
    );
  }
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function pgExec(bin: string, args: string[]): string {
  const file = join(pgBinDir(), bin);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${bin} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const port = Number(process.env.PG_PORT ?? 0) || options.port || (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'pg-cluster-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  pgExec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 200}`,
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off']),
    '-c full_page_writes=off',
  ];
  pgExec('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'log'), 'start', '-w']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopPgCluster(dir);
    },
  };
}

export function stopPgCluster(dir: string): void {
  try {
    pgExec('pg_ctl', ['-D', join(dir, 'data'), 'stop', '-m', 'fast', '-w']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `run -- cmd…`: a cluster for one command; its exit code is ours. */
async function runWithCluster(command: string[]): Promise<number> {
  if (command.length === 0) throw new Error('usage: pg-cluster run -- <command…>');
  const existing = process.env.DATABASE_URL;
  const cluster = existing?.startsWith('postgres') ? null : await startPgCluster();
  const url = existing?.startsWith('postgres') ? existing : (cluster?.url ?? '');
  console.log(`DATABASE_URL=${url}${cluster ? '' : ' (from the environment)'}`);
  const [cmd = '', ...args] = command;
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(cmd, args, {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url },
      });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    await cluster?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [action, ...rest] = process.argv.slice(2);
  if (action === 'run') {
    process.exitCode = await runWithCluster(rest[0] === '--' ? rest.slice(1) : rest);
  } else if (action === 'start') {
    const port = rest[0] ? Number(rest[0]) : undefined;
    const cluster = await startPgCluster(port ? { port } : {});
    console.log(`DATABASE_URL=${cluster.url}`);
    console.log(`PGCLUSTER_DIR=${cluster.dir}`);
  } else if (action === 'stop' && rest[0]) {
    stopPgCluster(rest[0]);
  } else {
    console.error('usage: pg-cluster run -- <command…> | start [port] | stop <dir>');
    process.exitCode = 2;
  }
}
