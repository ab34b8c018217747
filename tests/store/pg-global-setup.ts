/**
 * vitest globalSetup for `npm run test:pg`: one throwaway PostgreSQL cluster for the run
 * (or the one in DATABASE_URL when it is a postgres:// URL), handed to the tests as
 * `inject('databaseUrl')`. Each test file makes its own databases in it (freshPgDatabase).
 */
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../../scripts/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL;
  if (given?.startsWith('postgres')) {
    project.provide('databaseUrl', given);
    return;
  }
  const cluster = await startPgCluster();
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
