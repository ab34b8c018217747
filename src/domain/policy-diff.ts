/**
 * What changed from one policy version to the next (issue 33), for the lead on the tablet:
 * each setting whose value differs, by its path ("temperature.recheckAtC"), and the added
 * checks by key (added, removed, changed), since a check is one rule, not a list entry.
 */
import type { Policy } from './policy';

export type PolicyChange =
  | { kind: 'setting'; path: string; before: string; after: string }
  | { kind: 'check-added' | 'check-removed' | 'check-changed'; key: string };

/** Leaves of a JSON value by dotted path; a list of plain values is one leaf. */
function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(
    path,
    Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : String(value),
  );
}

export function policyDiff(before: Policy, after: Policy): PolicyChange[] {
  const { checks: beforeChecks, version: _v1, ...beforeRest } = before;
  const { checks: afterChecks, version: _v2, ...afterRest } = after;
  const [b, a] = [new Map<string, string>(), new Map<string, string>()];
  leaves(beforeRest, '', b);
  leaves(afterRest, '', a);
  const changes: PolicyChange[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const [was, is] = [b.get(path) ?? '', a.get(path) ?? ''];
    if (was !== is) changes.push({ kind: 'setting', path, before: was, after: is });
  }
  for (const check of afterChecks) {
    const old = beforeChecks.find((c) => c.key === check.key);
    if (!old) changes.push({ kind: 'check-added', key: check.key });
    else if (JSON.stringify(old) !== JSON.stringify(check)) {
      changes.push({ kind: 'check-changed', key: check.key });
    }
  }
  for (const check of beforeChecks) {
    if (!afterChecks.some((c) => c.key === check.key)) {
      changes.push({ kind: 'check-removed', key: check.key });
    }
  }
  return changes;
}
