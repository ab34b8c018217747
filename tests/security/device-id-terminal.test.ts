// @vitest-environment node
/**
 * Issue 35, finding 5: a device id chosen at enrolment could hold ESC sequences and
 * newlines: `admin status` and `admin verify` then set the lead's terminal title, cleared
 * the screen and printed forged rows. Now enrolment takes letters, digits, `.`, `_` and `-`
 * only (the tablet's form applies the same rule), and the CLI escapes every control
 * character anyway, for ids that reach the database another way (an old version, a file).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';
import { ev, visitEvents } from '../fixtures/builders';
import type { ServerProcess } from '../integration/server-process';
import * as attack from './attack';

const { adminCli, enrol, newCode, newSite, startHardenedServer } = attack;
const EVIL = '\u001b]0;PWNED\u0007\u001b[2Jtab\nhall-x  tab-forged  0 min ago';

let server: ServerProcess;
beforeAll(async () => {
  server = await startHardenedServer();
  await newSite(server.url, 'hall-x');
}, 40_000);
afterAll(() => server.stop());

describe('device ids', () => {
  it('are refused at enrolment unless letters, digits, ".", "_" and "-", 1–64 long, and the reply says so', async () => {
    for (const id of [
      EVIL,
      'tab\nforged',
      'tab\u202eevil',
      'tab one',
      '-tab',
      'a'.repeat(65),
      '',
    ]) {
      const r = await enrol(server.url, await newCode(server.url, 'hall-x'), id);
      expect(r.status, JSON.stringify(id)).toBe(400);
      if (id !== '') expect(String(r.body.message)).toMatch(/letters.*digits/);
    }
    const ok = await enrol(server.url, await newCode(server.url, 'hall-x'), '01HZX3K8Q5.tab_1-a');
    expect(ok.status).toBe(200);
  }, 60_000);

  it('reach the terminal escaped, whatever the database holds', async () => {
    // As an older version or an edited file left it.
    const file = new Database(join(server.dataDir, 'checkpoint.sqlite'));
    file
      .prepare(
        "INSERT INTO devices (id, site, name, token_hash, enrolled_at) VALUES (?, 'hall-x', 'x', 'h', 0)",
      )
      .run(EVIL);
    const [opened] = visitEvents([ev.opened()], { device: EVIL, site: 'hall-x', firstSeq: 1 });
    file
      .prepare(
        "INSERT INTO events (id, site, device, seq, at, received_at, body, kept_from) VALUES (?, 'hall-x', ?, 1, ?, ?, ?, ?)",
      )
      .run(opened?.id, EVIL, opened?.at, opened?.at, canonicalJson(opened), opened?.at);
    file.close();
    for (const args of [['status'], ['verify', 'hall-x']]) {
      const r = await adminCli(server.dataDir, ...args);
      const all = r.out + r.err;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
      expect(all, args[0]).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(all, args[0]).toContain('\\x1b]0;PWNED\\x07\\x1b[2Jtab\\x0ahall-x');
      // No forged row: the id's line feed is not a line of the output.
      expect(
        all.split('\n').some((line) => line.trimStart().startsWith('hall-x  tab-forged')),
      ).toBe(false);
    }
  }, 60_000);
});
