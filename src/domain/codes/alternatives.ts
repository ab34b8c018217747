/**
 * What the screens show of the no-smartphone alternatives (issue 33): which the door
 * offers, whether the guide is told, the hall's wording for a refusal. Apart from the
 * rule the verdict needs (no-smartphone.ts), which is on the door's first paint: these
 * load with the screens that show them.
 */
import { NO_PHONE_METHODS, type NoPhoneMethod, type Policy } from '../policy';
import type { CodeMethod } from './no-smartphone';

/** The alternatives the door offers at this hall, in the door's order. */
export function offeredAlternatives(p: Policy): NoPhoneMethod[] {
  return NO_PHONE_METHODS.filter((m) => p.noSmartphone[m].leadsTo !== 'off');
}

/** True when the visit came in on an alternative whose rule asks the guide to be told. */
export function guideTold(method: CodeMethod | null | undefined, p: Policy): boolean {
  return !!method && method !== 'phone' && p.noSmartphone[method].leadsTo === 'admit-guide-told';
}

/** The hall's wording for a refusal on this alternative; empty: the app's own. */
export function refusalWording(method: CodeMethod | null | undefined, p: Policy): string {
  return method && method !== 'phone' ? p.noSmartphone[method].wording.trim() : '';
}
