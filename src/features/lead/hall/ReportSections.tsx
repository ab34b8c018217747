import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dayRecords } from '../../../db/queries';
import { closuresBetween, foldClosure } from '../../../domain/closure';
import type { RecordEvent } from '../../../domain/events';
import { foldRounds } from '../../../domain/rounds';
import { foldStaff, staffReadings } from '../../../domain/staff-health';
import { stockOfDay } from '../../../domain/supplies';
import { formatReadings, temperatureBand } from '../../../domain/temperature';
import { clockTime, dayStart, nextDay } from '../../../domain/time';
import { itemLabel } from '../../../services/hall-labels';
import { useServices } from '../../../services/services';
import { useSupplyEvents } from '../../../services/use-stock';

/** The daily report's sections for the rest of the hall's plan (one line in DailyReport). */
export function HallReportSections({ day }: { day: string }) {
  const { db } = useServices();
  const records = useLiveQuery(() => dayRecords(db, day), [db, day]);
  if (!records) return null;
  return (
    <>
      <StaffHealthSection day={day} records={records} />
      <RoundsSection day={day} records={records} />
      <SuppliesSection day={day} />
      <ClosureSection day={day} records={records} />
    </>
  );
}

function StaffHealthSection({ day, records }: { day: string; records: RecordEvent[] }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const readings = staffReadings(records, day);
  const names = new Map<string, string>();
  for (const e of records) if (e.type === 'staff.measured') names.set(e.data.staff, e.data.name);
  for (const m of foldStaff(records)) names.set(m.staff, m.name);
  const people = [...new Set(readings.map((r) => r.staff))];
  return (
    <section className="report-section" data-testid="report-staff">
      <h3>{t('hall.report.staff')}</h3>
      {people.length === 0 ? (
        <p className="hint">{t('hall.report.staffNone')}</p>
      ) : (
        <table className="report-table">
          <tbody>
            {people.map((staff) => {
              const mine = readings.filter((r) => r.staff === staff);
              const abnormal = records.some(
                (e) =>
                  e.type === 'staff.stood-down' &&
                  e.data.staff === staff &&
                  e.at >= dayStart(day) &&
                  e.at < dayStart(nextDay(day)),
              );
              return (
                <tr key={staff}>
                  <th scope="row">{names.get(staff) || '—'}</th>
                  <td>
                    {policy.staff.checks
                      .map((slot) => {
                        const c = mine.filter((r) => r.slot === slot).map((r) => r.celsius);
                        return `${slot} ${c.length ? formatReadings(c) : '—'}`;
                      })
                      .join('　')}
                  </td>
                  <td>
                    {abnormal || mine.some((r) => temperatureBand(r.celsius, policy) === 'fever')
                      ? t('hall.report.staffAbnormal')
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RoundsSection({ day, records }: { day: string; records: RecordEvent[] }) {
  const { t } = useTranslation();
  const { policy, now } = useServices();
  const rounds = foldRounds(records, policy, day, now());
  return (
    <section className="report-section" data-testid="report-rounds">
      <h3>{t('hall.report.rounds')}</h3>
      <ul>
        {rounds.map((r) => {
          const last = Math.max(...r.tasks.map((x) => x.done?.at ?? 0));
          return (
            <li key={r.time}>
              {t('hall.rounds.round', { time: r.time })}:{' '}
              {r.state === 'done'
                ? t('hall.report.roundDone', { time: clockTime(last) })
                : r.state === 'overdue'
                  ? t('hall.report.roundMissed', { left: r.tasks.filter((x) => !x.done).length })
                  : t(`hall.rounds.state.${r.state}`)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SuppliesSection({ day }: { day: string }) {
  const { t } = useTranslation();
  const { policy } = useServices();
  const events = useSupplyEvents();
  if (!events) return null;
  const rows = stockOfDay(events, policy, day);
  return (
    <section className="report-section" data-testid="report-supplies">
      <h3>{t('hall.report.supplies')}</h3>
      <table className="report-table">
        <thead>
          <tr>
            <th />
            <th>{t('hall.report.opening')}</th>
            <th>{t('hall.report.received')}</th>
            <th>{t('hall.report.issued')}</th>
            <th>{t('hall.report.corrected')}</th>
            <th>{t('hall.report.closing')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.item}>
              <th scope="row">{itemLabel(t, r.item)}</th>
              <td>{r.opening}</td>
              <td>{r.received}</td>
              <td>{r.issued}</td>
              <td>{r.corrected}</td>
              <td>{r.closing}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ClosureSection({ day, records }: { day: string; records: RecordEvent[] }) {
  const { t } = useTranslation();
  const closures = closuresBetween(foldClosure(records), dayStart(day), dayStart(nextDay(day)));
  return (
    <section className="report-section" data-testid="report-closure">
      <h3>{t('hall.report.closure')}</h3>
      {closures.length === 0 ? (
        <p className="hint">{t('hall.report.closureNone')}</p>
      ) : (
        <ul>
          {closures.map((c) => (
            <li key={c.closure}>
              {t('hall.report.closureLine', {
                from: clockTime(c.since),
                to: c.reopenedAt ? clockTime(c.reopenedAt) : t('hall.report.stillSuspended'),
                reason: t(`hall.closure.reasons.${c.reason}`),
                count: c.turnedAway,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
