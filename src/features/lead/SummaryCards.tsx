import { useTranslation } from 'react-i18next';
import type { DaySummary } from '../../domain/day-summary';

/** The day's figures, live: the same numbers the printed report carries. */
export function SummaryCards({ summary }: { summary: DaySummary }) {
  const { t } = useTranslation();
  const cards = [
    ['visits', summary.visits],
    ['admitted', summary.byStatus.admitted],
    ['refused', summary.byStatus.refused],
    ['isolated', summary.isolations],
    ['masksGiven', summary.masksGiven],
    ['abnormal', summary.abnormalTemperatures],
  ] as const;
  return (
    <ul className="counts">
      {cards.map(([key, n]) => (
        <li key={key} className={`count count-${key}`}>
          <span className="count-n" data-testid={`summary-${key}`}>
            {n}
          </span>
          <span>{t(`lead.summary.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}
