/**
 * The shift lead's commands on the server (they write the same database, through the
 * same encrypted store and the same schemas as the admin API; the SQLite file in
 * DATA_DIR, or PostgreSQL when DATABASE_URL is set):
 *   create-site <id> <name>        a hall
 *   enrolment-code <site> [hours]  a single-use code a tablet enrols with
 *   revoke-device <device-id>
 *   set-policy <site> <policy.json>   the hall's own policy: tightens the county's, never loosens
 *   set-policy --county <policy.json> the county's policy, which every hall inherits
 *   import-bookings <site> <bookings.csv>
 *   new-personal-key               key rotation (docs/server-security.md)
 *   migrate-store [sqlite-file]    copies a hall's SQLite file (default: DATA_DIR's) into
 *                                  the PostgreSQL database of DATABASE_URL
 *   verify <site> [day]            checks every device's hash chain of the hall (and day):
 *                                  exit 1 when one is broken (server/src/ops/verify.ts)
 *   backup <file>                  SQLite's online backup of DATA_DIR's database, while the
 *                                  server runs (server/src/ops/backup.ts); 0600, personal fields
 *                                  sealed, no key; its MAC in <file>.mac
 *   backup --check <file>          what a backup holds, and whether it may be restored here
 *   restore [--yes] <file>         the server stopped: puts the backup back, in a new epoch,
 *                                  if its seal and schema hold; asks (or --yes) when it lets
 *                                  in devices the live database does not
 *   status                         halls × tablets: last seen, last push, clock offset, and
 *                                  which are stale (STALE_AFTER_HOURS, device-status.ts)
 *   identity                       the server's identity and the epoch it announces (and,
 *                                  PostgreSQL, what that epoch is made of)
 *   new-epoch                      a new stored epoch (a PostgreSQL restore starts one by
 *                                  itself: docs/operations.md)
 *   tls init|renew …               the hall's CA and HTTPS certificate (tls/tls-cli.ts)
 *   migrate                        opens the store, which brings its schema to this
 *                                  version's (install.sh runs it on an upgrade)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseBookingsFile } from '../../../src/domain/bookings-csv';
import { policySchema } from '../../../src/protocol/policy-schema';
import { readConfig } from '../config';
import { codeSchema, siteSchema } from '../http/admin-schemas';
import { enrolmentCodeHash, newEnrolmentCode } from '../http/auth';
import { parse } from '../http/validate';
import {
  BackupError,
  type BackupFacts,
  backupSqlite,
  checkBackup,
  deviceDifferences,
  restoreSqlite,
} from '../ops/backup';
import { openSealedBackend, openStore, prepareDataDir } from '../ops/data-dir';
import { statusText } from '../ops/device-status';
import { setCountyPolicy, setHallPolicy } from '../ops/hall-policy';
import { terminalText } from '../ops/terminal-text';
import { verdictText, verifySite } from '../ops/verify';
import { openEvent } from '../personal/personal-crypto';
import { addPersonalKey, loadPersonalCipher } from '../personal/personal-keys';
import { ENCODINGS } from '../routes/admin';
import { migrateSqliteToPostgres } from '../store/migrate-store';
import { describeStore, isPostgresUrl, sqliteFile } from '../store/open-store';
import { POSTGRES_SCHEMA_VERSION } from '../store/postgres-schema';
import { SQLITE_SCHEMA_VERSION } from '../store/sqlite';
import type { Store } from '../store/store';
import { tlsCommand } from '../tls/tls-cli';

class UsageError extends Error {}

/** Every line the CLI prints goes through here: values from the database are not trusted. */
const say = (text: string) => console.log(terminalText(text));
const sayError = (text: string) => console.error(terminalText(text));

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

async function siteOrThrow(store: Store, site: string): Promise<void> {
  if (!(await store.site(site))) throw new UsageError(`no site ${site}`);
}

async function run(store: Store, command: string | undefined, args: string[], now: number) {
  switch (command) {
    case 'create-site': {
      const site = parse(siteSchema, {
        id: need(args[0], 'site id'),
        name: need(args[1], 'site name'),
      });
      if (await store.site(site.id)) throw new UsageError(`site ${site.id} exists`);
      await store.createSite(site, now);
      return `site ${site.id} created`;
    }
    case 'enrolment-code': {
      const site = need(args[0], 'site id');
      await siteOrThrow(store, site);
      const { ttlHours } = parse(
        codeSchema,
        args[1] === undefined ? {} : { ttlHours: Number(args[1]) },
      );
      const code = newEnrolmentCode();
      await store.addEnrolmentCode(site, enrolmentCodeHash(code), now + ttlHours * 3_600_000, now);
      return `enrolment code for ${site} (valid ${ttlHours} h, single use): ${code}`;
    }
    case 'revoke-device':
      return (await store.revokeDevice(need(args[0], 'device id'), now))
        ? 'revoked'
        : 'no such device';
    case 'set-policy': {
      const county = args[0] === '--county';
      const site = county ? null : need(args[0], 'site id');
      if (site) await siteOrThrow(store, site);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(need(args[1], 'policy file'), 'utf8'));
      } catch (e) {
        throw new UsageError(`policy file: ${(e as Error).message}`);
      }
      const policy = parse(policySchema, json);
      const problems = site
        ? await setHallPolicy(store, site, policy, now)
        : await setCountyPolicy(store, policy, now);
      if (problems.length > 0) {
        throw new UsageError(`policy ${policy.version} refused:\n  ${problems.join('\n  ')}`);
      }
      return `policy ${policy.version} set for ${site ?? 'the county (every hall inherits it)'}`;
    }
    case 'import-bookings': {
      const site = need(args[0], 'site id');
      await siteOrThrow(store, site);
      const file = parseBookingsFile(readFileSync(need(args[1], 'CSV file')), now);
      if (!file.ok) throw new UsageError(`bookings file encoding ${file.encoding}: ${ENCODINGS}`);
      const { bookings, rejected } = file;
      const version = await store.putBookings(site, bookings);
      return [
        `${bookings.length} bookings imported (version ${version}, ${file.encoding}), ${rejected.length} rows rejected`,
        ...rejected.map((r) => `  line ${r.line}: ${r.problems.join(', ')}`),
      ].join('\n');
    }
    case 'status':
      return statusText(await store.deviceActivity(), now, config.staleAfterHours);
    case 'identity': {
      const { id, epoch } = await store.identity();
      const { stored, facts } = await store.epochParts();
      const mixed = Object.entries(facts).map(([fact, value]) => `${fact} ${value}`);
      return mixed.length === 0
        ? `server ${id}, epoch ${epoch}`
        : `server ${id}, epoch ${epoch}\n  stored epoch ${stored}, mixed with ${mixed.join(', ')}`;
    }
    case 'migrate':
      return `${describeStore(config)}: schema ${isPostgresUrl(config.databaseUrl) ? `${POSTGRES_SCHEMA_VERSION} (PostgreSQL)` : `${SQLITE_SCHEMA_VERSION} (SQLite)`}, this version's`;
    case 'new-epoch': {
      const { id, epoch } = await store.newEpoch();
      return `server ${id}: new epoch ${epoch} (tablets send again what this database lacks)`;
    }
    default:
      throw new UsageError(
        'commands: create-site, enrolment-code, revoke-device, set-policy, import-bookings, new-personal-key, migrate-store, migrate, verify, backup, restore, status, identity, new-epoch, tls',
      );
  }
}

const factsText = (f: BackupFacts) =>
  `server ${f.server}, epoch ${f.epoch}, schema ${f.schema}: ${f.events} events, ${f.devices} devices`;

/**
 * Whether to go on with a restore that lets in devices the live database does not: `--yes`
 * for scripts; a person at a terminal is asked; with no terminal and no --yes, no.
 */
async function confirmRestore(differences: readonly string[], yes: boolean): Promise<boolean> {
  say(['the backup lets in devices this database does not:', ...differences].join('\n'));
  if (yes) return true;
  if (!process.stdin.isTTY) {
    sayError('no terminal to ask: check the list, then run restore again with --yes');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question('restore it anyway? [y/N] ')).trim());
  } finally {
    prompt.close();
  }
}

/** backup and restore: the SQLite file only (PostgreSQL: pg_dump, docs/operations.md). */
async function backupCommand(command: string, args: string[]): Promise<string> {
  const live = sqliteFile(config.dataDir);
  if (command === 'backup' && args[0] === '--check') {
    const file = need(args[1], 'backup file');
    const facts = checkBackup(file, live, loadPersonalCipher(config.dataDir, process.env, false));
    const differences = deviceDifferences(file, live);
    return [
      `${file}: ${factsText(facts)}; sealed by this server, schema as migrate makes it; ${facts.sameServer ? 'restorable here' : 'no database here yet: restore would start this server from it'}`,
      ...(differences.length > 0
        ? ['devices it lets in that this database does not:', ...differences]
        : []),
    ].join('\n');
  }
  if (isPostgresUrl(config.databaseUrl))
    throw new UsageError(
      'DATABASE_URL is set: back PostgreSQL up with pg_dump and restore with pg_restore (docs/operations.md)',
    );
  const yes = args.includes('--yes');
  const file = need(
    args.find((a) => a !== '--yes'),
    'backup file',
  );
  const cipher = loadPersonalCipher(config.dataDir, process.env, false);
  if (command === 'backup') {
    if (!existsSync(live)) throw new UsageError(`no database at ${live}`);
    const written = await backupSqlite(live, file, cipher);
    return `backup written to ${file} and its seal to ${written.seal} (0600; keep both together; the personal data key is not in them): ${factsText(written)}`;
  }
  const restored = await restoreSqlite(file, live, Date.now(), cipher, (differences) =>
    confirmRestore(differences, yes),
  );
  return [
    `restored ${file}: ${factsText(restored)} (epoch was ${restored.previousEpoch})`,
    restored.keptAt ? `the database it replaced is kept at ${restored.keptAt}` : '',
    'start the server: each tablet sends again what the backup lacks. Tablets enrolled after the backup must enrol again.',
  ]
    .filter(Boolean)
    .join('\n');
}

const config = readConfig();
const [command, ...args] = process.argv.slice(2);
if (command === 'backup' || command === 'restore') {
  try {
    prepareDataDir(config.dataDir);
    say(await backupCommand(command, args));
  } catch (e) {
    sayError(e instanceof Error ? e.message : String(e));
    process.exitCode = e instanceof BackupError || e instanceof UsageError ? 2 : 1;
  }
} else if (command === 'new-personal-key') {
  const id = addPersonalKey(config.dataDir);
  say(`new personal data key ${id} first in the key file: restart the server`);
} else if (command === 'tls') {
  try {
    prepareDataDir(config.dataDir);
    say(await tlsCommand(config.dataDir, args, Date.now()));
  } catch (e) {
    sayError(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  }
} else if (command === 'migrate-store') {
  try {
    if (!isPostgresUrl(config.databaseUrl))
      throw new Error('set DATABASE_URL=postgres://… to the target database');
    const file = args[0] ?? sqliteFile(config.dataDir);
    const counts = await migrateSqliteToPostgres(file, config.databaseUrl);
    say(`copied ${file} to PostgreSQL: ${JSON.stringify(counts)}`);
    say(
      'point the hall server at DATABASE_URL (with this hall’s personal data key) and restart it; tablets keep syncing',
    );
  } catch (e) {
    sayError(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  }
} else if (command === 'verify') {
  const { backend, cipher } = await openSealedBackend(config);
  try {
    const site = need(args[0], 'site id');
    await siteOrThrow(backend, site);
    const day = args[1];
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new UsageError('day: YYYY-MM-DD');
    const verdicts = await verifySite(backend, (e) => openEvent(cipher, e), site, day);
    const { text, broken } = verdictText(site, day, verdicts);
    say(text);
    if (broken > 0) process.exitCode = 1;
  } catch (e) {
    sayError(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  } finally {
    await backend.close();
  }
} else {
  const store = await openStore(config);
  try {
    say(await run(store, command, args, Date.now()));
  } catch (e) {
    // A person typed this: say what is wrong, without a stack trace.
    sayError(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}
