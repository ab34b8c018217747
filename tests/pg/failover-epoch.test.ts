// @vitest-environment node
/**
 * Issue 22, failover (and PITR: the same end of recovery): a standby made from a base
 * backup of the primary, the primary gone, the standby started on the primary's address
 * and promoted. A running store, its pool reconnecting, announces a new epoch: the same
 * server, database and table OIDs and system identifier, on a new timeline. Its own
 * cluster (the shared test cluster cannot be failed over).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pgBinDir, startPgCluster } from '../../scripts/pg-cluster';
import { openPostgresStore } from '../../server/src/store/postgres';
import { ev, FIXED_NOW, visitEvents } from '../fixtures/builders';
import { runCommand } from '../security/attack';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A PostgreSQL binary, as the postgres user when we are root (scripts/pg-cluster.ts). */
async function pgAsOwner(bin: string, args: string[]): Promise<void> {
  const file = join(pgBinDir(), bin);
  const run =
    process.getuid?.() === 0
      ? await runCommand('runuser', ['-u', 'postgres', '--', file, ...args])
      : await runCommand(file, args);
  if (run.code !== 0) throw new Error(`${bin}: ${run.err || run.out}`);
}

describe('failover to a promoted standby', () => {
  it('a running store announces a new epoch, from the new timeline alone', async () => {
    const primary = await startPgCluster();
    cleanups.push(() => primary.stop().catch(() => {})); // stopped already by the failover
    const url = primary.url;
    const store = await openPostgresStore(url, { max: 2 });
    cleanups.push(() => store.close());
    await store.createSite({ id: 'hall', name: 'Hall' }, FIXED_NOW);
    const events = visitEvents([ev.opened(), ev.identity()], { device: 'tab', site: 'hall' });
    await store.insertEvents('hall', 'tab', events, FIXED_NOW, () => false);
    const before = await store.identity();
    const partsBefore = await store.epochParts();
    expect(partsBefore.facts.timeline).toBe('1');

    const standby = join(primary.dir, 'standby');
    const address = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    await pgAsOwner('pg_basebackup', [
      ...address,
      '-D',
      standby,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    await pgAsOwner('pg_ctl', ['-D', join(primary.dir, 'data'), 'stop', '-m', 'immediate', '-w']);
    const settings = [
      `-p ${primary.port}`,
      `-k ${primary.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=200', // as on the primary (a standby refuses fewer)
      "-c primary_conninfo=''",
    ];
    const log = join(primary.dir, 'standby.log');
    await pgAsOwner('pg_ctl', [
      '-D',
      standby,
      '-o',
      settings.join(' '),
      '-l',
      log,
      'start',
      '-w',
    ]).catch((err: Error) => {
      throw new Error(`${err.message}\n${readFileSync(log, 'utf8')}`);
    });
    cleanups.push(() => pgAsOwner('pg_ctl', ['-D', standby, 'stop', '-m', 'fast', '-w']));
    await pgAsOwner('pg_ctl', ['-D', standby, 'promote', '-w']);

    const after = await store.identity();
    expect(after.id).toBe(before.id);
    expect(after.epoch).not.toBe(before.epoch);
    const partsAfter = await store.epochParts();
    expect(partsAfter).toEqual({
      stored: partsBefore.stored,
      facts: { ...partsBefore.facts, timeline: '2' },
    });
    expect(await store.identity()).toEqual(after); // and stays
  });
});
