/**
 * The policy each hall's tablets get (issue 33): the county's, which every hall inherits,
 * tightened by the hall's own (src/domain/county-policy.ts). The admin API and the CLI
 * set both through here, so the same refusals hold for both.
 */
import {
  hallPolicyProblems,
  inherit,
  inheritedVersion,
  MAX_VERSION_LENGTH,
} from '../../../src/domain/county-policy';
import { type Policy, withDefaults } from '../../../src/domain/policy';
import type { Store } from '../store/store';

/** A policy as stored, completed with the settings added since it was written. */
const completed = (p: Policy | null) => (p ? withDefaults(p) : null);

/** What the hall's tablets run: the county's policy with the hall's tightening, or the hall's. */
export async function policyInForce(store: Store, site: string): Promise<Policy | null> {
  const [county, hall] = await Promise.all([store.countyPolicy(), store.policy(site)]);
  const c = completed(county);
  const h = completed(hall);
  return c ? inherit(c, h) : h;
}

/** Stores the hall's own policy unless it loosens the county's; returns why not, or []. */
export async function setHallPolicy(
  store: Store,
  site: string,
  policy: Policy,
  now: number,
): Promise<string[]> {
  const problems = hallPolicyProblems(completed(await store.countyPolicy()), policy);
  if (problems.length === 0) await store.setPolicy(site, policy, now);
  return problems;
}

/**
 * Stores the county's policy unless a hall's version with it would not fit an event.
 * A hall policy looser than the new county's is not refused: the hall then runs the
 * county's rule where it is stricter (inherit).
 */
export async function setCountyPolicy(
  store: Store,
  policy: Policy,
  now: number,
): Promise<string[]> {
  const problems: string[] = [];
  for (const site of await store.siteIds()) {
    const version = inheritedVersion(policy, await store.policy(site));
    if (version.length > MAX_VERSION_LENGTH) {
      problems.push(`hall ${site}: version ${version} exceeds ${MAX_VERSION_LENGTH} characters`);
    }
  }
  if (problems.length === 0) await store.setCountyPolicy(policy, now);
  return problems;
}
