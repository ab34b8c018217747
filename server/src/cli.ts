/**
 * The shift lead's commands on the server (they write the same database, through the
 * same encrypted store and the same schemas as the admin API):
 *   create-site <id> <name>        a hall
 *   enrolment-code <site> [hours]  a single-use code a tablet enrols with
 *   revoke-device <device-id>
 *   set-policy <site> <policy.json>
 *   import-bookings <site> <bookings.csv>
 *   new-personal-key               key rotation (docs/server-security.md)
 */
import { readFileSync } from 'node:fs';
import { parseBookingsFile } from '../../src/domain/bookings-csv';
import { policySchema } from '../../src/protocol/policy-schema';
import { codeSchema, siteSchema } from './admin-schemas';
import { enrolmentCodeHash, newEnrolmentCode } from './auth';
import { readConfig } from './config';
import { openStore } from './data-dir';
import { addPersonalKey } from './personal-keys';
import { ENCODINGS } from './routes/admin';
import type { Store } from './store/store';
import { parse } from './validate';

class UsageError extends Error {}

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
      const site = need(args[0], 'site id');
      await siteOrThrow(store, site);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(need(args[1], 'policy file'), 'utf8'));
      } catch (e) {
        throw new UsageError(`policy file: ${(e as Error).message}`);
      }
      const policy = parse(policySchema, json);
      await store.setPolicy(site, policy, now);
      return `policy ${policy.version} set for ${site}`;
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
    default:
      throw new UsageError(
        'commands: create-site, enrolment-code, revoke-device, set-policy, import-bookings, new-personal-key',
      );
  }
}

const config = readConfig();
const [command, ...args] = process.argv.slice(2);
if (command === 'new-personal-key') {
  const id = addPersonalKey(config.dataDir);
  console.log(`new personal data key ${id} first in the key file: restart the server`);
} else {
  const store = openStore(config.dataDir);
  try {
    console.log(await run(store, command, args, Date.now()));
  } catch (e) {
    // A person typed this: say what is wrong, without a stack trace.
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  } finally {
    await store.close();
  }
}
