// @vitest-environment node
/**
 * Issue 35, finding 3: a copy of a backup with one `devices` row added (a token hash the
 * attacker knows) and a trigger (`AFTER INSERT ON events … SET revoked_at = NULL`) passed
 * `backup --check` and `restore`: that token then read every name of the hall, and the
 * trigger un-revoked a revoked tablet. Now a backup is sealed (an HMAC with a key derived
 * from the personal data key, in `<file>.mac`), its schema must be the one `migrate`
 * makes, and a restore that lets in devices the live database lacks asks first.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/src/http/auth';
import { sealBackup } from '../../server/src/ops/backup-seal';
import { loadPersonalCipher } from '../../server/src/personal/personal-keys';
import type { ServerProcess } from '../integration/server-process';
import * as attack from './attack';

const { adminCli, call, personalVisit, startHardenedServer } = attack;
const STOLEN = 'attacker-known-token-attacker-known-token';

let server: ServerProcess;
let dataDir: string;
let backup: string;
beforeAll(async () => {
  server = await startHardenedServer();
  dataDir = server.dataDir;
  const token = await attack.enrolledToken(server.url, 'hall-t', 'tab-t');
  const events = personalVisit(0, 'hall-t', 'tab-t', Date.now() - 60_000);
  await call(server.url, 'POST', '/sites/hall-t/events', { token, body: { events } });
  backup = join(dataDir, 'night.backup');
  const written = await adminCli(dataDir, 'backup', backup);
  expect(written.code, written.err).toBe(0);
  await server.stop();
}, 60_000);
afterAll(() => server.stop());

/** A copy of the night's backup, changed by `tamper`, with the night's seal beside it. */
function tampered(name: string, tamper: (db: Database.Database) => void): string {
  const file = join(dataDir, name);
  copyFileSync(backup, file);
  copyFileSync(`${backup}.mac`, `${file}.mac`);
  const db = new Database(file);
  tamper(db);
  db.close();
  return file;
}

const addDevice = (db: Database.Database) =>
  db
    .prepare(
      "INSERT INTO devices (id, site, name, token_hash, enrolled_at) VALUES ('tab-evil', 'hall-t', 'evil', ?, 0)",
    )
    .run(hashSecret(STOLEN));
const addTrigger = (db: Database.Database) =>
  db.exec(
    'CREATE TRIGGER unrevoke AFTER INSERT ON events BEGIN UPDATE devices SET revoked_at = NULL; END',
  );
const addView = (db: Database.Database) =>
  db.exec('CREATE VIEW everything AS SELECT * FROM events');

describe('a tampered backup', () => {
  it('is refused by backup --check and restore: an extra device, a trigger, a view', async () => {
    for (const [name, tamper] of [
      ['device.backup', addDevice],
      ['trigger.backup', addTrigger],
      ['view.backup', addView],
    ] as const) {
      const file = tampered(name, tamper);
      const check = await adminCli(dataDir, 'backup', '--check', file);
      expect(check.code, name).toBe(2);
      expect(check.err, name).toMatch(/changed after this server wrote it/);
      const restore = await adminCli(dataDir, 'restore', '--yes', file);
      expect(restore.code, name).toBe(2);
      expect(restore.err, name).toMatch(/changed after this server wrote it/);
    }
    // The live database is the one it was: the stolen token opens nothing.
    const live = new Database(join(dataDir, 'checkpoint.sqlite'), { readonly: true });
    expect(live.prepare("SELECT COUNT(*) AS n FROM devices WHERE id = 'tab-evil'").get()).toEqual({
      n: 0,
    });
    expect(
      live
        .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type IN ('trigger', 'view')")
        .get(),
    ).toEqual({ n: 0 });
    live.close();
  }, 90_000);

  it('is refused without its seal', async () => {
    const file = join(dataDir, 'unsealed.backup');
    copyFileSync(backup, file);
    const check = await adminCli(dataDir, 'backup', '--check', file);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/has no .*\.mac/);
    rmSync(file);
  }, 30_000);

  it('sealed again with the key (an insider), still refused for a schema migrate does not make', async () => {
    const cipher = loadPersonalCipher(dataDir, {}, false);
    for (const [name, tamper] of [
      ['resealed-trigger.backup', addTrigger],
      ['resealed-view.backup', addView],
      [
        'resealed-column.backup',
        (db: Database.Database) => db.exec('ALTER TABLE devices ADD COLUMN note TEXT'),
      ],
    ] as const) {
      const file = tampered(name, tamper);
      rmSync(`${file}.mac`);
      sealBackup(file, cipher);
      const restore = await adminCli(dataDir, 'restore', '--yes', file);
      expect(restore.code, name).toBe(2);
      expect(restore.err, name).toMatch(/schema this server did not make/);
    }
  }, 90_000);

  it('lists devices only the backup has, and goes on only when told', async () => {
    const cipher = loadPersonalCipher(dataDir, {}, false);
    const file = tampered('more-devices.backup', addDevice);
    rmSync(`${file}.mac`);
    sealBackup(file, cipher);
    const asked = await adminCli(dataDir, 'restore', file);
    expect(asked.code).toBe(2);
    expect(asked.out).toContain('device tab-evil (hall hall-t): only in the backup');
    expect(asked.err).toMatch(/--yes/);
    const told = await adminCli(dataDir, 'restore', '--yes', file);
    expect(told.code, told.err).toBe(0);
  }, 60_000);
});
