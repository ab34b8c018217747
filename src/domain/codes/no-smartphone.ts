/**
 * Visitors without a smartphone (issue 33). Since 2020 (国务院办公厅《关于切实解决老年人运用
 * 智能技术困难的实施方案》) a venue must not make the health code on a phone the only way in:
 * a paper proof, a code staff look up by ID number (代查) or ID registration alone may
 * stand for it. The hall's policy says which it accepts and what each leads to.
 */
import type { HealthCodeChecked } from '../events';
import type { NoPhoneMethod, Policy } from '../policy';

/** How the health code was checked: shown on a phone (scanned or not), or an alternative. */
export type CodeMethod = 'phone' | NoPhoneMethod;

export function codeMethodOf(data: HealthCodeChecked): CodeMethod {
  return data.method === 'manual' || data.method === 'scan' ? 'phone' : data.method;
}

/**
 * What an alternative means for the health-code must: refused (the hall refuses it, or
 * does not offer it: a visit recorded under an older policy or on another tablet never
 * admits on an alternative this hall turned off), passed (ID registration has no colour
 * to check), or the colour confirmed decides as for a phone.
 */
export function alternativeGate(method: NoPhoneMethod, p: Policy): 'refused' | 'pass' | 'colour' {
  const rule = p.noSmartphone[method].leadsTo;
  if (rule === 'off' || rule === 'refuse') return 'refused';
  return method === 'id-registration' ? 'pass' : 'colour';
}
