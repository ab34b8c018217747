/**
 * Checks as data (issue 33): the checks a county or hall adds to the six musts without a
 * release ("已扫场所码", "核酸阴性，采样时间在 48 小时内", vaccination status). Each is
 * policy data: its labels, its kind, which answers refuse and with which words, and the
 * must it follows at the door. The same description is checked by the policy schema
 * (src/protocol/policy-schema.ts) on the tablet and on the server.
 */

/** The musts a check may follow (its place at the door; the schema lists them). */
export type CheckPlace =
  | 'appointment'
  | 'mask'
  | 'hands'
  | 'temperature'
  | 'identity'
  | 'health-code'
  | 'travel-code';

/** A text in both of the app's languages. */
export interface Wording {
  'zh-CN': string;
  en: string;
}

export type CheckKind =
  /** Staff confirm with yes or no; "no" refuses. */
  | { kind: 'yes-no' }
  /**
   * Staff enter a date and time read off the visitor's phone or paper (a PCR sample);
   * older than `maxHours` by the door's checked clock refuses.
   */
  | { kind: 'time-since'; maxHours: number }
  /** Staff pick one option; the options listed in `refuses` refuse. */
  | {
      kind: 'choice';
      options: readonly { key: string; label: Wording }[];
      refuses: readonly string[];
    };

export type Check = {
  key: string;
  label: Wording;
  help: Wording;
  /** What the door says to a visitor this check refuses. */
  refusal: Wording;
  after: CheckPlace;
} & CheckKind;

export type CheckAnswer =
  | { kind: 'yes-no'; yes: boolean }
  /** `sampledAt`: ms since epoch, as staff read it. */
  | { kind: 'time-since'; sampledAt: number }
  | { kind: 'choice'; option: string };

/** An answer as a visit holds it: `at` is the checked time it was recorded (clock.ts). */
export interface CheckAnswered {
  answer: CheckAnswer;
  at: number;
}

const HOUR = 3_600_000;

/**
 * A sampling time this far ahead of the checked clock is a typing error, not a result: a
 * minute of leeway for a phone showing the time a little ahead of the tablet.
 */
export const FUTURE_LEEWAY_MS = 60_000;

export type CheckResult = 'pass' | 'refused' | 'implausible';

/**
 * What one answer means under its check. `at`: the checked time the answer was recorded;
 * a time since is counted from there, never from the device clock. An answer of another
 * kind than the check (the policy changed the check's kind under the same key) refuses
 * nothing and passes nothing: it is asked again.
 */
export function checkResult(check: Check, answered: CheckAnswered): CheckResult {
  const { answer, at } = answered;
  if (answer.kind !== check.kind) return 'implausible';
  switch (check.kind) {
    case 'yes-no':
      return answer.kind === 'yes-no' && answer.yes ? 'pass' : 'refused';
    case 'time-since': {
      if (answer.kind !== 'time-since') return 'implausible';
      const ageMs = at - answer.sampledAt;
      if (ageMs < -FUTURE_LEEWAY_MS) return 'implausible';
      return ageMs <= check.maxHours * HOUR ? 'pass' : 'refused';
    }
    case 'choice':
      if (answer.kind !== 'choice' || !check.options.some((o) => o.key === answer.option)) {
        return 'implausible';
      }
      return check.refuses.includes(answer.option) ? 'refused' : 'pass';
  }
}

/** The checks that follow `place` at the door, in policy order. */
export function checksAfter(checks: readonly Check[], place: CheckPlace): readonly Check[] {
  return checks.filter((c) => c.after === place);
}
