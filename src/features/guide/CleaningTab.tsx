import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayState } from '../../db/queries';
import { foldTasks, planTaskDone } from '../../domain/disinfection';
import { clockTime } from '../../domain/time';
import { useCommand } from '../../services/use-command';
import { Button } from '../../ui/Button';
import { AnswerNote } from './AnswerNote';
import { type GuideMessage, useGuideStore } from './guide-store';
import { RoundsPanel } from './hall/RoundsPanel';

/** Disinfection tasks for the cleaners: what to disinfect, ticked off with who and when. */
export function CleaningTab({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const run = useCommand();
  const cleaner = useGuideStore((s) => s.cleaner);
  const setCleaner = useGuideStore((s) => s.setCleaner);
  const [message, setMessage] = useState<GuideMessage | null>(null);
  const tasks = foldTasks(today.records).sort(
    (a, b) => Number(a.done !== null) - Number(b.done !== null) || a.requestedAt - b.requestedAt,
  );
  const causeTime = (cause: string | null) => {
    const visit = today.visits.find((v) => v.id === cause);
    return visit?.decision ? clockTime(visit.decision.at) : null;
  };

  const tick = async (task: string, spot: string) => {
    let time = 0;
    const committed = await run((state, at) => {
      time = at;
      const { drafts, answer } = planTaskDone(foldTasks(state.records), task, cleaner, at);
      return { drafts, result: answer };
    });
    if (!committed) return;
    const a = committed.result;
    setMessage(
      a.ok
        ? {
            tone: 'ok',
            text: `${spot} ${t('guide.cleaning.doneBy', { by: cleaner.trim(), time: clockTime(time) })}`,
          }
        : {
            tone: 'warn',
            text: t(`guide.cleaning.answers.${a.reason}`, {
              by: 'by' in a ? a.by : '',
              time: 'at' in a ? clockTime(a.at) : '',
            }),
          },
    );
  };

  return (
    <section className="cleaning" aria-labelledby="cleaning-title">
      <h2 id="cleaning-title">{t('guide.cleaning.title')}</h2>
      <label className="field cleaner">
        <span>{t('guide.cleaning.who')}</span>
        <input
          name="cleaner"
          value={cleaner}
          maxLength={60}
          autoComplete="off"
          onChange={(e) => setCleaner(e.target.value)}
        />
      </label>
      <AnswerNote message={message} />
      {tasks.length === 0 && <p className="hint">{t('guide.cleaning.empty')}</p>}
      <ul className="tasks">
        {tasks.map((task) => {
          const spot = t(`guide.cleaning.spots.${task.spot}`);
          const time = causeTime(task.cause);
          return (
            <li
              key={task.task}
              className={`task ${task.done ? 'task-done' : ''}`}
              aria-label={spot}
            >
              <span className="task-spot">{spot}</span>
              <span className="task-cause">
                {time ? t('guide.cleaning.cause', { time }) : clockTime(task.requestedAt)}
              </span>
              {task.done ? (
                <span className="task-by">
                  {t('guide.cleaning.doneBy', { by: task.done.by, time: clockTime(task.done.at) })}
                </span>
              ) : (
                <Button tone="ok" onClick={() => tick(task.task, spot)}>
                  {t('guide.cleaning.done')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {/* The routine rounds after the tasks a suspected case left: those come first. */}
      <RoundsPanel today={today} />
    </section>
  );
}
