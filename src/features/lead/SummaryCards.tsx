import { useTranslation } from 'react-i18next';
import { type DaySummary, policeCalls } from '../../domain/day-summary';
import { clockTime } from '../../domain/time';
import { useDayRecords } from './use-day-records';

/**
 * The day's figures, live: the same numbers the printed report carries. The visits'
 * summary comes from the screen; the 110 calls are incidents, read here for `day` (an
 * incident can come before the day's first visit).
 */
export function SummaryCards({ summary, day }: { summary: DaySummary; day: string }) {
  const { t } = useTranslation();
  const records = useDayRecords(day);
  const cards = [
    ['visits', summary.visits, t('lead.summary.visits')],
    ['admitted', summary.byStatus.admitted, t('lead.summary.admitted')],
    ['refused', summary.byStatus.refused, t('lead.summary.refused')],
    ['isolated', summary.isolations, t('lead.summary.isolated')],
    ['masksGiven', summary.masksGiven, t('lead.summary.masksGiven')],
    ['abnormal', summary.abnormalTemperatures, t('lead.summary.abnormal')],
    ['ambulanceCalls', summary.ambulanceCalls, t('dayFigures.ambulanceCalls')],
    [
      'policeCalls',
      records ? policeCalls(records) : summary.policeCalls,
      t('dayFigures.policeCalls'),
    ],
  ] as const;
  const { peak } = summary;
  return (
    <ul className="counts">
      {cards.map(([key, n, label]) => (
        <li key={key} className={`count count-${key}`}>
          <span className="count-n" data-testid={`summary-${key}`}>
            {n}
          </span>
          <span>{label}</span>
        </li>
      ))}
      <li className={`count count-peak ${peak.inside >= peak.places ? 'count-full' : ''}`}>
        <span className="count-n" data-testid="summary-peak">
          {t('dayFigures.peakValue', { inside: peak.inside, places: peak.places })}
        </span>
        <span>
          {t('dayFigures.peak')}
          {peak.at !== null && ` ${t('dayFigures.peakAt', { time: clockTime(peak.at) })}`}
        </span>
      </li>
    </ul>
  );
}
