/**
 * The policy's added checks in the day's records (issue 33): the ledger, its exports and
 * the daily report get one column per check in force that day, whichever policy version
 * each visit opened with. Pure: the screens format the answers in their language.
 */
import { hoursSince, wordingIn } from './check-input';
import { type Check, type CheckAnswered, checkResult } from './checks';
import type { Policy } from './policy';
import { clockTime, dayKey } from './time';
import type { Visit } from './visit';

/**
 * Every check of the policy versions the day's visits opened with, once per key, in the
 * order they first appear (a new version's checks after the older one's).
 */
export function checksOfDay(
  visits: readonly Visit[],
  policyFor: (version: string) => Policy,
): Check[] {
  const byKey = new Map<string, Check>();
  const versions = new Set(visits.map((v) => v.policyVersion));
  for (const version of versions) {
    for (const check of policyFor(version).checks) {
      if (!byKey.has(check.key)) byKey.set(check.key, check);
    }
  }
  return [...byKey.values()];
}

/** The visit's answer to a check, or null when it was not asked (another version, or not yet). */
export function answerOf(v: Visit, check: Check): CheckAnswered | null {
  return v.checks?.[check.key] ?? null;
}

/**
 * An answer as a ledger cell: yes or no in the screen's words, a sampling time with the
 * hours since it when recorded ("2026-11-26 10:01 · 47:59"), a choice by its label.
 */
export function checkAnswerText(
  check: Check,
  answered: CheckAnswered | null,
  words: { yes: string; no: string; language: string },
): string {
  if (!answered) return '';
  const { answer, at } = answered;
  switch (answer.kind) {
    case 'yes-no':
      return answer.yes ? words.yes : words.no;
    case 'time-since':
      return `${dayKey(answer.sampledAt)} ${clockTime(answer.sampledAt)} · ${hoursSince(answer.sampledAt, at)}`;
    case 'choice': {
      const option =
        check.kind === 'choice' ? check.options.find((o) => o.key === answer.option) : null;
      return option ? wordingIn(option.label, words.language) : answer.option;
    }
  }
}

export interface CheckTally {
  check: Check;
  answered: number;
  refused: number;
}

/** Per check: how many visitors answered it, and how many it refused (the daily report). */
export function checkTallies(visits: readonly Visit[], checks: readonly Check[]): CheckTally[] {
  return checks.map((check) => {
    const results = visits.flatMap((v) => {
      const answered = answerOf(v, check);
      return answered ? [checkResult(check, answered)] : [];
    });
    return {
      check,
      answered: results.length,
      refused: results.filter((r) => r === 'refused').length,
    };
  });
}
