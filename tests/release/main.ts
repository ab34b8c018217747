/**
 * `npm run test:release` (as root, as CI runs): the release archive, built and run with no
 * network. It re-runs itself in a network namespace with only loopback (`unshare -n`),
 * checks that nothing outside answers, then:
 *   1. builds the archive (npm run release; npm's cache, offline), unpacks it in a fresh
 *      folder and starts its server: /healthz answers;
 *   2. a tablet in Debian's Chromium enrols against it and syncs a visit
 *      (tests/release/tablet.spec.ts), and the archive's `checkpoint-admin backup` copies
 *      that data;
 *   3. install.sh installs it as a service into a temporary root (NO_SYSTEMCTL=1: this
 *      machine runs no systemd), `systemd-analyze verify` passes its unit; data written
 *      through the sync API; version B (this code plus one SQLite migration, added at
 *      build time by an esbuild plugin: a stand-in for a real next version) installed over
 *      it takes a backup, migrates and still holds every event; reinstalling A over B's
 *      newer schema is refused with the reason; the printed roll-back steps bring A back
 *      with the backup; uninstall keeps the data, --purge removes it and the user.
 * RELEASE_SKIP_BUILD=1 reuses dist/.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tabletDay } from '../../bench/county/tablet-day';
import { buildRelease, type Release } from '../../scripts/release/build-release';
import { SQLITE_SCHEMA_VERSION } from '../../server/src/store/sqlite';
import type { CheckpointEvent } from '../../src/domain/events';
import type { PullReply, PushReply } from '../../src/protocol/api';
import { versionB } from './version-b';

const PORT = Number(process.env.RELEASE_TEST_PORT ?? 18410);

if (process.env.RELEASE_NETNS !== '1') {
  const self = [...process.execArgv, ...process.argv.slice(1)];
  const r = spawnSync(
    'unshare',
    ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...self],
    { stdio: 'inherit', env: { ...process.env, RELEASE_NETNS: '1' } },
  );
  process.exit(r.status ?? 1);
}

function step(what: string) {
  console.log(`\n— ${what}`);
}

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) {
  const r = spawnSync(command, args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    ...(cwd ? { cwd } : {}),
  });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function ok(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): string {
  const r = sh(command, args, env, cwd);
  assert.equal(r.status, 0, `${command} ${args.join(' ')} failed:\n${r.out}`);
  return r.out;
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 30_000) throw new Error(`no /healthz:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Running {
  url: string;
  msToHealthy: number;
  stop(): Promise<void>;
}

/** Starts `command` (a release's launcher, maybe through runuser) and waits for /healthz. */
async function start(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(command, args, {
    env: {
      PATH: process.env.PATH,
      ...env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: tmpdir(),
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const url = `http://127.0.0.1:${PORT}`;
  const msToHealthy = await waitHealthy(url, child, () => out);
  return {
    url,
    msToHealthy,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function unpack(release: Release, into: string): string {
  mkdirSync(into, { recursive: true });
  ok('tar', ['-xzf', release.archive, '-C', into]);
  return join(into, release.name);
}

async function api<T>(url: string, path: string, token: string, body?: unknown): Promise<T> {
  const r = await fetch(`${url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(r.ok, `${path}: ${r.status} ${await r.clone().text()}`);
  return (await r.json()) as T;
}

async function allEvents(url: string, site: string, token: string): Promise<CheckpointEvent[]> {
  const events: CheckpointEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await api<PullReply>(
      url,
      `/sites/${site}/events?after=${after}&limit=1000`,
      token,
    );
    events.push(...page.events);
    after = page.cursor;
    if (!page.more) return events;
  }
}

// --- No network but loopback.
step('no network: only loopback in this namespace');
await assert.rejects(fetch('https://registry.npmjs.org/', { signal: AbortSignal.timeout(5_000) }));
console.log('registry.npmjs.org unreachable, as intended');

const work = mkdtempSync(join(tmpdir(), 'checkpoint-release-'));
// The service's user walks into the temporary root.
chmodSync(work, 0o755);
const skipApp = process.env.RELEASE_SKIP_BUILD === '1';

try {
  step('npm run release (offline)');
  const a = await buildRelease({ outDir: join(work, 'out-a'), skipAppBuild: skipApp });
  console.log(`${a.name}.tar.gz: ${(a.bytes / 1e6).toFixed(1)} MB`);
  const dirA = unpack(a, join(work, 'fresh'));
  const manifest = JSON.parse(readFileSync(join(dirA, 'MANIFEST.json'), 'utf8')) as {
    version: string;
    schema: { sqlite: number };
    files: Record<string, string>;
  };
  assert.equal(manifest.schema.sqlite, SQLITE_SCHEMA_VERSION);
  ok('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], {}, dirA);
  assert.ok(!existsSync(join(dirA, 'node_modules/tsx')), 'tsx is not shipped');
  assert.ok(!existsSync(join(dirA, 'node_modules/typescript')), 'TypeScript is not shipped');
  assert.ok(!existsSync(join(dirA, 'node_modules/vite')), 'Vite is not shipped');

  step('the archive’s server, from the fresh folder');
  const plain = await start(join(dirA, 'bin/checkpoint-server'), [], {
    DATA_DIR: join(work, 'plain-data'),
    ADMIN_TOKEN: 'release-admin-token-of-24-characters',
  });
  const health = await (await fetch(`${plain.url}/healthz`)).json();
  console.log(`/healthz in ${plain.msToHealthy.toFixed(0)} ms: ${JSON.stringify(health)}`);
  const shell = await fetch(`${plain.url}/`);
  assert.equal(shell.status, 200);
  assert.match(await shell.text(), /<div id="root">|<script/);
  await plain.stop();

  step('a tablet in Chromium enrols against it and syncs a visit');
  const tabletData = join(work, 'tablet-data');
  const tablet = spawnSync(
    process.execPath,
    ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.release.config.ts'],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        RELEASE_DIR: dirA,
        RELEASE_DATA_DIR: tabletData,
        E2E_PORT: String(PORT + 1),
      },
    },
  );
  assert.equal(tablet.status, 0, 'the tablet in Chromium enrols and syncs');

  step('admin backup from the archive’s CLI');
  const backupOut = ok(
    join(dirA, 'bin/checkpoint-admin'),
    ['backup', join(work, 'tablet.backup')],
    {
      DATA_DIR: tabletData,
    },
  );
  console.log(backupOut.trim());
  assert.match(backupOut, /backup written to .*: [1-9]\d* events, [1-9]\d* devices/);

  // --- Installed as a service, upgraded, refused a downgrade, rolled back, uninstalled.
  const layout = {
    PREFIX: join(work, 'root/opt/checkpoint-server'),
    DATA_DIR: join(work, 'root/var/lib/checkpoint-server'),
    CONF_DIR: join(work, 'root/etc/checkpoint-server'),
    UNIT_DIR: join(work, 'root/etc/systemd/system'),
    BIN_DIR: join(work, 'root/usr/local/bin'),
    SERVICE: 'checkpoint-release-test',
    SERVICE_USER: 'cp-release-test',
    NO_SYSTEMCTL: '1',
  };
  const adminCli = join(layout.BIN_DIR, `${layout.SERVICE}-admin`);
  const unit = join(layout.UNIT_DIR, `${layout.SERVICE}.service`);
  const envFile = join(layout.CONF_DIR, `${layout.SERVICE}.env`);
  const install = (dir: string, ...args: string[]) =>
    sh(join(dir, 'install.sh'), args, layout, tmpdir());
  /** The service as systemd runs it: its user, its settings, the current release. */
  const startService = () => {
    const settings = Object.fromEntries(
      readFileSync(envFile, 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    // The hall's HTTPS (made by --tls-init) is tests/integration/tls-server.test.ts's
    // subject; here plain HTTP keeps the checks short.
    settings.HALL_TLS = 'off';
    return start(
      'runuser',
      ['-u', layout.SERVICE_USER, '--', join(layout.PREFIX, 'current/bin/checkpoint-server')],
      settings,
    );
  };

  step('install.sh: version A as a service');
  const first = install(dirA, '--tls-init', '--name 发布大厅 --host hall.local --ip 127.0.0.1');
  console.log(first.out.trim());
  assert.equal(first.status, 0);
  assert.match(first.out, /ADMIN_TOKEN=\S{20,}/);
  assert.match(first.out, /made a new hall CA/);
  assert.equal(statSync(layout.DATA_DIR).mode & 0o777, 0o700);
  assert.equal(statSync(envFile).mode & 0o777, 0o600);
  const adminToken = /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync(envFile, 'utf8'))?.[1] ?? '';
  const unitText = readFileSync(unit, 'utf8');
  for (const line of [
    'NoNewPrivileges=yes',
    'ProtectSystem=strict',
    `ReadWritePaths=${layout.DATA_DIR}`,
    'PrivateTmp=yes',
    'Restart=on-failure',
    'StandardOutput=journal',
  ])
    assert.ok(unitText.includes(line), `the unit has ${line}`);
  const verify = sh('systemd-analyze', ['verify', unit]);
  assert.equal(verify.status, 0, verify.out);
  assert.equal(verify.out.trim(), '', `systemd-analyze verify is silent: ${verify.out}`);
  console.log('systemd-analyze verify: no finding');
  const again = install(dirA);
  assert.match(again.out, /installed already/);

  step('data written to version A through the sync API');
  const site = 'upgrade-hall';
  let service = await startService();
  await api(service.url, '/admin/sites', adminToken, { id: site, name: '升级大厅' });
  const codeOut = ok(adminCli, ['enrolment-code', site]);
  const code = /: (\S+)$/m.exec(codeOut.trim())?.[1] ?? '';
  const { token } = await api<{ token: string }>(service.url, '/enrol', '', {
    code,
    deviceId: 'upgrade-tablet',
    deviceName: 'upgrade-tablet',
  });
  const day = tabletDay(site, 'upgrade-tablet', 20, new Date().setHours(0, 0, 0, 0) - 86_400_000);
  const written: string[] = [];
  for (let n = 0; n < day.visits; n++) {
    const events = await day.visit(n);
    const reply = await api<PushReply>(service.url, `/sites/${site}/events`, token, { events });
    assert.equal(reply.refused.length, 0, JSON.stringify(reply));
    written.push(...events.map((e) => e.id));
  }
  assert.equal((await allEvents(service.url, site, token)).length, written.length);
  console.log(`${written.length} events written`);
  await service.stop();

  step('version B (one more SQLite migration) installed over A');
  const b = await buildRelease({
    outDir: join(work, 'out-b'),
    skipAppBuild: true,
    ...versionB(a.version),
  });
  const dirB = unpack(b, join(work, 'fresh-b'));
  const upgrade = install(dirB);
  console.log(upgrade.out.trim());
  assert.equal(upgrade.status, 0);
  assert.match(upgrade.out, new RegExp(`upgraded .* from ${a.version} to ${b.version}`));
  const backupFile = /the data before the upgrade: (\S+)/.exec(upgrade.out)?.[1] ?? '';
  assert.ok(existsSync(backupFile), 'the backup before the upgrade exists');
  assert.match(upgrade.out, /to go back to/);
  assert.ok(readlinkSync(join(layout.PREFIX, 'current')).endsWith(b.version));
  service = await startService();
  const afterUpgrade = await allEvents(service.url, site, token);
  assert.deepEqual(afterUpgrade.map((e) => e.id).sort(), [...written].sort());
  console.log(`every one of the ${written.length} events found after the upgrade`);
  const schemaNow = ok(adminCli, ['backup', '--check', backupFile]);
  assert.match(schemaNow, new RegExp(`schema ${SQLITE_SCHEMA_VERSION}:`));
  await service.stop();

  step('version A over B’s newer schema: refused');
  const downgrade = install(dirA);
  console.log(downgrade.out.trim());
  assert.equal(downgrade.status, 4);
  assert.match(downgrade.out, /newer than this server's/);
  assert.ok(readlinkSync(join(layout.PREFIX, 'current')).endsWith(b.version), 'B stays');

  step('roll back to A with the backup, as the upgrade said');
  const lines = upgrade.out.split('\n');
  const from = lines.findIndex((l) => l.startsWith('to go back to'));
  for (const line of lines.slice(from + 1, from + 5).map((l) => l.trim())) {
    if (line.startsWith('systemctl')) continue;
    const [command = '', ...args] = line.split(' ');
    console.log(`$ ${line}`);
    console.log(ok(command, args).trim());
  }
  service = await startService();
  const afterRollback = await allEvents(service.url, site, token);
  assert.deepEqual(afterRollback.map((e) => e.id).sort(), [...written].sort());
  console.log(`A runs again with all ${written.length} events`);
  await service.stop();

  step('uninstall keeps the data; --purge removes it and the user');
  const kept = install(dirA, '--uninstall');
  assert.equal(kept.status, 0, kept.out);
  assert.ok(existsSync(join(layout.DATA_DIR, 'checkpoint.sqlite')));
  assert.ok(!existsSync(unit) && !existsSync(layout.PREFIX));
  const purged = install(dirA, '--uninstall', '--purge');
  assert.equal(purged.status, 0, purged.out);
  assert.ok(!existsSync(layout.DATA_DIR));
  assert.notEqual(sh('id', [layout.SERVICE_USER]).status, 0);
  console.log('\nrelease test passed');
} finally {
  sh('sh', ['-c', `id cp-release-test >/dev/null 2>&1 && userdel cp-release-test || true`]);
  rmSync(work, { recursive: true, force: true });
}
