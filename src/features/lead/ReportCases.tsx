import { useTranslation } from 'react-i18next';
import type { CaseAction, ReportCase } from '../../domain/report';
import { formatReadings } from '../../domain/temperature';
import { clockTime } from '../../domain/time';
import { useReasonText } from './use-reason-text';

/** The daily report's list of the day's cases: when, who, readings, what was done. */
export function ReportCases({ cases }: { cases: readonly ReportCase[] }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const action = (a: CaseAction) => {
    const label =
      a.kind === 'isolation'
        ? t(`guide.isolation.steps.${a.step}`) + (a.hospital ? ` (${a.hospital})` : '')
        : a.kind === 'disinfected'
          ? t('guide.isolation.disinfection')
          : t(`guide.incidents.steps.${a.step}`);
    return `${clockTime(a.at)} ${label}`;
  };
  return (
    <section className="report-cases" aria-labelledby="report-cases-title">
      <h3 id="report-cases-title">{t('lead.report.cases.title', { count: cases.length })}</h3>
      {cases.length === 0 ? (
        <p className="hint">{t('lead.report.cases.none')}</p>
      ) : (
        <table className="report-table report-cases-table" data-testid="report-cases">
          <thead>
            <tr>
              <th scope="col">{t('lead.report.cases.time')}</th>
              <th scope="col">{t('lead.report.cases.kind')}</th>
              <th scope="col">{t('lead.report.cases.who')}</th>
              <th scope="col">{t('lead.report.cases.temperatures')}</th>
              <th scope="col">{t('lead.report.cases.done')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={`${c.kind}-${c.at}-${c.who ?? ''}`}>
                <td>{clockTime(c.at)}</td>
                <td>
                  {t(`lead.report.cases.kinds.${c.kind}`)}
                  {c.kind === 'refusal' && c.reason && ` · ${reasonText(c.reason)}`}
                </td>
                <td className="report-who">
                  {c.who ?? t('guide.incidents.report.unknown')}
                  {c.ticket && ` (${c.ticket})`}
                </td>
                <td>{formatReadings(c.temperatures, true)}</td>
                <td>
                  {c.done.length > 0
                    ? c.done.map(action).join(t('guide.incidents.report.stepSeparator'))
                    : t(`lead.report.cases.told.${c.kind}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
