import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulidx';
import type { DayState } from '../../../db/queries';
import {
  checkSlot,
  foldStaff,
  overdueChecks,
  planStaffReading,
  type StaffReadingInput,
  staffToday,
} from '../../../domain/staff-health';
import { commonReadings, formatCelsius } from '../../../domain/temperature';
import { useServices } from '../../../services/services';
import { useCommand } from '../../../services/use-command';
import { Button } from '../../../ui/Button';
import { useNow } from '../../../ui/use-now';
import { AnswerNote } from '../AnswerNote';
import type { GuideMessage } from '../guide-store';
import { OverdueChecks } from './OverdueChecks';
import { slotLabel } from './slot-label';
import './hall.css';

const newId = monotonicFactory();

/** Readings above the re-check line offered with one touch, as many as the normal ones' row. */
function raisedReadings(recheckAtC: number): number[] {
  const first = Math.round(recheckAtC * 10);
  return Array.from({ length: 8 }, (_, i) => (first + i) / 10);
}

/**
 * Staff temperatures, in at most three touches: the person, then the reading (a common
 * one, or a raised one for the re-check). An abnormal re-check stands the person down
 * and alerts the lead on every screen, in the same transaction.
 */
export function StaffTab({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy, now } = useServices();
  const time = useNow(now, 30_000);
  const run = useCommand();
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<GuideMessage | null>(null);
  const staff = foldStaff(today.records);
  const rows = staffToday(staff, today.records, policy, time);
  const slot = checkSlot(policy, time);
  const person = rows.find((r) => r.member.staff === chosen);

  const record = async (input: StaffReadingInput) => {
    const committed = await run((state, at) => {
      const { drafts, answer } = planStaffReading(state.records, input, policy, at, () =>
        newId(at),
      );
      return { drafts, result: answer };
    });
    if (!committed) return;
    const a = committed.result;
    if (a.ok) {
      const vars = { name: a.name, celsius: formatCelsius(a.celsius) };
      setMessage({
        tone: a.verdict === 'normal' ? 'ok' : 'warn',
        text: t(`hall.staff.answers.${a.verdict}`, vars),
      });
      setChosen(null);
      setTyped('');
    } else {
      setMessage({ tone: 'warn', text: t(`hall.staff.answers.${a.reason}`) });
    }
  };

  return (
    <section className="staff-tab" aria-labelledby="staff-title">
      <h2 id="staff-title">
        {t('hall.staff.title', { slot: `${slot} ${slotLabel(t, policy, slot)}` })}
      </h2>
      <OverdueChecks overdue={overdueChecks(staff, today.records, policy, time)} names />
      <AnswerNote message={message} />
      {rows.length === 0 && <p className="hint">{t('hall.staff.none')}</p>}
      {!person && rows.length > 0 && <p className="hint">{t('hall.staff.pick')}</p>}
      {!person && (
        <ul className="staff-grid">
          {rows.map(({ member, status, readings }) => (
            <li key={member.staff}>
              <Button
                bare
                className={`staff-card staff-${status}`}
                onClick={() => setChosen(member.staff)}
              >
                <strong>{member.name}</strong>
                <span>{member.post ?? ''}</span>
                <span className="staff-status">
                  {t(`hall.staff.status.${status}`)}
                  {readings.length > 0 &&
                    ` · ${readings.map((r) => formatCelsius(r.celsius)).join(' → ')}`}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {person && (
        <div className="staff-reading">
          <h3>{t('hall.staff.readings', { name: person.member.name })}</h3>
          <div className="staff-presets">
            {[...commonReadings(policy), ...raisedReadings(policy.temperature.recheckAtC)].map(
              (c) => (
                <Button
                  key={c}
                  bare
                  className={
                    c >= policy.temperature.recheckAtC ? 'reading reading-raised' : 'reading'
                  }
                  onClick={() =>
                    void record({ staff: person.member.staff, celsius: c, source: 'preset' })
                  }
                >
                  {formatCelsius(c)}
                </Button>
              ),
            )}
          </div>
          <div className="staff-keypad">
            <label className="field">
              <span>{t('hall.staff.keypad')}</span>
              <input
                name="staff-reading"
                inputMode="decimal"
                value={typed}
                autoComplete="off"
                onChange={(e) => setTyped(e.target.value)}
              />
            </label>
            <Button
              tone="primary"
              onClick={() => record({ staff: person.member.staff, typed, source: 'keypad' })}
            >
              {t('hall.staff.record')}
            </Button>
            <Button onClick={() => setChosen(null)}>{t('hall.staff.cancel')}</Button>
          </div>
        </div>
      )}
    </section>
  );
}
