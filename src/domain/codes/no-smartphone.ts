/**
 * Visitors without a smartphone (issue 33). Since 2020 (国务院办公厅《关于切实解决老年人运用
 * 智能技术困难的实施方案》) a venue must not make the health code on a phone the only way in:
 * a paper proof, a code staff look up by ID number (代查) or ID registration alone may
 * stand for it. The hall's policy says which it accepts and what each leads to.
 */
import type { HealthCodeChecked } from '../events';
import { NO_PHONE_METHODS, type NoPhoneMethod, type Policy } from '../policy';

/** How the health code was checked: shown on a phone (scanned or not), or an alternative. */
export type CodeMethod = 'phone' | NoPhoneMethod;

export function codeMethodOf(data: HealthCodeChecked): CodeMethod {
  return data.method === 'manual' || data.method === 'scan' ? 'phone' : data.method;
}

/** The alternatives the door offers at this hall, in the door's order. */
export function offeredAlternatives(p: Policy): NoPhoneMethod[] {
  return NO_PHONE_METHODS.filter((m) => p.noSmartphone[m].leadsTo !== 'off');
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

/** True when the visit came in on an alternative whose rule asks the guide to be told. */
export function guideTold(method: CodeMethod | null | undefined, p: Policy): boolean {
  return !!method && method !== 'phone' && p.noSmartphone[method].leadsTo === 'admit-guide-told';
}

/** The hall's wording for a refusal on this alternative; empty: the app's own. */
export function refusalWording(method: CodeMethod | null | undefined, p: Policy): string {
  return method && method !== 'phone' ? p.noSmartphone[method].wording.trim() : '';
}
