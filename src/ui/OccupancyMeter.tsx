import { useTranslation } from 'react-i18next';
import type { Occupancy } from '../domain/queue';

/** The waiting area at a glance: 18/24, a bar, and Low / Nearing / Full in words and colour. */
export function OccupancyMeter({
  occupancy,
  compact = false,
}: {
  occupancy: Occupancy;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { inside, places, outside, level } = occupancy;
  const percent = Math.min(100, Math.round((inside * 100) / Math.max(1, places)));
  return (
    <output
      className={`occupancy occupancy-${level} ${compact ? 'occupancy-compact' : ''}`}
      data-testid="occupancy"
      data-level={level}
    >
      <span className="occupancy-label">{t('occupancy.label')}</span>
      <span className="occupancy-count">
        {inside}/{places}
      </span>
      <span className="occupancy-bar" aria-hidden>
        <span style={{ width: `${percent}%` }} />
      </span>
      <span className="occupancy-level">{t(`occupancy.levels.${level}`)}</span>
      {outside > 0 && (
        <span className="occupancy-outside">{t('occupancy.outside', { count: outside })}</span>
      )}
    </output>
  );
}
