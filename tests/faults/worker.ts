/**
 * One worker process of `npm run test:faults`: runs the schedules of the job in FAULT_JOB
 * and writes its totals as JSON on its last line of stdout.
 */
import 'fake-indexeddb/auto';
import { runBatches } from './run-batches';
import type { Plant } from './run-schedule';
import { factoryFor } from './stores';

export interface Job {
  store: string;
  first: number;
  count: number;
  plant: Plant;
  databaseUrl?: string;
}

const job = JSON.parse(process.env.FAULT_JOB ?? '') as Job;
const factory = await factoryFor(job.store, job.databaseUrl);
try {
  const totals = await runBatches(factory, job.first, job.count, {
    plant: job.plant,
    batch: 50,
    onProgress: (done) => {
      if (done % 50 === 0) process.stderr.write(`  ${job.store} ${job.first}+${done}\n`);
    },
  });
  process.stdout.write(`${JSON.stringify(totals)}\n`);
} finally {
  await factory.close();
}
