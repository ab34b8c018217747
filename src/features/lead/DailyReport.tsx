import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { visitsOfDay } from '../../db/queries';
import { summariseDay } from '../../domain/day-summary';
import { HourChart } from './HourChart';

/** The printable daily report (A4): counts per outcome, masks, temperatures, the hours. */
export function DailyReport({ day }: { day: string }) {
  const { t } = useTranslation();
  const { db, policy, settings } = useServices();
  const visits = useLiveQuery(() => visitsOfDay(db, day), [db, day]);
  if (!visits) return null;
  const s = summariseDay(visits, policy);
  const rows = [
    ['visits', s.visits],
    ['admitted', s.byStatus.admitted],
    ['refused', s.byStatus.refused],
    ['isolated', s.isolations],
    ['abandoned', s.byStatus.abandoned],
    ['open', s.byStatus.open],
    ['masksGiven', s.masksGiven],
    ['abnormal', s.abnormalTemperatures],
  ] as const;
  return (
    <article className="report">
      <header>
        <div>
          <h2>{t('lead.report.title', { day })}</h2>
          {(settings.hallName || settings.siteName) && (
            <p className="hint">{settings.hallName || settings.siteName}</p>
          )}
        </div>
        <button
          type="button"
          className="btn btn-primary btn-large no-print"
          onClick={() => window.print()}
        >
          {t('lead.report.print')}
        </button>
      </header>
      <table className="report-table">
        <tbody>
          {rows.map(([key, n]) => (
            <tr key={key}>
              <th scope="row">{t(`lead.summary.${key}`)}</th>
              <td data-testid={`report-${key}`}>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('lead.report.chart')}</h3>
      <HourChart hours={s.hours} />
      <p className="legend">
        <span className="swatch bar-admitted" /> {t('log.counts.admitted')}{' '}
        <span className="swatch bar-refused" /> {t('log.counts.refused')}{' '}
        <span className="swatch bar-isolated" /> {t('log.counts.isolated')}{' '}
        <span className="swatch bar-other" /> {t('lead.report.other')}
      </p>
      <p className="hint">{t('lead.report.policy', { version: policy.version })}</p>
    </article>
  );
}
