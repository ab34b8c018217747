import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { speaksHere } from '../../domain/board';
import { calledIn, queueState } from '../../domain/queue';
import { hallCalling, planQueueCommand, type QueueCommand } from '../../domain/queue-commands';
import { useServices } from '../../services/services';
import { speaker } from '../../services/speech/speech';
import { useCommand } from '../../services/use-command';
import { queueAnswerText } from './answer-text';
import { useGuideStore } from './guide-store';

/**
 * One queue action: checked and recorded in one transaction, answered in words, and for
 * a call announced by voice, with whoever the freed place calls in from outside.
 */
export function useQueueAction() {
  const { t } = useTranslation();
  const { policy, settings } = useServices();
  const run = useCommand();

  return useCallback(
    async (command: QueueCommand) => {
      let at = 0;
      const committed = await run((state, now) => {
        at = now;
        const { drafts, answer } = planQueueCommand(
          state.visits,
          policy,
          command,
          now,
          hallCalling(state.records),
        );
        return { drafts, result: answer };
      });
      if (!committed) return;
      const answer = committed.result;
      const movedIn = calledIn(
        queueState(committed.before.visits, policy),
        queueState(committed.after.visits, policy),
      ).map((w) => w.ticket);
      const store = useGuideStore.getState();
      store.say(queueAnswerText(t, answer, policy, movedIn, at));
      if (!answer.ok) return;
      if (store.selected === answer.visit) store.select(null);

      const texts: string[] = [];
      const calling = ['call', 'call-next', 'recall'].includes(answer.command);
      if (calling && answer.window !== null) {
        texts.push(t('guide.voice.call', { ticket: answer.ticket, window: answer.window }));
      }
      for (const ticket of movedIn) texts.push(t('guide.voice.callIn', { ticket }));
      // The hall's policy says which screen speaks (a board with the loudspeaker, or this).
      if (texts.length > 0 && speaksHere(policy, 'guide')) {
        void speaker.announce(texts, settings.language).then(store.setVoice);
      }
    },
    [run, policy, t, settings.language],
  );
}
