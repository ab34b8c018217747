/**
 * The shift lead's commands on the server (they write the server's store: the SQLite
 * file in DATA_DIR, or PostgreSQL when DATABASE_URL is set):
 *   create-site <id> <name>        a hall
 *   enrolment-code <site> [hours]  a single-use code a tablet enrols with
 *   revoke-device <device-id>
 *   set-policy <site> <policy.json>
 *   import-bookings <site> <bookings.csv>
 *   migrate-store [sqlite-file]    copies a hall's SQLite file (default: DATA_DIR's) into
 *                                  the PostgreSQL database of DATABASE_URL
 */
import { readFileSync } from 'node:fs';
import { parseBookingsCsv } from '../../src/domain/bookings-csv';
import { policySchema } from '../../src/protocol/policy-schema';
import { enrolmentCodeHash, newEnrolmentCode } from './auth';
import { readConfig } from './config';
import { openStore } from './data-dir';
import { migrateSqliteToPostgres } from './store/migrate-store';
import { isPostgresUrl, sqliteFile } from './store/open-store';

const config = readConfig();
const store = await openStore(config);
const [command, ...args] = process.argv.slice(2);
const now = Date.now();

function need(value: string | undefined, what: string): string {
  if (!value) {
    console.error(`missing ${what}`);
    process.exit(2);
  }
  return value;
}

try {
  switch (command) {
    case 'create-site': {
      const id = need(args[0], 'site id');
      await store.createSite({ id, name: need(args[1], 'site name') }, now);
      console.log(`site ${id} created`);
      break;
    }
    case 'enrolment-code': {
      const site = need(args[0], 'site id');
      if (!(await store.site(site))) throw new Error(`no site ${site}`);
      const code = newEnrolmentCode();
      const hours = Number(args[1] ?? 24);
      await store.addEnrolmentCode(site, enrolmentCodeHash(code), now + hours * 3_600_000, now);
      console.log(`enrolment code for ${site} (valid ${hours} h, single use): ${code}`);
      break;
    }
    case 'revoke-device': {
      const ok = await store.revokeDevice(need(args[0], 'device id'), now);
      console.log(ok ? 'revoked' : 'no such device');
      break;
    }
    case 'set-policy': {
      const site = need(args[0], 'site id');
      const policy = policySchema.parse(
        JSON.parse(readFileSync(need(args[1], 'policy file'), 'utf8')),
      );
      await store.setPolicy(site, policy, now);
      console.log(`policy ${policy.version} set for ${site}`);
      break;
    }
    case 'import-bookings': {
      const site = need(args[0], 'site id');
      const { bookings, rejected } = parseBookingsCsv(
        readFileSync(need(args[1], 'CSV file'), 'utf8'),
        now,
      );
      const version = await store.putBookings(site, bookings);
      console.log(
        `${bookings.length} bookings imported (version ${version}), ${rejected.length} rows rejected`,
      );
      for (const r of rejected) console.log(`  line ${r.line}: ${r.problems.join(', ')}`);
      break;
    }
    case 'migrate-store': {
      if (!isPostgresUrl(config.databaseUrl))
        throw new Error('set DATABASE_URL=postgres://… to the target database');
      const file = args[0] ?? sqliteFile(config.dataDir);
      const counts = await migrateSqliteToPostgres(file, config.databaseUrl);
      console.log(`copied ${file} to PostgreSQL: ${JSON.stringify(counts)}`);
      console.log('point the hall server at DATABASE_URL and restart it; tablets keep syncing');
      break;
    }
    default:
      console.error(
        'commands: create-site, enrolment-code, revoke-device, set-policy, import-bookings, migrate-store',
      );
      process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await store.close();
}
