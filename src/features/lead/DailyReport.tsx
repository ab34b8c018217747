import { useLiveQuery } from 'dexie-react-hooks';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { visitsOfDay } from '../../db/queries';
import { type DaySummary, summariseDay } from '../../domain/day-summary';
import { chartHours, dayCases } from '../../domain/report';
import { clockTime } from '../../domain/time';
import { useServices } from '../../services/services';
import { HourChart } from './HourChart';
import { HallReportSections } from './hall/ReportSections';
import { ReportCases } from './ReportCases';
import { ReportChain } from './ReportChain';
import { ReportChecks } from './ReportChecks';
import { ReportSignatures } from './ReportSignatures';
import { useDayRecords } from './use-day-records';
import { useLeadAudit } from './use-lead-audit';
import './lead.css';
import { Button } from '../../ui/Button';

/**
 * The printable daily report (A4): outcomes, masks, temperatures, calls, peak, the day's
 * cases with what was done, the hours of the hall's day, and the signature lines.
 */
export function DailyReport({ day }: { day: string }) {
  const { t } = useTranslation();
  const { db, policy, settings } = useServices();
  const visits = useLiveQuery(() => visitsOfDay(db, day), [db, day]);
  const records = useDayRecords(day);
  const audit = useLeadAudit();
  if (!visits || !records) return null;
  const s = summariseDay(visits, policy, records);
  const rows = [
    ['visits', t('lead.summary.visits'), s.visits],
    ['admitted', t('lead.summary.admitted'), s.byStatus.admitted],
    ['refused', t('lead.summary.refused'), s.byStatus.refused],
    ['isolated', t('lead.summary.isolated'), s.isolations],
    ['abandoned', t('lead.summary.abandoned'), s.byStatus.abandoned],
    ['open', t('lead.summary.open'), s.byStatus.open],
    ['masksGiven', t('lead.summary.masksGiven'), s.masksGiven],
    ['abnormal', t('lead.summary.abnormal'), s.abnormalTemperatures],
    ['ambulanceCalls', t('dayFigures.ambulanceCalls'), s.ambulanceCalls],
    ['policeCalls', t('dayFigures.policeCalls'), s.policeCalls],
    ['paper', t('lead.values.method.paper'), s.noPhone.paper],
    ['staffLookup', t('lead.values.method.staff-lookup'), s.noPhone['staff-lookup']],
    ['idRegistration', t('lead.values.method.id-registration'), s.noPhone['id-registration']],
    ['sharedCodes', t('guide.incidents.kinds.shared-code'), s.sharedCodes],
    ['peak', t('dayFigures.peak'), peakText(s.peak, t)],
  ] as const;
  return (
    <article className="report">
      <header>
        <div>
          <h2>{t('lead.report.title', { day })}</h2>
          {(settings.hallName || settings.siteName) && (
            <p className="hint" data-testid="report-hall">
              {[settings.hallName || settings.siteName, settings.entrance]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
        </div>
        <Button
          tone="primary"
          className="no-print"
          onClick={() => {
            // The report names nobody, so a failed record does not stop the print.
            void audit({
              type: 'lead.exported',
              data: { what: 'report', format: 'print', day, rows: visits.length },
            }).catch(() => {});
            window.print();
          }}
        >
          {t('lead.report.print')}
        </Button>
        {/* Nested under /lead: "/" is the ledger. */}
        <Link href="/" className="btn btn-neutral btn-large no-print">
          {t('lead.report.back')}
        </Link>
      </header>
      <table className="report-table">
        <tbody>
          {rows.map(([key, label, n]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td data-testid={`report-${key}`}>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReportChecks visits={visits} />
      <ReportCases cases={dayCases(visits, records, policy)} />
      <h3>{t('lead.report.chart')}</h3>
      <HourChart hours={chartHours(s.hours, policy)} />
      <p className="legend">
        <span className="swatch bar-admitted" /> {t('log.counts.admitted')}{' '}
        <span className="swatch bar-refused" /> {t('log.counts.refused')}{' '}
        <span className="swatch bar-isolated" /> {t('log.counts.isolated')}{' '}
        <span className="swatch bar-other" /> {t('lead.report.other')}
      </p>
      <HallReportSections day={day} />
      <p className="hint">{t('lead.report.policy', { version: policy.version })}</p>
      <ReportChain day={day} />
      <ReportSignatures />
    </article>
  );
}

function peakText(peak: DaySummary['peak'], t: TFunction): string {
  return peak.at === null
    ? t('dayFigures.peakNone')
    : t('dayFigures.peakReport', {
        inside: peak.inside,
        places: peak.places,
        time: clockTime(peak.at),
      });
}
