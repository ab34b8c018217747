import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayState } from '../../../db/queries';
import { foldRounds, planRoundTick } from '../../../domain/rounds';
import { clockTime } from '../../../domain/time';
import { taskLabel } from '../../../services/hall-labels';
import { useServices } from '../../../services/services';
import { useCommand } from '../../../services/use-command';
import { Button } from '../../../ui/Button';
import { useNow } from '../../../ui/use-now';
import { AnswerNote } from '../AnswerNote';
import { type GuideMessage, useGuideStore } from '../guide-store';
import './hall.css';

/**
 * The routine rounds of the day (after the morning and the afternoon session): each task
 * ticked with the cleaner's name (typed once above, shared with the incident tasks).
 */
export function RoundsPanel({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy, now } = useServices();
  const time = useNow(now, 30_000);
  const run = useCommand();
  const cleaner = useGuideStore((s) => s.cleaner);
  const [message, setMessage] = useState<GuideMessage | null>(null);
  const rounds = foldRounds(today.records, policy, today.day, time);
  if (rounds.length === 0) return null;

  const tick = async (round: string, task: string) => {
    const committed = await run((state, at) => {
      const { drafts, answer } = planRoundTick(
        foldRounds(state.records, policy, state.day, at),
        { time: round, task, by: cleaner },
        at,
      );
      return { drafts, result: answer };
    });
    if (!committed) return;
    const a = committed.result;
    setMessage(
      a.ok
        ? { tone: 'ok', text: t('hall.rounds.answers.ok', { task: taskLabel(t, task) }) }
        : {
            tone: 'warn',
            text: t(`hall.rounds.answers.${a.reason}`, {
              by: 'by' in a ? a.by : '',
              time: 'at' in a ? clockTime(a.at) : '',
            }),
          },
    );
  };

  return (
    <section className="rounds" aria-labelledby="rounds-title">
      <h3 id="rounds-title">{t('hall.rounds.title')}</h3>
      <AnswerNote message={message} />
      {rounds.map((round) => (
        <div
          key={round.time}
          className={`round round-${round.state}`}
          data-testid={`round-${round.time}`}
        >
          <h4>
            {t('hall.rounds.round', { time: round.time })} ·{' '}
            <span className="round-state">{t(`hall.rounds.state.${round.state}`)}</span>
          </h4>
          <ul className="round-tasks">
            {round.tasks.map((task) => {
              const label = taskLabel(t, task.task);
              return (
                <li key={task.task} aria-label={label}>
                  {task.done ? (
                    <span className="round-task round-task-done">
                      ✓ {label} · {task.done.by} {clockTime(task.done.at)}
                    </span>
                  ) : (
                    <Button bare className="round-task" onClick={() => tick(round.time, task.task)}>
                      {label}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
