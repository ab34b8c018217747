import { useTranslation } from 'react-i18next';
import type { HourBucket } from '../../domain/day-summary';

const HEIGHT = 160;
const TOP = 16;

/** Arrivals and outcomes per hour, as stacked bars, over the hours given (domain/report). */
export function HourChart({ hours: shown }: { hours: readonly HourBucket[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...shown.map((h) => h.arrivals));
  const width = 36;
  return (
    <svg
      className="hour-chart"
      // Room above the bars for the tallest bar's count.
      viewBox={`0 -${TOP} ${shown.length * width} ${TOP + HEIGHT + 24}`}
      role="img"
      aria-label={t('lead.report.chart')}
    >
      {shown.map((h, i) => {
        const scale = (n: number) => (n / max) * HEIGHT;
        const other = h.arrivals - h.admitted - h.refused - h.isolated;
        let y = HEIGHT;
        const bar = (n: number, cls: string) => {
          const height = scale(n);
          y -= height;
          return n > 0 ? (
            <rect
              key={cls}
              className={cls}
              x={i * width + 6}
              y={y}
              width={width - 12}
              height={height}
            />
          ) : null;
        };
        return (
          <g key={h.hour}>
            {bar(h.admitted, 'bar-admitted')}
            {bar(h.refused, 'bar-refused')}
            {bar(h.isolated, 'bar-isolated')}
            {bar(other, 'bar-other')}
            <text x={i * width + width / 2} y={HEIGHT + 18} textAnchor="middle">
              {h.hour}
            </text>
            {h.arrivals > 0 && (
              <text
                x={i * width + width / 2}
                y={HEIGHT - scale(h.arrivals) - 4}
                textAnchor="middle"
                className="bar-n"
              >
                {h.arrivals}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
