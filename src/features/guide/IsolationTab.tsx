import { Check } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayState } from '../../db/queries';
import { type DisinfectionTask, foldTasks } from '../../domain/disinfection';
import {
  ISOLATION_STEPS,
  type IsolationCase,
  type IsolationStep,
  isolationArea,
  nextIsolationStep,
  planIsolationStep,
  stepTime,
} from '../../domain/isolation';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { useCommand } from '../../services/use-command';
import { Button } from '../../ui/Button';
import { AnswerNote } from './AnswerNote';
import type { GuideMessage } from './guide-store';
import { IsolationIdentity } from './IsolationIdentity';
import { maskedVisitorName } from './visitor-name';

/** Suspected cases of the day: the checklist with a time per step, and the area's places. */
export function IsolationTab({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const run = useCommand();
  const [message, setMessage] = useState<GuideMessage | null>(null);
  const area = isolationArea(today.visits, policy);
  const tasks = foldTasks(today.records);

  const record = async (visit: string, step: IsolationStep, hospital = '') => {
    const committed = await run((state, at) => {
      const { drafts, answer } = planIsolationStep(state.visits, policy, visit, step, hospital, at);
      return { drafts, result: answer };
    });
    if (!committed) return false;
    const a = committed.result;
    if (a.ok) {
      setMessage(
        a.overCapacity
          ? { tone: 'warn', text: t('guide.isolation.overCapacity') }
          : { tone: 'ok', text: t(`guide.isolation.steps.${a.step}`) },
      );
      return true;
    }
    const time = 'at' in a ? clockTime(a.at) : '';
    const earlier = 'missing' in a ? t(`guide.isolation.steps.${a.missing}`) : '';
    setMessage({
      tone: 'warn',
      text: t(`guide.isolation.answers.${a.reason}`, { time, step: earlier }),
    });
    return false;
  };

  return (
    <section className="isolation" aria-labelledby="isolation-title">
      <header className={`isolation-head ${area.full ? 'isolation-full' : ''}`}>
        <h2 id="isolation-title" data-testid="isolation-occupancy">
          {t('guide.isolation.title', { inArea: area.inArea, places: area.places })}
        </h2>
        {area.full && <p>{t('guide.isolation.full')}</p>}
      </header>
      <AnswerNote message={message} />
      {area.cases.length === 0 && <p className="hint">{t('guide.isolation.empty')}</p>}
      <div className="cases">
        {area.cases.map((c) => (
          <CaseCard
            key={c.visit.id}
            isolation={c}
            tasks={tasks.filter((task) => task.cause === c.visit.id)}
            onStep={record}
          />
        ))}
      </div>
    </section>
  );
}

function CaseCard({
  isolation: c,
  tasks,
  onStep,
}: {
  isolation: IsolationCase;
  tasks: readonly DisinfectionTask[];
  onStep: (visit: string, step: IsolationStep, hospital?: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [hospital, setHospital] = useState('');
  const v = c.visit;
  const name = maskedVisitorName(v) ?? t('guide.isolation.unknownVisitor');
  const readings = formatReadings(
    v.readings.map((r) => r.celsius),
    true,
  );
  // In order: only the next step can be recorded; the ones after it wait (domain/isolation).
  const next = nextIsolationStep(v.isolation);
  const disinfected =
    tasks.length > 0 && tasks.every((task) => task.done)
      ? Math.max(...tasks.map((task) => task.done?.at ?? 0))
      : null;

  return (
    <article
      className={`case ${v.isolation.handedOver ? 'case-done' : ''}`}
      aria-label={name}
      data-testid="isolation-case"
    >
      <header>
        <h3>{name}</h3>
        <p>
          {t('guide.isolation.decided', { time: clockTime(c.decidedAt) })} ·{' '}
          {t('guide.isolation.temperatures', { readings })}
        </p>
        {c.inArea && <span className="tag tag-danger">{t('guide.isolation.inArea')}</span>}
      </header>
      <IsolationIdentity visit={v} />
      <ol className="checklist">
        {ISOLATION_STEPS.map((step) => {
          const at = stepTime(v.isolation, step);
          const label = t(`guide.isolation.steps.${step}`);
          return (
            <li key={step} className={at === null ? '' : 'step-done'}>
              {at !== null ? (
                <>
                  <span className="checklist-label">
                    <Check aria-hidden /> {label}
                  </span>
                  <span className="checklist-time">
                    {step === 'handed-over' && v.isolation.handedOver
                      ? t('guide.isolation.handedOverTo', {
                          time: clockTime(at),
                          hospital: v.isolation.handedOver.hospital,
                        })
                      : clockTime(at)}
                  </span>
                </>
              ) : step !== next ? (
                <span className="checklist-label checklist-waiting">
                  {label} · {t('guide.isolation.waitsFor')}
                </span>
              ) : step === 'handed-over' ? (
                <span className="hand-over">
                  <span className="checklist-label">{label}</span>
                  <input
                    aria-label={t('guide.isolation.hospital')}
                    placeholder={t('guide.isolation.hospitalPlaceholder')}
                    value={hospital}
                    maxLength={100}
                    onChange={(e) => setHospital(e.target.value)}
                  />
                  <Button tone="primary" onClick={() => onStep(v.id, step, hospital)}>
                    {t('guide.isolation.handOver')}
                  </Button>
                </span>
              ) : (
                <Button tone="primary" onClick={() => onStep(v.id, step)}>
                  {label}
                </Button>
              )}
            </li>
          );
        })}
        <li className={disinfected === null ? '' : 'step-done'} data-testid="isolation-disinfected">
          {disinfected !== null ? (
            <>
              <span className="checklist-label">
                <Check aria-hidden /> {t('guide.isolation.disinfection')}
              </span>
              <span className="checklist-time">{clockTime(disinfected)}</span>
            </>
          ) : (
            <span className="checklist-label checklist-waiting">
              {t('guide.isolation.disinfectionWaits')}
            </span>
          )}
        </li>
      </ol>
      {tasks.length > 0 && (
        <p className="case-tasks">
          {t('guide.isolation.tasks', {
            tasks: tasks
              .map(
                (task) =>
                  `${t(`guide.cleaning.spots.${task.spot}`)} ${task.done ? '✓' : t('guide.cleaning.pending')}`,
              )
              .join(' · '),
          })}
        </p>
      )}
    </article>
  );
}
