/**
 * vitest globalSetup for `npm run test:pg`: one throwaway PostgreSQL cluster for the run
 * (or the one in DATABASE_URL when it is a postgres:// URL), handed to the tests as
 * `inject('databaseUrl')`. Each test file makes its own databases in it (freshPgDatabase).
 */
import type { TestProject } from 'vitest/node';
import { type PgCluster, startPgCluster } from '../../scripts/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let cluster: PgCluster | null = null;

export async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) {
    project.provide('databaseUrl', given);
    return;
  }
  cluster = await startPgCluster();
  project.provide('databaseUrl', cluster.url);
}

export async function teardown() {
  await cluster?.stop();
  cluster = null;
}
