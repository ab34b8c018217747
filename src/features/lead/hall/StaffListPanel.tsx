import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monotonicFactory } from 'ulidx';
import type { DayState } from '../../../db/queries';
import type { EventDraft } from '../../../domain/events';
import {
  foldStaff,
  overdueChecks,
  planStaffAdded,
  planStaffCleared,
  planStaffRemoved,
  type StaffChangeAnswer,
  staffReadings,
} from '../../../domain/staff-health';
import { formatReadings } from '../../../domain/temperature';
import { useServices } from '../../../services/services';
import { useCommand } from '../../../services/use-command';
import { Button } from '../../../ui/Button';
import { useNow } from '../../../ui/use-now';

const newId = monotonicFactory();

/** The hall's staff list: add, remove, and clear someone stood down after an abnormal reading. */
export function StaffListPanel({ today }: { today: DayState }) {
  const { t } = useTranslation();
  const { policy, now } = useServices();
  const time = useNow(now, 30_000);
  const run = useCommand();
  const [form, setForm] = useState({ name: '', post: '', window: '' });
  const [answer, setAnswer] = useState<string | null>(null);
  const staff = foldStaff(today.records);
  const readings = staffReadings(today.records, today.day);
  const overdue = overdueChecks(staff, today.records, policy, time);

  const act = async (
    plan: (state: DayState, at: number) => { drafts: EventDraft[]; answer: StaffChangeAnswer },
  ) => {
    const c = await run((state, at) => {
      const p = plan(state, at);
      return { drafts: p.drafts, result: p.answer };
    });
    if (!c) return false;
    setAnswer(t(`hall.lead.answers.${c.result.ok ? 'ok' : c.result.reason}`));
    return c.result.ok;
  };

  return (
    <section className="hall-panel" aria-labelledby="staff-list-title">
      <h3 id="staff-list-title">{t('hall.lead.staffList')}</h3>
      {overdue.map((o) => (
        <p key={o.slot} className="notice notice-warn">
          {t('hall.staff.overdueNames', {
            count: o.missing.length,
            slot: o.slot,
            names: o.missing.map((m) => m.name).join('、'),
          })}
        </p>
      ))}
      <ul className="staff-list">
        {staff.map((m) => (
          <li key={m.staff} className={m.offDuty ? 'staff-row staff-row-off' : 'staff-row'}>
            <strong>{m.name}</strong>
            <span>
              {[m.post, m.window ? t('guide.window', { window: m.window }) : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span>
              {formatReadings(readings.filter((r) => r.staff === m.staff).map((r) => r.celsius))}
            </span>
            <span className="staff-duty">
              {m.offDuty ? t('hall.lead.offDuty') : t('hall.lead.onDuty')}
            </span>
            {m.offDuty && (
              <Button
                tone="ok"
                onClick={() => act((s, at) => planStaffCleared(s.records, m.staff, at))}
              >
                {t('hall.lead.clear')}
              </Button>
            )}
            <Button onClick={() => act((s, at) => planStaffRemoved(s.records, m.staff, at))}>
              {t('hall.lead.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="staff-add"
        onSubmit={(e) => {
          e.preventDefault();
          void act((_, at) => planStaffAdded(form, policy, at, () => newId(at))).then(
            (ok) => ok && setForm({ name: '', post: '', window: '' }),
          );
        }}
      >
        <label className="field">
          <span>{t('hall.lead.name')}</span>
          <input
            name="staff-name"
            value={form.name}
            maxLength={60}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('hall.lead.post')}</span>
          <input
            name="staff-post"
            value={form.post}
            maxLength={60}
            onChange={(e) => setForm({ ...form, post: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('hall.lead.window')}</span>
          <input
            name="staff-window"
            inputMode="numeric"
            value={form.window}
            onChange={(e) => setForm({ ...form, window: e.target.value })}
          />
        </label>
        <Button tone="primary" type="submit">
          {t('hall.lead.add')}
        </Button>
      </form>
      {answer && (
        <p role="status" className="hint">
          {answer}
        </p>
      )}
    </section>
  );
}
