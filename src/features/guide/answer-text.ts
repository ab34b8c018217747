import type { TFunction } from 'i18next';
import type { Policy } from '../../domain/policy';
import type { QueueAnswer } from '../../domain/queue-commands';
import { clockTime } from '../../domain/time';
import type { GuideMessage } from './guide-store';

/** A queue answer in words: what was done (and who is called in), or why not. */
export function queueAnswerText(
  t: TFunction,
  answer: QueueAnswer,
  policy: Policy,
  movedIn: readonly string[],
  at: number,
): GuideMessage {
  if (answer.ok) {
    const { ticket, window, calls } = answer;
    const done =
      answer.command === 'call' || answer.command === 'call-next'
        ? t('guide.answers.call', { ticket, window })
        : answer.command === 'recall'
          ? t('guide.answers.recall', { ticket, calls })
          : answer.command === 'left'
            ? t('guide.answers.left', { ticket, time: clockTime(at) })
            : t(`guide.answers.${answer.command}`, { ticket });
    const callIn = movedIn.length
      ? ` · ${t('guide.answers.calledIn', { tickets: movedIn.join(t('guide.listSeparator')) })}`
      : '';
    return { tone: 'ok', text: done + callIn };
  }
  switch (answer.reason) {
    case 'unknown-window':
      return {
        tone: 'warn',
        text: t('guide.answers.unknown-window', {
          window: answer.window,
          windows: policy.queue.windows.join(t('guide.listSeparator')),
        }),
      };
    case 'already-left':
      return {
        tone: 'warn',
        text: t('guide.answers.already-left', {
          ticket: answer.ticket,
          time: clockTime(answer.at),
        }),
      };
    case 'queue-empty':
    case 'not-admitted':
      return { tone: 'warn', text: t(`guide.answers.${answer.reason}`) };
    default:
      return { tone: 'warn', text: t(`guide.answers.${answer.reason}`, { ...answer }) };
  }
}
