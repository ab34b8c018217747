/**
 * Fresh, empty databases inside the test cluster: one per store under test, so tests
 * never see each other's rows. Dropped by `dropPgDatabases` (or with the cluster).
 */
import pg from 'pg';
import { inject } from 'vitest';

let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function freshPgDatabase(prefix = 't'): Promise<string> {
  const admin = inject('databaseUrl');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(admin, name);
}
