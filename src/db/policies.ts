/**
 * The policies this tablet received, each kept by version (a visit is judged by the one
 * it opened with), with when it came. Apart from sync-store.ts: boot reads them before
 * the door paints, and sync's own code loads after it (the door's budget).
 */
import { type Policy, type StoredPolicy, withDefaults } from '../domain/policy';
import type { CheckpointDb } from './database';

/** Stores the server's policy if it is new. Returns true if it was. */
export async function applyPolicy(
  db: CheckpointDb,
  policy: Policy | null,
  now: number,
): Promise<boolean> {
  if (!policy || (await db.policies.get(policy.version))) return false;
  await db.policies.put({ version: policy.version, policy, receivedAt: now });
  return true;
}

/**
 * Every policy received, newest first, with when it came (the lead's policy history); one
 * stored before later settings existed gets their defaults.
 */
export function policyHistory(db: CheckpointDb): Promise<{ policy: Policy; receivedAt: number }[]> {
  return db.policies
    .orderBy('receivedAt')
    .reverse()
    .toArray()
    .then((rows) =>
      rows.map((r) => ({
        policy: withDefaults(r.policy satisfies StoredPolicy),
        receivedAt: r.receivedAt,
      })),
    );
}

/** Every stored policy, newest first. */
export function storedPolicies(db: CheckpointDb): Promise<Policy[]> {
  return policyHistory(db).then((h) => h.map((p) => p.policy));
}
