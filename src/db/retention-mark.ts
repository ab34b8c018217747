/**
 * How far back the retention purge still has to look. Visits stay in the log after
 * their purge (the counts need them), so without a mark every hourly run would read
 * every visit ever recorded. Everything before the mark (ms, a local midnight) holds no
 * personal data; sync lowers it when it brings older events.
 */
import { dayKey, dayStart } from '../domain/time';
import type { CheckpointDb } from './database';

const KEY = 'retention:clean-before';

/** Where the purge starts reading: the mark, or the beginning of time. */
export async function cleanBefore(db: CheckpointDb): Promise<number> {
  return (await db.meta.get(KEY))?.value ?? Number.NEGATIVE_INFINITY;
}

/** Call inside the transaction that stores events recorded at `oldest` or later. */
export async function lowerCleanMark(db: CheckpointDb, oldest: number): Promise<void> {
  const mark = (await db.meta.get(KEY))?.value;
  if (mark !== undefined && oldest < mark) {
    await db.meta.put({ key: KEY, value: dayStart(dayKey(oldest)) });
  }
}

/** Moves the mark to `to`, unless sync lowered it since the purge read it as `was`. */
export async function raiseCleanMark(db: CheckpointDb, was: number, to: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await cleanBefore(db)) === was && to > was) await db.meta.put({ key: KEY, value: to });
  });
}
