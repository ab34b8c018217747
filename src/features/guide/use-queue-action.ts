import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { speaksHere } from '../../domain/board';
import { calledIn, queueState } from '../../domain/queue';
import { hallCalling, planQueueCommand, type QueueCommand } from '../../domain/queue-commands';
import { useServices } from '../../services/services';
import { callAnnouncement } from '../../services/speech/call-announcement';
import { type Announcement, speaker } from '../../services/speech/speech';
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
      // A command from a screen already gone (a ghost tap): nothing happened, nothing to say.
      if (!answer.ok && answer.reason === 'stale') return;
      store.say(queueAnswerText(t, answer, policy, movedIn, at));
      if (!answer.ok) return;
      if (store.selected === answer.visit) store.select(null);

      const items: Announcement[] = [];
      const calling = ['call', 'call-next', 'recall'].includes(answer.command);
      if (calling && answer.window !== null) {
        items.push(
          callAnnouncement(t, { kind: 'call', ticket: answer.ticket, window: answer.window }),
        );
      }
      for (const ticket of movedIn) items.push(callAnnouncement(t, { kind: 'call-in', ticket }));
      // The hall's policy says which screen speaks (a board with the loudspeaker, or this).
      if (items.length > 0 && speaksHere(policy, 'guide')) {
        void speaker
          .announce(items, { lang: settings.language, voice: settings.callVoice })
          .then(store.setVoice);
      }
    },
    [run, policy, t, settings.language, settings.callVoice],
  );
}
