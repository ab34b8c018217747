import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { visitsOfDay } from '../../db/queries';
import { maskIdNumber, maskName, maskPhone } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import type { Visit } from '../../domain/visit';
import { useServices } from '../../services/services';
import { countByStatus } from './log-summary';
import './log.css';
import { formatReadings } from '../../domain/temperature';

const STATUSES = ['all', 'admitted', 'refused', 'isolated', 'abandoned', 'open'] as const;

/** Today's visits, newest first, personal data masked, with counts per outcome. */
export function LogScreen() {
  const { t } = useTranslation();
  const { db, clock } = useServices();
  const day = clock.today();
  const visits = useLiveQuery(() => visitsOfDay(db, day), [db, day]);
  if (!visits) return null;
  const counts = countByStatus(visits);

  return (
    <section className="log" aria-labelledby="log-title">
      <h2 id="log-title">
        {t('log.title')} · {day}
      </h2>
      <ul className="counts">
        {STATUSES.map((s) => (
          <li key={s} className={`count count-${s}`}>
            <span className="count-n" data-testid={`count-${s}`}>
              {counts[s]}
            </span>
            <span>{t(`log.counts.${s}`)}</span>
          </li>
        ))}
      </ul>
      {visits.length === 0 ? (
        <p className="hint">{t('log.empty')}</p>
      ) : (
        <table className="log-table">
          <thead>
            <tr>
              {(
                ['time', 'ticket', 'name', 'phone', 'idNumber', 'temps', 'outcome', 'exit'] as const
              ).map((c) => (
                <th key={c} scope="col">
                  {t(`log.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <LogRow key={v.id} visit={v} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LogRow({ visit: v }: { visit: Visit }) {
  const { t } = useTranslation();
  const person = v.identity ?? (v.appointment?.kind === 'booked' ? v.appointment.booking : null);
  const outcome = v.decision?.outcome;
  const detail =
    outcome?.kind === 'refused'
      ? t(`log.reasons.${outcome.reason}`)
      : v.abandoned
        ? t(`door.outcome.abandonReasons.${v.abandoned.reason}`)
        : '';
  return (
    <tr className={`row-${v.status}`}>
      <td>{clockTime(v.openedAt)}</td>
      <td className="ticket-cell">{outcome?.kind === 'admitted' ? outcome.ticket : ''}</td>
      <td>{person ? maskName(person.name) : '—'}</td>
      <td>{person ? maskPhone(person.phone) : '—'}</td>
      <td>{person ? maskIdNumber(person.idNumber) : '—'}</td>
      <td>{formatReadings(v.readings.map((r) => r.celsius))}</td>
      <td>
        <span className={`status status-${v.status}`}>{t(`log.status.${v.status}`)}</span> {detail}
      </td>
      <td>
        {v.exited &&
          (v.exited.automatic
            ? t('log.automaticExit', { time: clockTime(v.exited.at) })
            : clockTime(v.exited.at))}
      </td>
    </tr>
  );
}
